"""Targets: which one applies to a scope, and how far a value is from it.

A target applies to a scope (nation, the ministries, the localities, one province, one level)
and a year; a narrower target overrides a wider one.
"""
from __future__ import annotations

from dataclasses import dataclass

from domain.metrics import Metric


@dataclass(frozen=True)
class Target:
    year: int
    scope: str  # nation | ministries | localities | province:CODE
    level: str | None
    metric: str
    value: float  # a ratio, 0..1
    source: str = ""
    note: str = ""


# Targets in targets.csv that no dossier statistic measures, and why; every other target
# metric must map to a metric of the catalogue (tests/test_catalogue.py checks both).
UNMEASURED = {
    "full_online_resolution": "QĐ 942: dossiers processed fully online with data entered once — "
                              "no dossier column tells 'entered once'",
    "online_use_rate": "share of people and businesses using online services — a survey figure",
    "full_online_provision": "share of eligible procedures offered full-process online — "
                             "a count of services, not of dossiers",
}


def _scope_rank(target: Target, kind: str | None, locality: str | None) -> int | None:
    """How narrowly a target's scope fits (higher is narrower); None when it does not apply."""
    if target.scope == "nation":
        return 1
    if target.scope == "localities" and kind == "province":
        return 2
    if target.scope == "ministries" and kind == "ministry":
        return 2
    if locality and target.scope == f"province:{locality}":
        return 3
    return None


def applicable(targets, metric: Metric, year: int, kind: str | None = None,
               locality: str | None = None, level: str | None = None) -> Target | None:
    """The narrowest target for the metric that applies to the scope and year."""
    best, best_rank = None, None
    for tg in targets:
        if tg.year != year or tg.metric not in metric.target_keys:
            continue
        if tg.level and tg.level != level:
            continue
        rank = _scope_rank(tg, kind, locality)
        if rank is None:
            continue
        rank = rank * 2 + (1 if tg.level else 0)
        if best_rank is None or rank > best_rank:
            best, best_rank = tg, rank
    return best


def gap(metric: Metric, value: float | None, target: Target | None) -> float | None:
    """How far the value is from the target in the good direction (negative = behind)."""
    if value is None or target is None:
        return None
    return target.value - value if metric.better == "down" else value - target.value
