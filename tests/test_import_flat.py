"""The flat template on DuckDB, SQLite and PostgreSQL: what it writes (blank stays NULL, new
agencies, Vietnamese numbers), loading twice, the overlap / replace rule, an interrupted write,
the command line's CSV and xlsx paths, and the era of each row: a report reaching past
06/2025 is read in the 34 provinces, an older one in the 63."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from data_access import flat, importer, schema
from data_access.stats import totals
from domain.periods import Month, MonthRange
from domain.scope import Scope
from domain.validation import describe
from tests.test_import_corpus import (
    add_new_era_agencies, flat_csv, flat_row, flat_xlsx, month_2026, snapshot,
)

ROOT = Path(__file__).resolve().parent.parent
Q1 = MonthRange(Month(2024, 1), Month(2024, 3))
S = schema.dossier_stats


def ok(result):
    assert result.ok, [describe(i, "en") for i in result.issues]
    return result


def stats_of(db, load_id) -> pd.DataFrame:
    return db.query(sa.select(S).where(S.c.load_id == load_id)
                    .order_by(S.c.agency_id, S.c.procedure_code))


def test_flat_csv_writes_what_the_file_says(fixture_db):
    rows = [
        flat_row(received_online="1.234", received_direct=" 35 ", pending_late="",
                 carried_over="1.000"),
        flat_row(agency_code="01-MOI", agency_name="Trung tâm Phục vụ hành chính công",
                 agency_level="province", procedure_code="", field_code="G13-TN02",
                 received_postal="", resolved_early=0),
        flat_row(agency_code="79-S02", locality_code="79", procedure_code="1.001193",
                 field_code=""),
    ]
    refused = importer.import_file(fixture_db, flat_csv(rows, sep=";"), "thang4.csv")
    assert [(i.code, i.row) for i in refused.errors] == [("agency_not_created", 3)]
    assert "--create-agencies" in describe(refused.errors[0], "en")
    result = ok(importer.import_file(fixture_db, flat_csv(rows, sep=";"), "thang4.csv",
                                     who="tests", create_agencies=True))
    assert (result.rows, result.new_agencies) == (3, ["01-MOI"])
    frame = stats_of(fixture_db, result.load_id)
    first = frame[frame["agency_id"] == 1].iloc[0]
    assert (first["received_online"], first["received_direct"], first["carried_over"]) == (
        1234, 35, 1000)
    assert pd.isna(first["pending_late"])  # blank is "not reported", not zero
    new = fixture_db.query(sa.select(schema.agencies).where(schema.agencies.c.code == "01-MOI"))
    assert (new["level"].iloc[0], new["locality_code"].iloc[0], int(new["id"].iloc[0])) == (
        "province", "63:01", 5)  # a 2024 report: Hà Nội of the 63
    moi = frame[frame["agency_id"] == 5].iloc[0]
    assert pd.isna(moi["procedure_code"]) and moi["field_code"] == "G13-TN02"
    assert pd.isna(moi["received_postal"]) and moi["resolved_early"] == 0
    hcm = frame[frame["agency_id"] == 3].iloc[0]
    assert (hcm["field_code"], hcm["locality_code"]) == ("G15-TP07", "63:79")  # from the procedure
    log = fixture_db.query(sa.select(schema.data_loads).where(
        schema.data_loads.c.id == result.load_id)).iloc[0]
    assert (log["kind"], log["file_name"], log["rows"], log["loaded_by"], log["outcome"]) == (
        "import", "thang4.csv", 3, "tests", "ok")
    assert log["sha256"] == result.sha256 and len(log["sha256"]) == 64


def test_loading_the_same_file_twice_changes_nothing(fixture_db):
    data = flat_xlsx([flat_row(), flat_row(period_start="2024-05-01", period_end="2024-05-31")])
    first = ok(importer.import_file(fixture_db, data, "t45.xlsx"))
    before = snapshot(fixture_db)
    second = ok(importer.import_file(fixture_db, data, "t45.xlsx"))
    assert second.outcome == "unchanged" and second.load_id == first.load_id
    assert snapshot(fixture_db) == before
    outcomes = list(fixture_db.query(sa.select(schema.data_loads.c.outcome)
                                     .order_by(schema.data_loads.c.id))["outcome"])
    assert outcomes == ["ok", "ok", "unchanged"]


def test_overlap_is_refused_unless_replace(fixture_db):
    """A quarterly row for agency 1 over Q1 2024 overlaps its three monthly rows."""
    quarter = flat_row(period_start="2024-01-01", period_end="2024-03-31", carried_over=10,
                       received_online=210, received_full_online=120, received_direct=80,
                       received_postal=10, resolved_early=180, resolved_on_time=110,
                       resolved_late=10, pending_on_time=10, pending_late=0)
    data = flat_csv([quarter])
    before = snapshot(fixture_db)
    refused = importer.import_file(fixture_db, data, "q1.csv")
    assert refused.outcome == "rejected"
    assert [i.code for i in refused.errors] == ["overlap"]
    assert "01-S02" in describe(refused.errors[0], "vi")
    assert snapshot(fixture_db) == before

    checked = ok(importer.import_file(fixture_db, data, "q1.csv", replace=True, dry_run=True))
    assert (checked.outcome, checked.replaced) == ("checked", 3)
    assert snapshot(fixture_db) == before

    other_before = fixture_db.query(sa.select(S).where(S.c.agency_id != 1)).shape
    done = ok(importer.import_file(fixture_db, data, "q1.csv", replace=True))
    assert done.replaced == 3
    left = fixture_db.query(sa.select(S.c.period_start).where(
        S.c.agency_id == 1, S.c.period_start >= Q1.start))
    assert len(left) == 1  # the quarter replaced the three months
    assert fixture_db.query(sa.select(S).where(S.c.agency_id != 1)).shape == other_before
    a1 = totals(fixture_db, Scope(agency=1), Q1, ["carried_over", "received_new", "resolved",
                                                  "pending"]).iloc[0]
    assert (a1["carried_over"], a1["received_new"], a1["resolved"], a1["pending"]) == (
        10, 300, 300, 10)
    # 2023 rows of the same agency do not overlap and stay
    assert fixture_db.scalar(sa.select(sa.func.count()).select_from(S).where(
        S.c.agency_id == 1, S.c.period_start < Q1.start)) == 3


def test_an_interrupted_write_leaves_the_database_as_it_was(fixture_db, monkeypatch):
    calls = {"n": 0}
    real = importer.bulk_insert

    def failing(conn, table, frame):
        calls["n"] += 1
        if table is S:
            real(conn, table, frame.iloc[:1])  # part of the rows reach the table…
            raise OSError("disk full")  # …then the write breaks
        real(conn, table, frame)

    monkeypatch.setattr(importer, "bulk_insert", failing)
    before = snapshot(fixture_db)
    data = flat_csv([flat_row(agency_code="01-NEW", agency_name="Sở Mới", agency_level="province"),
                     flat_row(period_start="2024-05-01", period_end="2024-05-31")])
    result = importer.import_file(fixture_db, data, "gian_doan.csv", create_agencies=True)
    assert result.outcome == "failed" and calls["n"] >= 2
    shown = describe(result.issues[-1], "en")  # a reference to the log, not the exception
    assert "rolled back" in shown and "error reference" in shown and "disk full" not in shown
    assert snapshot(fixture_db) == before
    last = fixture_db.query(sa.select(schema.data_loads.c.outcome, schema.data_loads.c.message)
                            .order_by(schema.data_loads.c.id.desc()).limit(1)).iloc[0]
    assert last["outcome"] == "failed" and "disk full" in last["message"]  # the audit keeps it


def test_template_downloads_load(tmp_path, duck_fixture_path):
    from data_access.db import Database
    db = Database(f"duckdb:///{duck_fixture_path}")
    add_new_era_agencies(db)  # the example row: January 2026, 01-S02 of today's Hà Nội
    for data, name in ((flat.template_csv(), "mau.csv"), (flat.template_xlsx("en"), "mau.xlsx")):
        result = ok(importer.import_file(db, data, name, dry_run=True))
        assert result.rows == 1
    from openpyxl import load_workbook
    import io
    wb = load_workbook(io.BytesIO(flat.template_xlsx("vi")))
    assert wb.sheetnames == ["data", "Hướng dẫn"]
    assert [c.value for c in wb["data"][1]] == list(flat.COLUMNS)
    assert wb["data"]["C2"].value == "01" and wb["data"]["C2"].data_type == "s"
    db.dispose()


# --- the command line ---------------------------------------------------------------------
def test_cli_csv_path(tmp_path, duck_fixture_path, capsys):
    url = f"duckdb:///{duck_fixture_path}"
    good = tmp_path / "thang4.csv"
    good.write_bytes(flat_csv([flat_row()]))
    assert importer.main([str(good), "--url", url, "--dry-run"]) == 0
    assert "Chưa ghi gì" in capsys.readouterr().out
    assert importer.main([str(good), "--url", url]) == 0
    assert "Đã nạp thang4.csv: 1 dòng" in capsys.readouterr().out
    assert importer.main([str(good), "--url", url, "--lang", "en"]) == 0  # again: unchanged
    assert "was loaded before" in capsys.readouterr().out
    bad = tmp_path / "sai.csv"
    bad.write_bytes(flat_csv([flat_row(received_online="abc")]))
    assert importer.main([str(bad), "--url", url, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "ERROR: Sheet “CSV”, row 2, column “received_online”: “abc” is not a number." in err
    assert importer.main([str(tmp_path / "none.csv"), "--url", url]) == 2


def test_cli_xlsx_path_as_a_process(tmp_path, duck_fixture_path):
    url = f"duckdb:///{duck_fixture_path}"
    path = tmp_path / "quy1.xlsx"
    path.write_bytes(flat_xlsx([flat_row(period_start="2024-01-01", period_end="2024-03-31")]))
    run = lambda *extra: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "data_access.importer", str(path), "--url", url, "--lang", "en",
         *extra], cwd=ROOT, capture_output=True, text=True, timeout=120)
    refused = run()
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "already has data" in refused.stderr and "01-S02" in refused.stderr
    replaced = run("--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert "Loaded quy1.xlsx: 1 rows" in replaced.stdout and "3 old rows replaced" in replaced.stdout


# --- the era of a report ------------------------------------------------------------------
def test_a_2026_file_loads_into_the_units_of_today(fixture_db):
    """Codes as people write them: "79" in 2026 is today's TP HCM ("34:79"); "79-S02" is its
    department with or without the "34:" of today's codes; a new agency is created within it,
    with a code that cannot be an old agency's."""
    add_new_era_agencies(fixture_db)
    rows = [
        month_2026(locality_code="79", agency_code="79-S02"),
        month_2026(locality_code="TP. Hồ Chí Minh", agency_code="79-TTPVHCC",
                   agency_name="Trung tâm Phục vụ hành chính công", agency_level="province",
                   procedure_code="1.004227", field_code=""),
        month_2026(locality_code="1", agency_code="34:01-X00004"),
        month_2026(locality_code="01", agency_code="01-S02"),
        flat_row(period_start="2024-05-01", period_end="2024-05-31"),  # history still loads
    ]
    result = ok(importer.import_file(fixture_db, flat_csv(rows), "thang4_2026.csv",
                                     create_agencies=True))
    assert result.new_agencies == ["34:79-TTPVHCC"]
    frame = stats_of(fixture_db, result.load_id)
    agencies = fixture_db.query(sa.select(schema.agencies.c.id, schema.agencies.c.code,
                                          schema.agencies.c.locality_code))
    code = dict(zip(agencies["id"], agencies["code"]))
    assert sorted((code[a], loc, str(d)[:4]) for a, loc, d in zip(
        frame["agency_id"], frame["locality_code"], frame["period_start"])) == [
        ("01-S02", "63:01", "2024"), ("34:01-S02", "34:01", "2026"),
        ("34:01-X00004", "34:01", "2026"), ("34:79-S02", "34:79", "2026"),
        ("34:79-TTPVHCC", "34:79", "2026")]
    assert dict(zip(agencies["code"], agencies["locality_code"]))["34:79-TTPVHCC"] == "34:79"
    april = MonthRange(Month(2026, 4), Month(2026, 4))
    hcm = totals(fixture_db, Scope(locality="34:79"), april, ["received_new"]).iloc[0]
    assert hcm["received_new"] == 200  # two rows of 60 + 35 + 5


def test_the_per_field_combined_agencies_of_each_era_do_not_collide(fixture_db):
    """A province's per-field form creates one combined agency per level, within the unit of
    its era: "01-TH-TINH" in Hà Nội of the 63, "34:01-TH-TINH" in today's."""
    from tests.test_import_corpus import TOP, good_form_rows, top_2026, variant_a
    rows = [r for r in good_form_rows()[1:] if r[1] not in ("Huyện, thị xã, thành phố",
                                                             "Lĩnh vực Đất đai")]
    for top, name in ((TOP, "q2_2024.xlsx"), (top_2026(), "q1_2026.xlsx")):
        ok(importer.import_file(fixture_db, variant_a(rows, top=top), name))
    made = fixture_db.query(sa.select(schema.agencies.c.code, schema.agencies.c.locality_code)
                            .where(schema.agencies.c.code.like("%-TH-%")))
    assert sorted(zip(made["code"], made["locality_code"])) == [
        ("01-TH-TINH", "63:01"), ("01-TH-XA", "63:01"),
        ("34:01-TH-TINH", "34:01"), ("34:01-TH-XA", "34:01")]


def test_a_2026_row_naming_an_old_province_is_refused_with_its_successor(tmp_path):
    """On the real reference lists: 45 (old Quảng Trị) and "Bắc Giang" name no unit of today;
    24 and 44 do (Bắc Ninh, Quảng Trị). In 2024 all four read as the 63 had them."""
    from data_access import reference
    from data_access.db import Database
    db = Database(f"duckdb:///{tmp_path / 'reference.duckdb'}")
    db.create_schema()
    with db.transaction() as conn:
        reference.load_reference(conn)
    rows = [month_2026(locality_code="45", agency_code="45-S02"),
            month_2026(locality_code="Bắc Giang", agency_code="24-S02"),
            month_2026(locality_code="24", agency_code="24-S02"),
            month_2026(locality_code="44", agency_code="44-S02"),
            flat_row(locality_code="45", agency_code="45-S02")]
    result = importer.import_file(db, flat_csv(rows), "quang_tri.csv")
    retired = [i for i in result.errors if i.code == "locality_retired"]
    assert [(i.row, i.column) for i in retired] == [(2, "locality_code"), (3, "locality_code")]
    assert describe(retired[0], "vi").endswith(
        "Mã 45 (Quảng Trị, trước 01/07/2025) từ 01/07/2025 thuộc Quảng Trị (mã 44). "
        "Báo cáo cho kỳ sau 30/06/2025 phải ghi đơn vị mới: 44 (Quảng Trị).")
    assert "Code 24 (Bắc Giang, before 01/07/2025) has been part of Bắc Ninh (code 24)" in \
        describe(retired[1], "en")
    assert {i.code for i in result.errors} == {"locality_retired", "unknown_agency"}
    unknown = [i.values for i in result.errors if i.code == "unknown_agency"]
    assert {v["value"] for v in unknown} == {"45-S02", "24-S02", "44-S02"}
    db.dispose()


def test_a_2026_row_naming_a_district_or_an_old_agency_is_refused(fixture_db):
    add_new_era_agencies(fixture_db)
    before = snapshot(fixture_db)
    rows = [month_2026(),  # 01-S02 in 2026: today's Sở Tư pháp of Hà Nội, fine
            month_2026(agency_code="01-H001", procedure_code="1.004227", field_code=""),
            flat_row(agency_code="01-X00004")]  # a ward of today in a report of 2024
    result = importer.import_file(fixture_db, flat_csv(rows), "huyen.csv")
    assert [(i.code, i.row, i.column) for i in result.errors] == [
        ("agency_district_ended", 3, "agency_code"), ("agency_not_yet", 4, "agency_code")]
    assert "01-H001 (UBND Quận Ba Đình)" in describe(result.errors[0], "vi")
    assert "01/07/2025" in describe(result.errors[0], "en")
    assert "01-X00004 (UBND Phường Ba Đình)" in describe(result.errors[1], "vi")
    assert snapshot(fixture_db) == before
