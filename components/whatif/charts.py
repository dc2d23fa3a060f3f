"""The what-if's charts: each rate month by month — the data, the baseline that continues it,
the policy with its uncertainty band — on an axis from 0; the policy's gain over the baseline,
with its band, where even a small effect shows; each back-test's prediction against what
happened. Chart templates are cached without their data (named data sets); each run adds the
month-by-month values only, so a slider move does not rebuild an Altair chart. Texts are
formatted by Babel before they reach a chart; axes use the Vega number locale."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

import altair as alt
import numpy as np
import streamlit as st

from components.charts import NUMBER_LOCALES, TARGET_COLOUR, cached_spec, draw
from components.context import PageContext
from components.whatif.view import Outcome, num, points, where_text, years_text
from domain.formatting import fmt_change_pct, fmt_month, fmt_pct
from domain.i18n import t
from domain.periods import Month
from domain.whatif_backtest import Check

HIST_COLOUR, BASE_COLOUR, SCEN_COLOUR = "#111827", "#6b7280", "#1d4ed8"
DASHES = ([1, 0], [7, 5], [1, 0])  # data, baseline (dashed), policy
LINES, BAND, TARGETS, MARKS, GAIN = "wi_lines", "wi_band", "wi_targets", "wi_marks", "wi_gain"
LEVEL_HEIGHT = 330
MONTH_AXIS = alt.Axis(format="%m/%Y", labelAngle=0, tickCount="month", labelOverlap=True)


def _x(lang: str) -> alt.X:
    return alt.X("month:T", title=None, axis=MONTH_AXIS)  # months read as months


def _series_encoding(series: tuple[str, str, str]):
    legend = alt.Legend(orient="bottom", labelLimit=400, symbolType="stroke",
                        symbolStrokeWidth=3, title=None)
    colour = alt.Color("series:N", legend=legend, scale=alt.Scale(
        domain=list(series), range=[HIST_COLOUR, BASE_COLOUR, SCEN_COLOUR]))
    dash = alt.StrokeDash("series:N", legend=legend, scale=alt.Scale(
        domain=list(series), range=[list(d) for d in DASHES]))
    return colour, dash


def _level_chart(title: str, series: tuple[str, str, str], band: str, with_targets: bool,
                 lang: str, height: int) -> alt.TopLevelMixin:
    """Rates on an axis from 0 to 100%: the data, the baseline, the policy and its band,
    the start (and end) of the projection and of the policy, each year's target."""
    x = _x(lang)
    y = alt.Y("value:Q", title=title, axis=alt.Axis(format=".0%"),
              scale=alt.Scale(domain=[0, 1], zero=True))
    colour, dash = _series_encoding(series)
    tooltip = [alt.Tooltip("series:N", title=t("series", lang)),
               alt.Tooltip("month_text:N", title=t("month", lang)),
               alt.Tooltip("value_text:N", title=title),
               alt.Tooltip("range_text:N", title=t("wi_range_title", lang))]
    marks = alt.NamedData(name=MARKS)
    layers = [
        alt.Chart(alt.NamedData(name=BAND)).mark_area(opacity=0.22).encode(
            x=x, y=alt.Y("lo:Q", scale=alt.Scale(domain=[0, 1])), y2="hi:Q",
            fill=alt.Fill("band:N", scale=alt.Scale(domain=[band], range=[SCEN_COLOUR]),
                          legend=alt.Legend(orient="bottom", title=None, labelLimit=500))),
        alt.Chart(alt.NamedData(name=LINES)).mark_line(strokeWidth=3).encode(
            x=x, y=y, color=colour, strokeDash=dash, order="order:Q", tooltip=tooltip),
        alt.Chart(alt.NamedData(name=LINES)).transform_filter("datum.dot").mark_point(
            filled=True, size=40, color=HIST_COLOUR).encode(x=x, y="value:Q", tooltip=tooltip),
        alt.Chart(marks).mark_rule(color="#9ca3af", strokeDash=[2, 3]).encode(x=x),
        alt.Chart(marks).mark_text(align="left", baseline="top", dx=4, dy=2, fontSize=13,
                                   color="#374151").encode(x=x, y="top:Q", text="label:N"),
    ]
    if with_targets:  # each year's own target over its months, labelled once a year
        targets = alt.NamedData(name=TARGETS)
        layers.append(alt.Chart(targets).mark_line(
            color=TARGET_COLOUR, strokeDash=[6, 4], strokeWidth=2, interpolate="step-after"
        ).encode(x=x, y=alt.Y("target:Q"), detail="year:N"))
        layers.append(alt.Chart(targets).transform_filter("datum.label").mark_text(
            align="left", dx=4, dy=-8, color=TARGET_COLOUR, fontSize=13
        ).encode(x=x, y="target:Q", text="label:N"))
    return alt.layer(*layers).properties(height=height).configure(
        locale={"number": NUMBER_LOCALES[lang]}).configure_axis(
        labelFontSize=13, titleFontSize=14).configure_legend(labelFontSize=13)


def _gain_chart(title: str, band: str, axis_format: str, lang: str,
                height: int) -> alt.TopLevelMixin:
    """The policy's gain over the baseline, in points, with its band (y from 0)."""
    x = _x(lang)
    tooltip = [alt.Tooltip("month_text:N", title=t("month", lang)),
               alt.Tooltip("value_text:N", title=title),
               alt.Tooltip("range_text:N", title=t("wi_range_title", lang))]
    data = alt.NamedData(name=GAIN)
    return alt.layer(
        alt.Chart(data).mark_area(opacity=0.22).encode(
            x=x, y=alt.Y("lo:Q", title=title, axis=alt.Axis(format=axis_format),
                         scale=alt.Scale(zero=True)), y2="hi:Q",
            fill=alt.Fill("band:N", scale=alt.Scale(domain=[band], range=[SCEN_COLOUR]),
                          legend=alt.Legend(orient="bottom", title=None, labelLimit=500))),
        alt.Chart(data).mark_line(strokeWidth=3, color=SCEN_COLOUR).encode(
            x=x, y="gain:Q", tooltip=tooltip),
    ).properties(height=height).configure(
        locale={"number": NUMBER_LOCALES[lang]}).configure_axis(
        labelFontSize=13, titleFontSize=14).configure_legend(labelFontSize=13)


_level_spec = cached_spec(_level_chart)
_gain_spec = cached_spec(_gain_chart)


@lru_cache(maxsize=8192)
def _pct_text(value: float, lang: str) -> str:
    """fmt_pct of a rate already rounded to the 0,1% it shows: slider moves repeat values."""
    return fmt_pct(value, lang)


def _pct(v, lang: str) -> str:
    return _pct_text(round(float(v), 3), lang)


def _record(month: Month, series: str, value: float, lang: str, order: int, dot=False,
            range_text="–") -> dict:
    return {"month": month.first_day.isoformat(), "series": series, "value": float(value),
            "month_text": fmt_month(month.first_day, lang), "value_text": _pct(value, lang),
            "range_text": range_text, "order": order, "dot": dot}


def level_values(ctx: PageContext, out: Outcome, which: str, covered: bool
                 ) -> tuple[list[dict], list[dict]]:
    """(lines, band): the data, then the baseline from the last actual month, then the
    policy from the month before it starts (where it leaves the baseline)."""
    lang = ctx.lang
    hist_name, base_name, scen_name = series_names(ctx)
    frame = out.covered_rates if covered else out.rates
    history = out.covered_history if covered else out.history
    lines, band = [], []
    last_actual = None
    if history is not None and len(history):
        for i, (m, v) in enumerate(zip(history["month"], history[which])):
            lines.append(_record(Month.of(m), hist_name, v, lang, i, dot=True))
        last_actual = float(history[which].iloc[-1])
    if frame is None:
        return lines, band
    last = out.first.plus(-1)
    base = frame[f"{which}_base"].to_numpy()
    scen, lo, hi = (frame[f"{which}_{k}"].to_numpy() for k in ("scen", "lo", "hi"))
    if last_actual is not None:  # both continue the last actual value
        lines.append(_record(last, base_name, last_actual, lang, 0))
    for step, v in enumerate(base):
        lines.append(_record(out.first.plus(step), base_name, v, lang, step + 1))
    first_step = min(out.params.start, len(base))
    active = out.proj.active.any(axis=0)
    steps = [s for s in range(first_step, len(base)) if active[s]]
    if steps and out.params.discount > 0 and out.n_procedures:
        join = steps[0] - 1  # the policy leaves the baseline from the month before
        if join >= 0:
            lines.append(_record(out.first.plus(join), scen_name, base[join], lang, 0))
            band.append({"month": out.first.plus(join).first_day.isoformat(),
                         "lo": float(base[join]), "hi": float(base[join]),
                         "band": ctx.t("wi_band")})
        elif last_actual is not None:
            lines.append(_record(last, scen_name, last_actual, lang, 0))
        for s in range(steps[0], len(base)):
            rng = ctx.t("wi_range", lo=_pct(lo[s], lang), hi=_pct(hi[s], lang))
            lines.append(_record(out.first.plus(s), scen_name, scen[s], lang, s + 1,
                                 range_text=rng))
            band.append({"month": out.first.plus(s).first_day.isoformat(), "lo": float(lo[s]),
                         "hi": float(hi[s]), "band": ctx.t("wi_band")})
    return lines, band


def series_names(ctx: PageContext) -> tuple[str, str, str]:
    return ctx.t("wi_series_hist"), ctx.t("wi_series_base"), ctx.t("wi_series_scen")


def mark_values(ctx: PageContext, out: Outcome, highest: float) -> list[dict]:
    """Vertical marks, one text line each, where the lines are not (at the foot of the chart
    when they run above half, else at its top): where the projection starts, where the
    policy starts and ends."""
    marks = [(out.first, ctx.t("wi_mark_forecast"))]
    if out.n_procedures and out.params.discount > 0 and out.params.start < out.params.horizon:
        marks.append((out.start, ctx.t("wi_mark_start")))
        if out.policy_end is not None and out.policy_end < out.end:
            marks.append((out.policy_end.plus(1), ctx.t("wi_mark_end")))
    first, step = (0.2, -0.08) if highest > 0.5 else (1.0, -0.08)
    return [{"month": m.first_day.isoformat(), "label": label, "top": first + step * i}
            for i, (m, label) in enumerate(marks)]


def target_values(ctx: PageContext, out: Outcome, months: list[Month]) -> list[dict]:
    """The scope's target each month shown that has one, labelled at a year's first month."""
    records, seen = [], set()
    for m in months:
        value = out.chart_targets.get(m.year)
        if value is None:
            continue
        label = "" if m.year in seen else ctx.t(
            "wi_target_label", year=m.year, value=fmt_pct(float(value), ctx.lang, 0))
        seen.add(m.year)
        records.append({"month": m.first_day.isoformat(), "year": m.year,
                        "target": float(value), "label": label})
    return records


def gain_values(ctx: PageContext, out: Outcome, which: str, covered: bool) -> list[dict]:
    frame = out.covered_rates if covered else out.rates
    if frame is None:
        return []
    lang = ctx.lang
    gain, lo, hi = (frame[f"{which}_{k}"].to_numpy() * 100
                    for k in ("gain", "gain_lo", "gain_hi"))
    return [{"month": out.first.plus(s).first_day.isoformat(), "gain": float(gain[s]),
             "lo": float(lo[s]), "hi": float(hi[s]), "band": ctx.t("wi_band"),
             "month_text": fmt_month(out.first.plus(s).first_day, lang),
             "value_text": points(gain[s] / 100, lang),
             "range_text": ctx.t("wi_range", lo=points(lo[s] / 100, lang),
                                 hi=points(hi[s] / 100, lang))}
            for s in range(len(gain))]


def _draw_level(ctx: PageContext, out: Outcome, which: str, covered: bool, title: str) -> None:
    lines, band = level_values(ctx, out, which, covered)
    months = sorted({Month.of(date.fromisoformat(r["month"])) for r in lines})
    targets = target_values(ctx, out, months) if which == "full" else []
    template = _level_spec(title, series_names(ctx), ctx.t("wi_band"), bool(targets),
                           ctx.lang, LEVEL_HEIGHT)
    highest = max([r["value"] for r in lines] + [r["hi"] for r in band], default=0.0)
    datasets = {LINES: lines, BAND: band, MARKS: mark_values(ctx, out, highest)}
    if targets:
        datasets[TARGETS] = targets
    draw({**template, "datasets": {**template.get("datasets", {}), **datasets}})


def _draw_gain(ctx: PageContext, out: Outcome, which: str, covered: bool) -> None:
    values = gain_values(ctx, out, which, covered)
    biggest = max((abs(v) for r in values for v in (r["lo"], r["hi"])), default=0.0)
    if biggest < 1e-9:  # nothing to magnify: say so rather than draw a line at 0
        st.caption(ctx.t("wi_no_gain"))
        return
    template = _gain_spec(ctx.t("wi_axis_gain"), ctx.t("wi_band"),
                          ",.1f" if biggest >= 1 else ",.2f", ctx.lang, LEVEL_HEIGHT)
    draw({**template, "datasets": {**template.get("datasets", {}), GAIN: values}})


def scenario_charts(ctx: PageContext, out: Outcome, scope_name: str) -> None:
    """First the online rate of the procedures the cut reaches (where its effect is), then
    the scope's full-process rate (what its targets measure); each beside its gain."""
    where = where_text(ctx, out, scope_name)
    covered = out.covered_rates is not None
    rows = [("online", covered, ctx.t("wi_chart_online", n=out.n_procedures, where=where)
             if covered else ctx.t("wi_chart_online_all", where=where), ctx.t("wi_axis_online")),
            ("full", False, ctx.t("wi_chart_full", where=where), ctx.t("wi_axis_full"))]
    for which, of_covered, title, axis in rows:
        st.markdown(f"**{title}**")
        level, gain = st.columns([2, 1])
        with level:
            _draw_level(ctx, out, which, of_covered, axis)
        with gain:
            if covered:
                _draw_gain(ctx, out, which, of_covered)
        if which == "full" and out.missing_years:
            st.caption(ctx.t("wi_chart_no_target", years=years_text(out.missing_years)))
    st.caption(method_text(ctx, out))


def method_text(ctx: PageContext, out: Outcome) -> str:
    """How the baseline is drawn, in the terms of the data it had."""
    m, lang = out.method, ctx.lang
    parts = [ctx.t("wi_method_start", last=fmt_month(m.last.first_day, lang))]
    parts.append(ctx.t("wi_method_season", months=m.season_months) if m.season_months
                 else ctx.t("wi_method_no_season"))
    if out.params.trend:
        parts.append(ctx.t("wi_method_trend") if m.trend else ctx.t("wi_method_no_trend"))
    else:
        parts.append(ctx.t("wi_method_level"))
    parts.append(ctx.t("wi_method_volume", growth=fmt_change_pct(m.growth - 1, lang))
                 if m.growth else ctx.t("wi_method_volume_flat"))
    parts.append(ctx.t("wi_method_fees"))
    lo, hi = out.params.response_range
    parts.append(ctx.t("wi_method_band", lo=num(lo, lang), hi=num(hi, lang)))
    parts.append(ctx.t("wi_method_axis"))
    return " ".join(parts)


# --- the back-tests --------------------------------------------------------------------------
def _backtest_chart(series: tuple[str, str, str], lang: str, height: int) -> alt.TopLevelMixin:
    """What happened, and from the origin the prediction and what it would be without the
    change; the rate axis is cut to the values (the caption says so)."""
    x = _x(lang)
    colour, dash = _series_encoding(series)
    tooltip = [alt.Tooltip("series:N", title=t("series", lang)),
               alt.Tooltip("month_text:N", title=t("month", lang)),
               alt.Tooltip("value_text:N", title=t("wi_axis_online", lang))]
    marks = alt.NamedData(name=MARKS)
    return alt.layer(
        alt.Chart(alt.NamedData(name=LINES)).mark_line(strokeWidth=2.5).encode(
            x=x, y=alt.Y("value:Q", title=None, axis=alt.Axis(format=".0%", tickMinStep=0.01),
                         scale=alt.Scale(zero=False)),
            color=colour, strokeDash=dash, order="order:Q", tooltip=tooltip),
        alt.Chart(marks).mark_rule(color="#9ca3af", strokeDash=[2, 3]).encode(x=x),
        alt.Chart(marks).mark_text(align="left", baseline="top", dx=4, dy=4, fontSize=12,
                                   color="#374151").encode(x=x, y=alt.value(0), text="label:N"),
    ).properties(height=height).configure(
        locale={"number": NUMBER_LOCALES[lang]}).configure_axis(
        labelFontSize=12, titleFontSize=13).configure_legend(labelFontSize=12)


_backtest_spec = cached_spec(_backtest_chart)


def backtest_names(ctx: PageContext) -> tuple[str, str, str]:
    return ctx.t("wi_bt_actual"), ctx.t("wi_bt_without"), ctx.t("wi_bt_predicted")


def backtest_values(ctx: PageContext, check: Check) -> list[dict]:
    """What happened (the year up to the change and the months compared), and from the
    origin the prediction and what it would be without the change."""
    lang = ctx.lang
    actual_name, without_name, predicted_name = backtest_names(ctx)
    lines = [_record(m, actual_name, v, lang, i) for i, (m, v) in enumerate(check.before)]
    offset = len(lines)
    lines += [_record(m, actual_name, v, lang, offset + i)
              for i, (m, v) in enumerate(zip(check.months, check.actual)) if not np.isnan(v)]
    start = dict(check.before).get(check.origin)
    for name, values in ((without_name, check.without), (predicted_name, check.predicted)):
        if start is not None:
            lines.append(_record(check.origin, name, start, lang, 0))
        lines += [_record(m, name, v, lang, i + 1) for i, (m, v) in
                  enumerate(zip(check.months, values))]
    return lines


def draw_backtest(ctx: PageContext, check: Check) -> None:
    template = _backtest_spec(backtest_names(ctx), ctx.lang, 300)
    mark = ctx.t("wi_bt_mark_start" if check.event == "start" else "wi_bt_mark_end")
    marks = [{"month": check.origin.plus(1).first_day.isoformat(), "label": mark}]
    draw({**template, "datasets": {**template.get("datasets", {}),
                                   LINES: backtest_values(ctx, check), MARKS: marks}})
