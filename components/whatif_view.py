"""What the what-if shows: the summary a leader reads aloud, the tiles, the month-by-month
charts against the baseline, each province's or ministry's target crossing, and the estimate
of the response with the policies it rests on."""
from __future__ import annotations

from functools import lru_cache

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st
from babel.numbers import format_decimal

from components.charts import NUMBER_LOCALES, TARGET_COLOUR, cached_spec, draw
from components.context import PageContext
from domain import whatif
from domain.did import Estimate, policy_key
from domain.formatting import (
    LOCALES, fmt_date, fmt_int, fmt_month, fmt_pct, fmt_points, fmt_vnd,
)
from domain.i18n import t
from domain.periods import Month

NOT_REACHED = 10_000
HIST_COLOUR, BASE_COLOUR, SCEN_COLOUR = "#111827", "#6b7280", "#1d4ed8"


# --- the outcome of one scenario ------------------------------------------------------------
class Outcome:
    """A projection and its summaries, for one scenario on one scope (a unit key of today, or
    "" the nation). targets: unit → {year: full-process target}, see whatif_data.unit_targets."""

    def __init__(self, cells: pd.DataFrame, params: whatif.Params, first: Month,
                 targets: dict[str, dict[int, float]], scope: str,
                 history: pd.DataFrame | None = None):
        self.params, self.first, self.scope = params, first, scope
        self.history = history
        self.proj = whatif.project(cells, params)
        self.rates = whatif.rates(self.proj)
        self.totals = whatif.totals(self.proj)
        horizon = params.horizon
        paths = {u: whatif.target_path(targets.get(u, {}), first, horizon)
                 for u in cells["unit"].unique()}
        self.units = whatif.unit_table(self.proj, paths)
        self.years = sorted({first.plus(i).year for i in range(horizon)})
        # the targets the page compares with: the scope's, or (nation) any unit's
        compared = [targets.get(scope, {})] if scope else [targets.get(u, {}) for u in paths]
        self.missing_years = [y for y in self.years if not any(y in c for c in compared)]
        self.target_path = whatif.target_path(targets.get(scope, {}), first, horizon) \
            if scope else None
        end = self.target_path[-1] if scope else np.nan
        self.target = None if np.isnan(end) else float(end)  # in force in the last month
        reach = whatif.covered_mask(cells, params.covered)
        self.n_procedures = int(cells.loc[reach, "procedure"].nunique())
        chosen = cells[cells["procedure"].isin(params.covered) & cells["has_online"]
                       & (cells["fee_direct"] > 0)]
        paying = set(cells.loc[reach, "procedure"])
        self.n_free = int(len(set(chosen["procedure"]) - paying))  # free online everywhere
        vol = cells.loc[reach, "new"].to_numpy(float)
        self.covered_online = float((vol * cells.loc[reach, "p"]).sum() / vol.sum()) \
            if vol.sum() > 0 else None
        self.end = first.plus(params.horizon - 1)
        self.start = first.plus(params.start)

    def reach(self, which: str) -> Month | None:
        """The month from which the full-process rate meets the target of each month's year
        to the end of the horizon."""
        series = self.rates[f"full_{which}"].to_numpy()
        return whatif.month_of(self.first, whatif.first_reaching(series, self.target_path))

    def scope_targets(self) -> dict[int, float]:
        """The scope's targets in the projected years, by year."""
        if self.target_path is None:
            return {}
        return {self.first.plus(i).year: float(v) for i, v in enumerate(self.target_path)
                if not np.isnan(v)}

    def at_end(self, column: str) -> float:
        return float(self.rates[column].iloc[-1])

    def units_meeting(self, which: str) -> int:
        col = self.units[f"full_{which}"]
        tg = self.units["target"].astype("float64")
        return int(((col >= tg - 1e-12) & tg.notna()).sum())


# --- the summary ----------------------------------------------------------------------------
def summary_text(ctx: PageContext, out: Outcome, scope_name: str) -> str:
    p, lang = out.params, ctx.lang
    month = lambda m: fmt_month(m.first_day, lang)  # noqa: E731
    where = ctx.t("wi_at_scope", name=scope_name) if out.scope else ctx.t("wi_at_nation")
    if out.n_procedures == 0:
        return ctx.t("wi_sum_nothing", where=where)
    if p.discount <= 0:
        return ctx.t("wi_sum_zero", where=where)
    tot = out.totals
    parts = [ctx.t(
        "wi_sum_head", cut=fmt_pct(p.discount, lang, 0), n=fmt_int(out.n_procedures, lang),
        where=where, start=month(out.start), months=fmt_int(p.horizon, lang),
        end=month(out.end),
        online_base=fmt_pct(out.at_end("online_base"), lang),
        online_scen=fmt_pct(out.at_end("online_scen"), lang),
        range=_bracket(_range(ctx, out.at_end("online_lo"), out.at_end("online_hi"), fmt_pct)),
        full_base=fmt_pct(out.at_end("full_base"), lang),
        full_scen=fmt_pct(out.at_end("full_scen"), lang))]
    parts.append(ctx.t("wi_sum_moved", moved=fmt_int(tot.moved[0], lang),
                       lo=fmt_int(tot.moved[1], lang), hi=fmt_int(tot.moved[2], lang)))
    parts.append(ctx.t("wi_sum_money", given=fmt_vnd(tot.given_up_year[0], lang),
                       saved=fmt_vnd(tot.savings_year[0], lang)))
    if out.covered_online is not None:
        parts.append(ctx.t("wi_sum_room", online=fmt_pct(out.covered_online, lang),
                           ceil=fmt_pct(p.ceiling, lang, 0),
                           room=fmt_points(max(0.0, p.ceiling - out.covered_online), lang)
                           .lstrip("+")))
    parts.append(target_sentence(ctx, out))
    return " ".join(x for x in parts if x)


def years_text(years: list[int]) -> str:
    """2026 / 2026–2028 / 2024, 2026."""
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def no_target_sentence(ctx: PageContext, out: Outcome) -> str:
    """Which projected years have no published full-process target (none is carried over)."""
    if not out.missing_years:
        return ""
    return ctx.t("wi_no_target", years=years_text(out.missing_years))


def targets_text(ctx: PageContext, targets: dict[int, float]) -> str:
    """"70% (năm 2025)", or each year's in turn."""
    return ", ".join(ctx.t("wi_target_of_year", value=fmt_pct(v, ctx.lang, 0), year=y)
                     for y, v in sorted(targets.items()))


def target_sentence(ctx: PageContext, out: Outcome) -> str:
    lang = ctx.lang
    if not out.scope:
        total = int(out.units["target"].notna().sum())
        if not total:
            return no_target_sentence(ctx, out)
        return " ".join(x for x in (ctx.t(
            "wi_sum_units", base=fmt_int(out.units_meeting("base"), lang),
            scen=fmt_int(out.units_meeting("scen"), lang), total=fmt_int(total, lang),
            end=fmt_month(out.end.first_day, lang), year=out.end.year),
            no_target_sentence(ctx, out)) if x)
    targets = out.scope_targets()
    if not targets:
        return no_target_sentence(ctx, out)
    target = targets_text(ctx, targets)
    b, s = out.reach("base"), out.reach("scen")
    month = lambda m: fmt_month(m.first_day, lang)  # noqa: E731
    if s is None:
        line = ctx.t("wi_sum_never", target=target, value=fmt_pct(out.at_end("full_scen"), lang))
    elif b is not None and b <= s:
        line = ctx.t("wi_sum_anyway", target=target, month=month(b))
    elif b is None:
        line = ctx.t("wi_sum_only", target=target, month=month(s))
    else:
        gain = (b.year - s.year) * 12 + b.month - s.month
        line = ctx.t("wi_sum_earlier", target=target, month=month(s), n=fmt_int(gain, lang),
                     base=month(b))
    return " ".join(x for x in (line, no_target_sentence(ctx, out)) if x)


# --- tiles ------------------------------------------------------------------------------------
def _range(ctx, lo, hi, fmt) -> str:
    """"khoảng lo – hi", or nothing when both ends read the same."""
    a, b = fmt(lo, ctx.lang), fmt(hi, ctx.lang)
    return "" if a == b else ctx.t("wi_range", lo=a, hi=b)


def _bracket(text: str) -> str:
    return f" ({text})" if text else ""


def _line(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def tiles(ctx: PageContext, out: Outcome) -> None:
    lang, tot, end = ctx.lang, out.totals, fmt_month(out.end.first_day, ctx.lang)
    rates = st.columns(3)
    with rates[0], st.container(border=True):
        st.metric(ctx.t("wi_tile_online", month=end), fmt_pct(out.at_end("online_scen"), lang),
                  delta=fmt_points(out.at_end("online_scen") - out.at_end("online_base"), lang),
                  help=ctx.t("wi_tile_online_help"))
        st.caption(_line(ctx.t("wi_without", value=fmt_pct(out.at_end("online_base"), lang)),
                         _range(ctx, out.at_end("online_lo"), out.at_end("online_hi"), fmt_pct)))
    with rates[1], st.container(border=True):
        st.metric(ctx.t("wi_tile_full", month=end), fmt_pct(out.at_end("full_scen"), lang),
                  delta=fmt_points(out.at_end("full_scen") - out.at_end("full_base"), lang),
                  help=ctx.t("wi_tile_full_help"))
        st.caption(ctx.t("wi_without", value=fmt_pct(out.at_end("full_base"), lang)))
        if out.scope and out.target is not None:
            r = out.reach("scen")
            st.caption(ctx.t("wi_target_line", target=fmt_pct(out.target, lang, 0),
                             year=out.end.year,
                             month=fmt_month(r.first_day, lang) if r else ctx.t("wi_not_reached")))
        elif out.scope:
            st.caption(ctx.t("target_none", year=out.end.year))
        else:
            st.caption(target_sentence(ctx, out))
    with rates[2], st.container(border=True):
        st.metric(ctx.t("wi_tile_moved"), fmt_int(tot.moved[0], lang),
                  help=ctx.t("wi_tile_moved_help"))
        st.caption(_line(_range(ctx, tot.moved[1], tot.moved[2], fmt_int),
                         ctx.t("wi_over_months", n=fmt_int(out.params.horizon, lang))))
    money = st.columns(2)
    with money[0], st.container(border=True):
        st.metric(ctx.t("wi_tile_revenue"), fmt_vnd(tot.given_up_year[0], lang),
                  help=ctx.t("wi_tile_revenue_help"))
        st.caption(_range(ctx, tot.given_up_year[1], tot.given_up_year[2], fmt_vnd) or " ")
    with money[1], st.container(border=True):
        st.metric(ctx.t("wi_tile_savings"), fmt_vnd(tot.savings_year[0], lang),
                  help=ctx.t("wi_tile_savings_help"))
        visits = tot.savings_year[0] - tot.given_up_year[0]
        st.caption(_line(ctx.t("wi_savings_split", fees=fmt_vnd(tot.given_up_year[0], lang),
                               visits=fmt_vnd(visits, lang)),
                         _range(ctx, tot.savings_year[1], tot.savings_year[2], fmt_vnd)))


# --- charts -----------------------------------------------------------------------------------
# The chart's spec is cached without its data (a named data set); each run adds the month-by-month
# values only, so a slider move does not rebuild the Altair chart.
DATA_NAME, TARGET_NAME = "whatif_rates", "whatif_targets"


def _scenario_chart(title: str, with_target: bool, series: tuple[str, str, str], lang: str,
                    height: int) -> alt.TopLevelMixin:
    data = alt.NamedData(name=DATA_NAME)
    x = alt.X("month:T", title=t("month", lang),
              axis=alt.Axis(format="%m/%Y", labelAngle=0, tickCount="month"))
    colour = alt.Color("series:N", title=None,
                       legend=alt.Legend(orient="bottom", labelLimit=400, symbolType="stroke",
                                         symbolStrokeWidth=3),
                       scale=alt.Scale(domain=list(series),
                                       range=[HIST_COLOUR, BASE_COLOUR, SCEN_COLOUR]))
    dash = alt.StrokeDash("series:N", legend=None,
                          scale=alt.Scale(domain=list(series), range=[[1, 0], [6, 4], [1, 0]]))
    y = alt.Y("value:Q", title=title, axis=alt.Axis(format=".0%"), scale=alt.Scale(zero=False))
    band = alt.Chart(data).transform_filter("isValid(datum.lo)").mark_area(
        opacity=0.18, color=SCEN_COLOUR).encode(x=x, y="lo:Q", y2="hi:Q")
    lines = alt.Chart(data).mark_line(point=True, strokeWidth=3).encode(
        x=x, y=y, color=colour, strokeDash=dash,
        tooltip=[alt.Tooltip("series:N", title=t("series", lang)),
                 alt.Tooltip("month_text:N", title=t("month", lang)),
                 alt.Tooltip("value_text:N", title=title),
                 alt.Tooltip("range_text:N", title=t("wi_range_title", lang))])
    layers = [band, lines]
    if with_target:  # each year's own target, over that year's months (target_values)
        targets = alt.NamedData(name=TARGET_NAME)
        layers.append(alt.Chart(targets).mark_line(
            color=TARGET_COLOUR, strokeDash=[6, 4], strokeWidth=2, interpolate="step-after"
        ).encode(x=x, y=alt.Y("target:Q"), detail="year:N"))
        layers.append(alt.Chart(targets).transform_filter("datum.label").mark_text(
            align="left", dx=4, dy=-8, color=TARGET_COLOUR, fontSize=14
        ).encode(x=x, y="target:Q", text="label:N"))
    return alt.layer(*layers).properties(height=height).configure(
        locale={"number": NUMBER_LOCALES[lang]}).configure_axis(
        labelFontSize=13, titleFontSize=14).configure_legend(labelFontSize=13)


_chart_spec = cached_spec(_scenario_chart)


@lru_cache(maxsize=8192)
def _pct_text(value: float, lang: str) -> str:
    """fmt_pct of a rate already rounded to the 0,1% it shows: slider moves repeat values."""
    return fmt_pct(value, lang)


def chart_values(ctx: PageContext, out: Outcome, which: str) -> list[dict]:
    """The chart's data: one record per series and month (texts formatted by Babel)."""
    r, lang = out.rates, ctx.lang
    names = (ctx.t("wi_series_base"), ctx.t("wi_series_scen"))
    records = []
    if out.history is not None:
        hist_name = ctx.t("wi_series_hist")
        for month, v in zip(out.history["month"], out.history[which]):
            records.append({"month": month.isoformat(), "series": hist_name, "value": float(v),
                            "lo": None, "hi": None, "month_text": fmt_month(month, lang),
                            "value_text": _pct_text(round(float(v), 3), lang),
                            "range_text": "–"})
    base, scen = r[f"{which}_base"].to_numpy(), r[f"{which}_scen"].to_numpy()
    lo, hi = r[f"{which}_lo"].to_numpy(), r[f"{which}_hi"].to_numpy()
    pct = lambda v: _pct_text(round(float(v), 3), lang)  # noqa: E731
    for step in range(len(r)):
        m = out.first.plus(step)
        month, text = m.first_day.isoformat(), fmt_month(m.first_day, lang)
        records.append({"month": month, "series": names[0], "value": float(base[step]),
                        "lo": None, "hi": None, "month_text": text,
                        "value_text": pct(base[step]), "range_text": "–"})
        records.append({"month": month, "series": names[1], "value": float(scen[step]),
                        "lo": float(lo[step]), "hi": float(hi[step]), "month_text": text,
                        "value_text": pct(scen[step]),
                        "range_text": ctx.t("wi_range", lo=pct(lo[step]), hi=pct(hi[step]))})
    return records


def y_domain(values, pad: float = 0.02) -> list[float]:
    """The y range: the values (targets included) with 2 points either side, on whole points,
    so that a small effect is visible and tick labels do not repeat."""
    vals = [v for v in values if v is not None and v == v]
    if not vals:
        return [0.0, 1.0]
    lo = max(0.0, np.floor((min(vals) - pad) * 100) / 100)
    hi = min(1.0, np.ceil((max(vals) + pad) * 100) / 100)
    return [float(lo), float(hi)]


def target_values(ctx: PageContext, out: Outcome) -> list[dict]:
    """The scope's target, one record per projected month that has one, labelled at the
    first month of each year."""
    records, seen = [], set()
    for step, value in enumerate(out.target_path if out.target_path is not None else []):
        if np.isnan(value):
            continue
        m = out.first.plus(step)
        label = "" if m.year in seen else ctx.t(
            "wi_target_label", year=m.year, value=fmt_pct(float(value), ctx.lang, 0))
        seen.add(m.year)
        records.append({"month": m.first_day.isoformat(), "year": m.year,
                        "target": float(value), "label": label})
    return records


def _draw(ctx: PageContext, out: Outcome, which: str, title: str, targets: list[dict]) -> None:
    series = (ctx.t("wi_series_hist"), ctx.t("wi_series_base"), ctx.t("wi_series_scen"))
    template = _chart_spec(title, bool(targets), series, ctx.lang, 300)
    values = chart_values(ctx, out, which)
    domain = y_domain([r[k] for r in values for k in ("value", "lo", "hi")]
                      + [r["target"] for r in targets])
    datasets = {DATA_NAME: values} | ({TARGET_NAME: targets} if targets else {})
    spec = {**template, "layer": [_with_domain(layer, domain) for layer in template["layer"]],
            "datasets": {**template.get("datasets", {}), **datasets}}
    draw(spec)


def _with_domain(layer: dict, domain: list[float]) -> dict:
    """A copy of a layer whose y scale (on the value field) takes the domain."""
    enc = layer.get("encoding", {})
    y = enc.get("y")
    if not y or y.get("field") != "value":
        return layer
    return {**layer, "encoding": {**enc, "y": {**y, "scale": {**y.get("scale", {}),
                                                              "domain": domain}}}}


def charts(ctx: PageContext, out: Outcome) -> None:
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{ctx.t('wi_chart_online')}**")
        _draw(ctx, out, "online", ctx.t("wi_axis_online"), [])
    with right:
        st.markdown(f"**{ctx.t('wi_chart_full')}**")
        _draw(ctx, out, "full", ctx.t("wi_axis_full"), target_values(ctx, out))


# --- each unit -------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def _cell_text(kind: str, value: float, first: Month, lang: str) -> str:
    """One table cell's text by Babel; kept across runs (most cells repeat between moves)."""
    if kind == "pct":
        return fmt_pct(value, lang)
    if kind == "pct0":
        return fmt_pct(value, lang, 0)
    if kind == "int":
        return fmt_int(value, lang)
    if kind == "vnd":
        return fmt_vnd(value, lang)
    if value >= NOT_REACHED:
        return t("wi_not_reached", lang)
    return fmt_month(first.plus(int(value)).first_day, lang)


def _texts(table: pd.DataFrame, kinds: dict, first: Month, lang: str) -> dict:
    """Each column's values formatted by Babel (value → text)."""
    out = {}
    for col, kind in kinds.items():
        values = table[col].dropna().unique()
        if kind.startswith("pct"):  # shown to 0,1%: equal texts for nearby values
            out[col] = {v: _cell_text(kind, round(float(v), 3), first, lang) for v in values}
        elif kind == "int":
            out[col] = {v: _cell_text(kind, float(round(v)), first, lang) for v in values}
        else:
            out[col] = {v: _cell_text(kind, float(v), first, lang) for v in values}
    return out


def unit_table(ctx: PageContext, out: Outcome, names: dict[str, str]) -> None:
    u = out.units
    with_targets = len(out.missing_years) < len(out.years)
    st.markdown(f"#### {ctx.t('wi_units_title')}")
    end = fmt_month(out.end.first_day, ctx.lang)
    st.caption(ctx.t("wi_units_caption", end=end) if with_targets
               else ctx.t("wi_units_caption_plain", end=end) + " " + no_target_sentence(ctx, out))
    table = pd.DataFrame({
        "name": [names.get(c, c) for c in u["unit"]],
        "kind": [ctx.t(f"block_{k}") for k in u["kind"]],
        "full_base": u["full_base"].astype("float64"),
        "full_scen": u["full_scen"].astype("float64"),
        "target": u["target"].astype("float64"),
        # not reached: a month index past any horizon, so that it sorts last (shown as text)
        "reach_base": u["reach_base"].astype("float64").fillna(NOT_REACHED),
        "reach_scen": u["reach_scen"].astype("float64").fillna(NOT_REACHED),
        "moved": u["moved"].astype("float64"),
        "given_up": u["given_up"].astype("float64"),
    })
    kinds = {"full_base": "pct", "full_scen": "pct", "target": "pct0", "reach_base": "month",
             "reach_scen": "month", "moved": "int", "given_up": "vnd"}
    if not with_targets:  # no target to meet in any projected year: no columns about one
        table = table.drop(columns=["target", "reach_base", "reach_scen"])
        kinds = {c: k for c, k in kinds.items() if c in table}
    texts = _texts(table, kinds, out.first, ctx.lang)
    heads = {c: ctx.t(f"wi_col_{c}", year=out.end.year) for c in table.columns}
    styler = table.rename(columns=heads).style
    for c, d in texts.items():  # missing values are not passed to a formatter: na_rep
        styler = styler.format(lambda v, d=d: d.get(v, "–"), subset=[heads[c]],
                               na_rep=ctx.t("wi_not_reached") if c.startswith("reach") else "–")
    st.dataframe(styler, hide_index=True,
                 width="stretch", height=min(420, 38 + 35 * len(table)))


# --- the estimate -----------------------------------------------------------------------------
def response_note(ctx: PageContext, est: Estimate | None) -> str:
    """One line under the response slider: where its default comes from."""
    if est is None:
        return ctx.t("wi_resp_assumed", value=_num(whatif.ASSUMED_RESPONSE, ctx.lang),
                     unc=_num(whatif.ASSUMED_UNCERTAINTY, ctx.lang))
    return ctx.t("wi_resp_estimated", value=_num(est.beta, ctx.lang),
                 lo=_num(est.lo, ctx.lang), hi=_num(est.hi, ctx.lang),
                 n=fmt_int(est.n_policies, ctx.lang))


def _num(v: float, lang: str, digits: int = 2) -> str:
    """A coefficient with two decimals (0,79 / 0.79)."""
    return format_decimal(round(v, digits), format="#,##0." + "0" * digits,
                          locale=LOCALES[lang])


def estimate_section(ctx: PageContext, est: Estimate | None, names: dict[str, str]) -> None:
    """names: unit key → a name that leaves its era in no doubt (a policy of an old province
    is named as that province)."""
    st.markdown(f"#### {ctx.t('wi_est_title')}")
    if est is None:
        st.info(ctx.t("wi_est_none", value=_num(whatif.ASSUMED_RESPONSE, ctx.lang),
                      unc=_num(whatif.ASSUMED_UNCERTAINTY, ctx.lang)))
        st.caption(ctx.t("wi_est_thin"))
        return
    lang = ctx.lang
    with st.container(border=True):
        st.markdown(ctx.t("wi_est_line", value=_num(est.beta, lang), lo=_num(est.lo, lang),
                          hi=_num(est.hi, lang), n=fmt_int(est.n_policies, lang),
                          cells=fmt_int(est.n_treated_cells, lang),
                          obs=fmt_int(est.n_obs, lang)))
        st.caption(ctx.t("wi_est_meaning",
                         full=fmt_pct(whatif.sigmoid(whatif.logit(0.6) + est.beta), lang, 0),
                         half=fmt_pct(whatif.sigmoid(whatif.logit(0.6) + est.beta / 2), lang, 0)))
        rows = []
        for p in est.policies:
            period = fmt_date(p.valid_from, lang) + " – " + (
                fmt_date(p.valid_to, lang) if p.valid_to else ctx.t("wi_open_ended"))
            own = ctx.t("wi_own_estimate", value=_num(p.beta, lang),
                        lo=_num(p.beta - 1.96 * p.se, lang), hi=_num(p.beta + 1.96 * p.se, lang)) \
                if p.beta is not None else "–"
            rows.append({
                ctx.t("wi_pcol_name"): p.name,
                ctx.t("wi_pcol_scope"): ctx.t("nation") if p.scope == "nation"
                else names.get(policy_key(p.scope, p.valid_from), p.scope),
                ctx.t("wi_pcol_cut"): fmt_pct(p.discount_pct / 100, lang, 0),
                ctx.t("wi_pcol_period"): period,
                ctx.t("wi_pcol_cells"): fmt_int(p.changed_cells, lang),
                ctx.t("wi_pcol_own"): own,
                ctx.t("wi_pcol_use"): ctx.t("wi_used") if p.used
                else ctx.t(f"wi_unused_{p.reason}"),
            })
        st.table(pd.DataFrame(rows).set_index(ctx.t("wi_pcol_name")))
        st.caption(ctx.t("wi_est_method", se_cells=_num(est.se_cells, lang, 3),
                         se_jack=_num(est.se_jackknife, lang, 3)
                         if est.se_jackknife is not None else "–"))
        st.caption(ctx.t("wi_est_thin"))
