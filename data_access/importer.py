"""Loading a report into the database, all or nothing.

    python -m data_access.importer FILE [--replace] [--dry-run] [--lang vi|en]
                                        [--period-start DD/MM/YYYY --period-end DD/MM/YYYY]
                                        [--strict] [--create-agencies] [--url URL]

FILE is the official form II.06a (any of its variants, .xlsx; one sheet per unit in one
workbook too) or the flat template (.xlsx or UTF-8 .csv). Exit status 0 when the file was
loaded (or, with --dry-run, would be), or was already loaded; 1 with the messages when it
was refused or could not be loaded (a database locked by another process); 2 for a bad
command line.

The steps, each before anything is written:
1. the file itself (size, protected, macro-enabled, damaged: data_access.xlsx.kind_of), and a
   workbook's streaming look (xlsx.inspect): whatever would not fit in memory or reads
   another file or the web is refused before openpyxl opens it;
2. its cells (flat.parse / form06a.read_sheet), every problem with its sheet, row, column:
   counts within 0 … 10^12, dates within 2015 … a month from today, periods covering at least
   one whole month, texts within their columns' lengths;
3. its codes and names against the database (localities, agencies, fields, procedures), with
   the closest known names, each row in the era of the last month it covers (domain/eras.py:
   the 63 provinces to 30/06/2025, the 34 and their communes from 01/07/2025). A province is
   written as people write it ("24", "Bắc Ninh"), never as our key ("34:24"); an agency of
   today with or without its "34:", or by its name alone, within its unit, whatever the case,
   spacing or tone-mark placement (validation.name_key). Refused with what each became: a
   province retired on 01/07/2025 or a district or old agency in a report of today, an agency
   of today in an earlier report. An agency nobody knows is created only when asked
   (create_agencies, --create-agencies), in the row's unit, with its level (the flat row's
   agency_level, the form's section); a form reported per field by a province goes to one
   combined agency per level, within the unit of its era ("01-TH-TINH" in the 63,
   "34:01-TH-TINH" in the 34);
4. the rows together: duplicates, overlapping periods inside the file, the form's identities;
5. the database: the same file already loaded and still in place → nothing to do
   ("unchanged"); rows whose agency and period overlap data already loaded for that agency →
   refused, unless replace, which deletes the overlapped rows of those agencies.
Then one transaction writes the new agencies, deletes what is replaced, inserts the rows and
the data_loads row (kind 'import', file name, SHA-256, rows, who, when, outcome 'ok').

Every attempt is recorded: a refused file leaves the statistics exactly as they were and adds
one data_loads row with outcome 'rejected' (and the first messages), in its own transaction
after the failed one; a file already loaded adds an 'unchanged' row; an interrupted write, a
crash or a lock held by another process past LOCK_WAIT_SECONDS is rolled back and recorded as
'failed' with its reason — when the database is still locked, that line waits in a file next
to it and is written by the next load. Only 'ok' rows count as loads for the app (data
version, source line). A dry run writes nothing at all.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access import db as database
from data_access import flat, form06a, reference, xlsx
from data_access.db import Database, bulk_insert, default_user
from data_access.schema import agencies, data_loads, dossier_stats, fields, localities, procedures
from domain import access, eras
from domain import form06a as F
from domain.formatting import fmt_date, fmt_int
from domain.i18n import t
from domain.metrics import COUNT_COLUMNS
from domain.reports import covered_bounds
from domain.validation import (
    BALANCE, DETAIL_CAP, ERROR, LEVELS, WARNING, Issue, Issues, Outcome, Places, Rejected,
    agency_code, agency_codes, agency_era_problem, base_name_key, check_identities, closest,
    duplicates, issue, name_key, normalise, overlaps_within, parse_date, report_era,
    strip_unit_prefix,
)

log = logging.getLogger("dvc.import")
CHUNK = 25_000
CODE_LENGTH = agencies.c.code.type.length
STAT_COLUMNS = [c.name for c in dossier_stats.columns]
AGGREGATE = {  # a province's form reported per field: one combined agency per level
    "ministry": ("BO", "Các đơn vị cấp bộ (tổng hợp)", "Ministry units (combined)"),
    "province": ("TINH", "Các sở, ban, ngành (tổng hợp)", "Provincial departments (combined)"),
    "district": ("HUYEN", "UBND cấp huyện (tổng hợp)", "District level (combined)"),
    "commune": ("XA", "UBND cấp xã (tổng hợp)", "Commune level (combined)"),
    None: ("ALL", "Toàn địa phương, mọi cấp (tổng hợp)", "Whole locality, all levels (combined)"),
}
ALL_FIELDS_ROW = {"code": form06a.ALL_FIELDS,
                  "name_vi": "Chung các lĩnh vực (báo cáo không tách lĩnh vực)",
                  "name_en": "All fields (report not split by field)"}


# --- the outcome ------------------------------------------------------------------------
@dataclass
class Result(Outcome):
    outcome: str  # ok | unchanged | checked (dry run passed) | rejected | failed
    file_name: str
    sha256: str
    dry_run: bool = False
    layout: str = ""
    rows: int = 0
    load_id: int | None = None
    issues: list[Issue] = field(default_factory=list)
    replaced: int = 0  # rows of the database the load deletes (replace) or would overlap
    new_agencies: list[str] = field(default_factory=list)
    periods: list[tuple[date, date]] = field(default_factory=list)
    n_agencies: int = 0
    preview: pd.DataFrame | None = None
    seconds: float = 0.0


    def summary(self, lang: str) -> str:
        if self.outcome == "unchanged":
            return t("imp_result_unchanged", lang, file=self.file_name)
        if not self.ok:
            return t("imp_result_rejected", lang, file=self.file_name, n=len(self.errors))
        periods = ", ".join(f"{fmt_date(s, lang)}–{fmt_date(e, lang)}"
                            for s, e in self.periods[:4]) + (" …" if len(self.periods) > 4 else "")
        key = "imp_result_checked" if self.outcome == "checked" else "imp_result_ok"
        return t(key, lang, file=self.file_name, rows=fmt_int(self.rows, lang),
                 agencies=fmt_int(self.n_agencies, lang), periods=periods or "–",
                 replaced=fmt_int(self.replaced, lang), new=len(self.new_agencies))


# --- reference data ---------------------------------------------------------------------
@dataclass
class Reference:
    localities: pd.DataFrame
    agencies: pd.DataFrame
    fields: pd.DataFrame
    procedures: pd.DataFrame

    def __post_init__(self):
        a = self.agencies
        self.agency_id = dict(zip(a["code"], a["id"]))
        self.agency_loc = dict(zip(a["code"], a["locality_code"]))
        self.agency_level = dict(zip(a["code"], a["level"]))
        self.agency_name = dict(zip(a["code"], a["name_vi"]))
        self.agency_era = a["locality_code"].map(eras.era_of_key)
        self.proc_field = dict(zip(self.procedures["code"], self.procedures["field_code"]))
        self.loc_kind = dict(zip(self.localities["code"], self.localities["kind"]))
        self.loc_name = dict(zip(self.localities["code"], self.localities["name_vi"]))
        self.successor = dict(zip(self.localities["code"], self.localities["successor_code"]))
        self.places = Places.of(self.localities)
        # agencies by unit and name as people write it (case, spacing, tone-mark placement),
        # and by the looser form of the name (validation.base_name_key)
        loc = self.localities
        self.place_names = {
            code: {name_key(n) for n in names if isinstance(n, str) and n}
            for code, *names in zip(loc["code"], loc["name_vi"], loc["full_name_vi"],
                                    loc["city_full_name_vi"])}
        self.by_name: dict[tuple, list[str]] = {}
        self.by_base: dict[tuple, list[str]] = {}
        for code, unit, name in zip(a["code"], a["locality_code"], a["name_vi"]):
            self.by_name.setdefault((unit, name_key(name)), []).append(code)
            base = base_name_key(name, self.place_names.get(unit, ()))
            self.by_base.setdefault((unit, base), []).append(code)

    def named(self, locality: str, name: str) -> list[str]:
        """The codes of the agencies of a unit that bear a name, however it is written: as
        stored (any case, spacing, tone-mark placement), else in its looser form ('Ủy ban
        nhân dân P. Yên Hoà', 'Công an tỉnh Bắc Ninh')."""
        return self.by_name.get((locality, name_key(name))) or self.by_base.get(
            (locality, base_name_key(name, self.place_names.get(locality, ()))), [])

    def find_agency(self, text: str, era: str) -> tuple[str | None, str | None]:
        """The stored code of the agency a report of an era names (None when unknown) and
        why it cannot report in that era (validation.agency_era_problem), or 'unknown'."""
        for code in agency_codes(text, era):
            if code in self.agency_id:
                return code, agency_era_problem(eras.era_of_key(self.agency_loc[code]),
                                                self.agency_level[code], era)
        written = eras.era_of_key(text)  # "34:01-MOI" in a report of 2024
        return None, (agency_era_problem(written, None, era) if written else None) or "unknown"

    def agencies_of(self, era: str, locality: str | None = None) -> pd.DataFrame:
        """The agencies that can report in an era (a ministry's in any), of one locality."""
        a = self.agencies[self.agency_era.isna() | (self.agency_era == era)]
        return a[a["locality_code"] == locality] if locality else a

    def localities_of(self, era: str) -> pd.DataFrame:
        loc = self.localities
        return loc[loc["era"].isna() | (loc["era"] == era)]

    def shown_agency(self, code: str) -> str:
        """'01-S02 (Sở Tư pháp)': the code as people write it, without its era."""
        name = self.agency_name.get(code)
        return f"{eras.code_of(code)} ({name})" if name else eras.code_of(code)

    def shown_locality(self, key: str) -> str:
        return f"{eras.code_of(key)} ({self.loc_name[key]})" if key in self.loc_name else key

    def retired(self, old_key: str) -> dict:
        """The message's values for a province that ended on 01/07/2025."""
        new_key = self.successor.get(old_key)
        known = isinstance(new_key, str) and new_key in self.loc_name
        return {"old_code": eras.code_of(old_key), "name": self.loc_name[old_key],
                "successor_code": eras.code_of(new_key) if known else "–",
                "successor": self.loc_name[new_key] if known else "–"}


def load_reference(db: Database) -> Reference:
    stmts = (
        sa.select(localities.c.code, localities.c.gso_code, localities.c.era, localities.c.kind,
                  localities.c.name_vi, localities.c.name_en, localities.c.full_name_vi,
                  localities.c.city_full_name_vi, localities.c.successor_code),
        sa.select(agencies.c.id, agencies.c.code, agencies.c.locality_code, agencies.c.level,
                  agencies.c.name_vi, agencies.c.name_en),
        sa.select(fields.c.code, fields.c.name_vi, fields.c.name_en),
        sa.select(procedures.c.code, procedures.c.field_code, procedures.c.name_vi),
    )
    frames = []
    with db.connect() as conn:  # one connection: DuckDB opens its file per connection
        for stmt in stmts:
            res = conn.execute(stmt)
            frames.append(pd.DataFrame(res.fetchall(), columns=list(res.keys())))
    return Reference(*frames)


def _near(value: str, options: dict[str, str]) -> str:
    found = closest(value, options)
    return "; ".join(found) if found else "–"


# --- reading ----------------------------------------------------------------------------
def _read(data: bytes, name: str, kind: str, found: Issues, period, report):
    """Staged rows: (flat frames, form sheets, layout)."""
    flats, forms = [], []
    if kind == "csv":
        raw, rows = flat.read_csv(data)
        report(0.3, "read")
        parsed = flat.parse(raw, rows, "CSV", found)
        if parsed is not None:
            flats.append(parsed)
        return flats, forms, "flat-csv"
    sheets = xlsx.read_workbook(data, progress=lambda f: report(0.05 + 0.3 * f, "read"))
    empty, other = [], []
    for sheet in sheets:
        for row, column in sheet.formula_cells[:DETAIL_CAP]:
            found("formula_no_value", ERROR, sheet.name, row, column)
        if sheet.no_value > DETAIL_CAP:
            found("more", ERROR, sheet.name, n=sheet.no_value - DETAIL_CAP)
        if sheet.formulas:
            found("formula_cached", WARNING, sheet.name, n=sheet.formulas)
        if not any(v is not None and str(v).strip() for row in sheet.rows for v in row):
            empty.append(sheet.name)
            continue
        head = flat.find_header(sheet.rows)
        if head is not None:
            raw, rows = flat.sheet_frame(sheet.rows, head)
            parsed = flat.parse(raw, rows, sheet.name, found)
            if parsed is not None:
                flats.append(parsed)
            continue
        before = len(found.errors)
        form = form06a.read_sheet(sheet, found, period)
        if form is not None:
            forms.append(form)
        elif len(found.errors) == before and form06a.looks_like_form(sheet.rows) is None:
            other.append(sheet.name)
    if not flats and not forms and not found.errors:
        for s in empty:
            found("sheet_empty", ERROR, s)
        for s in other:
            found("no_header", ERROR, s, expected="II.06a / " + ", ".join(flat.REQUIRED))
        if not sheets:
            found("sheet_empty", ERROR)
    layout = "form" if forms and not flats else "flat-xlsx" if flats and not forms else "mixed"
    return flats, forms, layout


# --- resolving codes and names ----------------------------------------------------------
class _NewAgencies:
    """Agencies the load creates (only when asked: create_agencies); provisional negative ids
    until the write assigns real ones."""

    def __init__(self):
        self.rows: dict[str, dict] = {}

    @staticmethod
    def code_for(locality: str, name: str) -> str:
        """The code of a new agency named without one: the unit's code and a digest of the
        name, so that the same name always gets the same code ("01-N3FA2C1"), within the
        unit of its era ("34:01-N3FA2C1")."""
        digest = hashlib.sha1(name_key(name).encode()).hexdigest()[:6].upper()
        return agency_code(f"{eras.code_of(locality)}-N{digest}", eras.era_of_key(locality))

    def add(self, code, locality, level, name_vi, name_en=None) -> int:
        if code not in self.rows:
            name_vi = " ".join(str(name_vi).split())  # a line break typed in the cell
            self.rows[code] = {"id": -(len(self.rows) + 1), "code": code,
                               "locality_code": locality, "level": level, "name_vi": name_vi,
                               "name_en": name_en or name_vi}
        return self.rows[code]["id"]


def _agency_options(ref: Reference, era: str, locality: str | None) -> dict[str, str]:
    a = ref.agencies_of(era)
    if locality and (a["locality_code"] == locality).any():
        a = a[a["locality_code"] == locality]
    return _options(a)


def _options(frame: pd.DataFrame) -> dict[str, str]:
    """Comparison texts (the code as people write it, the name) → 'code (name)', for the
    closest names."""
    out = {}
    for code, name in zip(frame["code"], frame["name_vi"]):
        plain = eras.code_of(str(code))
        shown = f"{plain} ({name})"
        out[plain] = shown
        out.setdefault(str(name), shown)
    return out


def _row_eras(period_end: pd.Series) -> pd.Series:
    """Each row's era, that of the last month its period covers (None where the date did not
    read: that is already an error)."""
    by_end = {ts: report_era(ts.date()) for ts in period_end.dropna().drop_duplicates()}
    return pd.Series([by_end.get(ts) for ts in period_end], index=period_end.index,
                     dtype=object)


def _per_pair(texts: pd.Series, era: pd.Series, resolve) -> tuple[pd.Series, pd.Series]:
    """resolve(text, era) → (a, b) once per distinct pair, spread over the rows."""
    pairs = list(zip(texts, era))
    done = {p: resolve(*p) for p in set(pairs) if isinstance(p[0], str) and p[1] is not None}
    a = pd.Series([done.get(p, (None, None))[0] for p in pairs], index=texts.index, dtype=object)
    b = pd.Series([done.get(p, (None, None))[1] for p in pairs], index=texts.index, dtype=object)
    return a, b


def _first(grp: pd.DataFrame) -> tuple:
    return grp["sheet"].iloc[0], grp["row"].iloc[0]


REFUSED = ("refused", None)  # the unit is known but cannot report in the form's era (said)


def _new_agency(grp, code, name, level, locality, create, found, new, ids, where, near):
    """Create an agency the rows name (only when asked), or say why not."""
    why = {agency_era_problem(eras.era_of_key(locality), level, e)
           for e in grp["_era"].unique()} - {None}
    if why:
        found(why.pop(), ERROR, *where, n=len(grp), agency=f"{eras.code_of(code)} ({name})")
    elif not create:
        found("agency_not_created", ERROR, *where, n=len(grp), closest=near,
              value=f"{eras.code_of(code)} ({name})")
    elif len(code) > CODE_LENGTH:
        found("too_long", ERROR, *where, length=len(code), limit=CODE_LENGTH)
    else:
        ids[grp.index] = new.add(code, locality, level, name)


def _agency_by_name(name: str, locality: str, era: str, ref: Reference, found: Issues,
                    where: tuple, n: int = 1):
    """The stored code of the one agency of a unit bearing a name; REFUSED when several do,
    or when it is an agency of the unit in the other era (said in `found`); None when none."""
    codes = ref.named(locality, name)
    if len(codes) == 1:
        return codes[0]
    if len(codes) > 1:
        found("ambiguous_agency", ERROR, *where, value=name,
              codes=", ".join(eras.code_of(c) for c in codes[:6]))
        return REFUSED
    other = _other_era_agency(name, locality, ref)
    why = other and agency_era_problem(eras.era_of_key(ref.agency_loc[other]),
                                       ref.agency_level[other], era)
    if why:
        found(why, ERROR, *where, n=n, agency=ref.shown_agency(other))
        return REFUSED
    return None


def _resolve_flat(f: pd.DataFrame, ref: Reference, found: Issues, new: _NewAgencies,
                  create: bool = False):
    sheet = f["sheet"]
    era = _row_eras(f["period_end"])
    work = f.assign(_era=era)
    # Provinces by the code (or name) people write, read in the era of the row.
    loc_key, old_key = _per_pair(f["locality_code"], era, ref.places.resolve)
    bad = f["locality_code"].notna() & era.notna() & loc_key.isna()
    for k, ((code, e), grp) in enumerate(work[bad].groupby(["locality_code", "_era"],
                                                           sort=False)):
        old = old_key[grp.index[0]]
        if old is not None:
            found("locality_retired", ERROR, *_first(grp), "locality_code", **ref.retired(old))
        else:
            found("unknown_locality", ERROR, *_first(grp), "locality_code", value=code,
                  n=len(grp), closest=_near(code, _options(ref.localities_of(e)))
                  if k < DETAIL_CAP else "–")

    # Agencies: in the row's era, with or without the "34:" of today's agencies.
    stored, problem = _per_pair(f["agency_code"], era, ref.find_agency)
    ids = stored.map(ref.agency_id)
    work = work.assign(_stored=stored, _problem=problem, _loc=loc_key)
    barred = problem.notna() & (problem != "unknown")
    for (code, why), grp in work[barred].groupby(
            [stored[barred].fillna(f["agency_code"][barred]), "_problem"], sort=False):
        found(why, ERROR, *_first(grp), "agency_code", n=len(grp),
              agency=ref.shown_agency(code) if code in ref.agency_id else eras.code_of(code))
    unknown = f["agency_code"].notna() & (problem == "unknown")
    # A new agency is created in the row's unit; one of today's units' carries the era.
    target = pd.Series([agency_code(eras.code_of(c), eras.era_of_key(k)) if k and c else c
                        for c, k in zip(f["agency_code"], loc_key)], index=f.index, dtype=object)
    for k, (code, grp) in enumerate(work[unknown].groupby(target[unknown], sort=False)):
        names = grp["agency_name"].dropna().unique()
        levels = grp["agency_level"].dropna().unique()
        locs = grp["_loc"].dropna().unique()
        where = (*_first(grp), "agency_code")
        near = _near(grp["agency_code"].iloc[0], _agency_options(
            ref, grp["_era"].iloc[0], locs[0] if len(locs) else None)) if k < DETAIL_CAP else "–"
        if len(names) == 1 and len(levels) == 1 and len(locs) == 1:
            if levels[0] in LEVELS:
                _new_agency(grp, code, names[0], levels[0], locs[0], create, found, new, ids,
                            where, near)
        elif len(names) > 1 or len(levels) > 1 or len(locs) > 1:
            found("new_agency_conflict", ERROR, *where, value=eras.code_of(code))
        else:
            found("unknown_agency", ERROR, *where, value=grp["agency_code"].iloc[0], n=len(grp),
                  closest=near)
    # Agencies named without a code: by name within the row's unit.
    by_name = f["agency_code"].isna() & f["agency_name"].notna() & loc_key.notna()
    keys = f["agency_name"][by_name].map(name_key)
    for k, ((loc, _), grp) in enumerate(work[by_name].groupby([loc_key[by_name], keys],
                                                               sort=False)):
        name = grp["agency_name"].iloc[0]
        where = (*_first(grp), "agency_name")
        hit = _agency_by_name(name, loc, grp["_era"].iloc[0], ref, found, where, len(grp))
        if hit is REFUSED:
            continue
        if hit is not None:
            ids[grp.index] = ref.agency_id[hit]
            continue
        levels = grp["agency_level"].dropna().unique()
        if not create:
            found("unknown_agency_name", ERROR, *where, value=name, n=len(grp),
                  unit=ref.shown_locality(loc), closest=_near(name, _agency_options(
                      ref, grp["_era"].iloc[0], loc)) if k < DETAIL_CAP else "–")
        elif len(levels) > 1:
            found("new_agency_conflict", ERROR, *where, value=name)
        elif len(levels) == 0:
            found("new_agency_level", ERROR, *where[:2], "agency_level", value=name)
        elif levels[0] in LEVELS:  # (a level that is none was said by flat.parse)
            _new_agency(grp, _NewAgencies.code_for(loc, name), name, levels[0], loc, create,
                        found, new, ids, where, "–")
    agency_loc = stored.map(ref.agency_loc)
    wrong = agency_loc.notna() & loc_key.notna() & (agency_loc != loc_key) & problem.isna()
    for (code, loc), grp in work[wrong].groupby(["_stored", "_loc"], sort=False):
        found("agency_locality", ERROR, *_first(grp), "locality_code",
              agency=ref.shown_agency(code), expected=ref.shown_locality(ref.agency_loc[code]),
              given=ref.shown_locality(loc), n=len(grp))

    proc_options = _options(ref.procedures)
    field_options = _options(ref.fields)
    proc_field = f["procedure_code"].map(ref.proc_field)
    bad = f["procedure_code"].notna() & proc_field.isna()
    for k, (code, grp) in enumerate(f[bad].groupby("procedure_code", sort=False)):
        found("unknown_procedure", ERROR, grp["sheet"].iloc[0], grp["row"].iloc[0],
              "procedure_code", value=code, n=len(grp),
              closest=_near(code, proc_options) if k < DETAIL_CAP else "–")
    field_code = f["field_code"].where(f["field_code"].notna(), proc_field)
    clash = f["field_code"].notna() & proc_field.notna() & (f["field_code"] != proc_field)
    for i in np.flatnonzero(clash.to_numpy())[:DETAIL_CAP * 5]:
        found("procedure_field", ERROR, sheet.iloc[i], f["row"].iloc[i], "field_code",
              procedure=f["procedure_code"].iloc[i], expected=proc_field.iloc[i],
              given=f["field_code"].iloc[i])
    known_fields = set(ref.fields["code"])
    bad = field_code.notna() & ~field_code.isin(known_fields) & f["field_code"].notna()
    for k, (code, grp) in enumerate(f[bad].groupby(field_code[bad], sort=False)):
        found("unknown_field", ERROR, grp["sheet"].iloc[0], grp["row"].iloc[0], "field_code",
              value=code, n=len(grp),
              closest=_near(code, field_options) if k < DETAIL_CAP else "–")
    out = f.drop(columns=["agency_code", "agency_name", "agency_level"])
    out["locality_code"] = loc_key
    out["agency_id"] = ids
    out["field_code"] = field_code
    return out


def _agency_in_era(code: str, ref: Reference, era: str, found: Issues, sheet, row=None):
    """('agency', id) for a code a form names, REFUSED when that agency cannot report in
    the era (the reason added to `found`), None when no agency has that code."""
    stored, why = ref.find_agency(code, era)
    if why == "unknown":
        return None
    if why:
        found(why, ERROR, sheet, row, n=1,
              agency=ref.shown_agency(stored) if stored else eras.code_of(code))
        return REFUSED
    return "agency", ref.agency_id[stored]


def _resolve_unit(text: str, ref: Reference, era: str, found: Issues, sheet: str,
                  heading: list[str] = ()):
    """The reporting unit of a form in its era → ('locality', key) or ('agency', id);
    REFUSED when it names a unit that cannot report in that era (said in `found`); None when
    unknown. An agency named alone ('Sở Tư pháp') is looked for in the province the form's
    heading names ('UBND TỈNH BẮC NINH')."""
    def place(name):
        key, old = ref.places.resolve(name, era)
        if old is not None:
            found("locality_retired", ERROR, sheet, **ref.retired(old))
            return REFUSED
        return ("locality", key) if key else None

    code = F.code_in_label(text)
    if code:
        hit = _agency_in_era(code, ref, era, found, sheet) or place(code)
        if hit:
            return hit
    base = F.label_without_code(text)
    hit = place(base)
    if hit:
        return hit
    # "Sở Tư pháp – Hà Nội", "Sở Tư pháp tỉnh Hà Nam"
    full = normalise(base)
    for loc_n in sorted(ref.places.name_forms(), key=len, reverse=True):
        if loc_n and full.endswith(" " + loc_n):
            unit = place(loc_n)
            if unit is None or unit is REFUSED:
                return unit
            head = strip_unit_prefix(full[: -len(loc_n)].strip())
            for suffix in (" tinh", " thanh pho", " tp", " ubnd"):
                head = head[: -len(suffix)] if head.endswith(suffix) else head
            a = ref.agencies_of(era, unit[1])
            hit = a[a["name_vi"].map(normalise) == head.strip()]
            if len(hit) == 1:
                return "agency", int(hit["id"].iloc[0])
            break
    a = ref.agencies_of(era)
    hit = a[a["name_vi"].map(normalise) == normalise(base)]
    if len(hit) == 1:
        return "agency", int(hit["id"].iloc[0])
    for line in heading:
        key, _ = ref.places.resolve(line, era)
        codes = ref.named(key, base) if key else []
        if len(codes) == 1:
            return "agency", ref.agency_id[codes[0]]
    return None


def _other_era_agency(name: str, locality: str, ref: Reference) -> str | None:
    """The one agency of the same unit in the other era that bears a name (a district of an
    old province named in a report of today, a centre of today in a report of 2024)."""
    succ = ref.successor.get(locality)
    if eras.era_of_key(locality) == eras.ERA_34:
        others = [k for k, s in ref.successor.items() if s == locality]
    else:
        others = [succ] if isinstance(succ, str) else []
    codes = [c for other in others for c in ref.named(other, name)]
    return codes[0] if len(codes) == 1 else None


def _resolve_form(fs, ref: Reference, found: Issues, new: _NewAgencies, create: bool = False):
    """A form sheet's rows with agency ids and field codes; None when it cannot be placed.
    The reporting unit is the header's "Đơn vị báo cáo: …", or else the sheet's name (a
    workbook of one sheet per unit)."""
    sheet = fs.sheet
    if fs.period is None:  # already said; without a period the unit's era is unknown
        if not fs.unit_text:
            found("unit_missing", ERROR, sheet)
        return None, False
    era = report_era(fs.period[1])
    if fs.unit_text:
        unit = _resolve_unit(fs.unit_text, ref, era, found, sheet, fs.heading)
    else:  # the sheet's name, or the heading: its agency for a form by field, else its unit
        hits = [_resolve_unit(t, ref, era, found, sheet, fs.heading)
                for t in (sheet, *fs.heading)]
        want = "agency" if fs.name_kind == "field" else "locality"
        hits = [h for h in hits if h is not None]
        unit = REFUSED if REFUSED in hits else next(
            (h for h in hits if h[0] == want), hits[0] if hits else None)
        if unit is None:
            found("unit_missing", ERROR, sheet)
            return None, False
    if unit is REFUSED:
        return None, False
    if unit is None:
        options = {r.name_vi: r.name_vi for r in ref.localities_of(era).itertuples()}
        options.update({f"{r.name_vi} {eras.code_of(r.code)}":
                        f"{r.name_vi} ({eras.code_of(r.code)})"
                        for r in ref.agencies_of(era).head(5000).itertuples()})
        found("unknown_unit", ERROR, sheet, value=fs.unit_text,
              closest=_near(strip_unit_prefix(fs.unit_text), options))
        return None, False
    kind, key = unit
    a = ref.agencies.set_index("id")
    locality = key if kind == "locality" else a.loc[key, "locality_code"]
    rows = fs.rows.copy()
    rows["period_start"] = pd.Timestamp(fs.period[0])
    rows["period_end"] = pd.Timestamp(fs.period[1])
    rows["locality_code"] = locality
    rows["procedure_code"] = None
    district = rows["level"].eq("district")
    if era == eras.ERA_34 and district.any():  # the district level ended on 01/07/2025
        found("section_district_ended", ERROR, sheet, rows.loc[district, "row"].iloc[0],
              n=int(district.sum()))
        return None, False
    uses_all = False
    if fs.name_kind == "field":
        lookup = {}
        for r in ref.fields.itertuples():
            for text in (r.name_vi, r.name_en, r.code):
                lookup.setdefault(F.field_label(text), r.code)
        def field_of(label):
            code = F.code_in_label(label)
            if code and code.upper() in set(ref.fields["code"]):
                return code.upper()
            return lookup.get(F.field_label(label))
        rows["field_code"] = rows["label"].map(field_of)
        options = {r.name_vi: r.name_vi for r in ref.fields.itertuples()}
        for _, r in rows[rows["field_code"].isna()].iterrows():
            found("unknown_field_name", ERROR, sheet, r["row"], value=r["label"],
                  closest=_near(F.field_label(r["label"]), options))
        if kind == "agency":
            rows["agency_id"] = key
        else:
            default = "ministry" if ref.loc_kind.get(locality) == "ministry" else None
            levels = rows["level"].where(rows["level"].notna(), default)
            if default is None and levels.isna().any():
                found("form_whole_locality", WARNING, sheet)
            ids = {}
            for level in levels.dropna().unique().tolist() + ([None] if levels.isna().any() else []):
                suffix, name_vi, name_en = AGGREGATE[level]
                # within the unit of the form's era: "01-TH-TINH" (63), "34:01-TH-TINH" (34)
                code = agency_code(f"{eras.code_of(locality)}-TH-{suffix}",
                                   eras.era_of_key(locality))
                ids[level] = ref.agency_id.get(code) or new.add(
                    code, locality, level or "province", name_vi, name_en)
                found("form_combined_agency", WARNING, sheet, unit=eras.code_of(code),
                      name=name_vi)
            rows["agency_id"] = [ids[lv if lv == lv else None] for lv in levels]
    else:
        ids_here = set(ref.agencies.loc[ref.agencies["locality_code"] == locality, "id"])
        options = _agency_options(ref, era, locality)

        def agency_of(r):
            code = F.code_in_label(r["label"])
            hit = _agency_in_era(code, ref, era, found, sheet, r["row"]) if code else None
            if hit is REFUSED:
                return None
            if hit is not None:
                if hit[1] not in ids_here:
                    other = a.loc[hit[1]]
                    found("agency_locality", ERROR, sheet, r["row"], n=1,
                          agency=ref.shown_agency(other["code"]),
                          expected=ref.shown_locality(other["locality_code"]),
                          given=ref.shown_locality(locality))
                    return None
                return hit[1]
            name = F.label_without_code(r["label"])
            where = (sheet, r["row"], None)
            hit = _agency_by_name(name, locality, era, ref, found, where)
            if hit is REFUSED:
                return None
            if hit is not None:
                return ref.agency_id[hit]
            level = r["level"] if isinstance(r["level"], str) else \
                "ministry" if ref.loc_kind.get(locality) == "ministry" else None
            if not create:
                found("unknown_agency_name", ERROR, *where, value=r["label"],
                      unit=ref.shown_locality(locality), closest=_near(r["label"], options))
            elif level is None:
                found("new_agency_level", ERROR, *where, value=r["label"])
            else:  # the code in brackets, or one made from the name
                new_code = agency_code(eras.code_of(code), eras.era_of_key(locality)) if code \
                    else _NewAgencies.code_for(locality, name)
                if len(new_code) > CODE_LENGTH:
                    found("too_long", ERROR, *where, length=len(new_code), limit=CODE_LENGTH)
                    return None
                return new.add(new_code, locality, level, name)
            return None
        rows["agency_id"] = rows.apply(agency_of, axis=1)
        rows["field_code"] = form06a.ALL_FIELDS
        uses_all = True
    if fs.early_unknown:
        found("form_early_unknown", WARNING, sheet)
    if fs.new_unsplit is not None:
        found("form_new_unsplit", WARNING, sheet, n=fmt_int(fs.new_unsplit, "vi"))
    for c in COUNT_COLUMNS:
        if c not in rows:
            rows[c] = pd.array([pd.NA] * len(rows), dtype="Int64")
    return rows, uses_all


# --- the database side ------------------------------------------------------------------
def _overlaps(conn, frame: pd.DataFrame) -> pd.DataFrame:
    """Periods already loaded for the file's agencies that cover a month the file's periods
    cover (months by the 15th-to-14th rule, as every figure is read: the September report
    and one of 15/09–14/12 do not overlap): one row per (agency_id, db start, db end) with
    the rows it holds and a file row to name."""
    cols = ["agency_id", "period_start", "period_end"]
    empty = pd.DataFrame(columns=cols + ["n", "f_first", "f_last", "row"])
    periods = frame[frame["agency_id"] > 0].groupby(cols, as_index=False)["row"].first()
    if periods.empty:
        return empty
    first, last = covered_bounds(periods["period_start"], periods["period_end"])
    periods["f_first"], periods["f_last"] = pd.to_datetime(first).to_numpy(), \
        pd.to_datetime(last).to_numpy()
    lo, hi = periods["f_first"].min().date(), periods["f_last"].max().date()
    ids = sorted(int(i) for i in periods["agency_id"].unique())
    found = []
    S = dossier_stats
    for k in range(0, len(ids), 1000):
        stmt = (sa.select(S.c.agency_id, S.c.period_start, S.c.period_end, S.c.month_first,
                          S.c.month_last, sa.func.count().label("n"))
                .where(S.c.agency_id.in_(ids[k:k + 1000]), S.c.month_first <= hi,
                       S.c.month_last >= lo)
                .group_by(S.c.agency_id, S.c.period_start, S.c.period_end, S.c.month_first,
                          S.c.month_last))
        res = conn.execute(stmt)
        found.append(pd.DataFrame(res.fetchall(), columns=list(res.keys())))
    db = pd.concat(found, ignore_index=True)
    if db.empty:
        return empty
    db["agency_id"] = db["agency_id"].astype("int64")
    for c in ("period_start", "period_end", "month_first", "month_last"):
        db[c] = pd.to_datetime(db[c])
    m = db.merge(periods.drop(columns=["period_start", "period_end"])
                 .astype({"agency_id": "int64"}), on="agency_id")
    m = m[(m["month_first"] <= m["f_last"]) & (m["f_first"] <= m["month_last"])]
    return m.drop_duplicates(cols).reset_index(drop=True)


def _scalar(conn, stmt):
    """One value, the result read to its end (DuckDB keeps an unfinished result open and
    refuses the next statement on the connection)."""
    rows = conn.execute(stmt).all()
    return rows[0][0] if rows else None


def _previous_identical(conn, sha: str, rows: int) -> dict | None:
    """An earlier 'ok' load of the same bytes whose rows are all still in place."""
    prev = conn.execute(sa.select(data_loads.c.id, data_loads.c.rows, data_loads.c.loaded_at)
                        .where(data_loads.c.sha256 == sha, data_loads.c.outcome == "ok")
                        .order_by(data_loads.c.id.desc())).all()
    for p in prev:
        present = _scalar(conn, sa.select(sa.func.count()).select_from(dossier_stats)
                          .where(dossier_stats.c.load_id == p.id))
        if present == p.rows == rows:
            return {"id": p.id, "loaded_at": p.loaded_at}
    return None


def _overlap_issues(over: pd.DataFrame, frame: pd.DataFrame, ref: Reference, replace: bool,
                    found: Issues) -> None:
    codes = dict(zip(ref.agencies["id"], ref.agencies["code"].map(eras.code_of)))
    sheets = dict(zip(frame["row"], frame["sheet"]))
    for agency_id, grp in over.groupby("agency_id", sort=False):
        first = grp.iloc[0]
        found("overlap_replaced" if replace else "overlap", WARNING if replace else ERROR,
              sheets.get(first["row"]), first["row"], agency=codes.get(agency_id, agency_id),
              start=fmt_date(grp["period_start"].min().date(), "vi"),
              end=fmt_date(grp["period_end"].max().date(), "vi"), n=int(grp["n"].sum()),
              periods=len(grp))


def _locked(exc: BaseException) -> bool:
    """A database error saying another process holds the lock (DuckDB's file lock,
    SQLite's 'database is locked')."""
    return isinstance(exc, sa.exc.DBAPIError) and "lock" in str(exc).lower()


def _failure(exc: Exception, name: str, code: str = "internal_error") -> Issue:
    """The issue of a load that broke: a lock held too long (said plainly, no traceback) or
    anything else (logged with its traceback for the developers)."""
    if _locked(exc):
        log.warning("import of %s: the database is locked by another process", name)
        return issue("db_locked", seconds=database.LOCK_WAIT_SECONDS)
    # the screen gets a reference to the log, never the exception's text (paths, process ids)
    ref = uuid.uuid4().hex[:8]
    log.exception("import of %s failed (reference %s)", name, ref)
    return issue(code, detail=ref)


def _spool_path(db: Database) -> Path | None:
    """Where the audit lines of loads that could not reach a locked database file wait for
    the next load (a file next to it); None for a server database."""
    path = sa.engine.make_url(db.url).database if db.dialect in ("duckdb", "sqlite") else None
    if not path or path == ":memory:":
        return None
    return Path(path).with_name(Path(path).name + ".pending-loads.jsonl")


def _take_pending(db: Database) -> list[dict]:
    """The waiting audit lines, taken out of the spool (renamed first: one taker only)."""
    path = _spool_path(db)
    if path is None or not path.exists():
        return []
    taken = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.rename(taken)
    except OSError:
        return []
    lines = taken.read_text(encoding="utf-8").splitlines()
    taken.unlink()
    return [json.loads(ln) for ln in lines if ln.strip()]


def _save_loads(db: Database, entries: list[dict], locked: bool = False) -> int | None:
    """data_loads rows in their own transaction, after those still waiting in the spool.
    While the database is locked by another process (`locked`: the load itself just waited
    for it in vain) they wait in the spool, for the next load to write. The last one's id."""
    path = _spool_path(db)
    if locked and path is not None:
        _spool(path, entries)
        return None
    entries = _take_pending(db) + entries
    if not entries:
        return None
    try:
        with db.transaction() as conn:
            load_id = None
            for e in entries:
                load_id = (_scalar(conn, sa.select(sa.func.max(data_loads.c.id))) or 0) + 1
                conn.execute(data_loads.insert().values(
                    id=load_id, kind="import", loaded_at=datetime.fromisoformat(e["loaded_at"]),
                    **{k: v for k, v in e.items() if k != "loaded_at"}))
        return load_id
    except Exception as exc:  # noqa: BLE001 - the audit line must not hide the real outcome
        if _locked(exc) and path is not None:
            _spool(path, entries)
        else:
            log.exception("could not record %d load(s): %s", len(entries), entries)
        return None


def _spool(path: Path, entries: list[dict]) -> None:
    with path.open("a", encoding="utf-8") as fh:
        for e in entries:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    log.warning("database locked: %d load line(s) wait in %s", len(entries), path)


def _record(db: Database, outcome: str, name: str, sha: str, rows: int, who: str,
            message: str, locked: bool = False) -> int | None:
    """One data_loads row (refused, unchanged or failed loads) in its own transaction."""
    return _save_loads(db, [{
        "file_name": name[:300], "sha256": sha, "rows": rows, "loaded_by": who[:100],
        "loaded_at": datetime.now().isoformat(), "outcome": outcome,
        "message": message[:4000]}], locked)


def _write(db: Database, frame: pd.DataFrame, new: _NewAgencies, uses_all: bool,
           replace: bool, ref: Reference, meta: dict, report) -> tuple[int, int]:
    """The one transaction: new agencies, replaced rows out, rows in, the load recorded."""
    with db.transaction() as conn:
        load_id = (_scalar(conn, sa.select(sa.func.max(data_loads.c.id))) or 0) + 1
        if new.rows:
            first = (_scalar(conn, sa.select(sa.func.max(agencies.c.id))) or 0) + 1
            mapping = {}
            rows = []
            for k, row in enumerate(new.rows.values()):
                mapping[row["id"]] = first + k
                rows.append({**row, "id": first + k})
            bulk_insert(conn, agencies, pd.DataFrame(rows))
            frame["agency_id"] = frame["agency_id"].map(lambda i: mapping.get(i, i))
        if uses_all and not _scalar(conn, sa.select(fields.c.code).where(
                fields.c.code == form06a.ALL_FIELDS)):
            conn.execute(fields.insert().values(**ALL_FIELDS_ROW))
        over = _overlaps(conn, frame)
        replaced = 0
        if not over.empty:
            if not replace:
                found = Issues()
                _overlap_issues(over, frame, ref, False, found)
                raise Rejected(*found.all())
            S = dossier_stats
            for (start, end), grp in over.groupby(["period_start", "period_end"]):
                ids = [int(i) for i in grp["agency_id"]]
                for k in range(0, len(ids), 1000):
                    conn.execute(S.delete().where(
                        S.c.period_start == start.date(), S.c.period_end == end.date(),
                        S.c.agency_id.in_(ids[k:k + 1000]))).close()
            replaced = int(over["n"].sum())
        frame = frame.assign(load_id=load_id)
        out = frame[[c for c in STAT_COLUMNS if c in frame]].copy()  # bulk_insert derives the rest
        for c in ("period_start", "period_end"):
            out[c] = out[c].dt.date
        out["agency_id"] = out["agency_id"].astype("int64")
        for k in range(0, len(out), CHUNK):
            bulk_insert(conn, dossier_stats, out.iloc[k:k + CHUNK])
            report(0.75 + 0.25 * min(1.0, (k + CHUNK) / len(out)), "write")
        conn.execute(data_loads.insert().values(
            id=load_id, kind="import", file_name=meta["name"][:300], sha256=meta["sha"],
            rows=len(out), loaded_by=meta["who"][:100], loaded_at=datetime.now(), outcome="ok",
            message=meta["message"][:4000] or None))
    return load_id, replaced


# --- the import -------------------------------------------------------------------------
def import_file(db: Database, data: bytes, file_name: str, *, replace: bool = False,
                dry_run: bool = False, who: str | None = None,
                period: tuple[date, date] | None = None, strict: bool = False,
                create_agencies: bool = False, progress=None, record: bool = True,
                identity: access.Identity | None = None) -> Result:
    """Check a file and, unless dry_run or refused, load it in one transaction. `period` is
    used for a form whose header gives none. `strict` refuses on warnings too. Agencies the
    file names but the database does not know are created only with `create_agencies`.
    `identity` is who loads (domain/access.py): a file with a unit they may not change, or new
    agencies from anyone but an administrator, is refused; None is this computer's operator
    (the command line). The audit records the identity.
    `progress` is called with (fraction 0–1, stage). Never raises: a lock held too long or
    a crash is an outcome ('failed') with its message, recorded like any other."""
    started = time.monotonic()
    report = progress or (lambda f, s: None)
    identity = identity or access.local_identity(default_user())
    who = who or identity.audit()
    name = Path(file_name).name
    sha = hashlib.sha256(data).hexdigest()
    result = Result("rejected", name, sha, dry_run=dry_run)
    found = Issues()
    new = _NewAgencies()
    checked = None
    try:
        if not identity.may_load:  # refused before the file is even read
            found("not_permitted", ERROR)
        else:
            if record and not dry_run:
                _save_loads(db, [])  # audit lines that waited for a lock, first
            checked = _check(db, data, name, sha, found, new, result, period, replace,
                             create_agencies, report)
    except Rejected as exc:
        found.extend(exc.issues)
    except Exception as exc:  # noqa: BLE001 - a lock time-out or a bug: an outcome, not a crash
        found.add(_failure(exc, name))
        result.outcome = "failed"
    frame, uses_all, ref = checked or (None, False, None)
    if frame is not None:
        _authorise(identity, frame, new, ref, found)
    if strict and found.warnings and result.outcome != "unchanged":
        found("strict", ERROR, n=found.count(WARNING))
    result.issues = found.all()
    if frame is not None:
        result.rows = len(frame)
        result.n_agencies = int(frame["agency_id"].nunique())
        pairs = frame[["period_start", "period_end"]].drop_duplicates()
        result.periods = sorted((s.date(), e.date()) for s, e in pairs.itertuples(index=False))[:50]
        result.new_agencies = list(new.rows)
        result.preview = _preview(frame, ref, new)
    message = "; ".join(f"{i.code}@{i.sheet or ''}:{i.row or ''}" for i in result.errors[:30])
    if result.errors:
        result.outcome = "failed" if result.outcome == "failed" else "rejected"
        result.seconds = time.monotonic() - started
        if record and not dry_run:
            _record(db, result.outcome, name, sha, 0, who, message,
                    locked=any(i.code == "db_locked" for i in result.errors))
        return result
    if result.outcome == "unchanged":
        if record and not dry_run:
            _record(db, "unchanged", name, sha, 0, who, f"same as load {result.load_id}")
        result.seconds = time.monotonic() - started
        return result
    if dry_run:
        result.outcome = "checked"
        result.seconds = time.monotonic() - started
        report(1.0, "done")
        return result
    warnings = "; ".join(f"{i.code}@{i.sheet or ''}:{i.row or ''}" for i in result.warnings[:30])
    try:
        report(0.7, "write")
        result.load_id, result.replaced = _write(
            db, frame, new, uses_all, replace, ref,
            {"name": name, "sha": sha, "who": who, "message": warnings}, report)
        result.outcome = "ok"
    except Rejected as exc:  # an overlapping load landed between the check and the write
        result.issues += exc.issues
        result.outcome = "rejected"
        if record:
            _record(db, "rejected", name, sha, 0, who, "overlap at write")
    except Exception as exc:  # noqa: BLE001 - rolled back; the database is as it was
        failure = _failure(exc, name, "write_failed")
        result.issues.append(failure)
        result.outcome = "failed"
        if record:
            _record(db, "failed", name, sha, 0, who,
                    f"{failure.code}: {type(exc).__name__}: {exc}",
                    locked=failure.code == "db_locked")
    result.seconds = time.monotonic() - started
    report(1.0, "done")
    return result


def _authorise(identity: access.Identity, frame: pd.DataFrame, new: _NewAgencies,
               ref: Reference, found: Issues) -> None:
    """Refuse, before anything is written, a file with units this editor may not change; the
    agencies a file would create are reference data, the administrator's."""
    refused = access.refused_units(identity, frame["locality_code"], reference.crosswalk())
    if refused:
        found("unit_not_permitted", ERROR, units=", ".join(
            ref.shown_locality(k) for k in refused[:10]) + (" …" if len(refused) > 10 else ""))
    if new.rows and not identity.may_change_reference:
        found("agencies_not_permitted", ERROR, n=len(new.rows))


def _check(db, data, name, sha, found, new, result, period, replace, create, report):
    """Read and check everything, writing nothing: (frame, uses_all, reference), the frame
    None when there is nothing to load."""
    report(0.02, "read")
    kind = xlsx.kind_of(data, name)
    flats, forms, result.layout = _read(data, name, kind, found, period, report)
    report(0.4, "check")
    frame, uses_all, ref = None, False, None
    if flats or forms:
        ref = load_reference(db)
        parts = [_resolve_flat(f, ref, found, new, create) for f in flats]
        for fs in forms:
            rows, all_ = _resolve_form(fs, ref, found, new, create)
            if rows is not None:
                parts.append(rows)
                uses_all |= all_
        if parts and not found.errors:
            frame = pd.concat(parts, ignore_index=True)
            frame["agency_id"] = frame["agency_id"].astype("int64")
            found.extend(duplicates(frame))
            if not found.errors:
                found.extend(overlaps_within(frame))
            rules = [BALANCE] if flats else []
            for f_ in flats:
                sub = frame[frame["sheet"] == f_["sheet"].iloc[0]]
                check_identities(sub, rules, sub["sheet"].iloc[0], sub["row"], found)
    report(0.6, "check")
    if frame is not None and not found.errors:
        with db.connect() as conn:
            prev = _previous_identical(conn, sha, len(frame))
            over = _overlaps(conn, frame) if prev is None else None
        if prev is not None:
            result.outcome = "unchanged"
            result.load_id = prev["id"]
            found("already_loaded", WARNING, load=prev["id"],
                  when=fmt_date(pd.Timestamp(prev["loaded_at"]).date(), "vi"))
        else:
            _overlap_issues(over, frame, ref, replace, found)
            result.replaced = int(over["n"].sum()) if len(over) else 0
    return frame, uses_all, ref


def _preview(frame: pd.DataFrame, ref: Reference | None, new: _NewAgencies,
             n: int = 20) -> pd.DataFrame:
    head = frame.head(n).copy()
    names = dict(zip(ref.agencies["id"], ref.agencies["code"].map(eras.code_of) + " "
                     + ref.agencies["name_vi"])) if ref is not None else {}
    names.update({r["id"]: f"{eras.code_of(r['code'])} {r['name_vi']}" for r in new.rows.values()})
    head["agency"] = head["agency_id"].map(names)
    cols = ["sheet", "row", "period_start", "period_end", "agency", "field_code",
            "procedure_code", "carried_over", "received_online", "received_direct",
            "resolved_on_time", "resolved_late", "pending_on_time", "pending_late"]
    out = head[cols].copy()
    for c in ("period_start", "period_end"):
        out[c] = out[c].dt.date
    return out


def load_history(db: Database, limit: int = 200) -> pd.DataFrame:
    """The latest loads (every outcome), newest first."""
    with db.connect() as conn:
        if not sa.inspect(conn).has_table("data_loads"):
            return pd.DataFrame(columns=[c.name for c in data_loads.columns])
    return db.query(sa.select(data_loads).order_by(data_loads.c.id.desc()).limit(limit))


# --- the command line -------------------------------------------------------------------
def _date(text: str) -> date:
    d = parse_date(text)
    if d is None:
        raise argparse.ArgumentTypeError(f"not a date (DD/MM/YYYY or YYYY-MM-DD): {text}")
    return d


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data_access.importer",
        description="Load a report (form II.06a or the flat template, .xlsx or .csv) into "
                    "the database, all or nothing.")
    parser.add_argument("file")
    parser.add_argument("--replace", action="store_true",
                        help="replace data already loaded for the same agencies and periods")
    parser.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--period-start", type=_date, help="for a form without its period")
    parser.add_argument("--period-end", type=_date)
    parser.add_argument("--strict", action="store_true", help="refuse on warnings too")
    parser.add_argument("--create-agencies", action="store_true",
                        help="create the agencies the file names that the database does not "
                             "know (otherwise refused with the closest known names)")
    parser.add_argument("--url", help="database URL (default: DVC_DATABASE_URL or the "
                                      "embedded DuckDB file)")
    args = parser.parse_args(argv)
    path = Path(args.file)
    if not path.is_file():
        print(t("imp_cli_no_file", args.lang, file=args.file), file=sys.stderr)
        return 2
    if bool(args.period_start) != bool(args.period_end):
        parser.error("--period-start and --period-end go together")
    period = (args.period_start, args.period_end) if args.period_start else None
    db = Database(args.url)
    try:
        result = import_file(db, path.read_bytes(), path.name, replace=args.replace,
                             dry_run=args.dry_run, period=period, strict=args.strict,
                             create_agencies=args.create_agencies)
    finally:
        db.dispose()
    from domain.validation import describe
    stream = sys.stdout if result.ok else sys.stderr
    for item in result.issues:
        label = t("imp_error" if item.severity == ERROR else "imp_warning", args.lang)
        print(f"{label}: {describe(item, args.lang)}", file=stream)
    print(result.summary(args.lang), file=stream)
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
