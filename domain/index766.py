"""The service index of Decision 766/QĐ-TTg: its groups, the sub-indicators the dossier
statistics can feed, the scoring rule and its thresholds, the bands, the ranks and the periods
the index is published for — the one place every page, export, import and test reads them from
(the project's domain notes: index_766.md).

The Government Office publishes the index weekly (monthly too) on the National Public Service
Portal, 0–100 in six groups. About half of the points need data the dossier statistics do not
hold (publication of procedures, synchronisation, petitions), so the official scores are
loaded as published, and beside them the dashboard recomputes the sub-indicators it can feed
from its own statistics, with the rule below. Every rule and threshold is marked PUBLISHED
(a legal text, a government summary or the press) or ASSUMED (only unofficial descriptions of
the portal support it, or none: then the rate counts in proportion, T = 100%).

The rule, for a rate R with threshold T and maximum P: points = P when R ≥ T, else R × P / T.
A group's recomputed points are the sum of its recomputable sub-indicators' points, out of
`recomputable_max(group)`; blank when one of its rates cannot be computed (nothing reported).
To compare with the official group, the recomputed points are scaled to the group's maximum
(as if the sub-indicators the statistics cannot feed scored alike):
difference = official − recomputed × max / recomputable max.

Where a unit loses the points: a sub-indicator's lost points (P − points) are shared among the
agencies (or procedures) of the unit in proportion to their dossiers that missed (late, not
digitised, not paid online, …): lost by a child = unit lost × child missed / unit missed. They
add up to the unit's lost points over a full partition of its dossiers; a unit at or above a
threshold loses nothing there, whatever its agencies do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
import numpy as np
import pandas as pd

from domain import eras
from domain.figures import metric_frame
from domain.formatting import fmt_date, fmt_month
from domain.i18n import t
from domain.metrics import METRICS
from domain.periods import Month

PUBLISHED, ASSUMED = "published", "assumed"
SRC_G = "QĐ 766/QĐ-TTg ngày 23/06/2022 (tóm tắt của Chính phủ)"
SRC_N = "Báo chí các tỉnh, 10–12/2025"
SRC_U = "Mô tả kỹ thuật không chính thức của Cổng DVCQG (mã nguồn bên thứ ba)"


@dataclass(frozen=True)
class Group:
    id: str
    number: str  # as the portal numbers it
    points: float
    status: str
    source: str


# Five groups in the Decision [G]; the portal splits online provision (22) into online public
# services 12 and online payment 10, as the provincial press of late 2025 reports it [N].
GROUPS: tuple[Group, ...] = (
    Group("transparency", "1", 18, PUBLISHED, SRC_G),
    Group("progress", "2", 20, PUBLISHED, SRC_G),
    Group("online_services", "3a", 12, PUBLISHED, SRC_N),
    Group("online_payment", "3b", 10, PUBLISHED, SRC_N),
    Group("digitisation", "4", 22, PUBLISHED, SRC_G),
    Group("satisfaction", "5", 18, PUBLISHED, SRC_G),
)
GROUP = {g.id: g for g in GROUPS}
GROUP_IDS = tuple(g.id for g in GROUPS)
TOTAL = 100.0
assert sum(g.points for g in GROUPS) == TOTAL


@dataclass(frozen=True)
class SubIndicator:
    """A sub-indicator the dossier statistics can feed: its rate is a metric of the catalogue
    (domain/metrics.py), scored with the threshold `threshold` out of `points`."""
    id: str
    code: str  # the portal's number ("4.2"), "–" where none is known
    group: str
    points: float
    metric: str
    threshold: float
    status: str  # of the threshold (and of the points, where only [U] gives them)
    source: str


SUBINDICATORS: tuple[SubIndicator, ...] = (
    # The on-time group is worth 20 points in proportion to the rate [N].
    SubIndicator("on_time", "2.1", "progress", 20, "on_time_rate_766", 1.0, PUBLISHED,
                 "Báo chí (Bộ chỉ số 766: 20 điểm theo tỷ lệ)"),
    # 12 points for full-process dossiers over those of eligible procedures [U]; no threshold
    # known for this rate.
    SubIndicator("full_process", "–", "online_services", 12, "full_online_rate_766", 1.0,
                 ASSUMED, SRC_U),
    SubIndicator("paid_online", "3.6", "online_payment", 6, "online_payment_rate", 1.0,
                 ASSUMED, SRC_U),
    SubIndicator("e_results", "4.1", "digitisation", 6, "e_result_rate", 1.0, ASSUMED, SRC_U),
    SubIndicator("digitised", "4.2", "digitisation", 4, "digitisation_rate", 0.8, ASSUMED,
                 SRC_U),
    SubIndicator("data_reuse", "4.3", "digitisation", 2, "data_reuse_rate", 0.8, ASSUMED,
                 SRC_U),
    # Dossiers that used the population database: the statistics' data reuse stands for it.
    SubIndicator("population_db", "4.5b", "digitisation", 2, "data_reuse_rate", 1.0, ASSUMED,
                 SRC_U),
    SubIndicator("dossier_satisfaction", "5.4", "satisfaction", 6, "satisfaction_rate_766", 0.9,
                 ASSUMED, SRC_U),
)
SUB = {s.id: s for s in SUBINDICATORS}
assert all(s.metric in METRICS and s.group in GROUP for s in SUBINDICATORS)
RULE_STATUS, RULE_SOURCE = ASSUMED, SRC_U  # points = P if R ≥ T else R × P / T


def subindicators(group: str) -> tuple[SubIndicator, ...]:
    return tuple(s for s in SUBINDICATORS if s.group == group)


def recomputable_max(group: str) -> float:
    """The points of a group the dossier statistics can recompute (0: none)."""
    return float(sum(s.points for s in subindicators(group)))


RECOMPUTABLE = tuple(g.id for g in GROUPS if recomputable_max(g.id) > 0)
METRIC_IDS = tuple(dict.fromkeys(s.metric for s in SUBINDICATORS))


def points(rate, threshold: float, max_points: float):
    """The scoring rule: the maximum at or above the threshold, in proportion below it. Takes
    a rate or an array of rates; an undefined rate (None, NaN) scores NaN."""
    r = np.asarray(pd.to_numeric(rate, errors="coerce") if rate is not None else np.nan,
                   dtype="float64")
    out = np.where(r >= threshold, float(max_points), np.clip(r, 0, None) * max_points / threshold)
    return float(out) if out.ndim == 0 else out


def recompute(totals: pd.DataFrame) -> pd.DataFrame:
    """For each row of measure totals (data_access.stats): each sub-indicator's rate
    (`rate_<id>`) and points (`points_<id>`), and each recomputable group's points (NaN when
    one of its rates is undefined: nothing reported)."""
    rates = metric_frame(totals, METRIC_IDS)
    out = pd.DataFrame(index=totals.index)
    for s in SUBINDICATORS:
        out[f"rate_{s.id}"] = rates[s.metric].astype("float64")
        out[f"points_{s.id}"] = points(out[f"rate_{s.id}"].to_numpy(), s.threshold, s.points)
    for g in RECOMPUTABLE:
        parts = out[[f"points_{s.id}" for s in subindicators(g)]]
        out[g] = parts.sum(axis=1).where(parts.notna().all(axis=1))
    return out


def scaled(group: str, recomputed):
    """Recomputed points on the group's own scale."""
    return recomputed * GROUP[group].points / recomputable_max(group)


def difference(group: str, official, recomputed):
    """Official points minus the recomputed ones scaled to the group (module docstring)."""
    return official - scaled(group, recomputed)


# --- where the points are lost ---------------------------------------------------------------
def missed(totals: pd.DataFrame, sub: SubIndicator) -> np.ndarray:
    """Per row, the dossiers that did not count towards a sub-indicator's rate (denominator
    − numerator): late, not digitised, not paid online, …"""
    metric = METRICS[sub.metric]
    num = totals[list(metric.numerator)].fillna(0).sum(axis=1)
    den = totals[list(metric.denominator)].fillna(0).sum(axis=1)
    return (den - num).clip(lower=0).to_numpy("float64")


def losses(children: pd.DataFrame, unit: pd.DataFrame, group: str) -> pd.DataFrame:
    """Each child's share of the points its unit loses on a group (module docstring).
    children: measure totals, one row per agency or procedure; unit: the unit's totals (one
    row). Adds `lost` (points, over the group's sub-indicators), `missed_<id>` per
    sub-indicator and `worst` (the sub-indicator that costs the child most); sorted by lost
    points, largest first."""
    out = children.copy()
    out["lost"] = 0.0
    got = recompute(unit).iloc[0]
    shares = []
    for sub in subindicators(group):
        scored = got[f"points_{sub.id}"]
        unit_lost = 0.0 if np.isnan(scored) else sub.points - scored
        unit_missed = missed(unit, sub)[0]
        m = missed(children, sub)
        out[f"missed_{sub.id}"] = m
        shares.append(m * unit_lost / unit_missed if unit_missed else m * 0.0)
        out["lost"] += shares[-1]
    ids = [sub.id for sub in subindicators(group)]
    out["worst"] = [ids[i] for i in np.vstack(shares).argmax(axis=0)] if len(out) else []
    return out.sort_values("lost", ascending=False, kind="stable").reset_index(drop=True)


# --- bands and ranks ---------------------------------------------------------------------------
# (lower bound, id, status): 90–100 excellent and under 50 weak are published [G]; the press
# calls 82.01 and 84.2 "good" — the bounds 70 and 50 of the two middle bands are assumed.
BANDS = ((90.0, "excellent", PUBLISHED), (70.0, "good", ASSUMED), (50.0, "fair", ASSUMED),
         (0.0, "weak", PUBLISHED))


def band(total: float | None) -> str | None:
    if total is None or total != total:
        return None
    return next(b for lo, b, _ in BANDS if total >= lo)


def rank(totals: pd.Series) -> pd.Series:
    """Ranks by total, highest first; equal totals share a rank (1, 2, 2, 4). Ranks are
    relative: a lower rank is not by itself a lower quality."""
    return totals.rank(method="min", ascending=False).astype("Int64")


def board(official: pd.DataFrame, recomputed: pd.DataFrame, within: str) -> pd.DataFrame:
    """One row per unit (`key`), units that have either a published score or recomputed
    groups: the published groups, total, rank and rank_of; `rank_computed` where the file
    gave no rank (then ranked by total among the units of the same `within`: kind or level);
    the band; `recomputed_<group>`, their sum `recomputed_total` (out of RECOMPUTABLE_TOTAL) and
    `diff_<group>` (official − recomputed scaled to the group). Sorted as LEVELS, then rank."""
    cols = ["key", within, *GROUP_IDS, "total", "rank", "rank_of"]
    off = official.reindex(columns=cols)
    ours = recomputed[["key", within, *RECOMPUTABLE]].rename(
        columns={g: f"recomputed_{g}" for g in RECOMPUTABLE})
    for frame in (off, ours):  # an empty side has no key type of its own
        frame["key"] = frame["key"].astype(object)
    out = off.merge(ours, on="key", how="outer", suffixes=("", "_ours"))
    out[within] = out[within].combine_first(out.pop(f"{within}_ours"))
    for c in (*GROUP_IDS, "total"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("float64")
    has_total = out["total"].notna()
    out["rank_computed"] = out["rank"].isna() & has_total
    computed = out.groupby(within, dropna=False)["total"].transform(rank).astype("float64")
    out["rank"] = pd.to_numeric(out["rank"], errors="coerce").fillna(computed).astype("Int64")
    counts = out.groupby(within, dropna=False)["total"].transform("count").where(has_total)
    out["rank_of"] = pd.to_numeric(out["rank_of"], errors="coerce").fillna(counts).astype("Int64")
    out["band"] = [band(v) for v in out["total"]]
    recomputed_cols = [f"recomputed_{g}" for g in RECOMPUTABLE]
    out["recomputed_total"] = out[recomputed_cols].sum(axis=1).where(
        out[recomputed_cols].notna().all(axis=1))
    for g in RECOMPUTABLE:
        out[f"diff_{g}"] = difference(g, out[g], out[f"recomputed_{g}"])
    order = out[within].map({v: i for i, v in enumerate(LEVELS)})
    return out.assign(_order=order).sort_values(["_order", "rank", "key"], na_position="last",
                                                kind="stable").drop(columns="_order") \
        .reset_index(drop=True)


# The order boards list their units in: provinces before ministries; a unit's agencies by level.
LEVELS = ("province", "ministry", "agency_province", "agency_district", "agency_commune",
          "agency_ministry")


RECOMPUTABLE_TOTAL = sum(recomputable_max(g) for g in RECOMPUTABLE)


# --- periods ---------------------------------------------------------------------------------
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
WEEK, MONTH = "week", "month"


@dataclass(frozen=True, order=True)
class Period:
    """A published period: an ISO week (Monday–Sunday; the portal's week is filed under the ISO
    week of its last day) or a calendar month. It belongs to the era and to the month of its
    last day: the dossier statistics it is recomputed from are that month's."""
    start: date
    end: date
    kind: str

    @classmethod
    def parse(cls, text) -> "Period":
        """"2026-W43" or "2026-10" (ValueError otherwise)."""
        raw = str(text or "").strip()
        m = _WEEK.match(raw)
        if m:
            try:
                start = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            except ValueError:
                raise ValueError(f"not a week YYYY-Www: {raw!r}") from None
            return cls(start, start + timedelta(days=6), WEEK)
        m = _MONTH.match(raw)
        if m and 1 <= int(m.group(2)) <= 12:
            month = Month(int(m.group(1)), int(m.group(2)))
            return cls(month.first_day, month.last_day, MONTH)
        raise ValueError(f"not a period YYYY-MM or YYYY-Www: {raw!r}")

    @classmethod
    def of_cell(cls, value) -> "Period":
        """A period cell of a file: the text forms, or a date Excel made of "2026-10" (its
        first day)."""
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            if value.day != 1:
                raise ValueError(f"not a period: {value}")
            return cls.month_of(Month.of(value))
        return cls.parse(value)

    @classmethod
    def month_of(cls, month: Month) -> "Period":
        return cls(month.first_day, month.last_day, MONTH)

    @classmethod
    def week_of(cls, day: date) -> "Period":
        start = day - timedelta(days=day.weekday())
        return cls(start, start + timedelta(days=6), WEEK)

    def __str__(self) -> str:
        if self.kind == WEEK:
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        return str(Month.of(self.start))

    @property
    def month(self) -> Month:
        return Month.of(self.end)

    @property
    def era(self) -> str:
        return eras.era_of(self.end)

    def shifted(self, n: int) -> "Period":
        """The period n weeks (months) later; earlier when n < 0."""
        if self.kind == WEEK:
            return Period.week_of(self.start + timedelta(weeks=n))
        return Period.month_of(Month.of(self.start).plus(n))

    def label(self, lang: str) -> str:
        """"Tuần 43/2026 (19/10–25/10/2026)", "10/2026"."""
        if self.kind == WEEK:
            year, week, _ = self.start.isocalendar()
            return t("i766_week", lang, week=week, year=year,
                     start=fmt_date(self.start, lang)[:5], end=fmt_date(self.end, lang))
        return fmt_month(self.start, lang)


# A weekly view compares with the week before and with four weeks before ("a month earlier");
# a monthly view with the month before.
COMPARISONS = {WEEK: (("week", 1), ("month", 4)), MONTH: (("month", 1),)}


# --- reading a published score ---------------------------------------------------------------
_DECIMAL = re.compile(r"^\d{1,3}(?:[.,]\d+)?$")


def parse_score(value) -> tuple[float | None, str | None]:
    """A score cell → (points, problem). Blank is "not published" (None), not zero. A score is
    at most 100, so one separator is the decimal mark either way: "92,80" = "92.80". Problems:
    "text"."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, "text"
    if isinstance(value, (int, float, np.integer, np.floating)):
        return (None, None) if value != value else (float(value), None)
    text = str(value).replace("\u00a0", " ").strip()
    if text in ("", "-", "–", "—"):
        return None, None
    if not _DECIMAL.match(text):
        return None, "text"
    return float(text.replace(",", ".")), None
