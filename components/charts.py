"""Charts drawn with Altair. Tooltip texts are formatted with Babel before they reach the
chart; axes use a Vega number locale so that ticks read 43,9% in Vietnamese."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components.context import PageContext
from domain.formatting import fmt_metric, fmt_month, fmt_pct
from domain.i18n import t
from domain.metrics import METRICS, Kind, Metric

NUMBER_LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " VND"]},
}
TARGET_COLOUR = "#b91c1c"


def cached_spec(builder):
    """Cache a function that builds an Altair chart and return its Vega-Lite spec. Altair's
    JSON-schema validation (~40 ms a chart) is skipped here; tests/test_charts.py validates
    every chart the app draws."""
    return st.cache_data(max_entries=256, show_spinner=False)(
        lambda *args: builder(*args).to_dict(validate=False))


def draw(spec: dict, **kwargs):
    return st.vega_lite_chart(spec, width="stretch", **kwargs)


def _axis_format(metric: Metric) -> str:
    return ".0%" if metric.kind is Kind.RATE else ",.0f"


def _trend(data: pd.DataFrame, metric_id: str, targets: tuple, lang: str,
           height: int, incomplete: tuple = ()) -> alt.TopLevelMixin:
    metric = METRICS[metric_id]
    data = data.dropna(subset=["value"]).copy()
    notes = dict(incomplete)
    data["coverage"] = [notes.get(d, "") for d in data["month"]]
    data["month_text"] = [fmt_month(d, lang) for d in data["month"]]
    data["value_text"] = [fmt_metric(metric, v, lang) for v in data["value"]]
    data["month"] = pd.to_datetime(data["month"])
    base = alt.Chart(data).encode(x=alt.X(
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
    if notes:  # months not yet fully reported: a faded point over the line's own
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
        labelFontSize=13, titleFontSize=14).configure_legend(labelFontSize=13, titleFontSize=13)


_trend_spec = cached_spec(_trend)


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
