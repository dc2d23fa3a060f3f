"""Cached reads for the fee what-if: the panel's cells per scope, the fee policies, the
estimate of the response. Everything is keyed by the data version, so a slider move reads
nothing from the database and only re-runs the (fast) model."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data
from data_access import whatif_data
from domain import did, whatif
from domain.metrics import METRICS
from domain.periods import Month
from domain.targets import applicable

TTL = data.TTL
TARGET_YEAR = 2025


@st.cache_data(ttl=TTL, max_entries=2, show_spinner=False)
def _panel(version: int) -> pd.DataFrame:
    return whatif_data.panel(data.db())


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _policies(version: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    db = data.db()
    return whatif_data.policies(db), whatif_data.coverage(db)


def policies() -> tuple[pd.DataFrame, pd.DataFrame]:
    return _policies(data.version())


def _online_procedures() -> set[str]:
    procs = data.procedures()
    return set(procs.loc[procs["online_level"] != "none", "code"])


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _estimate(version: int) -> did.Estimate | None:
    pol, cov = _policies(version)
    return did.estimate(_panel(version), pol, cov, _online_procedures())


def estimate() -> did.Estimate | None:
    """The response estimated from the dated policies; None when none can be learnt from."""
    return _estimate(data.version())


def last_month() -> Month:
    return data.status()["last"]


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _all_cells(version: int, last: Month) -> pd.DataFrame:
    panel = _panel(version)
    locs = data.localities()
    kinds = dict(zip(locs["code"], locs["kind"]))
    pol, cov = _policies(version)
    units = sorted(panel["unit"].unique())
    fees = whatif.online_fees(units, data.procedures(), pol, cov, last.plus(1))
    return whatif.build_cells(panel, last, kinds, fees)


@st.cache_data(ttl=TTL, max_entries=128, show_spinner=False)
def _cells(version: int, last: Month, scope: str) -> pd.DataFrame:
    cells = _all_cells(version, last)
    if scope:
        cells = cells[cells["unit"] == scope].reset_index(drop=True)
    return cells


def cells(scope: str) -> pd.DataFrame:
    """The cells (unit × procedure) of a scope: "" the nation, else a locality code."""
    return _cells(data.version(), last_month(), scope)


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _fee_procedures(version: int) -> pd.DataFrame:
    procs = data.procedures()
    fd = pd.to_numeric(procs["fee_direct_vnd"], errors="coerce").fillna(0)
    out = procs[(fd > 0) & (procs["online_level"] != "none")].copy()
    fields = _fields(version)
    out = out.merge(fields, left_on="field_code", right_on="code", how="left",
                    suffixes=("", "_field"))
    return out.reset_index(drop=True)


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _fields(version: int) -> pd.DataFrame:
    return whatif_data.field_list(data.db())


def fee_procedures() -> pd.DataFrame:
    """Procedures that charge a fee and have an online service (what a cut can cover), with
    their field's names (name_vi_field, name_en_field)."""
    return _fee_procedures(data.version())


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _unit_targets(version: int) -> dict[str, float | None]:
    metric = METRICS["full_online_rate"]
    targets = data.targets()
    out = {}
    for r in data.localities().itertuples():
        tg = applicable(targets, metric, TARGET_YEAR, kind=r.kind, locality=r.code)
        out[r.code] = tg.value if tg else None
    tg = applicable(targets, metric, TARGET_YEAR)
    out[""] = tg.value if tg else None
    return out


def unit_targets() -> dict[str, float | None]:
    """Each unit's 2025 full-process target (EMC); key "" the nation's, if any."""
    return _unit_targets(data.version())


@st.cache_data(ttl=TTL, max_entries=128, show_spinner=False)
def _history(version: int, last: Month, scope: str) -> pd.DataFrame:
    return whatif.history(_panel(version), last, scope or None)


def history(scope: str) -> pd.DataFrame:
    """The scope's observed online and full-process rates, month by month, last 12 months."""
    return _history(data.version(), last_month(), scope)
