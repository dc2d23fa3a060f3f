"""Bad files never hurt: out-of-range counts and dates, over-long texts, CSV tricks, workbooks
that would not fit in memory or read from elsewhere — each refused with its sheet, row and
column where it has one, in both languages, leaving the statistics exactly as they were
(checksum of dossier_stats); a crash or a database locked by another process is an outcome
with its message, recorded in data_loads, never a traceback."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import tomllib
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from data_access import db as database
from data_access import flat, importer, schema, xlsx
from domain.validation import MAX_BYTES, MAX_COUNT, describe
from tests.test_import_corpus import (  # noqa: F401 - module_db is a fixture
    TOP, flat_csv, flat_row, flat_xlsx, good_form_rows, module_db, rejected_lines, snapshot,
    stats_checksum, variant_a, xlsx_bytes,
)

ROOT = Path(__file__).resolve().parent.parent


# --- building hostile workbooks ---------------------------------------------------------------
def patched(data: bytes, part: str, change, extra: dict | None = None) -> bytes:
    """A workbook with one part's XML changed (added when absent) and extra parts."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            dst.writestr(item, change(body) if item.filename == part else body)
        if part not in src.namelist():
            dst.writestr(part, change(b""))
        for name, body in (extra or {}).items():
            dst.writestr(name, body)
    return out.getvalue()


def sheet(change, data: bytes | None = None) -> bytes:
    return patched(data or flat_xlsx([flat_row()]), "xl/worksheets/sheet1.xml", change)


def before_sheet_data(xml_bit: bytes):
    return lambda x: x.replace(b"<sheetData>", xml_bit + b"<sheetData>", 1)


def after_sheet_data(xml_bit: bytes):
    return lambda x: x.replace(b"</sheetData>", b"</sheetData>" + xml_bit, 1)


def last_row(xml_bit: bytes):
    return lambda x: x.replace(b"</sheetData>", xml_bit + b"</sheetData>", 1)


def dimension(ref: bytes):
    tag = b'<dimension ref="' + ref + b'"/>'
    return lambda x: re.sub(rb"<dimension ref=\"[^\"]*\"\s*/>", tag, x)


def formula(text: str):
    """Cell I2 (carried_over) as a formula with a cached value."""
    cell = b'<c r="I2"><f>' + text.encode() + b"</f><v>10</v></c>"
    return lambda x: re.sub(rb'<c r="I2"[^>]*>.*?</c>', lambda _: cell, x, count=1)


def shared_strings(body: bytes) -> bytes:
    data = patched(flat_xlsx([flat_row()]), "xl/sharedStrings.xml", lambda _: body)
    data = patched(data, "[Content_Types].xml", lambda x: x.replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    return patched(data, "xl/_rels/workbook.xml.rels", lambda x: x.replace(
        b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        b"</Relationships>"))


SST = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '


def too_many_parts() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for k in range(10_001):
            z.writestr(f"x/{k}", b"")
    return out.getvalue()


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
          b'"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')


def _form_with_label(label: str) -> bytes:
    rows = good_form_rows()
    rows[2][1] = label
    return variant_a(rows)


TODAY = date.today()
CASES = [  # id, file name, builder, code, (sheet, row, column) or None
    # counts: 0 … 10^12, whole numbers, never an overflow
    ("count_1e20_xlsx", "a.xlsx", lambda: flat_xlsx([flat_row(received_online=1e20)]),
     "count_too_large", ("data", 2, "received_online")),
    ("count_21_digits", "a.csv", lambda: flat_csv([flat_row(received_online="1" * 21)]),
     "count_too_large", ("CSV", 2, "received_online")),
    ("count_5000_digits", "a.csv", lambda: flat_csv([flat_row(resolved_late="9" * 5000)]),
     "count_too_large", ("CSV", 2, "resolved_late")),
    ("count_above_limit", "a.csv", lambda: flat_csv([flat_row(
        paid_online=str(MAX_COUNT + 1))]), "count_too_large", ("CSV", 2, "paid_online")),
    ("count_grouped_huge", "a.csv", lambda: flat_csv([flat_row(
        received_direct="1.000.000.000.000.000")]), "count_too_large",
     ("CSV", 2, "received_direct")),
    ("count_exponent", "a.csv", lambda: flat_csv([flat_row(received_online="1e5")]),
     "count_text", ("CSV", 2, "received_online")),
    ("count_huge_in_form", "a.xlsx", lambda: _form_cell(3, 3, 10 ** 15), "count_too_large",
     ("Biểu II.06a", 16, "D (Trực tuyến)")),
    # dates: 2015 … a month from today, a whole month covered
    ("date_9999", "a.csv", lambda: flat_csv([flat_row(period_start="9999-01-01",
                                                     period_end="9999-01-31")]),
     "date_range", ("CSV", 2, "period_start")),
    ("date_2014", "a.csv", lambda: flat_csv([flat_row(period_start="2014-12-01",
                                                     period_end="2014-12-31")]),
     "date_range", ("CSV", 2, "period_start")),
    ("date_next_year", "a.csv", lambda: flat_csv([flat_row(
        period_start=str(TODAY.replace(day=1)), period_end=str(TODAY + timedelta(days=70)))]),
     "date_range", ("CSV", 2, "period_end")),
    ("no_whole_month", "a.csv", lambda: flat_csv([flat_row(period_start="2024-06-16",
                                                          period_end="2024-06-30")]),
     "period_no_month", ("CSV", 2, "period_end")),
    ("form_period_9999", "a.xlsx", lambda: variant_a(good_form_rows(), top=[
        ln.replace("30/06/2024", "30/06/9999") for ln in TOP]), "date_range",
     ("Biểu II.06a", 4, "A")),
    ("form_no_whole_month", "a.xlsx", lambda: variant_a(good_form_rows(), top=[
        ln.replace("01/04/2024", "16/06/2024") for ln in TOP]), "period_no_month",
     ("Biểu II.06a", 4, "A")),
    # texts within the schema's column lengths
    ("name_13M_chars", "a.csv", lambda: flat_csv([flat_row(
        agency_code="01-MOI", agency_name="Sở " + "x" * 13_000_000, agency_level="province")]),
     "too_long", ("CSV", 2, "agency_name")),
    ("agency_code_61", "a.csv", lambda: flat_csv([flat_row(agency_code="0" * 61)]),
     "too_long", ("CSV", 2, "agency_code")),
    ("field_code_21", "a.xlsx", lambda: flat_xlsx([flat_row(field_code="G" * 21)]),
     "too_long", ("data", 2, "field_code")),
    ("procedure_code_21", "a.csv", lambda: flat_csv([flat_row(procedure_code="1." + "0" * 19)]),
     "too_long", ("CSV", 2, "procedure_code")),
    ("locality_201", "a.csv", lambda: flat_csv([flat_row(locality_code="Hà Nội " * 40)]),
     "too_long", ("CSV", 2, "locality_code")),
    ("form_label_300", "a.xlsx", lambda: _form_with_label("Hộ tịch " + "x" * 300), "too_long",
     ("Biểu II.06a", 15, "B")),
    ("form_unit_300", "a.xlsx", lambda: variant_a(good_form_rows(), top=[
        ln.replace("UBND Thành phố Hà Nội", "UBND " + "x" * 300) for ln in TOP]), "too_long",
     ("Biểu II.06a", None, "Đơn vị báo cáo")),
    # CSV: quoted line breaks stay in their cell, a column written twice is refused
    ("csv_quoted_newline_row", "a.csv", lambda: flat_csv([
        flat_row(agency_name="Sở\nTư pháp", procedure_code="1.004227", field_code=""),
        flat_row(received_online="mười")]), "count_text", ("CSV", 3, "received_online")),
    ("csv_column_twice", "a.csv", lambda: flat_csv([flat_row()]).replace(
        b"resolved_late", b"pending_late", 1), "column_twice", ("CSV", None, "pending_late")),
    ("xlsx_column_twice", "a.xlsx", lambda: xlsx_bytes(
        [list(flat_row()) + ["Received_Online"], list(flat_row().values()) + [5]]),
     "column_twice", ("data", None, "Received_Online")),
    # workbooks that would not fit: refused before openpyxl opens them
    ("lying_dimension", "a.xlsx", lambda: sheet(dimension(b"A1:XFD1048576")),
     "sheet_declared_too_large", ("data", None, None)),
    ("merge_whole_sheet", "a.xlsx", lambda: sheet(after_sheet_data(
        b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')),
     "sheet_merges_too_large", ("data", 1, "A")),
    ("many_merges", "a.xlsx", lambda: sheet(after_sheet_data(
        b'<mergeCells count="1">' + b"".join(b'<mergeCell ref="A%d:Z%d"/>' % (r, r)
                                             for r in range(1, 9000)) + b"</mergeCells>")),
     "sheet_merges_too_large", ("data", 7693, "A")),  # 7,693 × 26 cells > 200,000
    ("cell_at_XFD1048576", "a.xlsx", lambda: sheet(last_row(
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')), "sheet_too_large",
     ("data", 1048576, "XFD")),
    ("cell_beyond_XFD", "a.xlsx", lambda: sheet(last_row(
        b'<row r="3"><c r="XFE3"><v>1</v></c></row>')), "sheet_out_of_bounds", ("data", 3, None)),
    ("row_beyond_excel", "a.xlsx", lambda: sheet(last_row(
        b'<row r="2000000"><c r="A2000000"><v>1</v></c></row>')), "sheet_out_of_bounds",
     ("data", 2000000, None)),
    ("cells_without_refs", "a.xlsx", lambda: sheet(last_row(
        b'<row r="5">' + b"<c><v>1</v></c>" * 16_400 + b"</row>")), "sheet_out_of_bounds",
     ("data", 5, None)),
    ("huge_shared_string", "a.xlsx", lambda: shared_strings(
        SST + b'count="1" uniqueCount="1"><si><t>' + b"x" * 40_000 + b"</t></si></sst>"),
     "shared_string_too_long", None),
    ("shared_strings_declared", "a.xlsx", lambda: shared_strings(
        SST + b'count="99999999999" uniqueCount="99999999999"><si><t>x</t></si></sst>'),
     "shared_strings_too_many", None),
    ("inline_string_too_long", "a.xlsx", lambda: sheet(last_row(
        b'<row r="3"><c r="B3" t="inlineStr"><is><t>' + b"y" * 40_000 + b"</t></is></c></row>")),
     "cell_too_long", ("data", 3, "B")),
    ("formula_too_long", "a.xlsx", lambda: sheet(formula("1+" * 5000 + "1")),
     "formula_too_long", ("data", 2, "I")),
    ("attribute_of_6MB", "a.xlsx", lambda: sheet(last_row(
        b'<row r="3"><c r="B3" s="' + b"x>" * 3_000_000 + b'"><v>1</v></c></row>')),
     "file_unsafe", None),
    ("billion_laughs", "a.xlsx", lambda: sheet(lambda x: LAUGHS + x.split(b"?>", 1)[-1]),
     "file_unsafe", None),
    ("entity_in_workbook", "a.xlsx", lambda: patched(flat_xlsx([flat_row()]), "xl/workbook.xml",
                                                      lambda x: LAUGHS + x), "file_unsafe", None),
    ("ten_thousand_parts", "a.xlsx", too_many_parts, "file_unsafe", None),
    ("styles_too_large", "a.xlsx", lambda: patched(flat_xlsx([flat_row()]), "xl/styles.xml",
                                                    lambda x: x + b" " * (17 * 1024 * 1024)),
     "file_part_too_large", None),
    # formulas and links that read another file or the web
    ("external_link_part", "a.xlsx", lambda: patched(
        flat_xlsx([flat_row()]), "xl/externalLinks/externalLink1.xml",
        lambda _: b"<externalLink/>"),
     "file_external_link", None),
    ("connection_part", "a.xlsx", lambda: patched(
        flat_xlsx([flat_row()]), "xl/connections.xml", lambda _: b"<connections/>"),
     "file_connection", None),
    ("formula_other_workbook", "a.xlsx", lambda: sheet(formula("[1]Sheet1!A1")),
     "formula_external", ("data", 2, "I")),
    ("formula_path", "a.xlsx", lambda: sheet(formula("'C:\\so lieu\\[bao cao.xlsx]Q1'!C5")),
     "formula_external", ("data", 2, "I")),
    ("formula_webservice", "a.xlsx", lambda: sheet(formula(
        '_xlfn.WEBSERVICE("http://example.invalid/x")')), "formula_external", ("data", 2, "I")),
    ("formula_hyperlink_http", "a.xlsx", lambda: sheet(formula(
        'HYPERLINK("https://example.invalid","10")')), "formula_external", ("data", 2, "I")),
    ("formula_dde", "a.xlsx", lambda: sheet(formula("cmd|'/c calc'!A0")), "formula_external",
     ("data", 2, "I")),
    ("defined_name_external", "a.xlsx", lambda: patched(
        flat_xlsx([flat_row()]), "xl/workbook.xml", lambda x: re.sub(
            rb"<definedNames\s*/>|</sheets>", b'</sheets><definedNames><definedName name="x">'
            b"[1]Sheet1!$A$1</definedName></definedNames>", x, count=1)),
     "file_external_link", None),
]


def _form_cell(r, c, value):
    rows = good_form_rows()
    rows[r][c] = value
    return variant_a(rows)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_hostile_file_is_refused_where_it_is_and_changes_nothing(module_db, case):
    _, name, build, code, where = case
    data = build()
    assert len(data) <= MAX_BYTES
    before, audit, sums = snapshot(module_db), rejected_lines(module_db), stats_checksum(module_db)
    result = importer.import_file(module_db, data, name, who="tests")
    assert result.outcome == "rejected", [describe(i, "en") for i in result.issues]
    hits = [i for i in result.errors if i.code == code]
    assert hits, [describe(i, "en") for i in result.errors]
    if where is not None:
        assert (hits[0].sheet, hits[0].row, hits[0].column) == where
    for lang in ("vi", "en"):
        text = describe(hits[0], lang)
        assert "{" not in text and len(text) < 1000, text
    assert stats_checksum(module_db) == sums
    assert snapshot(module_db) == before
    assert rejected_lines(module_db) == audit + 1


def test_the_corpus_of_hostile_files_is_large_enough():
    assert len(CASES) >= 40 and len({c[3] for c in CASES}) >= 18


def test_the_formulas_that_read_elsewhere():
    inside = ["SUM(A1:A3)", 'A1&"|"&B1', "SUM(Table1[Amount])", 'HYPERLINK("#Q1!A1","Q1")',
              "VLOOKUP(A1,'Danh mục'!A:B,2,0)"]
    outside = ["[1]Sheet1!A1", "'\\\\server\\share\\[a.xlsx]S'!A1", "RTD(\"x\",,\"y\")",
               "FILTERXML(A1,\"//a\")", "IMAGE(\"https://x.invalid/a.png\")"]
    assert not any(xlsx.reads_elsewhere(f) for f in inside)
    assert all(xlsx.reads_elsewhere(f) for f in outside)


def test_an_honest_workbook_passes_the_look():
    """The look refuses nothing a form or the template holds: merged headers, formulas with
    cached values, a hidden sheet."""
    scans = xlsx.inspect(variant_a(good_form_rows()))
    (scan,) = scans.values()
    assert scan.name == "Biểu II.06a" and scan.max_column == 13 and len(scan.merges) == 15
    assert xlsx.read_workbook(flat.template_xlsx("vi"))[0].rows[1][2] == "01"


def test_counts_at_the_limits_load(module_db):
    rows = [flat_row(period_start="2015-01-01", period_end="2015-01-31", paid_online_vnd=MAX_COUNT,
                     received_online="60", procedure_code="1.004227", field_code="")]
    result = importer.import_file(module_db, flat_csv(rows), "gioi_han.csv", dry_run=True)
    assert result.outcome == "checked", [describe(i, "en") for i in result.issues]


# --- crashes and locks: an outcome with its reason, recorded ---------------------------------
def _last_load(db) -> dict:
    return dict(db.query(sa.select(schema.data_loads).order_by(
        schema.data_loads.c.id.desc()).limit(1)).iloc[0])


def test_a_crash_is_an_outcome_recorded_with_its_reason(module_db, monkeypatch, caplog):
    def broken(*_, **__):
        raise ZeroDivisionError("a bug in /tmp/secret/path")
    monkeypatch.setattr(flat, "parse", broken)
    sums = stats_checksum(module_db)
    result = importer.import_file(module_db, flat_csv([flat_row()]), "hong.csv", who="tests")
    assert result.outcome == "failed"
    assert [i.code for i in result.errors] == ["internal_error"]
    # the message gives a reference to the logged traceback, not the exception's text
    shown = describe(result.errors[0], "en")
    assert "ZeroDivisionError" not in shown and "/tmp/secret" not in shown
    ref = result.errors[0].values["detail"]
    assert ref in shown and f"(reference {ref})" in caplog.text and "a bug" in caplog.text
    last = _last_load(module_db)
    assert (last["outcome"], last["file_name"]) == ("failed", "hong.csv")
    assert "internal_error" in last["message"]
    assert stats_checksum(module_db) == sums


@pytest.fixture
def locked(tmp_path, monkeypatch):
    """A DuckDB file held by another process (as the sample generator would hold it)."""
    from data_access.db import Database
    from tests import fixture_data
    path = tmp_path / "busy.duckdb"
    fixture_data.build(Database(f"duckdb:///{path}"))
    monkeypatch.setattr(database, "LOCK_WAIT_SECONDS", 0.5)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('held', flush=True); time.sleep(120)", str(path)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    yield path, holder
    if holder.poll() is None:
        holder.kill()
        holder.wait()


def test_a_lock_held_too_long_is_a_clear_message_recorded_later(locked, capsys):
    path, holder = locked
    url = f"duckdb:///{path}"
    data = flat_csv([flat_row(period_start="2024-05-01", period_end="2024-05-31")])
    assert importer.main([str(_write(path.parent / "thang5.csv", data)), "--url", url]) == 1
    err = capsys.readouterr().err
    assert "Cơ sở dữ liệu đang bận" in err and "Traceback" not in err
    spool = path.with_name(path.name + ".pending-loads.jsonl")
    (waiting,) = [json.loads(ln) for ln in spool.read_text().splitlines()]
    assert (waiting["outcome"], waiting["file_name"]) == ("failed", "thang5.csv")
    holder.kill()
    holder.wait()
    from data_access.db import Database
    db = Database(url)
    result = importer.import_file(db, data, "thang5.csv")  # the lock is gone: loads,
    assert result.outcome == "ok"  # after writing the line that waited
    loads = db.query(sa.select(schema.data_loads).order_by(schema.data_loads.c.id))
    assert list(loads["outcome"])[-2:] == ["failed", "ok"]
    assert "db_locked" in loads["message"].iloc[-2]
    assert not spool.exists()
    db.dispose()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- the upload limit, on the server too -----------------------------------------------------
def test_the_server_refuses_uploads_over_the_limit_too():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_BYTES


def test_every_issue_has_its_message_in_both_languages():
    from domain import i18n
    pattern = re.compile(r"""(?:found|issue|refuse|_failure)\(\s*["']([a-z0-9_]+)["']""")
    codes = set()
    for path in [*ROOT.glob("data_access/*.py"), ROOT / "domain" / "validation.py"]:
        codes |= set(pattern.findall(path.read_text(encoding="utf-8")))
    codes |= {f"count_{p}" for p in ("text", "negative", "fraction", "too_large")}
    codes |= {"date_range", "period_order", "period_no_month", "db_locked", "internal_error"}
    missing = sorted(c for c in codes if f"imp_{c}" not in i18n.STRINGS)
    assert not missing


# --- memory: the worst files are checked in a fraction of 1 GB ------------------------------
MEMORY_CHILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
from data_access import importer
from data_access.db import Database
db = Database(sys.argv[2])
for path in sys.argv[3:]:
    result = importer.import_file(db, open(path, "rb").read(), path, dry_run=True)
    assert result.outcome == "rejected", (path, result.issues)
# this process's own peak: ru_maxrss would carry over the forking pytest process's peak
print(next(int(line.split()[1]) for line in open("/proc/self/status")
           if line.startswith("VmHWM:")) // 1024)
"""


def test_the_worst_workbooks_are_checked_in_little_memory(tmp_path, duck_fixture_path):
    """A whole-sheet merge, a cell at XFD1048576 and a lying dimension under real rows: the
    old reader needed gigabytes for the first two (benchmarks/import_memory.py measures the
    full-size files)."""
    from benchmarks.import_memory import _flat_workbook, _sheet
    base = _flat_workbook(3_000)
    files = []
    for name, change in (("merge", after_sheet_data(b'<mergeCells count="1"><mergeCell '
                                                     b'ref="A1:XFD1048576"/></mergeCells>')),
                         ("corner", last_row(b'<row r="1048576"><c r="XFD1048576"><v>1</v>'
                                             b"</c></row>")),
                         ("dimension", dimension(b"A1:XFD1048576"))):
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(_sheet(base, change))
        files.append(str(path))
    run = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(ROOT),
                          f"duckdb:///{duck_fixture_path}", *files],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.split()[-1]) < 400  # MB, imports included (~175 MB of them)


def test_the_data_page_asks_before_creating_agencies(app_db):
    """New agencies only by an explicit choice: a checkbox on /data, unticked."""
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/data.py")
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    box = next(c for c in at.checkbox if c.key == "data_create_agencies")
    assert box.value is False and box.label.startswith("Create new agencies")
