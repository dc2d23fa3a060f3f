"""The official form II.06a/VPCP/KSTT: reading a filled-in sheet, and writing one from the
database for a scope and period.

Reading (`read_sheet`) finds the header block (reporting unit, "Từ ngày … đến ngày …"), the 2–3
merged header rows (matched by their words: domain/form06a.py), the numbering row, then the
data rows, telling section rows (I, II, 'Sở ban ngành'…), subtotal rows (a '1' whose children
are '1.1', '1.2'), total rows ('Tổng số', 'TỔNG CỘNG') and the footer apart. Only data rows
are stored; every subtotal and total is reconciled against the rows it sums.

Writing (`form_workbook`) takes the figures from data_access.stats.totals — per agency of a
locality (sections by level) or per field within one agency — and lays them out as variant A.
A form is of one era (domain/eras.py): its months all up to 30/06/2025 (the 63 provinces, with
districts) or all from 01/07/2025 (the 34, with communes, wards and special zones), and its unit
and codes written as people read them in that era ("01", "01-S02"), as the importer reads them.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from data_access import catalog, stats
from data_access.db import Database
from data_access.schema import agencies
from data_access.xlsx import Sheet, set_value
from domain import eras
from domain import form06a as F
from domain.formatting import fmt_date, fmt_int
from domain.i18n import t
from domain.periods import MonthRange
from domain.scope import Scope
from domain.validation import (
    BALANCE, BALANCE_NEW, ERROR, FORM_IDENTITIES, MAX_COUNT, NEW_IDENTITIES, NEW_PARTS, Issues,
    check_identities, code_text, fold, normalise, parse_count, parse_period, period_problem,
)

ALL_FIELDS = "TONGHOP"  # the field of rows reported per unit, not split by field
NAME_LENGTH = agencies.c.name_vi.type.length  # a row's name and the reporting unit's


@dataclass
class FormSheet:
    sheet: str
    unit_text: str | None
    period: tuple[date, date] | None
    name_kind: str  # field | unit
    rows: pd.DataFrame  # sheet, row, label, level + the stored fields (Int64)
    early_unknown: bool = False
    columns: dict = field(default_factory=dict)  # field → the columns read into it
    # the new dossiers a form gives only as a count, not by channel (not stored), or None
    new_unsplit: int | None = None
    heading: list[str] = field(default_factory=list)  # the texts above the table


def looks_like_form(rows: list[list]) -> int | None:
    """The index of the first header row ('STT' + a dossier group nearby), or None."""
    for i, row in enumerate(rows[:60]):
        if not any(normalise(v) in ("stt", "tt", "so tt", "so thu tu") for v in row):
            continue
        near = [v for r in rows[i:i + 4] for v in r if isinstance(v, str)]
        if any(F.group_of([normalise(v)]) for v in near):
            return i
    return None


def _text(v) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _header_rows(rows: list[list], start: int) -> tuple[int, int]:
    """(end of the header rows, first data row): up to the numbering row if there is one."""
    for j in range(start + 1, min(start + 6, len(rows))):
        if F.is_numbering_row(rows[j]):
            return j, j + 1
    for j in range(start + 1, min(start + 5, len(rows))):
        row = rows[j]
        numeric = any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in row)
        if numeric or any(F.is_total_label(v) for v in row[:2] if isinstance(v, str)):
            return j, j
    return min(start + 3, len(rows)), min(start + 3, len(rows))


def _paths(rows: list[list], start: int, end: int) -> list[list[str]]:
    width = max(len(r) for r in rows[start:end])
    grid = [[_text(r[c]) if c < len(r) else None for c in range(width)] for r in rows[start:end]]
    for r in range(len(grid) - 1):  # a group written once, over unmerged cells: fill right
        for c in range(1, width):
            if grid[r][c] is None and grid[r][c - 1] is not None and \
                    all(grid[a][c] == grid[a][c - 1] for a in range(r)) and \
                    any(grid[b][c] for b in range(r + 1, len(grid))):
                grid[r][c] = grid[r][c - 1]
    paths = []
    for c in range(width):
        path = []
        for r in range(len(grid)):
            if grid[r][c] and (not path or path[-1] != grid[r][c]):
                path.append(grid[r][c])
        paths.append(path)
    return paths


def _header_block(rows: list[list], start: int):
    """The reporting unit ('Đơn vị báo cáo: …'), the period ('Từ ngày … đến ngày …') and
    the cell it is written in (row, column letter), and every text above the table (the
    document's heading names the province and the issuing body: 'UBND TỈNH BẮC NINH' /
    'SỞ TƯ PHÁP')."""
    unit, period, where, heading = None, None, (None, None), []
    for r, row in enumerate(rows[:start]):
        cells = [_text(v) for v in row]
        texts = [c for c in cells if c]
        heading += [c for c in dict.fromkeys(texts) if len(c) <= NAME_LENGTH and c not in heading]
        for k, c in enumerate(cells):
            if c and normalise(c).startswith("don vi bao cao") and unit is None:
                after = c.split(":", 1)[1].strip() if ":" in c else ""
                if not after:  # the unit in the next cell (not the same merged label)
                    after = next((x for x in cells[k + 1:] if x and x != c), "")
                unit = after.strip(" .…") or None
        found = parse_period(" ".join(texts))
        if found is not None and period in (None, "invalid"):
            period = found
            col = next((k for k, c in enumerate(cells) if c and "tu ngay" in fold(c)), None)
            where = (r + 1, get_column_letter(col + 1) if col is not None else None)
    return unit, period, where, heading[:40]


def read_sheet(sheet: Sheet, found: Issues, period_override=None) -> FormSheet | None:
    """A filled-in form sheet's data rows, or None when the sheet is not a form. Problems go
    into `found` (sheet, row and column as the spreadsheet shows them)."""
    rows = sheet.rows
    start = looks_like_form(rows)
    if start is None:
        return None
    name = sheet.name
    header_end, data_start = _header_rows(rows, start)
    paths = _paths(rows, start, header_end)
    roles = {c: F.classify(p) for c, p in enumerate(paths)}
    stt_col = next((c for c, r in roles.items() if r is F.STT), None)
    code_col = next((c for c, r in roles.items() if r is F.CODE), None)
    name_col = next((c for c, r in roles.items() if r and r.field.startswith("name_")), None)
    if name_col is None and stt_col is not None and roles.get(stt_col + 1) is None:
        name_col = stt_col + 1
    name_kind = "unit" if name_col is not None and roles.get(name_col) \
        and roles[name_col].field == "name_unit" else "field"
    columns: dict[str, list] = {}
    for c, role in roles.items():
        if role and role.field not in ("stt", "ignored", "code", "name_field", "name_unit"):
            columns.setdefault(role.field, []).append((c, role))
            if role.also:
                columns.setdefault(role.also, []).append((c, F.Role(role.also)))
    if not columns:
        found("no_header", ERROR, name, start + 1, expected="II.06a")
        return None
    if name_col is None:
        found("no_name_column", ERROR, name, start + 1)
    missing = [alts for alts in F.REQUIRED if not any(a in columns for a in alts)]
    for alts in missing:
        found("missing_column", ERROR, name, column=" / ".join(
            t(f"form_col_{a}", "vi") for a in alts))
    if missing or name_col is None:
        return None

    unit, period, (period_row, period_col), heading = _header_block(rows, start)
    if period == "invalid":
        found("period_invalid", ERROR, name, period_row, period_col)
        period = None
    if period is None:
        if period_override:
            period = period_override
        else:
            found("period_missing", ERROR, name)
    why = period and period_problem(*period, date.today())
    if why:  # where the header says it (none for a period given when loading)
        found(why[0], ERROR, name, period_row, period_col, **why[1])
        period = None
    if unit is not None and len(unit) > NAME_LENGTH:
        found("too_long", ERROR, name, column="Đơn vị báo cáo", length=len(unit),
              limit=NAME_LENGTH)
        unit = None

    def label(c):
        leaf = paths[c][-1] if paths[c] else ""
        return f"{get_column_letter(c + 1)} ({leaf})" if leaf else get_column_letter(c + 1)

    records, totals, sections = [], [], []
    section = {"level": None, "label": None, "values": None, "row": None, "members": []}
    used = sorted({c for cols in columns.values() for c, _ in cols})
    for r in range(data_start, len(rows)):
        row = rows[r]
        cell = lambda c: row[c] if c is not None and c < len(row) else None  # noqa: E731
        stt, text = cell(stt_col), _text(cell(name_col))
        if (records or totals) and not any(isinstance(v, (int, float)) for v in row) and \
                any(F.is_footer(v) for v in row if isinstance(v, str)):
            break  # "Người lập biểu", "Thủ trưởng đơn vị", "…, ngày … tháng … năm …"
        parsed, bad = {}, False
        for c in used:
            value, why = parse_count(cell(c))
            if why:
                found(f"count_{why}", ERROR, name, r + 1, label(c), value=str(cell(c)),
                      limit=fmt_int(MAX_COUNT, "vi"))
                bad = True
            parsed[c] = value
        numbers = any(v is not None for v in parsed.values())
        if not numbers and not bad:
            if text and (F.stt_kind(stt) in ("roman", "letter") or F.section_level(text)):
                section = {"level": F.section_level(text), "label": text, "values": None,
                           "row": r + 1, "members": []}
                sections.append(section)
            continue
        values = _combine(columns, parsed)
        kind = F.stt_kind(stt)
        if F.is_total_label(text) or F.is_total_label(stt):
            totals.append({"row": r + 1, **values})
            continue
        if kind in ("roman", "letter"):
            section = {"level": F.section_level(text) if text else None, "label": text,
                       "values": values, "row": r + 1, "members": []}
            sections.append(section)
            continue
        if not text:
            found("row_no_name", ERROR, name, r + 1)
            continue
        if len(text) > NAME_LENGTH:  # the longest name an agency or a field may bear
            found("too_long", ERROR, name, r + 1, get_column_letter(name_col + 1),
                  length=len(text), limit=NAME_LENGTH)
            continue
        code = code_text(cell(code_col))
        if code and not F.code_in_label(text):  # a code column: read as 'Name (code)'
            text = f"{text} ({code})"
        rec = {"sheet": name, "row": r + 1, "label": text, "level": section["level"],
               "stt": F.stt_text(stt) if kind == "number" else "", **values}
        section["members"].append(rec)
        records.append(rec)

    if not records:
        found("sheet_no_rows", ERROR, name)
        return None
    leaves = _leaves(records, found, name)
    for s in sections:
        if s["values"] is not None:
            members = [m for m in s["members"] if m in leaves]
            _reconcile(s["values"], members, found, name, s["row"], "section_mismatch")
    for tot in totals:
        _reconcile(tot, leaves, found, name, tot["row"], "total_mismatch")

    frame = pd.DataFrame(leaves)
    for f in F.STORED + F.CHECK_ONLY:
        frame[f] = pd.array(frame[f] if f in frame else [None] * len(frame), dtype="Int64")
    has_new = "received_new" in columns
    unsplit = has_new and not any(c in columns for c in NEW_PARTS)
    rules = list(NEW_IDENTITIES + FORM_IDENTITIES[1:] if has_new else FORM_IDENTITIES)
    if not {"received_total", "resolved_total", "pending_total"} <= set(columns):
        rules.append(BALANCE_NEW if unsplit else BALANCE)
    check_identities(frame, rules, name, frame["row"], found)
    early_unknown = "resolved_early" not in columns
    new_unsplit = int(frame["received_new"].sum()) if unsplit else None
    return FormSheet(name, unit, period, name_kind,
                     frame[["sheet", "row", "label", "level", *F.STORED]], early_unknown,
                     {k: [label(c) for c, _ in v] for k, v in columns.items()}, new_unsplit,
                     heading)


def _combine(columns, parsed) -> dict:
    """The fields of one row from its columns: a whole column if there is one, else the sum
    of the parts (None when none is reported)."""
    out = {}
    for f, cols in columns.items():
        whole = [c for c, role in cols if not role.part]
        use = whole[:1] if whole else [c for c, _ in cols]
        vals = [parsed[c] for c in use if parsed[c] is not None]
        out[f] = sum(vals) if vals else None
    return out


def _leaves(records, found, sheet) -> list[dict]:
    """Data rows without the subtotal rows ('1' when '1.1' and '1.2' follow); each subtotal
    is reconciled against its children."""
    stts = [r["stt"] for r in records if r["stt"]]
    parents = {s for s in stts if any(o.startswith(s + ".") for o in stts)}
    for rec in records:
        if rec["stt"] in parents:
            children = [o for o in records if o["stt"].startswith(rec["stt"] + ".")
                        and o["stt"] not in parents]
            _reconcile(rec, children, found, sheet, rec["row"], "parent_mismatch")
    return [r for r in records if not r["stt"] or r["stt"] not in parents]


def _reconcile(total: dict, members: list[dict], found, sheet, row, code) -> None:
    for f in F.STORED + F.CHECK_ONLY:
        want = total.get(f)
        vals = [m.get(f) for m in members if m.get(f) is not None]
        if want is None or not vals:
            continue
        got = sum(vals)
        if got != want:
            found(code, ERROR, sheet, row, t(f"form_col_{f}", "vi"), total=want, sum=got)


# --- writing ----------------------------------------------------------------------------
MEASURES = ("carried_over", "received_online", "received_direct", "resolved_early",
            "resolved_on_time", "resolved_late", "pending_on_time", "pending_late")
SECTION_LABELS = {
    eras.ERA_63: {"ministry": "Cấp bộ, ngành", "province": "Sở, ban, ngành",
                  "district": "Huyện, thị xã, thành phố", "commune": "Xã, phường, thị trấn"},
    # two levels from 01/07/2025: no district, and no township among the communes
    eras.ERA_34: {"ministry": "Cấp bộ, ngành", "province": "Sở, ban, ngành",
                  "commune": "Xã, phường, đặc khu"},
}
ROMAN = ("I", "II", "III", "IV", "V", "VI")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def form_values(row) -> list:
    """Columns (3)…(13) of variant A from measure totals (None stays blank)."""
    def v(key):
        x = row.get(key)
        return None if x is None or x != x else int(round(x))

    def add(*keys):
        vals = [v(k) for k in keys if v(k) is not None]
        return sum(vals) if vals else None
    values = {
        "received_total": add("carried_over", "received_online", "received_direct"),
        "received_online": v("received_online"), "received_direct": v("received_direct"),
        "carried_over": v("carried_over"),
        "resolved_total": add("resolved_early", "resolved_on_time", "resolved_late"),
        "resolved_early": v("resolved_early"), "resolved_on_time": v("resolved_on_time"),
        "resolved_late": v("resolved_late"),
        "pending_total": add("pending_on_time", "pending_late"),
        "pending_on_time": v("pending_on_time"), "pending_late": v("pending_late"),
    }
    return [values[f] for f in F.VARIANT_A_FIELDS[2:]]


def _sum_rows(rows: list[list]) -> list:
    out = []
    for col in zip(*rows) if rows else []:
        vals = [x for x in col if x is not None]
        out.append(sum(vals) if vals else None)
    return out


def form_era(db: Database, scope: Scope, rng: MonthRange) -> str:
    """The era of the form of a scope over a range; ValueError when the range crosses
    01/07/2025 or the unit is of the other era (a form never mixes the two)."""
    if eras.crosses_reform(rng):
        raise ValueError(f"{rng.first}–{rng.last} crosses 01/07/2025: a form II.06a covers "
                         "the months of one era")
    era = eras.era_of(rng.last)
    key = catalog.agency(db, scope.agency)["locality_code"] if scope.agency is not None \
        else scope.locality
    if eras.era_of_key(key) not in (None, era):
        raise ValueError(f"{key} is not a unit of the period {rng.first}–{rng.last}")
    return era


def form_rows(db: Database, scope: Scope, rng: MonthRange) -> tuple[str, list[tuple]]:
    """The rows of the form: ('field' | 'unit', [(kind, stt, label, values)]), kind being
    section | data | total. Per field when the scope is one agency, else per agency, in
    sections by level (a form of the 34 has no district level)."""
    labels = SECTION_LABELS[form_era(db, scope, rng)]
    if scope.agency is not None:
        frame = stats.totals(db, scope, rng, MEASURES, by="field")
        names = {r.code: r.name_vi for r in catalog_fields(db).itertuples()}
        data = [("data", str(i), names.get(r["key"], r["key"]), form_values(r))
                for i, r in enumerate(frame.to_dict("records"), start=1)]
        out = data + [("total", "", "Tổng số", _sum_rows([d[3] for d in data]))]
        return "field", out
    frame = stats.totals(db, scope, rng, MEASURES, by="agency")
    agencies = catalog.agency_list(db, scope.locality)
    # the unit's own agencies: its old provinces' report no month of the form's era
    agencies = agencies[agencies["locality_code"] == scope.locality].set_index("id")
    counts = agencies["name_vi"].value_counts()
    frame = frame[frame["key"].isin(agencies.index)].copy()
    frame["level"] = frame["key"].map(agencies["level"])
    out, all_rows = [], []
    for k, level in enumerate(lv for lv in F_LEVELS if lv in set(frame["level"])):
        rows = []
        for i, r in enumerate(frame[frame["level"] == level].to_dict("records"), start=1):
            a = agencies.loc[r["key"]]
            label = a["name_vi"] if counts[a["name_vi"]] == 1 else \
                f"{a['name_vi']} ({eras.code_of(a['code'])})"
            rows.append(("data", str(i), label, form_values(r)))
        out.append(("section", ROMAN[k], labels[level], _sum_rows([x[3] for x in rows])))
        out.extend(rows)
        all_rows.extend(x[3] for x in rows)
    out.append(("total", "", "Tổng số", _sum_rows(all_rows)))
    return "unit", out


F_LEVELS = ("ministry", "province", "district", "commune")


def catalog_fields(db: Database) -> pd.DataFrame:
    from data_access.schema import fields
    import sqlalchemy as sa
    return db.query(sa.select(fields.c.code, fields.c.name_vi))


def unit_line(db: Database, scope: Scope, when: date) -> str:
    """The reporting unit as the form names it on a day, with its code as people write it in
    the form's era ("01", "01-S02", never our key "34:01"); the code in brackets lets the
    importer tell units with the same name apart."""
    if scope.agency is not None:
        a = catalog.agency(db, scope.agency)
        loc = catalog.locality_list(db).set_index("code")["name_vi"].get(a["locality_code"], "")
        return f"{a['name_vi']} – {loc} ({eras.code_of(a['code'])})"
    return f"{_locality(db, scope.locality, when)} ({eras.code_of(scope.locality)})"


def _locality(db, key, when: date) -> str:
    frame = catalog.locality_list(db)
    row = frame[frame["code"] == key]
    if row.empty:
        return eras.code_of(key)
    r = row.iloc[0]
    full = r["full_name_vi"] if isinstance(r["full_name_vi"], str) and r["full_name_vi"] else None
    if r["kind"] != "province":
        return r["name_vi"]
    city = r.get("city_full_name_vi")
    if isinstance(city, str) and city and pd.notna(r.get("city_from")):  # a city since 2026
        full = eras.full_name_on(full or r["name_vi"], eras.StatusChange(
            pd.Timestamp(r["city_from"]).date(), city), when)
    return f"UBND {full or r['name_vi']}"


def form_workbook(db: Database, scope: Scope, rng: MonthRange, *, source: str = "",
                  lang: str = "vi") -> bytes:
    """The form II.06a of a locality (rows per agency, sections by level) or of one agency
    (rows per field), for the months of rng, as .xlsx. The form itself is always in
    Vietnamese, as the circular prescribes; `lang` only sets the workbook's language tag."""
    if scope.agency is None and not scope.locality:
        raise ValueError("the form is for one locality or one agency")
    kind, rows = form_rows(db, scope, rng)
    wb = Workbook()
    ws = wb.active
    ws.title = "II.06a"
    bold = Font(bold=True)
    set_value(ws.cell(1, 1), F.FORM_ID)
    ws.cell(1, 1).font = bold
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=13)
    set_value(ws.cell(2, 1), F.TITLE)
    ws.cell(2, 1).font = Font(bold=True, size=13)
    ws.cell(2, 1).alignment = Alignment(horizontal="center", wrap_text=True)
    ws.row_dimensions[2].height = 34
    lines = [
        f"Kỳ báo cáo: tháng {rng.first.month:02d}/{rng.first.year} – "
        f"{rng.last.month:02d}/{rng.last.year}",
        f"(Từ ngày {fmt_date(rng.start, 'vi')} đến ngày {fmt_date(rng.end, 'vi')})",
        f"Đơn vị báo cáo: {unit_line(db, scope, rng.end)}",
        "Đơn vị nhận báo cáo: Văn phòng Chính phủ (Cục Kiểm soát thủ tục hành chính)",
        "Đơn vị tính: Số hồ sơ TTHC",
    ]
    for i, line in enumerate(lines, start=3):
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=13)
        set_value(ws.cell(i, 1), line)
        ws.cell(i, 1).alignment = Alignment(horizontal="center" if i < 5 else "left")
    top = len(lines) + 4  # a blank row, then three header rows
    headers = list(F.VARIANT_A)
    if kind == "unit":
        headers[1] = ("Đơn vị", None, None)
    _write_headers(ws, top, headers)
    numbering = top + 3
    for c in range(1, 14):
        cell = ws.cell(numbering, c)
        set_value(cell, f"({c})")
        cell.alignment = Alignment(horizontal="center")
        cell.font = Font(italic=True)
        cell.border = BOX
    r = numbering + 1
    for kind_, stt, label, values in rows:
        set_value(ws.cell(r, 1), stt)
        set_value(ws.cell(r, 2), label)
        for c, v in enumerate(values, start=3):
            set_value(ws.cell(r, c), v)
            ws.cell(r, c).number_format = "#,##0"
        for c in range(1, 14):
            ws.cell(r, c).border = BOX
            if kind_ != "data":
                ws.cell(r, c).font = bold
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
        r += 1
    r += 1
    set_value(ws.cell(r, 1), t("form_note_source", "vi", source=source) if source else
              t("form_note_generated", "vi"))
    ws.cell(r, 1).font = Font(italic=True, size=9)
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 42
    for c in range(3, 14):
        ws.column_dimensions[get_column_letter(c)].width = 12
    ws.freeze_panes = ws.cell(numbering + 1, 3)
    ws.print_title_rows = f"{top}:{numbering}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    wb.properties.language = "vi-VN" if lang == "vi" else "en-GB"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _write_headers(ws, top: int, headers) -> None:
    """Three header rows with merged cells: a group across its columns, a sub-group across
    its leaves, and a cell down to the last header row where nothing is below it."""
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for c in range(1, len(headers) + 1):
        for r in range(top, top + 3):
            ws.cell(r, c).border = BOX
            ws.cell(r, c).alignment = center
            ws.cell(r, c).font = Font(bold=True)
    for c, (group, sub, leaf) in enumerate(headers, start=1):
        if sub is None:
            set_value(ws.cell(top, c), group)
            ws.merge_cells(start_row=top, start_column=c, end_row=top + 2, end_column=c)
        elif leaf is None:
            set_value(ws.cell(top + 1, c), sub)
            ws.merge_cells(start_row=top + 1, start_column=c, end_row=top + 2, end_column=c)
        else:
            set_value(ws.cell(top + 2, c), leaf)
    spans = (
        (top, lambda h: h[0] if h[1] is not None else None),
        (top + 1, lambda h: (h[0], h[1]) if h[2] is not None else None),
    )
    for row, key in spans:
        c = 0
        while c < len(headers):
            k = key(headers[c])
            end = c
            while k is not None and end + 1 < len(headers) and key(headers[end + 1]) == k:
                end += 1
            if k is not None:
                set_value(ws.cell(row, c + 1), k if isinstance(k, str) else k[1])
                if end > c:
                    ws.merge_cells(start_row=row, start_column=c + 1, end_row=row,
                                   end_column=end + 1)
            c = end + 1
    ws.row_dimensions[top].height = 30
    ws.row_dimensions[top + 2].height = 45
