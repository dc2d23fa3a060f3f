"""What an exported file is called and what its sheets are called: a file names its level,
its unit (code and name, in ASCII) and its period, the same from a page and from the command
line; a sheet's name is a short one of domain/strings/export.py, whole and within Excel's 31
characters, never the title cut off."""
from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from openpyxl import load_workbook

from data_access import export, flat, form06a, index766
from data_access.db import Database
from data_access.export import file_stem, scope_units, slug
from data_access.xlsx import SHEET_MAX, table_workbook
from domain.i18n import LANGS, STRINGS, t
from domain.periods import Month, MonthRange
from domain.scope import Scope

RNG = MonthRange(Month(2026, 1), Month(2026, 10))
LOCALITIES = pd.DataFrame({
    "code": ["34:24", "63:24", "B-CA"], "kind": ["province", "province", "ministry"],
    "name_vi": ["Bắc Ninh", "Bắc Giang", "Bộ Công an"],
    "name_en": ["Bac Ninh", "Bac Giang", "Ministry of Public Security"]})
PROCEDURES = pd.DataFrame({"code": ["1.001193"], "name_vi": ["Đăng ký khai sinh"],
                           "name_en": ["Birth registration"]})
AGENCY = {"code": "34:24-S01", "name_vi": "Sở Nội vụ", "name_en": "Department of Home Affairs",
          "locality_code": "34:24"}


def stem(scope: Scope, by: str, lang: str = "vi", agency=None, rng=RNG) -> str:
    return file_stem(scope_units(scope, LOCALITIES, agency, PROCEDURES, lang), f"file_by_{by}", rng,
                     lang)


@pytest.mark.parametrize("scope, by, lang, agency, expected", [
    (Scope(locality="34:24"), "agency", "vi", None,
     "tinh_34-24_bac-ninh_theo-co-quan_2026-01_2026-10"),
    (Scope(locality="34:24"), "agency", "en", None,
     "province_34-24_bac-ninh_by-agency_2026-01_2026-10"),
    (Scope(locality="B-CA"), "procedure", "vi", None,
     "bo_b-ca_bo-cong-an_theo-thu-tuc_2026-01_2026-10"),
    (Scope(units="34"), "locality", "vi", None, "ca-nuoc_34_theo-tinh-bo_2026-01_2026-10"),
    (Scope(locality="34:24", agency=5019), "procedure", "vi", AGENCY,
     "co-quan_34-24-s01_so-noi-vu_theo-thu-tuc_2026-01_2026-10"),
    (Scope(locality="34:24", procedure="1.001193"), "agency", "vi", None,
     "tinh_34-24_bac-ninh_thu-tuc_1.001193_dang-ky-khai-sinh_theo-co-quan_2026-01_2026-10"),
])
def test_a_name_says_level_unit_rows_and_period(scope, by, lang, agency, expected):
    assert stem(scope, by, lang, agency) == expected


def test_two_views_never_share_a_name():
    """The reported defect: two units (or two eras of one code) downloaded under one name."""
    names = {stem(Scope(locality=k), "agency") for k in ("34:24", "63:24", "B-CA")}
    names |= {stem(Scope(locality="34:24"), by) for by in ("procedure", "month")}
    names.add(stem(Scope(locality="34:24"), "agency", rng=MonthRange(Month(2026, 1),
                                                                      Month(2026, 9))))
    assert len(names) == 6


def test_names_are_short_ascii_in_whole_words():
    long = pd.DataFrame({"code": ["1.000001"], "name_vi": [
        "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp đặc biệt"],
        "name_en": ["x"]})
    name = file_stem(scope_units(Scope(procedure="1.000001"), LOCALITIES, None, long, "vi"),
                     "file_by_locality", RNG, "vi")
    assert re.fullmatch(r"[a-z0-9._-]+", name)
    assert name == ("thu-tuc_1.000001_cap-giay-phep-xay-dung-sua-chua-cai-tao_theo-tinh-bo_"
                    "2026-01_2026-10")
    assert slug("Thừa Thiên Huế / Đà Nẵng: (cũ)") == "thua-thien-hue-da-nang-cu"


# --- sheets ------------------------------------------------------------------------------
SHEET_KEYS = sorted(k for k in STRINGS if k.startswith("sheet_"))
FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_names_fit_and_differ(lang):
    names = [t(k, lang) for k in SHEET_KEYS]
    assert len(SHEET_KEYS) >= 8
    assert len(set(names)) == len(names)
    for name in names + [t("flat_guide_sheet", lang), t("i766_guide_sheet", lang)]:
        assert 0 < len(name) <= SHEET_MAX and not FORBIDDEN.search(name), name
        assert name == name.strip() and not name.startswith("'"), name


@pytest.mark.parametrize("key", SHEET_KEYS)
@pytest.mark.parametrize("lang", LANGS)
def test_a_sheet_keeps_its_whole_name(key, lang):
    long_title = "Xếp hạng các cơ quan, đơn vị trực thuộc — Trung tâm Phục vụ hành chính công"
    data = table_workbook(pd.DataFrame({"a": [1]}), title=long_title, context_lines=[],
                          source="", sheet=t(key, lang))
    assert load_workbook(io.BytesIO(data)).active.title == t(key, lang)


@pytest.mark.parametrize("title", [
    "Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)",
    "Service index for citizens and businesses (Decision 766)",
    "Các địa phương và bộ, ngành — Thành phố Hồ Chí Minh",
    "Đơn vị chưa báo cáo — 03/2024"])
def test_a_title_too_long_for_a_sheet_is_cut_between_words(title):
    data = table_workbook(pd.DataFrame({"a": [1]}), title=title, context_lines=[], source="")
    sheet = load_workbook(io.BytesIO(data)).active.title
    words = [w.rstrip(",;.") for w in FORBIDDEN.sub(" ", title).split()]  # no comma at the end
    assert len(sheet) <= SHEET_MAX and [w.rstrip(",;.") for w in sheet.split()] == \
        words[:len(sheet.split())]
    assert len(sheet.split()) >= 3


def sheet_titles(data: bytes) -> list[str]:
    return load_workbook(io.BytesIO(data), read_only=True).sheetnames


@pytest.mark.parametrize("lang", LANGS)
def test_every_workbook_the_product_writes(lang, duck_fixture_path, monkeypatch, tmp_path):
    db = Database(f"duckdb:///{duck_fixture_path}")
    books = [flat.template_xlsx(lang), index766.template_xlsx(lang),
             form06a.form_workbook(db, Scope(locality="63:01"),
                                   MonthRange(Month(2024, 1), Month(2024, 3)))]
    db.dispose()
    monkeypatch.setenv("DVC_DATABASE_URL", f"duckdb:///{duck_fixture_path}")
    for by in export.BY:
        out = tmp_path / f"{by}.xlsx"
        assert export.main(["--level", "nation", "--from", "2024-01", "--to", "2024-03",
                            "--by", by, "--format", "xlsx", "--out", str(out),
                            "--lang", lang]) == 0
        books.append(out.read_bytes())
        assert sheet_titles(books[-1]) == [t(f"sheet_by_{export.BY[by]}", lang)]
    for data in books:
        titles = sheet_titles(data)
        assert len(set(titles)) == len(titles)
        assert all(len(s) <= SHEET_MAX for s in titles), titles
