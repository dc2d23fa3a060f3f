"""Excel files in and out (openpyxl): what kind of file an upload is, a streaming look at a
workbook before openpyxl opens it, the cells of its sheets (formulas by their cached value),
and `table_workbook`, the one way every table of the app leaves as .xlsx.

Refused before any cell is read: an empty file, one over MAX_BYTES, a password-protected
workbook (Excel wraps it in an OLE compound file), an Excel 97–2003 .xls (also OLE), a damaged
zip, a macro-enabled workbook (.xlsm, or a vbaProject part), a zip inflating beyond
MAX_UNZIPPED. Then `inspect` reads the zip as a stream (zipfile + expat, constant memory)
and refuses, before openpyxl touches it, a workbook that would not fit in memory — a sheet
whose declared or written size exceeds MAX_CELLS, a cell beyond the sheet's bounds, merged
areas over MAX_MERGED cells, a text over Excel's 32,767 characters (in a cell or the shared
strings), oversized parts, XML declarations (DTD, entities) Excel never writes — or one whose
figures come from elsewhere: links to other workbooks, data connections, formulas that read
another file or the web.
"""
from __future__ import annotations

import io
import posixpath
import re
import struct
import warnings
import xml.etree.ElementTree as ET
import xml.parsers.expat
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter

from data_access.cells import safe_text
from domain.validation import (
    DETAIL_CAP, MAX_BYTES, MAX_CELLS, MAX_MERGED, MAX_TEXT, MAX_UNZIPPED, Rejected, issue,
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_PARTS = 10_000  # files inside the zip (Excel writes a few dozen)
MAX_PART = 16 * 1024 * 1024  # any part but a worksheet (styles, workbook…), inflated
MAX_SHARED = 64 * 1024 * 1024  # the shared strings, inflated
MAX_FORMULA = 8_192  # characters of a formula (Excel's limit)
MAX_RUN = 4 * 1024 * 1024  # bytes of XML without a tag (no cell's text comes near)
MAX_INDEX = 2 * 1024 * 1024  # the workbook part and its relationships, parsed whole
EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384
CHUNK = 1 << 20
# Formulas that read another workbook ([1]Sheet!A1, 'C:\x\[a.xlsx]S'!A1), a path, the web
# (HYPERLINK("http://…") too), and the functions that fetch from outside; DDE ('cmd|…') is
# looked for outside the formula's quoted texts.
EXTERNAL = re.compile(
    r"\[\s*\d+\s*\]|\[[^\]]*\.[a-z]{2,5}\]|[a-z]+://|\bfile:|\\\\|\b[a-z]:\\|"
    r"\b(?:webservice|filterxml|rtd|dde|ddeauto|call|register(?:\.id)?|exec|image|"
    r"stockhistory|importdata|importxml|importhtml|importrange|sql\.request)\s*\(",
    re.IGNORECASE)
QUOTED = re.compile(r'"(?:[^"]|"")*"')


def reads_elsewhere(formula: str) -> bool:
    """Whether a formula (or a defined name) takes its value from outside the workbook."""
    return bool(EXTERNAL.search(formula)) or "|" in QUOTED.sub('""', formula)


# --- what a file is ---------------------------------------------------------------------
def kind_of(data: bytes, name: str) -> str:
    """'xlsx' or 'csv'; raises Rejected for anything that cannot be read."""
    size_mb = MAX_BYTES // (1024 * 1024)
    if not data:
        raise Rejected(issue("file_empty"))
    if len(data) > MAX_BYTES:
        raise Rejected(issue("file_too_large", size=f"{len(data) / 1048576:.1f}",
                             limit=size_mb))
    lower = name.lower()
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data or \
                "EncryptionInfo".encode("utf-16-le") in data:
            raise Rejected(issue("file_protected"))
        raise Rejected(issue("file_xls"))
    if data.startswith(ZIP_MAGIC) or lower.endswith((".xlsx", ".xlsm", ".xltx", ".xltm")):
        _check_zip(data, lower)
        return "xlsx"
    if lower.endswith((".xls",)):
        raise Rejected(issue("file_xls"))
    if data.startswith(UTF16_BOMS) and lower.endswith((".csv", ".txt")):
        return "csv"  # Excel's "Unicode Text": UTF-16, tab-separated
    if b"\x00" in data[:4096]:
        raise Rejected(issue("file_not_table"))
    if lower.endswith((".csv", ".txt")) or not re.search(r"\.[a-z0-9]{1,5}$", lower):
        return "csv"
    raise Rejected(issue("file_not_table"))


def _parts_declared(data: bytes) -> int:
    """The number of files the zip's end record declares, read before zipfile lists them
    (a zip of a million empty files would cost zipfile hundreds of MB)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        raise Rejected(issue("file_damaged"))
    return struct.unpack("<H", data[end + 10:end + 12])[0]


def _check_zip(data: bytes, lower: str) -> None:
    if _parts_declared(data) > MAX_PARTS:  # 0xFFFF: a zip64 archive, never an Excel file
        raise Rejected(issue("file_unsafe", detail=f"> {MAX_PARTS} parts"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        unzipped = sum(i.file_size for i in archive.infolist())
        content_types = archive.read("[Content_Types].xml") \
            if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError,
            zlib.error, NotImplementedError, RuntimeError):
        raise Rejected(issue("file_damaged")) from None
    if unzipped > MAX_UNZIPPED:
        raise Rejected(issue("file_too_large", size=f"{unzipped / 1048576:.0f}",
                             limit=MAX_UNZIPPED // (1024 * 1024)))
    if lower.endswith((".xlsm", ".xltm")) or any("vbaproject" in n.lower() for n in names) \
            or b"macroEnabled" in content_types:
        raise Rejected(issue("file_macro"))
    if not content_types or "xl/workbook.xml" not in names:
        raise Rejected(issue("file_damaged"))


# --- a streaming look before openpyxl opens the workbook ----------------------------------
@dataclass
class SheetScan:
    """What the look found in one worksheet: enough to refuse it, to fill its merged areas
    and to name its formulas, without holding its cells."""
    name: str
    part: str
    cells: int = 0
    max_row: int = 0
    max_column: int = 0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based bounds
    merged: int = 0  # cells the merges cover
    formula_cells: list[tuple[int, str]] = field(default_factory=list)  # (row, column): no value
    no_value: int = 0  # formulas without a cached value (formula_cells lists the first ones)
    formulas: int = 0  # formulas read by their cached value


class _Refuse(Exception):
    """Raised inside an expat handler; becomes Rejected."""


def _ref(text: str) -> tuple[int, int]:
    """'XFD1048576' → (1048576, 16384); ValueError for anything else."""
    m = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})", text or "")
    if not m:
        raise ValueError(text)
    return int(m.group(2)), column_index_from_string(m.group(1).upper())


def _area(text: str) -> tuple[int, int, int, int]:
    """'A1:M22' (or 'A1') → (min_row, min_col, max_row, max_col)."""
    a, _, b = (text or "").partition(":")
    r1, c1 = _ref(a)
    r2, c2 = _ref(b) if b else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def _parser(start=None, end=None, chars=None):
    """An expat parser that refuses any DTD or entity declaration (billion laughs, external
    entities): Excel never writes one."""
    p = xml.parsers.expat.ParserCreate()
    p.buffer_text = True
    p.buffer_size = 1 << 16

    def refuse(*_):
        raise _Refuse(issue("file_unsafe", detail="DTD"))

    p.StartDoctypeDeclHandler = refuse
    p.EntityDeclHandler = refuse
    p.ExternalEntityRefHandler = refuse
    if start:
        p.StartElementHandler = start
    if end:
        p.EndElementHandler = end
    if chars:
        p.CharacterDataHandler = chars
    return p


def _stream(archive: zipfile.ZipFile, part: str, parser) -> None:
    """Feed a part to expat in pieces. A run of MAX_RUN bytes without a '<' is refused first:
    expat holds a whole tag (a 700 MB attribute) in memory, and no text of a cell is that
    long."""
    run = 0  # bytes since the last '<'
    with archive.open(part) as fh:
        while chunk := fh.read(CHUNK):
            first = chunk.find(b"<")
            longest = run + (len(chunk) if first < 0 else first)
            run = longest if first < 0 else len(chunk) - chunk.rfind(b"<") - 1
            if max(longest, run) > MAX_RUN:
                raise _Refuse(issue("file_unsafe", detail=f"{part}: > {MAX_RUN // 1048576} MB"))
            parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _local(name: str) -> str:
    """'x:c' (expat) or '{namespace}c' (ElementTree) → 'c'."""
    return name.rpartition("}")[2].rpartition(":")[2]


class _SheetLook:
    """The expat handlers of one worksheet's look."""

    def __init__(self, scan: SheetScan):
        self.scan = scan
        self.row = self.col = 0
        self.text = None  # 'v', 't' or 'f' while inside one
        self.length = 0
        self.formula: list[str] = []
        self.has_f = self.has_v = False

    def refuse(self, code: str, row=None, col=None, **values):
        column = get_column_letter(col) if col and col <= EXCEL_COLUMNS else None
        raise _Refuse(issue(code, sheet=self.scan.name, row=row, column=column, **values))

    def place(self, row: int, col: int, ref: str | None) -> None:
        s = self.scan
        if row > EXCEL_ROWS or col > EXCEL_COLUMNS:
            self.refuse("sheet_out_of_bounds", row, col, ref=ref or f"R{row}C{col}")
        s.cells += 1
        s.max_row, s.max_column = max(s.max_row, row), max(s.max_column, col)
        if s.cells > MAX_CELLS or s.max_row * s.max_column > MAX_CELLS:
            self.refuse("sheet_too_large", row, col, cells=f"{s.max_row:,} × {s.max_column:,}",
                        limit=f"{MAX_CELLS:,}")

    def start(self, name, attrs):
        tag = _local(name)
        try:
            if tag == "c":
                ref = attrs.get("r")
                self.row, self.col = _ref(ref) if ref else (self.row, self.col + 1)
                self.place(self.row, self.col, ref)
                self.has_f = self.has_v = False
            elif tag == "row":
                ref = attrs.get("r")
                self.row, self.col = (int(ref) if ref else self.row + 1), 0
                if self.row > EXCEL_ROWS or self.row < 1:
                    self.refuse("sheet_out_of_bounds", self.row, None, ref=str(self.row))
            elif tag in ("v", "t", "f"):
                self.text, self.length = tag, 0
                if tag == "f":
                    self.has_f, self.formula = True, []
            elif tag == "dimension":
                self.dimension(attrs.get("ref", ""))
            elif tag == "mergeCell":
                self.merge(attrs.get("ref", ""))
        except ValueError:
            self.refuse("file_damaged", self.row or None, self.col or None)

    def dimension(self, ref: str) -> None:
        r1, c1, r2, c2 = _area(ref)
        if r2 > EXCEL_ROWS or c2 > EXCEL_COLUMNS or (r2 - r1 + 1) * (c2 - c1 + 1) > MAX_CELLS:
            self.refuse("sheet_declared_too_large", ref=ref, limit=f"{MAX_CELLS:,}",
                        cells=f"{(r2 - r1 + 1) * (c2 - c1 + 1):,}")

    def merge(self, ref: str) -> None:
        s = self.scan
        r1, c1, r2, c2 = _area(ref)
        if r2 > EXCEL_ROWS or c2 > EXCEL_COLUMNS:
            self.refuse("sheet_out_of_bounds", r2, c2, ref=ref)
        s.merged += (r2 - r1 + 1) * (c2 - c1 + 1)
        if s.merged > MAX_MERGED or len(s.merges) >= MAX_MERGED:
            self.refuse("sheet_merges_too_large", r1, c1, ref=ref, limit=f"{MAX_MERGED:,}")
        s.merges.append((r1, c1, r2, c2))

    def chars(self, data):
        if self.text is None:
            return
        self.length += len(data)
        if self.text == "f":
            if self.length > MAX_FORMULA:
                self.refuse("formula_too_long", self.row, self.col, limit=f"{MAX_FORMULA:,}")
            self.formula.append(data)
        elif self.length > MAX_TEXT:
            self.refuse("cell_too_long", self.row, self.col, limit=f"{MAX_TEXT:,}")

    def end(self, name):
        tag = _local(name)
        if tag in ("v", "t"):
            self.has_v = self.has_v or self.length > 0
            self.text = None
        elif tag == "f":
            self.text = None
            formula = "".join(self.formula)
            if reads_elsewhere(formula):
                self.refuse("formula_external", self.row, self.col, formula="=" + formula)
        elif tag == "c" and self.has_f:
            s = self.scan
            if self.has_v:
                s.formulas += 1
            else:
                s.no_value += 1
                if len(s.formula_cells) < DETAIL_CAP:
                    s.formula_cells.append((self.row, get_column_letter(self.col)))


def _shared_strings(archive: zipfile.ZipFile, part: str) -> None:
    """The shared strings: each within Excel's limit, no more than MAX_CELLS of them."""
    state = {"n": 0, "length": 0}

    def start(name, attrs):
        tag = _local(name)
        if tag == "si":
            state["n"] += 1
            state["length"] = 0
            if state["n"] > MAX_CELLS:
                raise _Refuse(issue("shared_strings_too_many", limit=f"{MAX_CELLS:,}"))
        elif tag == "sst":
            for key in ("count", "uniqueCount"):
                declared = attrs.get(key, "0")
                if not declared.isdigit() or int(declared) > 2 ** 31:
                    raise _Refuse(issue("shared_strings_too_many", limit=f"{MAX_CELLS:,}"))
            if int(attrs.get("uniqueCount", "0")) > MAX_CELLS:
                raise _Refuse(issue("shared_strings_too_many", limit=f"{MAX_CELLS:,}"))

    def chars(data):
        state["length"] += len(data)
        if state["length"] > MAX_TEXT:
            raise _Refuse(issue("shared_string_too_long", n=state["n"], limit=f"{MAX_TEXT:,}"))

    _stream(archive, part, _parser(start, None, chars))


def _xml(archive: zipfile.ZipFile, part: str) -> ET.Element:
    """A small part (workbook, relationships) parsed after the size and DTD checks."""
    _part_size(archive.getinfo(part), MAX_INDEX)
    _stream(archive, part, _parser())
    return ET.fromstring(archive.read(part))


def _part_size(info: zipfile.ZipInfo, limit: int) -> None:
    if info.file_size > limit:
        raise Rejected(issue("file_part_too_large", part=info.filename,
                             size=f"{info.file_size / 1048576:.0f}", limit=limit // 1048576))


def _workbook_sheets(archive: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str]]:
    """(sheet name, worksheet part) as openpyxl will find them: through the workbook's
    relationships (a target relative to xl/, or absolute)."""
    rels_part = "xl/_rels/workbook.xml.rels"
    targets = {}
    if rels_part in names:
        for rel in _xml(archive, rels_part).iter():
            if _local(rel.tag) != "Relationship":
                continue
            kind = rel.get("Type", "")
            if kind.endswith(("/externalLink", "/connections")) or \
                    (rel.get("TargetMode") == "External" and "hyperlink" not in kind):
                raise Rejected(issue("file_external_link", part=rel.get("Target", "")))
            target = rel.get("Target", "")
            targets[rel.get("Id")] = target[1:] if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
    sheets = []
    for node in _xml(archive, "xl/workbook.xml").iter():
        if _local(node.tag) == "definedName" and reads_elsewhere(node.text or ""):
            raise Rejected(issue("file_external_link", part=node.get("name", "")))
        if _local(node.tag) == "sheet":
            rid = next((v for k, v in node.attrib.items() if _local(k) == "id"), None)
            part = targets.get(rid)
            if part in names:
                sheets.append((node.get("name", ""), part))
    return sheets


def inspect(data: bytes) -> dict[str, SheetScan]:
    """Every worksheet's look, by worksheet part; raises Rejected (with the sheet, row and
    column where there is one) for a workbook that would not fit or reads from elsewhere.
    Memory stays flat whatever the file holds: parts are streamed, texts only counted."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = {i.filename: i for i in archive.infolist()}
        for name, info in infos.items():
            low = name.lower()
            if low.startswith("xl/externallinks/"):
                raise Rejected(issue("file_external_link", part=name))
            if low == "xl/connections.xml" or low.startswith("xl/querytables/"):
                raise Rejected(issue("file_connection", part=name))
        sheets = _workbook_sheets(archive, set(infos))
        sheet_parts = {part for _, part in sheets}
        for name, info in infos.items():
            if name not in sheet_parts:
                _part_size(info, MAX_SHARED if name == "xl/sharedStrings.xml" else MAX_PART)
            if name not in sheet_parts and name.endswith((".xml", ".rels")) and \
                    name != "xl/sharedStrings.xml":
                _stream(archive, name, _parser())  # no DTD in any part openpyxl may parse
        if "xl/sharedStrings.xml" in infos:
            _shared_strings(archive, "xl/sharedStrings.xml")
        scans, cells = {}, 0
        for sheet_name, part in sheets:
            scan = SheetScan(sheet_name, part)
            look = _SheetLook(scan)
            _stream(archive, part, _parser(look.start, look.end, look.chars))
            cells += scan.cells
            if cells > MAX_CELLS:
                raise Rejected(issue("workbook_too_large", cells=f"{cells:,}",
                                     limit=f"{MAX_CELLS:,}"))
            scans[part] = scan
        return scans
    except _Refuse as exc:
        raise Rejected(exc.args[0]) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, zlib.error,
            NotImplementedError, RuntimeError, ET.ParseError, xml.parsers.expat.ExpatError):
        raise Rejected(issue("file_damaged")) from None


# --- the cells of a workbook -------------------------------------------------------------
@dataclass
class Sheet:
    name: str
    rows: list[list]  # cell values, row by row from row 1; merged areas filled
    formula_cells: list[tuple[int, str]] = field(default_factory=list)  # (row, column): no value
    formulas: int = 0  # formula cells read by their cached value
    no_value: int = 0  # formula cells without a cached value (formula_cells lists the first)


def _open(data: bytes):
    with warnings.catch_warnings():  # openpyxl warns about styles, validation, …
        warnings.simplefilter("ignore")
        try:
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True,
                                 keep_links=False)
        except Exception as exc:  # noqa: BLE001 - any parser failure means a damaged file
            raise Rejected(issue("file_damaged", detail=type(exc).__name__)) from None


def _fill_merges(rows: list[list], merges) -> None:
    """Each merged area takes its top-left value, within the rows the sheet has (the look
    bounded the areas' size)."""
    for r1, c1, r2, c2 in merges:
        if r1 > len(rows):
            continue
        top = rows[r1 - 1][c1 - 1] if c1 - 1 < len(rows[r1 - 1]) else None
        for r in range(r1, min(r2, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < c2:
                row.extend([None] * (c2 - len(row)))
            row[c1 - 1:c2] = [top] * (c2 - c1 + 1)


def read_workbook(data: bytes, progress=None) -> list[Sheet]:
    """Every visible sheet's cell values, after `inspect`. Formulas are read by the value
    Excel cached when it saved the file; a formula without one (a file written by a
    program, never opened in Excel) is listed in formula_cells, for the importer to
    refuse. Read streaming (openpyxl read-only), the sheets' declared sizes ignored."""
    scans = inspect(data)
    book = _open(data)
    sheets = []
    try:
        for ws in book.worksheets:
            part = getattr(ws, "_worksheet_path", None)
            if part not in scans:  # never read a part the look did not see
                raise Rejected(issue("file_damaged", detail=str(part)))
            scan = scans[part]
            if getattr(ws, "sheet_state", "visible") != "visible" and len(book.worksheets) > 1:
                continue
            ws.reset_dimensions()
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            _fill_merges(rows, scan.merges)
            sheets.append(Sheet(ws.title, rows, scan.formula_cells, scan.formulas,
                                scan.no_value))
            if progress:
                progress(len(sheets) / max(len(book.worksheets), 1))
    finally:
        book.close()
    return sheets


# --- writing ----------------------------------------------------------------------------
FORMATS = {"int": "#,##0", "vnd": "#,##0", "pct": "0.0%", "points": "0.0", "text": "@",
           "date": "dd/mm/yyyy"}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
SHEET_MAX = 31  # Excel's limit on a sheet's name
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def set_value(cell, value) -> None:
    """Write a value; a text is always a string cell (openpyxl would take "=…" for a formula),
    made safe by data_access.cells.safe_text ("'=…"), as in every CSV the product writes."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        cell.value = None
        return
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = TYPE_STRING
        return
    if isinstance(value, (int, float, date, datetime, bool)):
        cell.value = value
        return
    set_value(cell, str(value))


def sheet_title(name: str) -> str:
    """A sheet's name as Excel takes it: none of [ ] : * ? / \\, at most 31 characters —
    a longer name keeps its whole words that fit, never half of one."""
    clean = " ".join(SHEET_FORBIDDEN.sub(" ", name).split()).strip("'")
    if len(clean) > SHEET_MAX:
        words = clean[:SHEET_MAX + 1].rsplit(" ", 1)[0]  # the last word fits only if whole
        clean = words.rstrip(" ,;.–—-") if len(words) <= SHEET_MAX else clean[:SHEET_MAX]
    return clean or "Sheet1"


def _width(values) -> float:
    longest = max((len(str(v)) for v in values if v is not None), default=6)
    return float(min(max(longest + 2, 8), 60))


def table_workbook(table: pd.DataFrame, *, title: str, context_lines: list[str], source: str,
                   formats: dict[str, str] | None = None, lang: str = "vi",
                   sheet: str | None = None) -> bytes:
    """An .xlsx of one table: the title, the scope / period / filter lines and the source
    above it, the headers as given (already translated), number formats per column ("int",
    "pct" for ratios, "points" for differences of rates in points, "vnd", "text", "date"), a
    frozen header, widths from the content. The sheet is named `sheet` (a short name from
    domain/strings/export.py), else the title (cut between words when longer). Numbers stay
    numbers; how they display (1.234 or 1,234) is the reader's Excel locale."""
    formats = formats or {}
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(sheet or title)
    width = max(len(table.columns), 1)
    set_value(ws.cell(1, 1), title)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    r = 2
    for line in context_lines:
        set_value(ws.cell(r, 1), line)
        r += 1
    set_value(ws.cell(r, 1), source)
    ws.cell(r, 1).font = Font(italic=True)
    header_row = r + 2
    for c, name in enumerate(table.columns, start=1):
        cell = ws.cell(header_row, c)
        set_value(cell, str(name))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for c, name in enumerate(table.columns, start=1):
        fmt = FORMATS.get(formats.get(name, ""))
        values = table[name].tolist()
        for i, v in enumerate(values):
            cell = ws.cell(header_row + 1 + i, c)
            set_value(cell, v)
            if fmt and cell.data_type != TYPE_STRING or fmt == "@":
                cell.number_format = fmt or "General"
        col_values = [name] + values[:500]
        ws.column_dimensions[get_column_letter(c)].width = _width(col_values)
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width, 12)
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    if len(table):
        ws.auto_filter.ref = (f"A{header_row}:{get_column_letter(width)}"
                              f"{header_row + len(table)}")
    wb.properties.language = "vi-VN" if lang == "vi" else "en-GB"
    wb.properties.title = title
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
