"""Tổng quan — the national overview, and the app's entry point (`streamlit run app.py`)."""
import streamlit as st

from components import data
from components.charts import trend_chart
from components.context import guard, page_setup, source_note
from components.kpi import tile_grid
from domain import targets as tg
from domain.figures import figure, metric_frame
from domain.formatting import fmt_pct
from domain.metrics import HEADLINE, METRICS, measures_for
from domain.periods import MonthRange
from domain.scope import NATION, Scope

ctx = page_setup("app.py", "nav_overview")
with guard(ctx):
    year, before_year = ctx.rng.last.year, ctx.rng.year_earlier().last.year
    measures = measures_for(HEADLINE)
    targets = data.targets()

    # --- headline figures for the nation ---
    st.title(ctx.t("overview_title"))
    st.caption(f"{ctx.t('period')}: {ctx.range_label()}")
    now = data.totals(NATION, ctx.rng, measures)
    before = data.totals(NATION, ctx.rng.year_earlier(), measures)
    first = lambda frame: frame.iloc[0].to_dict() if len(frame) else None  # noqa: E731
    figures = [figure(m, first(now), first(before),
                      tg.applicable(targets, METRICS[m], year)) for m in HEADLINE]
    st.subheader(ctx.t("headline"))
    tile_grid(ctx, figures, before_year)

    # --- full-process rate of the two blocks against their targets ---
    st.subheader(ctx.t("blocks_title"))
    fo = METRICS["full_online_rate"]
    fo_measures = measures_for(["full_online_rate"])
    by_kind_now = data.totals(NATION, ctx.rng, fo_measures, by="kind").set_index("key")
    by_kind_before = data.totals(NATION, ctx.rng.year_earlier(), fo_measures,
                                 by="kind").set_index("key")
    by_province = metric_frame(data.totals(Scope(kind="province"), ctx.rng, fo_measures,
                                           by="locality"), [fo.id])
    block_figures, notes, lines = [], {}, []
    for kind in ("province", "ministry"):
        target = tg.applicable(targets, fo, year, kind=kind)
        row = lambda f: f.loc[kind].to_dict() if kind in f.index else None  # noqa: E731
        block_figures.append(figure(fo.id, row(by_kind_now), row(by_kind_before), target))
        if target is not None:
            lines.append((ctx.t(f"block_{kind}"), target.value))
    cols = st.columns(3)
    for col, kind, fig in zip(cols, ("province", "ministry"), block_figures):
        with col:
            st.markdown(f"**{ctx.t(f'block_{kind}')}**")
            from components.kpi import tile
            tile(ctx, fig, before_year)
    with cols[2]:
        target = block_figures[0].target
        if target is not None:
            behind = int((by_province[fo.id] < target.value).sum())
            st.markdown(f"**{ctx.t('block_province')}**")
            st.metric(ctx.t("units_behind", n=behind, total=len(by_province), year=target.year,
                            target=fmt_pct(target.value, ctx.lang, 0)), f"{behind}/{len(by_province)}")

    # --- the trend, over at least the last 12 months ---
    st.subheader(ctx.t("trend_title"))
    trend_rng = MonthRange(min(ctx.rng.first, ctx.rng.last.plus(-11)), ctx.rng.last).clamp(
        ctx.status["first"], ctx.status["last"])
    monthly = metric_frame(data.totals(NATION, trend_rng, fo_measures, by="month"), [fo.id])
    monthly_kind = []
    for kind in ("province", "ministry"):
        part = metric_frame(data.totals(Scope(kind=kind), trend_rng, fo_measures, by="month"),
                            [fo.id])
        part["series"] = ctx.t(f"block_{kind}")
        monthly_kind.append(part)
    monthly["series"] = ctx.t("nation")
    import pandas as pd
    series = pd.concat([monthly, *monthly_kind]).rename(columns={"key": "month", fo.id: "value"})
    trend_chart(ctx, series[["month", "series", "value"]], fo, lines)
    st.caption(source_note(ctx))
