"""Which published period the scoreboard shows: `?period=2026-W43` (an ISO week) or
`?period=2026-10` (a month), within the last month of the sidebar's period; by default the
last week published in that month. The groups are recomputed from that month's statistics."""
from __future__ import annotations

import streamlit as st

from components.context import PageContext
from components.index766 import data as data766
from domain import index766 as I
from domain.formatting import fmt_month
from domain.plain import echo

PAGE = "pages/index766.py"


def param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _default(periods: list[I.Period], kind: str | None = None) -> I.Period:
    """The last week of the list (the month when no week was published), or the last of a kind."""
    for k in ((kind,) if kind else (I.WEEK, I.MONTH)):
        of_kind = [p for p in periods if p.kind == k]
        if of_kind:
            return of_kind[-1]
    return periods[-1]


def choose(ctx: PageContext) -> I.Period | None:
    """The title, the period picker and what the figures cover; None (with a message and a
    link to the latest scores) when nothing was published for the month shown."""
    st.title(ctx.t("i766_title"))
    published = data766.periods()
    if not published:
        st.info(ctx.t("i766_none_loaded"))
        return None
    month = ctx.rng.last
    here = [p for p in published if p.month == month]
    if not here:
        latest = _default([p for p in published if p.month == published[-1].month])
        st.info(ctx.t("i766_month_none", month=fmt_month(month.first_day, ctx.lang)))
        st.page_link(PAGE, label=ctx.t("i766_open_latest", period=latest.label(ctx.lang)),
                     icon=":material/event:", query_params=ctx.params(
                         period=str(latest), **{"from": str(latest.month),
                                                "to": str(latest.month)}))
        return None
    chosen = _from_url(ctx, here)
    _picker(ctx, here, chosen)
    st.caption(" · ".join([
        ctx.t("i766_covers", period=chosen.label(ctx.lang),
              month=fmt_month(chosen.month.first_day, ctx.lang)),
        ctx.t(f"units_{chosen.era}")]))
    if ctx.units != chosen.era:
        st.info(ctx.t("i766_units_of_period", units=ctx.t(f"units_{chosen.era}")))
    return chosen


def _from_url(ctx: PageContext, here: list[I.Period]) -> I.Period:
    wanted = param("period")
    if wanted is None:
        return _default(here)
    try:
        period = I.Period.parse(wanted)
    except ValueError:
        st.info(ctx.t("bad_param", name=ctx.t("param_period"), param="period", value=echo(wanted),
                      fallback=ctx.t("i766_latest")))
        return _default(here)
    if period not in here:
        st.info(ctx.t("i766_period_not_here", period=period.label(ctx.lang),
                      month=fmt_month(ctx.rng.last.first_day, ctx.lang)))
        return _default(here)
    return period


def _picker(ctx: PageContext, here: list[I.Period], chosen: I.Period) -> None:
    """Week or month, and which one; a choice is written into the URL."""
    kinds = [k for k in (I.WEEK, I.MONTH) if any(p.kind == k for p in here)]
    left, right = st.columns([1, 3])
    with left:
        kind = st.radio(ctx.t("i766_kind"), kinds, index=kinds.index(chosen.kind),
                        format_func=lambda k: ctx.t(f"i766_kind_{k}"), horizontal=True,
                        key=f"i766_kind_{chosen}")
    options = [p for p in here if p.kind == chosen.kind]
    with right:
        picked = st.selectbox(ctx.t("i766_period"), options, index=options.index(chosen),
                              format_func=lambda p: p.label(ctx.lang),
                              key=f"i766_period_{chosen}")
    if kind != chosen.kind:
        picked = _default(here, kind)
    if picked != chosen:
        st.query_params["period"] = str(picked)
        st.rerun()
