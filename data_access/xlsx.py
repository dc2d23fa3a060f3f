"""Excel files in and out (openpyxl): what kind of file an upload is, the cells of its sheets
(formulas by their cached value), and `table_workbook`, the one way every table of the app
leaves as .xlsx.

Refused before any cell is read: an empty file, one over MAX_BYTES, a password-protected
workbook (Excel wraps it in an OLE compound file), an Excel 97–2003 .xls (also OLE), a damaged
zip, a macro-enabled workbook (.xlsm, or a vbaProject part), a zip inflating beyond
MAX_UNZIPPED.
"""
from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from domain.validation import MAX_BYTES, MAX_UNZIPPED, Rejected, issue

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
SMALL_WORKBOOK = 1_500_000  # below this, a workbook is read whole (merged cells known)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
    if b"\x00" in data[:4096]:
        raise Rejected(issue("file_not_table"))
    if lower.endswith((".csv", ".txt")) or not re.search(r"\.[a-z0-9]{1,5}$", lower):
        return "csv"
    raise Rejected(issue("file_not_table"))


def _check_zip(data: bytes, lower: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        unzipped = sum(i.file_size for i in archive.infolist())
        content_types = archive.read("[Content_Types].xml") \
            if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError):
        raise Rejected(issue("file_damaged")) from None
    if unzipped > MAX_UNZIPPED:
        raise Rejected(issue("file_too_large", size=f"{unzipped / 1048576:.0f}",
                             limit=MAX_UNZIPPED // (1024 * 1024)))
    if lower.endswith((".xlsm", ".xltm")) or any("vbaproject" in n.lower() for n in names) \
            or b"macroEnabled" in content_types:
        raise Rejected(issue("file_macro"))
    if not content_types or "xl/workbook.xml" not in names:
        raise Rejected(issue("file_damaged"))


# --- the cells of a workbook -------------------------------------------------------------
@dataclass
class Sheet:
    name: str
    rows: list[list]  # cell values, row by row from row 1; merged areas filled
    formula_cells: list[str] = field(default_factory=list)  # formulas with no cached value
    formulas: int = 0  # formula cells read by their cached value
    first_row: int = 1


def _open(data: bytes, *, read_only: bool, data_only: bool):
    with warnings.catch_warnings():  # openpyxl warns about styles, validation, …
        warnings.simplefilter("ignore")
        try:
            return load_workbook(io.BytesIO(data), read_only=read_only, data_only=data_only,
                                 keep_links=False)
        except Exception as exc:  # noqa: BLE001 - any parser failure means a damaged file
            raise Rejected(issue("file_damaged", detail=type(exc).__name__)) from None


def _has_formulas(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as fh:
                    if re.search(rb"<(?:\w+:)?f[ >/]", fh.read()):
                        return True
    return False


def read_workbook(data: bytes, progress=None) -> list[Sheet]:
    """Every sheet's cell values. Formulas are read by the value Excel cached when it saved
    the file; a formula without one (a file written by a program, never opened in Excel) is
    listed in formula_cells, for the importer to refuse."""
    small = len(data) <= SMALL_WORKBOOK
    values = _open(data, read_only=not small, data_only=True)
    formulas = _open(data, read_only=not small, data_only=False) if _has_formulas(data) \
        else None
    sheets = []
    try:
        for ws in values.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible" and len(values.worksheets) > 1:
                continue
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            sheet = Sheet(ws.title, rows)
            if small:
                for rng in ws.merged_cells.ranges:
                    top = rows[rng.min_row - 1][rng.min_col - 1] \
                        if rng.min_row - 1 < len(rows) else None
                    for r in range(rng.min_row, rng.max_row + 1):
                        for c in range(rng.min_col, rng.max_col + 1):
                            if r - 1 < len(rows):
                                row = rows[r - 1]
                                if c - 1 >= len(row):
                                    row.extend([None] * (c - len(row)))
                                row[c - 1] = top
            if formulas is not None:
                fws = formulas[ws.title]
                for r_i, row in enumerate(fws.iter_rows(values_only=True)):
                    for c_i, v in enumerate(row):
                        if isinstance(v, str) and v.startswith("="):
                            cached = rows[r_i][c_i] if r_i < len(rows) and c_i < len(rows[r_i]) \
                                else None
                            if cached is None:
                                sheet.formula_cells.append(f"{get_column_letter(c_i + 1)}{r_i + 1}")
                            else:
                                sheet.formulas += 1
            sheets.append(sheet)
            if progress:
                progress(len(sheets) / max(len(values.worksheets), 1))
    finally:
        values.close()
        if formulas is not None:
            formulas.close()
    return sheets


def column_name(index: int) -> str:
    return get_column_letter(index + 1)


# --- writing ----------------------------------------------------------------------------
FORMATS = {"int": "#,##0", "vnd": "#,##0", "pct": "0.0%", "text": "@", "date": "dd/mm/yyyy"}
RISKY_START = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def set_value(cell, value) -> None:
    """Write a value; a text that Excel would take for a formula (= + - @) is stored as a
    string cell with a leading apostrophe-quote (quotePrefix), so Excel shows it and never
    runs it."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        cell.value = None
        return
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, str):
        cell.value = value
        cell.data_type = TYPE_STRING
        if value.startswith(RISKY_START):
            cell.quotePrefix = True
        return
    if isinstance(value, (int, float, date, datetime, bool)):
        cell.value = value
        return
    set_value(cell, str(value))


def _width(values) -> float:
    longest = max((len(str(v)) for v in values if v is not None), default=6)
    return float(min(max(longest + 2, 8), 60))


def table_workbook(table: pd.DataFrame, *, title: str, context_lines: list[str], source: str,
                   formats: dict[str, str] | None = None, lang: str = "vi") -> bytes:
    """An .xlsx of one table: the title, the scope / period / filter lines and the source
    above it, the headers as given (already translated), number formats per column ("int",
    "pct" for ratios, "vnd", "text", "date"), a frozen header, widths from the content.
    Numbers stay numbers; how they display (1.234 or 1,234) is the reader's Excel locale."""
    formats = formats or {}
    wb = Workbook()
    ws = wb.active
    ws.title = (re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip() or "Sheet1")
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
