"""Cached reads of the scoreboard (data_access.index766), keyed by the data version like
components/data.py, so that a new load of scores shows without restarting the app."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components import data
from data_access import index766 as store
from domain import index766 as I
from domain.periods import Month
from domain.scope import Scope

TTL = data.TTL


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _periods(version: int) -> list[I.Period]:
    return store.periods(data.db())


def periods() -> list[I.Period]:
    """The periods published for provinces or ministries, oldest first."""
    return _periods(data.version())


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def _board(version: int, period: I.Period, locality: str | None) -> pd.DataFrame:
    return store.board(data.db(), period, locality)


def board(period: I.Period, locality: str | None = None) -> pd.DataFrame:
    """Published and recomputed scores, one row per unit (data_access.index766.board)."""
    return _board(data.version(), period, locality)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def _scores(version: int, period: I.Period, locality: str | None, of_agencies: bool):
    return store.scores(data.db(), period, locality, of_agencies)


def scores(period: I.Period, locality: str | None = None, of_agencies: bool = False):
    return _scores(data.version(), period, locality, of_agencies)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def _history(version: int, locality: str, kind: str, first: date, last: date):
    return store.history(data.db(), locality, kind, first, last)


def history(locality: str, kind: str, first: date, last: date) -> pd.DataFrame:
    return _history(data.version(), locality, kind, first, last)


@st.cache_data(ttl=TTL, max_entries=256, show_spinner=False)
def _recomputed(version: int, scope: Scope, month: Month, by: str | None):
    return store.recomputed(data.db(), scope, month, by)


def recomputed(scope: Scope, month: Month, by: str | None = None) -> pd.DataFrame:
    """Measure totals and recomputed groups of a month, by agency or procedure or whole."""
    return _recomputed(data.version(), scope, month, by)


@st.cache_data(ttl=TTL, max_entries=64, show_spinner=False)
def _where_lost(version: int, scope: Scope, month: Month, group: str):
    return store.where_lost(data.db(), scope, month, group)


def where_lost(scope: Scope, month: Month, group: str) -> dict[str, pd.DataFrame]:
    """Where a unit loses its points on a group (data_access.index766.where_lost)."""
    return _where_lost(data.version(), scope, month, group)
