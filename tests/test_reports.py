"""Which months a report covers (DOMAIN.md §8, domain/reports.py), and what the statistics make
of a 15th-to-14th quarterly report: counted in its quarter with exact totals, placed at its
months in a monthly trend, and named — not dropped — by a range that cuts it."""
from datetime import date

import pandas as pd
import pytest

from data_access import schema
from data_access.db import bulk_insert
from data_access.stats import longer_reports, totals
from domain.periods import Month, MonthRange
from domain.reports import covered_months
from domain.scope import Scope


@pytest.mark.parametrize("start,end,first,last", [
    (date(2026, 11, 15), date(2026, 12, 14), (2026, 12), (2026, 12)),  # the December report
    (date(2026, 9, 15), date(2026, 12, 14), (2026, 10), (2026, 12)),   # Q4
    (date(2020, 12, 15), date(2021, 12, 14), (2021, 1), (2021, 12)),   # the year 2021
    (date(2026, 12, 1), date(2026, 12, 31), (2026, 12), (2026, 12)),   # a calendar month
    (date(2026, 12, 14), date(2027, 1, 13), (2026, 12), (2027, 1)),    # starts before the 15th
])
def test_the_months_a_report_covers(start, end, first, last):
    assert covered_months(start, end) == MonthRange(Month(*first), Month(*last))


def test_a_report_that_covers_no_month_is_refused():
    with pytest.raises(ValueError):
        covered_months(date(2026, 6, 16), date(2026, 6, 30))


COLS = {"carried_over": 7, "received_online": 90, "received_full_online": 60,
        "received_direct": 30, "received_postal": 0, "resolved_early": 80,
        "resolved_on_time": 30, "resolved_late": 5, "pending_on_time": 10, "pending_late": 2}
Q4 = MonthRange(Month(2024, 10), Month(2024, 12))


@pytest.fixture
def quarterly_db(fixture_db):
    """The hand-made database, plus Sở Tư pháp TP HCM's Q4 2024 report of 15/09–14/12."""
    with fixture_db.transaction() as conn:
        bulk_insert(conn, schema.dossier_stats, pd.DataFrame([{
            "period_start": date(2024, 9, 15), "period_end": date(2024, 12, 14), "agency_id": 3,
            "locality_code": "63:79", "field_code": "G15-TP07", "procedure_code": "1.001193",
            **COLS, "load_id": 1}]))
    return fixture_db


def test_a_quarterly_report_shows_in_its_quarter(quarterly_db):
    got = totals(quarterly_db, Scope(locality="63:79"), Q4,
                 ["received_new", "received_full_online", "carried_over", "pending"]).iloc[0]
    assert got.to_dict() == {"received_new": 120, "received_full_online": 60,
                             "carried_over": 7, "pending": 12}
    assert totals(quarterly_db, Scope(), MonthRange(Month(2024, 1), Month(2024, 12)),
                  ["received_new"]).iloc[0]["received_new"] == 1550 + 120
    # a range that cuts the quarter does not count it, and names who reported for longer
    nov = MonthRange(Month(2024, 11), Month(2024, 11))
    assert pd.isna(totals(quarterly_db, Scope(locality="63:79"), nov,
                          ["received_new"]).iloc[0]["received_new"])
    cut = longer_reports(quarterly_db, Scope(), nov)
    assert list(cut["agency_id"]) == [3] and list(cut["locality_code"]) == ["63:79"]
    assert pd.Timestamp(cut["period_start"].iloc[0]).date() == date(2024, 9, 15)
    assert longer_reports(quarterly_db, Scope(), Q4).empty


def test_a_monthly_trend_places_the_quarter_at_its_months(quarterly_db):
    f = totals(quarterly_db, Scope(locality="63:79"), MonthRange(Month(2024, 9), Month(2024, 12)),
               ["received_new", "carried_over", "pending"], by="month").set_index("key")
    assert list(f.index) == [date(2024, 10, 1), date(2024, 11, 1), date(2024, 12, 1)]
    assert list(f["received_new"]) == [40, 40, 40]  # never all at September or October
    assert f["received_new"].sum() == 120
    assert f.loc[date(2024, 10, 1), "carried_over"] == 7  # the stock at the quarter's start
    assert f.loc[date(2024, 12, 1), "pending"] == 12  # and at its end
    assert pd.isna(f.loc[date(2024, 11, 1), "pending"])


def test_a_page_names_the_units_that_reported_for_longer(app_db):
    from tests.test_app import run

    # the Ministry of Justice unit reports Q1 2024 in one row; February alone cannot count it
    at = run("app.py", **{"from": "2024-02", "to": "2024-02"})
    warnings = [w.value for w in at.warning]
    assert any("1 đơn vị chỉ báo cáo theo kỳ dài hơn" in w and
               "Trung tâm Lý lịch tư pháp quốc gia" in w and "01/01/2024–31/03/2024" in w
               for w in warnings), warnings
    at = run("app.py", **{"from": "2024-01", "to": "2024-03"})
    assert not any("kỳ dài hơn" in w.value for w in at.warning)
