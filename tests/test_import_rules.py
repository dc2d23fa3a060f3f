"""The pure rules of an import: Vietnamese numbers, periods, header words, row labels, and
which unit and agency a report names in the era of its period."""
import unicodedata
from datetime import date

import pandas as pd
import pytest

from data_access import reference
from domain import form06a as F
from domain.validation import (
    Places, agency_code, agency_codes, agency_era_problem, base_name_key, closest, code_text,
    describe, issue,
    locality_code, name_key, parse_count, parse_count_column, parse_period, period_problem,
    report_era,
)


@pytest.mark.parametrize("cell, expected", [
    ("10.361", (10361, None)), ("1.234.567", (1234567, None)), ("10,361", (10361, None)),
    ("10 361", (10361, None)), ("\u00a0 42 ", (42, None)), (7, (7, None)), (7.0, (7, None)),
    ("12.0", (12, None)), ("", (None, None)), ("-", (None, None)), (None, (None, None)),
    ("0", (0, None)), ("-5", (None, "negative")), ("(5)", (None, "negative")), (-3, (None, "negative")),
    ("1,5", (None, "fraction")), ("10.36", (None, "fraction")), (2.5, (None, "fraction")),
    ("mười", (None, "text")), ("12a", (None, "text")), (True, (None, "text")),
])
def test_parse_count(cell, expected):
    assert parse_count(cell) == expected


def test_parse_count_column_matches_the_scalar_rule():
    cells = ["1", "10.361", None, "abc", "-2", 3, 4.5, "x", "007"]  # "x": not reported
    values, problems = parse_count_column(pd.Series(cells, dtype=object))
    assert [None if pd.isna(v) else int(v) for v in values] == [1, 10361, None, None, None, 3, None, None, 7]
    assert [p if isinstance(p, str) else None for p in problems] == [
        None, None, None, "text", "negative", None, "fraction", None, None]


def test_parse_period():
    assert parse_period("(Từ ngày 15/12/2023 đến ngày 14/03/2024)") == (date(2023, 12, 15), date(2024, 3, 14))
    assert parse_period("TỪ NGÀY 1-1-2024 ĐẾN NGÀY 31.3.2024") == (date(2024, 1, 1), date(2024, 3, 31))
    assert parse_period("Từ ngày 14/03/2024 đến ngày 15/12/2023") == "invalid"
    assert parse_period("Kỳ báo cáo: Quý I") is None


def test_codes_typed_as_numbers():
    assert locality_code(1) == "01" and locality_code("b-ca") == "B-CA"
    assert code_text(2.00072) == "2.000720" and code_text(1.0) == "1"


@pytest.mark.parametrize("path, field", [
    (["Số hồ sơ nhận giải quyết", "Trong đó", "Trực tuyến"], "received_online"),
    (["Số hồ sơ nhận giải quyết", "Số ký trước chuyển qua"], "carried_over"),
    (["Số hồ sơ tiếp nhận", "Tiếp nhận trực tuyến toàn trình"], "received_online"),
    (["Số hồ sơ tiếp nhận", "Bưu chính / BCCI"], "received_postal"),
    (["Số hồ sơ nhận giải quyết", "Trong đó", "Trực tiếp, dịch vụ bưu chính"], "received_direct"),
    (["Kết quả giải quyết", "Số hồ sơ đã giải quyết", "Trả đúng thời hạn"], "resolved_on_time"),
    (["Số hồ sơ đã giải quyết", "Đúng và trước hạn"], "resolved_on_time"),
    (["Số hồ sơ đã giải quyết", "Trước hạn"], "resolved_early"),
    (["Số hồ sơ đã giải quyết", "Quá hạn (chưa có thư xin lỗi)"], "resolved_late"),
    (["Kết quả giải quyết", "Số hồ sơ đang giải quyết", "Quá hạn"], "pending_late"),
    (["Hồ sơ đang xử lý", "Chưa đến hạn"], "pending_on_time"),
    (["Số lượng hồ sơ đang giải quyết", "Tổng số"], "pending_total"),
    (["STT"], "stt"), (["Đơn vị"], "name_unit"),
    (["Lĩnh vực, công việc giải quyết theo cấp"], "name_field"),
])
def test_header_words(path, field):
    assert F.classify(path).field == field


def test_row_labels():
    assert F.is_total_label("TỔNG CỘNG") and F.is_total_label("Tổng số toàn tỉnh")
    assert F.is_total_label("Cộng")
    assert not F.is_total_label("Công an tỉnh") and not F.is_total_label("Tổng hợp cấp xã")
    assert F.section_level("Huyện, thị xã, thành phố") == "district"
    assert F.section_level("Xã, phường, thị trấn") == "commune"
    assert F.section_level("Sở ban ngành") == "province"
    assert F.stt_kind("IV") == "roman" and F.stt_kind("1.2") == "number" and F.stt_kind(3) == "number"
    assert F.code_in_label("Sở Tư pháp (01-S02)") == "01-S02"
    assert F.code_in_label("Sở Tư pháp (34:01-S02)") == "34:01-S02"
    assert F.section_level("Xã, phường, đặc khu") == "commune"


def test_closest_names():
    options = {"G15-TP07": "G15-TP07 (Hộ tịch)", "Hộ tịch": "G15-TP07 (Hộ tịch)",
               "G13-TN02": "G13-TN02 (Đất đai)", "Đất đai": "G13-TN02 (Đất đai)"}
    assert closest("Ho tich", options) == ["G15-TP07 (Hộ tịch)"]
    assert closest("G13-TN2", options)[0] == "G13-TN02 (Đất đai)"


# --- the era of a report ------------------------------------------------------------------
@pytest.fixture(scope="module")
def places():
    """The real lists: the 63 provinces, the 34 units of today and the ministries."""
    return Places.of(reference.locality_rows())


def test_a_report_is_of_the_era_of_its_last_month():
    assert report_era(date(2025, 6, 30)) == "63"
    assert report_era(date(2025, 7, 31)) == "34"
    assert report_era(date(2025, 12, 31)) == "34"  # a 2025 yearly report: today's units


@pytest.mark.parametrize("text, era, found", [
    ("24", "63", ("63:24", None)), ("24", "34", ("34:24", None)),  # Bắc Giang, then Bắc Ninh
    ("44", "63", ("63:44", None)), ("44", "34", ("34:44", None)),  # Quảng Bình, then Quảng Trị
    ("45", "63", ("63:45", None)), ("45", "34", (None, "63:45")),  # old Quảng Trị: retired
    ("Bắc Giang", "63", ("63:24", None)), ("Bắc Giang", "34", (None, "63:24")),
    ("Bắc Ninh", "63", ("63:27", None)), ("BẮC NINH", "34", ("34:24", None)),
    ("Quảng Trị", "63", ("63:45", None)), ("UBND tỉnh Quảng Trị", "34", ("34:44", None)),
    ("Quảng Bình", "34", (None, "63:44")), ("Thành phố Bắc Ninh", "34", ("34:24", None)),
    ("1", "34", ("34:01", None)), ("TP. Hồ Chí Minh", "34", ("34:79", None)),
    ("B-CA", "63", ("B-CA", None)), ("b-ca", "34", ("B-CA", None)),
    ("Bộ Công an", "34", ("B-CA", None)),
    ("34:24", "34", (None, None)), ("99", "34", (None, None)),  # never our keys
])
def test_places_read_a_code_or_name_in_the_era(places, text, era, found):
    assert places.resolve(text, era) == found


def test_every_code_retired_in_2025_names_its_successor(places):
    """A code of the 63 is either a code of the 34 (the seat's) or retired into one."""
    crosswalk = reference.crosswalk()
    for code in reference.provinces()["code"]:
        key, old = places.resolve(code, "34")
        if key is None:
            assert old == f"63:{code}" and crosswalk.successor[old] != f"34:{code}"
        else:
            assert key == f"34:{code}"


def test_agency_codes_in_an_era():
    # people leave out the "34:" of today's agencies; the era of the report tells them apart
    assert agency_codes("01-S02", "34") == ("34:01-S02", "01-S02")
    assert agency_codes("01-S02", "63") == ("01-S02", "34:01-S02")
    assert agency_codes("34:01-TTPVHCC", "63") == ("34:01-TTPVHCC",)
    assert agency_code("01-TH-TINH", "34") == "34:01-TH-TINH"
    assert agency_code("01-TH-TINH", "63") == agency_code("01-TH-TINH", None) == "01-TH-TINH"
    assert agency_era_problem("63", "district", "34") == "agency_district_ended"
    assert agency_era_problem("34", "district", "34") == "agency_district_ended"
    assert agency_era_problem("63", "province", "34") == "agency_old_era"
    assert agency_era_problem("34", "commune", "63") == "agency_not_yet"
    assert agency_era_problem(None, "ministry", "34") is None
    assert agency_era_problem("63", "district", "63") is None


# --- names, bounds and periods --------------------------------------------------------------
@pytest.mark.parametrize("a, b", [
    ("UBND Phường Yên Hòa", "ubnd  phường YÊN HOÀ"),  # case, spacing, tone-mark placement
    ("Xã Thủy Xuân", "xã thuỷ  xuân"),
    (unicodedata.normalize("NFD", "Sở Văn hóa, Thể thao"), "Sở Văn hoá - Thể thao"),
    ("Sở Tư pháp", "Sở Tư pháp\n"),
])
def test_names_equal_however_written(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [("Yên Hòa", "Yên Hóa"), ("Hòa", "Hoa"), ("Đông", "Dông"),
                                  ("Hà Nam", "Hà Nội")])
def test_names_that_differ_stay_apart(a, b):
    assert name_key(a) != name_key(b)


def test_the_looser_form_of_a_name():
    hanoi = {name_key("Hà Nội"), name_key("Thành phố Hà Nội")}
    same = [("Ủy ban nhân dân P. Yên Hoà", "UBND Phường Yên Hòa"),
            ("Công an thành phố Hà Nội", "Công an tỉnh"), ("Sở Tư pháp TP Hà Nội", "Sở Tư pháp")]
    for written, stored in same:
        assert base_name_key(written, hanoi) == base_name_key(stored, hanoi)
    assert base_name_key("UBND Phường Yên Hoa", hanoi) != base_name_key("UBND Phường Yên Hòa")


@pytest.mark.parametrize("cell, expected", [
    (10 ** 12, (10 ** 12, None)), ("1.000.000.000.000", (10 ** 12, None)),
    (10 ** 12 + 1, (None, "too_large")), (1e20, (None, "too_large")),
    (float("inf"), (None, "too_large")), ("9" * 21, (None, "too_large")),
    ("9" * 5000, (None, "too_large")), ("1e5", (None, "text")), ("²", (None, "text")),
])
def test_counts_are_bounded(cell, expected):
    assert parse_count(cell) == expected


def test_count_column_never_overflows():
    cells = [1e20, 10 ** 30, "1" * 21, 5, "007", 10 ** 12]
    values, problems = parse_count_column(pd.Series(cells, dtype=object))
    assert [None if pd.isna(v) else int(v) for v in values] == [None] * 3 + [5, 7, 10 ** 12]
    assert [p if isinstance(p, str) else None for p in problems] == ["too_large"] * 3 + [None] * 3


def test_period_problems():
    today = date(2026, 11, 30)
    assert period_problem(date(2024, 6, 16), date(2024, 6, 30), today)[0] == "period_no_month"
    assert period_problem(date(2024, 6, 15), date(2024, 7, 14), today) is None  # July
    assert period_problem(date(9999, 1, 1), date(9999, 1, 31), today)[0] == "date_range"
    assert period_problem(date(2014, 12, 1), date(2014, 12, 31), today)[0] == "date_range"
    assert period_problem(date(2026, 12, 1), date(2026, 12, 30), today) is None
    assert period_problem(date(2026, 12, 1), date(2026, 12, 31), today)[1]["last"] == "30/12/2026"
    assert period_problem(date(2024, 5, 1), date(2024, 4, 30), today)[0] == "period_order"


def test_periods_written_out():
    assert parse_period("(Từ ngày 15 tháng 6 năm 2025 đến ngày 14 tháng 9 năm 2025)") == (
        date(2025, 6, 15), date(2025, 9, 14))
    assert parse_period("từ ngày 15/6/2025 đến hết ngày 14/9/2025") == (
        date(2025, 6, 15), date(2025, 9, 14))
    assert parse_period("Hà Nội, ngày 20 tháng 9 năm 2025") is None


def test_a_value_quoted_in_a_message_is_cut_short():
    long = issue("unknown_agency_name", value="x" * 13_000_000, unit="01", closest="–")
    assert len(describe(long, "vi")) < 400


@pytest.mark.parametrize("path, field", [
    (["Số hồ sơ nhận giải quyết", "Trong đó", "Số mới tiếp nhận"], "received_new"),
    (["Số hồ sơ nhận giải quyết", "Số mới tiếp nhận", "Tổng số"], "received_new"),
    (["Số hồ sơ nhận giải quyết", "Tổng số"], "received_total"),
])
def test_new_dossiers_not_split_by_channel(path, field):
    assert F.classify(path).field == field


def test_footer_lines():
    for text in ("NGƯỜI LẬP BIỂU", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)",
                 "Hà Nội, ngày 20 tháng 12 năm 2025", "Ghi chú: số liệu tạm tính"):
        assert F.is_footer(text), text
    assert not F.is_footer("Sở Tư pháp") and not F.is_footer("UBND Xã Thanh Hóa")
