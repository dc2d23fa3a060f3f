"""table_workbook, the one way a table of the app leaves as .xlsx: the lines above the table,
translated headers, real numbers with number formats, a frozen header, and text that Excel
would run as a formula kept as text."""
from __future__ import annotations

import io
from types import SimpleNamespace

import pandas as pd
from openpyxl import load_workbook

from data_access.xlsx import table_workbook


def workbook(table, **kw):
    data = table_workbook(table, title="Tiếp nhận theo địa phương",
                          context_lines=["Kỳ báo cáo: 01/2024 – 03/2024", "Địa phương: Hà Nội"],
                          source="Nguồn số liệu: báo cáo do các đơn vị nạp (1 lần nạp).", **kw)
    return load_workbook(io.BytesIO(data)).active


TABLE = pd.DataFrame({
    "Mã": ["01", "79", "B-TP"],
    "Tên": ["=HYPERLINK(\"http://x\")", "+84 hotline", "@sum"],
    "Hồ sơ tiếp nhận mới": pd.array([1550, 10361, None], dtype="Int64"),
    "Tỷ lệ trực tuyến": [0.803, 0.5, float("nan")],
    "Số tiền": [180000000.0, 0.0, 25000.0],
    "Ghi chú": ["-5 hồ sơ", "bình thường", None],
})
FORMATS = {"Mã": "text", "Tên": "text", "Hồ sơ tiếp nhận mới": "int", "Tỷ lệ trực tuyến": "pct",
           "Số tiền": "vnd"}


def test_lines_above_the_table_and_headers():
    ws = workbook(TABLE, formats=FORMATS)
    assert ws["A1"].value == "Tiếp nhận theo địa phương"
    assert ws["A2"].value == "Kỳ báo cáo: 01/2024 – 03/2024"
    assert ws["A3"].value == "Địa phương: Hà Nội"
    assert ws["A4"].value.startswith("Nguồn số liệu")
    assert [c.value for c in ws[6]] == list(TABLE.columns)
    assert ws.freeze_panes == "A7"
    assert ws.column_dimensions["C"].width >= len("Hồ sơ tiếp nhận mới")


def test_numbers_stay_numbers_with_formats():
    ws = workbook(TABLE, formats=FORMATS)
    assert ws["C7"].value == 1550 and ws["C7"].number_format == "#,##0"
    assert ws["C8"].value == 10361
    assert ws["C9"].value is None  # not reported stays blank, not zero
    assert ws["D7"].value == 0.803 and ws["D7"].number_format == "0.0%"
    assert ws["E7"].value == 180000000 and ws["E7"].number_format == "#,##0"
    assert ws["A7"].value == "01" and ws["A7"].data_type == "s"  # a code keeps its zero


def test_text_that_looks_like_a_formula_is_not_run():
    ws = workbook(TABLE, formats=FORMATS)
    for ref, text in (("B7", "=HYPERLINK(\"http://x\")"), ("B8", "+84 hotline"), ("B9", "@sum"),
                      ("F7", "-5 hồ sơ")):
        cell = ws[ref]
        assert cell.value == "'" + text and cell.data_type == "s", ref
    assert ws["F8"].value == "bình thường"


def test_the_sheet_is_named_in_whole_words():
    assert workbook(TABLE, sheet="Xếp hạng cơ quan").title == "Xếp hạng cơ quan"
    long = "Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)"  # 50 characters
    data = table_workbook(TABLE, title=long, context_lines=[], source="")
    title = load_workbook(io.BytesIO(data)).active.title
    assert title == "Bộ chỉ số phục vụ người dân" and len(title) <= 31


def test_an_empty_table_still_has_its_headers():
    ws = workbook(TABLE.head(0))
    assert [c.value for c in ws[6]] == list(TABLE.columns)


def test_context_lines_of_the_download_button():
    from components.download import context_lines
    from domain.i18n import t
    ctx = SimpleNamespace(lang="en", t=lambda key, **v: t(key, "en", **v),
                          range_label=lambda: "01/2024 – 03/2024")
    lines = context_lines(ctx, {"Province": "Ha Noi"})
    assert lines[:3] == ["Reporting period: 01/2024 – 03/2024", "Province: Ha Noi",
                         "Language: English"]
