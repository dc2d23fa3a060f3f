"""What the what-if shows: the outcome of a scenario, the summary a leader reads aloud, the
tiles and each province's or ministry's target crossing."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import streamlit as st
from babel.numbers import format_decimal

from components.context import PageContext
from domain import whatif
from domain.formatting import LOCALES, fmt_int, fmt_month, fmt_pct, fmt_points, fmt_vnd
from domain.i18n import t
from domain.periods import Month
from domain.plain import plain

NOT_REACHED = 10_000


# --- the outcome of one scenario ------------------------------------------------------------
class Outcome:
    """A projection and its summaries, for one scenario on one scope (a unit key of today, or
    "" the nation). targets: unit → {year: full-process target}, see data.unit_targets;
    history / covered_history: the scope's observed rates, of all procedures / of those the
    cut reaches (see data.history)."""

    def __init__(self, inp: whatif.Inputs, params: whatif.Params,
                 targets: dict[str, dict[int, float]], scope: str,
                 history: pd.DataFrame | None = None,
                 covered_history: pd.DataFrame | None = None):
        self.params, self.scope, self.first = params, scope, inp.first
        self.method = inp.method
        self.history, self.covered_history = history, covered_history
        cells = inp.cells
        self.proj = whatif.project(inp, params)
        reach = self.proj.reach
        self.rates = whatif.rates(self.proj)
        self.covered_rates = whatif.rates(self.proj, reach) if reach.any() else None
        self.totals = whatif.totals(self.proj)
        horizon = params.horizon
        paths = {u: whatif.target_path(targets.get(u, {}), self.first, horizon)
                 for u in cells["unit"].unique()}
        self.units = whatif.unit_table(self.proj, paths)
        self.years = sorted({self.first.plus(i).year for i in range(horizon)})
        # the targets the page compares with: the scope's, or (nation) any unit's
        compared = [targets.get(scope, {})] if scope else [targets.get(u, {}) for u in paths]
        self.missing_years = [y for y in self.years if not any(y in c for c in compared)]
        self.chart_targets = targets.get(scope, {})  # the scope's own, drawn on its chart
        self.target_path = whatif.target_path(targets.get(scope, {}), self.first, horizon) \
            if scope else None
        end = self.target_path[-1] if scope else np.nan
        self.target = None if np.isnan(end) else float(end)  # in force in the last month
        self.procedures = tuple(sorted(set(cells.loc[reach, "procedure"])))
        self.n_procedures = len(self.procedures)
        chosen = set(cells.loc[whatif.covered_mask(cells, params.covered), "procedure"])
        self.n_free = len(chosen - set(self.procedures))  # free online here while it applies
        self.covered_online = whatif.online_share(cells, reach)
        online = (cells["new"] * cells["p"]).to_numpy(float)[reach]
        # the full-process share of the covered procedures' online dossiers (0: none of them
        # can be full-process online, so moving them online leaves that rate as it is)
        self.covered_full = float((online * cells["r"].to_numpy(float)[reach]).sum()
                                  / online.sum()) if online.sum() > 0 else 0.0
        volume = cells["new"].to_numpy(float)
        self.covered_volume = float(volume[reach].sum() / volume.sum()) if volume.sum() else 0.0
        self.end = self.first.plus(horizon - 1)
        self.start = self.first.plus(params.start)
        self.policy_end = None if params.end is None else self.first.plus(params.end)

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

    def at_end(self, column: str, covered: bool = False) -> float:
        frame = self.covered_rates if covered else self.rates
        return float(frame[column].iloc[-1]) if frame is not None else float("nan")

    def units_meeting(self, which: str) -> int:
        col = self.units[f"full_{which}"]
        tg = self.units["target"].astype("float64")
        return int(((col >= tg - 1e-12) & tg.notna()).sum())

    @property
    def mostly_online(self) -> bool:
        return self.covered_online is not None and self.covered_online >= whatif.MOSTLY_ONLINE


# --- numbers that read right -----------------------------------------------------------------
def num(v: float, lang: str, digits: int = 2) -> str:
    """A coefficient with two decimals (0,79 / 0.79)."""
    return format_decimal(round(v, digits), format="#,##0." + "0" * digits,
                          locale=LOCALES[lang])


def pair(a: float, b: float, lang: str) -> tuple[str, str]:
    """Two rates with enough decimals to tell them apart: one, two when one is not enough;
    one again when they are the same."""
    for digits in (1, 2):
        ta, tb = fmt_pct(a, lang, digits), fmt_pct(b, lang, digits)
        if ta != tb:
            return ta, tb
    return fmt_pct(a, lang), fmt_pct(b, lang)


def points(delta: float, lang: str) -> str:
    """A change in points: one decimal; two under a tenth of a point, three under a
    hundredth (a change that small still reads as one, not as 0,0); none at all: 0,0."""
    size = abs(delta)
    digits = 1 if size >= 0.00095 or size < 0.0000095 else 2 if size >= 0.000095 else 3
    return fmt_points(delta, lang, digits)


def unchanged(delta: float) -> bool:
    """Under 0,05 point: too small to matter to a target."""
    return abs(delta) < 0.0005


def range_text(ctx, lo, hi, fmt) -> str:
    """"khoảng lo – hi", or nothing when both ends read the same."""
    a, b = fmt(lo, ctx.lang), fmt(hi, ctx.lang)
    return "" if a == b else ctx.t("wi_range", lo=a, hi=b)


def _bracket(text: str) -> str:
    return f" ({text})" if text else ""


def _line(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def until_text(ctx: PageContext, out: Outcome) -> str:
    if out.policy_end is None:
        return ctx.t("wi_open_ended_policy")
    return ctx.t("wi_until", month=fmt_month(out.policy_end.first_day, ctx.lang))


# --- the summary ----------------------------------------------------------------------------
def summary_text(ctx: PageContext, out: Outcome, scope_name: str) -> str:
    p, lang = out.params, ctx.lang
    month = lambda m: fmt_month(m.first_day, lang)  # noqa: E731
    where = where_text(ctx, out, scope_name)
    if out.n_procedures == 0:
        return ctx.t("wi_sum_nothing", where=where)
    if p.discount <= 0:
        return ctx.t("wi_sum_zero", where=where)
    if not out.totals.policy_months:
        return ctx.t("wi_sum_no_month", where=where)
    tot = out.totals
    base, scen = pair(out.at_end("online_base", True), out.at_end("online_scen", True), lang)
    full_base, full_scen = pair(out.at_end("full_base"), out.at_end("full_scen"), lang)
    parts = [ctx.t(
        "wi_sum_head", cut=fmt_pct(p.discount, lang, 0), n=fmt_int(out.n_procedures, lang),
        where=where, start=month(out.start), until=until_text(ctx, out), end=month(out.end),
        online_base=base, online_scen=scen,
        range=_bracket(range_text(ctx, out.at_end("online_lo", True),
                                  out.at_end("online_hi", True), fmt_pct)),
        gain=points(out.at_end("online_gain", True), lang)),
        ctx.t(full_key(out), where=where, full_base=full_base, full_scen=full_scen,
              gain=points(out.at_end("full_gain"), lang),
              share=fmt_pct(out.covered_volume, lang, 1))]
    parts.append(ctx.t("wi_sum_moved", moved=fmt_int(tot.moved[0], lang),
                       lo=fmt_int(tot.moved[1], lang), hi=fmt_int(tot.moved[2], lang)))
    parts.append(ctx.t("wi_sum_money", given=fmt_vnd(tot.given_up_year[0], lang),
                       saved=fmt_vnd(tot.savings_year[0], lang)))
    parts.append(target_sentence(ctx, out))
    return " ".join(x for x in parts if x)


def full_key(out: Outcome) -> str:
    """How the summary speaks of the full-process rate: moved, barely moved, or not at all
    because the procedures cut cannot be full-process online."""
    if out.covered_full <= 0:
        return "wi_sum_full_none"
    return "wi_sum_full_flat" if unchanged(out.at_end("full_gain")) else "wi_sum_full"


def notes(ctx: PageContext, out: Outcome) -> None:
    """Plain statements when the choice leaves a cut little or nothing to move, or when its
    dates leave it no month inside the projection."""
    lang = ctx.lang
    if out.n_free:
        st.caption(ctx.t("wi_free_note", n=fmt_int(out.n_free, lang)))
    if out.mostly_online and out.n_procedures:
        room = max(0.0, out.params.ceiling - out.covered_online)
        st.warning(ctx.t("wi_mostly_online", online=fmt_pct(out.covered_online, lang),
                         ceil=fmt_pct(out.params.ceiling, lang, 0),
                         room=fmt_points(room, lang).lstrip("+")), icon=":material/info:")
    if out.params.start >= out.params.horizon:
        st.warning(ctx.t("wi_start_after", months=fmt_int(out.params.horizon, lang)))
    elif out.policy_end is not None and out.policy_end < out.start:
        st.warning(ctx.t("wi_end_before_start"))


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
def where_text(ctx: PageContext, out: Outcome, scope_name: str) -> str:
    return ctx.t("wi_at_scope", name=plain(scope_name)) if out.scope else ctx.t("wi_at_nation")


def tiles(ctx: PageContext, out: Outcome, scope_name: str) -> None:
    lang, tot, end = ctx.lang, out.totals, fmt_month(out.end.first_day, ctx.lang)
    rates = st.columns(3)
    with rates[0], st.container(border=True):
        base, scen = out.at_end("online_base", True), out.at_end("online_scen", True)
        st.metric(ctx.t("wi_tile_online", month=end), pair(base, scen, lang)[1],
                  delta=points(scen - base, lang) if out.n_procedures else None,
                  help=ctx.t("wi_tile_online_help"))
        st.caption(_line(ctx.t("wi_without", value=pair(base, scen, lang)[0]),
                         range_text(ctx, out.at_end("online_lo", True),
                                    out.at_end("online_hi", True), fmt_pct)))
    with rates[1], st.container(border=True):
        base, scen = out.at_end("full_base"), out.at_end("full_scen")
        unmoved = out.n_procedures > 0 and out.covered_full <= 0
        st.metric(ctx.t("wi_tile_full", month=end, where=where_text(ctx, out, scope_name)),
                  pair(base, scen, lang)[1],
                  delta=None if unmoved else points(scen - base, lang),
                  help=ctx.t("wi_tile_full_help"))
        st.caption(ctx.t("wi_full_unmoved") if unmoved
                   else ctx.t("wi_without", value=pair(base, scen, lang)[0]))
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
        st.caption(_line(range_text(ctx, tot.moved[1], tot.moved[2], fmt_int),
                         ctx.t("wi_over_months", n=fmt_int(out.params.horizon, lang))))
    money = st.columns(2)
    with money[0], st.container(border=True):
        st.metric(ctx.t("wi_tile_revenue"), fmt_vnd(tot.given_up_year[0], lang),
                  help=ctx.t("wi_tile_revenue_help"))
        st.caption(range_text(ctx, tot.given_up_year[1], tot.given_up_year[2], fmt_vnd) or " ")
    with money[1], st.container(border=True):
        st.metric(ctx.t("wi_tile_savings"), fmt_vnd(tot.savings_year[0], lang),
                  help=ctx.t("wi_tile_savings_help"))
        visits = tot.savings_year[0] - tot.given_up_year[0]
        st.caption(_line(ctx.t("wi_savings_split", fees=fmt_vnd(tot.given_up_year[0], lang),
                               visits=fmt_vnd(visits, lang)),
                         range_text(ctx, tot.savings_year[1], tot.savings_year[2], fmt_vnd)))


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
