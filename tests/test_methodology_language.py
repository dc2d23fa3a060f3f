"""Vietnamese pages in Vietnamese: the methodology page's targets (level, metric, note) on a
database loaded from the reference lists, the fee policies' names on the what-if, sources that
cite publications (not working notes such as "seed 004"), parameters named in words in the
messages about the address, and the file upload control's own texts (Streamlit writes them in
English: hidden, and said again in the page's language; checked in real Chromium)."""
import csv
import re
from datetime import date, datetime

import pandas as pd
import pytest

from components.whatif.evidence import policy_name
from components.whatif.state import PARAMS
from data_access import reference, schema
from data_access.db import Database, bulk_insert
from domain.i18n import STRINGS
from domain.targets import UNMEASURED
from tests import fixture_data
from tests.browser import browser_page, served, wait_idle
from tests.conftest import point_app_at
from tests.test_app import run

# Words of the English notes and names that a Vietnamese page must not show.
ENGLISH = re.compile(r"\b(the|of|for|and|online|fee|zero|cut|dossiers?|level|units?|"
                     r"definition|province|district|commune|share|people|services?)\b", re.I)


def build_reference_db(db: Database) -> None:
    """The reference lists as `python -m data_access.reference` writes them (targets with their
    notes and levels, fee policies), and one month of one agency so that the pages open."""
    db.drop_schema()
    db.create_schema()
    with db.transaction() as conn:
        reference.load_reference(conn)
        bulk_insert(conn, schema.agencies, pd.DataFrame([fixture_data.AGENCIES[0]]))
        bulk_insert(conn, schema.data_loads, pd.DataFrame([{
            "id": 1, "kind": "import", "file_name": "reference", "rows": 1, "loaded_by": "tests",
            "loaded_at": datetime(2026, 11, 22, 9, 0), "outcome": "ok"}]))
        row = fixture_data.stats_frame().iloc[[0]].assign(
            period_start=date(2024, 1, 1), period_end=date(2024, 1, 31))
        bulk_insert(conn, schema.dossier_stats, row)


@pytest.fixture(scope="module")
def reference_db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    build_reference_db(Database(f"duckdb:///{path}"))
    return path


@pytest.fixture
def ref_db(reference_db_path, monkeypatch):
    yield from point_app_at(reference_db_path, monkeypatch)


def targets_table(lang: str) -> pd.DataFrame:
    at = run("pages/methodology.py", lang=lang)
    assert not at.exception, at.exception
    note = STRINGS["col_note"][lang]
    return next(df.value for df in at.dataframe if note in df.value.columns)


def test_the_vietnamese_methodology_page_shows_no_english_target_texts(ref_db):
    table = targets_table("vi")
    ref = reference.targets()
    assert len(table) == len(ref)
    # levels in words: "Cơ quan cấp tỉnh", "Cấp huyện", "Cấp xã", not province / district
    levels = {STRINGS[f"level_{lv}"]["vi"] for lv in ("province", "district", "commune")}
    assert set(table["Cấp"]) == levels | {""}
    # the notes as the reference lists carry them in Vietnamese, none of the English ones
    notes = set(table["Ghi chú"])
    assert notes == set(ref["note_vi"])
    assert not notes & set(ref["note"][ref["note"] != ""])
    assert not [n for n in notes if ENGLISH.search(n)]
    # every target named, also those no dossier statistic measures (no raw identifiers)
    assert not [m for m in table["Chỉ số"] if "_" in m or ENGLISH.search(m)]
    assert "Tỷ lệ thủ tục cung cấp trực tuyến toàn trình" in set(table["Chỉ số"])


def test_the_english_page_keeps_the_notes_as_published(ref_db):
    table = targets_table("en")
    assert "EMC definition" in set(table["Note"])
    assert "Provincial agency" in set(table["Level"])


def test_every_target_note_has_a_vietnamese_one():
    ref = reference.targets()
    assert ((ref["note"] == "") == (ref["note_vi"] == "")).all()
    assert not [n for n in ref["note_vi"] if ENGLISH.search(n)]
    assert all(f"target_metric_{m}" in STRINGS for m in UNMEASURED)


def test_every_fee_policy_has_a_vietnamese_name():
    ref = reference.fee_policies()
    for name, name_vi in zip(ref["policy"], ref["policy_vi"]):
        assert name_vi.strip() and not ENGLISH.search(name_vi), name_vi
        assert policy_name(name, "vi") == name_vi  # what the what-if shows
        assert policy_name(name, "en") == name
    assert policy_name("A policy not in the lists", "vi") == "A policy not in the lists"


def test_sources_cite_publications_not_working_notes():
    """The shared domain notes replaced their working references ("seed 004") by citations;
    the project's copies carry them."""
    for path in sorted(reference.REF.glob("*.csv")):
        with path.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        cols = [c for c in (rows[0] if rows else {}) if "source" in c.lower()]
        for row in rows:
            for col in cols:
                assert not re.search(r"\bseed\b", row[col], re.I), (path.name, row[col])
    quang_nam = reference.fee_policies().set_index("policy").loc[
        "Quảng Nam fee cut for online submission", "source"]
    assert quang_nam.startswith("VietNamNet 2022")


def test_messages_about_the_address_name_the_parameter_in_words(ref_db):
    at = run("pages/map.py", metric="nonsense", region="atlantis", view="x",
             **{"from": "2024-13"})
    text = " ".join(i.value for i in at.info)
    for words in ("chỉ số", "vùng", "cách tô màu", "tháng đầu kỳ"):
        assert f"Địa chỉ trang có {words} không hợp lệ" in text, text
    at = run("pages/map.py", lang="en", metric="nonsense")
    assert "The page address has an invalid metric (“metric=nonsense”)" in " ".join(
        i.value for i in at.info)
    # every setting of the what-if's address has its words
    assert all(f"param_wi_{p}" in STRINGS for p in PARAMS)


# --- the upload control, in a real browser --------------------------------------------------------

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served(tmp_path_factory, "upload_language", fixture_data.build) as base:
        yield base


@pytest.mark.parametrize("lang, hint", [
    ("vi", "Kéo thả tệp vào ô trên hoặc bấm nút tải lên để chọn; tối đa 50 MB mỗi tệp."),
    ("en", "Drag and drop a file onto the box above or press the upload button to choose one; "
           "up to 50 MB per file.")])
def test_the_upload_control_speaks_the_pages_language(server, lang, hint):
    with browser_page(width=1280, height=720) as page:
        page.goto(f"{server}/data?lang={lang}")
        wait_idle(page)
        zone = page.locator("[data-testid='stFileUploaderDropzone']").first
        zone.wait_for(state="visible", timeout=30_000)
        assert zone.locator("button").first.is_visible()  # the upload button, by its icon
        visible = zone.inner_text()  # what is shown, hidden elements left out
        assert "Upload" not in visible and "per file" not in visible, visible
        assert page.get_by_text(hint, exact=True).first.is_visible()
