"""The form II.06a generated from the database, on DuckDB, SQLite and PostgreSQL: its layout
read back with openpyxl, and importing it again reproduces the same numbers (per agency of a
locality, per field of one agency, and back into the same database with replace), for a
province of the 63 (2024) and one of today's (2026, communes and no districts); a form never
mixes the two eras."""
from __future__ import annotations

import io

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from data_access import form06a, importer, schema
from data_access.db import Database
from data_access.stats import totals
from domain.periods import Month, MonthRange
from domain.scope import Scope
from domain.validation import describe
from tests import fixture_data
from tests.test_import_corpus import add_new_era_agencies, flat_csv, flat_row

Q1 = MonthRange(Month(2024, 1), Month(2024, 3))
Q1_2026 = MonthRange(Month(2026, 1), Month(2026, 3))
HN_63, HN_34 = Scope(locality="63:01"), Scope(locality="34:01")
MEASURES = list(form06a.MEASURES)


@pytest.fixture
def empty_db(tmp_path):
    """The fixture's reference lists and agencies, without statistics or loads."""
    db = Database(f"duckdb:///{tmp_path / 'target.duckdb'}")
    fixture_data.build(db)
    with db.transaction() as conn:
        conn.execute(schema.dossier_stats.delete())
        conn.execute(schema.data_loads.delete())
    yield db
    db.dispose()


def figures(db, scope, by, rng=Q1):
    frame = totals(db, scope, rng, MEASURES, by=by).set_index("key")
    return {str(k): {m: (None if v != v else int(v)) for m, v in row.items()}
            for k, row in frame.iterrows()}


def reload(target, data, name, **kw):
    result = importer.import_file(target, data, name, **kw)
    assert result.outcome == "ok", [describe(i, "en") for i in result.issues]
    return result


def test_form_per_agency_round_trip(fixture_db, empty_db):
    data = form06a.form_workbook(fixture_db, HN_63, Q1, source="fixture")
    reload(empty_db, data, "hn_q1.xlsx")
    assert figures(empty_db, HN_63, "agency") == figures(fixture_db, HN_63, "agency")
    stored = empty_db.query(sa.select(schema.dossier_stats))
    assert set(stored["field_code"]) == {form06a.ALL_FIELDS}
    assert {str(d)[:10] for d in stored["period_start"]} == {"2024-01-01"}
    assert {str(d)[:10] for d in stored["period_end"]} == {"2024-03-31"}


def test_form_per_field_round_trip(fixture_db, empty_db):
    for agency in (1, 4):
        data = form06a.form_workbook(fixture_db, Scope(agency=agency), Q1)
        reload(empty_db, data, f"agency{agency}.xlsx")
        assert figures(empty_db, Scope(agency=agency), "field") == \
            figures(fixture_db, Scope(agency=agency), "field")


def test_form_back_into_the_same_database_with_replace(fixture_db):
    before = figures(fixture_db, HN_63, "agency")
    data = form06a.form_workbook(fixture_db, HN_63, Q1)
    refused = importer.import_file(fixture_db, data, "hn_q1.xlsx")
    assert {i.code for i in refused.errors} == {"overlap"}
    result = reload(fixture_db, data, "hn_q1.xlsx", replace=True)
    assert result.replaced == 6  # agencies 1 and 2, three months each
    assert figures(fixture_db, HN_63, "agency") == before


def test_form_layout_read_back(duck_fixture_path):
    db = Database(f"duckdb:///{duck_fixture_path}")
    wb = load_workbook(io.BytesIO(form06a.form_workbook(db, HN_63, Q1, source="Nguồn thử")))
    db.dispose()
    ws = wb.active
    cells = [tuple(row) for row in ws.iter_rows(values_only=True)]
    text = "\n".join(str(v) for row in cells for v in row if v is not None)
    assert "Biểu số II.06a/VPCP/KSTT" in text
    assert "(Từ ngày 01/01/2024 đến ngày 31/03/2024)" in text
    assert "Đơn vị báo cáo: UBND Hà Nội (01)" in text
    numbering = next(i for i, r in enumerate(cells) if r[0] == "(1)")
    assert cells[numbering][:13] == tuple(f"({i})" for i in range(1, 14))
    header = cells[numbering - 3]
    assert header[:3] == ("STT", "Đơn vị", "Số hồ sơ nhận giải quyết")
    merged = {str(r) for r in ws.merged_cells.ranges}
    top = numbering - 2  # 1-based row of the first header row
    assert {f"C{top}:F{top}", f"G{top}:J{top}", f"K{top}:M{top}", f"A{top}:A{top + 2}",
            f"D{top + 1}:E{top + 1}"} <= merged
    body = cells[numbering + 1:]
    assert body[0][:2] == ("I", "Sở, ban, ngành")
    assert body[1][:3] == ("1", "Sở Tư pháp", 310)
    assert body[2][:2] == ("II", "Huyện, thị xã, thành phố")
    total = next(r for r in body if r[1] == "Tổng số")
    assert total[2:13] == (470, 250, 190, 30, 440, 240, 170, 30, 30, 25, 5)
    assert isinstance(total[2], int)  # real numbers, formatted #,##0
    assert ws.cell(numbering + 2, 3).number_format == "#,##0"
    assert ws.freeze_panes == f"C{numbering + 2}"
    assert "Nguồn thử" in text


def test_form_needs_a_locality_or_an_agency_of_one_era(duck_fixture_path):
    db = Database(f"duckdb:///{duck_fixture_path}")
    crossing = MonthRange(Month(2025, 1), Month(2025, 12))
    for scope, rng in ((Scope(), Q1), (HN_34, Q1), (HN_63, Q1_2026), (HN_34, crossing),
                       (Scope(agency=1), Q1_2026)):
        with pytest.raises(ValueError):
            form06a.form_workbook(db, scope, rng)
    db.dispose()


def _hanoi_2026(db) -> None:
    """Today's Hà Nội: its Sở Tư pháp and a ward, with January–March 2026 loaded."""
    add_new_era_agencies(db)
    rows = [flat_row(period_start=str(m.first_day), period_end=str(m.last_day),
                     agency_code=code, carried_over=m.month)
            for m in Q1_2026.months() for code in ("01-S02", "01-X00004")]
    reload(db, flat_csv(rows), "hn_2026.csv")


def test_a_form_of_today_lists_communes_and_loads_back(fixture_db, empty_db):
    _hanoi_2026(fixture_db)
    data = form06a.form_workbook(fixture_db, HN_34, Q1_2026)
    cells = [r for r in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]
    text = [str(v) for row in cells for v in row if v is not None]
    assert "Đơn vị báo cáo: UBND Hà Nội (01)" in text  # the code people read, not "34:01"
    assert [r[1] for r in cells if r[0] in ("I", "II", "III")] == [
        "Sở, ban, ngành", "Xã, phường, đặc khu"]  # no district level since 01/07/2025
    add_new_era_agencies(empty_db)
    reload(empty_db, data, "hn_q1_2026.xlsx")
    assert figures(empty_db, HN_34, "agency", Q1_2026) == \
        figures(fixture_db, HN_34, "agency", Q1_2026)
    stored = empty_db.query(sa.select(schema.dossier_stats))
    assert set(stored["locality_code"]) == {"34:01"}
    per_field = form06a.form_workbook(fixture_db, Scope(agency=101), Q1_2026)
    assert "Sở Tư pháp – Hà Nội (01-S02)" in str(
        [v for r in load_workbook(io.BytesIO(per_field)).active.iter_rows(values_only=True)
         for v in r])
    reload(empty_db, per_field, "so_tu_phap_2026.xlsx", replace=True)
    assert figures(empty_db, Scope(agency=101), "field", Q1_2026) == \
        figures(fixture_db, Scope(agency=101), "field", Q1_2026)
