"""Charts drawn with Altair. Tooltip texts are formatted with Babel before they reach the
chart; axes use a Vega number locale so that ticks read 43,9% in Vietnamese."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components.context import PageContext
from domain.formatting import fmt_metric, fmt_month, fmt_pct
from domain.metrics import Kind, Metric

NUMBER_LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " VND"]},
}
TARGET_COLOUR = "#b91c1c"


def _axis_format(metric: Metric) -> str:
    return ".0%" if metric.kind is Kind.RATE else ",.0f"


def trend_chart(ctx: PageContext, frame: pd.DataFrame, metric: Metric,
                targets: list[tuple[str, float]] = (), height: int = 320) -> None:
    """A monthly line per series with dashed target lines.
    frame: columns month (date), series (label), value; targets: (label, value) pairs."""
    data = frame.dropna(subset=["value"]).copy()
    data["month_text"] = [fmt_month(d, ctx.lang) for d in data["month"]]
    data["value_text"] = [fmt_metric(metric, v, ctx.lang) for v in data["value"]]
    data["month"] = pd.to_datetime(data["month"])
    base = alt.Chart(data).encode(
        x=alt.X("month:T", title=ctx.t("month"), axis=alt.Axis(format="%m/%Y", labelAngle=0, tickCount="month")),
    )
    lines = base.mark_line(point=True, strokeWidth=3).encode(
        y=alt.Y("value:Q", title=metric.label(ctx.lang),
                axis=alt.Axis(format=_axis_format(metric))),
        color=alt.Color("series:N", title=ctx.t("series"),
                        legend=alt.Legend(orient="bottom", labelLimit=400)),
        tooltip=[alt.Tooltip("series:N", title=ctx.t("series")),
                 alt.Tooltip("month_text:N", title=ctx.t("month")),
                 alt.Tooltip("value_text:N", title=metric.label(ctx.lang))],
    )
    layers = [lines]
    if targets:
        rule_data = pd.DataFrame({
            "target": [v for _, v in targets],
            "label": [f"{ctx.t('target')} {name}: {fmt_pct(v, ctx.lang, 0)}" for name, v in targets]})
        rule = alt.Chart(rule_data).mark_rule(color=TARGET_COLOUR, strokeDash=[6, 4],
                                              strokeWidth=2).encode(y="target:Q")
        text = alt.Chart(rule_data).mark_text(align="left", dx=4, dy=-8, color=TARGET_COLOUR,
                                              fontSize=14).encode(y="target:Q", text="label:N",
                                                                  x=alt.value(0))
        layers += [rule, text]
    chart = alt.layer(*layers).properties(height=height).configure(
        locale={"number": NUMBER_LOCALES[ctx.lang]}).configure_axis(
        labelFontSize=13, titleFontSize=14).configure_legend(labelFontSize=13, titleFontSize=13)
    st.altair_chart(chart, use_container_width=True)
