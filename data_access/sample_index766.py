"""Plausible published scores of the Decision 766 index for the sample data, consistent with
the sample's own dossier statistics: `write(conn, months, seed, load_id)`, called by
data_access.sample.generate inside its transaction, once the statistics are written (it reads
them back through data_access.stats, as the dashboard does).

What is written (assumptions of the sample, not published facts): weekly scores (ISO weeks from
FIRST_MONTH to the sample's last day) and monthly ones, of every province of the period's era
(the 63 to 06/2025, the 34 from 07/2025) and every ministry, ranked among the provinces and among
the ministries; and, for the sample's last AGENCY_MONTHS months (to stay quick), of every
agency of the 34 (departments, service centre, communes), ranked within their province among
the agencies of their level.

How a group's published points are made: the points the dashboard recomputes for the
sub-indicators the statistics feed (domain/index766.py, from the statistics of the month of the
period's last day; a week wobbles by ±WOBBLE around them, within their maximum, since the
portal's week is not our month), plus the points of the sub-indicators the statistics cannot
feed (publication, synchronisation, payment integration, petitions…): their maximum × a quality
sigmoid(unit offset + slow walk + dip + pin shift), drawn per unit and group. A group the
statistics cannot compute for a unit (a ministry that reports nothing) is drawn whole.

Calibration (published_figures.csv): 2024 provinces spread widely (Hà Nội 58.86, 58th of 63;
the leaders near 90); the 34 fell back in their first weeks (Lào Cai 78.96 was 6th on
31/07/2025) and were compressed in the high 80s by late 2025 (Sơn La 86.94 only 29th) — a dip
of DIP logits from 07/2025 fading with a time constant of TAU weeks. PINS shift a unit's
quality so that its total is the published one (or its rank the published rank) at a period,
linearly between a unit's pins and fading out over PIN_REACH days beyond them; the other
figures follow from the draws. Two published totals are out of the sample's reach and not
pinned: Bắc Ninh's 92.80 (12/2025) and TP HCM's 89.5 (11/2025) — with the sample's full-process
rates (40% and 14% of eligible dossiers) the recomputable online-services points alone keep
them below (88.6 and 87 at most).
"""
from __future__ import annotations

import zlib
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access import stats
from data_access.db import bulk_insert
from data_access.schema import agencies, index766_scores, localities
from domain import eras
from domain import index766 as I
from domain.metrics import measures_for
from domain.periods import Month, MonthRange
from domain.scope import Scope

FIRST_MONTH = Month(2024, 1)
WOBBLE = 0.01  # weekly relative noise on the recomputable points
WALK_RHO, WALK_SD = 0.92, 0.10  # a unit's quality drifts slowly from week to week
AGENCY_NOISE = 0.10
AGENCY_MONTHS = 3  # agencies are scored for the sample's last months only: it stays quick
DIP, TAU = 5.0, 7.0  # the 34's first weeks: logits lost in 07/2025, time constant (weeks)
# (mean, sd) of a unit's quality offset (logits) on the points the statistics cannot feed
OFFSETS = {"63": (1.4, 0.85), "34": (3.2, 0.6), "ministry": (0.9, 1.3),
           "agency_province": (2.2, 0.6), "agency_commune": (2.8, 0.5)}
# (unit key, period, published total or None, published rank or None), published_figures.csv
PINS = (
    ("63:17", "2024-07", 83.08, None),  # Hòa Bình, 1st of 63 in July 2024
    ("63:01", "2024-07", 58.86, None),  # Hà Nội, 58th of 63 (as of 02/08/2024)
    ("63:01", "2025-03", 58.30, None),  # Hà Nội, 60th of 63
    ("34:15", "2025-W31", 78.96, None),  # Lào Cai, 6th of 34 on 31/07/2025
    ("34:79", "2025-07", 76.10, None),  # TP HCM, July 2025 (89.5 − 13.4)
    ("34:75", "2025-W41", 90.34, None),  # Đồng Nai, week to 10/10/2025
    ("34:75", "2025-W42", 90.62, None),  # Đồng Nai, 2nd of 34, week to 17/10/2025
    ("34:24", "2025-W31", None, 23),  # Bắc Ninh, 23rd of 34 at the end of 07/2025
)
PIN_SHIFT, PIN_REACH = 6.0, 56  # logits at most; days
MEASURES = measures_for(I.METRIC_IDS)
REFORM_WEEK = date(2025, 6, 30)  # the Monday of the first week of the 34


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _periods(months: list[Month]) -> list[I.Period]:
    first, last = months[0].first_day, months[-1].last_day
    weeks, week = [], I.Period.week_of(first)
    if week.start < first:
        week = week.shifted(1)
    while week.end <= last:
        weeks.append(week)
        week = week.shifted(1)
    return weeks + [I.Period.month_of(m) for m in months]


def _totals(conn, month: Month, by: str) -> pd.DataFrame:
    stmt = stats.totals_statement(Scope(), MonthRange(month, month), MEASURES, by=by)
    frame = pd.DataFrame.from_records(conn.execute(stmt).all(), columns=["key", *MEASURES])
    frame[MEASURES] = frame[MEASURES].apply(pd.to_numeric, errors="coerce").astype("float64")
    return frame.assign(month=[month] * len(frame))


def _by_month(totals: list[pd.DataFrame]) -> dict[Month, pd.DataFrame]:
    """Per month: the recomputed group points by key (NaN where undefined)."""
    if not totals:
        return {}
    frame = pd.concat(totals, ignore_index=True)
    groups = I.recompute(frame)[list(I.RECOMPUTABLE)].set_axis(frame["key"])
    return {m: groups[(frame["month"] == m).to_numpy()] for m in dict.fromkeys(frame["month"])}


def _recomputable(conn, months: list[Month]) -> tuple[dict, dict]:
    """The recomputed groups per month by unit, and by agency of the 34 for its last
    AGENCY_MONTHS months, from the months' measure totals read as the dashboard reads them
    (data_access.stats)."""
    of_34 = [m for m in months if eras.era_of(m) == eras.ERA_34][-AGENCY_MONTHS:]
    return (_by_month([_totals(conn, m, "locality") for m in months]),
            _by_month([_totals(conn, m, "agency") for m in of_34]))


GMAX = np.array([g.points for g in I.GROUPS])
RMAX = np.array([I.recomputable_max(g.id) for g in I.GROUPS])
RECOMPUTABLE_AT = [I.GROUP_IDS.index(g) for g in I.RECOMPUTABLE]


class _Rows:
    """The score rows being built, in blocks of one period: what does not move with a pin (the
    recomputable points as published, the room left for the rest) and the logit of the
    quality of the rest, which does."""

    def __init__(self):
        self.meta, self.part, self.room, self.logit = [], [], [], []

    def add(self, p: I.Period, meta: dict, recomputed: np.ndarray, wobble, logit) -> None:
        """recomputed: (rows, recomputable groups), NaN where the statistics cannot compute a
        group (then it is drawn whole); wobble multiplies the recomputable points."""
        values = np.full((len(recomputed), len(I.GROUPS)), np.nan)
        values[:, RECOMPUTABLE_AT] = recomputed
        known = ~np.isnan(values) & (RMAX > 0)
        self.part.append(np.where(known, np.minimum(np.nan_to_num(values) * wobble, RMAX), 0.0))
        self.room.append(np.where(known, GMAX - RMAX, GMAX))
        self.logit.append(logit)
        self.meta.append(pd.DataFrame({"period_kind": p.kind, "period_start": p.start,
                                       "period_end": p.end, **meta}))

    def freeze(self) -> pd.DataFrame:
        self.part, self.room, self.logit = (np.vstack(x) for x in
                                            (self.part, self.room, self.logit))
        return pd.concat(self.meta, ignore_index=True)

    def totals(self, shift, rows) -> np.ndarray:
        groups = np.round(self.part[rows] + self.room[rows] * _sigmoid(
            self.logit[rows] + np.asarray(shift)[..., None]), 2)
        return np.round(groups.sum(axis=-1), 2)

    def scores(self, meta: pd.DataFrame, shift) -> pd.DataFrame:
        groups = np.round(self.part + self.room * _sigmoid(self.logit + shift[:, None]), 2)
        out = meta.assign(**{g: groups[:, i] for i, g in enumerate(I.GROUP_IDS)})
        out["total"] = np.round(groups.sum(axis=1), 2)
        return out


def _unit_rows(conn, periods, by_unit: dict, rng) -> _Rows:
    """Every province of a period's era and every ministry, each period."""
    units = pd.DataFrame(conn.execute(sa.select(localities.c.code, localities.c.kind,
                                                localities.c.era)).all(),
                         columns=["code", "kind", "era"]).sort_values("code", ignore_index=True)
    is_prov = (units["kind"] == "province").to_numpy()
    offsets = np.array([rng.normal(*OFFSETS[era if prov else "ministry"], len(I.GROUPS))
                        for prov, era in zip(is_prov, units["era"])])
    weeks = [p for p in periods if p.kind == I.WEEK]
    walk = np.zeros((len(units), len(I.GROUPS), len(weeks)))
    steps = rng.normal(0, WALK_SD, walk.shape)
    for w in range(1, len(weeks)):
        walk[:, :, w] = WALK_RHO * walk[:, :, w - 1] + steps[:, :, w]
    rows = _Rows()
    for p in periods:
        w = min((I.Period.week_of(p.end).start - weeks[0].start).days // 7, len(weeks) - 1)
        sel = np.flatnonzero(~is_prov | (units["era"] == p.era).to_numpy())
        codes = units["code"].to_numpy()[sel]
        wobble = 1 + rng.normal(0, WOBBLE, (len(sel), len(I.GROUPS))) \
            if p.kind == I.WEEK else 1.0
        rows.add(p, {"locality_code": codes, "agency_id": None,
                     "group": units["kind"].to_numpy()[sel], "period": str(p)},
                 by_unit[p.month].reindex(codes).to_numpy(), wobble,
                 offsets[sel] + walk[sel, :, w] + np.where(is_prov[sel], _dip(p), 0.0)[:, None])
    return rows


def _dip(p: I.Period) -> float:
    """The 34's first weeks (see the module docstring); nothing before 07/2025."""
    if p.era != eras.ERA_34:
        return 0.0
    return -DIP * float(np.exp(-(p.end - REFORM_WEEK).days / 7 / TAU))


def _agency_rows(periods, ag: pd.DataFrame, by_agency: dict, rng) -> _Rows:
    """The agencies of the 34 that have statistics for the period's month, each period."""
    rows = _Rows()
    commune = (ag["level"] == "commune").to_numpy()
    offsets = np.array([rng.normal(*OFFSETS["agency_commune" if c else "agency_province"],
                                   len(I.GROUPS)) for c in commune])
    group = (ag["locality_code"] + np.where(commune, "|commune", "|agency")).to_numpy()
    for p in periods:
        if p.month not in by_agency:
            continue
        month = by_agency[p.month]
        sel = np.flatnonzero(ag["id"].isin(month.index).to_numpy())
        ids = ag["id"].to_numpy()[sel]
        rows.add(p, {"locality_code": ag["locality_code"].to_numpy()[sel], "agency_id": ids,
                     "group": group[sel]},
                 month.reindex(ids).to_numpy(), 1.0,
                 offsets[sel] + rng.normal(0, AGENCY_NOISE, (len(sel), len(I.GROUPS)))
                 + _dip(p))
    return rows


def _shifts(rows: _Rows, meta: pd.DataFrame) -> np.ndarray:
    """Each row's pin shift (logits): solved at each pin, linear between a unit's pins."""
    when = pd.to_datetime(meta["period_end"]).map(pd.Timestamp.toordinal).to_numpy("float64")
    shift = np.zeros(len(meta))
    knots: dict[str, list] = {}
    index = {(p, u): i for i, (p, u) in enumerate(zip(meta["period"], meta["locality_code"]))}
    for wanted_rank in (False, True):  # totals first: a rank is read against the others
        for unit, period, total, rank in PINS:
            i = index.get((period, unit))
            if i is None or (rank is not None) != wanted_rank:
                continue
            target = total if rank is None else _rank_target(rows, meta, shift, i, rank)
            knots.setdefault(unit, []).append((when[i], _solve(rows, i, target)))
            # a pin fades out over PIN_REACH days beyond the unit's first and last pins
            pts = sorted(knots[unit])
            pts = [(pts[0][0] - PIN_REACH, 0.0), *pts, (pts[-1][0] + PIN_REACH, 0.0)]
            mine = (meta["locality_code"] == unit).to_numpy()
            shift[mine] = np.interp(when[mine], [t for t, _ in pts], [s for _, s in pts])
    return shift


def _solve(rows: _Rows, i: int, target: float) -> float:
    """The shift that gives row i the target total (bisection: the total rises with it)."""
    lo, hi = -PIN_SHIFT, PIN_SHIFT  # a pin out of reach gets as close as the bound allows
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if rows.totals(mid, i) < target else (lo, mid)
    return (lo + hi) / 2


def _rank_target(rows: _Rows, meta: pd.DataFrame, shift, i: int, rank: int) -> float:
    """A total that ranks row i `rank`-th among the others of its period and group."""
    same = ((meta["period"] == meta["period"].iloc[i])
            & (meta["group"] == meta["group"].iloc[i])).to_numpy().copy()
    same[i] = False
    idx = np.flatnonzero(same)
    others = np.sort(rows.totals(shift[idx], idx))[::-1]
    return float((others[rank - 2] + others[rank - 1]) / 2)


def _ranked(frame: pd.DataFrame) -> pd.DataFrame:
    by = ["period_kind", "period_start", "group"]
    frame["rank"] = frame.groupby(by)["total"].transform(I.rank).astype("int64")
    frame["rank_of"] = frame.groupby(by)["total"].transform("count").astype("int64")
    return frame


def write(conn, months: list[Month], seed: int, load_id: int) -> int:
    """Write the sample's published scores (module docstring); the number of rows."""
    months = [m for m in months if m >= FIRST_MONTH]
    if not months:
        return 0
    rng = np.random.default_rng([seed, zlib.crc32(b"index766")])
    ag = pd.DataFrame(conn.execute(
        sa.select(agencies.c.id, agencies.c.locality_code, agencies.c.level)
        .order_by(agencies.c.id)).all(), columns=["id", "locality_code", "level"])
    by_unit, by_agency = _recomputable(conn, months)
    periods = _periods(months)
    units = _unit_rows(conn, periods, by_unit, rng)
    meta = units.freeze()
    parts = [_ranked(units.scores(meta, _shifts(units, meta)))]
    of_34 = ag[ag["locality_code"].map(eras.era_of_key) == eras.ERA_34].reset_index(drop=True)
    agency_rows = _agency_rows(periods, of_34, by_agency, rng)
    if agency_rows.meta:
        meta = agency_rows.freeze()
        parts.append(_ranked(agency_rows.scores(meta, np.zeros(len(meta)))))
    out = pd.concat(parts, ignore_index=True)
    out["agency_id"] = pd.array(out["agency_id"], dtype="Int64")
    columns = [c.name for c in index766_scores.columns if c.name != "load_id"]
    bulk_insert(conn, index766_scores, out[columns].assign(load_id=load_id))
    return len(out)
