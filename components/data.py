"""Cached access to data_access for the pages, keyed by the data version (the newest load's
id, read again every 30 s), so that a new load shows without restarting the app.

Two kinds of cache, both per process:
- `shared`: query results (measure totals, reference lists, coverage) and values built from
  them (a ranking ready to draw, a chart's spec). One object per key, handed out as is: a
  warm view is a few dictionary look-ups, where st.cache_data would hash the arguments and
  unpickle a copy on every hit. Whoever gets one must not change it. Bounded in entries,
  sized for a conference's working set: every province and ministry (the 34 and 20
  ministries, with their agencies and procedures) over the default period and a few others,
  in both languages.
- st.cache_data (a copy per hit), with ttl and max_entries, for the rarer reads (the units
  late for a month).
Both are emptied by `clear()` (after a load) and when Streamlit's caches are cleared (the
shared values live in an st.cache_resource object, like the database handle).

A process warms its caches in the background (components/warmup.py) when it first reads the
data and whenever the version changes.
"""
from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict

import streamlit as st

from data_access import catalog, coverage, stats
from data_access.db import Database
from domain.periods import MonthRange
from domain.scope import Scope

TTL = 3600
STATUS_SECONDS = 30
PUBLISH_WITHIN = 600  # seconds: a new version shows at the latest after this


@st.cache_resource
def db() -> Database:
    return Database()


class _Shared:
    """The status the pages see and the one being warmed, and the shared values of each
    `shared` function."""

    def __init__(self):
        self.lock = threading.Lock()
        self.published: dict | None = None  # the status (and so the data version) pages see
        self.pending: dict | None = None  # a newer one, being warmed
        self.pending_since = 0.0
        self.read_at = float("-inf")  # when the database was last asked
        self.early: set[str] = set()  # sessions that see the pending version (who loaded it)
        self.values: dict[str, OrderedDict] = {}
        self.computing: dict[tuple, threading.Event] = {}


@st.cache_resource
def _shared() -> _Shared:
    return _Shared()


def status() -> dict:
    """Whether data is loaded, its bounds and version (catalog.data_status), read again at most
    every STATUS_SECONDS. Read-only.

    A new version (a load, here or in another process) is not shown at once in a server: the
    pages go on with the version whose caches are warm while the warm-up fills the caches of
    the new one (components/warmup.py, whose own session sees the new version, as does the
    session that loaded it), then all switch together, within a minute or two of the load —
    instead of every session recomputing every view at the same moment. Elsewhere (AppTest,
    scripts) a new version shows at once."""
    from components import warmup  # the warm-up reads through this module

    state = _shared()
    now = time.monotonic()
    if state.published is None or now - state.read_at > STATUS_SECONDS:
        value = catalog.data_status(db())
        with state.lock:
            state.read_at = now
            published = state.published
            new = published is None or value["version"] != published["version"]
            if not new or published is None or not value["ready"] or not warmup.enabled():
                state.published, state.pending = value, None
            elif state.pending is None or state.pending["version"] != value["version"]:
                state.pending, state.pending_since = value, now
            else:
                new = False
        if new:
            warmup.data_changed(value)
    pending = state.pending
    if pending is not None:
        if now - state.pending_since > PUBLISH_WITHIN:  # a warm-up that never ends
            publish(pending["version"])
        elif warmup.in_warmup_session() or _session_id() in state.early:
            return pending
    return state.published


def _session_id() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx.session_id if ctx else None


def publish(data_version: int) -> None:
    """Show a warmed version to every page, and let the older versions' values go."""
    state = _shared()
    with state.lock:
        if state.pending is None or state.pending["version"] != data_version:
            return
        state.published, state.pending = state.pending, None
        state.early.clear()
        for entries in state.values.values():
            for k in [k for k in entries if k[0] != data_version]:
                del entries[k]


def version() -> int:
    return status()["version"]


def shared(max_entries: int, key=None, name: str | None = None):
    """Memoise a function of hashable arguments per data version, without copies (see the
    module's docstring); `key` maps the arguments to the cache key when they are not all part
    of it (of a page context only its language, period and unit set count). Sessions asking
    for a value being computed wait for it rather than compute it again (a burst of visitors
    on a cold cache)."""
    def wrap(fn):
        cache_name = name or f"{fn.__module__}.{fn.__qualname__}"

        @functools.wraps(fn)
        def call(*args):
            state = _shared()
            k = (version(), key(*args) if key else args)
            entries = state.values.setdefault(cache_name, OrderedDict())
            with state.lock:
                if k in entries:
                    entries.move_to_end(k)
                    return entries[k]
                busy = state.computing.get((cache_name, k))
                if busy is None:
                    state.computing[(cache_name, k)] = busy = threading.Event()
                    leader = True
                else:
                    leader = False
            if not leader:
                busy.wait()
                with state.lock:
                    if k in entries:
                        return entries[k]
                return fn(*args)  # the first computation failed: try on our own
            try:
                value = fn(*args)
                with state.lock:
                    entries[k] = value
                    while len(entries) > max_entries:
                        entries.popitem(last=False)
                return value
            finally:
                with state.lock:
                    state.computing.pop((cache_name, k), None)
                busy.set()
        return call
    return wrap


@shared(max_entries=8192)
def _totals(scope: Scope, rng: MonthRange, measures: tuple[str, ...], by: str | None):
    return stats.totals(db(), scope, rng, measures, by)


def totals(scope: Scope, rng: MonthRange, measures, by: str | None = None):
    """Measure totals (see data_access.stats.totals), shared per data version: read-only."""
    return _totals(scope, rng, tuple(measures), by)


# How far back the pages look for the last complete month and mark incomplete ones.
COVERAGE_MONTHS = 13


@shared(max_entries=256)
def month_coverage(locality: str | None = None):
    """Units expected and reported for each of the data's last months (data_access.coverage),
    nationwide or in one unit. Read-only."""
    last = status()["last"]
    return coverage.month_counts(db(), MonthRange(last.plus(-(COVERAGE_MONTHS - 1)), last),
                                 locality)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def _late_units(data_version: int, month, locality: str | None):
    return coverage.missing(db(), month, locality)


def late_units(month, locality: str | None = None):
    """The units expected for a month that have not reported for it (data_access.coverage)."""
    return _late_units(version(), month, locality)


@shared(max_entries=4096)
def longer_reports(scope: Scope, rng: MonthRange):
    """Reports that overlap the range without lying inside it (see data_access.stats).
    Read-only."""
    return stats.longer_reports(db(), scope, rng)


# The reference lists: read-only frames shared by every session.
@shared(max_entries=2)
def localities():
    return catalog.locality_list(db())


@shared(max_entries=2)
def targets():
    return catalog.target_list(db())


@shared(max_entries=256)
def agencies(locality: str | None = None):
    return catalog.agency_list(db(), locality)


@shared(max_entries=2)
def procedures():
    return catalog.procedure_list(db())


@shared(max_entries=4096)
def agency(agency_id: int) -> dict | None:
    return catalog.agency(db(), agency_id)


def clear() -> None:
    """After a write in this process: read the data version again at the next view. In a
    server the new version then shows at once to the session that wrote, and to the others
    once warm (see `status`); elsewhere every cached read is dropped at once."""
    from components import warmup

    state = _shared()
    with state.lock:
        state.read_at = float("-inf")
        session = _session_id()
        if session:
            state.early.add(session)
        if not warmup.enabled():
            state.published = state.pending = None
            state.values.clear()
    if not warmup.enabled():
        st.cache_data.clear()
