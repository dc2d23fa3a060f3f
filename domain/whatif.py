"""The fee what-if: what cutting the fee for online submission would do to online uptake, to the
full-process rate and its target, to fee revenue and to what citizens save. Pure functions on
numpy arrays and small frames, one row per cell (unit × procedure).

The projection runs in the units of today (the 34 provinces and the ministries): the panel's
rows before 01/07/2025, keyed by the 63, are summed into the units they became (today_panel),
and a report of several months shares its flows equally among them.

Baseline (no new policy): it continues the data from its last month T, per cell, for each
month T + h ahead:
- new dossiers = the unit's monthly average over the last 12 months × its seasonal factor
  (its dossiers in the same month a year earlier / its monthly average) × its growth over
  the last year (last 12 months / the 12 before, within −20% … +25%; none when those 24
  months are not all reported), once per year ahead; shared among the unit's cells as in
  month T, so that the baseline's first month has the mix of the last actual one;
- online share p and full-process share of online r (on the logit scale) = the cell's value
  in month T (its last 3 months when it did not report in T, else its last 12)
  + seasonality: the usual gap between calendar months, nationwide, S(month of T + h) −
    S(month of T), S estimated from the last 36 months (needs 24) as each cell's gap to its
    centred 12-month moving average, averaged by calendar month (weights: inverse variance)
    and shrunk by how much the years disagree (see seasonality);
  + for p, trend ("trend" baseline): the unit's recent slope — within its cells, the last 12
    months, season removed — fading by TREND_DAMPING a month: h months ahead it has added
    slope × (φ + φ² + … + φʰ). r has no trend: which services are full-process online is
    decided service by service, not a drift, and in the back-tests of the sample a trend of
    r erred ten times more than holding it;
- the online fee in force follows the dated policies (fee_paths): a policy that ends inside
  the horizon raises the fee back and moves uptake down by the response (see below).

Scenario: from the start month to the end month (or the horizon's end), for the covered
procedures that charge an online fee, the online fee in force falls by the discount d: the cut
applies to the fee in force after the dated policies (several dated policies on one procedure:
the largest discount, they do not add up). The online share responds on the logit scale of the
dossiers that can go online at all (the adoption ceiling c), to the fee's change from month T:

    shift = κ × response × (f_T − f) / f_direct    (a change worth the whole fee: response)
    p = p_b + c × (σ(logit(p_b / c) + shift) − p_b / c)   when p_b < c;   p = p_b otherwise

(κ ≤ 1, see domain.did.kappa: the response moves each agency's own share; a cell sums agencies
whose shares differ, and its summed share moves a little less; κ = 1 for a single agency.)

So d = 0 gives the baseline exactly, uptake never decreases as d grows and never passes c.
Dossiers moved online keep the cell's full-process share r. Per cell and month, with N new
dossiers, on = N × p, f_d the direct fee, f_b the online fee in force without the cut, f_s with:

    revenue given up = (on_s − on_b) × (f_d − f_b) + on_s × (f_b − f_s)
    citizens' fee savings = revenue given up (what the state forgoes, citizens keep)
    visits avoided = on_s − on_b;   citizens' savings = fee savings + visits × cost per visit
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from domain import did, eras
from domain.did import month_index, policy_reach, whole_months
from domain.periods import Month

LEVEL_MONTHS, VOLUME_MONTHS = 3, 12
SEASON_MONTHS, MIN_SEASON_MONTHS = 36, 24
MIN_TREND_MONTHS = 6
# The trend fades (a tenth a month): straight lines do not go on for ever, and a cautious
# baseline erred least in the back-tests of the sample (tests/test_whatif_backtest.py).
TREND_DAMPING = 0.9
GROWTH_RANGE = (0.8, 1.25)
MAX_AHEAD = 36  # the longest horizon
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
# The default cover: fee-charging procedures below this online share (last 3 months); a
# choice at or above MOSTLY_ONLINE is said to leave a cut little to move.
LOW_ONLINE, MOSTLY_ONLINE, FALLBACK_PROCEDURES = 0.90, 0.90, 3
CELL_COLUMNS = ("unit", "kind", "procedure", "new", "p", "r", "p_recent", "kappa", "slope",
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
    trend: bool = True
    end: int | None = None  # the last month index the cut applies; None: to the horizon's end

    def with_(self, **changes) -> "Params":
        return replace(self, **changes)

    @property
    def response_range(self) -> tuple[float, float]:
        return max(0.0, self.response - self.uncertainty), self.response + self.uncertainty

    def window(self) -> np.ndarray:
        """(horizon,) the months the cut applies."""
        steps = np.arange(self.horizon)
        last = self.horizon - 1 if self.end is None else self.end
        return (steps >= self.start) & (steps <= last)


# --- primitives ---------------------------------------------------------------------------
def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


def logit(p):
    p = np.clip(np.asarray(p, dtype=float), EPS, 1 - EPS)
    return np.log(p / (1 - p))


def uptake(p_base, ceiling, shift):
    """The online share after a logit shift of the reachable share (see the module doc);
    a negative shift (a fee that rises) moves it down."""
    p_base = np.asarray(p_base, dtype=float)
    shift = np.broadcast_to(np.asarray(shift, dtype=float), p_base.shape)
    c = float(ceiling)
    moving = (p_base < c) & (shift != 0)
    out = p_base.copy()
    if c <= 0 or not moving.any():
        return out
    q = p_base[moving] / c
    lq = logit(q)
    moved = p_base[moving] + c * (sigmoid(lq + shift[moving]) - sigmoid(lq))
    up = shift[moving] > 0  # a rise never lowers the share nor passes the ceiling
    out[moving] = np.where(up, np.minimum(np.maximum(moved, p_base[moving]), c),
                           np.clip(moved, 0.0, p_base[moving]))
    return out


def fee_shift(response, fee_direct, fee_from, fee_to):
    """Logit shift of an online fee moving from fee_from to fee_to: the change as a share of
    the full fee, × the response (0 where no fee is charged)."""
    fd = np.asarray(fee_direct, dtype=float)
    change = np.asarray(fee_from, dtype=float) - np.asarray(fee_to, dtype=float)
    return response * np.where(fd > 0, change / np.where(fd > 0, fd, 1.0), 0.0)


def revenue_given_up(n, p_base, p_scen, fee_direct, fee_base, fee_scen):
    """VND the state forgoes: movers pay the online fee instead of the direct one, and every
    online dossier pays the cut fee."""
    on_b, on_s = n * p_base, n * p_scen
    return (on_s - on_b) * (fee_direct - fee_base) + on_s * (fee_base - fee_scen)


def citizens_savings(given_up, moved, visit_cost):
    return given_up + moved * visit_cost


# --- the panel in the units of today --------------------------------------------------------
PANEL_VALUES = ("new", "online", "full", "spread")


def _ordinal(months) -> np.ndarray:
    """Month numbers (year × 12 + month − 1) of dates."""
    s = pd.to_datetime(pd.Series(months, dtype=object))
    return (s.dt.year * 12 + s.dt.month - 1).to_numpy(dtype=np.int64)


def month_of_ordinal(i: int) -> Month:
    return Month(int(i) // 12, int(i) % 12 + 1)


def _dates(ordinals: np.ndarray) -> np.ndarray:
    """The first days (datetime.date) of month numbers."""
    months = (np.asarray(ordinals, dtype=np.int64) - 1970 * 12).astype("datetime64[M]")
    return months.astype("datetime64[D]").astype(object)


def today_panel(panel: pd.DataFrame, crosswalk: eras.Crosswalk, units: str) -> pd.DataFrame:
    """One row per unit of the unit set × procedure × month (columns unit, procedure, ym —
    the month number, see did.month_index —, month — its first day —, new, online, full,
    spread): an old province's rows go to the unit it became, and a report of several months
    shares its flows equally among them."""
    months = panel["months"].to_numpy(dtype=np.int64)
    rows = np.repeat(np.arange(len(panel)), months)
    step = np.arange(len(rows)) - np.repeat(np.cumsum(months) - months, months)
    values = [c for c in PANEL_VALUES if c in panel]
    to_units = {u: crosswalk.to_units(u, units) for u in panel["unit"].unique()}
    frame = pd.DataFrame({
        "unit": panel["unit"].map(to_units).to_numpy()[rows],
        "procedure": panel["procedure"].to_numpy()[rows],
        "ym": _ordinal(panel["month"])[rows] + step,
    })
    for c in values:
        frame[c] = (panel[c].to_numpy(float) / months)[rows]
    frame = frame.groupby(["unit", "procedure", "ym"], as_index=False, sort=True)[values].sum()
    frame.insert(3, "month", _dates(frame["ym"].to_numpy()))
    return frame


@dataclass(frozen=True)
class Dense:
    """The panel as arrays (cells × months), the last column the month `last`."""
    keys: pd.DataFrame  # unit, procedure
    last: Month
    new: np.ndarray
    online: np.ndarray
    full: np.ndarray
    spread: np.ndarray
    seen: np.ndarray  # a row was reported

    @property
    def months(self) -> int:
        return self.new.shape[1]

    def month(self, col: int) -> Month:
        return self.last.plus(col - (self.months - 1))


def dense(panel: pd.DataFrame, last: Month, months: int) -> Dense:
    """The `months` months of a today_panel ending with `last` (later rows left out)."""
    age = month_index(last) - panel["ym"].to_numpy()
    rows = panel[(age >= 0) & (age < months)]
    col = (months - 1) - age[(age >= 0) & (age < months)]
    u_codes, u_values = pd.factorize(rows["unit"], sort=True)
    p_codes, p_values = pd.factorize(rows["procedure"], sort=True)
    pairs, codes = np.unique(u_codes.astype(np.int64) * len(p_values) + p_codes,
                             return_inverse=True)
    keys = pd.DataFrame({"unit": np.asarray(u_values, dtype=object)[pairs // len(p_values)],
                         "procedure": np.asarray(p_values, dtype=object)[pairs % len(p_values)]})
    shape = (len(keys), months)
    arrays = {}
    for c in ("new", "online", "full", "spread"):
        a = np.zeros(shape)
        if c in rows:
            np.add.at(a, (codes, col), rows[c].to_numpy(float))
        arrays[c] = a
    seen = np.zeros(shape, dtype=bool)
    seen[codes, col] = True
    return Dense(keys=keys, last=last, seen=seen, **arrays)


def _rate(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den, NaN where den is 0."""
    return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


# --- seasonality, trend, volumes ------------------------------------------------------------
def seasonality(x: np.ndarray, n: np.ndarray, calendar: np.ndarray) -> np.ndarray | None:
    """The usual logit gap of each calendar month (12 values, 0 = January, mean 0): each
    cell's gap to its centred 12-month moving average, averaged over the cells of each month
    (inverse-variance weights), then over the years. A gap that the years do not repeat is
    noise or a bend in the trend, not a season: the profile is shrunk towards 0 by how much
    the years disagree (1 − between-year variance of the mean / mean square of the profile).
    None when fewer than MIN_SEASON_MONTHS months are reported.
    x, n: (cells × months) counts; calendar: (months,) calendar month 0–11 of each column."""
    if (n.sum(axis=0) > 0).sum() < MIN_SEASON_MONTHS:
        return None
    y, w = did.empirical_logit(x, n)
    kernel = np.r_[0.5, np.ones(11), 0.5] / 12.0
    T = y.shape[1]
    ma = np.full_like(y, np.nan)
    for t in range(6, T - 6):  # NaN where any month of the window is missing
        ma[:, t] = y[:, t - 6:t + 7] @ kernel
    gap = y - ma
    w = np.where(~np.isnan(gap), w, 0.0)
    total = w.sum(axis=0)
    month_gap = np.where(total > 0, (w * np.nan_to_num(gap)).sum(axis=0)
                         / np.where(total > 0, total, 1.0), np.nan)
    profile, noise = np.zeros(12), []
    for m in range(12):
        years = month_gap[(calendar == m) & ~np.isnan(month_gap)]
        if not len(years):
            return None
        profile[m] = years.mean()
        if len(years) > 1:
            noise.append(years.var(ddof=1) / len(years))
    profile -= profile.mean()
    signal = float((profile ** 2).mean())
    keep = 1.0 - float(np.mean(noise)) / signal if noise and signal > 0 else 0.0
    return profile * min(1.0, max(0.0, keep))


def unit_trends(x: np.ndarray, n: np.ndarray, unit_codes: np.ndarray, n_units: int,
                season: np.ndarray) -> np.ndarray:
    """Per unit, the monthly logit slope within its cells over the columns given (season
    removed): Σ w (t − t̄_c)(y − ȳ_c) / Σ w (t − t̄_c)², 0 for a unit with fewer than
    MIN_TREND_MONTHS months reported. season: (months,) the seasonal gap of each column."""
    y, w = did.empirical_logit(x, n)
    y = np.where(np.isnan(y), 0.0, y - season[None, :])
    t = np.arange(y.shape[1], dtype=float)[None, :]
    sw = w.sum(axis=1, keepdims=True)
    safe = np.where(sw > 0, sw, 1.0)
    tc = t - (w * t).sum(axis=1, keepdims=True) / safe
    yc = y - (w * y).sum(axis=1, keepdims=True) / safe
    num = np.bincount(unit_codes, (w * tc * yc).sum(axis=1), n_units)
    den = np.bincount(unit_codes, (w * tc * tc).sum(axis=1), n_units)
    months = np.zeros((n_units, y.shape[1]))
    np.add.at(months, unit_codes, n)
    enough = (months > 0).sum(axis=1) >= MIN_TREND_MONTHS
    return np.where(enough & (den > 0), num / np.where(den > 0, den, 1.0), 0.0)


def trend_steps(horizon: int) -> np.ndarray:
    """(horizon,) how many months of slope h months ahead adds: φ + φ² + … + φʰ."""
    return np.cumsum(TREND_DAMPING ** np.arange(1, horizon + 1))


@dataclass(frozen=True)
class Method:
    """What the baseline could rest on (said under the chart)."""
    last: Month
    season_months: int  # months the seasonality was estimated from (0: none)
    trend: bool  # some unit had enough months for a trend
    growth: float | None  # the nation's volume growth over the last year (None: not known)


# --- fees in force ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Fees:
    """Per unit × procedure: the direct fee, whether it has an online service, and the online
    fee in force in each of `months` under the dated policies."""
    keys: pd.DataFrame  # unit, procedure, fee_direct, has_online
    online: np.ndarray  # (rows × months)


def fee_paths(units: list[str], procedures: pd.DataFrame, policies: pd.DataFrame,
              coverage: pd.DataFrame, months: list[Month], crosswalk: eras.Crosswalk,
              shares: pd.DataFrame) -> Fees:
    """The online fee in force, month by month. procedures: code, fee_direct_vnd,
    fee_online_vnd, online_level. In each part of a unit (shares, see member_shares: an old
    province, or the unit whole where none is known) a procedure that a dated policy reaching
    that part covers pays the direct fee less the largest discount of the covering policies in
    force for the whole month (none in force: the direct fee) — the listed online fee of such
    a procedure is a policy's, as the sample generator has it; any other procedure pays its
    listed online fee (or the direct fee where none is listed). The unit's fee is the mean of
    its parts' by their share of its dossiers. A policy of an old province whose unit of
    today has no dossiers of that old province in the data is not counted there."""
    p = procedures.rename(columns={"code": "procedure"})
    fd = pd.to_numeric(p["fee_direct_vnd"], errors="coerce").astype("float64").fillna(0.0)
    fo = pd.to_numeric(p["fee_online_vnd"], errors="coerce").astype("float64")
    base = pd.DataFrame({"procedure": p["procedure"], "fee_direct": fd,
                         "listed_online": fo.fillna(fd), "has_online": p["online_level"] != "none"})
    grid = pd.DataFrame({"unit": units}).merge(base, how="cross")
    grid = grid.merge(shares, on=["unit", "procedure"], how="left")
    alone = {u: crosswalk.predecessors(u)[0] for u in units
             if len(crosswalk.predecessors(u)) == 1}  # a unit that is one old province
    member = grid["member"].astype(object)
    member = member.where(member.notna(), grid["unit"].map(alone).astype(object))
    grid["member"] = member.where(member.notna(), grid["unit"].astype(object))
    grid["share"] = grid["share"].fillna(1.0)
    discount = np.zeros((len(grid), len(months)))
    covered = np.zeros(len(grid), dtype=bool)
    for pol in policies.itertuples():
        procs = set(coverage.loc[coverage["policy_id"] == pol.id, "procedure_code"])
        hit = grid["procedure"].isin(procs).to_numpy()
        whole, _ = policy_reach(pol.scope, pol.valid_from, crosswalk)
        if whole is not None:  # a part is reached as the old province or as the whole unit
            hit = hit & (grid["member"].isin(whole) | grid["unit"].isin(whole)).to_numpy()
        covered |= hit
        first, last = whole_months(pol.valid_from, pol.valid_to)
        in_force = np.array([first <= m and (last is None or m <= last) for m in months])
        discount[hit] = np.maximum(discount[hit], pol.discount_pct / 100.0 * in_force)
    fd_col = grid["fee_direct"].to_numpy(float)[:, None]
    fee = np.where(covered[:, None], fd_col * (1 - discount),
                   grid["listed_online"].to_numpy(float)[:, None])
    fee = np.minimum(fee, fd_col) * grid["share"].to_numpy(float)[:, None]
    codes, keys = pd.factorize(pd.MultiIndex.from_frame(grid[["unit", "procedure"]]))
    online = np.zeros((len(keys), len(months)))
    np.add.at(online, codes, fee)
    first_row = np.zeros(len(keys), dtype=int)
    first_row[codes[::-1]] = np.arange(len(codes))[::-1]
    out = keys.to_frame(index=False, name=["unit", "procedure"])
    out["fee_direct"] = grid["fee_direct"].to_numpy()[first_row]
    out["has_online"] = grid["has_online"].to_numpy()[first_row]
    return Fees(keys=out, online=online)


def member_shares(panel: pd.DataFrame, crosswalk: eras.Crosswalk) -> pd.DataFrame:
    """(unit, member, procedure, share): each old province's share of the new dossiers of the
    unit it became, per procedure, over the last twelve months before 01/07/2025 in the data —
    how much of a unit of today an old province's fee policy reaches. panel: as reported."""
    era = {u: eras.era_of_key(u) for u in panel["unit"].unique()}
    old = panel[(panel["unit"].map(era) == eras.ERA_63).to_numpy()]
    if old.empty:
        return pd.DataFrame(columns=["unit", "member", "procedure", "share"])
    last = min(Month.of(max(old["month"])), eras.LAST_MONTH_63)
    age = month_index(last) - _ordinal(old["month"])
    old = old[(age >= 0) & (age < VOLUME_MONTHS)]
    by = old.groupby(["unit", "procedure"], as_index=False)["new"].sum().rename(
        columns={"unit": "member"})
    by["unit"] = by["member"].map(crosswalk.successor)
    by = by.dropna(subset=["unit"])
    total = by.groupby(["unit", "procedure"])["new"].transform("sum")
    by = by[total > 0].assign(share=by["new"] / total)
    return by[["unit", "member", "procedure", "share"]].reset_index(drop=True)


# --- what a projection needs -------------------------------------------------------------------
@dataclass(frozen=True)
class Inputs:
    """Per cell (unit × procedure seen in the last 12 months): `cells` (CELL_COLUMNS: p and r
    the shares the baseline starts from, p_recent the online share of the last 3 months,
    fee_online the fee in force in the last month) and arrays over the MAX_AHEAD months after
    `last`: new dossiers, the online fee in force, and the seasonal logit gaps from `last`."""
    cells: pd.DataFrame
    last: Month
    new: np.ndarray  # (cells × MAX_AHEAD)
    fees: np.ndarray  # (cells × MAX_AHEAD)
    season_p: np.ndarray  # (MAX_AHEAD,)
    season_r: np.ndarray  # (MAX_AHEAD,)
    method: Method

    @property
    def first(self) -> Month:
        return self.last.plus(1)

    def select(self, rows: np.ndarray) -> "Inputs":
        rows = np.asarray(rows, dtype=bool)
        return replace(self, cells=self.cells[rows].reset_index(drop=True),
                       new=self.new[rows], fees=self.fees[rows])

    def scope(self, unit: str) -> "Inputs":
        """The cells of one unit ("" = every unit)."""
        return self if not unit else self.select(self.cells["unit"].to_numpy() == unit)


def _recent_share(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """The share of the last column; where it has no dossiers, of the last 3; else of all."""
    out = _rate(num[:, -1], den[:, -1])
    for k in (LEVEL_MONTHS, num.shape[1]):
        out = np.where(np.isnan(out), _rate(num[:, -k:].sum(1), den[:, -k:].sum(1)), out)
    return np.nan_to_num(out).clip(0, 1)


def build_inputs(panel: pd.DataFrame, last: Month, kinds: dict[str, str], fees: Fees
                 ) -> Inputs:
    """The inputs of a projection from the month after `last`, from a today_panel (rows after
    `last` are left out). fees: fee_paths over the months last, last + 1, …, last + MAX_AHEAD."""
    d = dense(panel, last, SEASON_MONTHS)
    calendar = np.array([d.month(c).month - 1 for c in range(d.months)])
    recent = slice(d.months - VOLUME_MONTHS, d.months)
    keep = d.new[:, recent].sum(axis=1) > 0  # cells seen in the last 12 months
    season_p = seasonality(d.online, d.new, calendar)
    season_r = seasonality(d.full, d.online, calendar)
    s_p = np.zeros(12) if season_p is None else season_p
    s_r = np.zeros(12) if season_r is None else season_r
    unit_codes, units = pd.factorize(d.keys["unit"])
    U = len(units)
    slope = unit_trends(d.online[:, recent], d.new[:, recent], unit_codes, U,
                        s_p[calendar[recent]])

    # volumes: the cell's average × the unit's same month a year earlier × the year's growth
    n12, seen12 = d.new[:, recent], d.seen[:, recent]
    avg = n12.sum(axis=1) / np.maximum(seen12.sum(axis=1), 1)
    unit_n = np.zeros((U, d.months))
    np.add.at(unit_n, unit_codes, d.new)
    u12 = unit_n[:, recent]
    u_avg = u12.sum(axis=1) / np.maximum((u12 > 0).sum(axis=1), 1)
    factor = np.where(u12 > 0, u12 / np.where(u_avg > 0, u_avg, 1.0)[:, None], 1.0)
    before = unit_n[:, d.months - 2 * VOLUME_MONTHS:d.months - VOLUME_MONTHS]
    known = (d.months >= 2 * VOLUME_MONTHS) & (before > 0).all(axis=1) & (u12 > 0).all(axis=1)
    growth = np.where(known, np.clip(u12.sum(1) / np.where(known, before.sum(1), 1.0),
                                     *GROWTH_RANGE), 1.0)
    h = np.arange(1, MAX_AHEAD + 1)
    same_month = (h - 1) % VOLUME_MONTHS  # column of the same calendar month within `recent`
    years = (h - 1) // VOLUME_MONTHS + 1
    unit_path = factor[:, same_month] * growth[:, None] ** years[None, :]
    # within a unit, each cell keeps its share of the unit's dossiers in the last month (the
    # mix the last actual rate has: the baseline continues it); where the unit did not
    # report in that month, its share of the 12 months
    last_total = unit_n[:, -1][unit_codes]
    mix = np.where(last_total > 0, d.new[:, -1] / np.where(last_total > 0, last_total, 1.0),
                   avg / np.where(u_avg[unit_codes] > 0, u_avg[unit_codes], 1.0))
    new = (mix * u_avg[unit_codes])[:, None] * unit_path[unit_codes]

    kappa = did.kappa(d.spread[:, recent], d.new[:, recent], d.online[:, recent]) \
        if d.spread.any() else np.ones(len(d.keys))  # a panel without spread: one agency
    cells = d.keys.assign(
        new=avg, p=_recent_share(d.online, d.new), r=_recent_share(d.full, d.online),
        p_recent=np.nan_to_num(_rate(d.online[:, -LEVEL_MONTHS:].sum(1),
                                      d.new[:, -LEVEL_MONTHS:].sum(1))),
        kappa=kappa, slope=slope[unit_codes])
    cells["kind"] = [kinds.get(u, "province") for u in cells["unit"]]
    at = _rows_of(fees, cells)
    found = at >= 0
    cells["fee_direct"] = np.where(found, fees.keys["fee_direct"].to_numpy(float)[at], 0.0)
    cells["has_online"] = np.where(found, fees.keys["has_online"].to_numpy(bool)[at], False)
    path = np.where(found[:, None], fees.online[at], 0.0)
    cells["fee_online"] = path[:, 0]
    method = Method(last=last, season_months=int((d.new.sum(axis=0) > 0).sum())
                    if season_p is not None else 0,
                    trend=bool(np.any(slope != 0)),
                    growth=float(u12[known].sum() / before[known].sum()) if known.any()
                    else None)
    moy = np.array([last.plus(int(k)).month - 1 for k in h])
    return Inputs(cells=cells.loc[keep, list(CELL_COLUMNS)].reset_index(drop=True), last=last,
                  new=new[keep], fees=path[keep, 1:MAX_AHEAD + 1],
                  season_p=s_p[moy] - s_p[last.month - 1],
                  season_r=s_r[moy] - s_r[last.month - 1], method=method)


def _rows_of(fees: Fees, cells: pd.DataFrame) -> np.ndarray:
    """Each cell's row in fees (−1: none, e.g. a row reported by field)."""
    return pd.MultiIndex.from_frame(fees.keys[["unit", "procedure"]]).get_indexer(
        pd.MultiIndex.from_frame(cells[["unit", "procedure"]]))


def align(fees: Fees, cells: pd.DataFrame) -> np.ndarray:
    """(cells × MAX_AHEAD) the online fee of each cell in the months after fees' first month
    (0 where fees has no row for it)."""
    at = _rows_of(fees, cells)
    return np.where((at >= 0)[:, None], fees.online[at][:, 1:MAX_AHEAD + 1], 0.0)


def history(panel: pd.DataFrame, last: Month, months: int, unit: str | None = None,
            procedures=None) -> pd.DataFrame:
    """The observed rates of the `months` months to `last` (of one unit or all; of some
    procedures or all) from a today_panel: month (a date), new, online, full (ratios of
    sums)."""
    rows = panel if unit is None else panel[panel["unit"] == unit]
    if procedures is not None:
        rows = rows[rows["procedure"].isin(set(procedures))]
    age = month_index(last) - rows["ym"].to_numpy()
    rows = rows[(age >= 0) & (age < months)]
    by = rows.groupby("month", sort=True)[["new", "online", "full"]].sum()
    by = by[by["new"] > 0]
    return pd.DataFrame({"month": list(by.index), "new": by["new"].to_numpy(),
                         "online": (by["online"] / by["new"]).to_numpy(),
                         "full": (by["full"] / by["new"]).to_numpy()})


# --- the projection ---------------------------------------------------------------------------
@dataclass
class Projection:
    """Arrays (cells × months) of one run, and the cells it ran on. p[name] and p_base[name]
    for name mid | lo | hi: the online share with the cut and without, under the response and
    its low and high ends (the baseline moves with the response only where a dated fee
    changes inside the horizon)."""
    cells: pd.DataFrame
    params: Params
    n: np.ndarray  # new dossiers
    r: np.ndarray  # full-process share of online
    p: dict
    p_base: dict
    active: np.ndarray  # (cells × months) the cut applies
    reach: np.ndarray  # (cells,) the cut covers the cell and it pays an online fee in some month
    given_up: dict = field(default_factory=dict)  # mid | lo | hi → (cells × months)

    @property
    def p_scen(self) -> np.ndarray:
        return self.p["mid"]


def baseline_shares(inp: Inputs, horizon: int, trend: bool) -> tuple[np.ndarray, np.ndarray]:
    """(online share, full-process share of online), cells × months, before any fee change:
    the last month's shares and the seasonal gaps, and (trend) the online share's fading
    slope, on the logit scale. A share of exactly 0 or 1 stays there."""
    c = inp.cells
    steps = trend_steps(horizon) if trend else np.zeros(horizon)

    def path(share, offset):
        share = share.to_numpy(float)[:, None]
        moved = sigmoid(logit(share) + offset)
        return np.where((share > 0) & (share < 1), moved, share * np.ones((1, horizon)))

    slope = c["slope"].to_numpy(float)[:, None]
    return (path(c["p"], inp.season_p[None, :horizon] + slope * steps[None, :]),
            path(c["r"], inp.season_r[None, :horizon]))


def covered_mask(cells: pd.DataFrame, covered) -> np.ndarray:
    """Cells of the covered procedures that have an online service and a direct fee."""
    return (cells["procedure"].isin(set(covered)).to_numpy() & cells["has_online"].to_numpy()
            & (cells["fee_direct"].to_numpy(float) > 0))


def run(inp: Inputs, params: Params, fee_base: np.ndarray, fee_scen: np.ndarray,
        reach: np.ndarray, active: np.ndarray) -> Projection:
    """The projection for given online fee paths (cells × horizon) without and with the
    policy; every fee change from the last month moves uptake by the response."""
    H = int(params.horizon)
    cells = inp.cells
    n = inp.new[:, :H]
    p0, r = baseline_shares(inp, H, params.trend)
    fd = cells["fee_direct"].to_numpy(float)[:, None]
    f_last = cells["fee_online"].to_numpy(float)[:, None]
    kappa = cells["kappa"].to_numpy(float)[:, None]
    lo_resp, hi_resp = params.response_range
    p, p_base, given = {}, {}, {}
    for name, resp in (("mid", max(params.response, 0.0)), ("lo", lo_resp), ("hi", hi_resp)):
        p_base[name] = uptake(p0, params.ceiling, kappa * fee_shift(resp, fd, f_last, fee_base))
        p[name] = uptake(p_base[name], params.ceiling,
                         kappa * fee_shift(resp, fd, fee_base, fee_scen))
        given[name] = revenue_given_up(n, p_base[name], p[name], fd, fee_base, fee_scen)
    return Projection(cells=cells, params=params, n=n, r=r, p=p, p_base=p_base,
                      active=active, reach=reach, given_up=given)


def project(inp: Inputs, params: Params) -> Projection:
    """The what-if: the dated policies' fees, and the cut on top of them while it applies."""
    H = int(params.horizon)
    fee_base = inp.fees[:, :H]
    reach = covered_mask(inp.cells, params.covered)
    active = reach[:, None] & params.window()[None, :] & (fee_base > 0)
    fee_scen = np.where(active, fee_base * (1 - params.discount), fee_base)
    return run(inp, params, fee_base, fee_scen, reach & (fee_base > 0).any(axis=1), active)


# --- summaries ----------------------------------------------------------------------------
def rates(proj: Projection, rows: np.ndarray | None = None) -> pd.DataFrame:
    """Month by month (index 0..H-1) over the given cells (default: all): online and
    full-process rates without the cut (base) and with it (scen, and lo / hi at the ends of
    the response), and the cut's gain (gain, gain_lo, gain_hi), each as online_* and full_*."""
    sel = np.ones(len(proj.cells), dtype=bool) if rows is None else rows
    n, r = proj.n[sel], proj.r[sel]
    den = n.sum(axis=0)
    out = {"step": np.arange(proj.n.shape[1])}

    def both(p):
        on = n * p[sel]
        return _rate(on.sum(axis=0), den), _rate((on * r).sum(axis=0), den)

    for name, scen in (("mid", "scen"), ("lo", "lo"), ("hi", "hi")):
        on_b, full_b = both(proj.p_base[name])
        on_s, full_s = both(proj.p[name])
        if name == "mid":
            out["online_base"], out["full_base"] = on_b, full_b
        out[f"online_{scen}"], out[f"full_{scen}"] = on_s, full_s
        gain = "gain" if name == "mid" else f"gain_{name}"
        out[f"online_{gain}"], out[f"full_{gain}"] = on_s - on_b, full_s - full_b
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
    for name in ("mid", "lo", "hi"):
        m = float((n * (proj.p[name][sel] - proj.p_base[name][sel])).sum())
        g = float(proj.given_up[name][sel].sum())
        moved.append(m)
        given.append(g * per_year)
        saved.append(float(citizens_savings(g, m, proj.params.visit_cost)) * per_year)
    gain = proj.p["mid"][sel] - proj.p_base["mid"][sel]
    moved_full = float((n * gain * proj.r[sel]).sum())
    g_total = float(proj.given_up["mid"][sel].sum())
    return Totals(moved=tuple(moved), moved_full=moved_full, given_up_year=tuple(given),
                  savings_year=tuple(saved), given_up_total=g_total,
                  savings_total=float(citizens_savings(g_total, moved[0],
                                                       proj.params.visit_cost)),
                  policy_months=months, covered_cells=int(proj.reach[sel].sum()))


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

    on_b, on_s = proj.n * proj.p_base["mid"], proj.n * proj.p_scen
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


# --- what to cut ------------------------------------------------------------------------------
def procedure_shares(cells: pd.DataFrame) -> pd.Series:
    """Per procedure that charges an online fee now and has an online service: its online
    share over the last 3 months (ratio of sums over the cells), lowest first."""
    paying = cells[cells["has_online"] & (cells["fee_online"] > 0) & (cells["new"] > 0)]
    if paying.empty:
        return pd.Series(dtype=float)
    g = paying.assign(on=paying["new"] * paying["p_recent"]).groupby("procedure")[
        ["on", "new"]].sum()
    return (g["on"] / g["new"]).sort_values(kind="stable")


def default_cover(cells: pd.DataFrame) -> tuple[str, ...]:
    """What a cut is worth looking at by default: the procedures that charge an online fee
    with an online share under LOW_ONLINE, lowest first; when there is none, the
    FALLBACK_PROCEDURES lowest (the page then says they are already mostly online)."""
    shares = procedure_shares(cells)
    low = shares[shares < LOW_ONLINE]
    return tuple((low if len(low) else shares.head(FALLBACK_PROCEDURES)).index)


def online_share(cells: pd.DataFrame, rows: np.ndarray) -> float | None:
    """The online share of the last 3 months over the given cells (None: no dossiers)."""
    vol = cells.loc[rows, "new"].to_numpy(float)
    if vol.sum() <= 0:
        return None
    return float((vol * cells.loc[rows, "p_recent"].to_numpy(float)).sum() / vol.sum())


def months_to_end_of_next_year(first: Month) -> int:
    """The horizon from `first` to December of the year after the data's last month."""
    last = first.plus(-1)
    return (last.year + 1 - first.year) * 12 + 12 - first.month + 1
