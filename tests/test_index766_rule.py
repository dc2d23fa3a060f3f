"""The scoring rule of the Decision 766 index (domain/index766.py) on hand-made measure totals
whose rates sit exactly at, below and above each threshold, with the points worked out here;
the groups, bands, ranks, periods, the share of lost points and the published-score cells."""
from datetime import date

import numpy as np
import pandas as pd
import pytest

from domain import index766 as I
from domain.i18n import STRINGS
from domain.metrics import METRICS, measures_for

# (sub-indicator, rate at the threshold, below it, above it) and the points expected at each
CASES = [
    # on time, 20 points in proportion (T = 100%): 300 handled, 300 / 285 / — on time
    ("on_time", 1.0, 0.95, None, (20.0, 19.0, None)),
    ("full_process", 1.0, 0.25, None, (12.0, 3.0, None)),
    ("paid_online", 1.0, 0.5, None, (6.0, 3.0, None)),
    ("e_results", 1.0, 0.75, None, (6.0, 4.5, None)),
    # 80% thresholds: 80% scores the maximum, 60% three quarters of it, 90% the maximum
    ("digitised", 0.8, 0.6, 0.9, (4.0, 3.0, 4.0)),
    ("data_reuse", 0.8, 0.6, 0.9, (2.0, 1.5, 2.0)),
    ("population_db", 1.0, 0.6, None, (2.0, 1.2, None)),
    # 90%: 81% scores 6 × 0.81 / 0.9 = 5.4
    ("dossier_satisfaction", 0.9, 0.81, 0.95, (6.0, 5.4, 6.0)),
]


def frame(rows: list[dict]) -> pd.DataFrame:
    """Measure totals with every measure the index reads (blank: not reported)."""
    return pd.DataFrame(rows).reindex(columns=measures_for(I.METRIC_IDS)).astype("float64")


def totals_for(sub: str, rate: float, base: int = 1000) -> dict:
    """Measure totals whose sub-indicator rate is exactly `rate`."""
    hit = round(rate * base)
    if sub == "on_time":
        return {"resolved_in_time": hit - 100, "pending_on_time": 100, "resolved": base - 200,
                "pending": 200}
    if sub == "full_process":
        return {"received_full_online": hit, "received_new_eligible": base}
    if sub == "paid_online":
        return {"paid_online": hit, "fee_bearing": base}
    if sub == "e_results":
        return {"e_results": hit, "resolved_e_results_rep": base}
    if sub == "digitised":
        return {"digitised": hit, "received_new_digitised_rep": base}
    if sub in ("data_reuse", "population_db"):
        return {"data_reused": hit, "received_new_reused_rep": base}
    return {"resolved_satisfied_766": hit, "resolved_satisfaction_rep": base}


@pytest.mark.parametrize("sub, at, below, above, expected", CASES, ids=[c[0] for c in CASES])
def test_points_at_below_and_above_the_threshold(sub, at, below, above, expected):
    s = I.SUB[sub]
    assert s.threshold == at
    rates = [r for r in (at, below, above) if r is not None]
    got = I.recompute(frame([totals_for(sub, r) for r in rates]))
    assert got[f"rate_{sub}"].tolist() == pytest.approx(rates)
    assert got[f"points_{sub}"].tolist() == pytest.approx([e for e in expected if e is not None])
    assert I.points(at - 1e-9, s.threshold, s.points) < s.points  # just below: not the maximum


def test_the_rule_itself():
    assert I.points(0.8, 0.8, 4) == 4.0
    assert I.points(0.79, 0.8, 4) == pytest.approx(3.95)
    assert I.points(1.2, 0.8, 4) == 4.0
    assert I.points(0.0, 0.9, 6) == 0.0
    assert np.isnan(I.points(None, 0.8, 4))
    assert I.points(np.array([0.5, np.nan]), 1.0, 20).tolist()[0] == 10.0


def test_groups_and_thresholds_are_documented():
    assert sum(g.points for g in I.GROUPS) == 100
    assert {g.id: g.points for g in I.GROUPS} == {
        "transparency": 18, "progress": 20, "online_services": 12, "online_payment": 10,
        "digitisation": 22, "satisfaction": 18}
    assert {g: I.recomputable_max(g) for g in I.GROUP_IDS} == {
        "transparency": 0, "progress": 20, "online_services": 12, "online_payment": 6,
        "digitisation": 14, "satisfaction": 6}
    assert I.RECOMPUTABLE_TOTAL == 58
    for s in I.SUBINDICATORS:
        assert s.status in (I.PUBLISHED, I.ASSUMED) and s.source
        assert s.metric in METRICS and f"i766_sub_{s.id}" in STRINGS
    # only the on-time rule is published (press); every threshold seen only in unofficial
    # descriptions of the portal is an assumption
    assert [s.id for s in I.SUBINDICATORS if s.status == I.PUBLISHED] == ["on_time"]
    assert I.RULE_STATUS == I.ASSUMED


def test_group_points_add_up_and_undefined_rates_blank_the_group():
    full = {}
    for sub, at, *_ in CASES:
        full |= totals_for(sub, 1.0)
    got = I.recompute(frame([full]))
    assert got[list(I.RECOMPUTABLE)].iloc[0].tolist() == [20, 12, 6, 14, 6]
    missing = I.recompute(frame([{**full, "fee_bearing": 0}]))  # no fee-bearing dossier
    assert np.isnan(missing["online_payment"].iloc[0]) and missing["progress"].iloc[0] == 20


@pytest.mark.parametrize("total, band", [(100, "excellent"), (90, "excellent"),
                                         (89.99, "good"), (70, "good"), (69.99, "fair"),
                                         (50, "fair"), (49.99, "weak"), (0, "weak"), (None, None)])
def test_bands(total, band):
    assert I.band(total) == band


def test_ranks_share_ties():
    assert I.rank(pd.Series([90.0, 92.5, 90.0, 80.0])).tolist() == [2, 1, 2, 4]


def test_difference_scales_the_recomputed_points_to_the_group():
    assert I.scaled("digitisation", 7.0) == pytest.approx(11.0)  # 7 of 14 → 11 of 22
    assert I.difference("digitisation", 18.0, 7.0) == pytest.approx(7.0)
    assert I.difference("progress", 18.5, 17.5) == pytest.approx(1.0)


def test_board_fills_ranks_from_totals_and_computes_differences():
    official = pd.DataFrame([
        {"key": "a", "level": "province", "progress": 19.0, "total": 88.0, "rank": None},
        {"key": "b", "level": "province", "progress": 18.0, "total": 91.0, "rank": None},
    ])
    ours = pd.DataFrame([{"key": "a", "level": "province", "progress": 18.0},
                         {"key": "c", "level": "province", "progress": 10.0}]).assign(
        **{g: np.nan for g in I.RECOMPUTABLE if g != "progress"})
    out = I.board(official, ours, within="level").set_index("key")
    assert out.loc["b", "rank"] == 1 and out.loc["a", "rank"] == 2 and out["rank_computed"]["a"]
    assert out.loc["a", "rank_of"] == 2 and pd.isna(out.loc["c", "rank"])
    assert out.loc["a", "diff_progress"] == pytest.approx(1.0)
    assert out.loc["b", "band"] == "excellent" and pd.isna(out.loc["c", "total"])


def test_lost_points_are_shared_by_missed_dossiers_and_add_up():
    """Unit: 300 handled, 263 on time (17.533 points, 2.467 lost): children miss 10 and 27."""
    unit = frame([{"resolved_in_time": 260, "pending_on_time": 3, "resolved": 295,
                   "pending": 5}])
    children = frame([
        {"resolved_in_time": 90, "pending_on_time": 0, "resolved": 100, "pending": 0},
        {"resolved_in_time": 120, "pending_on_time": 3, "resolved": 145, "pending": 5},
        {"resolved_in_time": 50, "pending_on_time": 0, "resolved": 50, "pending": 0},
    ]).assign(key=[1, 2, 3])
    out = I.losses(children, unit, "progress")
    assert out["key"].tolist() == [2, 1, 3]
    assert out["lost"].tolist() == pytest.approx([1.8, 2 / 3, 0.0])
    assert out["missed_on_time"].tolist() == [27, 10, 0]
    assert out["lost"].sum() == pytest.approx(20 - 20 * 263 / 300)
    # a unit at or above a threshold loses nothing, whatever its agencies do
    at = frame([{"digitised": 80, "received_new_digitised_rep": 100, "e_results": 1,
                 "resolved_e_results_rep": 1, "data_reused": 1, "received_new_reused_rep": 1}])
    kids = frame([{"digitised": 0, "received_new_digitised_rep": 20, "e_results": 1,
                   "resolved_e_results_rep": 1, "data_reused": 1,
                   "received_new_reused_rep": 1}]).assign(key=[1])
    assert I.losses(kids, at, "digitisation")["lost"].tolist() == [0.0]


@pytest.mark.parametrize("text, kind, start, end, month", [
    ("2026-W43", "week", date(2026, 10, 19), date(2026, 10, 25), "2026-10"),
    ("2026-w01", "week", date(2025, 12, 29), date(2026, 1, 4), "2026-01"),
    ("2025-W27", "week", date(2025, 6, 30), date(2025, 7, 6), "2025-07"),
    ("2026-10", "month", date(2026, 10, 1), date(2026, 10, 31), "2026-10"),
])
def test_periods(text, kind, start, end, month):
    p = I.Period.parse(text)
    assert (p.kind, p.start, p.end, str(p.month)) == (kind, start, end, month)
    assert I.Period.parse(str(p)) == p


def test_period_eras_shifts_and_labels():
    assert I.Period.parse("2025-W27").era == "34"  # its last day is in July 2025
    assert I.Period.parse("2025-W26").era == "63"
    assert str(I.Period.parse("2026-W01").shifted(-1)) == "2025-W52"
    assert str(I.Period.parse("2026-01").shifted(-1)) == "2025-12"
    assert I.Period.parse("2026-W43").label("vi") == "Tuần 43/2026 (19/10–25/10/2026)"
    assert I.Period.parse("2026-W43").label("en") == "Week 43 of 2026 (19/10–25/10/2026)"
    assert I.Period.of_cell(date(2026, 10, 1)) == I.Period.parse("2026-10")
    for bad in ("2026-13", "2026-W54", "W43/2026", "", None, "2026-10-05"):
        with pytest.raises(ValueError):
            I.Period.parse(bad)


@pytest.mark.parametrize("cell, value, problem", [
    ("92,80", 92.8, None), ("92.80", 92.8, None), (" 8,5 ", 8.5, None), (17, 17.0, None),
    ("", None, None), ("-", None, None), (None, None, None), ("abc", None, "text"),
    ("1.234,5", None, "text"), (True, None, "text"),
])
def test_score_cells(cell, value, problem):
    assert I.parse_score(cell) == (value, problem)
