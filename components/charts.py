"""Charts drawn with Altair. Tooltip texts are formatted with Babel before they reach the
chart; axes use a Vega number locale so that ticks read 43,9% in Vietnamese."""
from __future__ import annotations

import functools
import math
import textwrap

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from components import data
from components.context import PageContext
from components.kpi import target_name
from domain.formatting import fmt_metric, fmt_month
from domain.i18n import t
from domain.metrics import METRICS, Kind, Metric
from domain.periods import Month
from domain.targets import Target

NUMBER_LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " VND"]},
}
TARGET_COLOUR = "#b91c1c"
# One colour per series identity, whatever its label says in either language: the localities'
# block, the ministries' block, the unit a page is about. None of them is the red of "behind".
SERIES_COLOURS = {"province": "#2563eb", "ministry": "#c2410c", "unit": "#0f766e"}
# Read across a meeting room: no chart text under 14 px, titles 16 px, long names not cut.
AXIS_STYLE = {"labelFontSize": 14, "titleFontSize": 16, "labelLimit": 520, "titleLimit": 900}
LEGEND_STYLE = {"labelFontSize": 14, "titleFontSize": 16, "labelLimit": 420, "symbolSize": 160}
LABEL_SIZE = 15  # text written on a chart: target labels, gaps at the ends of bars
TITLE_CHARS = 30  # an axis title longer than this wraps (a vertical one is cut at its height)


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


def themed(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """The one look of the app's charts (every chart of components/ is drawn through it):
    numbers in the language's format, text readable across a room."""
    return chart.configure(locale={"number": NUMBER_LOCALES[lang]}).configure_axis(
        **AXIS_STYLE).configure_legend(**LEGEND_STYLE)


def axis_title(text: str) -> str | list[str]:
    """A long axis title on several lines rather than cut ("Tỷ lệ hồ sơ trực tuyến toàn
    trình (EM")."""
    lines = textwrap.wrap(text, TITLE_CHARS)
    return lines[0] if len(lines) == 1 else lines


def axis_ticks(metric: Metric, top: float, count: int) -> dict:
    """Tick values from 0 to the first past `top` (room for a label at the top value; a rate
    stops at 100%) on a 1-2-5 step, about `count` of them, and a format precise enough that
    no two read alike: a small rate's axis read "0% 0% 1%" when its ticks came every 0,25%."""
    rate = metric.kind is Kind.RATE
    if not top > 0:  # nothing above zero (or no data): one unit of the axis
        top = 1.0 if rate else 1
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw * (1 - 1e-9))
    if not rate:
        step = max(1, round(step))
    values = [round(i * step, 12) for i in range(math.floor(top / step + 1e-9) + 2)]
    if rate and top <= 1:
        values = [v for v in values if v <= 1]
    if not rate:
        return {"values": values, "format": ",.0f"}
    digits = max(0, math.ceil(-math.log10(step * 100) - 1e-9))
    return {"values": values, "format": f".{digits}%"}


def with_axis(spec: dict, channel: str, ticks: dict) -> dict:
    """A filled spec whose `channel` axis has these ticks (axis_ticks) and ends on the last,
    so that the highest value has a tick above it."""
    def fitted(enc: dict) -> dict:
        return {**enc, "axis": {**enc["axis"], **ticks},
                "scale": {**enc.get("scale", {}), "domain": [0, ticks["values"][-1]]}}

    return {**spec, "layer": [
        {**layer, "encoding": {**layer["encoding"], channel: fitted(layer["encoding"][channel])}}
        if "axis" in layer.get("encoding", {}).get(channel, {}) else layer
        for layer in spec["layer"]]}


LINES, RULES = "lines", "rules"


@functools.lru_cache(maxsize=256)
def _trend_template(metric_id: str, series: tuple, lang: str, height: int,
                    partial: bool) -> dict:
    """The trend without its data. `series`: (identity, label) pairs in the legend's order;
    each identity keeps its colour in both languages, and so does its target."""
    metric = METRICS[metric_id]
    colours = alt.Scale(domain=[label for _, label in series],
                        range=[SERIES_COLOURS[key] for key, _ in series])
    base = alt.Chart(alt.NamedData(LINES)).encode(x=alt.X(
        "month:T", title=t("month", lang),
        axis=alt.Axis(format="%m/%Y", labelAngle=0, tickCount="month")))
    lines = base.mark_line(point=True, strokeWidth=3).encode(
        y=alt.Y("value:Q", title=axis_title(metric.label(lang)),
                axis=alt.Axis(format=".0%" if metric.kind is Kind.RATE else ",.0f")),
        color=alt.Color("series:N", title=None, scale=colours,
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("series:N", title=t("series", lang)),
                 alt.Tooltip("month_text:N", title=t("month", lang)),
                 alt.Tooltip("value_text:N", title=metric.label(lang)),
                 alt.Tooltip("coverage:N", title=t("coverage_title", lang))],
    )
    layers = [lines]
    if partial:  # months not yet fully reported: a faded point over the line's own
        layers.append(base.transform_filter(alt.datum.coverage != "").mark_point(
            filled=True, size=140, color="white", opacity=0.85).encode(y="value:Q"))
    # each target over the months of its year, dashed in its series' colour, named at its end
    rules = alt.Chart(alt.NamedData(RULES)).encode(
        y="target:Q", color=alt.Color("series:N", scale=colours, legend=None))
    layers += [rules.mark_rule(strokeDash=[8, 5], strokeWidth=2.5).encode(
                   x="start:T", x2="end:T"),
               rules.mark_text(align="right", baseline="bottom", dy=-5, fontSize=LABEL_SIZE,
                               fontWeight="bold").encode(x="end:T", text="label:N")]
    return themed(alt.layer(*layers).properties(height=height), lang).to_dict(validate=False)


def trend_spec(data: pd.DataFrame, metric_id: str, series: tuple, targets: tuple, lang: str,
               height: int, incomplete: tuple = ()) -> dict:
    """The monthly trend's Vega-Lite spec (its template filled with this view's lines and
    targets). targets: (identity, Target, label) triples."""
    metric = METRICS[metric_id]
    data = data.dropna(subset=["value"])
    labels = dict(series)
    notes = dict(incomplete)
    rows = pd.DataFrame({
        "month": [f"{d:%Y-%m-%d}T00:00:00" for d in data["month"]],
        "value": data["value"].astype("float64"),
        "series": [labels[k] for k in data["series"]],
        "coverage": [notes.get(d, "") for d in data["month"]],
        "month_text": [fmt_month(d, lang) for d in data["month"]],
        "value_text": [fmt_metric(metric, v, lang) for v in data["value"]]})
    spans = [(key, tg, label, max(min(data["month"]), Month(tg.year, 1).first_day),
              min(max(data["month"]), Month(tg.year, 12).first_day))
             for key, tg, label in targets if len(data)]
    rules = pd.DataFrame([{"series": labels[key], "target": tg.value, "label": label,
                           "start": f"{start:%Y-%m-%d}T00:00:00", "end": f"{end:%Y-%m-%d}T00:00:00"}
                          for key, tg, label, start, end in spans if start <= end],
                         columns=["series", "target", "label", "start", "end"])
    top = max([*rows["value"], *rules["target"], 0])
    spec = filled(_trend_template(metric_id, tuple(series), lang, height, bool(notes)),
                  {LINES: rows, RULES: rules})
    return with_axis(spec, "y", axis_ticks(metric, top, 5))


def _trend(data: pd.DataFrame, metric_id: str, series: tuple, targets: tuple, lang: str,
           height: int, incomplete: tuple = ()) -> alt.LayerChart:
    """The trend as an Altair chart (what tests/test_charts.py validates)."""
    return alt.LayerChart.from_dict(trend_spec(data, metric_id, series, targets, lang, height,
                                               incomplete), validate=False)


_trend_spec = cached_spec(trend_spec)


def trend_chart(ctx: PageContext, frame: pd.DataFrame, metric: Metric, series: dict[str, str],
                targets: list[tuple[str, Target]] = (), height: int = 380,
                incomplete: list[dict] = ()) -> None:
    """A monthly line per series, each series' target a dashed line of its colour over the
    months of the target's year, named at its end; months not yet fully reported (rows of
    domain.coverage.partial_months) faded and named under the chart.
    frame: columns month (date), series (an identity of SERIES_COLOURS), value; series:
    identity → label, in the legend's order; targets: (identity, Target) pairs."""
    notes = tuple((r["month"], ctx.t("month_partial", month=fmt_month(r["month"], ctx.lang),
                                     reported=r["reported"], expected=r["expected"]))
                  for r in incomplete)
    draw(_trend_spec(frame, metric.id, tuple(series.items()),
                     tuple((key, tg, target_name(ctx, tg)) for key, tg in targets), ctx.lang,
                     height, notes))
    if notes:
        st.caption(ctx.t("trend_incomplete", months="; ".join(n for _, n in notes)))
