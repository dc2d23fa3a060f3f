"""The overview's block view: the full-process online rate of the localities and of the
ministries against their own targets, how many provinces are behind, and both blocks by month."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data
from components.charts import trend_chart
from components.context import PageContext
from components.kpi import tile
from domain import targets as tg
from domain.coverage import partial_months
from domain.figures import figure, metric_frame
from domain.formatting import fmt_pct
from domain.metrics import METRICS, measures_for
from domain.periods import MonthRange
from domain.scope import NATION, Scope

KINDS = ("province", "ministry")


def render(ctx: PageContext) -> None:
    fo = METRICS["full_online_rate"]
    measures = measures_for([fo.id])
    year, compare_year = ctx.rng.last.year, ctx.rng.year_earlier().last.year
    targets = {k: tg.applicable(data.targets(), fo, year, kind=k) for k in KINDS}
    now = data.totals(NATION, ctx.rng, measures, by="kind").set_index("key")
    partial = [r for r in partial_months(data.month_coverage())
               if ctx.rng.first.first_day <= r["month"] <= ctx.rng.last.first_day]
    before = data.totals(NATION, ctx.rng.year_earlier(), measures, by="kind").set_index("key")
    if partial:  # not compared: the level page below says why
        before = before.iloc[0:0]

    st.subheader(ctx.t("blocks_title"))
    cols = st.columns(3)
    for col, kind in zip(cols, KINDS):
        with col:
            st.markdown(f"**{ctx.t(f'block_{kind}')}**")
            tile(ctx, figure(fo.id, _row(now, kind), _row(before, kind), targets[kind]),
                 compare_year)
    if targets["province"] is not None:
        provinces = metric_frame(data.totals(Scope(kind="province", units=ctx.units), ctx.rng,
                                             measures, by="locality"), [fo.id])
        behind = int((provinces[fo.id] < targets["province"].value).sum())
        with cols[2]:
            st.markdown(f"**{ctx.t('provinces_behind')}**")
            with st.container(border=True):
                st.metric(ctx.t("units_behind", n=behind, total=len(provinces), year=year,
                                target=fmt_pct(targets["province"].value, ctx.lang, 0)),
                          f"{behind}/{len(provinces)}")

    else:  # none published: say so rather than carry an old target forward
        with cols[2]:
            st.markdown(f"**{ctx.t('provinces_behind')}**")
            st.info(ctx.t("target_unpublished" if targets["ministry"] is None
                          else "target_unpublished_localities",
                          year=year, metric=fo.label(ctx.lang)))

    trend_rng = MonthRange(min(ctx.rng.first, ctx.rng.last.plus(-11)), ctx.rng.last).clamp(
        ctx.status["first"], ctx.status["last"])
    parts = []
    for kind in KINDS:
        part = metric_frame(data.totals(Scope(kind=kind), trend_rng, measures, by="month"),
                            [fo.id])
        parts.append(pd.DataFrame({"month": part["key"], "value": part[fo.id],
                                   "series": kind}))
    trend_chart(ctx, pd.concat(parts), fo, {k: ctx.t(f"block_{k}") for k in KINDS},
                [(k, targets[k]) for k in KINDS if targets[k] is not None], incomplete=[
        r for r in partial_months(data.month_coverage())
        if trend_rng.first.first_day <= r["month"] <= trend_rng.last.first_day])


def _row(frame: pd.DataFrame, kind: str) -> dict | None:
    return frame.loc[kind].to_dict() if kind in frame.index else None
