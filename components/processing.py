"""The processing picture (resolved early / on time / late; pending within deadline / overdue),
online payments and satisfaction, and the year-to-date progress to the annual target."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components.charts import cached_spec, draw, themed
from components.context import PageContext
from components.kpi import target_name, tile_grid
from domain.figures import figure
from domain.formatting import fmt_int, fmt_pct
from domain.i18n import t
from domain.plain import plain
from domain.projection import Projection

PARTS = (
    ("resolved", ("resolved_early", "resolved_on_time", "resolved_late")),
    ("pending", ("pending_on_time", "pending_late")),
)
PART_COLOURS = ["#15803d", "#86efac", "#b91c1c", "#93c5fd", "#b91c1c"]
PAYMENT_METRICS = ("paid_online", "paid_online_vnd", "online_payment_rate", "satisfaction_rate")
PROCESSING_MEASURES = [m for _, parts in PARTS for m in parts]


def _parts(totals: dict, lang: str) -> pd.DataFrame:
    rows = []
    for group, parts in PARTS:
        whole = sum(totals.get(p) or 0 for p in parts)
        for part in parts:
            value = totals.get(part) or 0
            share = value / whole if whole else None
            rows.append({"group": t(f"proc_{group}", lang), "part": t(f"proc_{part}", lang),
                         "value": value, "share": share or 0,
                         "text": f"{fmt_int(value, lang)} ({fmt_pct(share, lang)})"})
    return pd.DataFrame(rows)


def _processing_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    order = frame["part"].tolist()
    chart = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("group:N", title=None, sort=list(dict.fromkeys(frame["group"]))),
        x=alt.X("share:Q", stack="normalize", title=None,
                axis=alt.Axis(format="%", values=[i / 10 for i in range(11)])),
        color=alt.Color("part:N", sort=order, title=None,
                        scale=alt.Scale(domain=order, range=PART_COLOURS),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("part:N", title=t("series", lang)),
                 alt.Tooltip("text:N", title=t("value", lang))],
    ).transform_calculate(order=f"indexof({order!r}, datum.part)").properties(
        height=alt.Step(48))
    return themed(chart, lang)


_processing_spec = cached_spec(_processing_chart)


def processing(ctx: PageContext, totals: dict) -> None:
    """Resolved early / on time / late and pending within deadline / overdue, as shares."""
    frame = _parts(totals, ctx.lang)
    if not frame["value"].sum():
        st.info(ctx.t("no_data"))
        return
    draw(_processing_spec(frame, ctx.lang))
    for col, row in zip(st.columns(len(frame)), frame.to_dict("records")):
        col.metric(row["part"], fmt_int(row["value"], ctx.lang), help=row["group"])


def payments(ctx: PageContext, now: dict, before: dict, compare_year: int) -> None:
    figures = [figure(m, now, before) for m in PAYMENT_METRICS]
    if all(f.value is None for f in figures):
        st.info(ctx.t("no_payment_data"))
        return
    tile_grid(ctx, figures, compare_year, per_row=4)


def progress(ctx: PageContext, proj: Projection, ended: bool = False,
             below: tuple = ()) -> None:
    """Year to date against the annual target, and the projection to the year end. `ended`:
    the unit ceased on 30/06/2025 (one of the 63), so its year has no end to project to.
    `below`: the targets the units below are ranked against (components.ranking), named when
    the scope has none of its own, so that "no target" is said only when none applies."""
    year, metric = ctx.rng.last.year, proj.metric
    if proj.target is None:
        st.caption(ctx.t("target_none_here", metric=metric.label(ctx.lang), year=year,
                         targets="; ".join(plain(target_name(ctx, tg)) for tg in below)) if below
                   else ctx.t("target_none_metric", metric=metric.label(ctx.lang), year=year))
        return
    if proj.ytd_value is None:
        st.caption(ctx.t("target_no_data", target=plain(target_name(ctx, proj.target)),
                         year=year))
        return
    cols = st.columns(3)
    if ended:
        cols[0].metric(ctx.t("ytd_value", year=year), fmt_pct(proj.ytd_value, ctx.lang),
                       help=metric.definition(ctx.lang))
        cols[2].metric(ctx.t("target_line", year=year, value=""),
                       fmt_pct(proj.target.value, ctx.lang, 0), help=plain(proj.target.source))
        st.caption(ctx.t("unit_ended_no_projection"))
        return
    if proj.complete:  # the whole year is in: a result, not a projection
        cols[0].metric(ctx.t("year_value", year=year), fmt_pct(proj.ytd_value, ctx.lang),
                       help=metric.definition(ctx.lang))
    else:
        cols[0].metric(ctx.t("ytd_value", year=year), fmt_pct(proj.ytd_value, ctx.lang),
                       help=metric.definition(ctx.lang))
        cols[1].metric(ctx.t("projected_value"), fmt_pct(proj.projected, ctx.lang))
    cols[2].metric(ctx.t("target_line", year=year, value=""),
                   fmt_pct(proj.target.value, ctx.lang, 0), help=plain(proj.target.source))
    colour = {"on_track": "green", "at_risk": "orange", "off_track": "red"}[proj.status]
    if proj.complete:
        met = proj.status == "on_track"
        st.markdown(f"### :{'green' if met else 'red'}[{ctx.t('year_met' if met else 'year_missed')}]")
    else:
        st.markdown(f"### :{colour}[{ctx.t('status_' + proj.status)}]")
        st.caption(ctx.t("projection_method", n=proj.months_observed))
