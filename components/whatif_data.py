"""Cached reads for the fee what-if: the panel's cells per scope, the fee policies, the
estimate of the response, the targets of the projected years. Everything is keyed by the data
version, so a slider move reads nothing from the database and only re-runs the (fast) model.

The estimate learns from the panel as reported (each row in the units of its own era); the
projection runs in the units of today (the 34 and the ministries), older rows summed into
them."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data
from components.whatif_state import MONTHS_RANGE
from data_access import whatif_data
from data_access.reference import crosswalk
from domain import did, eras, whatif
from domain.metrics import METRICS
from domain.periods import Month
from domain.targets import applicable

TTL = data.TTL
UNITS = eras.ERA_34  # the what-if looks ahead: in the units of today


@st.cache_data(ttl=TTL, max_entries=2, show_spinner=False)
def _panel(version: int) -> pd.DataFrame:
    return whatif_data.panel(data.db())


@st.cache_data(ttl=TTL, max_entries=2, show_spinner=False)
def _panel_today(version: int) -> pd.DataFrame:
    return whatif.in_units(_panel(version), crosswalk(), UNITS)


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
    return did.estimate(_panel(version), pol, cov, _online_procedures(), crosswalk())


def estimate() -> did.Estimate | None:
    """The response estimated from the dated policies; None when none can be learnt from."""
    return _estimate(data.version())


def last_month() -> Month:
    return data.status()["last"]


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _all_cells(version: int, last: Month) -> pd.DataFrame:
    panel = _panel_today(version)
    locs = data.localities()
    kinds = dict(zip(locs["code"], locs["kind"]))
    pol, cov = _policies(version)
    units = sorted(panel["unit"].unique())
    shares = whatif.member_shares(_panel(version), crosswalk())
    fees = whatif.online_fees(units, data.procedures(), pol, cov, last.plus(1), crosswalk(),
                              shares)
    return whatif.build_cells(panel, last, kinds, fees)


@st.cache_data(ttl=TTL, max_entries=128, show_spinner=False)
def _cells(version: int, last: Month, scope: str) -> pd.DataFrame:
    cells = _all_cells(version, last)
    if scope:
        cells = cells[cells["unit"] == scope].reset_index(drop=True)
    return cells


def cells(scope: str) -> pd.DataFrame:
    """The cells (unit × procedure) of a scope: "" the nation, else a unit key of today."""
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
def _unit_targets(version: int, first: Month) -> dict[str, dict[int, float]]:
    metric = METRICS["full_online_rate"]
    targets = data.targets()
    years = range(first.year, first.plus(MONTHS_RANGE[1] - 1).year + 1)

    def by_year(**scope) -> dict[int, float]:
        found = {y: applicable(targets, metric, y, **scope) for y in years}
        return {y: tg.value for y, tg in found.items() if tg is not None}

    out = {r.code: by_year(kind=r.kind, locality=r.code)
           for r in data.localities().itertuples() if r.era != eras.ERA_63}
    out[""] = by_year()
    return out


def unit_targets(first: Month) -> dict[str, dict[int, float]]:
    """Each unit's full-process targets (EMC) of the years a projection from `first` can
    reach, by year; a year with no published target is absent (key "" the nation's)."""
    return _unit_targets(data.version(), first)


@st.cache_data(ttl=TTL, max_entries=128, show_spinner=False)
def _history(version: int, last: Month, scope: str) -> pd.DataFrame:
    return whatif.history(_panel_today(version), last, scope or None)


def history(scope: str) -> pd.DataFrame:
    """The scope's observed online and full-process rates, month by month, last 12 months."""
    return _history(data.version(), last_month(), scope)
