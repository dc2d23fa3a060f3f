"""The children of a scope ranked by their gap to target: a bar chart and a table, either of
which drills down when clicked; and the top 5 / bottom 5. Each child is measured against the
target its own page shows (domain.drill.child_targets), and the caption names them.

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
from components.charts import LABEL_SIZE, axis_ticks, draw, filled, themed, vega_spec, with_axis
from components.context import PageContext
from components.download import ranking_button
from components.kpi import target_name
from components.scope_url import agency_labels, go, locality_labels, units_localities
from domain import drill
from domain.figures import metric_frame
from domain.i18n import t
from domain.formatting import DASH, fmt_int, fmt_metric, fmt_pct, fmt_points
from domain.metrics import METRICS, Kind
from domain.plain import plain, plain_frame
from domain.scope import Scope
from domain.tables import BREAKDOWN_MEASURES, breakdown, column_formats, headers

CHART_MAX_BARS = 40
STATUS_COLOURS = {"met": "#15803d", "behind": "#b91c1c", "none": "#6b7280"}
INK = "#111827"  # targets and the gaps written at the ends of bars
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
    targets: tuple  # the targets the children are measured against (drill.applied_targets)
    caption: str
    chart: dict | None  # the bar chart's Vega-Lite spec
    chart_note: str | None
    table: pa.Table  # every child in rank order, numbers as numbers (the table sorts by them)
    columns: dict  # its headers and number kinds (the Excel download reads them)
    texts: dict  # per column: value → its text, formatted with Babel (what the table shows)
    best: pd.DataFrame
    worst: pd.DataFrame
    download: pd.DataFrame  # the full breakdown, headers translated
    formats: dict


@data.shared(max_entries=1024, key=_view_key)
def model_of(ctx: PageContext, scope: Scope, focus_id: str, kind: str | None,
             choice: str | None) -> Ranking | None:
    """The ranking of a scope's children (those of one `choice` of the filter, or all):
    the page's and the big screen's (the briefing pack ranks with the same domain.drill)."""
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
    applied = tuple(drill.applied_targets(targets))
    reported = int(ranked["value"].notna().sum())
    caption = _caption(ctx, focus, applied, None in targets) + " " + ctx.t("drill_hint") + \
        " · " + ctx.t("units_reported", n=reported, total=len(ranked))
    rules = pd.DataFrame({"target": [tg.value for tg in applied],
                          "label": [target_name(ctx, tg) for tg in applied]})
    chart = vega_spec(_rank_spec(ranked, focus_id, ctx.lang, rules)) if reported else None
    note = ctx.t("chart_first_n", n=CHART_MAX_BARS, total=len(ranked)) \
        if reported and len(ranked) > CHART_MAX_BARS else None
    table, columns, texts = _table(ctx, ranked, focus_id)
    best, worst = (pd.DataFrame({
        ctx.t("col_name"): frame["label"].fillna(frame["key"].astype(str)),
        focus.label(ctx.lang): [fmt_metric(focus, v, ctx.lang) for v in frame["value"]],
    }).set_index(ctx.t("col_name")) for frame in drill.top_bottom(ranked, focus))
    names = headers(ctx.lang)
    download = breakdown(ranked, dict(zip(ranked["key"], ranked["label"]))).rename(
        columns=names)
    return Ranking(ranked, applied, caption, chart, note, table, columns, texts, best, worst,
                   download, {names[c]: f for c, f in column_formats().items()})


def _order(metric) -> str:
    """Worst first: the lowest value first, or the highest for a metric better when lower."""
    return "order_highest_first" if metric.better == "down" else "order_lowest_first"


def _caption(ctx: PageContext, focus, applied: tuple, some_unset: bool) -> str:
    """What the ranking measures the children against, or that no target applies and it
    ranks by value."""
    year, order = ctx.rng.last.year, ctx.t(_order(focus))
    if not applied:
        return ctx.t("ranked_by_value", metric=focus.label(ctx.lang), year=year, order=order)
    text = ctx.t("ranked_against", year=year, order=order,
                 targets="; ".join(plain(target_name(ctx, tg)) for tg in applied))
    return f"{text} {ctx.t('ranked_unset_last')}" if some_unset else text


def applied_targets(ctx: PageContext, scope: Scope, focus, kind: str | None) -> tuple:
    """The targets the ranking of a scope's children (all of them) measures them against."""
    if drill.children_by(scope) is None:
        return ()
    model = model_of(ctx, scope, focus.id, kind, None)
    return () if model is None else model.targets


def render(ctx: PageContext, scope: Scope, focus, kind: str | None, scope_label: str) -> None:
    by = drill.children_by(scope)
    if by is None:
        return
    st.subheader(ctx.t(f"children_{by}"))
    choice = _filter(ctx, _choices(_children(ctx, scope, focus.id, by), by), by)
    model = model_of(ctx, scope, focus.id, kind, choice)
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
    event = st.dataframe(_styled(model), hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="single-row", key=f"rank_table_{by}")
    rows = (event or {}).get("selection", {}).get("rows") or []
    if rows:
        picked = model.ranked["key"].iloc[rows[0]]
    ranking_button(ctx, model, scope, scope_label)  # the table above, as .xlsx
    if picked is not None:
        row = model.ranked[model.ranked["key"].astype(str) == str(picked)]
        locality = row["locality_code"].iloc[0] if "locality_code" in row and len(row) else None
        go(ctx, drill.child_scope(scope, picked, agency_locality=locality), metric=focus.id)

    left, right = st.columns(2)
    for col, frame, key in ((left, model.best, "top5"), (right, model.worst, "bottom5")):
        with col:
            st.markdown(f"**{ctx.t(key)}**")
            st.table(plain_frame(frame))  # names from the data: text, not markdown


def _status(row) -> str:
    if row["gap"] is None or pd.isna(row["gap"]):
        return "none"
    return "met" if row["gap"] >= 0 else "behind"


BARS, TICKS, RULES = "bars", "ticks", "rules"


@functools.lru_cache(maxsize=256)
def _rank_template(focus_id: str, lang: str) -> dict:
    """The bar chart without its data (the bars, their targets and the order of the names
    are filled in per view)."""
    focus = METRICS[focus_id]
    pick = alt.selection_point(fields=["key"], name="pick")
    colours = alt.Scale(domain=[t(f"status_{s}", lang) for s in STATUS_COLOURS],
                        range=list(STATUS_COLOURS.values()))
    rows = alt.Chart(alt.NamedData(BARS)).encode(y=alt.Y("label:N", title=None))
    bars = rows.mark_bar().encode(
        x=alt.X("value:Q", title=focus.label(lang),
                axis=alt.Axis(format=".0%" if focus.kind is Kind.RATE else ",.0f")),
        color=alt.Color("status:N", scale=colours, title=None,
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("label:N", title=t("col_name", lang)),
                 alt.Tooltip("value_text:N", title=focus.label(lang)),
                 alt.Tooltip("target_text:N", title=t("target", lang)),
                 alt.Tooltip("gap_text:N", title=t("col_gap", lang))],
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.55)),
    ).add_params(pick)
    gaps = rows.mark_text(align="left", dx=6, fontSize=LABEL_SIZE, color=INK).encode(
        x="value:Q", text="gap_text:N")
    ticks = alt.Chart(alt.NamedData(TICKS)).mark_tick(
        color=INK, thickness=3, size=18).encode(y=alt.Y("label:N"), x="target:Q")
    # each target the children are measured against, across the chart, named at its top
    rules = alt.Chart(alt.NamedData(RULES)).encode(x="target:Q")
    rule = rules.mark_rule(color=INK, strokeDash=[8, 5], strokeWidth=2)
    names = rules.mark_text(align="left", baseline="bottom", dx=5, dy=-6, fontSize=LABEL_SIZE,
                            fontWeight="bold", color=INK).encode(y=alt.value(0), text="label:N")
    return themed(alt.layer(bars, gaps, ticks, rule, names), lang).to_dict(validate=False)


def _rank_spec(ranked: pd.DataFrame, focus_id: str, lang: str,
               rules: pd.DataFrame | None = None) -> dict:
    """Bars of the focus metric for the first CHART_MAX_BARS children of the ranking that
    reported, ordered by the value the bars show (worst first, so that their lengths follow
    the order), each with its gap to target at its end and its target as a tick; `rules`
    (target, label): the targets drawn across the chart."""
    focus = METRICS[focus_id]
    shown = ranked.dropna(subset=["value"]).head(CHART_MAX_BARS).sort_values(
        "value", ascending=focus.better != "down", kind="stable")
    bars = pd.DataFrame({
        "key": shown["key"].astype(str), "label": shown["label"].fillna(shown["key"].astype(str)),
        "value": shown["value"].astype("float64"), "target": shown["target"].astype("float64"),
        "status": [t(f"status_{_status(r)}", lang) for r in shown.to_dict("records")],
        "value_text": [fmt_metric(focus, v, lang) for v in shown["value"]],
        "target_text": [fmt_metric(focus, v, lang) if pd.notna(v) else DASH
                        for v in shown["target"]],
        "gap_text": [fmt_points(g, lang) if pd.notna(g) else "" for g in shown["gap"]]})
    rules = rules if rules is not None else pd.DataFrame({"target": [], "label": []})
    template = _rank_template(focus_id, lang)
    order = bars["label"].tolist()
    layers = [{**layer, "encoding": {**layer["encoding"], "y": {
        **layer["encoding"]["y"], "sort": order}}} if "field" in layer["encoding"].get("y", {})
        else layer for layer in template["layer"]]
    top = max([*bars["value"], *bars["target"].dropna(), *rules["target"], 0])
    spec = filled(template, {BARS: bars, TICKS: bars.dropna(subset=["target"])[
        ["label", "target"]], RULES: rules}, layer=layers, height=max(220, 28 * len(bars)))
    return with_axis(spec, "x", axis_ticks(focus, top, 10))


def _rank_chart(ranked: pd.DataFrame, focus_id: str, lang: str,
                rules: pd.DataFrame | None = None) -> alt.LayerChart:
    """The bar chart as an Altair chart (what tests/test_charts.py validates)."""
    return alt.LayerChart.from_dict(_rank_spec(ranked, focus_id, lang, rules), validate=False)


def _number_column(label: str, kind: str) -> st.column_config.NumberColumn:
    """A number column's header and kind: a rate, a gap in points, a count (the Excel download
    formats its cells by them; the page shows the Babel texts of `_table`)."""
    if kind == "pct":
        return st.column_config.NumberColumn(label, format="percent", step=0.001)
    if kind == "points":
        return st.column_config.NumberColumn(label, format="localized", step=0.1)
    return st.column_config.NumberColumn(label, format="localized", step=1)


def _table(ctx: PageContext, ranked: pd.DataFrame, focus_id: str) -> tuple[pa.Table, dict,
                                                                           dict]:
    """Every child in rank order, sortable by any column, with its column config and the text
    of each number; no target columns when no child has a target (none published for the
    year)."""
    focus = METRICS[focus_id]
    lang = ctx.lang
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
    names = {"value": focus.label(lang), "target": ctx.t("target"),
             "gap": ctx.t("col_gap")} | {m: METRICS[m].label(lang) for m in extra}
    columns = {"rank": st.column_config.NumberColumn(ctx.t("col_rank"), format="%d"),
               "label": st.column_config.TextColumn(ctx.t("col_name"))} | {
        c: _number_column(names[c], kinds[c]) for c in table.columns[2:]}
    formats = {"rank": lambda v: fmt_int(v, lang),
               "value": lambda v: fmt_metric(focus, v, lang),
               "target": lambda v: fmt_pct(v, lang, 0) if focus.kind is Kind.RATE
               else fmt_metric(focus, v, lang),
               "gap": lambda v: fmt_points(v / 100, lang)} | {
        m: (lambda v, m=METRICS[m]: fmt_metric(m, v, lang)) for m in extra}
    texts = {c: {v: formats[c](v) for v in table[c].dropna().unique()}
             for c in table.columns if c != "label"}
    return pa.Table.from_pandas(table, preserve_index=False), columns, texts


def _styled(model: Ranking):
    """The table as the page shows it: numbers stay numbers, so that a click on a header
    sorts by them, and read as Babel writes them (43,9%; 1.234.567) rather than in the
    browser's locale (st.column_config's number formats)."""
    frame = model.table.to_pandas()
    labels = {c: model.columns[c]["label"] for c in frame.columns}
    return frame.rename(columns=labels).style.format(
        {labels[c]: (lambda v, d=d: d.get(v, DASH)) for c, d in model.texts.items()},
        na_rep=DASH)
