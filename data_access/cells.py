"""The cells of every CSV and xlsx the product writes, made safe in one place: a text that a
spreadsheet would read as a formula (OWASP "CSV injection": `=cmd|' /C calc'!A0`, `+1-2`,
`@SUM(A1)`) is written with a leading single quote, so Excel, LibreOffice and Google Sheets
show it as text and never run it. Names and codes come from imported files and from the URL,
so any text cell may carry one."""
from __future__ import annotations

import csv
import io

import pandas as pd
from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype

RISKY_START = ("=", "+", "-", "@", "\t", "\r")
# RFC 4180's line end; with it the csv module also quotes a text holding a carriage return,
# which unquoted would start a new row ("x\r=1" → a row starting "=1").
LINE_END = "\r\n"


def safe_text(value):
    """A text starting with = + - @, a tab or a carriage return, quoted ("'=1"); any other
    value as it is — numbers stay numbers (-3 is a number, "-3+4" a text), blanks blank."""
    if isinstance(value, str) and value.startswith(RISKY_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its headers and the text cells of its text columns through safe_text;
    numeric, boolean and date columns untouched."""
    out = frame.copy()
    for i, column in enumerate(frame.columns):
        values = frame.iloc[:, i]
        if not (is_numeric_dtype(values) or is_bool_dtype(values)
                or is_datetime64_any_dtype(values)):
            out.isetitem(i, values.map(safe_text, na_action="ignore"))
    out.columns = [safe_text(c) for c in frame.columns]
    return out


def write_csv(frame: pd.DataFrame, out=None, **options):
    """The one way a table leaves as CSV: `safe_frame`, no index, RFC 4180 line ends; `out` and
    `options` as DataFrame.to_csv takes them (None: returns the text)."""
    return safe_frame(frame).to_csv(out, index=False, lineterminator=LINE_END, **options)


def csv_rows(rows) -> str:
    """Rows of cells (the header first) as CSV text, each cell through safe_text."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator=LINE_END).writerows([safe_text(v) for v in r] for r in rows)
    return buf.getvalue()
