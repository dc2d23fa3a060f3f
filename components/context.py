"""What every page does first: read the language and period from the URL, draw the shared
navigation (which carries both to every page), the period picker and the sample-data notice.
A page's body runs inside `guard`, so that no exception reaches the screen."""
from __future__ import annotations

import logging
import time
import traceback
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from components import auth, data
from data_access.db import database_url, describe_url
from domain import captions, eras
from domain.coverage import last_complete, partial_months
from domain.formatting import fmt_date, fmt_int, fmt_month
from domain.i18n import t as translate, normalise_lang
from domain.plain import echo
from domain.periods import PRESETS, Month, MonthRange, infer_preset, parse_range, preset
from domain.present import is_on as presenting

log = logging.getLogger("dvc")
# The last script runs' durations (page, seconds): logged, and read by benchmarks/pages.py.
RUN_TIMES: deque = deque(maxlen=200)

# The pages and their navigation labels, in menu order (file path → i18n key). Drill-down
# pages (province, agency, procedure) are reached from the overview and breadcrumbs.
PAGES = (
    ("app.py", "nav_overview"),
    ("pages/map.py", "nav_map"),
    ("pages/index766.py", "nav_index766"),
    ("pages/what_if.py", "nav_what_if"),
    ("pages/data.py", "nav_data"),
    ("pages/methodology.py", "nav_methodology"),
)
ROOT = Path(__file__).resolve().parent.parent

CSS = """
<style>
  /* Readable across a conference room: larger figures and labels. */
  [data-testid="stMetricValue"] { font-size: 2.4rem; }
  [data-testid="stMetricLabel"] p { font-size: 1.05rem; }
  .block-container { padding-top: 2rem; }
</style>
"""


@dataclass
class PageContext:
    lang: str
    rng: MonthRange
    status: dict
    page_file: str
    units: str = eras.ERA_34  # the provinces shown: the 63 (before 01/07/2025) or the 34
    complete: Month | None = None  # the last month complete for the nation
    extra_params: dict = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)

    def t(self, key: str, **values) -> str:
        return translate(key, self.lang, **values)

    def params(self, **extra) -> dict:
        """Query parameters for a link: the language, period and unit set always travel
        along, so that a URL reproduces the view exactly."""
        out = {"lang": self.lang, **self.rng.to_params(), "units": self.units}
        out.update({k: str(v) for k, v in extra.items() if v is not None})
        return out

    def range_label(self) -> str:
        return captions.range_label(self.rng, self.lang)


def page_setup(page_file: str, title_key: str) -> PageContext:
    """Set up a page; stops the script with a clear message when there is nothing to show."""
    started = time.perf_counter()
    lang = normalise_lang(st.query_params.get("lang"))
    st.set_page_config(page_title=f"{translate(title_key, lang)} · {translate('app_title', lang)}",
                       layout="wide")
    st.markdown(CSS, unsafe_allow_html=True)
    try:
        status = data.status()
    except Exception:  # the database is unreachable or damaged
        # the screen says what is wrong; where the database is and why, only the log
        log.exception("cannot read the database %s", describe_url(database_url()))
        st.error(translate("db_error", lang))
        st.stop()
    if not status["ready"]:
        st.warning(translate("db_empty", lang))
        st.stop()

    # Open on the last month complete for the nation, not on a month a few units reported early.
    complete = last_complete(data.month_coverage()) or status["last"]
    default = preset("ytd", complete)
    rng, problems = parse_range(st.query_params.get("from"), st.query_params.get("to"),
                                default, status["first"], status["last"])
    units, units_problem = eras.choose_units(_text_param("units"), rng)
    ctx = PageContext(lang, rng, status, page_file, units=units, complete=complete,
                      started=started)
    _report_period_problems(ctx, problems)
    _report_units_problem(ctx, units_problem)
    if presenting(_text_param("present")):  # big-screen mode: slides instead of the page
        from components import present  # here: it builds on this module
        present.run(ctx)  # stops the script
    _sidebar(ctx)
    if status["sample"]:
        st.warning(ctx.t("sample_banner"), icon="⚠️")
    auth.local_notice(ctx)
    return ctx


def _text_param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _report_units_problem(ctx: PageContext, problem: str | None) -> None:
    if problem == "split":
        st.info(ctx.t("units_split"))
    elif problem == "unknown":
        st.info(ctx.t("units_bad", value=echo(_text_param("units")), shown=ctx.units))
    if problem or _text_param("units") is None:  # the URL names the units it shows
        st.query_params["units"] = ctx.units


def _report_period_problems(ctx: PageContext, problems: list[str]) -> None:
    for name in ("from", "to"):
        if name in problems:
            st.info(ctx.t("bad_param", name=ctx.t(f"param_{name}"), param=name,
                          value=echo(st.query_params.get(name)),
                          fallback=ctx.t("default_period")))
    if "order" in problems:
        st.info(ctx.t("bad_param", name=ctx.t("param_to"), param="to",
                      value=echo(st.query_params.get("to")),
                      fallback=ctx.t("default_period")))
    if "outside" in problems:
        st.info(ctx.t("period_outside", start=fmt_month(ctx.status["first"].first_day, ctx.lang),
                      end=fmt_month(ctx.status["last"].first_day, ctx.lang)))
    if problems:  # keep the URL honest about what is shown
        st.query_params.update(ctx.rng.to_params())


def _sidebar(ctx: PageContext) -> None:
    with st.sidebar:
        st.markdown(f"### {ctx.t('app_title')}")
        for page, key in PAGES:
            if not (ROOT / page).exists():
                continue
            st.page_link(page, label=ctx.t(key), query_params=ctx.params(**ctx.extra_params)
                         if page == ctx.page_file else ctx.params())
        st.divider()
        _period_picker(ctx)
        _units_picker(ctx)
        _freshness(ctx)
        st.divider()
        # A button, not a link: a link to the page itself would not rewrite the URL.
        other = "en" if ctx.lang == "vi" else "vi"
        st.button(ctx.t("switch_language"), icon=":material/translate:", on_click=_set_lang,
                  args=(other,), key="switch_lang")
        from components.present import link as present_link  # it builds on this module
        present_link(ctx)
        auth.account(ctx)


def _freshness(ctx: PageContext) -> None:
    """Up to when the data runs, when it was last loaded, and how far the months after it
    have got ("11/2026: 37/126 đơn vị đã báo cáo")."""
    loaded = max((r["loaded_at"] for r in ctx.status["loads"]), default=None)
    st.caption(ctx.t("data_until", month=fmt_month(ctx.complete.first_day, ctx.lang),
                     date=fmt_date(loaded.date(), ctx.lang) if loaded is not None else "–"))
    for row in partial_months(data.month_coverage(), ctx.complete):
        st.caption(ctx.t("month_partial", month=fmt_month(row["month"], ctx.lang),
                         reported=fmt_int(row["reported"], ctx.lang),
                         expected=fmt_int(row["expected"], ctx.lang)))


def _units_picker(ctx: PageContext) -> None:
    """The 63 old provinces or today's 34, for a period before 01/07/2025; a later period is
    shown in the 34 only, and the sidebar says so."""
    choices = eras.unit_sets(ctx.rng)
    if len(choices) == 1:
        st.caption(ctx.t(f"units_{ctx.units}"))
        return
    # a radio: its labels wrap in the narrow sidebar, where a segmented control cut the
    # "63 tỉnh, thành phố (trước 01/07/2025)" to "(trước 01/07/2…"
    choices = list(choices)
    st.radio(ctx.t("units_label"), choices, index=choices.index(ctx.units),
             format_func=lambda u: ctx.t(f"units_{u}"), key=f"units_{ctx.units}",
             on_change=_set_units, args=(f"units_{ctx.units}",))


def _set_units(widget_key: str) -> None:
    chosen = st.session_state.get(widget_key)
    if chosen:
        st.query_params["units"] = chosen


def _set_lang(lang: str) -> None:
    st.query_params["lang"] = lang


def _months(ctx: PageContext) -> list[Month]:
    return MonthRange(ctx.status["first"], ctx.status["last"]).months()


def _set_range(rng: MonthRange) -> None:
    """A new period shows the units of its own era (a period before 01/07/2025 the 63)."""
    st.query_params.update(rng.to_params())
    st.query_params["units"] = eras.default_units(rng)


def _period_picker(ctx: PageContext) -> None:
    """Period type and last month; a custom month range. Writes the choice into the URL."""
    st.markdown(f"**{ctx.t('period')}**: {ctx.range_label()}")
    months = _months(ctx)
    labels = {m: fmt_month(m.first_day, ctx.lang) for m in months}
    kinds = list(PRESETS) + ["custom"]
    current = infer_preset(ctx.rng) or "custom"
    # Widget keys carry the URL's range, so a new URL (a link, back/forward) resets them.
    tag = f"{ctx.rng.first}_{ctx.rng.last}"
    kind = st.selectbox(ctx.t("period_kind"), kinds, index=kinds.index(current),
                        format_func=lambda k: ctx.t(f"period_{k}"), key=f"pkind_{tag}")
    if kind == "custom":
        first = st.selectbox(ctx.t("period_from"), months, index=months.index(ctx.rng.first),
                             format_func=labels.get, key=f"pfrom_{tag}")
        last = st.selectbox(ctx.t("period_to"), months, index=months.index(ctx.rng.last),
                            format_func=labels.get, key=f"pto_{tag}")
        chosen = MonthRange(first, max(first, last))
    else:
        anchor = st.selectbox(ctx.t("period_anchor"), months, index=months.index(ctx.rng.last),
                              format_func=labels.get, key=f"panchor_{tag}")
        chosen = preset(kind, anchor).clamp(months[0], months[-1])
    if chosen != ctx.rng:
        _set_range(chosen)
        st.rerun()


@contextmanager
def guard(ctx: PageContext):
    """Run a page body; an unexpected error becomes a short message, with details logged."""
    try:
        with data.db().session():
            yield
    except Exception as exc:  # no exception text on screen: it can hold paths, process ids
        log.error("page %s failed: %s", ctx.page_file, traceback.format_exc())
        # a read that waited in vain for a writer (data_access.db: an error that says "lock")
        st.error(ctx.t("page_busy" if "lock" in str(exc).lower() else "page_error"))
    finally:
        took = time.perf_counter() - ctx.started
        RUN_TIMES.append((ctx.page_file, took))
        log.info("page %s ran in %.0f ms", ctx.page_file, took * 1000)


def source_note(ctx: PageContext) -> str:
    """The data source line shown under the figures and written into exports."""
    return captions.source_note(ctx.status, ctx.lang)
