"""The slides of the big-screen mode. Each one has a title (the unit and what the slide shows),
the metric and period, the data's end date and how complete it is, then its body: the summary
(the verdict against the target, four headline figures, the ten furthest behind), the map, or
a ranking. Everything that comes from the data or the URL is drawn as plain text (st.text, or
text marks of a chart), never as Markdown or HTML; the type sizes are set by the style sheet
(components/present/__init__.py) on the keyed containers below."""
from __future__ import annotations

import json
import math
from collections.abc import Callable

import streamlit as st

from components import data
from components import map as map_view
from components.context import PageContext
from components.kpi import change_text
from components.present import chart, facts
from domain import present
from domain.formatting import fmt_date, fmt_int, fmt_metric
from domain.metrics import Metric

MAP_HEIGHT = 820  # px: the map fills the screen's height below the title


def _text(body: str, key: str) -> None:
    """Plain text in a container whose key the style sheet sizes."""
    with st.container(key=key):
        st.text(body, width="stretch")


def _header(ctx: PageContext, title: str, u: facts.Unit, focus: Metric,
            controls: Callable[[], None]) -> None:
    left, right = st.columns([6, 4], vertical_alignment="top")
    with left:
        _text(title, "present_title")
        _text(f"{focus.label(ctx.lang)} · {ctx.t('period')}: {ctx.range_label()}",
              "present_meta_1")
        _text(" · ".join(filter(None, [
            ctx.t("present_data_end", date=fmt_date(ctx.rng.end, ctx.lang)),
            facts.coverage_text(ctx, u.scope.locality), ctx.t(f"units_{ctx.units}")])),
            "present_meta_2")
    with right:
        controls()
        if ctx.status["sample"]:
            _text(ctx.t("present_sample"), "present_sample")


def _verdicts(items: list[facts.Verdict]) -> None:
    for n, item in enumerate(items):
        _text(item.text, f"present_verdict_{item.status}_{n}")


def _tiles(ctx: PageContext, figures, focus: Metric) -> None:
    compare_year = ctx.rng.year_earlier().last.year
    for n, (col, fig) in enumerate(zip(st.columns(len(figures)), figures)):
        with col, st.container(border=True, key=f"present_tile_{n}"):
            _text(fig.metric.label(ctx.lang), f"present_label_{n}")
            _text(fmt_metric(fig.metric, fig.value, ctx.lang, compact=True)
                  if fig.value is not None else ctx.t("no_data"), f"present_value_{n}")
            change = change_text(ctx, fig)
            _text(f"{change} {ctx.t('vs_year_earlier', year=compare_year)}" if change
                  else ctx.t("no_comparison"), f"present_sub_{n}")
            if fig.target is not None and fig.metric != focus:
                _text(facts.target_text(ctx, fig), f"present_subt_{n}")


def _ranking_title(ctx: PageContext, children, focus: Metric, kind: str) -> str:
    """"10 đơn vị cuối bảng so với chỉ tiêu", or by value when no child has a target."""
    by_gap = children is not None and present.rank_ends(children, focus)[2]
    key = {present.BOTTOM: "present_bottom", present.TOP: "present_top"}[kind]
    shown = min(present.RANK_SIZE, int(children["value"].notna().sum())) \
        if children is not None else present.RANK_SIZE  # a ministry may have two agencies
    return ctx.t(key if by_gap else f"{key}_value", n=shown)


def _ranking(ctx: PageContext, children, focus: Metric, kind: str,
             heading: bool) -> None:
    """The ten furthest behind (BOTTOM) or ahead (TOP): the bars, what the tick and the
    bracket mean and how many reported; under a heading on the summary slide."""
    if children is None or children["value"].notna().sum() == 0:
        _text(ctx.t("no_data"), "present_section")
        return
    bottom, top, by_gap = present.rank_ends(children, focus)
    if heading:
        _text(_ranking_title(ctx, children, focus, kind), "present_section")
    chart.draw_bars(bottom if kind == present.BOTTOM else top, focus.id, ctx.lang,
                    row=42 if heading else 62)
    _text(ctx.t("present_tick_note", reported=facts.reported_text(ctx, children))
          if by_gap else facts.reported_text(ctx, children), "present_note")


def _map(ctx: PageContext, focus: Metric) -> None:
    """The overview's choropleth (components/map.py builds the deck), zoomed to fill the
    taller canvas: fitting a view to a canvas k times taller adds log2(k) to its zoom."""
    choice = map_view.Choice(metric=focus.id, units=ctx.units)
    spec, tooltip = map_view._deck(data.version(), ctx.rng, choice, ctx.lang, None, "page")
    deck = json.loads(spec)
    deck["initialViewState"]["zoom"] += math.log2(MAP_HEIGHT / map_view.FIT_SIZES["page"][1])
    st.pydeck_chart(map_view.CachedDeck(json.dumps(deck, ensure_ascii=False), tooltip),
                    height=MAP_HEIGHT, alt=ctx.t("map_aria", units=ctx.t(f"units_{ctx.units}"),
                                                 metric=focus.label(ctx.lang)))


def render(ctx: PageContext, view: present.View, u: facts.Unit, focus: Metric,
           controls: Callable[[], None]) -> None:
    children = facts.ranked(ctx, u, focus)
    if view.kind == present.SUMMARY:
        figures = facts.figures(ctx, u, focus)
        _header(ctx, f"{u.name} · {ctx.t('headline')}", u, focus, controls)
        _tiles(ctx, figures, focus)
        left, right = st.columns([5, 7], gap="large")
        with left:
            _text(ctx.t("present_verdict_title"), "present_section_verdict")
            _verdicts(facts.verdicts(ctx, u, focus, figures[0], children))
        with right:
            _ranking(ctx, children, focus, present.BOTTOM, heading=True)
    elif view.kind == present.MAP:
        _header(ctx, f"{u.name} · {ctx.t('nav_map')}", u, focus, controls)
        left, right = st.columns([3, 2], gap="large")
        with left:
            _map(ctx, focus)
        with right:
            figures = facts.figures(ctx, u, focus)
            _verdicts(facts.verdicts(ctx, u, focus, figures[0], children))
            choice = map_view.Choice(metric=focus.id, units=ctx.units)
            frame, entries, diverging = map_view._view(data.version(), ctx.rng, choice,
                                                       ctx.lang)
            with st.container(key="present_legend"):
                map_view.legend(ctx, choice, entries, diverging)
            _text(ctx.t("units_reported", n=fmt_int(int((frame["reported"] > 0).sum()), ctx.lang),
                        total=fmt_int(len(frame), ctx.lang)), "present_note")
            map_view.attribution(ctx, choice)
    else:
        _header(ctx, f"{u.name} · {_ranking_title(ctx, children, focus, view.kind)}", u,
                focus, controls)
        _ranking(ctx, children, focus, view.kind, heading=False)
