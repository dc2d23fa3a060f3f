"""KPI tiles: the value, the change against the same period a year earlier and whether it is
good, the target that applies and the gap to it."""
from __future__ import annotations

import streamlit as st

from components import data
from components.context import PageContext
from components.scope_url import locality_labels
from domain.figures import Figure, change_words, target_words
from domain.formatting import fmt_metric, fmt_pct
from domain.targets import Target


def change_text(ctx: PageContext, fig: Figure) -> str | None:
    """"+2,3 điểm % (tốt lên)"; "0,0 điểm % (không đổi)" (domain/figures.change_words)."""
    words = change_words(fig, ctx.lang)
    return f"{words[0]} ({words[1]})" if words else None


def target_name(ctx: PageContext, target: Target) -> str:
    """Which target it is and its value: "Chỉ tiêu địa phương 70%", "Chỉ tiêu bộ ngành 85%",
    "Chỉ tiêu Khánh Hòa 35% (Cấp huyện)"."""
    value = fmt_pct(target.value, ctx.lang, 0)
    kind, _, key = target.scope.partition(":")
    if kind == "province":
        text = ctx.t("target_of_province", name=locality_labels(ctx).get(key, key), value=value)
    else:
        text = ctx.t(f"target_of_{kind}", value=value)
    return ctx.t("target_at_level", target=text, level=ctx.t(f"level_{target.level}")) \
        if target.level else text


def target_text(ctx: PageContext, fig: Figure) -> str | None:
    """The target line, and the verdict in its colour."""
    words = target_words(fig, ctx.lang)
    if words is None or words[1] is None:
        return words and words[0]
    return f"{words[0]} · :{'green' if fig.target_met else 'red'}[**{words[1]}**]"


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
    # Streamlit draws an arrow and a colour from the delta's sign: none for a change that
    # reads zero
    colour = "off" if fig.unchanged else {"up": "normal", "down": "inverse"}.get(
        fig.metric.better, "off")
    with st.container(border=True):
        st.metric(label, value, delta=delta, delta_color=colour,
                  delta_arrow="off" if fig.unchanged else "auto", help=help_text)
        for line in captions:
            st.caption(line)


def tile_grid(ctx: PageContext, figures: list[Figure], compare_year: int, per_row: int = 3,
              notes: dict | None = None) -> None:
    for start in range(0, len(figures), per_row):
        cols = st.columns(per_row)
        for col, fig in zip(cols, figures[start:start + per_row]):
            with col:
                tile(ctx, fig, compare_year, (notes or {}).get(fig.metric.id))
