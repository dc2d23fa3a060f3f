"""The flat template: one row per period × agency × procedure (or field), .xlsx or .csv (UTF-8).

Reading turns the file's cells into typed columns, with an Issue for every cell that does not
read (the rules are in domain/validation.py); codes are checked against the database later,
by the importer, in the era of each row's period (a province and an agency are written as
people write them, "24" or "Bắc Ninh", "01-S02", never as our keys). Blank count cells are
"not reported", which is not zero.
"""
from __future__ import annotations

import csv
import io
import re

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from data_access.xlsx import set_value
from domain.i18n import t
from domain.metrics import COUNT_COLUMNS
from domain.validation import (
    ERROR, LEVELS, MAX_ROWS, WARNING, Issues, Rejected, code_text, issue, locality_code,
    parse_count_column, parse_date,
)

KEY_COLUMNS = ("period_start", "period_end", "locality_code", "agency_code", "agency_name",
               "agency_level", "field_code", "procedure_code")
FLAT_COUNTS = ("received_online", "received_full_online", "received_direct", "received_postal",
               "carried_over", "resolved_early", "resolved_on_time", "resolved_late",
               "pending_on_time", "pending_late", "paid_online", "paid_online_vnd",
               "fee_bearing", "digitised", "e_results", "data_reused", "rated", "not_satisfied")
assert set(FLAT_COUNTS) == set(COUNT_COLUMNS)
COLUMNS = KEY_COLUMNS + FLAT_COUNTS
REQUIRED = ("period_start", "period_end", "locality_code", "agency_code")
EXAMPLE = {
    "period_start": "2026-01-01", "period_end": "2026-01-31", "locality_code": "01",
    "agency_code": "01-S02", "agency_name": "Sở Tư pháp", "agency_level": "province",
    "field_code": "G15-TP07", "procedure_code": "1.001193", "received_online": 60,
    "received_full_online": 30, "received_direct": 35, "received_postal": 5, "carried_over": 10,
    "resolved_early": 50, "resolved_on_time": 40, "resolved_late": 5, "pending_on_time": 12,
    "pending_late": 3, "paid_online": None, "paid_online_vnd": None, "fee_bearing": None,
    "digitised": 80, "e_results": 70, "data_reused": 40, "rated": 20, "not_satisfied": 1,
}


def header_key(value) -> str:
    return re.sub(r"[\s\-]+", "_", str(value or "").strip().lower())


def find_header(rows: list[list], limit: int = 15) -> int | None:
    """The index of the row naming at least three template columns, or None."""
    names = set(COLUMNS)
    for i, row in enumerate(rows[:limit]):
        if sum(1 for v in row if header_key(v) in names) >= 3:
            return i
    return None


# --- reading ----------------------------------------------------------------------------
def read_csv(data: bytes) -> tuple[pd.DataFrame, np.ndarray]:
    """The CSV's cells as text (blank = NaN) and each row's line number in the file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise Rejected(issue("csv_encoding", row=line)) from None
    lines = text.splitlines()
    head = find_header([re.split(r"[;,\t]", ln) for ln in lines[:15]])
    if head is None:
        if not text.strip():
            raise Rejected(issue("file_empty"))
        raise Rejected(issue("no_header", sheet="CSV", expected=", ".join(REQUIRED)))
    first = lines[head]
    sep = max((";", ",", "\t"), key=first.count)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, skiprows=head,
                            keep_default_na=False, na_values=[""], skip_blank_lines=False,
                            quoting=csv.QUOTE_MINIMAL, engine="c")
    except (pd.errors.ParserError, ValueError) as exc:
        m = re.search(r"line (\d+)", str(exc))
        row = int(m.group(1)) + head if m else None
        raise Rejected(issue("csv_damaged", row=row)) from None
    rows = np.arange(len(frame)) + head + 2
    return frame, rows


def sheet_frame(rows: list[list], head: int) -> tuple[pd.DataFrame, np.ndarray]:
    """A worksheet's cells below its header row as a frame (object values)."""
    header = rows[head]
    body = rows[head + 1:]
    width = len(header)
    body = [list(r[:width]) + [None] * (width - len(r)) for r in body]
    names = [str(h) if h is not None else f"_col{i}" for i, h in enumerate(header)]
    frame = pd.DataFrame(body, columns=names, dtype=object)
    return frame, np.arange(len(frame)) + head + 2


def parse(raw: pd.DataFrame, rows: np.ndarray, sheet: str, found: Issues) -> pd.DataFrame | None:
    """Typed rows of the template (codes still unresolved), or None when the sheet cannot be
    read (a missing column). Cell problems are added to `found`."""
    keys = [header_key(c) for c in raw.columns]
    seen = {}
    for original, key in zip(raw.columns, keys):
        if key in seen and key in COLUMNS:
            found("column_twice", ERROR, sheet, column=str(original))
        seen.setdefault(key, original)
    for original, key in zip(raw.columns, keys):
        if key not in COLUMNS and not key.startswith("_col") and key:
            found("column_ignored", WARNING, sheet, column=str(original))
    missing = [c for c in REQUIRED if c not in seen]
    if "field_code" not in seen and "procedure_code" not in seen:
        missing.append("field_code / procedure_code")
    for c in missing:
        found("missing_column", ERROR, sheet, column=c)
    counts = [c for c in FLAT_COUNTS if c in seen]
    if not counts:
        found("no_count_columns", ERROR, sheet)
    if missing or not counts:
        return None
    raw = raw.rename(columns={seen[k]: k for k in seen if k in COLUMNS})
    raw = raw.loc[:, ~raw.columns.duplicated()]
    filled = raw[[c for c in COLUMNS if c in raw.columns]].notna()
    if raw.dtypes.eq(object).any():  # blank text cells from Excel
        filled &= ~raw[filled.columns].map(lambda v: isinstance(v, str) and not v.strip())
    keep = filled.any(axis=1).to_numpy()
    raw, rows = raw[keep].reset_index(drop=True), rows[keep]
    if raw.empty:
        found("sheet_no_rows", ERROR, sheet)
        return None
    if len(raw) > MAX_ROWS:
        found("too_many_rows", ERROR, sheet, n=len(raw), limit=MAX_ROWS)
        return None
    out = pd.DataFrame({"sheet": sheet, "row": rows})
    row_s = pd.Series(rows)

    for col in ("period_start", "period_end"):
        values = raw[col]
        uniques = pd.unique(values.dropna())
        parsed = {v: parse_date(v) for v in uniques}
        dates = values.map(lambda v: parsed.get(v) if v == v and v is not None else None)
        out[col] = pd.to_datetime(dates, errors="coerce")
        for i in np.flatnonzero(out[col].isna().to_numpy()):
            v = values.iloc[i]
            if v is None or v != v or (isinstance(v, str) and not v.strip()):
                found("required_value", ERROR, sheet, rows[i], col)
            else:
                found("bad_date", ERROR, sheet, rows[i], col, value=str(v))
    bad_order = (out["period_end"] < out["period_start"]).to_numpy()
    for i in np.flatnonzero(bad_order):
        found("period_order", ERROR, sheet, rows[i], "period_end",
              start=str(out["period_start"].iloc[i].date()), end=str(out["period_end"].iloc[i].date()))

    def codes(col, fn=code_text):
        if col not in raw.columns:
            return pd.Series([None] * len(raw), dtype=object)
        values = raw[col]
        uniques = pd.unique(values.dropna())
        mapping = {v: fn(v) for v in uniques}
        return values.map(lambda v: mapping.get(v) if v is not None and v == v else None) \
            .astype(object)

    out["locality_code"] = codes("locality_code", locality_code).to_numpy()
    out["agency_code"] = codes("agency_code").to_numpy()
    out["agency_name"] = codes("agency_name").to_numpy()
    out["agency_level"] = codes("agency_level", lambda v: (code_text(v) or "").lower() or None) \
        .to_numpy()
    out["field_code"] = codes("field_code", lambda v: (code_text(v) or "").upper() or None) \
        .to_numpy()
    out["procedure_code"] = codes("procedure_code").to_numpy()
    for col in ("locality_code", "agency_code"):
        for i in np.flatnonzero(out[col].isna().to_numpy()):
            found("required_value", ERROR, sheet, rows[i], col)
    both_blank = out["field_code"].isna() & out["procedure_code"].isna()
    for i in np.flatnonzero(both_blank.to_numpy()):
        found("field_required", ERROR, sheet, rows[i], "field_code")
    bad_level = out["agency_level"].notna() & ~out["agency_level"].isin(LEVELS)
    for i in np.flatnonzero(bad_level.to_numpy()):
        found("bad_level", ERROR, sheet, rows[i], "agency_level",
              value=out["agency_level"].iloc[i], levels=", ".join(LEVELS))

    for col in FLAT_COUNTS:
        if col not in raw.columns:
            out[col] = pd.array([pd.NA] * len(raw), dtype="Int64")
            continue
        values, problems = parse_count_column(raw[col].reset_index(drop=True))
        out[col] = values.to_numpy()
        bad = problems.notna().to_numpy()
        for i in np.flatnonzero(bad):
            found(f"count_{problems.iloc[i]}", ERROR, sheet, row_s.iloc[i], col,
                  value=str(raw[col].iloc[i]))
    return out


# --- the template -----------------------------------------------------------------------
def _guide_rows(lang: str) -> list[tuple]:
    rows = []
    for col in COLUMNS:
        need = col in REQUIRED or col in ("field_code", "procedure_code")
        rows.append((col, t(f"flat_col_{col}", lang), t("flat_required", lang) if need
                     else t("flat_optional", lang), EXAMPLE[col]))
    return rows


def template_xlsx(lang: str = "vi") -> bytes:
    """The flat template: the header and one example row, and a guide sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    for c, name in enumerate(COLUMNS, start=1):
        set_value(ws.cell(1, c), name)
        ws.cell(1, c).font = Font(bold=True)
        ws.cell(1, c).fill = PatternFill("solid", fgColor="DDEBF7")
        cell = ws.cell(2, c)
        set_value(cell, EXAMPLE[name])
        if name in ("locality_code", "procedure_code", "field_code", "agency_code"):
            cell.number_format = "@"  # '01' and '2.000720' must stay text
        ws.column_dimensions[cell.column_letter].width = max(len(name) + 2, 12)
    ws.freeze_panes = "A2"
    guide = wb.create_sheet(t("flat_guide_sheet", lang))
    head = (t("flat_guide_column", lang), t("flat_guide_meaning", lang),
            t("flat_guide_required", lang), t("flat_guide_example", lang))
    for c, h in enumerate(head, start=1):
        set_value(guide.cell(1, c), h)
        guide.cell(1, c).font = Font(bold=True)
    for r, row in enumerate(_guide_rows(lang), start=2):
        for c, v in enumerate(row, start=1):
            set_value(guide.cell(r, c), v)
    set_value(guide.cell(len(COLUMNS) + 3, 1), t("flat_guide_note", lang))
    for letter, w in zip("ABCD", (22, 80, 14, 14)):
        guide.column_dimensions[letter].width = w
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def template_csv() -> bytes:
    """The same template as CSV (UTF-8 with a BOM, so that Excel reads the accents)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerow(["" if EXAMPLE[c] is None else EXAMPLE[c] for c in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_csv(frame: pd.DataFrame) -> bytes:
    """Rows in the template's columns as CSV (tests and the benchmark write files this way)."""
    cols = [c for c in COLUMNS if c in frame.columns]
    return frame[cols].to_csv(index=False).encode("utf-8")
