"""The children of a scope ranked by their gap to target: a bar chart and a table, either of
which drills down when clicked; and the top 5 / bottom 5.

Everything a view draws is computed once per process for a scope, period, unit set, metric,
filter and language (`_ranking`, shared per data version: components/data.py) — at national
scale a province ranks a thousand agencies, which would otherwise be merged, ranked and
formatted again on every run. A run only hands the result to Streamlit."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import altair as alt
import pandas as pd
import pyarrow as pa
import streamlit as st

from components import data
from components.charts import NUMBER_LOCALES, draw, filled, vega_spec
from components.context import PageContext
from components.download import xlsx_button
from components.scope_url import agency_labels, go, locality_labels, units_localities
from domain import drill
from domain.figures import metric_frame
from domain.i18n import t
from domain.formatting import fmt_metric, fmt_points
from domain.metrics import METRICS, Kind
from domain.scope import Scope
from domain.tables import BREAKDOWN_MEASURES, breakdown, column_formats, headers

CHART_MAX_BARS = 40
STATUS_COLOURS = {"met": "#15803d", "behind": "#b91c1c", "none": "#6b7280"}
FILTER_COLUMNS = {"locality": "kind", "agency": "level"}
FILTER_VALUES = ("province", "ministry", "district", "commune")
# The table's columns besides rank, name, the focus metric, its target and the gap; the full
# breakdown (every column of domain.metrics.BREAKDOWN) is in the Excel download and the CLI.
TABLE_METRICS = ("received_new", "online_rate", "full_online_rate", "on_time_rate",
                 "pending_late", "paid_online")


def _view_key(ctx: PageContext, *args) -> tuple:
    """What a ranking depends on besides the data version: of the page, its language, period
    and unit set."""
    return (ctx.lang, ctx.rng, ctx.units, *args)


@data.shared(max_entries=1024, key=_view_key)
def _children(ctx: PageContext, scope: Scope, focus_id: str, by: str) -> pd.DataFrame:
    """Children's totals with their names and the attributes their targets depend on."""
    focus = METRICS[focus_id]
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
        totals = totals.assign(key=totals["key"].astype("int64"))  # shared: not changed
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


def _choices(children: pd.DataFrame, by: str) -> list[str]:
    """The groups the children can be filtered to (provinces or ministries; agencies by
    level), when there are two or more."""
    column = FILTER_COLUMNS.get(by)
    if column is None or children[column].nunique() < 2:
        return []
    present = set(children[column])
    return [v for v in FILTER_VALUES if v in present]


def _filter(ctx: PageContext, choices: list[str], by: str) -> str | None:
    if not choices:
        return None
    column = FILTER_COLUMNS[by]
    choice = st.segmented_control(
        ctx.t("show"), ["all", *choices], default="all",
        format_func=lambda v: ctx.t("filter_all" if v == "all" else f"filter_{column}_{v}"),
        key=f"filter_{by}")
    return None if choice in (None, "all") else choice


@dataclass(frozen=True)
class Ranking:
    """A ranking ready to draw (shared: read-only)."""
    ranked: pd.DataFrame  # the children, furthest behind first: key, label, value, target, gap
    caption: str
    chart: dict | None  # the bar chart's Vega-Lite spec
    chart_note: str | None
    table: pa.Table  # every child, numbers as numbers
    columns: dict  # its column config
    best: pd.DataFrame
    worst: pd.DataFrame
    download: pd.DataFrame  # the full breakdown, headers translated
    formats: dict


@data.shared(max_entries=1024, key=_view_key)
def _ranking(ctx: PageContext, scope: Scope, focus_id: str, kind: str | None,
             choice: str | None) -> Ranking | None:
    by = drill.children_by(scope)
    focus = METRICS[focus_id]
    children = _children(ctx, scope, focus_id, by)
    if choice is not None:
        children = children[children[FILTER_COLUMNS[by]] == choice]
    if children.empty:
        return None
    targets = drill.child_targets(children, focus, ctx.rng.last.year, data.targets(),
                                  parent_kind=kind, parent_locality=scope.locality)
    ranked = drill.rank(children, focus, targets)
    reported = int(ranked["value"].notna().sum())
    caption = ctx.t("ranked_by_gap", metric=focus.label(ctx.lang)) + " · " + \
        ctx.t("units_reported", n=reported, total=len(ranked))
    chart = vega_spec(_rank_spec(ranked, focus_id, ctx.lang)) if reported else None
    note = ctx.t("chart_first_n", n=CHART_MAX_BARS, total=len(ranked)) \
        if reported and len(ranked) > CHART_MAX_BARS else None
    table, columns = _table(ctx, ranked, focus_id)
    best, worst = (pd.DataFrame({
        ctx.t("col_name"): frame["label"].fillna(frame["key"].astype(str)),
        focus.label(ctx.lang): [fmt_metric(focus, v, ctx.lang) for v in frame["value"]],
    }).set_index(ctx.t("col_name")) for frame in drill.top_bottom(ranked, focus))
    names = headers(ctx.lang)
    download = breakdown(ranked, dict(zip(ranked["key"], ranked["label"]))).rename(
        columns=names)
    return Ranking(ranked, caption, chart, note, table, columns, best, worst, download,
                   {names[c]: f for c, f in column_formats().items()})


def render(ctx: PageContext, scope: Scope, focus, kind: str | None, scope_label: str) -> None:
    by = drill.children_by(scope)
    if by is None:
        return
    st.subheader(ctx.t(f"children_{by}"))
    choice = _filter(ctx, _choices(_children(ctx, scope, focus.id, by), by), by)
    model = _ranking(ctx, scope, focus.id, kind, choice)
    if model is None:
        st.info(ctx.t("no_data"))
        return
    st.caption(model.caption)

    picked = None
    if model.chart is not None:  # bars of the focus metric with each child's target as a tick
        if model.chart_note:
            st.caption(model.chart_note)
        event = draw(model.chart, on_select="rerun", key=f"rank_chart_{by}")
        points = (event or {}).get("selection", {}).get("pick") or []
        picked = points[0].get("key") if points else None
    columns = {c: dict(config) for c, config in model.columns.items()}  # Streamlit may add to them
    event = st.dataframe(model.table, column_config=columns, hide_index=True,
                         width="stretch", on_select="rerun", selection_mode="single-row",
                         key=f"rank_table_{by}")
    rows = (event or {}).get("selection", {}).get("rows") or []
    if rows:
        picked = model.ranked["key"].iloc[rows[0]]
    xlsx_button(ctx, model.download, file_stem=f"{by}_{ctx.rng.first}_{ctx.rng.last}",
                title=f"{ctx.t(f'children_{by}')} — {scope_label}",
                filters={ctx.t("col_scope"): scope_label}, formats=model.formats)
    if picked is not None:
        row = model.ranked[model.ranked["key"].astype(str) == str(picked)]
        locality = row["locality_code"].iloc[0] if "locality_code" in row and len(row) else None
        go(ctx, drill.child_scope(scope, picked, agency_locality=locality), metric=focus.id)

    left, right = st.columns(2)
    for col, frame, key in ((left, model.best, "top5"), (right, model.worst, "bottom5")):
        with col:
            st.markdown(f"**{ctx.t(key)}**")
            st.table(frame)


def _status(row) -> str:
    if row["gap"] is None or pd.isna(row["gap"]):
        return "none"
    return "met" if row["gap"] >= 0 else "behind"


BARS, TICKS = "bars", "ticks"


@functools.lru_cache(maxsize=256)
def _rank_template(focus_id: str, lang: str) -> dict:
    """The bar chart without its data (the bars, the targets' ticks and the order of the
    names are filled in per view)."""
    focus = METRICS[focus_id]
    pick = alt.selection_point(fields=["key"], name="pick")
    colours = alt.Scale(domain=[t(f"status_{s}", lang) for s in STATUS_COLOURS],
                        range=list(STATUS_COLOURS.values()))
    fmt = ".0%" if focus.kind is Kind.RATE else ",.0f"
    bars = alt.Chart(alt.NamedData(BARS)).mark_bar().encode(
        y=alt.Y("label:N", title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("value:Q", title=focus.label(lang), axis=alt.Axis(format=fmt)),
        color=alt.Color("status:N", scale=colours, title=None, legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("label:N", title=t("col_name", lang)),
                 alt.Tooltip("value_text:N", title=focus.label(lang)),
                 alt.Tooltip("target_text:N", title=t("target", lang)),
                 alt.Tooltip("gap_text:N", title=t("col_gap", lang))],
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
    ).add_params(pick)
    ticks = alt.Chart(alt.NamedData(TICKS)).mark_tick(
        color="#111827", thickness=3, size=18).encode(y=alt.Y("label:N"), x="target:Q")
    return alt.layer(bars, ticks).configure(locale={"number": NUMBER_LOCALES[lang]}).configure_axis(
        labelFontSize=13).to_dict(validate=False)


def _rank_spec(ranked: pd.DataFrame, focus_id: str, lang: str) -> dict:
    """Bars of the focus metric, furthest behind first (the first CHART_MAX_BARS children
    that reported), with each child's target as a tick."""
    focus = METRICS[focus_id]
    shown = ranked.dropna(subset=["value"]).head(CHART_MAX_BARS)
    bars = pd.DataFrame({
        "key": shown["key"].astype(str), "label": shown["label"].fillna(shown["key"].astype(str)),
        "value": shown["value"].astype("float64"), "target": shown["target"].astype("float64"),
        "status": [t(f"status_{_status(r)}", lang) for r in shown.to_dict("records")],
        "value_text": [fmt_metric(focus, v, lang) for v in shown["value"]],
        "target_text": [fmt_metric(focus, v, lang) if pd.notna(v) else "–"
                        for v in shown["target"]],
        "gap_text": [fmt_points(g, lang) if pd.notna(g) else "–" for g in shown["gap"]]})
    template = _rank_template(focus_id, lang)
    order = bars["label"].tolist()
    layers = [{**layer, "encoding": {**layer["encoding"], "y": {
        **layer["encoding"]["y"], "sort": order}}} for layer in template["layer"]]
    return filled(template, {BARS: bars, TICKS: bars.dropna(subset=["target"])[
        ["label", "target"]]}, layer=layers, height=max(220, 24 * len(bars)))


def _rank_chart(ranked: pd.DataFrame, focus_id: str, lang: str) -> alt.LayerChart:
    """The bar chart as an Altair chart (what tests/test_charts.py validates)."""
    return alt.LayerChart.from_dict(_rank_spec(ranked, focus_id, lang), validate=False)


def _number_column(label: str, kind: str) -> st.column_config.NumberColumn:
    """Numbers stay numbers (the table sorts by them); the browser formats them in its locale:
    rates as percentages, gaps in points, counts with grouping."""
    if kind == "pct":
        return st.column_config.NumberColumn(label, format="percent", step=0.001)
    if kind == "points":
        return st.column_config.NumberColumn(label, format="localized", step=0.1)
    return st.column_config.NumberColumn(label, format="localized", step=1)


def _table(ctx: PageContext, ranked: pd.DataFrame, focus_id: str) -> tuple[pa.Table, dict]:
    """Every child, sortable by any column, with its column config; no target columns when
    no child has a target (none published for the year)."""
    focus = METRICS[focus_id]
    extra = [m for m in TABLE_METRICS if m != focus_id]
    metrics = metric_frame(ranked, extra)
    with_targets = ["target", "gap"] if ranked["target"].notna().any() else []
    table = pd.DataFrame({
        "rank": ranked["rank"].astype("int64"),
        "label": ranked["label"].fillna(ranked["key"].astype(str)),
        "value": ranked["value"].astype("float64"), "target": ranked["target"].astype("float64"),
        "gap": ranked["gap"].astype("float64") * 100,  # points
        **{m: metrics[m].astype("float64") for m in extra}})
    table = table[["rank", "label", "value", *with_targets, *extra]]
    rate = "pct" if focus.kind is Kind.RATE else "int"
    kinds = {"value": rate, "target": rate, "gap": "points"} | {
        m: "pct" if METRICS[m].kind is Kind.RATE else "int" for m in extra}
    names = {"value": focus.label(ctx.lang), "target": ctx.t("target"),
             "gap": ctx.t("col_gap")} | {m: METRICS[m].label(ctx.lang) for m in extra}
    columns = {"rank": st.column_config.NumberColumn(ctx.t("col_rank"), format="%d"),
               "label": st.column_config.TextColumn(ctx.t("col_name"))} | {
        c: _number_column(names[c], kinds[c]) for c in table.columns[2:]}
    return pa.Table.from_pandas(table, preserve_index=False), columns
