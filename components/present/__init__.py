"""Big-screen mode: `?present=1` on any page turns it into slides for a conference room's shared
screen (components/context.page_setup hands over to `run`). No sidebar, type read from across
a room, the slides of ?views= in turn every ?interval= seconds (domain/present.py reads both),
with previous / pause / next. The slides rerun on a timer and read the data again each time,
so a new load shows without reloading the page; a bridge point opens one URL and leaves it."""
from __future__ import annotations

import time
from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from components import data
from components.context import PageContext, guard
from components.present import facts, slides
from components.scope_url import read_agency, read_procedure, read_province
from domain import eras, present
from domain.metrics import FOCUS_CHOICES, FOCUS_DEFAULT, METRICS

CLOCK = "present_clock"
# Which page's scope names the default slides (a province's page: that province).
SCOPE_READERS = {"pages/province.py": read_province, "pages/agency.py": read_agency,
                 "pages/procedure.py": read_procedure}

# A constant: no value from the data or the URL is ever written into it.
CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 12px 32px 8px 32px; max-width: 100%; }
  [data-testid="stText"] { font-family: "Source Sans Pro", "Noto Sans", sans-serif; }
  .st-key-present_title [data-testid="stText"] { font-size: 44px; font-weight: 700;
    line-height: 1.15; color: #111827; }
  .st-key-present_meta_1 [data-testid="stText"] { font-size: 28px; color: #111827; }
  .st-key-present_meta_2 [data-testid="stText"] { font-size: 24px; color: #374151; }
  .st-key-present_sample [data-testid="stText"] { font-size: 24px; font-weight: 700;
    color: #92400e; text-align: right; }
  .st-key-present_notes { background: #fffbeb; border-left: 8px solid #d97706;
    padding: 6px 14px; }
  .st-key-present_notes [data-testid="stText"] { font-size: 24px; color: #78350f; }
  [class*="st-key-present_verdict_"] { padding: 8px 16px; border-left: 10px solid #6b7280;
    background: #f3f4f6; }
  [class*="st-key-present_verdict_"] [data-testid="stText"] { font-size: 28px;
    font-weight: 700; line-height: 1.25; }
  [class*="st-key-present_verdict_behind"] { border-left-color: #b91c1c; background: #fef2f2; }
  [class*="st-key-present_verdict_behind"] [data-testid="stText"] { color: #7f1d1d; }
  [class*="st-key-present_verdict_met"] { border-left-color: #15803d; background: #f0fdf4; }
  [class*="st-key-present_verdict_met"] [data-testid="stText"] { color: #14532d; }
  [class*="st-key-present_label_"] [data-testid="stText"] { font-size: 26px; line-height: 1.2;
    color: #374151; }
  [class*="st-key-present_value_"] [data-testid="stText"] {
    font-size: clamp(36px, 3.3vw, 64px); font-weight: 700; line-height: 1.1; color: #111827; }
  [class*="st-key-present_sub"] [data-testid="stText"] { font-size: 24px; color: #374151; }
  [class*="st-key-present_section"] [data-testid="stText"] { font-size: 32px;
    font-weight: 700; }
  .st-key-present_note [data-testid="stText"] { font-size: 24px; color: #374151; }
  .st-key-present_legend .map-legend, .st-key-present_legend .map-legend * {
    font-size: 24px !important; }
  .st-key-present_legend .map-legend span[style*="28px"] { width: 40px !important;
    height: 28px !important; }
  .st-key-present_controls button { min-height: 64px; padding: 0 22px; }
  .st-key-present_controls button p, .st-key-present_controls button span {
    font-size: 26px !important; }
  .st-key-present_counter [data-testid="stText"] { font-size: 26px; text-align: right; }
  /* A smaller screen (1280 × 720): the same slide, the controls on one line. */
  @media (max-width: 1500px) {
    [data-testid="stMainBlockContainer"] { padding: 12px 20px 8px 20px; }
    .st-key-present_title [data-testid="stText"] { font-size: 36px; }
    .st-key-present_controls button { min-height: 48px; padding: 0 12px; }
    .st-key-present_controls button p, .st-key-present_controls button span {
      font-size: 22px !important; }
  }
</style>
"""


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value if isinstance(value, str) else None


def _focus(ctx: PageContext, notes: list[str]):
    """The metric the slides follow, from ?metric= (a rate, as on the level pages)."""
    wanted = (_param("metric") or "").strip() or FOCUS_DEFAULT
    if wanted not in FOCUS_CHOICES:
        notes.append(ctx.t("bad_param", name=ctx.t("param_metric"), param="metric",
                           value=present.shown(wanted),
                           fallback=METRICS[FOCUS_DEFAULT].label(ctx.lang)))
        wanted = FOCUS_DEFAULT
    return METRICS[wanted]


def _page_code(ctx: PageContext) -> str | None:
    """The province or ministry of the page's own scope, if any."""
    reader = SCOPE_READERS.get(ctx.page_file)
    scope = reader(ctx) if reader else None
    return eras.code_of(scope.locality) if scope is not None and scope.locality else None


def _slides(ctx: PageContext, notes: list[str]) -> list[tuple[present.View, facts.Unit]]:
    views, dropped = present.parse_views(_param("views"),
                                         present.default_views(ctx.page_file, _page_code(ctx)))
    if dropped:
        notes.append(ctx.t("present_bad_views", items=", ".join(dropped), max=present.MAX_VIEWS))
    out = []
    for view in views:
        u = facts.unit(ctx, view.code)
        if u is None:
            notes.append(ctx.t("present_unknown_unit", code=view.code, view=view.token,
                               units=ctx.t(f"units_{ctx.units}")))
        else:
            out.append((view, u))
    return out or [(present.View(present.SUMMARY), facts.unit(ctx, None))]


def _clock() -> present.Clock:
    return st.session_state.setdefault(CLOCK, present.Clock())


def _step(by: int, count: int) -> None:
    _clock().step(by, time.monotonic(), count)


def _toggle() -> None:
    _clock().toggle(time.monotonic())


def _controls(ctx: PageContext, index: int, count: int, interval: int) -> None:
    clock = _clock()
    with st.container(horizontal=True, horizontal_alignment="right", key="present_controls"):
        st.button(ctx.t("present_prev"), icon=":material/skip_previous:", on_click=_step,
                  args=(-1, count), key="present_prev")
        st.button(ctx.t("present_resume" if clock.paused else "present_pause"),
                  icon=":material/play_arrow:" if clock.paused else ":material/pause:",
                  on_click=_toggle, key="present_pause")
        st.button(ctx.t("present_next"), icon=":material/skip_next:", on_click=_step,
                  args=(1, count), key="present_next")
    state = ctx.t("present_paused") if clock.paused else ctx.t("present_every",
                                                                 seconds=interval)
    with st.container(key="present_counter"):
        st.text(f"{ctx.t('present_counter', i=index + 1, n=count)} · {state}",
                width="stretch")


def _show(ctx: PageContext, shown: list, interval: int, focus) -> None:
    """One slide; rerun by itself every `interval` seconds (see `run`)."""
    if data.version() != ctx.status["version"]:
        st.rerun()  # a new load: the whole page runs again (its period may have moved)
    index = _clock().tick(time.monotonic(), interval, len(shown))
    view, u = shown[index]
    with guard(replace(ctx, started=time.perf_counter())):
        slides.render(ctx, view, u, focus, lambda: _controls(ctx, index, len(shown), interval))


def run(ctx: PageContext) -> None:
    """The page as slides; stops the script (the page's own body does not run)."""
    st.markdown(CSS, unsafe_allow_html=True)
    notes = []
    raw = _param("interval")
    interval, problem = present.parse_interval(raw)
    if problem:
        notes.append(ctx.t(f"present_{problem}_interval", value=present.shown(raw.strip()),
                           seconds=interval))
    focus = shown = None
    with guard(ctx):
        focus = _focus(ctx, notes)
        shown = _slides(ctx, notes)
    if shown is None:  # the guard said why
        st.stop()
    if notes:
        with st.container(key="present_notes"):
            for note in notes:
                st.text(note)
    st.fragment(_show, run_every=interval)(ctx, shown, interval, focus)
    st.stop()


def link(ctx: PageContext) -> None:
    """The sidebar's way into the mode: this page with its URL's parameters, in a new tab. A
    URL without a period keeps following the data: the default period moves with each month
    loaded."""
    params = {**st.query_params.to_dict(), "lang": ctx.lang, "present": "1"}
    st.link_button(ctx.t("present_link"), "?" + urlencode(params), icon=":material/tv:",
                   help=ctx.t("present_link_help", seconds=present.INTERVAL_DEFAULT))
