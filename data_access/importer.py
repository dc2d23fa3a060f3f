"""Loading a report into the database, all or nothing.

    python -m data_access.importer FILE [--replace] [--dry-run] [--lang vi|en]
                                        [--period-start DD/MM/YYYY --period-end DD/MM/YYYY]
                                        [--strict] [--url URL]

FILE is the official form II.06a (any of its variants, .xlsx) or the flat template (.xlsx or
UTF-8 .csv). Exit status 0 when the file was loaded (or, with --dry-run, would be), or was
already loaded; 1 with the messages when it was refused; 2 for a bad command line.

The steps, each before anything is written:
1. the file itself (size, protected, macro-enabled, damaged: data_access.xlsx.kind_of);
2. its cells (flat.parse / form06a.read_sheet), every problem with its sheet, row, column;
3. its codes and names against the database (localities, agencies, fields, procedures), with
   the closest known names; new agencies are created when the flat row names them (name and
   level); a form reported per field by a province goes to one combined agency per level;
4. the rows together: duplicates, overlapping periods inside the file, the form's identities;
5. the database: the same file already loaded and still in place → nothing to do
   ("unchanged"); rows whose agency and period overlap data already loaded for that agency →
   refused, unless replace, which deletes the overlapped rows of those agencies.
Then one transaction writes the new agencies, deletes what is replaced, inserts the rows and
the data_loads row (kind 'import', file name, SHA-256, rows, who, when, outcome 'ok').

Every attempt is recorded: a refused file leaves the statistics exactly as they were and adds
one data_loads row with outcome 'rejected' (and the first messages), in its own transaction
after the failed one; a file already loaded adds an 'unchanged' row; an interrupted write is
rolled back and recorded as 'failed'. Only 'ok' rows count as loads for the app (data version,
source line). A dry run writes nothing at all.
"""
from __future__ import annotations

import argparse
import hashlib
import logging
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access import flat, form06a, xlsx
from data_access.db import Database, bulk_insert, default_user
from data_access.schema import agencies, data_loads, dossier_stats, fields, localities, procedures
from domain import form06a as F
from domain.formatting import fmt_date, fmt_int
from domain.i18n import t
from domain.metrics import COUNT_COLUMNS
from domain.validation import (
    BALANCE, DETAIL_CAP, ERROR, LEVELS, WARNING, Issue, Issues, Rejected,
    check_identities, closest, duplicates, issue, normalise, overlaps_within, parse_date,
)

log = logging.getLogger("dvc.import")
CHUNK = 25_000
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
class Result:
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

    @property
    def ok(self) -> bool:
        return self.outcome in ("ok", "unchanged", "checked")

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == WARNING]

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
        self.agency_id = dict(zip(self.agencies["code"], self.agencies["id"]))
        self.agency_loc = dict(zip(self.agencies["code"], self.agencies["locality_code"]))
        self.proc_field = dict(zip(self.procedures["code"], self.procedures["field_code"]))
        self.loc_kind = dict(zip(self.localities["code"], self.localities["kind"]))


def load_reference(db: Database) -> Reference:
    stmts = (
        sa.select(localities.c.code, localities.c.kind, localities.c.name_vi,
                  localities.c.full_name_vi),
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
        for ref in sheet.formula_cells[:DETAIL_CAP]:
            found("formula_no_value", ERROR, sheet.name, column=ref)
        if len(sheet.formula_cells) > DETAIL_CAP:
            found("more", ERROR, sheet.name, n=len(sheet.formula_cells) - DETAIL_CAP)
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
    """Agencies the load creates; provisional negative ids until the write assigns real ones."""

    def __init__(self):
        self.rows: dict[str, dict] = {}

    def add(self, code, locality, level, name_vi, name_en=None) -> int:
        if code not in self.rows:
            self.rows[code] = {"id": -(len(self.rows) + 1), "code": code,
                               "locality_code": locality, "level": level, "name_vi": name_vi,
                               "name_en": name_en or name_vi}
        return self.rows[code]["id"]


def _agency_options(ref: Reference, locality: str | None) -> dict[str, str]:
    a = ref.agencies
    if locality and (a["locality_code"] == locality).any():
        a = a[a["locality_code"] == locality]
    return _options(a)


def _options(frame: pd.DataFrame) -> dict[str, str]:
    """Comparison texts (the code, the name) → 'code (name)', for the closest names."""
    out = {}
    for code, name in zip(frame["code"], frame["name_vi"]):
        shown = f"{code} ({name})"
        out[str(code)] = shown
        out.setdefault(str(name), shown)
    return out


def _resolve_flat(f: pd.DataFrame, ref: Reference, found: Issues, new: _NewAgencies):
    sheet = f["sheet"]
    known_loc = set(ref.localities["code"])
    loc_options = _options(ref.localities)
    bad = f["locality_code"].notna() & ~f["locality_code"].isin(known_loc)
    for k, (code, grp) in enumerate(f[bad].groupby("locality_code", sort=False)):
        found("unknown_locality", ERROR, grp["sheet"].iloc[0], grp["row"].iloc[0],
              "locality_code", value=code, n=len(grp),
              closest=_near(code, loc_options) if k < DETAIL_CAP else "–")

    ids = f["agency_code"].map(ref.agency_id)
    unknown = f["agency_code"].notna() & ids.isna()
    for k, (code, grp) in enumerate(f[unknown].groupby("agency_code", sort=False)):
        names = grp["agency_name"].dropna().unique()
        levels = grp["agency_level"].dropna().unique()
        locs = grp["locality_code"].dropna().unique()
        where = (grp["sheet"].iloc[0], grp["row"].iloc[0], "agency_code")
        if len(names) == 1 and len(levels) == 1 and len(locs) == 1:
            if levels[0] in LEVELS and locs[0] in known_loc:
                ids[grp.index] = new.add(code, locs[0], levels[0], names[0])
        elif len(names) > 1 or len(levels) > 1 or len(locs) > 1:
            found("new_agency_conflict", ERROR, *where, value=code)
        else:
            locality = locs[0] if len(locs) else None
            found("unknown_agency", ERROR, *where, value=code, n=len(grp),
                  closest=_near(code, _agency_options(ref, locality)) if k < DETAIL_CAP else "–")
    agency_loc = f["agency_code"].map(ref.agency_loc)
    wrong = agency_loc.notna() & f["locality_code"].notna() & (agency_loc != f["locality_code"])
    for (code, loc), grp in f[wrong].groupby(["agency_code", "locality_code"], sort=False):
        found("agency_locality", ERROR, grp["sheet"].iloc[0], grp["row"].iloc[0],
              "locality_code", agency=code, expected=agency_loc[grp.index[0]], given=loc,
              n=len(grp))

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
    out["agency_id"] = ids
    out["field_code"] = field_code
    return out


def _resolve_unit(text: str, ref: Reference):
    """The reporting unit of a form → ('locality', code) or ('agency', id), or None."""
    code = F.code_in_label(text)
    if code:
        if code in ref.agency_id:
            return "agency", ref.agency_id[code]
        if code.upper() in ref.loc_kind:
            return "locality", code.upper()
    base = F.label_without_code(text)
    bare = F.strip_unit_prefix(base)
    locs = ref.localities
    for r in locs.itertuples():
        names = {normalise(r.name_vi), F.strip_unit_prefix(r.name_vi)}
        if isinstance(r.full_name_vi, str):
            names |= {normalise(r.full_name_vi), F.strip_unit_prefix(r.full_name_vi)}
        if bare in names or normalise(base) in names:
            return "locality", r.code
    a = ref.agencies
    # "Sở Tư pháp – Hà Nội", "Sở Tư pháp tỉnh Hà Nam"
    for r in locs.itertuples():
        loc_n = F.strip_unit_prefix(r.name_vi)
        full = normalise(base)
        if loc_n and full.endswith(" " + loc_n):
            head = F.strip_unit_prefix(full[: -len(loc_n)].strip())
            for suffix in (" tinh", " thanh pho", " tp", " ubnd"):
                head = head[: -len(suffix)] if head.endswith(suffix) else head
            hit = a[(a["locality_code"] == r.code) & (a["name_vi"].map(normalise) == head.strip())]
            if len(hit) == 1:
                return "agency", int(hit["id"].iloc[0])
    hit = a[a["name_vi"].map(normalise) == normalise(base)]
    if len(hit) == 1:
        return "agency", int(hit["id"].iloc[0])
    return None


def _resolve_form(fs, ref: Reference, found: Issues, new: _NewAgencies):
    """A form sheet's rows with agency ids and field codes; None when it cannot be placed."""
    sheet = fs.sheet
    if not fs.unit_text:
        found("unit_missing", ERROR, sheet)
        return None, False
    unit = _resolve_unit(fs.unit_text, ref)
    if unit is None:
        options = {r.name_vi: r.name_vi for r in ref.localities.itertuples()}
        options.update({f"{r.name_vi} {r.code}": f"{r.name_vi} ({r.code})"
                        for r in ref.agencies.head(5000).itertuples()})
        found("unknown_unit", ERROR, sheet, value=fs.unit_text,
              closest=_near(F.strip_unit_prefix(fs.unit_text), options))
        return None, False
    kind, key = unit
    a = ref.agencies.set_index("id")
    locality = key if kind == "locality" else a.loc[key, "locality_code"]
    rows = fs.rows.copy()
    if fs.period is None:
        return None, False
    rows["period_start"] = pd.Timestamp(fs.period[0])
    rows["period_end"] = pd.Timestamp(fs.period[1])
    rows["locality_code"] = locality
    rows["procedure_code"] = None
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
                code = f"{locality}-TH-{suffix}"
                ids[level] = ref.agency_id.get(code) or new.add(
                    code, locality, level or "province", name_vi, name_en)
                found("form_combined_agency", WARNING, sheet, unit=code, name=name_vi)
            rows["agency_id"] = [ids[lv if lv == lv else None] for lv in levels]
    else:
        candidates = ref.agencies[ref.agencies["locality_code"] == locality]
        by_name = candidates.assign(_n=candidates["name_vi"].map(normalise))
        options = _agency_options(ref, locality)

        def agency_of(r):
            code = F.code_in_label(r["label"])
            if code and code in ref.agency_id:
                return ref.agency_id[code]
            hit = by_name[by_name["_n"] == normalise(F.label_without_code(r["label"]))]
            if len(hit) == 1:
                return int(hit["id"].iloc[0])
            if len(hit) > 1:
                found("ambiguous_agency", ERROR, sheet, r["row"], value=r["label"],
                      codes=", ".join(hit["code"].head(6)))
            else:
                found("unknown_agency_name", ERROR, sheet, r["row"], value=r["label"],
                      closest=_near(r["label"], options))
            return None
        rows["agency_id"] = rows.apply(agency_of, axis=1)
        rows["field_code"] = form06a.ALL_FIELDS
        uses_all = True
    if fs.early_unknown:
        found("form_early_unknown", WARNING, sheet)
    for c in COUNT_COLUMNS:
        if c not in rows:
            rows[c] = pd.array([pd.NA] * len(rows), dtype="Int64")
    return rows, uses_all


# --- the database side ------------------------------------------------------------------
def _overlaps(conn, frame: pd.DataFrame) -> pd.DataFrame:
    """Periods already loaded for the file's agencies that overlap the file's periods: one
    row per (agency_id, db start, db end) with the rows it holds and a file row to name."""
    cols = ["agency_id", "period_start", "period_end"]
    periods = frame[frame["agency_id"] > 0].groupby(cols, as_index=False)["row"].first()
    if periods.empty:
        return pd.DataFrame(columns=cols + ["n", "f_start", "f_end", "row"])
    lo, hi = periods["period_start"].min().date(), periods["period_end"].max().date()
    ids = sorted(int(i) for i in periods["agency_id"].unique())
    found = []
    S = dossier_stats
    for k in range(0, len(ids), 1000):
        stmt = (sa.select(S.c.agency_id, S.c.period_start, S.c.period_end,
                          sa.func.count().label("n"))
                .where(S.c.agency_id.in_(ids[k:k + 1000]), S.c.period_start <= hi,
                       S.c.period_end >= lo)
                .group_by(S.c.agency_id, S.c.period_start, S.c.period_end))
        res = conn.execute(stmt)
        found.append(pd.DataFrame(res.fetchall(), columns=list(res.keys())))
    db = pd.concat(found, ignore_index=True)
    if db.empty:
        return pd.DataFrame(columns=cols + ["n", "f_start", "f_end", "row"])
    db["agency_id"] = db["agency_id"].astype("int64")
    db["period_start"] = pd.to_datetime(db["period_start"])
    db["period_end"] = pd.to_datetime(db["period_end"])
    m = db.merge(periods.rename(columns={"period_start": "f_start", "period_end": "f_end"})
                 .astype({"agency_id": "int64"}), on="agency_id")
    m = m[(m["period_start"] <= m["f_end"]) & (m["f_start"] <= m["period_end"])]
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
    codes = dict(zip(ref.agencies["id"], ref.agencies["code"]))
    sheets = dict(zip(frame["row"], frame["sheet"]))
    for agency_id, grp in over.groupby("agency_id", sort=False):
        first = grp.iloc[0]
        found("overlap_replaced" if replace else "overlap", WARNING if replace else ERROR,
              sheets.get(first["row"]), first["row"], agency=codes.get(agency_id, agency_id),
              start=fmt_date(grp["period_start"].min().date(), "vi"),
              end=fmt_date(grp["period_end"].max().date(), "vi"), n=int(grp["n"].sum()),
              periods=len(grp))


def _record(db: Database, outcome: str, name: str, sha: str, rows: int, who: str,
            message: str) -> int | None:
    """One data_loads row in its own transaction (refused, unchanged or failed loads)."""
    try:
        with db.transaction() as conn:
            load_id = (_scalar(conn, sa.select(sa.func.max(data_loads.c.id))) or 0) + 1
            conn.execute(data_loads.insert().values(
                id=load_id, kind="import", file_name=name[:300], sha256=sha, rows=rows,
                loaded_by=who[:100], loaded_at=datetime.now(), outcome=outcome,
                message=message[:4000]))
        return load_id
    except Exception:  # noqa: BLE001 - the audit line must not hide the real outcome
        log.exception("could not record the %s load of %s", outcome, name)
        return None


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
        out = frame[STAT_COLUMNS].copy()
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
                progress=None, record: bool = True) -> Result:
    """Check a file and, unless dry_run or refused, load it in one transaction. `period` is
    used for a form whose header gives none. `strict` refuses on warnings too. `progress`
    is called with (fraction 0–1, stage)."""
    started = time.monotonic()
    report = progress or (lambda f, s: None)
    who = who or default_user()
    name = Path(file_name).name
    sha = hashlib.sha256(data).hexdigest()
    result = Result("rejected", name, sha, dry_run=dry_run)
    found = Issues()
    new = _NewAgencies()
    frame = None
    uses_all = False
    ref = None
    try:
        report(0.02, "read")
        kind = xlsx.kind_of(data, name)
        flats, forms, result.layout = _read(data, name, kind, found, period, report)
        report(0.4, "check")
        if flats or forms:
            ref = load_reference(db)
            parts = [_resolve_flat(f, ref, found, new) for f in flats]
            for fs in forms:
                rows, all_ = _resolve_form(fs, ref, found, new)
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
    except Rejected as exc:
        found.extend(exc.issues)
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
        result.outcome = "rejected"
        result.seconds = time.monotonic() - started
        if record and not dry_run:
            _record(db, "rejected", name, sha, 0, who, message)
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
    except Exception as exc:  # rolled back; the database is as it was
        log.exception("import of %s failed", name)
        result.issues.append(issue("write_failed", detail=f"{type(exc).__name__}: {exc}"[:300]))
        result.outcome = "failed"
        if record:
            _record(db, "failed", name, sha, 0, who, f"{type(exc).__name__}: {exc}")
    result.seconds = time.monotonic() - started
    report(1.0, "done")
    return result


def _preview(frame: pd.DataFrame, ref: Reference | None, new: _NewAgencies,
             n: int = 20) -> pd.DataFrame:
    head = frame.head(n).copy()
    names = dict(zip(ref.agencies["id"], ref.agencies["code"] + " " + ref.agencies["name_vi"])) \
        if ref is not None else {}
    names.update({r["id"]: f"{r['code']} {r['name_vi']}" for r in new.rows.values()})
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
                             dry_run=args.dry_run, period=period, strict=args.strict)
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
