"""Completeness: the units expected for a month and those that have reported, the last
complete month the pages open on, and the late units for the staff who chase them — after one
early report for a new month, every page still shows the last complete month."""
from datetime import date

import pandas as pd
import pytest

from data_access import coverage, schema
from data_access.db import Database, bulk_insert
from domain.coverage import last_complete
from domain.periods import Month, MonthRange
from tests import fixture_data
from tests.conftest import point_app_at


def early_april(db: Database) -> None:
    """The hand-made database, plus one early report for April 2024 (Sở Tư pháp Hà Nội)."""
    fixture_data.build(db)
    with db.transaction() as conn:
        bulk_insert(conn, schema.dossier_stats, pd.DataFrame([{
            "period_start": date(2024, 4, 1), "period_end": date(2024, 4, 30), "agency_id": 1,
            "locality_code": "63:01", "field_code": "G15-TP07", "procedure_code": "1.001193",
            "carried_over": 10, "received_online": 100, "received_direct": 0,
            "received_postal": 0, "received_full_online": 100, "resolved_early": 100,
            "resolved_on_time": 0, "resolved_late": 0, "pending_on_time": 10,
            "pending_late": 0, "load_id": 1}]))


@pytest.fixture
def early_db(tmp_path):
    db = Database(f"duckdb:///{tmp_path / 'early.duckdb'}")
    early_april(db)
    yield db
    db.dispose()


def test_expected_and_reported_units(early_db):
    counts = coverage.month_counts(early_db, MonthRange(Month(2024, 1), Month(2024, 4)))
    got = {Month.of(r["month"]): (r["reported"], r["expected"], r["complete"])
           for r in counts.to_dict("records")}
    # March: the two Hà Nội agencies, TP HCM's (from February) and the ministry's quarterly
    # report, which covers March too; April: one early report of four expected
    assert got[Month(2024, 3)] == (4, 4, True)
    assert got[Month(2024, 4)] == (1, 4, False)
    assert last_complete(counts) == Month(2024, 3)


def test_the_late_units_and_their_last_report(early_db):
    late = coverage.missing(early_db, Month(2024, 4))
    assert list(late["agency_code"]) == ["01-H001", "79-S02", "B-TP-LLTP"]
    last = dict(zip(late["agency_code"], late["last_report_end"]))
    assert last["B-TP-LLTP"] == date(2024, 3, 31) and last["79-S02"] == date(2024, 3, 31)
    only_hcm = coverage.missing(early_db, Month(2024, 4), "63:79")
    assert list(only_hcm["agency_code"]) == ["79-S02"]


def test_the_command_line_lists_the_late_units(early_db, capsys, tmp_path):
    assert coverage.main(["--month", "2024-04", "--url", early_db.url]) == 0
    out = capsys.readouterr().out
    assert "2024-04: 1/4 đơn vị đã báo cáo; 3 đơn vị chưa báo cáo." in out
    assert "UBND Quận Ba Đình" in out and "31/03/2024" in out
    path = tmp_path / "late.csv"
    assert coverage.main(["--month", "2024-04", "--province", "79", "--format", "csv",
                          "--lang", "en", "--out", str(path), "--url", early_db.url]) == 0
    frame = pd.read_csv(path, encoding="utf-8-sig")
    assert list(frame["Unit code"]) == ["79-S02"] and list(frame["Last report up to"]) == [
        "31/03/2024"]
    assert coverage.main(["--month", "2024-13", "--url", early_db.url]) == 2
    assert coverage.main(["--month", "2024-04", "--province", "99", "--url", early_db.url]) == 2
    assert "99" in capsys.readouterr().err


def test_after_an_early_report_the_pages_keep_the_last_complete_month(tmp_path, monkeypatch):
    from tests.test_app import run

    path = tmp_path / "app.duckdb"
    early_april(Database(f"duckdb:///{path}"))
    gen = point_app_at(path, monkeypatch)
    next(gen)
    try:
        at = run("app.py")
        captions = [c.value for c in at.caption]
        assert any("Kỳ báo cáo: 01/2024 – 03/2024" in c for c in captions), captions  # not April
        assert {m.label: m.value for m in at.metric}["Hồ sơ tiếp nhận mới"] == "1.550"
        sidebar = [c.value for c in at.sidebar.caption]
        assert any("Số liệu đầy đủ đến hết 03/2024" in c for c in sidebar), sidebar
        assert any("04/2024: 1/4 đơn vị đã báo cáo" in c for c in sidebar), sidebar
        # opening April itself says it is incomplete and makes no year-on-year comparison
        at = run("app.py", **{"from": "2024-04", "to": "2024-04"})
        assert any("chưa đủ báo cáo" in w.value and "1/4" in w.value for w in at.warning)
        new = next(m for m in at.metric if m.label == "Hồ sơ tiếp nhận mới")
        assert not new.delta
    finally:
        next(gen, None)


def test_the_data_page_lists_the_late_units(tmp_path, monkeypatch):
    from tests.test_app import run

    path = tmp_path / "app.duckdb"
    early_april(Database(f"duckdb:///{path}"))
    gen = point_app_at(path, monkeypatch)
    next(gen)
    try:
        at = run("pages/data.py")
        assert not at.exception, at.exception
        assert at.selectbox(key="cov_month").value == Month(2024, 4)  # the incomplete month
        frames = [d.value for d in at.dataframe]
        late = next(f for f in frames if "Mã đơn vị" in f.columns)
        assert list(late["Mã đơn vị"]) == ["01-H001", "79-S02", "B-TP-LLTP"]
        assert list(late["Báo cáo gần nhất đến ngày"]) == ["31/03/2024"] * 3
    finally:
        next(gen, None)
