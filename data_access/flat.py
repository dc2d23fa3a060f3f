"""The flat template: one row per period × agency × procedure (or field), .xlsx or .csv (UTF-8).

Reading turns the file's cells into typed columns, with an Issue for every cell that does not
read (the rules are in domain/validation.py); codes are checked against the database later,
by the importer, in the era of each row's period (a province and an agency are written as
people write them, "24" or "Bắc Ninh", "01-S02", never as our keys). Blank count cells are
"not reported", which is not zero.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from datetime import date, datetime

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from data_access.cells import csv_rows, write_csv
from data_access.schema import agencies, fields, localities, procedures
from data_access.xlsx import UTF16_BOMS, set_value
from domain import form06a as F
from domain.formatting import fmt_int
from domain.i18n import t
from domain.metrics import COUNT_COLUMNS
from domain.validation import (
    ERROR, LEVELS, MAX_COUNT, MAX_ROWS, WARNING, Issues, Rejected, code_text, date_in_range,
    issue, locality_code, parse_count_column, parse_date, period_problem,
)

KEY_COLUMNS = ("period_start", "period_end", "locality_code", "agency_code", "agency_name",
               "agency_level", "field_code", "procedure_code")
FLAT_COUNTS = ("received_online", "received_full_online", "received_direct", "received_postal",
               "carried_over", "resolved_early", "resolved_on_time", "resolved_late",
               "pending_on_time", "pending_late", "paid_online", "paid_online_vnd",
               "fee_bearing", "digitised", "e_results", "data_reused", "rated", "not_satisfied")
assert set(FLAT_COUNTS) == set(COUNT_COLUMNS)
COLUMNS = KEY_COLUMNS + FLAT_COUNTS
REQUIRED = ("period_start", "period_end", "locality_code", "agency_code")  # or agency_name
# A cell longer than the column it is stored in (or compared with) is refused before anything
# else reads it: a province or an agency may be written by its name.
TEXT_LIMITS = {
    "locality_code": localities.c.name_vi.type.length,
    "agency_code": agencies.c.code.type.length,
    "agency_name": agencies.c.name_vi.type.length,
    "agency_level": agencies.c.level.type.length,
    "field_code": fields.c.code.type.length,
    "procedure_code": procedures.c.code.type.length,
}
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
SEPARATORS = (",", ";", "\t")
HEAD_BYTES = 1 << 18  # the header is looked for in the first records of this much text


def _utf8_problem(data: bytes) -> int | None:
    """The line of the first byte that is not UTF-8, or None (decoded in pieces: a 50 MB
    file never becomes one 200 MB string)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for k in range(0, len(data), 1 << 20):
        try:
            decoder.decode(data[k:k + (1 << 20)], final=k + (1 << 20) >= len(data))
        except UnicodeDecodeError as exc:
            return data[:k + max(exc.start, 0)].count(b"\n") + 1
    return None


def _header_record(text: str) -> tuple[str, int, list[str]] | None:
    """(separator, record index, names) of the header among the first records; records,
    not lines, so that a quoted line break before the header moves nothing."""
    best = None
    for sep in SEPARATORS:
        records = []
        try:  # a huge or cut-off cell ends the look, not the search
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=sep):
                records.append(record)
                if len(records) >= 15:
                    break
        except csv.Error:
            pass
        head = find_header(records)
        if head is not None:
            known = sum(1 for v in records[head] if header_key(v) in COLUMNS)
            if best is None or known > best[0]:
                best = (known, sep, head, records[head])
    return best and best[1:]


def read_csv(data: bytes) -> tuple[pd.DataFrame, np.ndarray]:
    """The CSV's cells as text (blank = NaN, columns named as written, a name written twice
    kept twice) and each row's number as a spreadsheet shows it: a quoted line break stays
    inside its cell, as Excel reads it. UTF-8 (with or without a BOM), or the UTF-16 of
    Excel's "Unicode Text"; comma, semicolon or tab."""
    if data.startswith(UTF16_BOMS):  # Excel's "Unicode Text"
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise Rejected(issue("csv_encoding")) from None
    line = _utf8_problem(data)
    if line is not None:
        raise Rejected(issue("csv_encoding", row=line))
    text = data[:HEAD_BYTES].decode("utf-8-sig", errors="ignore")
    found = _header_record(text)
    if found is None:
        if not text.strip():
            raise Rejected(issue("file_empty"))
        raise Rejected(issue("no_header", sheet="CSV", expected=", ".join(REQUIRED)))
    sep, head, names = found
    try:
        frame = pd.read_csv(io.BytesIO(data), sep=sep, header=None, skiprows=head,
                            dtype=str, keep_default_na=False, na_values=[""],
                            skip_blank_lines=False, quoting=csv.QUOTE_MINIMAL, engine="c",
                            encoding="utf-8-sig", names=range(len(names)))
    except (pd.errors.ParserError, ValueError) as exc:
        m = re.search(r"(?:line|row) (\d+)", str(exc))
        raise Rejected(issue("csv_damaged", row=int(m.group(1)) + head if m else None)) \
            from None
    frame = frame.iloc[1:].reset_index(drop=True)
    frame.columns = names
    return frame, np.arange(len(frame)) + head + 2


def sheet_frame(rows: list[list], head: int) -> tuple[pd.DataFrame, np.ndarray]:
    """A worksheet's cells below its header row as a frame (object values)."""
    header = rows[head]
    body = rows[head + 1:]
    width = len(header)
    body = [list(r[:width]) + [None] * (width - len(r)) for r in body]
    names = [str(h) if h is not None else f"_col{i}" for i, h in enumerate(header)]
    frame = pd.DataFrame(body, columns=names, dtype=object)
    return frame, np.arange(len(frame)) + head + 2


def parse(raw: pd.DataFrame, rows: np.ndarray, sheet: str, found: Issues,
          today: date | None = None) -> pd.DataFrame | None:
    """Typed rows of the template (codes still unresolved), or None when the sheet cannot be
    read (a missing column). Cell problems are added to `found`. A row names its agency by
    code, or by name alone (matched later within its unit)."""
    keys = [header_key(c) for c in raw.columns]
    seen = {}
    for original, key in zip(raw.columns, keys):
        if key in seen and key in COLUMNS:
            found("column_twice", ERROR, sheet, column=str(original))
        seen.setdefault(key, original)
    for original, key in zip(raw.columns, keys):
        if key not in COLUMNS and not key.startswith("_col") and key:
            found("column_ignored", WARNING, sheet, column=str(original))
    missing = [c for c in REQUIRED if c not in seen
               and not (c == "agency_code" and "agency_name" in seen)]
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
    cut = _footer_start(raw)
    if cut is not None:
        raw, rows = raw.iloc[:cut], rows[:cut]
    if raw.empty:
        found("sheet_no_rows", ERROR, sheet)
        return None
    if len(raw) > MAX_ROWS:
        found("too_many_rows", ERROR, sheet, n=len(raw), limit=MAX_ROWS)
        return None
    out = pd.DataFrame({"sheet": sheet, "row": rows})
    today = today or date.today()
    _dates(raw, rows, sheet, found, out, today)

    too_long = {}
    for col, limit in TEXT_LIMITS.items():
        if col in raw.columns:
            lengths = _lengths(raw[col])
            too_long[col] = (lengths > limit).to_numpy()
            for i in np.flatnonzero(too_long[col]):
                found("too_long", ERROR, sheet, rows[i], col, length=int(lengths.iloc[i]),
                      limit=limit)

    def codes(col, fn=code_text):
        if col not in raw.columns:
            return pd.Series([None] * len(raw), dtype=object)
        values = raw[col].where(~too_long[col], None) if too_long[col].any() else raw[col]
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
    long_row = np.zeros(len(raw), dtype=bool)
    for flags in too_long.values():
        long_row |= flags
    blank = {"locality_code": out["locality_code"].isna(),
             "agency_code": out["agency_code"].isna() & out["agency_name"].isna()}
    for col, missing_value in blank.items():
        for i in np.flatnonzero(missing_value.to_numpy() & ~long_row):
            found("required_value", ERROR, sheet, rows[i], col)
    both_blank = out["field_code"].isna() & out["procedure_code"].isna()
    for i in np.flatnonzero(both_blank.to_numpy() & ~long_row):
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
            found(f"count_{problems.iloc[i]}", ERROR, sheet, rows[i], col,
                  value=str(raw[col].iloc[i]), limit=fmt_int(MAX_COUNT, "vi"))
    return out


def _dates(raw, rows, sheet, found: Issues, out: pd.DataFrame, today: date) -> None:
    """The period's two dates, each within 2015 … a month from today, in order, covering
    at least one whole month (15th-to-14th rule); a row that breaks one is said once."""
    parsed = {}
    for col in ("period_start", "period_end"):
        values = raw[col]
        mapping = {v: parse_date(v) for v in pd.unique(values.dropna())}
        dates = values.map(lambda v: mapping.get(v) if v == v and v is not None else None)
        for i in np.flatnonzero(dates.isna().to_numpy()):
            v = values.iloc[i]
            if v is None or v != v or (isinstance(v, str) and not v.strip()):
                found("required_value", ERROR, sheet, rows[i], col)
            else:
                found("bad_date", ERROR, sheet, rows[i], col, value=str(v))
        parsed[col] = dates
    pairs = pd.DataFrame(parsed).dropna()
    problems = {p: period_problem(*p, today) for p in
                set(zip(pairs["period_start"], pairs["period_end"]))}
    bad = pd.Series([problems[p] is not None for p in zip(pairs["period_start"],
                                                           pairs["period_end"])],
                    index=pairs.index, dtype=bool)
    for i in pairs.index[bad]:
        code, values = problems[(pairs.at[i, "period_start"], pairs.at[i, "period_end"])]
        column = "period_start" if code == "date_range" and not date_in_range(
            pairs.at[i, "period_start"], today) else "period_end"
        found(code, ERROR, sheet, rows[i], column, **values)
    for col in ("period_start", "period_end"):  # only dates that can be stored
        good = parsed[col].where(parsed[col].index.isin(pairs.index[~bad]), None)
        out[col] = pd.to_datetime(good.astype(object), errors="coerce")


def _lengths(values: pd.Series) -> pd.Series:
    if values.dtype == object:
        return values.map(lambda v: len(v) if isinstance(v, str) else 0)
    return values.str.len().fillna(0)


def _footer_start(raw: pd.DataFrame) -> int | None:
    """The first row of a signature, date or note block under the table ('Người lập biểu',
    '…, ngày … tháng … năm …', 'Ghi chú: …'), when no row from there on holds a period:
    those rows are not data. None when there is none."""
    start = raw["period_start"] if "period_start" in raw.columns else None
    if start is None or raw.empty:
        return None
    no_date = start.map(lambda v: not isinstance(v, (date, datetime)) and (
        v is None or v != v or not str(v).strip()[:1].isdigit())).to_numpy(bool)
    if no_date.all() or not no_date[-1]:
        return None
    first = int(np.flatnonzero(~no_date)[-1]) + 1
    for i in range(first, len(raw)):  # the trailing rows without a period
        if any(isinstance(v, str) and F.is_footer(v) for v in raw.iloc[i].tolist()):
            return i
    return None


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
    """The same template as CSV."""
    return csv_template(COLUMNS, EXAMPLE)


def csv_template(columns, example: dict) -> bytes:
    """A header and one example row as CSV (UTF-8 with a BOM, so that Excel reads the
    accents); blank where the example has no value."""
    example_row = ["" if example.get(c) is None else example[c] for c in columns]
    return ("\ufeff" + csv_rows([columns, example_row])).encode("utf-8")


def to_csv(frame: pd.DataFrame) -> bytes:
    """Rows in the template's columns as CSV (tests and the benchmark write files this way)."""
    cols = [c for c in COLUMNS if c in frame.columns]
    return write_csv(frame[cols]).encode("utf-8")
