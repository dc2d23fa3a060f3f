"""KPI tiles: the value, the change against the same period a year earlier and whether it is
good, the target that applies and the gap to it."""
from __future__ import annotations

import streamlit as st

from components.context import PageContext
from domain.figures import Figure
from domain.formatting import fmt_change_pct, fmt_metric, fmt_pct, fmt_points
from domain.metrics import Kind


def change_text(ctx: PageContext, fig: Figure) -> str | None:
    if fig.change is None:
        return None
    m = fig.metric
    text = (fmt_points if m.kind is Kind.RATE else fmt_change_pct)(fig.change, ctx.lang)
    good = fig.change_is_good
    verdict = ctx.t("change_neutral") if good is None else ctx.t(
        "change_better" if good else "change_worse")
    return f"{text} ({verdict})"


def target_text(ctx: PageContext, fig: Figure) -> str | None:
    if fig.target is None:
        return None
    line = ctx.t("target_line", year=fig.target.year, value=fmt_pct(fig.target.value, ctx.lang, 0))
    if fig.target_met is None:
        return line
    if fig.target_met:
        return f"{line} · :green[**{ctx.t('target_met')}**]"
    gap_text = fmt_points(-fig.gap, ctx.lang).lstrip("+")
    return f"{line} · :red[**{ctx.t('target_gap', gap=gap_text)}**]"


def tile(ctx: PageContext, fig: Figure, compare_year: int, note: str | None = None) -> None:
    m = fig.metric
    delta = change_text(ctx, fig)
    with st.container(border=True):
        st.metric(
            m.label(ctx.lang),
            fmt_metric(m, fig.value, ctx.lang, compact=True) if fig.value is not None
            else ctx.t("no_data"),
            delta=delta,
            delta_color={"up": "normal", "down": "inverse"}.get(m.better, "off"),
            help=m.definition(ctx.lang),
        )
        st.caption(ctx.t("vs_year_earlier", year=compare_year) if delta
                   else ctx.t("no_comparison"))
        for line in (target_text(ctx, fig), note):
            if line:
                st.caption(line)


def tile_grid(ctx: PageContext, figures: list[Figure], compare_year: int, per_row: int = 3,
              notes: dict | None = None) -> None:
    for start in range(0, len(figures), per_row):
        cols = st.columns(per_row)
        for col, fig in zip(cols, figures[start:start + per_row]):
            with col:
                tile(ctx, fig, compare_year, (notes or {}).get(fig.metric.id))
