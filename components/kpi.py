"""KPI tiles: the value, the change against the same period a year earlier and whether it is
good, the target that applies and the gap to it."""
from __future__ import annotations

import streamlit as st

from components import data
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


@data.shared(max_entries=8192, key=lambda ctx, fig, compare_year, note: (
    ctx.lang, fig, compare_year, note))
def _texts(ctx: PageContext, fig: Figure, compare_year: int, note: str | None) -> tuple:
    """A tile's texts, formatted once per figure and language (Babel is slow enough to show
    in a warm view's profile)."""
    m = fig.metric
    delta = change_text(ctx, fig)
    value = fmt_metric(m, fig.value, ctx.lang, compact=True) if fig.value is not None \
        else ctx.t("no_data")
    captions = [ctx.t("vs_year_earlier", year=compare_year) if delta
                else ctx.t("no_comparison")] + [line for line in (target_text(ctx, fig), note)
                                                if line]
    return m.label(ctx.lang), value, delta, m.definition(ctx.lang), captions


def tile(ctx: PageContext, fig: Figure, compare_year: int, note: str | None = None) -> None:
    label, value, delta, help_text, captions = _texts(ctx, fig, compare_year, note)
    with st.container(border=True):
        st.metric(label, value, delta=delta,
                  delta_color={"up": "normal", "down": "inverse"}.get(fig.metric.better, "off"),
                  help=help_text)
        for line in captions:
            st.caption(line)


def tile_grid(ctx: PageContext, figures: list[Figure], compare_year: int, per_row: int = 3,
              notes: dict | None = None) -> None:
    for start in range(0, len(figures), per_row):
        cols = st.columns(per_row)
        for col, fig in zip(cols, figures[start:start + per_row]):
            with col:
                tile(ctx, fig, compare_year, (notes or {}).get(fig.metric.id))
