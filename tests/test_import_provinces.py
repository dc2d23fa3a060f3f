"""Files as provinces write them, loaded into the demo database (sample to 09/2025): forms
printed with a title block, merged headers, sections in capitals, Vietnamese numbers as text,
a total row and the signature, date and note blocks under the table; variant B without a
channel split; one sheet per unit in one workbook; agencies named without a code, in any
case, spacing or tone-mark placement; the flat template and the form II.06a downloaded from
/data, loaded as they are. Each loads with the right figures or is refused with its place.

The demo database is built once for the module; each test loads into a copy of it."""
from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from data_access import flat, form06a, importer, sample, schema
from data_access.db import Database
from data_access.stats import totals
from domain.periods import Month, MonthRange
from domain.scope import Scope
from domain.validation import describe
from tests.test_import_corpus import stats_checksum

S, A = schema.dossier_stats, schema.agencies
COLS = ("carried_over", "received_online", "received_direct", "received_postal",
        "resolved_early", "resolved_on_time", "resolved_late", "pending_on_time", "pending_late")
Q4_2025 = "(Từ ngày 15/9/2025 đến ngày 14/12/2025)"  # no data in the demo yet: no replace


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    db = Database(f"duckdb:///{path}")
    sample.generate(db, "demo", until=Month(2025, 9), progress=False)
    db.dispose()
    return path


@pytest.fixture
def demo(demo_path, tmp_path):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_path, path)
    db = Database(f"duckdb:///{path}")
    yield db
    db.dispose()


def ok(result):
    assert result.outcome == "ok", [describe(i, "en") for i in result.issues]
    return result


def loaded(db, load_id) -> dict:
    """{agency code: (field, *COLS)} of a load's rows (None = not reported)."""
    frame = db.query(sa.select(A.c.code, S).join(A, A.c.id == S.c.agency_id)
                     .where(S.c.load_id == load_id))
    return {(r["code"], r["field_code"]): tuple(None if pd.isna(r[c]) else int(r[c]) for c in COLS)
            for r in frame.to_dict("records")}


def vn(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# --- a form as a province prints it ------------------------------------------------------
A_HEADERS = (
    ["STT", "Đơn vị", "Số hồ sơ nhận giải quyết", None, None, None, "Số hồ sơ đã giải quyết",
     None, None, None, "Số hồ sơ đang giải quyết", None, None],
    [None, None, "Tổng số", "Trong kỳ", None, "Từ kỳ trước", "Tổng số", "Trước hạn",
     "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"],
    [None, None, None, "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", None, None, None, None,
     None, None, None, None],
)
A_MERGES = ["A{h}:A{h2}", "B{h}:B{h2}", "C{h}:F{h}", "G{h}:J{h}", "K{h}:M{h}", "C{h1}:C{h2}",
            "D{h1}:E{h1}", "F{h1}:F{h2}", "G{h1}:G{h2}", "H{h1}:H{h2}", "I{h1}:I{h2}",
            "J{h1}:J{h2}", "K{h1}:K{h2}", "L{h1}:L{h2}", "M{h1}:M{h2}"]


def a_row(carried, online, direct, early, on_time, late, p_on, p_late):
    """Columns (3)…(13), Vietnamese-style text for the larger numbers."""
    vals = [carried + online + direct, online, direct, carried, early + on_time + late, early,
            on_time, late, p_on + p_late, p_on, p_late]
    return [vn(v) if v >= 1000 else v for v in vals]


def printed(sheet, unit: str | None, period: str, headers, merges, body, width=13,
            title="Quý IV năm 2025") -> None:
    """Title block (merged across), three merged header rows, the numbering row, the body,
    then the note, date and signature blocks, as the one-stop systems print the form."""
    last = chr(ord("A") + width - 1)
    top = [["UBND THÀNH PHỐ HÀ NỘI"] + [None] * (width - 4) + ["Biểu số II.06a/VPCP/KSTT"],
           ["TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC"],
           [f"Kỳ báo cáo: {title}"], [period],
           (["Đơn vị báo cáo:", None, None, unit] if unit else [None]) + [None] * 4
           + ["Đơn vị nhận báo cáo: Văn phòng Chính phủ"],
           [None] * (width - 3) + ["Đơn vị tính: Số hồ sơ TTHC"], []]
    for row in top:
        sheet.append(row)
    for rng in ("A1:C1", f"{chr(ord(last) - 2)}1:{last}1", f"A2:{last}2", f"A3:{last}3",
                f"A4:{last}4"):
        sheet.merge_cells(rng)
    if unit:
        sheet.merge_cells("A5:C5")
        sheet.merge_cells("D5:H5")
    h = len(top) + 1
    for row in headers:
        sheet.append(row)
    for m in merges:
        sheet.merge_cells(m.format(h=h, h1=h + 1, h2=h + 2))
    sheet.append([f"({i})" for i in range(1, width + 1)])
    for row in body:
        sheet.append(row)
    end = sheet.max_row
    sheet.append(["Ghi chú: (1) Số liệu lấy từ Hệ thống thông tin giải quyết TTHC của thành phố;"
                  " (2) tính đến hết ngày cuối kỳ."])
    sheet.merge_cells(f"A{end + 1}:{last}{end + 1}")
    sheet.append([])
    sheet.append([None] * (width - 4) + ["Hà Nội, ngày 20 tháng 12 năm 2025"])
    sheet.append([None, "NGƯỜI LẬP BIỂU"] + [None] * (width - 6) + ["THỦ TRƯỞNG ĐƠN VỊ"])
    sheet.append([None, "(Ký, ghi rõ họ tên)"] + [None] * (width - 6) + ["(Ký tên, đóng dấu)"])
    sheet.append([])
    sheet.append([None, "Nguyễn Văn An"] + [None] * (width - 6) + ["Trần Thị Bình"])


def workbook(build) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    build(wb)
    out = io.BytesIO()
    wb.save(out)
    return as_excel_saves_it(out.getvalue())


INLINE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"([^>]*)><is><t>(.*?)</t></is></c>', re.S)


def as_excel_saves_it(data: bytes) -> bytes:
    """openpyxl writes texts inline; Excel keeps them in one shared-strings part, each
    written once (xml:space="preserve" where spaces matter), the cells pointing into it."""
    src = zipfile.ZipFile(io.BytesIO(data))
    strings: dict[bytes, int] = {}

    def shared(m):
        index = strings.setdefault(m.group(4), len(strings))
        return b'<c r="%s"%s t="s"%s><v>%d</v></c>' % (m.group(1), m.group(2), m.group(3), index)
    parts = {n: src.read(n) for n in src.namelist()}
    for name in parts:
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = INLINE.sub(shared, parts[name])
    items = b"".join(b'<si><t xml:space="preserve">' + text + b"</t></si>" for text in strings)
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.'
        b'openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (len(strings), len(strings), items))
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.'
        b'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        b"</Relationships>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, body in parts.items():
            dst.writestr(name, body)
    return out.getvalue()


# Hà Nội of today, Q4 2025, one row per unit, written the way people type names.
UNITS = {  # as written → (stored code, the figures)
    "SỞ TƯ PHÁP": ("34:01-S02", (20, 1500, 300, 900, 700, 20, 180, 20)),
    "Sở Văn hoá, Thể thao và Du lịch": ("34:01-S06", (0, 40, 10, 20, 25, 0, 5, 0)),
    "Công an thành phố Hà Nội": ("34:01-S13", (40, 9000, 1000, 6000, 3900, 40, 90, 10)),  # tỉnh
    "UBND phường  Yên Hoà": ("34:01-X00175", (5, 2300, 700, 1500, 1400, 5, 90, 10)),
    "ubnd xã hòa   lạc": ("34:01-X09988", (0, 120, 80, 100, 90, 0, 10, 0)),
    "Ủy ban nhân dân X. Ứng Hoà": ("34:01-X10402", (1, 60, 40, 50, 45, 0, 6, 0)),
}


def _per_unit_body(units=UNITS):
    depts = [(k, v) for k, v in units.items() if v[0].split("-")[1].startswith("S")]
    communes = [(k, v) for k, v in units.items() if k not in dict(depts)]
    body = [["I", "SỞ, BAN, NGÀNH"]]
    body += [[f"{i}.", name, *a_row(*v[1])] for i, (name, v) in enumerate(depts, 1)]
    body += [["II", "XÃ, PHƯỜNG, ĐẶC KHU"]]
    body += [[f"{i}.", name, *a_row(*v[1])] for i, (name, v) in enumerate(communes, 1)]
    total = [sum(x) for x in zip(*(v[1] for v in units.values()))]
    body += [[None, "TỔNG CỘNG", *a_row(*total)]]
    return body


def test_a_printed_form_per_unit_names_its_units_any_way(demo):
    data = workbook(lambda wb: printed(wb.create_sheet("Bieu 06a"), "UBND thành phố Hà Nội",
                                       Q4_2025, A_HEADERS, A_MERGES, _per_unit_body()))
    result = ok(importer.import_file(demo, data, "hn_q4_2025.xlsx"))
    rows = loaded(demo, result.load_id)
    for code, figures in UNITS.values():
        carried, online, direct, early, on_time, late, p_on, p_late = figures
        assert rows[(code, form06a.ALL_FIELDS)] == (
            carried, online, direct, None, early, on_time, late, p_on, p_late), code
    stored = demo.query(sa.select(S.c.month_first, S.c.month_last).where(
        S.c.load_id == result.load_id)).drop_duplicates()
    assert [(str(a), str(b)) for a, b in stored.itertuples(index=False)] == [
        ("2025-10-01", "2025-12-01")]  # 15/09–14/12: October to December
    assert result.new_agencies == []


def test_a_unit_nobody_knows_is_refused_with_the_closest_names_then_created_on_request(demo):
    units = dict(UNITS)
    units["UBND Phường Yên Hoa"] = ("34:01-NEW", (0, 10, 0, 5, 5, 0, 0, 0))  # Hoa ≠ Hòa
    data = workbook(lambda wb: printed(wb.create_sheet("Bieu 06a"), "UBND thành phố Hà Nội",
                                       Q4_2025, A_HEADERS, A_MERGES, _per_unit_body(units)))
    before = stats_checksum(demo)
    refused = importer.import_file(demo, data, "hn_q4_2025.xlsx")
    assert [(i.code, i.row) for i in refused.errors] == [("unknown_agency_name", 20)]
    message = describe(refused.errors[0], "vi")
    assert "UBND Phường Yên Hòa" in message and "--create-agencies" in message
    assert stats_checksum(demo) == before
    created = ok(importer.import_file(demo, data, "hn_q4_2025.xlsx", create_agencies=True))
    (code,) = created.new_agencies
    assert code.startswith("34:01-N")
    new = demo.query(sa.select(A).where(A.c.code == code)).iloc[0]
    assert (new["name_vi"], new["level"], new["locality_code"]) == (
        "UBND Phường Yên Hoa", "commune", "34:01")


# --- variant B, new dossiers not split by channel -------------------------------------------
B_HEADERS = (
    ["TT", "Tên đơn vị", "Số hồ sơ nhận giải quyết", None, None, "Kết quả giải quyết", None,
     None, None, None, None],
    [None, None, "Tổng số", "Trong đó", None, "Số hồ sơ đã giải quyết", None, None,
     "Số hồ sơ đang giải quyết", None, None],
    [None, None, None, "Số kỳ trước chuyển qua", "Số mới tiếp nhận", "Tổng số",
     "Trả đúng thời hạn", "Trả quá hạn", "Tổng số", "Chưa đến hạn", "Quá hạn"],
)
B_MERGES = ["A{h}:A{h2}", "B{h}:B{h2}", "C{h}:E{h}", "F{h}:K{h}", "C{h1}:C{h2}", "D{h1}:E{h1}",
            "F{h1}:H{h1}", "I{h1}:K{h1}"]


def b_row(carried, new, in_time, late, p_on, p_late):
    return [carried + new, carried, new, in_time + late, in_time, late, p_on + p_late, p_on,
            p_late]


def test_variant_b_without_a_channel_split_leaves_the_channels_blank(demo):
    """2021, the 63 provinces: 'Số mới tiếp nhận' is one figure; online, in person and post
    stay blank (not reported), never zero or a guess; the figure is reconciled, not stored."""
    body = [[1, "Sở Tư pháp", *b_row(12, 4310, 4200, 22, 90, 10)],
            [2, "UBND quận Ba Đình", *b_row(3, 850, 800, 3, 50, 0)],
            [None, "Cộng", *b_row(15, 5160, 5000, 25, 140, 10)]]
    data = workbook(lambda wb: printed(
        wb.create_sheet("6 thang"), "UBND thành phố Hà Nội",
        "(Từ ngày 15 tháng 12 năm 2020 đến ngày 14 tháng 6 năm 2021)", B_HEADERS, B_MERGES,
        body, width=11, title="6 tháng đầu năm 2021"))
    result = ok(importer.import_file(demo, data, "hn_6t_2021.xlsx"))
    rows = loaded(demo, result.load_id)
    assert rows[("01-S02", form06a.ALL_FIELDS)] == (12, None, None, None, None, 4200, 22, 90, 10)
    assert rows[("01-H001", form06a.ALL_FIELDS)] == (3, None, None, None, None, 800, 3, 50, 0)
    warning = next(i for i in result.warnings if i.code == "form_new_unsplit")
    assert "5.160" in describe(warning, "vi")
    # a broken sum is still caught: total ≠ carried over + new
    body[0][2] = 9999
    refused = importer.import_file(demo, workbook(lambda wb: printed(
        wb.create_sheet("6 thang"), "UBND thành phố Hà Nội",
        "(Từ ngày 15/12/2020 đến ngày 14/6/2021)", B_HEADERS, B_MERGES, body, width=11)),
        "sai.xlsx", replace=True)
    assert ("identity_received", 12) in [(i.code, i.row) for i in refused.errors]


# --- one sheet per unit --------------------------------------------------------------------
FIELD_HEADERS = tuple([("Lĩnh vực, công việc giải quyết theo cấp" if v == "Đơn vị" else v)
                       for v in row] for row in A_HEADERS)


def test_one_sheet_per_unit_in_one_workbook(demo):
    """A department's and a ward's sheets, each per field; the second names its unit only by
    the sheet's name; a hidden list sheet is not read."""
    def build(wb):
        printed(wb.create_sheet("Sở Tư pháp"), "Sở Tư pháp thành phố Hà Nội", Q4_2025,
                FIELD_HEADERS, A_MERGES,
                [[1, "Hộ tịch", *a_row(10, 300, 100, 200, 190, 0, 20, 0)],
                 [2, "Chứng thực", *a_row(0, 1200, 800, 1000, 990, 0, 10, 0)],
                 [None, "Tổng số", *a_row(10, 1500, 900, 1200, 1180, 0, 30, 0)]])
        printed(wb.create_sheet("UBND Phường Yên Hòa"), None, Q4_2025, FIELD_HEADERS, A_MERGES,
                [[1, "Hộ tịch", *a_row(2, 80, 20, 60, 38, 0, 4, 0)]])
        hidden = wb.create_sheet("Danh mục")
        hidden.append(["Mã", "Tên"])
        hidden.sheet_state = "hidden"
    result = ok(importer.import_file(demo, workbook(build), "hn_theo_don_vi.xlsx"))
    rows = loaded(demo, result.load_id)
    assert rows == {
        ("34:01-S02", "G15-TP07"): (10, 300, 100, None, 200, 190, 0, 20, 0),
        ("34:01-S02", "G15-TP03"): (0, 1200, 800, None, 1000, 990, 0, 10, 0),
        ("34:01-X00175", "G15-TP07"): (2, 80, 20, None, 60, 38, 0, 4, 0)}


def test_a_department_named_alone_under_its_province_heading(demo):
    """The heading of an administrative document: 'UBND THÀNH PHỐ HÀ NỘI' over 'SỞ TƯ PHÁP';
    'Đơn vị báo cáo: Sở Tư pháp' (34 departments bear that name); a 'Mã lĩnh vực' column; the
    period written out in words."""
    headers = tuple([row[0], "Mã lĩnh vực", *row[1:]] for row in FIELD_HEADERS)
    merges = ["A{h}:A{h2}", "B{h}:B{h2}", "C{h}:C{h2}", "D{h}:G{h}", "H{h}:K{h}", "L{h}:N{h}",
              "D{h1}:D{h2}", "E{h1}:F{h1}", "G{h1}:G{h2}"] + \
        [f"{c}{{h1}}:{c}{{h2}}" for c in "HIJKLMN"]

    def build(wb):
        ws = wb.create_sheet("Q4")
        printed(ws, "Sở Tư pháp", "(Từ ngày 15 tháng 9 năm 2025 đến ngày 14 tháng 12 năm 2025)",
                headers, merges, [[1, "G15-TP07", "Hộ tịch tư pháp", *a_row(
                    3, 90, 10, 50, 45, 0, 8, 0)]], width=14)
        ws["A1"] = "UBND THÀNH PHỐ HÀ NỘI"
        ws["A2"] = "SỞ TƯ PHÁP"  # the issuing body under its superior, top left
    result = ok(importer.import_file(demo, workbook(build), "stp_q4.xlsx"))
    assert loaded(demo, result.load_id) == {
        ("34:01-S02", "G15-TP07"): (3, 90, 10, None, 50, 45, 0, 8, 0)}


def test_a_csv_saved_as_unicode_text(demo):
    """Excel's 'Unicode Text': UTF-16 with its BOM, tab-separated."""
    rows = [_named("Sở Tư pháp")]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    result = ok(importer.import_file(demo, buf.getvalue().encode("utf-16"), "unicode.txt"))
    assert list(loaded(demo, result.load_id)) == [("34:01-S02", "G15-TP07")]


# --- the flat template, agencies named without a code --------------------------------------
def _flat_csv(rows: list[dict]) -> bytes:
    """As Excel saves 'CSV UTF-8': a BOM, ';' in a Vietnamese locale, CRLF, a quoted line
    break inside a cell, and a note column that is not the template's."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _named(name, **changes):
    row = {"period_start": "15/09/2025", "period_end": "14/12/2025", "locality_code": "Hà Nội",
           "agency_code": "", "agency_name": name, "agency_level": "", "field_code": "G15-TP07",
           "procedure_code": "", "carried_over": "1.000", "received_online": "2.500",
           "received_direct": 500, "received_postal": "", "resolved_early": "1.200",
           "resolved_on_time": "2.700", "resolved_late": 50, "pending_on_time": 40,
           "pending_late": 10, "ghi_chu": "Số liệu\r\nđã rà soát"}
    return {**row, **changes}


def test_flat_rows_naming_agencies_without_a_code(demo):
    rows = [_named("UBND Phường\nYên Hoà"),  # a line break typed inside the cell
            _named("sở  tư pháp"), _named("Sở Văn hoá, Thể thao và Du lịch")]
    result = ok(importer.import_file(demo, _flat_csv(rows), "theo_ten.csv"))
    got = loaded(demo, result.load_id)
    assert set(got) == {("34:01-X00175", "G15-TP07"), ("34:01-S02", "G15-TP07"),
                        ("34:01-S06", "G15-TP07")}
    assert set(got.values()) == {(1000, 2500, 500, None, 1200, 2700, 50, 40, 10)}
    assert {i.code for i in result.warnings} == {"column_ignored"}


def test_flat_rows_naming_an_unknown_agency(demo):
    rows = [_named("UBND Phường Yên Hoà"), _named("Trung tâm Hành chính công Hà Nôi")]
    before = stats_checksum(demo)
    refused = importer.import_file(demo, _flat_csv(rows), "theo_ten.csv")
    assert [(i.code, i.row, i.column) for i in refused.errors] == [
        ("unknown_agency_name", 3, "agency_name")]
    assert "Trung tâm Phục vụ hành chính công" in describe(refused.errors[0], "vi")
    no_level = importer.import_file(demo, _flat_csv(rows), "theo_ten.csv", create_agencies=True)
    assert [i.code for i in no_level.errors] == ["new_agency_level"]
    assert stats_checksum(demo) == before
    rows[1]["agency_level"] = "province"
    done = ok(importer.import_file(demo, _flat_csv(rows), "theo_ten.csv", create_agencies=True))
    assert len(done.new_agencies) == 1 and done.new_agencies[0].startswith("34:01-N")
    again = [_named("trung tâm hành chính công  Hà Nôi", period_start="15/12/2025",
                    period_end="14/01/2026")]  # matched now, not created twice
    assert ok(importer.import_file(demo, _flat_csv(again), "lan2.csv")).new_agencies == []


def test_the_flat_template_with_a_signature_block_under_it(demo):
    """A province signs the template too: the note, date and signature rows under the table
    are not data; a row with a period after them still is (and says what is wrong)."""
    rows = [_named("", agency_code="01-S02"), _named("", agency_code="01-S06")]
    cols = list(rows[0])
    table = [cols] + [[r[c] if r[c] != "" else None for c in cols] for r in rows]
    footer = [[], ["Ghi chú: số liệu tạm tính"],
              [None, None, None, "Hà Nội, ngày 20 tháng 12 năm 2025"],
              ["NGƯỜI LẬP BIỂU", None, None, "THỦ TRƯỞNG ĐƠN VỊ"], ["(Ký, ghi rõ họ tên)"],
              [], ["Nguyễn Văn An", None, None, "Trần Thị Bình"]]

    def book(extra):
        def build(wb):
            ws = wb.create_sheet("data")
            for row in table + footer + extra:
                ws.append(row)
        return workbook(build)
    result = ok(importer.import_file(demo, book([]), "ky_ten.xlsx"))
    assert result.rows == 2
    late = [[r if r != "" else None for r in _named("", agency_code="01-S09").values()]]
    refused = importer.import_file(demo, book(late), "ky_ten_2.xlsx")
    assert refused.outcome == "rejected"
    assert {(i.code, i.row) for i in refused.errors} >= {("required_value", 5)}  # "Ghi chú"


# --- what /data hands out loads back as it is ------------------------------------------------
@pytest.mark.parametrize("kind", ["csv", "xlsx-vi", "xlsx-en"])
def test_the_template_downloaded_from_data_loads_as_is(demo, kind):
    data = flat.template_csv() if kind == "csv" else flat.template_xlsx(kind[-2:])
    result = ok(importer.import_file(demo, data, f"mau.{kind[:4]}"))
    (row,) = loaded(demo, result.load_id).items()
    assert row == (("34:01-S02", "G15-TP07"), (10, 60, 35, 5, 50, 40, 5, 12, 3))
    assert result.periods == [(date(2026, 1, 1), date(2026, 1, 31))]


def test_the_form_downloaded_from_data_loads_back_with_the_same_figures(demo):
    q3 = MonthRange(Month(2025, 7), Month(2025, 9))
    hanoi = Scope(locality="34:01")
    measures = list(form06a.MEASURES)
    before = totals(demo, hanoi, q3, measures, by="agency").set_index("key")
    monthly = demo.scalar(sa.select(sa.func.count()).select_from(S).where(
        S.c.locality_code == "34:01", S.c.month_first >= q3.start))
    data = form06a.form_workbook(demo, hanoi, q3, source="demo")
    result = ok(importer.import_file(demo, data, "II06a_01_2025-07_2025-09.xlsx", replace=True))
    assert (result.replaced, result.rows) == (monthly, len(before))  # one row a unit now
    after = totals(demo, hanoi, q3, measures, by="agency").set_index("key")
    pd.testing.assert_frame_equal(after.sort_index(), before.sort_index(), check_dtype=False)
