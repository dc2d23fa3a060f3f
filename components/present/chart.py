"""The big-screen ranking: one horizontal bar per unit, its value and gap written at the end of
the bar, its target as a black tick; type sized to be read across a room."""
from __future__ import annotations

import altair as alt
import pandas as pd

from components.charts import NUMBER_LOCALES, cached_spec, draw
from components.ranking import STATUS_COLOURS
from domain.formatting import fmt_decimal, fmt_metric
from domain.i18n import t
from domain.metrics import METRICS, Kind

FONT = 26  # px: names and figures on the chart
FIGURES = 205  # px on the right of the plot for "34,1% (-50,9)"
NAMES = 0.4  # of the chart's width, at most, for the names


def rows(frame: pd.DataFrame, metric_id: str, lang: str) -> pd.DataFrame:
    """The chart's data from rows of a ranking (key, label, value, target, gap): the text at
    the bar's end is the value and, with a target, the gap in points ("17,3% (-52,7)")."""
    metric = METRICS[metric_id]
    gap = pd.to_numeric(frame["gap"], errors="coerce")
    target = pd.to_numeric(frame["target"], errors="coerce")
    value = frame["value"].astype("float64")
    status = ["none" if g != g else "met" if g >= 0 else "behind" for g in gap]
    text = [fmt_metric(metric, v, lang, compact=True) + (
        f" ({fmt_decimal(g * 100, lang, 1, signed=True)})" if g == g else "")
        for v, g in zip(value, gap)]
    return pd.DataFrame({
        "label": frame["label"].fillna(frame["key"].astype(str)).tolist(),
        "value": value.tolist(), "target": target.tolist(),
        "status": [t(f"status_{s}", lang) for s in status], "text": text})


def bars(data: pd.DataFrame, lang: str, row: int, rate: bool) -> alt.LayerChart:
    """The bars and ticks fill the plot but for a column on its right that holds the figures;
    the names take at most a share of the chart's width (so that a 1280-pixel screen keeps
    room for the bars). The value axis is not drawn: every bar carries its figure, and starts
    at zero; a rate's full width is 100%, so that 5% looks like 5%."""
    present = [s for s in STATUS_COLOURS if t(f"status_{s}", lang) in set(data["status"])]
    colours = alt.Scale(domain=[t(f"status_{s}", lang) for s in present],
                        range=[STATUS_COLOURS[s] for s in present])
    longest = max([v for v in [*data["value"], *data["target"]] if v == v] or [0.0]) or 1.0
    if rate:
        longest = max(longest, 1.0)
    x_scale = alt.Scale(domain=[0, longest], nice=False,
                        range=[0, alt.ExprRef(f"width - {FIGURES}")])
    y = alt.Y("label:N", sort=None, title=None, axis=alt.Axis(
        labelFontSize=FONT, labelLimit=alt.ExprRef(f"containerSize()[0] * {NAMES}"),
        labelPadding=14, domain=False, ticks=False, labelColor="#111827"))
    base = alt.Chart(data).encode(y=y)
    layers = [
        base.mark_bar(cornerRadiusEnd=4, height={"band": 0.72}).encode(
            x=alt.X("value:Q", title=None, axis=None, scale=x_scale),
            color=alt.Color("status:N", scale=colours, legend=alt.Legend(
                orient="top", title=None, labelFontSize=24, labelLimit=0, symbolSize=500,
                symbolType="square", columnPadding=28))),
        base.mark_tick(color="#111827", thickness=5, size=row * 0.7).encode(
            x=alt.X("target:Q", scale=x_scale)),
        base.mark_text(align="left", x=alt.ExprRef(f"width - {FIGURES} + 16"), fontSize=FONT,
                       fontWeight="bold", color="#111827").encode(text="text:N"),
    ]
    # a step per bar, not a total height: a total was shared out wrongly for a chart of two bars
    return alt.layer(*layers).properties(height=alt.Step(row)).configure(
        locale={"number": NUMBER_LOCALES[lang]}).configure_view(stroke=None).configure_axis(
        grid=False)


_spec = cached_spec(bars)


def draw_bars(frame: pd.DataFrame, metric_id: str, lang: str, row: int) -> None:
    """`row`: pixels per bar."""
    draw(_spec(rows(frame, metric_id, lang), lang, row, METRICS[metric_id].kind is Kind.RATE))
