"""The form II.06a as provinces write it — variants A, B and C, merged and unmerged header
rows, Vietnamese-formatted numbers as text, sections, total rows first or last, a footer,
formulas read by their cached values — loads with the right numbers, its unit read in the era
of its period (a form of 2026 is of today's units: communes, no districts)."""
from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

from data_access import importer, schema
from data_access.form06a import ALL_FIELDS
from domain.validation import describe
from tests.test_import_corpus import (
    TOP, a_values, add_new_era_agencies, good_form_rows, top_2026, variant_a, with_cached_values,
    xlsx_bytes,
)

COLS = ["carried_over", "received_online", "received_full_online", "received_direct",
        "received_postal", "resolved_early", "resolved_on_time", "resolved_late",
        "pending_on_time", "pending_late"]


@pytest.fixture
def db(tmp_path):
    from data_access.db import Database
    from tests import fixture_data
    db = Database(f"duckdb:///{tmp_path / 'layouts.duckdb'}")
    fixture_data.build(db)
    yield db
    db.dispose()


def loaded(db, load_id) -> pd.DataFrame:
    S, A = schema.dossier_stats, schema.agencies
    frame = db.query(sa.select(A.c.code, S).join(A, A.c.id == S.c.agency_id)
                     .where(S.c.load_id == load_id).order_by(A.c.code, S.c.field_code))
    return frame


def values(row) -> tuple:
    return tuple(None if pd.isna(row[c]) else int(row[c]) for c in COLS)


def ok(result):
    assert result.outcome == "ok", [describe(i, "en") for i in result.issues]
    return result


def test_variant_a_per_field_with_sections_and_vietnamese_numbers(db):
    result = ok(importer.import_file(db, variant_a(good_form_rows()), "hn_q2.xlsx"))
    frame = loaded(db, result.load_id)
    assert list(zip(frame["code"], frame["field_code"])) == [
        ("01-TH-HUYEN", "G13-TN02"), ("01-TH-TINH", "G15-TP07"), ("01-TH-TINH", "G15-TP10"),
        ("01-TH-XA", "G15-TP07")]
    hotich = frame[(frame["code"] == "01-TH-TINH") & (frame["field_code"] == "G15-TP07")].iloc[0]
    # "10.361" written as text is ten thousand three hundred sixty-one; (5) is direct + post.
    assert values(hotich) == (20, 10361, None, 2500, None, 9000, 3500, 61, 300, 20)
    assert str(hotich["period_start"])[:10] == "2024-04-01"
    assert str(hotich["period_end"])[:10] == "2024-06-30"
    assert set(frame["locality_code"]) == {"63:01"}  # Hà Nội of the 63: a report of 2024
    levels = dict(db.query(sa.select(schema.agencies.c.code, schema.agencies.c.level)
                           .where(schema.agencies.c.code.like("01-TH-%"))).values)
    assert levels == {"01-TH-TINH": "province", "01-TH-HUYEN": "district", "01-TH-XA": "commune"}
    assert {"form_combined_agency"} <= {i.code for i in result.warnings}


def _variant_b() -> bytes:
    """Variant B, per unit, without a numbering row: online split Mức 3 / Mức 4, the
    misspelt 'Số ký trước chuyển qua', 'Trả đúng thời hạn' (early + on time, not split),
    an ignored 'Trả lại / Xin rút' column, Vietnamese numbers as text."""
    top = [ln.replace("Quý II năm 2024", "6 tháng đầu năm 2024")
           .replace("01/04/2024", "15/06/2024").replace("30/06/2024", "14/12/2024") for ln in TOP]
    h = len(top) + 2
    rows = [[ln] for ln in top] + [[]]
    rows.append(["TT", "Đơn vị", "Số hồ sơ nhận giải quyết", None, None, None, None, None,
                 "Kết quả giải quyết", None, None, None, None, None, "Hồ sơ trả lại / Xin rút"])
    rows.append([None, None, "Tổng số", "Số ký trước chuyển qua", "Số mới tiếp nhận trực tuyến",
                 None, "Trực tiếp", "Qua BCCI", "Số hồ sơ đã giải quyết", None, None,
                 "Số hồ sơ đang giải quyết", None, None, None])
    rows.append([None, None, None, None, "Mức 3", "Mức 4", None, None, "Tổng số",
                 "Trả đúng thời hạn", "Trả quá hạn", "Tổng số", "Chưa đến hạn", "Quá hạn", None])
    rows.append([1, "Sở Tư pháp", "1.250", "50", "400", "600", "150", "50", "1.180", "1.170",
                 "10", "70", "65", "5", "3"])
    rows.append([2, "UBND quận Ba Đình", 330, 30, 100, 0, 200, 0, 300, 280, 20, 30, 30, 0, None])
    rows.append([None, "TỔNG CỘNG", "1.580", 80, 500, 600, 350, 50, "1.480", "1.450", 30, 100,
                 95, 5, 3])
    merges = [f"A{h}:A{h + 2}", f"B{h}:B{h + 2}", f"C{h}:H{h}", f"I{h}:N{h}", f"O{h}:O{h + 2}",
              f"C{h + 1}:C{h + 2}", f"D{h + 1}:D{h + 2}", f"E{h + 1}:F{h + 1}",
              f"G{h + 1}:G{h + 2}", f"H{h + 1}:H{h + 2}", f"I{h + 1}:K{h + 1}", f"L{h + 1}:N{h + 1}"]
    return xlsx_bytes(rows, title="Sheet1", merges=merges)


def test_variant_b_per_unit(db):
    result = ok(importer.import_file(db, _variant_b(), "bieu_b.xlsx"))
    frame = loaded(db, result.load_id)
    assert list(frame["code"]) == ["01-H001", "01-S02"]
    assert set(frame["field_code"]) == {ALL_FIELDS}
    so = frame[frame["code"] == "01-S02"].iloc[0]
    # online = Mức 3 + Mức 4, full-process = Mức 4; "Trả đúng thời hạn" → on time, early unknown
    assert values(so) == (50, 1000, 600, 150, 50, None, 1170, 10, 65, 5)
    assert str(so["period_start"])[:10] == "2024-06-15"
    assert "form_early_unknown" in {i.code for i in result.warnings}
    assert db.scalar(sa.select(schema.fields.c.name_vi)
                     .where(schema.fields.c.code == ALL_FIELDS)).startswith("Chung")


def _variant_c(cached: bool) -> bytes:
    """Variant C (national system export), per field of one agency: two header rows, group
    titles written once over unmerged cells, the late column split by apology letters, a
    total row of formulas."""
    top = [ln.replace("UBND Thành phố Hà Nội", "Sở Tư pháp thành phố Hà Nội") for ln in TOP]
    h = len(top) + 2
    rows = [[ln] for ln in top] + [[]]
    rows.append(["STT", "Lĩnh vực", "Số hồ sơ tiếp nhận", None, None, None, None, None, None,
                 "Số hồ sơ đã giải quyết", None, None, None, "Số hồ sơ đang giải quyết", None, None])
    rows.append([None, None, "Tổng số", "Tiếp nhận trực tiếp", "Tiếp nhận trực tuyến toàn trình",
                 "Tiếp nhận trực tuyến một phần", "Tiếp nhận trực tuyến hình thức khác",
                 "Kỳ trước chuyển qua", "Bưu chính / BCCI", "Tổng số", "Đúng và trước hạn",
                 "Quá hạn (đã có thư xin lỗi)", "Quá hạn (chưa có thư xin lỗi)", "Tổng số",
                 "Chưa đến hạn", "Quá hạn"])
    rows.append([f"({i})" for i in range(1, 17)])
    d = h + 3  # first data row
    rows.append([1, "Hộ tịch", 1000, 100, 500, 300, 50, 30, 20, 950, 940, 6, 4, 50, 48, 2])
    rows.append([2, "Chứng thực", 200, 150, 0, 40, 0, 10, 0, 190, 190, 0, 0, 10, 10, 0])
    rows.append([None, "Tổng số"] + [f"=SUM({c}{d}:{c}{d + 1})" for c in "CDEFGHIJKLMNOP"])
    data = xlsx_bytes(rows, title="Báo cáo")
    if cached:
        sums = [1200, 250, 500, 340, 50, 40, 20, 1140, 1130, 6, 4, 60, 58, 2]
        data = with_cached_values(data, {f"{c}{d + 2}": v for c, v in zip("CDEFGHIJKLMNOP", sums)})
    return data


def test_variant_c_per_field_of_one_agency_with_cached_formulas(db):
    with db.transaction() as conn:  # 'Chứng thực' must be a known field
        conn.execute(schema.fields.insert().values(code="G15-TP03", name_vi="Chứng thực",
                                                   name_en="Certification"))
    result = ok(importer.import_file(db, _variant_c(True), "bieu_c.xlsx"))
    frame = loaded(db, result.load_id)
    assert list(frame["code"]) == ["01-S02", "01-S02"]
    hotich = frame[frame["field_code"] == "G15-TP07"].iloc[0]
    # online = full + partial + other; late = both apology columns
    assert values(hotich) == (30, 850, 500, 100, 20, None, 940, 10, 48, 2)
    assert "formula_cached" in {i.code for i in result.warnings}


def test_variant_c_formulas_without_cached_values_are_refused(db):
    with db.transaction() as conn:
        conn.execute(schema.fields.insert().values(code="G15-TP03", name_vi="Chứng thực",
                                                   name_en="Certification"))
    result = importer.import_file(db, _variant_c(False), "bieu_c.xlsx")
    assert result.outcome == "rejected"
    assert {i.code for i in result.errors} == {"formula_no_value"}


def test_a_period_given_when_the_form_has_none(db):
    from datetime import date
    top = [ln for ln in TOP if "Từ ngày" not in ln]
    data = variant_a(good_form_rows(), top=top)
    result = ok(importer.import_file(db, data, "khong_ky.xlsx",
                                     period=(date(2024, 4, 1), date(2024, 6, 30))))
    assert result.periods == [(date(2024, 4, 1), date(2024, 6, 30))]


def test_hierarchical_rows_are_subtotals(db):
    """'1' with children '1.1', '1.2' is a subtotal: the children are stored, not the parent."""
    rows = [["I", "Sở, ban, ngành"],
            ["1", "Hộ tịch"] + a_values(10, 100, 50, 100, 40, 5, 10, 5),
            ["1.1", "Lý lịch tư pháp"] + a_values(10, 60, 20, 60, 20, 5, 5, 0),
            ["1.2", "Đất đai"] + a_values(0, 40, 30, 40, 20, 0, 5, 5)]
    result = ok(importer.import_file(db, variant_a(rows, footer=False), "cap.xlsx"))
    frame = loaded(db, result.load_id)
    assert sorted(frame["field_code"]) == ["G13-TN02", "G15-TP10"]
    rows[1][3] = 999  # the subtotal no longer adds up
    bad = importer.import_file(db, variant_a(rows, footer=False), "cap2.xlsx", replace=True)
    assert "parent_mismatch" in {i.code for i in bad.errors}


# --- the era of a form --------------------------------------------------------------------
def test_a_2026_form_per_field_goes_to_the_unit_of_today(db):
    rows = [["I", "Sở, ban, ngành"],
            [1, "Hộ tịch"] + a_values(20, 300, 100, 200, 150, 10, 50, 10),
            ["II", "Xã, phường, đặc khu"],
            [1, "Hộ tịch"] + a_values(0, 800, 200, 600, 390, 0, 10, 0)]
    result = ok(importer.import_file(db, variant_a(rows, top=top_2026()), "hn_q1_2026.xlsx"))
    frame = loaded(db, result.load_id)
    assert list(zip(frame["code"], frame["locality_code"])) == [
        ("34:01-TH-TINH", "34:01"), ("34:01-TH-XA", "34:01")]
    levels = dict(db.query(sa.select(schema.agencies.c.code, schema.agencies.c.level)
                           .where(schema.agencies.c.code.like("34:01-TH-%"))).values)
    assert levels == {"34:01-TH-TINH": "province", "34:01-TH-XA": "commune"}
    shown = {describe(i, "vi") for i in result.warnings if i.code == "form_combined_agency"}
    assert any("01-TH-XA" in m and "34:" not in m for m in shown)  # codes as people read them


def test_a_2026_form_per_unit_reads_its_units_in_their_era(db):
    add_new_era_agencies(db)
    rows = [[1, "Sở Tư pháp"] + a_values(20, 300, 100, 200, 150, 10, 50, 10),
            [2, "UBND Phường Ba Đình (01-X00004)"] + a_values(0, 80, 20, 60, 39, 0, 1, 0)]
    result = ok(importer.import_file(db, variant_a(rows, top=top_2026(), name_header="Đơn vị"),
                                     "don_vi_2026.xlsx"))
    frame = loaded(db, result.load_id)
    assert list(zip(frame["code"], frame["locality_code"])) == [
        ("34:01-S02", "34:01"), ("34:01-X00004", "34:01")]
    rows.append([3, "UBND Quận Ba Đình"] + a_values(0, 10, 10, 10, 9, 0, 1, 0))
    refused = importer.import_file(db, variant_a(rows, top=top_2026(), name_header="Đơn vị"),
                                   "quan_2026.xlsx", replace=True)
    assert [(i.code, i.row) for i in refused.errors] == [("agency_district_ended", 15)]
    assert "01-H001 (UBND Quận Ba Đình)" in describe(refused.errors[0], "vi")


def test_a_2026_form_of_an_old_province_is_refused_with_its_successor(tmp_path):
    from data_access import reference
    from data_access.db import Database
    ref_db = Database(f"duckdb:///{tmp_path / 'reference.duckdb'}")
    ref_db.create_schema()
    with ref_db.transaction() as conn:
        reference.load_reference(conn)
    rows = [[1, "Hộ tịch"] + a_values(20, 300, 100, 200, 150, 10, 50, 10)]
    for unit, (old, new, code) in (("Sở Tư pháp tỉnh Bắc Giang", ("24", "Bắc Ninh", "24")),
                                   ("UBND tỉnh Quảng Trị (45)", ("45", "Quảng Trị", "44"))):
        result = importer.import_file(ref_db, variant_a(rows, top=top_2026(unit)), "cu.xlsx")
        assert [i.code for i in result.errors] == ["locality_retired"]
        assert f"Mã {old} (" in describe(result.errors[0], "vi")
        assert f"thuộc {new} (mã {code})" in describe(result.errors[0], "vi")
    ref_db.dispose()
