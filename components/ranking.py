"""The children of a scope ranked by their gap to target: a bar chart and a table, either of
which drills down when clicked; and the top 5 / bottom 5."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components import data
from components.charts import NUMBER_LOCALES, cached_spec, draw
from components.context import PageContext
from components.download import xlsx_button
from components.scope_url import agency_labels, go, locality_labels, units_localities
from domain import drill
from domain.figures import metric_frame
from domain.i18n import t
from domain.formatting import fmt_int, fmt_metric, fmt_pct, fmt_points
from domain.metrics import METRICS, Kind, Metric
from domain.scope import Scope
from domain.tables import BREAKDOWN_MEASURES, breakdown, column_formats, headers

CHART_MAX_BARS = 40
STATUS_COLOURS = {"met": "#15803d", "behind": "#b91c1c", "none": "#6b7280"}


def _children(ctx: PageContext, scope: Scope, focus: Metric, by: str) -> pd.DataFrame:
    """Children's totals with their names and the attributes their targets depend on."""
    measures = sorted(set(BREAKDOWN_MEASURES) | set(focus.numerator + focus.denominator))
    totals = data.totals(scope, ctx.rng, measures, by=by)
    name = "name_vi" if ctx.lang == "vi" else "name_en"
    if by == "locality":
        ref = units_localities(ctx).rename(columns={"code": "key"})
        ref["label"] = ref["key"].map(locality_labels(ctx))
        ref["locality_code"] = ref["key"]
        ref = ref[["key", "label", "kind", "locality_code"]]
        if not scope.procedure:  # every province and ministry, reported or not: "12/54 …"
            return ref.merge(totals, on="key", how="left")
    elif by == "agency":
        agencies = data.agencies(scope.locality)
        ref = agencies.rename(columns={"id": "key"})
        ref["label"] = ref["key"].map(agency_labels(ctx, agencies, scope.locality))
        ref["label"] = _unique_labels(ref)
        ref = ref[["key", "label", "level", "locality_code"]]
        totals["key"] = totals["key"].astype("int64")
    else:
        ref = data.procedures().rename(columns={"code": "key", name: "label"})[["key", "label"]]
    return totals.merge(ref, on="key", how="left")


def _unique_labels(agencies: pd.DataFrame) -> pd.Series:
    """Communes share names across districts ("UBND Phường 1"): add the district's name, so
    that every bar and row names one agency."""
    parents = dict(zip(agencies["key"], agencies["label"]))
    repeated = agencies["label"].duplicated(keep=False)
    return agencies["label"].where(~repeated, [
        f"{label} – {parents.get(parent, code)}" for label, parent, code in zip(
            agencies["label"], agencies["parent_id"], agencies["code"])])


def _filter(ctx: PageContext, children: pd.DataFrame, by: str) -> pd.DataFrame:
    """Provinces or ministries; agencies by level."""
    column = {"locality": "kind", "agency": "level"}.get(by)
    if column is None or children[column].nunique() < 2:
        return children
    values = [v for v in ("province", "ministry", "district", "commune")
              if v in set(children[column])]
    choice = st.segmented_control(ctx.t("show"), ["all"] + values, default="all",
                                  format_func=lambda v: ctx.t("filter_all" if v == "all" else f"filter_{column}_{v}"),
                                  key=f"filter_{by}")
    return children if choice in (None, "all") else children[children[column] == choice]


def render(ctx: PageContext, scope: Scope, focus: Metric, kind: str | None,
           scope_label: str) -> None:
    by = drill.children_by(scope)
    if by is None:
        return
    st.subheader(ctx.t(f"children_{by}"))
    children = _filter(ctx, _children(ctx, scope, focus, by), by)
    if children.empty:
        st.info(ctx.t("no_data"))
        return
    targets = drill.child_targets(children, focus, ctx.rng.last.year, data.targets(),
                                  parent_kind=kind, parent_locality=scope.locality)
    ranked = drill.rank(children, focus, targets)
    reported = int(ranked["value"].notna().sum())
    st.caption(ctx.t("ranked_by_gap", metric=focus.label(ctx.lang)) + " · " +
               ctx.t("units_reported", n=reported, total=len(ranked)))

    picked = _chart(ctx, ranked, focus, by)
    picked = _table(ctx, ranked, focus, by) or picked
    _download(ctx, ranked, by, scope_label)
    if picked is not None:
        row = ranked[ranked["key"].astype(str) == str(picked)]
        locality = row["locality_code"].iloc[0] if "locality_code" in row and len(row) else None
        go(ctx, drill.child_scope(scope, picked, agency_locality=locality),
           metric=focus.id)

    best, worst = drill.top_bottom(ranked, focus)
    left, right = st.columns(2)
    for col, frame, key in ((left, best, "top5"), (right, worst, "bottom5")):
        with col:
            st.markdown(f"**{ctx.t(key)}**")
            st.table(pd.DataFrame({
                ctx.t("col_name"): frame["label"].fillna(frame["key"].astype(str)),
                focus.label(ctx.lang): [fmt_metric(focus, v, ctx.lang) for v in frame["value"]],
            }).set_index(ctx.t("col_name")))


def _download(ctx: PageContext, ranked: pd.DataFrame, by: str, scope_label: str) -> None:
    """The full breakdown (the command-line export's columns) as an Excel file."""
    table = breakdown(ranked, dict(zip(ranked["key"], ranked["label"])))
    names = headers(ctx.lang)
    xlsx_button(ctx, table.rename(columns=names),
                file_stem=f"{by}_{ctx.rng.first}_{ctx.rng.last}",
                title=f"{ctx.t(f'children_{by}')} — {scope_label}",
                filters={ctx.t("col_scope"): scope_label},
                formats={names[c]: f for c, f in column_formats().items()})


def _status(row) -> str:
    if row["gap"] is None or pd.isna(row["gap"]):
        return "none"
    return "met" if row["gap"] >= 0 else "behind"


def _rank_chart(ranked: pd.DataFrame, focus_id: str, lang: str) -> alt.TopLevelMixin:
    focus = METRICS[focus_id]
    shown = ranked.dropna(subset=["value"]).head(CHART_MAX_BARS).copy()
    shown["key"] = shown["key"].astype(str)
    shown["label"] = shown["label"].fillna(shown["key"])
    shown["status"] = [t(f"status_{_status(r)}", lang) for r in shown.to_dict("records")]
    shown["value_text"] = [fmt_metric(focus, v, lang) for v in shown["value"]]
    shown["target_text"] = [fmt_metric(focus, v, lang) if pd.notna(v) else "–"
                            for v in shown["target"]]
    shown["gap_text"] = [fmt_points(g, lang) if pd.notna(g) else "–" for g in shown["gap"]]
    pick = alt.selection_point(fields=["key"], name="pick")
    order = shown["label"].tolist()
    colours = alt.Scale(domain=[t(f"status_{s}", lang) for s in STATUS_COLOURS],
                        range=list(STATUS_COLOURS.values()))
    fmt = ".0%" if focus.kind is Kind.RATE else ",.0f"
    bars = alt.Chart(shown).mark_bar().encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("value:Q", title=focus.label(lang), axis=alt.Axis(format=fmt)),
        color=alt.Color("status:N", scale=colours, title=None, legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("label:N", title=t("col_name", lang)),
                 alt.Tooltip("value_text:N", title=focus.label(lang)),
                 alt.Tooltip("target_text:N", title=t("target", lang)),
                 alt.Tooltip("gap_text:N", title=t("col_gap", lang))],
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
    ).add_params(pick)
    ticks = alt.Chart(shown.dropna(subset=["target"])).mark_tick(
        color="#111827", thickness=3, size=18).encode(y=alt.Y("label:N", sort=order),
                                                       x="target:Q")
    return alt.layer(bars, ticks).properties(height=max(220, 24 * len(shown))).configure(
        locale={"number": NUMBER_LOCALES[lang]}).configure_axis(labelFontSize=13)


_rank_spec = cached_spec(_rank_chart)


def _chart(ctx: PageContext, ranked: pd.DataFrame, focus: Metric, by: str):
    """Bars of the focus metric, furthest behind first, with each child's target as a tick."""
    if ranked["value"].notna().sum() == 0:
        return None
    if len(ranked) > CHART_MAX_BARS:
        st.caption(ctx.t("chart_first_n", n=CHART_MAX_BARS, total=len(ranked)))
    columns = ["key", "label", "value", "target", "gap"]
    event = draw(_rank_spec(ranked[columns], focus.id, ctx.lang), on_select="rerun",
                 key=f"rank_chart_{by}")
    points = (event or {}).get("selection", {}).get("pick") or []
    return points[0].get("key") if points else None


# The table's columns besides rank, name, the focus metric, its target and the gap; the full
# breakdown (every column of domain.metrics.BREAKDOWN) is in the Excel download and the CLI.
TABLE_METRICS = ("received_new", "online_rate", "full_online_rate", "on_time_rate",
                 "pending_late", "paid_online")
FORMATTERS = {"int": fmt_int, "pct": fmt_pct, "points": fmt_points}


@st.cache_data(max_entries=64, show_spinner=False)
def _display_strings(table: pd.DataFrame, kinds: dict, lang: str) -> dict:
    """Each column's values formatted once by Babel (value → text), cached: formatting every
    cell on every run would cost more than the rest of the page."""
    return {col: {v: FORMATTERS[kind](v, lang) for v in table[col].dropna().unique()}
            for col, kind in kinds.items()}


def _table(ctx: PageContext, ranked: pd.DataFrame, focus: Metric, by: str):
    """Every child, sortable by any column (numbers stay numbers; Babel formats the display)."""
    extra = [m for m in TABLE_METRICS if m != focus.id]
    metrics = metric_frame(ranked, extra)
    table = pd.DataFrame({
        "rank": ranked["rank"], "label": ranked["label"].fillna(ranked["key"].astype(str)),
        "value": ranked["value"].astype("float64"), "target": ranked["target"].astype("float64"),
        "gap": ranked["gap"].astype("float64"),
        **{m: metrics[m].astype("float64") for m in extra}})
    rate = "pct" if focus.kind is Kind.RATE else "int"
    kinds = {"rank": "int", "value": rate, "target": rate, "gap": "points"} | {
        m: "pct" if METRICS[m].kind is Kind.RATE else "int" for m in extra}
    texts = _display_strings(table, kinds, ctx.lang)
    names = {"rank": ctx.t("col_rank"), "label": ctx.t("col_name"),
             "value": focus.label(ctx.lang), "target": ctx.t("target"),
             "gap": ctx.t("col_gap")} | {m: METRICS[m].label(ctx.lang) for m in extra}
    styled = table.rename(columns=names).style.format(
        {names[c]: (lambda v, d=d: d.get(v, "–")) for c, d in texts.items()})
    event = st.dataframe(styled, hide_index=True, width="stretch",
                         on_select="rerun", selection_mode="single-row", key=f"rank_table_{by}")
    rows = (event or {}).get("selection", {}).get("rows") or []
    return ranked["key"].iloc[rows[0]] if rows else None
