"""Cached access to data_access for the pages. Caches are bounded (ttl and max_entries) and
keyed by the data version, so a new load shows without restarting the app."""
from __future__ import annotations

import streamlit as st

from data_access import catalog, coverage, stats
from data_access.db import Database
from domain.periods import MonthRange
from domain.scope import Scope

TTL = 600


@st.cache_resource
def db() -> Database:
    return Database()


@st.cache_data(ttl=30, max_entries=4, show_spinner=False)
def status() -> dict:
    return catalog.data_status(db())


def version() -> int:
    return status()["version"]


@st.cache_data(ttl=TTL, max_entries=512, show_spinner=False)
def _totals(data_version: int, scope: Scope, rng: MonthRange, measures: tuple[str, ...],
            by: str | None):
    return stats.totals(db(), scope, rng, measures, by)


def totals(scope: Scope, rng: MonthRange, measures, by: str | None = None):
    """Measure totals (see data_access.stats.totals), cached per data version."""
    return _totals(version(), scope, rng, tuple(measures), by)


# How far back the pages look for the last complete month and mark incomplete ones.
COVERAGE_MONTHS = 13


@st.cache_data(ttl=TTL, max_entries=128, show_spinner=False)
def _coverage(data_version: int, last, locality: str | None):
    return coverage.month_counts(db(), MonthRange(last.plus(-(COVERAGE_MONTHS - 1)), last),
                                 locality)


def month_coverage(locality: str | None = None):
    """Units expected and reported for each of the data's last months (data_access.coverage),
    nationwide or in one unit."""
    return _coverage(version(), status()["last"], locality)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def _late_units(data_version: int, month, locality: str | None):
    return coverage.missing(db(), month, locality)


def late_units(month, locality: str | None = None):
    """The units expected for a month that have not reported for it (data_access.coverage)."""
    return _late_units(version(), month, locality)


@st.cache_data(ttl=TTL, max_entries=256, show_spinner=False)
def _longer_reports(data_version: int, scope: Scope, rng: MonthRange):
    return stats.longer_reports(db(), scope, rng)


def longer_reports(scope: Scope, rng: MonthRange):
    """Reports that overlap the range without lying inside it (see data_access.stats)."""
    return _longer_reports(version(), scope, rng)


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _localities(data_version: int):
    return catalog.locality_list(db())


def localities():
    return _localities(version())


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _targets(data_version: int):
    return catalog.target_list(db())


def targets():
    return _targets(version())


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def _agencies(data_version: int, locality: str | None):
    return catalog.agency_list(db(), locality)


def agencies(locality: str | None = None):
    return _agencies(version(), locality)


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _procedures(data_version: int):
    return catalog.procedure_list(db())


def procedures():
    return _procedures(version())


@st.cache_data(ttl=TTL, max_entries=256, show_spinner=False)
def _agency(data_version: int, agency_id: int):
    return catalog.agency(db(), agency_id)


def agency(agency_id: int) -> dict | None:
    return _agency(version(), agency_id)


def clear() -> None:
    """After a write: drop every cached read."""
    st.cache_data.clear()
