"""Nothing the product writes runs as a formula: every CSV and xlsx writer passes its text cells
through data_access.cells.safe_text (a leading single quote, as OWASP advises), while numbers,
negative ones too, stay numbers. Names are written where they come from — the database, as an
imported file would leave them — and read back with the csv module and openpyxl."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from data_access import coverage, export, flat, form06a, index766
from data_access.cells import safe_text, write_csv
from data_access.db import Database
from data_access.schema import agencies, procedures
from data_access.xlsx import table_workbook
from domain.periods import Month, MonthRange
from domain.scope import Scope
from tests import fixture_data

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["=cmd|' /C calc'!A0", "+1-2", "-3+4", "@SUM(A1)", "\t=1", "\r=1"]
Q1 = MonthRange(Month(2024, 1), Month(2024, 3))


@pytest.mark.parametrize("name", NAMES)
def test_a_risky_text_gets_a_quote(name):
    assert safe_text(name) == "'" + name


@pytest.mark.parametrize("value", ["Hà Nội", "01", "B-TP", "", " =1", "'=1", "1.001193", -3,
                                   -0.5, 0, None])
def test_anything_else_is_left_as_it_is(value):
    assert safe_text(value) is value


def csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def xlsx_cells(data: bytes) -> list:
    """Every cell of every sheet; none may hold a formula."""
    cells = [c for ws in load_workbook(io.BytesIO(data)).worksheets
             for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    return cells


def quoted_in(values) -> set[str]:
    """The hostile names found among the values, each written with its quote."""
    values = [v for v in values if isinstance(v, str)]
    for name in NAMES:
        assert name not in values, repr(name)  # never raw
    return {v[1:] for v in values if v[1:] in NAMES and v.startswith("'")} | {
        n for n in NAMES for v in values if v.startswith("'" + n)}


FRAME = pd.DataFrame({"Tên": NAMES, "Số": [-3, 4, -5, 6, 7, -8],
                      "Tỷ lệ": [-0.25, 0.5, 0.1, 0.2, 0.3, 0.4]})


def test_a_frame_read_back_from_csv():
    rows = csv_cells(write_csv(FRAME).encode())
    assert len(rows) == 1 + len(NAMES)  # "\r=1" is quoted: no row of its own for "=1"
    assert [r[0] for r in rows[1:]] == ["'" + n for n in NAMES]
    assert [r[1] for r in rows[1:]] == ["-3", "4", "-5", "6", "7", "-8"]  # numbers, unquoted


def test_a_frame_read_back_from_xlsx():
    data = table_workbook(FRAME, title="=1+1", context_lines=["-x"], source="@y")
    cells = xlsx_cells(data)
    ws = load_workbook(io.BytesIO(data)).active
    assert (ws["A1"].value, ws["A2"].value, ws["A3"].value) == ("'=1+1", "'-x", "'@y")
    names = [c.value for c in cells if c.column == 1 and c.row > 5]
    assert names == ["'" + n for n in NAMES]
    numbers = [c for c in cells if c.column == 2 and c.row > 5]
    assert [c.value for c in numbers] == [-3, 4, -5, 6, 7, -8]
    assert {c.data_type for c in numbers} == {"n"}


def test_headers_are_cells_too():
    frame = pd.DataFrame({"=SUM(A1)": ["a"], "x": [1]})
    assert csv_cells(write_csv(frame).encode())[0] == ["'=SUM(A1)", "x"]


@pytest.fixture
def hostile_url(tmp_path) -> str:
    """The fixture, its agencies, procedures and a ministry named as an attacker would."""
    url = f"duckdb:///{tmp_path / 'hostile.duckdb'}"
    db = Database(url)
    fixture_data.build(db)
    with db.transaction() as conn:
        for i, name in zip((1, 2, 3, 4), NAMES):
            conn.execute(sa.update(agencies).where(agencies.c.id == i).values(name_vi=name))
        codes = [p["code"] for p in fixture_data.PROCEDURES]
        for code, name in zip(codes, NAMES[3:]):
            conn.execute(sa.update(procedures).where(procedures.c.code == code)
                         .values(name_vi=name))
    db.dispose()
    return url


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("by, expected", [("agency", NAMES[:4]), ("procedure", NAMES[3:])])
def test_the_command_line_export(hostile_url, monkeypatch, tmp_path, fmt, by, expected):
    monkeypatch.setenv("DVC_DATABASE_URL", hostile_url)
    out = tmp_path / f"out.{fmt}"
    assert export.main(["--level", "nation", "--from", "2024-01", "--to", "2024-03", "--by", by,
                        "--format", fmt, "--out", str(out)]) == 0
    data = out.read_bytes()
    values = [c for row in csv_cells(data) for c in row] if fmt == "csv" else \
        [c.value for c in xlsx_cells(data)]
    assert quoted_in(values) == set(expected)


def test_the_form_ii06a(hostile_url):
    db = Database(hostile_url)
    data = form06a.form_workbook(db, Scope(locality="63:01"), Q1)
    db.dispose()
    assert quoted_in([c.value for c in xlsx_cells(data)]) == set(NAMES[:2])


def test_the_coverage_list(hostile_url, tmp_path):
    out = tmp_path / "late.csv"
    assert coverage.main(["--month", "2024-04", "--format", "csv", "--out", str(out),
                          "--url", hostile_url]) == 0
    values = [c for row in csv_cells(out.read_bytes()) for c in row]
    assert quoted_in(values) == set(NAMES[:4])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_index766_export(tmp_path, fmt):
    frame = pd.DataFrame({"code": ["01", "79"], "name": NAMES[:2], "total": [-1.5, 80.0]})
    out = tmp_path / f"i766.{fmt}"
    index766.write(frame, fmt, out, title="Chỉ số 766", context=[], source="", lang="vi")
    data = out.read_bytes()
    values = [c for row in csv_cells(data) for c in row] if fmt == "csv" else \
        [c.value for c in xlsx_cells(data)]
    assert quoted_in(values) == set(NAMES[:2])
    assert (-1.5 in values) if fmt == "xlsx" else ("-1.50" in values)  # a number stays one


def test_the_templates():
    rows = csv_cells(flat.csv_template(["agency_name", "received_online"],
                                       {"agency_name": NAMES[0], "received_online": -1}))
    assert rows[1] == ["'" + NAMES[0], "-1"]
    written = csv_cells(flat.to_csv(pd.DataFrame({"agency_name": NAMES, "carried_over": 1})))
    assert [r[0] for r in written[1:]] == ["'" + n for n in NAMES]
    for data in (flat.template_xlsx("vi"), index766.template_xlsx("en")):
        xlsx_cells(data)


# Every writer of today goes through data_access.cells, and a new one must: CSV only through
# cells.write_csv / csv_rows, openpyxl cells only through xlsx.set_value. (db.py's CSV is
# PostgreSQL's COPY input, a database load, never a file anyone opens.)
WRITERS = {re.compile(r"\.to_csv\(|csv\.writer\(|csv\.DictWriter\("): ("cells.py", "db.py"),
           re.compile(r"\.value\s*=[^=]|\.cell\([^)]*value=|\b(ws|sheet|worksheet|guide)\.append\(|"
                      r"\[[\"'][A-Z]{1,3}[0-9]+[\"']\]\s*=[^=]"): ("xlsx.py",)}


@pytest.mark.parametrize("path", sorted((ROOT / "data_access").rglob("*.py")),
                         ids=lambda p: p.name)
def test_every_writer_goes_through_the_cells(path):
    text = path.read_text(encoding="utf-8")
    if "openpyxl" not in text and "csv" not in text:
        return
    for n, line in enumerate(text.splitlines(), start=1):
        for pattern, allowed in WRITERS.items():
            if pattern.search(line) and ("openpyxl" in text or "csv" in pattern.pattern):
                assert path.name in allowed, f"{path.name}:{n} writes cells itself: {line.strip()}"
