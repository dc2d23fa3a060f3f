"""Aggregation over a range of months on the hand-made fixture, on DuckDB, SQLite and
PostgreSQL: flows add up, stocks are taken at the range's ends, rates are ratios of sums."""
from datetime import date

import pytest

from data_access.stats import totals
from domain.metrics import MEASURES, METRICS
from domain.periods import Month, MonthRange
from domain.scope import NATION, Scope

Q1_2024 = MonthRange(Month(2024, 1), Month(2024, 3))
ALL = list(MEASURES)


def one(db, scope=NATION, rng=Q1_2024):
    frame = totals(db, scope, rng, ALL)
    assert len(frame) == 1
    return frame.iloc[0].to_dict()


def test_flows_and_stocks_over_a_quarter(fixture_db):
    t = one(fixture_db)
    assert t["received_new"] == 1550  # 300 + 140 + 110 + 1000
    assert t["received_online"] == 1245
    assert t["received_full_online"] == 1005
    assert t["resolved"] == 1540
    assert t["resolved_in_time"] == 1500
    # Stocks: opening per agency at its first period (C starts in February), closing at the end.
    assert t["carried_over"] == 35  # 10 + 20 + 5 + 0, not the 35 + 30 + ... of a naive sum
    assert t["pending"] == 45
    assert t["pending_late"] == 6
    # The form's identity holds over the range: carried over + new = resolved + pending.
    assert t["carried_over"] + t["received_new"] == t["resolved"] + t["pending"]


def test_rates_are_ratios_of_sums(fixture_db):
    t = one(fixture_db)
    assert METRICS["online_rate"].value(t) == pytest.approx(1245 / 1550)
    assert METRICS["full_online_rate"].value(t) == pytest.approx(1005 / 1550)
    # 766 definition: only eligible procedures in the denominator (the land one is not).
    assert METRICS["full_online_rate_766"].value(t) == pytest.approx(1005 / 1410)
    assert METRICS["on_time_rate"].value(t) == pytest.approx(1500 / 1540)
    assert METRICS["pending_late_share"].value(t) == pytest.approx(6 / 45)
    assert METRICS["received_total"].value(t) == 1585


def test_unreported_is_not_zero(fixture_db):
    t = one(fixture_db)
    # Series A reports no payments: its dossiers stay out of the payment denominator.
    assert t["paid_online"] == 1014
    assert t["fee_bearing"] == 1250
    assert METRICS["online_payment_rate"].value(t) == pytest.approx(1014 / 1250)
    # A's January rating has no "not satisfied" figure, so only D's ratings count.
    assert METRICS["satisfaction_rate"].value(t) == pytest.approx(96 / 100)
    assert METRICS["digitisation_rate"].value(t) is None  # nobody reports digitisation


def test_by_kind_and_locality(fixture_db):
    by_kind = totals(fixture_db, NATION, Q1_2024, ["received_new", "received_full_online"],
                     by="kind").set_index("key")
    assert by_kind.loc["province", "received_new"] == 550
    assert by_kind.loc["ministry", "received_full_online"] == 800
    hn = one(fixture_db, Scope(locality="63:01"))
    assert hn["received_new"] == 440
    assert hn["carried_over"] == 30 and hn["pending"] == 30


def test_by_month_takes_each_months_own_stocks(fixture_db):
    frame = totals(fixture_db, Scope(agency=1), Q1_2024, ["carried_over", "pending",
                                                          "received_new"], by="month")
    assert list(frame["key"]) == [date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)]
    assert list(frame["carried_over"]) == [10, 15, 10]
    assert list(frame["pending"]) == [15, 10, 10]


def test_agency_procedure_and_level_scopes(fixture_db):
    assert one(fixture_db, Scope(agency=3))["carried_over"] == 5
    assert one(fixture_db, Scope(procedure="1.001193"))["received_new"] == 410
    assert one(fixture_db, Scope(level="district"))["resolved_late"] == 20
    assert one(fixture_db, Scope(locality="63:79", procedure="1.001193"))["received_new"] == 110


def test_year_earlier_and_empty_ranges(fixture_db):
    t = one(fixture_db, rng=Q1_2024.year_earlier())
    assert t["received_new"] == 240 and t["received_full_online"] == 30
    empty = totals(fixture_db, NATION, MonthRange(Month(2020, 1), Month(2020, 3)), ALL)
    assert len(empty) == 1 and METRICS["online_rate"].value(empty.iloc[0].to_dict()) is None
