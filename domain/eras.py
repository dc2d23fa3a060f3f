"""Eras of the first-level units: the one place that knows which era a date falls in, what a
province code means in an era, and how an old unit maps to a new one.

Before 01/07/2025 Vietnam had 63 provinces (era "63"); from that day, 34 (era "34"), each the
union of whole old provinces (Resolution 202/2025/QH15), with codes from Decision
19/2025/QĐ-TTg. A code names a different place in each era (24 was Bắc Giang and is now Bắc
Ninh; the new Quảng Trị is 44, the old one was 45), so a unit is its code *and* its era: the
database and every page identify a province by its key "63:24" or "34:24". Ministries have no
era: their key is their code ("B-CA").

Figures of the 63 add up exactly into the 34, so history can be shown in the units of today
(`Crosswalk.members`, `Crosswalk.to_units`); the 34 cannot be split back into the 63.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Mapping

import pandas as pd

from domain.periods import Month, MonthRange

ERA_63, ERA_34 = "63", "34"
ERAS = (ERA_63, ERA_34)
REFORM_DATE = date(2025, 7, 1)  # the 34 provinces and the two-level local government start
LAST_MONTH_63 = Month(2025, 6)
FIRST_MONTH_34 = Month(2025, 7)
SEPARATOR = ":"


def era_of(when: date | Month) -> str:
    """The era a day or a month falls in."""
    month = when if isinstance(when, Month) else Month.of(when)
    return ERA_63 if month <= LAST_MONTH_63 else ERA_34


def era_of_report(last_month: Month) -> str:
    """A report belongs to the era of the last month it covers: a report that reaches past
    06/2025 is a report of the new units, which report for their old provinces' months too."""
    return era_of(last_month)


def key(code: str, era: str | None) -> str:
    """The key of a province of an era ("34:24"); a ministry's key is its code."""
    if era is None:
        return code
    if era not in ERAS:
        raise ValueError(f"unknown era {era!r}")
    return f"{era}{SEPARATOR}{code}"


def split(unit_key: str) -> tuple[str, str | None]:
    """(code, era) of a key; era None for a ministry."""
    era, sep, code = unit_key.partition(SEPARATOR)
    if sep and era in ERAS:
        return code, era
    return unit_key, None


def code_of(unit_key: str) -> str:
    """The code a person reads (GSO code of the era, or the ministry's code)."""
    return split(unit_key)[0]


def era_of_key(unit_key: str) -> str | None:
    return split(unit_key)[1]


# --- which unit sets a range can be shown in ----------------------------------------------

def unit_sets(rng: MonthRange) -> tuple[str, ...]:
    """A range that ends before 01/07/2025 can be shown in the 63 or re-aggregated into the
    34; a range that reaches past it only in the 34 (the 34 cannot be split into the 63)."""
    return (ERA_63, ERA_34) if rng.last <= LAST_MONTH_63 else (ERA_34,)


def default_units(rng: MonthRange) -> str:
    """The units a range is shown in unless the URL says otherwise: those of its last month."""
    return era_of(rng.last)


def choose_units(requested: str | None, rng: MonthRange) -> tuple[str, str | None]:
    """The unit set to show and the problem with the request, if any: "unknown" for a value
    that is not an era, "split" for the 63 over a range that reaches the 34."""
    if requested is None:
        return default_units(rng), None
    if requested not in ERAS:
        return default_units(rng), "unknown"
    if requested not in unit_sets(rng):
        return ERA_34, "split"
    return requested, None


def crosses_reform(rng: MonthRange) -> bool:
    return rng.first <= LAST_MONTH_63 < rng.last


# --- the crosswalk old → new --------------------------------------------------------------

@dataclass(frozen=True)
class Crosswalk:
    """Old province key → the key of the new unit it became on 01/07/2025 (Resolution
    202/2025/QH15: each old province went whole into one new unit)."""
    successor: Mapping[str, str]
    _members: Mapping[str, tuple[str, ...]] = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        members: dict[str, list[str]] = {}
        for old, new in sorted(self.successor.items()):
            if era_of_key(old) != ERA_63 or era_of_key(new) != ERA_34:
                raise ValueError(f"crosswalk maps {old!r} → {new!r}: expected 63:… → 34:…")
            members.setdefault(new, []).append(old)
        object.__setattr__(self, "_members", {k: tuple(v) for k, v in members.items()})

    @classmethod
    def from_codes(cls, pairs: Iterable[tuple[str, str]]) -> "Crosswalk":
        """From (old code, new code) pairs, as merger_2025.csv lists them."""
        return cls({key(old, ERA_63): key(new, ERA_34) for old, new in pairs})

    def predecessors(self, new_key: str) -> tuple[str, ...]:
        """The old provinces a new unit was made of (its history)."""
        return self._members.get(new_key, ())

    def members(self, unit_key: str) -> tuple[str, ...]:
        """Every key whose rows make up the unit over any range: a new unit is itself after
        06/2025 and its old provinces before; an old province or a ministry is itself."""
        return (unit_key, *self.predecessors(unit_key))

    def to_units(self, unit_key: str, units: str) -> str:
        """The key a unit's figures are shown under in a unit set. An old province goes into
        its successor in the 34; a new unit cannot be shown in the 63 (ValueError)."""
        era = era_of_key(unit_key)
        if era is None or era == units:
            return unit_key
        if era == ERA_63 and units == ERA_34:
            return self.successor[unit_key]
        raise ValueError(f"{unit_key} cannot be split into the units of the 63 provinces")


def regroup(totals: pd.DataFrame, crosswalk: Crosswalk, units: str) -> pd.DataFrame:
    """Measure totals by locality (column `key`) summed into the units of a unit set: in the
    34, an old province's figures go to the unit it became. Stocks are per agency, so they add
    up too; rates are recomputed later from these sums, never averaged. A unit is blank only
    when none of its parts reported; `members_reported` counts the parts that did."""
    measures = [c for c in totals.columns if c != "key"]
    frame = totals.assign(key=[crosswalk.to_units(str(k), units) for k in totals["key"]])
    frame["members_reported"] = frame[measures].notna().any(axis=1).astype("int64")
    out = frame.groupby("key", sort=True).agg(
        {**{m: lambda s: s.sum(min_count=1) for m in measures}, "members_reported": "sum"})
    return out.reset_index()


# --- names over time ------------------------------------------------------------------------

@dataclass(frozen=True)
class StatusChange:
    """A unit that became a centrally-run city on a date (2026: Đồng Nai, Quảng Ninh, Bắc
    Ninh), with its full name from then on; its code is unchanged."""
    on: date
    full_name_vi: str


def full_name_on(full_name_vi: str, change: StatusChange | None, when: date) -> str:
    """The unit's full Vietnamese name on a day."""
    if change is not None and when >= change.on:
        return change.full_name_vi
    return full_name_vi


def agency_label(name: str, locality: str, within: str | None, place: str) -> str:
    """An agency's name, seen within a unit (`within`): an agency of another unit — an old
    province's, listed under the unit of today it became part of — carries that unit's name
    (`place`, already labelled with its era): "Sở Tư pháp – Bắc Giang (trước 01/07/2025)"."""
    return name if locality == within else f"{name} – {place}"


def label(name: str, unit_key: str, lang: str) -> str:
    """A unit's name that leaves its era in no doubt: an old province carries "(trước
    01/07/2025)"; a unit of today and a ministry are named plainly."""
    from domain.i18n import t

    if era_of_key(unit_key) == ERA_63:
        return t("era_63_name", lang, name=name)
    return name
