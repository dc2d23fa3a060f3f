"""Cached reads for the fee what-if: the panel, the fee policies, the estimate of the response
and its back-tests, the inputs of a projection per scope, the targets of the projected years.
Everything is keyed by the data version (and the data's last complete month), so a slider
move reads nothing from the database and only re-runs the (fast) model.

The estimate learns from the panel as reported (each row in the units of its own era); the
projection and the back-tests run in the units of today (the 34 and the ministries), older
rows summed into them."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data
from components.whatif.state import MONTHS_RANGE
from data_access import whatif_data
from data_access.reference import crosswalk
from domain import did, eras, whatif
from domain import whatif_backtest as backtest
from domain.metrics import METRICS
from domain.periods import Month
from domain.targets import applicable

TTL = data.TTL
UNITS = eras.ERA_34  # the what-if looks ahead: in the units of today
HISTORY_MONTHS = 24  # actual months drawn before the projection


@st.cache_data(ttl=TTL, max_entries=2, show_spinner=False)
def _panel(version: int) -> pd.DataFrame:
    return whatif_data.panel(data.db())


@st.cache_data(ttl=TTL, max_entries=2, show_spinner=False)
def _today(version: int) -> pd.DataFrame:
    return whatif.today_panel(_panel(version), crosswalk(), UNITS)


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _policies(version: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    db = data.db()
    return whatif_data.policies(db), whatif_data.coverage(db)


def _online_procedures() -> set[str]:
    procs = data.procedures()
    return set(procs.loc[procs["online_level"] != "none", "code"])


def _kinds() -> dict[str, str]:
    locs = data.localities()
    return dict(zip(locs["code"], locs["kind"]))


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _estimate(version: int) -> did.Estimate | None:
    pol, cov = _policies(version)
    return did.estimate(_panel(version), pol, cov, _online_procedures(), crosswalk())


def estimate() -> did.Estimate | None:
    """The response estimated from the dated policies; None when none can be learnt from."""
    return _estimate(data.version())


@st.cache_data(ttl=TTL, max_entries=2, show_spinner=False)
def _shares(version: int) -> pd.DataFrame:
    return whatif.member_shares(_panel(version), crosswalk())


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _checks(version: int, last: Month) -> list[backtest.Check]:
    pol, cov = _policies(version)
    return backtest.run_checks(_today(version), _shares(version), pol, cov, data.procedures(),
                               crosswalk(), _kinds(), _estimate(version), last, UNITS)


def checks(last: Month) -> list[backtest.Check]:
    """The back-tests of the dated policies (domain/whatif_backtest.py)."""
    return _checks(data.version(), last)


@st.cache_data(ttl=TTL, max_entries=4, show_spinner=False)
def _all_inputs(version: int, last: Month) -> whatif.Inputs:
    today = _today(version)
    pol, cov = _policies(version)
    units = sorted(today["unit"].unique())
    months = [last.plus(i) for i in range(whatif.MAX_AHEAD + 1)]
    fees = whatif.fee_paths(units, data.procedures(), pol, cov, months, crosswalk(),
                            _shares(version))
    return whatif.build_inputs(today, last, _kinds(), fees)


@st.cache_data(ttl=TTL, max_entries=128, show_spinner=False)
def _inputs(version: int, last: Month, scope: str) -> whatif.Inputs:
    return _all_inputs(version, last).scope(scope)


def inputs(last: Month, scope: str) -> whatif.Inputs:
    """What a projection of a scope needs: "" the nation, else a unit key of today."""
    return _inputs(data.version(), last, scope)


@st.cache_data(ttl=TTL, max_entries=128, show_spinner=False)
def _choices(version: int, last: Month, scope: str) -> tuple[tuple[str, ...], dict[str, float]]:
    cells = _inputs(version, last, scope).cells
    return whatif.default_cover(cells), whatif.procedure_shares(cells).to_dict()


def default_cover(last: Month, scope: str) -> tuple[str, ...]:
    """The procedures a cut in the scope is worth looking at by default."""
    return _choices(data.version(), last, scope)[0]


def online_shares(last: Month, scope: str) -> dict[str, float]:
    """Per procedure that charges an online fee in the scope: its online share, last 3 months."""
    return _choices(data.version(), last, scope)[1]


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _fee_procedures(version: int) -> pd.DataFrame:
    procs = data.procedures()
    fd = pd.to_numeric(procs["fee_direct_vnd"], errors="coerce").fillna(0)
    out = procs[(fd > 0) & (procs["online_level"] != "none")].copy()
    out = out.merge(whatif_data.field_list(data.db()), left_on="field_code", right_on="code",
                    how="left", suffixes=("", "_field"))
    return out.reset_index(drop=True)


def fee_procedures() -> pd.DataFrame:
    """Procedures that charge a fee and have an online service (what a cut can cover), with
    their field's names (name_vi_field, name_en_field)."""
    return _fee_procedures(data.version())


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _unit_targets(version: int, first: Month) -> dict[str, dict[int, float]]:
    metric = METRICS["full_online_rate"]
    targets = data.targets()
    years = range(first.year - HISTORY_MONTHS // 12 - 1,
                  first.plus(MONTHS_RANGE[1] - 1).year + 1)

    def by_year(**scope) -> dict[int, float]:
        found = {y: applicable(targets, metric, y, **scope) for y in years}
        return {y: tg.value for y, tg in found.items() if tg is not None}

    out = {r.code: by_year(kind=r.kind, locality=r.code)
           for r in data.localities().itertuples() if r.era != eras.ERA_63}
    out[""] = by_year()
    return out


def unit_targets(first: Month) -> dict[str, dict[int, float]]:
    """Each unit's full-process targets (EMC), by year, from the years the chart's history
    shows to the last a projection from `first` reaches; a year with no published target is
    absent (key "" the nation's)."""
    return _unit_targets(data.version(), first)


@st.cache_data(ttl=TTL, max_entries=256, show_spinner=False)
def _history(version: int, last: Month, scope: str, procedures: tuple[str, ...] | None
             ) -> pd.DataFrame:
    return whatif.history(_today(version), last, HISTORY_MONTHS, scope or None, procedures)


def history(last: Month, scope: str, procedures: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The scope's observed online and full-process rates, month by month, over the months
    before the projection (of some procedures only, or all)."""
    return _history(data.version(), last, scope, procedures)
