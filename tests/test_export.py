"""The command-line export carries the numbers the pages show."""
import pandas as pd
import pytest

from data_access import export
from data_access.stats import totals
from domain.metrics import METRICS
from domain.periods import Month, MonthRange
from domain.scope import Scope

Q1 = MonthRange(Month(2024, 1), Month(2024, 3))


def test_table_by_province_has_the_breakdown_columns(fixture_db):
    table = export.table(fixture_db, Scope(), Q1, "province").set_index("code")
    assert list(table.index) == ["01", "79", "B-TP"]
    hn = table.loc["01"]
    assert hn["name"] == "Hà Nội"
    assert (hn["carried_over"], hn["received_new"], hn["pending"], hn["pending_late"]) == (
        30, 440, 30, 5)
    page = totals(fixture_db, Scope(locality="01"), Q1, ["received_full_online",
                                                          "received_new"]).iloc[0]
    assert hn["full_online_rate"] == pytest.approx(METRICS["full_online_rate"].value(page))


def test_table_by_month_takes_monthly_stocks(fixture_db):
    table = export.table(fixture_db, Scope(agency=1), Q1, "month")
    assert list(table["code"]) == ["2024-01", "2024-02", "2024-03"]
    assert list(table["carried_over"]) == [10, 15, 10]


def test_cli_writes_csv(tmp_path, duck_fixture_path, monkeypatch):
    monkeypatch.setenv("DVC_DATABASE_URL", f"duckdb:///{duck_fixture_path}")
    out = tmp_path / "by_agency.csv"
    assert export.main(["--level", "province", "--province", "01", "--from", "2024-01",
                        "--to", "2024-03", "--by", "agency", "--format", "csv",
                        "--out", str(out)]) == 0
    frame = pd.read_csv(out, encoding="utf-8-sig", dtype={"Mã": str})
    assert list(frame["Tên"]) == ["Sở Tư pháp", "UBND Quận Ba Đình"]
    assert list(frame["Hồ sơ tiếp nhận mới"]) == [300, 140]


def test_cli_refuses_a_level_without_its_code(capsys):
    with pytest.raises(SystemExit):
        export.main(["--level", "agency", "--from", "2024-01", "--to", "2024-03", "--by",
                     "procedure"])
    assert "--level agency needs --agency" in capsys.readouterr().err


def test_cli_writes_xlsx_that_reads_back(tmp_path, duck_fixture_path, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.setenv("DVC_DATABASE_URL", f"duckdb:///{duck_fixture_path}")
    out = tmp_path / "by_province.xlsx"
    assert export.main(["--level", "nation", "--from", "2024-01", "--to", "2024-03", "--by",
                        "province", "--format", "xlsx", "--out", str(out)]) == 0
    rows = [r for r in load_workbook(out).active.iter_rows(values_only=True)]
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "Mã")
    header = rows[header_at]
    body = {r[0]: dict(zip(header, r)) for r in rows[header_at + 1:] if r and r[0] in
            ("01", "79", "B-TP")}
    assert body["01"]["Hồ sơ tiếp nhận mới"] == 440
    assert body["B-TP"]["Tỷ lệ hồ sơ trực tuyến toàn trình (EMC)"] == pytest.approx(0.8)
    assert any("Kỳ báo cáo" in str(r[0]) for r in rows[:header_at] if r and r[0])
