"""Charts drawn with Altair. Tooltip texts are formatted with Babel before they reach the
chart; axes use a Vega number locale so that ticks read 43,9% in Vietnamese."""
from __future__ import annotations

import functools

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from components import data
from components.context import PageContext
from domain.formatting import fmt_metric, fmt_month, fmt_pct
from domain.i18n import t
from domain.metrics import METRICS, Kind, Metric

NUMBER_LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " VND"]},
}
TARGET_COLOUR = "#b91c1c"


def vega_spec(chart: alt.TopLevelMixin | dict) -> dict:
    """An Altair chart (or its Vega-Lite dict) as the spec st.vega_lite_chart takes, with its
    datasets already in Arrow: Streamlit would otherwise convert them again on every draw.
    Altair's JSON-schema validation (~40 ms a chart) is skipped; tests/test_charts.py validates
    every chart the app draws."""
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    if "datasets" in spec:
        spec = {**spec, "datasets": {
            name: convert_anything_to_arrow_bytes(pd.DataFrame(rows))
            for name, rows in spec["datasets"].items()}}
    return spec


def filled(template: dict, datasets: dict[str, pd.DataFrame], **top) -> dict:
    """A chart's spec from its template (built once by Altair, its data named) and this
    view's data: building and serialising an Altair chart costs ~35 ms, filling ~1 ms."""
    rows = {name: frame.to_dict("records") for name, frame in datasets.items()}
    return {**template, **top, "datasets": {**template.get("datasets", {}), **rows}}


def _cell(value):
    """Missing values compare equal in a key (NaN != NaN; pd.NA cannot be compared)."""
    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and value != value):
        return None
    return value


def _key(value):
    """An argument of a chart builder as a hashable key: frames, dicts and lists by value."""
    if isinstance(value, pd.DataFrame):
        return (tuple(value.columns), tuple(tuple(_cell(v) for v in row) for row in
                                            value.itertuples(index=False, name=None)))
    if isinstance(value, dict):
        return tuple((k, _key(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_key(v) for v in value)
    return value


def cached_spec(builder):
    """A function that builds an Altair chart, as one that returns its Vega-Lite spec (see
    vega_spec), kept per process for every set of arguments the pages draw (shared: the spec
    is handed out as is and must not be changed)."""
    return data.shared(max_entries=4096, key=lambda *args: _key(args),
                       name=f"{builder.__module__}.{builder.__qualname__}")(
        lambda *args: vega_spec(builder(*args)))


def draw(spec: dict, **kwargs):
    return st.vega_lite_chart(spec, width="stretch", **kwargs)


def _axis_format(metric: Metric) -> str:
    return ".0%" if metric.kind is Kind.RATE else ",.0f"


LINES = "lines"


@functools.lru_cache(maxsize=256)
def _trend_template(metric_id: str, targets: tuple, lang: str, height: int,
                    partial: bool) -> dict:
    metric = METRICS[metric_id]
    base = alt.Chart(alt.NamedData(LINES)).encode(x=alt.X(
        "month:T", title=t("month", lang),
        axis=alt.Axis(format="%m/%Y", labelAngle=0, tickCount="month")))
    lines = base.mark_line(point=True, strokeWidth=3).encode(
        y=alt.Y("value:Q", title=metric.label(lang), axis=alt.Axis(format=_axis_format(metric))),
        color=alt.Color("series:N", title=t("series", lang), scale=alt.Scale(scheme="tableau10"),
                        legend=alt.Legend(orient="bottom", labelLimit=400)),
        tooltip=[alt.Tooltip("series:N", title=t("series", lang)),
                 alt.Tooltip("month_text:N", title=t("month", lang)),
                 alt.Tooltip("value_text:N", title=metric.label(lang)),
                 alt.Tooltip("coverage:N", title=t("coverage_title", lang))],
    )
    layers = [lines]
    if partial:  # months not yet fully reported: a faded point over the line's own
        layers.append(base.transform_filter(alt.datum.coverage != "").mark_point(
            filled=True, size=140, color="white", opacity=0.85).encode(y="value:Q"))
    if targets:
        rule_data = pd.DataFrame({
            "target": [v for _, v in targets],
            "label": [f"{t('target', lang)} {name}: {fmt_pct(v, lang, 0)}" for name, v in targets]})
        rule = alt.Chart(rule_data).mark_rule(color=TARGET_COLOUR, strokeDash=[6, 4],
                                              strokeWidth=2).encode(y="target:Q")
        text = alt.Chart(rule_data).mark_text(align="left", dx=4, dy=-8, color=TARGET_COLOUR,
                                              fontSize=14).encode(y="target:Q", text="label:N",
                                                                  x=alt.value(0))
        layers += [rule, text]
    return alt.layer(*layers).properties(height=height).configure(
        locale={"number": NUMBER_LOCALES[lang]}).configure_axis(
        labelFontSize=13, titleFontSize=14).configure_legend(
        labelFontSize=13, titleFontSize=13).to_dict(validate=False)


def trend_spec(data: pd.DataFrame, metric_id: str, targets: tuple, lang: str,
               height: int, incomplete: tuple = ()) -> dict:
    """The monthly trend's Vega-Lite spec (its template filled with this series)."""
    metric = METRICS[metric_id]
    data = data.dropna(subset=["value"])
    notes = dict(incomplete)
    rows = pd.DataFrame({
        "month": [f"{d:%Y-%m-%d}T00:00:00" for d in data["month"]],
        "value": data["value"].astype("float64"), "series": data["series"],
        "coverage": [notes.get(d, "") for d in data["month"]],
        "month_text": [fmt_month(d, lang) for d in data["month"]],
        "value_text": [fmt_metric(metric, v, lang) for v in data["value"]]})
    return filled(_trend_template(metric_id, targets, lang, height, bool(notes)),
                  {LINES: rows})


def _trend(data: pd.DataFrame, metric_id: str, targets: tuple, lang: str,
           height: int, incomplete: tuple = ()) -> alt.LayerChart:
    """The trend as an Altair chart (what tests/test_charts.py validates)."""
    return alt.LayerChart.from_dict(trend_spec(data, metric_id, targets, lang, height,
                                               incomplete), validate=False)


_trend_spec = cached_spec(trend_spec)


def trend_chart(ctx: PageContext, frame: pd.DataFrame, metric: Metric,
                targets: list[tuple[str, float]] = (), height: int = 320,
                incomplete: list[dict] = ()) -> None:
    """A monthly line per series with dashed target lines; months not yet fully reported
    (rows of domain.coverage.partial_months) faded and named under the chart.
    frame: columns month (date), series (label), value; targets: (label, value) pairs."""
    notes = tuple((r["month"], ctx.t("month_partial", month=fmt_month(r["month"], ctx.lang),
                                     reported=r["reported"], expected=r["expected"]))
                  for r in incomplete)
    draw(_trend_spec(frame, metric.id, tuple(targets), ctx.lang, height, notes))
    if notes:
        st.caption(ctx.t("trend_incomplete", months="; ".join(n for _, n in notes)))
