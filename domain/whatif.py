"""The fee what-if: what cutting the fee for online submission would do to online uptake, to the
full-process rate and its target, to fee revenue and to what citizens save. Pure functions on
numpy arrays and small frames, one row per cell (unit × procedure).

The projection runs in the units of today (the 34 provinces and the ministries): the panel's
rows before 01/07/2025, keyed by the 63, are summed into the units they became (in_units), so
the latest twelve months are in one unit set whatever the data's last month.

Baseline (no new policy), per cell, for each month of the horizon:
- new dossiers a month = the cell's average over the last 12 months of data (Σ new / months
  reported), the same every month;
- online share p = Σ online / Σ new over the last 3 months (12 when the last 3 have none);
  full-process share of online r = Σ full / Σ online likewise;
- "level" baseline: p and r stay as they are; "trend" baseline: they continue, on the logit
  scale, the unit's straight-line trend of the last 12 months (weighted least squares).

Scenario: from the start month, for the covered procedures of the scope that charge a fee, the
online fee in force falls by the discount d. The online share responds on the logit scale of the
dossiers that can go online at all (the adoption ceiling c):

    shift = κ × response × d × fee_online / fee_direct   (the cut as a share of the full fee)
    p_s = p_b + c × (σ(logit(p_b / c) + shift) − p_b / c)   when p_b < c;   p_s = p_b otherwise

(κ ≤ 1, see domain.did.kappa: the response moves each agency's own share; a cell sums agencies
whose shares differ, and its summed share moves a little less; κ = 1 for a single agency.)

so d = 0 gives the baseline exactly, p_s never decreases as d grows and never passes c.
Dossiers moved online keep the cell's full-process share r. Per cell and month, with N new
dossiers, on = N × p, f_d the direct fee and f_o the online fee in force:

    revenue given up = (on_s − on_b) × (f_d − f_o) + on_s × f_o × d
    citizens' fee savings = revenue given up (what the state forgoes, citizens keep)
    visits avoided = on_s − on_b;   citizens' savings = fee savings + visits × cost per visit
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd

from domain import eras
from domain.did import policy_reach
from domain.periods import Month

LEVEL_MONTHS, VOLUME_MONTHS = 3, 12
EPS = 1e-9
# The response to use when the data holds no policy to learn from: a stated assumption.
ASSUMED_RESPONSE, ASSUMED_UNCERTAINTY = 0.5, 0.5
# Adoption ceiling (an assumption): some dossiers need presence, and some people have no
# internet or digital ID and get no help; many fee-charging procedures are already above 95%
# online, so a lower ceiling would leave a cut nothing to move.
DEFAULT_CEILING = 0.98
# Cost of an in-person visit avoided (travel and time), VND: the Ministry of Public Security
# estimated that online criminal-record certificates spare 2.6 million people a year a visit
# and save them about 637 billion VND a year: 637e9 / 2.6e6 = 245,000 VND a visit.
DEFAULT_VISIT_COST = 245_000
CELL_COLUMNS = ("unit", "kind", "procedure", "new", "p", "r", "kappa", "slope", "slope_r",
                "fee_direct", "fee_online", "has_online")


@dataclass(frozen=True)
class Params:
    covered: frozenset[str]  # procedure codes the cut covers
    discount: float  # 0–1: the cut to the online fee in force
    start: int  # months after the first projected month when the cut starts
    horizon: int  # months projected
    response: float  # logit shift of a cut worth 100% of the full fee
    uncertainty: float = 0.0  # ± on the response
    ceiling: float = DEFAULT_CEILING
    visit_cost: float = DEFAULT_VISIT_COST
    trend: bool = False

    def with_(self, **changes) -> "Params":
        return replace(self, **changes)

    @property
    def response_range(self) -> tuple[float, float]:
        return max(0.0, self.response - self.uncertainty), self.response + self.uncertainty


# --- primitives ---------------------------------------------------------------------------
def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


def logit(p):
    p = np.clip(np.asarray(p, dtype=float), EPS, 1 - EPS)
    return np.log(p / (1 - p))


def uptake(p_base, ceiling, shift):
    """The online share after a logit shift of the reachable share (see the module doc)."""
    p_base = np.asarray(p_base, dtype=float)
    shift = np.broadcast_to(np.asarray(shift, dtype=float), p_base.shape)
    c = float(ceiling)
    below = (p_base < c) & (shift != 0)
    out = p_base.copy()
    if c <= 0 or not below.any():
        return out
    q = p_base[below] / c
    lq = logit(q)
    moved = p_base[below] + c * (sigmoid(lq + shift[below]) - sigmoid(lq))
    out[below] = np.minimum(np.maximum(moved, p_base[below]), c)
    return out


def price_shift(response: float, discount: float, fee_direct, fee_online):
    """Logit shift of a cut of `discount` to the online fee in force, per cell: the cut is
    worth discount × fee_online / fee_direct of the full fee (0 where no fee is charged)."""
    fd = np.asarray(fee_direct, dtype=float)
    fo = np.asarray(fee_online, dtype=float)
    worth = np.where(fd > 0, discount * fo / np.where(fd > 0, fd, 1.0), 0.0)
    return response * worth


def revenue_given_up(n, p_base, p_scen, fee_direct, fee_online, discount):
    """VND the state forgoes: movers pay the online fee instead of the direct one, and every
    online dossier pays the discounted fee."""
    on_b, on_s = n * p_base, n * p_scen
    return (on_s - on_b) * (fee_direct - fee_online) + on_s * fee_online * discount


def citizens_savings(given_up, moved, visit_cost):
    return given_up + moved * visit_cost


# --- cells from the panel -----------------------------------------------------------------
def _months_before(month: date, last: Month) -> int:
    return (last.year - month.year) * 12 + last.month - month.month


def _wls_slope(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    if len(x) < 2 or w.sum() <= 0:
        return 0.0
    mx = (w * x).sum() / w.sum()
    var = (w * (x - mx) ** 2).sum()
    if var <= 0:
        return 0.0
    my = (w * y).sum() / w.sum()
    return float((w * (x - mx) * (y - my)).sum() / var)


def unit_slopes(panel: pd.DataFrame, last: Month) -> pd.DataFrame:
    """Per unit, the monthly logit slope of its online share and of its full-process share of
    online over the last 12 months (monthly reports only)."""
    rows = panel[panel["monthly"]].copy()
    rows["age"] = [_months_before(m, last) for m in rows["month"]]
    rows = rows[rows["age"] < VOLUME_MONTHS]
    by = rows.groupby(["unit", "age"], as_index=False)[["new", "online", "full"]].sum()
    out = []
    for unit, g in by.groupby("unit", sort=True):
        g = g[g["new"] > 0]
        x = -g["age"].to_numpy(float)
        s_on = _wls_slope(x, logit(g["online"] / g["new"]), g["new"].to_numpy(float))
        g2 = g[g["online"] > 0]
        s_full = _wls_slope(-g2["age"].to_numpy(float), logit(g2["full"] / g2["online"]),
                            g2["online"].to_numpy(float))
        out.append((unit, s_on, s_full))
    return pd.DataFrame(out, columns=["unit", "slope", "slope_r"])


PANEL_KEYS = ["unit", "procedure", "month", "months", "monthly"]


def in_units(panel: pd.DataFrame, crosswalk: eras.Crosswalk, units: str) -> pd.DataFrame:
    """The panel with each row's unit taken into the unit set (an old province's rows go to
    the unit it became) and the rows that meet summed: counts and `spread` add up."""
    frame = panel.assign(unit=[crosswalk.to_units(u, units) for u in panel["unit"]])
    values = [c for c in ("new", "online", "full", "spread") if c in frame]
    return frame.groupby(PANEL_KEYS, as_index=False, sort=True)[values].sum()


def build_cells(panel: pd.DataFrame, last: Month, kinds: dict[str, str],
                fees: pd.DataFrame) -> pd.DataFrame:
    """One row per unit × procedure seen in the last 12 months of the panel (columns unit,
    procedure ("" for rows reported by field), month, months, monthly, new, online, full).
    fees: per procedure code, fee_direct and fee_online (the online fee in force in that unit,
    see online_fees) and has_online; kinds: unit → province | ministry."""
    rows = panel.copy()
    rows["age"] = [_months_before(m, last) for m in rows["month"]]
    recent = rows[(rows["age"] >= 0) & (rows["age"] < VOLUME_MONTHS)]
    keys = ["unit", "procedure"]
    vol = recent.groupby(keys).agg(new_sum=("new", "sum"), months=("months", "sum"))
    level = recent[recent["age"] < LEVEL_MONTHS].groupby(keys)[["new", "online", "full"]].sum()
    year = recent.groupby(keys)[["new", "online", "full"]].sum()
    use_level = level.reindex(year.index).fillna(0.0)
    has_level = use_level["new"].gt(0)
    use_level = use_level.where(np.repeat(has_level.to_numpy()[:, None], 3, axis=1), year)
    cells = pd.DataFrame(index=year.index)
    cells["new"] = vol["new_sum"] / vol["months"].clip(lower=1)
    cells["p"] = np.where(use_level["new"] > 0,
                          use_level["online"] / use_level["new"].where(use_level["new"] > 0, 1),
                          0.0).clip(0, 1)
    cells["r"] = np.where(use_level["online"] > 0,
                          use_level["full"] / use_level["online"].where(use_level["online"] > 0,
                                                                        1), 0.0).clip(0, 1)
    if "spread" in recent:
        on, n = recent["online"].to_numpy(float), recent["new"].to_numpy(float)
        whole = pd.Series(np.where(n > 1, on * (n - on) / np.where(n > 1, n - 1, 1), 0.0),
                          index=recent.index)
        sums = pd.DataFrame({"spread": recent["spread"], "whole": whole}).groupby(
            [recent["unit"], recent["procedure"]]).sum().reindex(year.index)
        ratio = sums["spread"] / sums["whole"].where(sums["whole"] > 0)
        cells["kappa"] = ratio.clip(0.05, 1.0).fillna(1.0)
    else:
        cells["kappa"] = 1.0
    cells = cells.reset_index()
    cells["kind"] = cells["unit"].map(kinds).fillna("province")
    cells = cells.merge(unit_slopes(panel, last), on="unit", how="left")
    cells[["slope", "slope_r"]] = cells[["slope", "slope_r"]].fillna(0.0)
    cells = cells.merge(fees, on=["unit", "procedure"], how="left")
    cells[["fee_direct", "fee_online"]] = cells[["fee_direct", "fee_online"]].fillna(0.0)
    cells["has_online"] = cells["has_online"].fillna(False).astype(bool)
    return cells[list(CELL_COLUMNS)].sort_values(keys, kind="stable").reset_index(drop=True)


def history(panel: pd.DataFrame, last: Month, unit: str | None = None) -> pd.DataFrame:
    """The observed rates of the last 12 months (of one unit, or all): month (a date),
    online and full (ratios of sums; a report spanning several months counts in its first)."""
    rows = panel if unit is None else panel[panel["unit"] == unit]
    ages = np.array([_months_before(m, last) for m in rows["month"]], dtype=int)
    rows = rows[(ages >= 0) & (ages < VOLUME_MONTHS)]
    by = rows.groupby("month", sort=True)[["new", "online", "full"]].sum()
    by = by[by["new"] > 0]
    return pd.DataFrame({"month": list(by.index), "online": (by["online"] / by["new"]).to_numpy(),
                         "full": (by["full"] / by["new"]).to_numpy()})


def member_shares(panel: pd.DataFrame, crosswalk: eras.Crosswalk) -> pd.DataFrame:
    """(unit, member, procedure, share): each old province's share of the new dossiers of the
    unit it became, per procedure, over the last twelve months before 01/07/2025 in the data —
    how much of a unit of today an old province's fee policy reaches."""
    old = panel[[eras.era_of_key(u) == eras.ERA_63 for u in panel["unit"]]]
    if old.empty:
        return pd.DataFrame(columns=["unit", "member", "procedure", "share"])
    last = min(Month.of(max(old["month"])), eras.LAST_MONTH_63)
    old = old[[0 <= _months_before(m, last) < VOLUME_MONTHS for m in old["month"]]]
    by = old.groupby(["unit", "procedure"], as_index=False)["new"].sum().rename(
        columns={"unit": "member"})
    by["unit"] = by["member"].map(crosswalk.successor)
    by = by.dropna(subset=["unit"])
    total = by.groupby(["unit", "procedure"])["new"].transform("sum")
    by = by[total > 0].assign(share=by["new"] / total)
    return by[["unit", "member", "procedure", "share"]].reset_index(drop=True)


def online_fees(units: list[str], procedures: pd.DataFrame, policies: pd.DataFrame,
                coverage: pd.DataFrame, month: Month, crosswalk: eras.Crosswalk,
                shares: pd.DataFrame) -> pd.DataFrame:
    """Per unit × procedure: the direct fee, the online fee in force in `month` and whether the
    procedure has an online service. procedures: code, fee_direct_vnd, fee_online_vnd,
    online_level. In each part of a unit (shares, see member_shares: an old province, or the
    unit whole where none is known) the online fee is the listed fee less the largest discount
    of the policies in force there for the whole month that cover the procedure (else the
    listed online fee, or the direct fee where none is listed); the unit's fee is the mean of
    its parts' by their share of its dossiers. A policy of an old province whose unit of today
    has no dossiers of that old province in the data is not counted there."""
    p = procedures.rename(columns={"code": "procedure"})
    fd = pd.to_numeric(p["fee_direct_vnd"], errors="coerce").astype("float64").fillna(0.0)
    fo = pd.to_numeric(p["fee_online_vnd"], errors="coerce").astype("float64")
    base = pd.DataFrame({"procedure": p["procedure"], "fee_direct": fd,
                         "listed_online": fo.fillna(fd), "has_online": p["online_level"] != "none"})
    grid = pd.DataFrame({"unit": units}).merge(base, how="cross")
    grid = grid.merge(shares, on=["unit", "procedure"], how="left")
    alone = {u: crosswalk.predecessors(u)[0] for u in units
             if len(crosswalk.predecessors(u)) == 1}  # a unit that is one old province
    grid["member"] = grid["member"].fillna(grid["unit"].map(alone)).fillna(grid["unit"])
    grid["share"] = grid["share"].fillna(1.0)
    discount = np.zeros(len(grid))
    first, last = month.first_day, month.last_day
    for pol in policies.itertuples():
        valid_to = pol.valid_to if pol.valid_to is not None and not pd.isna(pol.valid_to) \
            else date.max
        if not (pol.valid_from <= first and last <= valid_to):
            continue
        procs = set(coverage.loc[coverage["policy_id"] == pol.id, "procedure_code"])
        hit = grid["procedure"].isin(procs).to_numpy()
        whole, _ = policy_reach(pol.scope, pol.valid_from, crosswalk)
        if whole is not None:  # a part is reached as the old province or as the whole unit
            hit = hit & (grid["member"].isin(whole) | grid["unit"].isin(whole)).to_numpy()
        discount = np.where(hit, np.maximum(discount, pol.discount_pct / 100.0), discount)
    fee = np.where(discount > 0, grid["fee_direct"] * (1 - discount), grid["listed_online"])
    grid["fee_online"] = np.minimum(fee, grid["fee_direct"]) * grid["share"]
    out = grid.groupby(["unit", "procedure"], as_index=False, sort=False).agg(
        fee_direct=("fee_direct", "first"), fee_online=("fee_online", "sum"),
        has_online=("has_online", "first"))
    return out[["unit", "procedure", "fee_direct", "fee_online", "has_online"]]


# --- the projection -----------------------------------------------------------------------
@dataclass
class Projection:
    """Arrays (cells × months) of one run, and the cells it ran on."""
    cells: pd.DataFrame
    params: Params
    n: np.ndarray  # new dossiers
    p_base: np.ndarray
    r: np.ndarray  # full-process share of online
    p_scen: np.ndarray
    p_lo: np.ndarray
    p_hi: np.ndarray
    active: np.ndarray  # (cells × months) the cut applies
    given_up: dict = field(default_factory=dict)  # "mid" | "lo" | "hi" → (cells × months)


def baseline(cells: pd.DataFrame, horizon: int, trend: bool) -> tuple[np.ndarray, np.ndarray]:
    """(online share, full-process share of online), cells × months. The level sits at the
    middle of the last 3 months, 2 months before the first projected month."""
    p = cells["p"].to_numpy(float)[:, None]
    r = cells["r"].to_numpy(float)[:, None]
    if not trend:
        ones = np.ones((1, horizon))
        return p * ones, r * ones
    ahead = (LEVEL_MONTHS / 2 + 0.5 + np.arange(horizon, dtype=float))[None, :]
    slope = cells["slope"].to_numpy(float)[:, None]
    slope_r = cells["slope_r"].to_numpy(float)[:, None]
    pb = np.where((p > 0) & (p < 1), sigmoid(logit(p) + slope * ahead), p * np.ones_like(ahead))
    rb = np.where((r > 0) & (r < 1), sigmoid(logit(r) + slope_r * ahead), r * np.ones_like(ahead))
    return pb, rb


def covered_mask(cells: pd.DataFrame, covered) -> np.ndarray:
    """Cells the cut reaches: covered procedures with an online service and an online fee."""
    return (cells["procedure"].isin(set(covered)).to_numpy() & cells["has_online"].to_numpy()
            & (cells["fee_online"].to_numpy(float) > 0))


def project(cells: pd.DataFrame, params: Params) -> Projection:
    H = int(params.horizon)
    n = cells["new"].to_numpy(float)[:, None] * np.ones((1, H))
    p_base, r = baseline(cells, H, params.trend)
    reach = covered_mask(cells, params.covered)
    months = np.arange(H)[None, :]
    active = reach[:, None] & (months >= params.start)
    fd = cells["fee_direct"].to_numpy(float)[:, None]
    fo = cells["fee_online"].to_numpy(float)[:, None]
    kappa = (cells["kappa"].to_numpy(float) if "kappa" in cells else np.ones(len(cells)))[:, None]
    lo_resp, hi_resp = params.response_range
    out = {}
    for name, resp in (("mid", max(params.response, 0.0)), ("lo", lo_resp), ("hi", hi_resp)):
        shift = np.where(active, kappa * price_shift(resp, params.discount, fd, fo), 0.0)
        out[name] = uptake(p_base, params.ceiling, shift)
    proj = Projection(cells=cells, params=params, n=n, p_base=p_base, r=r, p_scen=out["mid"],
                      p_lo=out["lo"], p_hi=out["hi"], active=active)
    d = np.where(active, params.discount, 0.0)
    for name in out:
        proj.given_up[name] = revenue_given_up(n, p_base, out[name], fd, fo, d)
    return proj


# --- summaries ----------------------------------------------------------------------------
def _rate(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def rates(proj: Projection, rows: np.ndarray | None = None) -> pd.DataFrame:
    """Month by month (index 0..H-1): online and full-process rates, baseline and scenario
    (with the low and high response), over the given cells (default: all)."""
    sel = np.ones(len(proj.cells), dtype=bool) if rows is None else rows
    n = proj.n[sel]
    den = n.sum(axis=0)
    out = {"step": np.arange(proj.n.shape[1])}
    for name, p in (("base", proj.p_base), ("scen", proj.p_scen), ("lo", proj.p_lo),
                    ("hi", proj.p_hi)):
        on = n * p[sel]
        out[f"online_{name}"] = _rate(on.sum(axis=0), den)
        out[f"full_{name}"] = _rate((on * proj.r[sel]).sum(axis=0), den)
    return pd.DataFrame(out)


def target_path(by_year: dict[int, float], first: Month, horizon: int) -> np.ndarray:
    """The target in force each projected month: its year's (NaN where the year has none —
    an earlier year's target is never carried forward)."""
    return np.array([by_year.get(first.plus(i).year, np.nan) for i in range(horizon)],
                    dtype=float)


def first_reaching(series, target) -> int | None:
    """The first month index from which the value meets the target in force every month to
    the end of the horizon (target: one value, or one per month with NaN where none is set);
    None if it never does, or no target is set."""
    values = np.asarray(series, dtype=float)
    tg = np.broadcast_to(np.asarray(np.nan if target is None else target, dtype=float),
                         values.shape)
    is_set = ~np.isnan(tg)
    missed = np.flatnonzero(is_set & ~(values >= tg - 1e-12))
    start = int(missed[-1]) + 1 if len(missed) else 0
    later = np.flatnonzero(is_set[start:])
    return start + int(later[0]) if len(later) else None


@dataclass(frozen=True)
class Totals:
    moved: tuple[float, float, float]  # (mid, lo, hi) dossiers moved online over the horizon
    moved_full: float  # of which full-process (mid)
    given_up_year: tuple[float, float, float]  # VND a year while the cut applies
    savings_year: tuple[float, float, float]  # VND a year: fees + visits avoided
    given_up_total: float
    savings_total: float
    policy_months: int
    covered_cells: int


def totals(proj: Projection, rows: np.ndarray | None = None) -> Totals:
    sel = np.ones(len(proj.cells), dtype=bool) if rows is None else rows
    n = proj.n[sel]
    months = int(proj.active[sel].any(axis=0).sum())
    per_year = 12.0 / months if months else 0.0
    moved, given, saved = [], [], []
    for name, p in (("mid", proj.p_scen), ("lo", proj.p_lo), ("hi", proj.p_hi)):
        m = float((n * (p[sel] - proj.p_base[sel])).sum())
        g = float(proj.given_up[name][sel].sum())
        moved.append(m)
        given.append(g * per_year)
        saved.append(float(citizens_savings(g, m, proj.params.visit_cost)) * per_year)
    moved_full = float((n * (proj.p_scen[sel] - proj.p_base[sel]) * proj.r[sel]).sum())
    g_total = float(proj.given_up["mid"][sel].sum())
    return Totals(moved=tuple(moved), moved_full=moved_full, given_up_year=tuple(given),
                  savings_year=tuple(saved), given_up_total=g_total,
                  savings_total=float(citizens_savings(g_total, moved[0],
                                                       proj.params.visit_cost)),
                  policy_months=months,
                  covered_cells=int(covered_mask(proj.cells[sel],
                                                 proj.params.covered).sum()))


def unit_table(proj: Projection, targets: dict[str, np.ndarray]) -> pd.DataFrame:
    """One row per unit: online and full-process rates at the end of the horizon (baseline,
    scenario), the target in force in the last month, the month index from which each
    full-process rate meets the unit's targets (targets: unit → the target each month, see
    target_path), dossiers moved online and revenue given up over the horizon."""
    cells = proj.cells
    codes, units = pd.factorize(cells["unit"])
    U, H = len(units), proj.n.shape[1]

    def by_unit(x: np.ndarray) -> np.ndarray:  # (cells × months) → (units × months)
        out = np.zeros((U, x.shape[1]))
        np.add.at(out, codes, x)
        return out

    on_b, on_s = proj.n * proj.p_base, proj.n * proj.p_scen
    den = by_unit(proj.n)
    fb = _rate(by_unit(on_b * proj.r), den)
    fs = _rate(by_unit(on_s * proj.r), den)
    ob, os_ = _rate(by_unit(on_b), den), _rate(by_unit(on_s), den)
    none = np.full(H, np.nan)
    paths = [targets.get(u, none) for u in units]
    first_cell = np.zeros(U, dtype=int)
    first_cell[codes[::-1]] = np.arange(len(codes))[::-1]
    return pd.DataFrame({
        "unit": np.asarray(units, dtype=object), "kind": cells["kind"].to_numpy()[first_cell],
        "online_base": ob[:, H - 1], "online_scen": os_[:, H - 1],
        "full_base": fb[:, H - 1], "full_scen": fs[:, H - 1],
        "target": [None if np.isnan(p[H - 1]) else float(p[H - 1]) for p in paths],
        "reach_base": [first_reaching(fb[i], paths[i]) for i in range(U)],
        "reach_scen": [first_reaching(fs[i], paths[i]) for i in range(U)],
        "moved": by_unit(on_s - on_b).sum(axis=1),
        "given_up": by_unit(proj.given_up["mid"]).sum(axis=1),
    })


def month_of(first: Month, step: int | None) -> Month | None:
    return None if step is None else first.plus(int(step))
