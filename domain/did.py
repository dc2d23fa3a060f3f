"""How much a fee cut for online submission raises online uptake, learnt from the dated fee
policies in the data (difference-in-differences with two-way fixed effects).

The panel has one row per unit (province or ministry, by its key: "63:79" before 01/07/2025,
"34:79" since, "B-CA") × procedure × month: new dossiers and those received online. A policy's
exposure is its discount (a fraction) in the months it is in force for the whole month (the
first whole month on or after valid_from, to the last whole month up to valid_to), for the
procedures it covers, in the units of its scope (a province, or every unit for a national
policy); several policies on one cell: the largest discount. A province's policy names the
province by its code in the era in force when the policy starts ("province:79" from 2024 is
"63:79"); from 01/07/2025 it covers the unit that province became — whole when that unit is the
old province alone, in part when it merged others. The months a policy covers a unit in part
are left out: their exposure is unknown (see policy_reach).

Model, on the empirical logit of the online share of each row,

    logit(online / new)[u, j, t] = a[u, j] + g[u, t] + beta × κ[u, j] × discount[u, j, t] + e

a[u, j] (unit × procedure) absorbs each procedure's usual level in each unit; g[u, t] (unit ×
month) absorbs everything that moves a whole unit in a month (its online campaign, Tết, and the
unit's other procedures' drift), so covered procedures are compared with the uncovered ones of
the same unit and month, before and after. beta is the logit shift of a 100% cut. Weighted least
squares (weight: the inverse binomial variance of the empirical logit), the fixed effects swept
out by alternating weighted demeaning; standard error clustered by unit (province or ministry),
with the small-sample factor G / (G − 1); 95% interval = beta ± 1.96 × se (normal
approximation). Rows: monthly reports only, procedures with an online service, new > 0.

Pure: numpy and pandas only.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from domain import eras
from domain.periods import Month

Z95 = 1.959963984540054
MAX_SWEEPS = 500
TOLERANCE = 1e-9


@dataclass(frozen=True)
class PolicyUse:
    """One policy and what it contributes to the estimate."""
    id: int
    name: str
    scope: str
    discount_pct: float
    valid_from: date
    valid_to: date | None
    n_procedures: int  # covered procedures with an online service
    changed_cells: int  # unit × procedure cells whose exposure changes inside the data
    beta: float | None = None  # the estimate from this policy's cells and the untreated ones
    se: float | None = None
    reason: str | None = None  # why it contributes nothing: before_data | no_online | no_change
    # the estimate from every other cell (this policy's left out): what the back-test uses
    beta_without: float | None = None
    se_without: float | None = None

    @property
    def used(self) -> bool:
        return self.changed_cells > 0


@dataclass(frozen=True)
class Estimate:
    beta: float
    se: float  # the larger of the two below
    se_cells: float  # cluster-robust, clusters = unit × procedure cells
    se_jackknife: float | None  # leave one policy out (None with fewer than two policies)
    n_obs: int
    n_cells: int
    n_units: int
    n_treated_cells: int
    policies: tuple[PolicyUse, ...] = field(default=())

    @property
    def n_policies(self) -> int:
        return sum(p.used for p in self.policies)

    @property
    def lo(self) -> float:
        return self.beta - Z95 * self.se

    @property
    def hi(self) -> float:
        return self.beta + Z95 * self.se

    def covers(self, value: float) -> bool:
        return self.lo <= value <= self.hi


# --- exposure ----------------------------------------------------------------------------
def month_index(m: Month) -> int:
    """A month as a count of months (year × 12 + month − 1), for arithmetic on arrays."""
    return m.year * 12 + m.month - 1


def whole_months(valid_from: date, valid_to: date | None) -> tuple[Month, Month | None]:
    """The first and last months a policy is in force for the whole month (last None:
    open-ended): a policy from 05/02/2023 counts from 03/2023, one to 30/06/2024 to 06/2024."""
    first = Month.of(valid_from)
    if valid_from != first.first_day:
        first = first.plus(1)
    if not _is_date(valid_to):
        return first, None
    last = Month.of(valid_to)
    return first, (last if valid_to == last.last_day else last.plus(-1))


def policy_key(scope: str, valid_from: date) -> str | None:
    """The unit key of a province's policy ("province:79" starting in 2024 → "63:79"): its code
    is read in the era in force on its first day. None for a policy of any other scope."""
    if not (isinstance(scope, str) and scope.startswith("province:")):
        return None
    return eras.key(scope.split(":", 1)[1], eras.era_of(valid_from))


def policy_reach(scope: str, valid_from: date, crosswalk: eras.Crosswalk
                 ) -> tuple[frozenset[str] | None, frozenset[str]]:
    """(units the policy covers whole, units it covers in part); whole None = every unit (a
    national policy). An old province's policy goes on in its territory after 01/07/2025:
    the unit it became is covered whole when it is that province alone, in part otherwise."""
    if scope == "nation":
        return None, frozenset()
    unit = policy_key(scope, valid_from)
    if unit is None:
        return frozenset(), frozenset()
    new = crosswalk.successor.get(unit)
    if new is None:
        return frozenset({unit}), frozenset()
    if crosswalk.predecessors(new) == (unit,):
        return frozenset({unit, new}), frozenset()
    return frozenset({unit}), frozenset({new})


def exposure(panel: pd.DataFrame, policies: pd.DataFrame, coverage: pd.DataFrame,
             crosswalk: eras.Crosswalk) -> pd.DataFrame:
    """Per row of the panel (columns unit, procedure, month: the month's first day), the
    discount in force (0–1, the largest of the policies in force for the whole month), per
    policy id its own discount in force (columns pol_<id>), and `partial`: a policy in force
    covers the row's unit only in part."""
    out = pd.DataFrame(index=panel.index)
    stamp = pd.to_datetime(panel["month"])
    month = (stamp.dt.year * 12 + stamp.dt.month - 1).to_numpy()
    total = np.zeros(len(panel))
    partial = np.zeros(len(panel), dtype=bool)
    for pol in policies.itertuples():
        procs = set(coverage.loc[coverage["policy_id"] == pol.id, "procedure_code"])
        covered = panel["procedure"].isin(procs).to_numpy()
        whole, part = policy_reach(pol.scope, pol.valid_from, crosswalk)
        in_scope = covered.copy()
        if whole is not None:
            in_scope &= panel["unit"].isin(whole).to_numpy()
        first, last = whole_months(pol.valid_from, pol.valid_to)
        active = (month >= month_index(first)) & (
            month <= (month_index(last) if last else np.inf))
        d = np.where(in_scope & active, float(pol.discount_pct) / 100.0, 0.0)
        out[f"pol_{pol.id}"] = np.where(in_scope, d, np.nan)  # NaN: not covered
        total = np.maximum(total, d)
        partial |= covered & active & panel["unit"].isin(part).to_numpy()
    out["discount"] = total
    out["partial"] = partial
    return out


def _is_date(value) -> bool:
    return value is not None and not (isinstance(value, float) and np.isnan(value)) \
        and not pd.isna(value)


# --- the regression ----------------------------------------------------------------------
def _codes(ids: np.ndarray) -> tuple[np.ndarray, int]:
    """Integer ids renumbered 0..n-1 (a subset of rows leaves gaps)."""
    uniques, codes = np.unique(ids, return_inverse=True)
    return codes.astype(np.int64), len(uniques)


def demean(x: np.ndarray, w: np.ndarray, groups: list[tuple[np.ndarray, int]]) -> np.ndarray:
    """x with the weighted means of every grouping swept out (alternating projections until
    the largest group mean left is below TOLERANCE)."""
    x = x.astype(float).copy()
    for _ in range(MAX_SWEEPS):
        worst = 0.0
        for codes, n in groups:
            sw = np.bincount(codes, w, n)
            m = np.bincount(codes, w * x, n) / np.where(sw > 0, sw, 1.0)
            x -= m[codes]
            worst = max(worst, float(np.abs(m).max(initial=0.0)))
        if worst < TOLERANCE:
            break
    return x


def twfe(y, d, w, fe_a, fe_b, clusters) -> tuple[float, float]:
    """beta and its cluster-robust standard error for y = FE_a + FE_b + beta d + e (WLS)."""
    groups = [fe_a, fe_b]
    yt, dt = demean(y, w, groups), demean(d, w, groups)
    sxx = float((w * dt * dt).sum())
    if sxx <= 1e-12:
        raise ValueError("no variation in the exposure once the fixed effects are removed")
    beta = float((w * dt * yt).sum()) / sxx
    resid = yt - beta * dt
    codes, g = clusters
    score = np.bincount(codes, w * dt * resid, g)
    factor = g / (g - 1) if g > 1 else 1.0
    se = float(np.sqrt(factor * (score ** 2).sum()) / sxx)
    return beta, se


def empirical_logit(x: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The empirical logit of x of n, log((x + ½) / (n − x + ½)), and its inverse-variance
    weight (x + ½)(n − x + ½) / (n + 1); NaN and 0 where n = 0."""
    x = np.clip(x, 0, n)
    y = np.where(n > 0, np.log((x + 0.5) / (n - x + 0.5)), np.nan)
    w = np.where(n > 0, (x + 0.5) * (n - x + 0.5) / (n + 1.0), 0.0)
    return y, w


def _whole(new, online) -> np.ndarray:
    """The summed row's own term, taken as the panel's spread is: X (N − X) / (N − 1)."""
    return np.where(new > 1, online * (new - online) / np.where(new > 1, new - 1, 1), 0.0)


def _ratio(num, den) -> np.ndarray:
    return np.where(den > 0, np.clip(num / np.where(den > 0, den, 1.0), 0.05, 1.0), 1.0)


def kappa(spread: np.ndarray, new: np.ndarray, online: np.ndarray) -> np.ndarray:
    """Per row of (cells × months) arrays: how much a logit shift of every agency's own share
    moves the logit of their summed share, Σ n p (1 − p) over the agencies / N p̄ (1 − p̄) of
    the sum (1 for one agency, less when the agencies' shares differ). spread is the panel's
    unbiased Σ x (n − x) / (n − 1) (see data_access/whatif_data.py). Ratios of sums over the
    months; 1 where undefined; kept within [0,05; 1]."""
    new, online = np.asarray(new, dtype=float), np.asarray(online, dtype=float)
    return _ratio(np.asarray(spread, dtype=float).sum(axis=-1), _whole(new, online).sum(axis=-1))


def cell_kappa(rows: pd.DataFrame) -> np.ndarray:
    """kappa per row, taken over all the months of its unit × procedure cell."""
    if "spread" not in rows:
        return np.ones(len(rows))
    cell = [rows["unit"], rows["procedure"]]
    whole = pd.Series(_whole(rows["new"].to_numpy(float), rows["online"].to_numpy(float)),
                      index=rows.index)
    return _ratio(rows["spread"].groupby(cell).transform("sum").to_numpy(),
                  whole.groupby(cell).transform("sum").to_numpy())


def prepare(panel: pd.DataFrame, policies: pd.DataFrame, coverage: pd.DataFrame,
            online_procedures: set[str], crosswalk: eras.Crosswalk) -> pd.DataFrame:
    """The regression rows: monthly rows of procedures with an online service and new > 0,
    with y (empirical logit), w (its inverse variance) and the exposures; rows a policy
    covers only in part are left out."""
    rows = panel[panel["procedure"].isin(online_procedures) & (panel["new"] > 0)
                 & panel["monthly"]].copy()
    rows["online"] = rows["online"].clip(lower=0).clip(upper=rows["new"])
    rows["y"], rows["w"] = empirical_logit(rows["online"].to_numpy(float),
                                           rows["new"].to_numpy(float))
    exp = exposure(rows, policies, coverage, crosswalk)
    rows = pd.concat([rows.reset_index(drop=True), exp.reset_index(drop=True)], axis=1)
    rows = rows[~rows.pop("partial")].reset_index(drop=True)
    rows["kappa"] = cell_kappa(rows)
    rows["discount"] = rows["discount"] * rows["kappa"]
    unit = pd.factorize(rows["unit"])[0]
    proc = pd.factorize(rows["procedure"])[0]
    month = pd.factorize(rows["month"])[0]
    rows["cell_id"] = unit.astype(np.int64) * (proc.max() + 1) + proc
    rows["unit_month_id"] = unit.astype(np.int64) * (month.max() + 1) + month
    return rows


def _fit(rows: pd.DataFrame) -> tuple[float, float]:
    cells = _codes(rows["cell_id"].to_numpy())
    return twfe(rows["y"].to_numpy(), rows["discount"].to_numpy(), rows["w"].to_numpy(),
                cells, _codes(rows["unit_month_id"].to_numpy()), cells)


def _changed_cells(rows: pd.DataFrame, column: str) -> pd.Index:
    """The unit × procedure cells whose exposure (column) takes more than one value."""
    spread = rows.groupby(["unit", "procedure"])[column].agg(["min", "max"])
    return spread.index[(spread["max"] - spread["min"]) > 1e-12]


def estimate(panel: pd.DataFrame, policies: pd.DataFrame, coverage: pd.DataFrame,
             online_procedures: set[str], crosswalk: eras.Crosswalk) -> Estimate | None:
    """The fee response from the panel (columns unit, procedure, month, monthly, new, online;
    units by key, each row in the units of its own era); None when no policy changes any
    cell's exposure inside the data."""
    rows = prepare(panel, policies, coverage, online_procedures, crosswalk)
    if rows.empty:
        return None
    changed = _changed_cells(rows, "discount")
    if len(changed) == 0:
        return None
    beta, se_cells = _fit(rows)
    first, last = rows["month"].min(), rows["month"].max()
    key = pd.MultiIndex.from_frame(rows[["unit", "procedure"]])
    never = (rows.groupby(["unit", "procedure"])["discount"].transform("max") <= 0).to_numpy()
    uses, leave_out = [], []
    for pol in policies.itertuples():
        use, own = _policy_use(rows, pol, coverage, online_procedures, first, last, key, never)
        if own is not None:  # the estimate without this policy's cells (jackknife, back-test)
            try:
                b, s = _fit(rows[~own])
                leave_out.append(b)
                use = replace(use, beta_without=b, se_without=s)
            except ValueError:  # nothing left to learn from
                pass
        uses.append(use)
    se_jack = None
    if len(leave_out) >= 2:
        lo = np.array(leave_out)
        se_jack = float(np.sqrt((len(lo) - 1) / len(lo) * ((lo - lo.mean()) ** 2).sum()))
    cells = rows.groupby(["unit", "procedure"]).ngroups
    return Estimate(beta=beta, se=max(se_cells, se_jack or 0.0), se_cells=se_cells,
                    se_jackknife=se_jack, n_obs=len(rows), n_cells=cells,
                    n_units=rows["unit"].nunique(), n_treated_cells=len(changed),
                    policies=tuple(uses))


def _policy_use(rows, pol, coverage, online_procedures, first, last, key, never):
    """What one policy contributes, and the mask of its cells (None when it has none)."""
    covered = set(coverage.loc[coverage["policy_id"] == pol.id, "procedure_code"])
    n_online = len(covered & online_procedures)
    valid_to = pol.valid_to if _is_date(pol.valid_to) else None
    col = f"pol_{pol.id}"
    in_cells = rows[col].notna()
    changed = _changed_cells(rows[in_cells], col) if in_cells.any() else pd.Index([])
    base = dict(id=int(pol.id), name=pol.name, scope=pol.scope,
                discount_pct=float(pol.discount_pct), valid_from=pol.valid_from,
                valid_to=valid_to, n_procedures=n_online, changed_cells=len(changed))
    if len(changed) == 0:
        if valid_to is not None and pd.Timestamp(valid_to) < pd.Timestamp(first):
            reason = "before_data"
        elif n_online == 0:
            reason = "no_online"
        elif pd.Timestamp(pol.valid_from) > pd.Timestamp(last):
            reason = "after_data"
        else:
            reason = "no_change"
        return PolicyUse(**base, reason=reason), None
    own = np.asarray(key.isin(changed))
    try:  # this policy alone: its cells against the cells no policy ever touches
        beta, se = _fit(rows[own | never])
    except ValueError:
        return PolicyUse(**base), own
    return PolicyUse(**base, beta=beta, se=se), own
