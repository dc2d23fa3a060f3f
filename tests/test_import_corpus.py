"""The corpus of bad files: each is built here (openpyxl, csv, raw bytes), must be refused with
its message — in Vietnamese and English, with its sheet / row / column where it has one — and
must leave the database exactly as it was (one 'rejected' line is added to the load log).

The builders at the top are shared by the other import and export tests."""
from __future__ import annotations

import csv
import io
import re
import zipfile

import pandas as pd
import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from data_access import importer, schema
from data_access.db import bulk_insert
from domain.validation import describe

# --- builders -----------------------------------------------------------------------------
BASE = {
    "period_start": "2024-04-01", "period_end": "2024-04-30", "locality_code": "01",
    "agency_code": "01-S02", "agency_name": "", "agency_level": "", "field_code": "G15-TP07",
    "procedure_code": "1.001193", "carried_over": 10, "received_online": 60,
    "received_full_online": 30, "received_direct": 35, "received_postal": 5,
    "resolved_early": 50, "resolved_on_time": 40, "resolved_late": 5, "pending_on_time": 12,
    "pending_late": 3, "paid_online": "", "fee_bearing": "", "rated": 20, "not_satisfied": 1,
}


def flat_row(**changes) -> dict:
    return {**BASE, **changes}


def month_2026(**changes) -> dict:
    """A row of today's units: April 2026, read in the era of the 34 provinces."""
    return flat_row(period_start="2026-04-01", period_end="2026-04-30", **changes)


# Agencies of today's units (codes carry the era), added by the tests that need them.
NEW_ERA_AGENCIES = [
    {"id": 101, "code": "34:01-S02", "locality_code": "34:01", "level": "province",
     "name_vi": "Sở Tư pháp", "name_en": "Department of Justice"},
    {"id": 102, "code": "34:01-X00004", "locality_code": "34:01", "level": "commune",
     "name_vi": "UBND Phường Ba Đình", "name_en": "Ba Dinh Ward People's Committee"},
    {"id": 103, "code": "34:79-S02", "locality_code": "34:79", "level": "province",
     "name_vi": "Sở Tư pháp", "name_en": "Department of Justice"},
]


def add_new_era_agencies(db) -> None:
    with db.transaction() as conn:
        bulk_insert(conn, schema.agencies, pd.DataFrame(NEW_ERA_AGENCIES))


def flat_csv(rows: list[dict], sep: str = ",", encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), delimiter=sep, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list], *, title: str = "data", merges=(), more_sheets=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    for name, sheet_rows in (more_sheets or {}).items():
        other = wb.create_sheet(name)
        for row in sheet_rows:
            other.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def flat_xlsx(rows: list[dict]) -> bytes:
    cols = list(rows[0])
    return xlsx_bytes([cols] + [[r[c] if r[c] != "" else None for c in cols] for r in rows])


def with_cached_values(data: bytes, values: dict[str, object], sheet: int = 1) -> bytes:
    """Write the values Excel would have cached into formula cells (openpyxl writes none)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == f"xl/worksheets/sheet{sheet}.xml":
                text = body.decode()
                for ref, value in values.items():
                    # an empty value as openpyxl writes it: <v/>, or <v></v> with lxml
                    text = re.sub(rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)(?:<v ?/>|<v></v>)',
                                  rf"\g<1><v>{value}</v>", text)
                body = text.encode()
            dst.writestr(item, body)
    return out.getvalue()


def with_vba(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                body = body.replace(b"spreadsheetml.sheet.main+xml",
                                    b"sheet.macroEnabled.main+xml")
            dst.writestr(item, body)
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 fake VBA project")
    return out.getvalue()


def vn(n: int) -> str:
    """10361 → '10.361', as Vietnamese reports write numbers (text cells)."""
    return f"{n:,}".replace(",", ".")


TOP = ["Biểu số II.06a/VPCP/KSTT",
       "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC",
       "Kỳ báo cáo: Quý II năm 2024",
       "(Từ ngày 01/04/2024 đến ngày 30/06/2024)",
       "Đơn vị báo cáo: UBND Thành phố Hà Nội",
       "Đơn vị nhận báo cáo: Văn phòng Chính phủ",
       "Đơn vị tính: Số hồ sơ TTHC"]


def top_2026(unit: str = "UBND Thành phố Hà Nội") -> list[str]:
    """The header block of a report of the first quarter of 2026 (the era of the 34)."""
    return [ln.replace("Quý II năm 2024", "Quý I năm 2026")
            .replace("01/04/2024", "01/01/2026").replace("30/06/2024", "31/03/2026")
            .replace("UBND Thành phố Hà Nội", unit) for ln in TOP]


def a_values(carried, online, direct, early, on_time, late, p_on, p_late, text=False):
    """Columns (3)…(13) of variant A; text=True writes them Vietnamese-style as text."""
    vals = [carried + online + direct, online, direct, carried, early + on_time + late, early,
            on_time, late, p_on + p_late, p_on, p_late]
    return [vn(v) if text else v for v in vals]


def variant_a(data_rows: list[list], top=None, name_header="Lĩnh vực, công việc giải quyết theo cấp",
              numbering=True, footer=True) -> bytes:
    """Form II.06a, variant A: three merged header rows, the numbering row, the data rows."""
    top = TOP if top is None else top
    h = len(top) + 2  # the first header row (1-based)
    rows = [[line] for line in top] + [[]]
    rows.append(["STT", name_header, "Số hồ sơ nhận giải quyết", None, None, None,
                 "Số hồ sơ đã giải quyết", None, None, None, "Số hồ sơ đang giải quyết", None, None])
    rows.append([None, None, "Tổng số", "Trong đó", None, "Từ kỳ trước", "Tổng số", "Trước hạn",
                 "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"])
    rows.append([None, None, None, "Trực tuyến", "Trực tiếp, dịch vụ bưu chính"] + [None] * 8)
    if numbering:
        rows.append([f"({i})" for i in range(1, 14)])
    rows += data_rows
    if footer:
        rows += [[], [None, "Người lập biểu", None, None, None, None, None, None, "Thủ trưởng đơn vị"]]
    merges = [f"A{h}:A{h + 2}", f"B{h}:B{h + 2}", f"C{h}:F{h}", f"G{h}:J{h}", f"K{h}:M{h}",
              f"C{h + 1}:C{h + 2}", f"D{h + 1}:E{h + 1}", f"F{h + 1}:F{h + 2}"]
    merges += [f"{c}{h + 1}:{c}{h + 2}" for c in "GHIJKLM"]
    return xlsx_bytes(rows, title="Biểu II.06a", merges=merges)


def good_form_rows():
    """A province's report per field, in sections by level, total row first."""
    hotich = a_values(20, 10361, 2500, 9000, 3500, 61, 300, 20, text=True)
    lltp = a_values(5, 400, 100, 300, 190, 5, 10, 0)
    dat = a_values(50, 120, 300, 100, 200, 70, 80, 20)
    xa = a_values(0, 800, 200, 600, 390, 0, 10, 0)
    total = [sum(int(str(v).replace(".", "")) for v in col) for col in zip(hotich, lltp, dat, xa)]
    sec1 = [sum(int(str(v).replace(".", "")) for v in col) for col in zip(hotich, lltp)]
    return [
        [None, "Tổng số"] + total,
        ["I", "Sở, ban, ngành"] + sec1,
        [1, "Hộ tịch"] + hotich,
        [2, "Lý lịch tư pháp"] + lltp,
        ["II", "Huyện, thị xã, thành phố"] + dat,
        [1, "Lĩnh vực Đất đai"] + dat,
        ["III", "Xã, phường, thị trấn"],
        [1, "Hộ tịch"] + xa,
    ]


def snapshot(db) -> dict:
    """Everything an import may change, except the audit lines of refused attempts."""
    out = {}
    with db.connect() as conn:
        for table in (schema.dossier_stats, schema.agencies, schema.fields, schema.localities,
                      schema.procedures, schema.data_loads):
            stmt = sa.select(table)
            if table is schema.data_loads:
                stmt = stmt.where(table.c.outcome == "ok")
            out[table.name] = sorted(map(str, (dict(r._mapping) for r in conn.execute(stmt))))
    return out


def stats_checksum(db) -> tuple:
    """dossier_stats as one figure (DuckDB): any change to any row changes it."""
    with db.connect() as conn:
        return tuple(conn.execute(sa.text(
            "SELECT count(*), sum(hash(t)::HUGEINT) FROM dossier_stats t")).one())


def rejected_lines(db) -> int:
    return db.scalar(sa.select(sa.func.count()).select_from(schema.data_loads)
                     .where(schema.data_loads.c.outcome == "rejected"))


@pytest.fixture(scope="module")
def module_db(tmp_path_factory):
    from data_access.db import Database
    from tests import fixture_data
    db = Database(f"duckdb:///{tmp_path_factory.mktemp('corpus') / 'corpus.duckdb'}")
    fixture_data.build(db)
    yield db
    db.dispose()


# --- the corpus: (id, file name, bytes builder, expected code, expected location, text) ---
def _truncated():
    data = flat_xlsx([flat_row()])
    return data[: len(data) // 2]


def _zip_without_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("notes.txt", "hello")
    return out.getvalue()


def _ole(encrypted: bool) -> bytes:
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    if encrypted:
        body += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64
        body += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    else:
        body += "Workbook".encode("utf-16-le") + b"\x00" * 64
    return bytes(body)


def _formula_without_cache():
    rows = good_form_rows()
    rows[0] = [None, "Tổng số"] + [f"=SUM({c}15:{c}20)" for c in "CDEFGHIJKLM"]
    return variant_a(rows)


def _form(mutate):
    rows = good_form_rows()
    mutate(rows)
    return variant_a(rows)


def _set(rows, r, c, value):
    rows[r][c] = value


def _no_pending_group():
    data = variant_a(good_form_rows())
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    for rng in list(ws.merged_cells.ranges):
        if rng.min_col >= 11:
            ws.unmerge_cells(str(rng))
    ws.delete_cols(11, 3)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


CORPUS = [
    ("empty", "bao_cao.xlsx", lambda: b"", "file_empty", None, None),
    ("not_a_table", "bao_cao.pdf", lambda: b"%PDF-1.4\x00\x01\x02binary", "file_not_table", None, None),
    ("too_large", "lon.csv", lambda: b"a," * (26 * 1024 * 1024), "file_too_large", None, "50 MB"),
    ("damaged_zip", "hong.xlsx", _truncated, "file_damaged", None, None),
    ("zip_not_workbook", "nen.xlsx", _zip_without_workbook, "file_damaged", None, None),
    ("macro_xlsm", "macro.xlsm", lambda: with_vba(flat_xlsx([flat_row()])), "file_macro", None, None),
    ("macro_inside_xlsx", "macro.xlsx", lambda: with_vba(flat_xlsx([flat_row()])), "file_macro",
     None, None),
    ("password", "mat_khau.xlsx", lambda: _ole(True), "file_protected", None, None),
    ("legacy_xls", "cu.xls", lambda: _ole(False), "file_xls", None, None),
    ("csv_not_utf8", "cp1258.csv",
     lambda: flat_csv([flat_row(agency_name="Sở Tư pháp")]).decode().encode("cp1258", "replace"),
     "csv_encoding",
     None, None),
    ("csv_ragged", "lech.csv", lambda: flat_csv([flat_row()]) + b"1,2,3,4,5,6,7,8,9,10,11,12,13,"
     b"14,15,16,17,18,19,20,21,22,23,24,25,26,27,28\n", "csv_damaged", None, None),
    ("no_header", "khac.xlsx", lambda: xlsx_bytes([["Báo cáo tháng"], ["Không có bảng"]]),
     "no_header", ("data", None, None), None),
    ("empty_sheet", "trong.xlsx", lambda: xlsx_bytes([]), "sheet_empty", ("data", None, None), None),
    ("header_only", "chi_tieu_de.csv", lambda: flat_csv([flat_row()]).split(b"\n")[0] + b"\n",
     "sheet_no_rows", None, None),
    ("missing_column", "thieu.csv", lambda: flat_csv([{k: v for k, v in flat_row().items()
                                                       if k not in ("agency_code", "agency_name")}]),
     "missing_column", ("CSV", None, "agency_code"), None),
    ("unknown_locality", "tinh.csv", lambda: flat_csv([flat_row(locality_code="99")]),
     "unknown_locality", ("CSV", 2, "locality_code"), None),
    ("unknown_agency", "coquan.csv", lambda: flat_csv([flat_row(agency_code="01-S2")]),
     "unknown_agency", ("CSV", 2, "agency_code"), "01-S02 (Sở Tư pháp)"),
    ("unknown_field", "linhvuc.csv",
     lambda: flat_csv([flat_row(field_code="G15-TP7", procedure_code="")]),
     "unknown_field", ("CSV", 2, "field_code"), "G15-TP07 (Hộ tịch)"),
    ("unknown_procedure", "thutuc.csv", lambda: flat_csv([flat_row(procedure_code="1.00119")]),
     "unknown_procedure", ("CSV", 2, "procedure_code"), "1.001193 (Đăng ký khai sinh)"),
    ("text_in_count", "chu.xlsx", lambda: flat_xlsx([flat_row(), flat_row(
        procedure_code="1.004227", field_code="", received_online="mười")]),
     "count_text", ("data", 3, "received_online"), "mười"),
    ("negative_count", "am.csv", lambda: flat_csv([flat_row(resolved_late="-5")]),
     "count_negative", ("CSV", 2, "resolved_late"), None),
    ("fraction_count", "le.xlsx", lambda: flat_xlsx([flat_row(pending_late=2.5)]),
     "count_fraction", ("data", 2, "pending_late"), None),
    ("bad_date", "ngay.csv", lambda: flat_csv([flat_row(period_start="31/02/2024")]),
     "bad_date", ("CSV", 2, "period_start"), None),
    ("period_order", "nguoc.csv", lambda: flat_csv([flat_row(period_end="2024-03-31")]),
     "period_order", ("CSV", 2, "period_end"), None),
    ("duplicate_rows", "trung.csv", lambda: flat_csv([flat_row(), flat_row()]),
     "duplicate_row", ("CSV", 3, None), None),
    ("overlap_in_file", "chong_lan.csv", lambda: flat_csv([flat_row(), flat_row(
        period_start="2024-04-01", period_end="2024-06-30")]), "overlap_in_file", ("CSV", 3, None),
     None),
    ("overlap_with_database", "da_co.csv", lambda: flat_csv([flat_row(
        period_start="2024-01-15", period_end="2024-02-14")]), "overlap", ("CSV", 2, None),
     "01-S02"),
    ("agency_wrong_locality", "sai_tinh.csv", lambda: flat_csv([flat_row(locality_code="79")]),
     "agency_locality", ("CSV", 2, "locality_code"), None),
    ("new_agency_bad_level", "cap.csv", lambda: flat_csv([flat_row(
        agency_code="01-MOI", agency_name="Sở Mới", agency_level="tỉnh")]), "bad_level",
     ("CSV", 2, "agency_level"), None),
    ("full_online_above_online", "toan_trinh.csv", lambda: flat_csv([flat_row(
        received_full_online=70)]), "bound_received_full_online", ("CSV", 2, None), None),
    ("form_formula_without_value", "cong_thuc.xlsx", _formula_without_cache,
     "formula_no_value", ("Biểu II.06a", 13, "C"), None),
    ("form_no_period", "khong_ky.xlsx", lambda: variant_a(
        good_form_rows(), top=[ln for ln in TOP if "Từ ngày" not in ln]), "period_missing",
     ("Biểu II.06a", None, None), None),
    ("form_unknown_unit", "don_vi.xlsx", lambda: variant_a(
        good_form_rows(), top=[ln.replace("Hà Nội", "Hà Nọi Mới") for ln in TOP]),
     "unknown_unit", ("Biểu II.06a", None, None), "Hà Nội"),
    ("form_unknown_field", "ten_linh_vuc.xlsx", lambda: _form(lambda r: _set(r, 3, 1, "Lý lịch tư phap x")),
     "unknown_field_name", ("Biểu II.06a", 16, None), "Lý lịch tư pháp"),
    ("form_identity_broken", "dong_nhat.xlsx", lambda: _form(lambda r: _set(r, 3, 6, 999)),
     "identity_resolved", ("Biểu II.06a", 16, None), None),
    ("form_total_mismatch", "tong.xlsx", lambda: _form(lambda r: _set(r, 0, 3, 1)),
     "total_mismatch", ("Biểu II.06a", 13, "Trực tuyến"), None),
    ("form_missing_group", "thieu_nhom.xlsx", _no_pending_group, "missing_column",
     ("Biểu II.06a", None, "Đang giải quyết trong hạn"), None),
    ("form_text_number", "so_chu.xlsx", lambda: _form(lambda r: _set(r, 7, 3, "tám trăm")),
     "count_text", ("Biểu II.06a", 20, "D (Trực tuyến)"), None),
    # the era of a report: that of the last month it covers (domain/eras.py)
    ("district_in_2026", "huyen_2026.csv", lambda: flat_csv([month_2026(agency_code="01-H001")]),
     "agency_district_ended", ("CSV", 2, "agency_code"), "01-H001 (UBND Quận Ba Đình)"),
    ("old_department_in_2026", "so_cu_2026.csv", lambda: flat_csv([month_2026()]),
     "agency_old_era", ("CSV", 2, "agency_code"), "01-S02 (Sở Tư pháp)"),
    ("agency_of_today_in_2024", "trung_tam_2024.csv", lambda: flat_csv([flat_row(
        agency_code="34:01-TTPVHCC", agency_name="Trung tâm Phục vụ hành chính công",
        agency_level="province")]), "agency_not_yet", ("CSV", 2, "agency_code"), "01-TTPVHCC"),
    ("new_district_in_2026", "huyen_moi.csv", lambda: flat_csv([month_2026(
        agency_code="01-H999", agency_name="UBND Huyện Mới", agency_level="district")]),
     "agency_district_ended", ("CSV", 2, "agency_code"), "01-H999 (UBND Huyện Mới)"),
    ("form_district_section_2026", "huyen_2026.xlsx", lambda: variant_a(
        good_form_rows(), top=top_2026()), "section_district_ended", ("Biểu II.06a", 18, None),
     None),
]


@pytest.mark.parametrize("case", CORPUS, ids=[c[0] for c in CORPUS])
def test_bad_file_is_refused_and_changes_nothing(module_db, case):
    _, name, build, code, where, text = case
    data = build()
    before, refused_before = snapshot(module_db), rejected_lines(module_db)
    result = importer.import_file(module_db, data, name, who="tests")
    assert result.outcome == "rejected", [describe(i, "en") for i in result.issues]
    hits = [i for i in result.errors if i.code == code]
    assert hits, f"expected {code}, got {[describe(i, 'en') for i in result.errors]}"
    first = hits[0]
    if where is not None:
        sheet, row, column = where
        assert first.sheet == sheet
        if row is not None:
            assert first.row == row
        if column is not None:
            assert column in (first.column or "")
    for lang in ("vi", "en"):
        message = describe(first, lang)
        assert message and "{" not in message
        if text:
            assert text in message, message
    assert re.search(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]",
                     describe(first, "vi"), re.IGNORECASE) or first.code in ("file_too_large",)
    assert snapshot(module_db) == before
    assert rejected_lines(module_db) == refused_before + 1
    assert result.summary("vi").startswith("Không nạp")


def test_the_corpus_is_large_enough():
    assert len(CORPUS) >= 25
    assert len({c[3] for c in CORPUS}) >= 25


def test_a_dry_run_records_nothing(module_db):
    before = module_db.scalar(sa.select(sa.func.count()).select_from(schema.data_loads))
    result = importer.import_file(module_db, b"", "x.csv", dry_run=True)
    assert result.outcome == "rejected"
    assert module_db.scalar(sa.select(sa.func.count()).select_from(schema.data_loads)) == before
