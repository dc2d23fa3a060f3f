"""The Decision 766 service index: the scores the portal publishes (template, loading, reads)
and what the dashboard recomputes from its own dossier statistics (domain/index766.py).

    python -m data_access.index766 --period YYYY-MM|YYYY-Www [--province CODE]
        --format csv|xlsx [--out FILE] [--lang vi|en] [--url URL]
    python -m data_access.index766 --load FILE [--replace] [--dry-run] [--strict] [--lang vi|en]
    python -m data_access.index766 --template FILE.xlsx|FILE.csv [--lang vi|en]

--period: one row per unit — the provinces of the period's era (the 34 from 07/2025, the 63
before) and the ministries, or with --province a province (or ministry) and its agencies —
with the official groups and total as published, the rank, the groups recomputed from the
dossier statistics of the period's month, and the differences. Exit 1 with a message when the
province is unknown or nothing is there for the period.

--load: the published scores from the template (.xlsx or UTF-8 .csv: period, unit_code,
unit_name, the six groups, total, rank, rank_of), by the importer's rules: every cell and code
checked before anything is written, each problem located by file, sheet, row and column; a unit
named as people write it (province "24", ministry "B-CA", agency "01-S02" or "01-X00004"), read
in the era of the period's last day (a retired code is refused with what it became); a score
already loaded for the same period and unit refused unless --replace; one transaction; every
attempt recorded in data_loads (kind 'index766'). Exit 0 when loaded, checked or unchanged,
1 when refused.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import logging
import sys
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from data_access import catalog, flat, reference, stats, xlsx
from data_access.cells import write_csv
from data_access.db import Database, bulk_insert, default_user
from data_access.importer import Reference, load_reference
from data_access.schema import agencies, data_loads, index766_scores, localities
from domain import access, eras
from domain import index766 as I
from domain.formatting import fmt_date, fmt_int, fmt_month
from domain.i18n import LANGS, t
from domain.metrics import measures_for
from domain.periods import Month, MonthRange
from domain.scope import Scope
from domain.validation import (
    DETAIL_CAP, ERROR, MAX_ROWS, WARNING, Issue, Issues, Outcome, Rejected, closest, code_text,
    describe, issue, normalise, parse_count,
)

log = logging.getLogger("dvc.index766")
KIND = "index766"  # data_loads.kind of a load of published scores
T = index766_scores
COLUMNS = ("period", "unit_code", "unit_name", *I.GROUP_IDS, "total", "rank", "rank_of")
REQUIRED = ("period", "unit_code", "total")
SCORE_COLUMNS = (*I.GROUP_IDS, "total")
SUM_TOLERANCE = 0.05  # published totals are rounded: 92.80 for groups adding up to 92.83
MEASURES = measures_for(I.METRIC_IDS)
EXAMPLE = {"period": "2025-W42", "unit_code": "75", "unit_name": "Đồng Nai",
           "transparency": 16.09, "online_payment": 10, "satisfaction": 17.93, "total": 90.62,
           "rank": 2, "rank_of": 34}


# --- the template ------------------------------------------------------------------------
def template_xlsx(lang: str = "vi") -> bytes:
    """The template: the header and one example row, and a guide sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "index766"
    for c, name in enumerate(COLUMNS, start=1):
        xlsx.set_value(ws.cell(1, c), name)
        ws.cell(1, c).font = Font(bold=True)
        ws.cell(1, c).fill = PatternFill("solid", fgColor="DDEBF7")
        cell = ws.cell(2, c)
        xlsx.set_value(cell, EXAMPLE.get(name))
        if name in ("period", "unit_code"):
            cell.number_format = "@"  # "2025-10" and "01" must stay text
        ws.column_dimensions[cell.column_letter].width = max(len(name) + 2, 12)
    ws.freeze_panes = "A2"
    guide = wb.create_sheet(t("i766_guide_sheet", lang))
    for c, h in enumerate((t("i766_guide_column", lang), t("i766_guide_meaning", lang),
                           t("i766_guide_required", lang)), start=1):
        xlsx.set_value(guide.cell(1, c), h)
        guide.cell(1, c).font = Font(bold=True)
    for r, col in enumerate(COLUMNS, start=2):
        xlsx.set_value(guide.cell(r, 1), col)
        xlsx.set_value(guide.cell(r, 2), t(f"i766_help_{col}", lang))
        xlsx.set_value(guide.cell(r, 3), t("i766_required" if col in REQUIRED
                                           else "i766_optional", lang))
    for letter, w in zip("ABC", (18, 100, 14)):
        guide.column_dimensions[letter].width = w
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def template_csv() -> bytes:
    """The same template as CSV."""
    return flat.csv_template(COLUMNS, EXAMPLE)


# --- reading a file ----------------------------------------------------------------------
def _header_names() -> dict[str, str]:
    """Header text (normalised) → column: the ids, and the headers of both languages."""
    out = {}
    for c in COLUMNS:
        out[normalise(c)] = c
        for lang in LANGS:
            out[normalise(t(f"i766_col_{c}", lang))] = c
    return out


def _csv_rows(data: bytes) -> list[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Rejected(issue("csv_encoding", row=data[:exc.start].count(b"\n") + 1)) from None
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    sep = max((";", ",", "\t"), key=first.count)
    return [row for row in csv.reader(io.StringIO(text), delimiter=sep)]


def _sheets(data: bytes, name: str, found: Issues) -> list[tuple[str, list[list]]]:
    if xlsx.kind_of(data, name) == "csv":
        return [("CSV", _csv_rows(data))]
    sheets = []
    for sheet in xlsx.read_workbook(data):
        for row, column in sheet.formula_cells[:DETAIL_CAP]:
            found("formula_no_value", ERROR, sheet.name, row, column)
        sheets.append((sheet.name, sheet.rows))
    return sheets


def _blank(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or \
        (isinstance(value, str) and not value.strip())


def _find_header(rows: list[list], names: dict) -> int | None:
    for i, row in enumerate(rows[:15]):
        if sum(1 for v in row if not _blank(v) and normalise(v) in names) >= 3:
            return i
    return None


def parse_sheet(sheet: str, rows: list[list], found: Issues) -> pd.DataFrame | None:
    """The sheet's rows (codes not yet resolved), or None when it has no template header or
    misses a required column. Every cell that does not read is added to `found`, located."""
    names = _header_names()
    head = _find_header(rows, names)
    if head is None:
        return None
    cols, shown = {}, {}
    for i, v in enumerate(rows[head]):
        if _blank(v):
            continue
        col = names.get(normalise(v))
        if col is None:
            found("column_ignored", WARNING, sheet, column=str(v))
        elif col in cols:
            found("column_twice", ERROR, sheet, column=str(v))
        else:
            cols[col], shown[col] = i, str(v)
    missing = [c for c in REQUIRED if c not in cols]
    for c in missing:
        found("missing_column", ERROR, sheet, column=c)
    if missing:
        return None
    records = []
    for r in range(head + 1, len(rows)):
        row = rows[r]
        cells = {c: row[i] if i < len(row) else None for c, i in cols.items()}
        if all(_blank(v) for v in cells.values()):
            continue
        if len(records) >= MAX_ROWS:
            found("too_many_rows", ERROR, sheet, n=len(rows) - head - 1, limit=MAX_ROWS)
            return None
        records.append(_parse_row(sheet, r + 1, cells, shown, found))
    if not records:
        found("sheet_no_rows", ERROR, sheet)
        return None
    return pd.DataFrame(records)


def _parse_row(sheet: str, line: int, cells: dict, shown: dict, found: Issues) -> dict:
    rec = {"sheet": sheet, "row": line, "period": None, "unit_code": code_text(cells["unit_code"]),
           "unit_name": code_text(cells.get("unit_name"))}
    for c in REQUIRED:
        if _blank(cells[c]):
            found("required_value", ERROR, sheet, line, shown[c])
    if not _blank(cells["period"]):
        try:
            rec["period"] = I.Period.of_cell(cells["period"])
        except ValueError:
            found("i766_bad_period", ERROR, sheet, line, shown["period"],
                  value=str(cells["period"]))
    for c in SCORE_COLUMNS:
        value, problem = I.parse_score(cells.get(c))
        top = I.GROUP[c].points if c in I.GROUP else I.TOTAL
        if problem:
            found("i766_score_text", ERROR, sheet, line, shown[c], value=str(cells[c]))
        elif value is not None and not 0 <= value <= top:
            found("i766_score_range", ERROR, sheet, line, shown[c], value=str(cells[c]),
                  max=f"{top:g}")
            value = None
        rec[c] = value
    groups = [rec[g] for g in I.GROUP_IDS]
    if rec["total"] is not None and all(g is not None for g in groups) and \
            abs(sum(groups) - rec["total"]) > SUM_TOLERANCE:
        found("i766_sum", WARNING, sheet, line, shown["total"], sum=f"{sum(groups):.2f}",
              total=f"{rec['total']:.2f}")
    for c in ("rank", "rank_of"):
        value, problem = parse_count(cells.get(c))
        if problem or value == 0:
            found("i766_bad_rank", ERROR, sheet, line, shown[c], value=str(cells[c]))
            value = None
        rec[c] = value
    if rec["rank"] and rec["rank_of"] and rec["rank"] > rec["rank_of"]:
        found("i766_rank_of", ERROR, sheet, line, shown["rank"], rank=rec["rank"],
              of=rec["rank_of"])
    return rec


def _resolve(frame: pd.DataFrame, ref: Reference, found: Issues) -> None:
    """Each row's unit, read in the era of its period's last day: `locality_code` (the unit
    key) and `agency_id` (None for a province or ministry)."""
    frame["era"] = [p.era if p is not None else None for p in frame["period"]]
    frame["locality_code"], frame["agency_id"] = None, None
    todo = frame[frame["era"].notna() & frame["unit_code"].notna()]
    for (text, era), grp in todo.groupby(["unit_code", "era"], sort=False):
        first = grp.iloc[0]
        where = {"sheet": first["sheet"], "row": first["row"], "column": "unit_code"}
        key, old = ref.places.resolve(text, era)
        if key is not None:
            frame.loc[grp.index, "locality_code"] = key
            _check_name(grp, ref.loc_name.get(key, ""), found)
            continue
        if old is not None:
            found("locality_retired", ERROR, **where, **ref.retired(old))
            continue
        code, problem = ref.find_agency(text, era)
        if code is not None and problem is None:
            frame.loc[grp.index, "locality_code"] = ref.agency_loc[code]
            frame.loc[grp.index, "agency_id"] = int(ref.agency_id[code])
            _check_name(grp, ref.agency_name.get(code, ""), found)
        elif code is not None:
            found(problem, ERROR, **where, agency=ref.shown_agency(code), n=len(grp))
        else:
            options = {f"{r.gso_code} {r.name_vi}": f"{r.gso_code} ({r.name_vi})"
                       for r in ref.localities_of(era).itertuples()}
            found("i766_unknown_unit", ERROR, **where, value=text, n=len(grp),
                  closest="; ".join(closest(text, options)) or "–")


def _check_name(rows: pd.DataFrame, known: str, found: Issues) -> None:
    """A name written beside the code that is not the code's unit: a warning (codes changed
    meaning on 01/07/2025: 24 was Bắc Giang and is Bắc Ninh)."""
    want = normalise(known)
    for r in rows[rows["unit_name"].notna()].drop_duplicates("unit_name").itertuples():
        name = normalise(r.unit_name)
        if name and want and name not in want and want not in name:
            found("i766_name_mismatch", WARNING, r.sheet, r.row, "unit_name", name=r.unit_name,
                  unit=r.unit_code, known=known)


def _duplicates(frame: pd.DataFrame, found: Issues) -> None:
    keys = frame.assign(agency=frame["agency_id"].fillna(-1), when=frame["period"].astype(str))
    first = {}
    for r in keys.itertuples():
        k = (r.when, r.locality_code, r.agency)
        if k in first:
            found("i766_duplicate", ERROR, r.sheet, r.row, first_row=first[k])
        else:
            first[k] = r.row


# --- loading -------------------------------------------------------------------------------
@dataclass
class LoadResult(Outcome):
    outcome: str  # ok | unchanged | checked (dry run passed) | rejected | failed
    file_name: str
    sha256: str
    rows: int = 0
    load_id: int | None = None
    replaced: int = 0
    periods: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


    def summary(self, lang: str) -> str:
        periods = ", ".join(self.periods[:6]) + (" …" if len(self.periods) > 6 else "")
        return t(f"i766_result_{self.outcome}", lang, file=self.file_name,
                 rows=fmt_int(self.rows, lang), periods=periods or "–",
                 replaced=fmt_int(self.replaced, lang), n=len(self.errors))


def _stored(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows as the table stores them."""
    out = pd.DataFrame({
        "period_kind": [p.kind for p in frame["period"]],
        "period_start": [p.start for p in frame["period"]],
        "period_end": [p.end for p in frame["period"]],
        "locality_code": frame["locality_code"],
        "agency_id": pd.array(frame["agency_id"], dtype="Int64"),
    })
    for c in SCORE_COLUMNS:
        out[c] = pd.to_numeric(frame[c], errors="coerce").astype("float64")
    for c in ("rank", "rank_of"):
        out[c] = pd.array(frame[c], dtype="Int64")
    return out


def _existing(conn, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows (by their `index`) whose period and unit already have a stored score."""
    have = pd.DataFrame(conn.execute(
        sa.select(T.c.period_kind, T.c.period_start, T.c.locality_code, T.c.agency_id)
        .where(T.c.period_start.in_(sorted(set(rows["period_start"]))))).all(),
        columns=["period_kind", "period_start", "locality_code", "agency_id"])
    if have.empty:
        return have
    have["period_start"] = pd.to_datetime(have["period_start"]).dt.date
    have["agency_id"] = have["agency_id"].astype("Int64")
    return rows.reset_index().merge(
        have, on=["period_kind", "period_start", "locality_code", "agency_id"])


def _previous_identical(conn, sha: str, rows: int) -> tuple[int, datetime] | None:
    """An earlier load of the same bytes whose rows are all still in place: (id, when)."""
    for load_id, when in conn.execute(
            sa.select(data_loads.c.id, data_loads.c.loaded_at).where(
                data_loads.c.sha256 == sha, data_loads.c.kind == KIND,
                data_loads.c.outcome == "ok")).all():
        present = conn.execute(sa.select(sa.func.count()).select_from(T)
                               .where(T.c.load_id == load_id)).scalar()
        if present == rows:
            return load_id, when
    return None


def _audit(conn, outcome: str, name: str, sha: str, rows: int, who: str, message: str) -> int:
    load_id = (conn.execute(sa.select(sa.func.max(data_loads.c.id))).scalar() or 0) + 1
    conn.execute(data_loads.insert().values(
        id=load_id, kind=KIND, file_name=name[:300], sha256=sha, rows=rows, loaded_by=who[:100],
        loaded_at=datetime.now(), outcome=outcome, message=message[:4000] or None))
    return load_id


def _codes(items: list[Issue]) -> str:
    return "; ".join(f"{i.code}@{i.sheet or ''}:{i.row or ''}" for i in items[:30])


def load(db: Database, data: bytes, file_name: str, *, replace: bool = False,
         dry_run: bool = False, strict: bool = False, who: str | None = None,
         identity: access.Identity | None = None) -> LoadResult:
    """Check a file of published scores and, unless refused or a dry run, load it in one
    transaction; every attempt but a dry run leaves a data_loads row. `identity` is who loads
    (None: this computer's operator); an editor may load their own units' scores only."""
    identity = identity or access.local_identity(default_user())
    name, who = Path(file_name).name, who or identity.audit()
    result = LoadResult("rejected", name, hashlib.sha256(data).hexdigest())
    found = Issues()
    rows = None
    try:
        if not identity.may_load:  # refused before the file is even read
            raise Rejected(issue("not_permitted"))
        parts = [p for s, cells in _sheets(data, name, found)
                 if (p := parse_sheet(s, cells, found)) is not None]
        if not parts and not found.errors:
            found("no_header", ERROR, expected=", ".join(REQUIRED))
        if parts:
            frame = pd.concat(parts, ignore_index=True)
            _resolve(frame, load_reference(db), found)
            if not found.errors:
                _duplicates(frame, found)
            refused = access.refused_units(identity, frame["locality_code"].dropna(),
                                           reference.crosswalk())
            if refused and not found.errors:
                found("unit_not_permitted", ERROR, units=", ".join(
                    eras.code_of(k) for k in refused[:10]) + (" …" if len(refused) > 10 else ""))
            if not found.errors:
                rows = _stored(frame)
                result.rows = len(rows)
                result.periods = sorted({str(p) for p in frame["period"]})
    except Rejected as exc:
        found.extend(exc.issues)
    if rows is not None and not found.errors:
        with db.connect() as conn:
            previous = _previous_identical(conn, result.sha256, len(rows))
            over = _existing(conn, rows) if previous is None else None
        if previous is not None:
            result.outcome, result.load_id = "unchanged", previous[0]
            found("already_loaded", WARNING, load=previous[0],
                  when=fmt_date(pd.Timestamp(previous[1]).date(), "vi"))
        elif len(over):
            first = frame.loc[over["index"].iloc[0]]
            found("i766_replaced" if replace else "i766_exists", WARNING if replace else ERROR,
                  first["sheet"], first["row"], "unit_code", n=len(over),
                  period=str(first["period"]), unit=first["unit_code"])
            result.replaced = len(over) if replace else 0
    if strict and found.warnings and result.outcome != "unchanged":
        found("strict", ERROR, n=found.count(WARNING))
    result.issues = found.all()
    if result.errors or result.outcome == "unchanged" or dry_run:
        result.outcome = "rejected" if result.errors else \
            "checked" if dry_run and result.outcome != "unchanged" else result.outcome
        if not dry_run:
            _record(db, result, who, _codes(result.errors) or f"same as load {result.load_id}")
        return result
    try:
        with db.transaction() as conn:
            if replace:
                _delete(conn, rows)
            result.load_id = _audit(conn, "ok", name, result.sha256, len(rows), who,
                                    _codes(result.warnings))
            bulk_insert(conn, T, rows.assign(load_id=result.load_id))
        result.outcome = "ok"
    except Exception as exc:  # rolled back: the scores are as they were
        result.outcome = "failed"
        # the screen gets a reference to the log, never the exception's text (paths, pids)
        ref = uuid.uuid4().hex[:8]
        log.exception("loading 766 scores from %s failed (reference %s)", name, ref)
        result.issues.append(issue("write_failed", detail=ref))
        _record(db, result, who, f"{type(exc).__name__}: {exc}")
    return result


def _record(db: Database, result: LoadResult, who: str, message: str) -> None:
    """The audit row of a load that wrote nothing, in its own transaction."""
    with db.transaction() as conn:
        _audit(conn, result.outcome, result.file_name, result.sha256, 0, who, message)


def _delete(conn, rows: pd.DataFrame) -> None:
    for (kind, start), grp in rows.groupby(["period_kind", "period_start"]):
        units = sorted(set(grp.loc[grp["agency_id"].isna(), "locality_code"]))
        ids = sorted(int(a) for a in grp["agency_id"].dropna())
        which = []
        if units:
            which.append(sa.and_(T.c.agency_id.is_(None), T.c.locality_code.in_(units)))
        if ids:
            which.append(T.c.agency_id.in_(ids))
        conn.execute(T.delete().where(T.c.period_kind == kind, T.c.period_start == start,
                                      sa.or_(*which)))


# --- reads ---------------------------------------------------------------------------------
def periods(db: Database) -> list[I.Period]:
    """The periods published for provinces or ministries, oldest first."""
    with db.connect() as conn:
        if not sa.inspect(conn).has_table(T.name):
            return []
    frame = db.query(sa.select(T.c.period_kind, T.c.period_start, T.c.period_end)
                     .where(T.c.agency_id.is_(None)).distinct())
    return sorted(I.Period(pd.Timestamp(s).date(), pd.Timestamp(e).date(), k)
                  for k, s, e in frame.itertuples(index=False))


def scores(db: Database, period: I.Period, locality: str | None = None,
           of_agencies: bool = False) -> pd.DataFrame:
    """The published scores of a period: of the provinces and ministries (one row each, with
    `kind`), or of one unit, or of one unit's agencies (with `level`)."""
    cols = [T.c.locality_code, T.c.agency_id, *[T.c[c] for c in SCORE_COLUMNS], T.c.rank,
            T.c.rank_of]
    where = [T.c.period_kind == period.kind, T.c.period_start == period.start]
    if locality:
        where.append(T.c.locality_code == locality)
    if of_agencies:
        stmt = sa.select(*cols, agencies.c.level).select_from(
            T.join(agencies, agencies.c.id == T.c.agency_id)).where(*where)
    else:
        stmt = sa.select(*cols, localities.c.kind).select_from(
            T.join(localities, localities.c.code == T.c.locality_code)).where(
            *where, T.c.agency_id.is_(None))
    return _typed(db.query(stmt))


def history(db: Database, locality: str, kind: str, first: date, last: date) -> pd.DataFrame:
    """A unit's published scores of one kind of period (weeks or months) ending first … last."""
    stmt = (sa.select(T.c.period_start, T.c.period_end, *[T.c[c] for c in SCORE_COLUMNS],
                      T.c.rank, T.c.rank_of)
            .where(T.c.locality_code == locality, T.c.agency_id.is_(None),
                   T.c.period_kind == kind, T.c.period_end >= first, T.c.period_end <= last)
            .order_by(T.c.period_start))
    frame = _typed(db.query(stmt))
    for c in ("period_start", "period_end"):
        frame[c] = pd.to_datetime(frame[c]).dt.date
    return frame


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for c in SCORE_COLUMNS:
        frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("float64")
    for c in ("rank", "rank_of", "agency_id"):
        if c in frame:
            frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("Int64")
    return frame


def recomputed(db: Database, scope: Scope, month: Month, by: str | None = None) -> pd.DataFrame:
    """The measure totals the index needs for a month (data_access.stats, grouped `by`
    locality, agency or procedure) and the groups recomputed from them."""
    totals = stats.totals(db, scope, MonthRange(month, month), MEASURES, by=by)
    return pd.concat([totals, I.recompute(totals)], axis=1)


# --- where a unit loses its points ------------------------------------------------------------
PAIR_AGENCIES = 3  # agency × procedure: the procedures of the first agencies of each level
SHOWN_FROM = 0.0005  # points: a smaller share would read 0.000


def where_lost(db: Database, scope: Scope, month: Month, group: str) -> dict[str, pd.DataFrame]:
    """A unit's lost points on a group shared among (domain.index766.losses), each sorted by
    lost points and keeping shares of at least SHOWN_FROM: "agencies" (with `level`),
    "procedures" (the unit's) and "pairs" (`agency` × procedure, from the PAIR_AGENCIES
    agencies of each level that lose the most); "unit" is the unit's own row."""
    unit = recomputed(db, scope, month)
    by_agency = recomputed(db, scope, month, by="agency")
    levels = catalog.agency_list(db, scope.locality)[["id", "level"]].rename(columns={"id": "key"})
    agencies = I.losses(by_agency.assign(key=by_agency["key"].astype("int64")), unit, group)
    agencies = agencies.merge(levels, on="key")
    procedures = I.losses(recomputed(db, scope, month, by="procedure"), unit, group)
    top = agencies[agencies["lost"] >= SHOWN_FROM].groupby("level", sort=False).head(
        PAIR_AGENCIES)
    pairs = [I.losses(recomputed(db, scope.with_(agency=int(a)), month, by="procedure"), unit,
                      group).assign(agency=int(a)) for a in top["key"]]
    pairs = pd.concat(pairs, ignore_index=True) if pairs else procedures.head(0).assign(agency=0)

    def shown(frame):
        return frame[(frame["lost"] >= SHOWN_FROM) & frame["key"].notna()].sort_values(
            "lost", ascending=False, kind="stable").reset_index(drop=True)

    return {"unit": unit, "agencies": shown(agencies), "procedures": shown(procedures),
            "pairs": shown(pairs)}


# --- the table of the command line (and of the page's download) --------------------------------
def board(db: Database, period: I.Period, locality: str | None = None) -> pd.DataFrame:
    """One row per unit (domain.index766.board) with a `level`: every province of the period's
    era and every ministry; or, with `locality`, that unit and its agencies, ranked among the
    agencies of their level."""
    units = period.era
    refs = catalog.locality_list(db)
    refs = refs.loc[(refs["era"] == units) | (refs["kind"] == "ministry"), ["code", "kind"]] \
        .rename(columns={"code": "key", "kind": "level"})
    official = scores(db, period, locality).rename(
        columns={"locality_code": "key", "kind": "level"})
    if locality is None:
        ours = recomputed(db, Scope(units=units), period.month, by="locality").merge(refs, on="key")
        return I.board(official, ours, within="level")
    scope = Scope(locality=locality, units=units)
    level = refs.set_index("key")["level"].get(locality)
    head = I.board(official, recomputed(db, scope, period.month).assign(key=locality, level=level),
                   within="level")
    official = scores(db, period, locality, of_agencies=True).rename(columns={"agency_id": "key"})
    ours = recomputed(db, scope, period.month, by="agency")
    levels = catalog.agency_list(db, locality)[["id", "level"]].rename(columns={"id": "key"})
    ours = ours.assign(key=ours["key"].astype("int64")).merge(levels, on="key")
    official["key"] = official["key"].astype("int64")
    for frame in (official, ours):  # an agency's level names what it is within its unit
        frame["level"] = "agency_" + frame["level"]
    return pd.concat([head, I.board(official, ours, within="level")], ignore_index=True)


TABLE_COLUMNS = ("code", "name", "level", *I.GROUP_IDS, "total", "rank", "rank_of", "band",
                 *[f"recomputed_{g}" for g in I.RECOMPUTABLE], "recomputed_total",
                 *[f"diff_{g}" for g in I.RECOMPUTABLE])


def table(db: Database, period: I.Period, locality: str | None, lang: str) -> pd.DataFrame:
    """The board with codes and names as people read them, in TABLE_COLUMNS."""
    return named(board(db, period, locality), catalog.locality_list(db),
                 catalog.agency_list(db, locality) if locality else None, lang)


def named(frame: pd.DataFrame, localities: pd.DataFrame, agencies: pd.DataFrame | None,
          lang: str) -> pd.DataFrame:
    """A board (see `board`) in TABLE_COLUMNS, named from the reference lists: a unit's key is
    its locality key (text), an agency's its id (a number)."""
    col = "name_vi" if lang == "vi" else "name_en"
    names = {k: eras.label(n, k, lang) for k, n in zip(localities["code"], localities[col])}
    ref = agencies.set_index("id") if agencies is not None else None
    out = frame.copy()
    out["code"] = [eras.code_of(k) if isinstance(k, str) else eras.code_of(ref.at[k, "code"])
                   for k in out["key"]]
    out["name"] = [names.get(k, k) if isinstance(k, str) else ref.at[k, col] for k in out["key"]]
    out["level"] = [t(f"i766_level_{v}", lang) for v in out["level"]]
    out["band"] = [t(f"i766_band_{b}", lang) if isinstance(b, str) else None for b in out["band"]]
    floats = out[list(TABLE_COLUMNS)].select_dtypes("float").columns
    out[floats] = out[floats].round(2) + 0.0  # 2 decimals, as published; never "-0.00"
    return out[list(TABLE_COLUMNS)]


def headers(lang: str) -> dict[str, str]:
    """Column → header: a group with its maximum, a recomputed group with the points the
    statistics can feed, a difference as defined in domain/index766.py."""
    out = {c: t(f"i766_col_{c}", lang) for c in ("code", "name", "level", "total", "rank",
                                                 "rank_of", "band")}
    for g in I.GROUPS:
        out[g.id] = t("i766_head_group", lang, group=t(f"i766_group_{g.id}", lang),
                      max=f"{g.points:g}")
    for g in I.RECOMPUTABLE:
        name = t(f"i766_group_{g}", lang)
        out[f"recomputed_{g}"] = t("i766_head_recomputed", lang, group=name,
                                   max=f"{I.recomputable_max(g):g}")
        out[f"diff_{g}"] = t("i766_head_diff", lang, group=name)
    out["recomputed_total"] = t("i766_head_recomputed_total", lang,
                                max=f"{I.RECOMPUTABLE_TOTAL:g}")
    return out


FORMATS = {"code": "text", "name": "text", "level": "text", "band": "text", "rank": "int",
           "rank_of": "int"}


def write(frame: pd.DataFrame, fmt: str, out, *, title: str, context: list[str], source: str,
          lang: str) -> None:
    names = headers(lang)
    display = frame.rename(columns=names)
    if fmt == "csv":  # utf-8-sig: Excel opens the Vietnamese headers correctly
        write_csv(display, out, encoding="utf-8-sig", float_format="%.2f")
        return
    Path(out).write_bytes(xlsx.table_workbook(
        display, title=title, context_lines=context, source=source, lang=lang,
        formats={names[c]: f for c, f in FORMATS.items()}, sheet=t("sheet_index766", lang)))


# --- the command line ----------------------------------------------------------------------
def _refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _export(db: Database, args, ap) -> int:
    from data_access.export import Refused, resolve_locality

    lang = args.lang
    try:
        period = I.Period.parse(args.period)
    except ValueError as exc:
        ap.error(str(exc))
    if args.format == "xlsx" and not args.out:
        ap.error("--format xlsx needs --out FILE")
    locality = None
    if args.province:
        try:
            locality = resolve_locality(catalog.locality_list(db), eras.code_of(args.province),
                                        period.era, lang)
        except Refused as exc:
            return _refuse(str(exc))
    frame = table(db, period, locality, lang)
    shown = ["total", *[f"recomputed_{g}" for g in I.RECOMPUTABLE]]
    if frame.empty or frame[shown].isna().all().all():
        return _refuse(t("i766_cli_nothing", lang, period=period.label(lang)))
    if frame["total"].isna().all():
        print(t("i766_cli_no_scores", lang, period=period.label(lang)), file=sys.stderr)
    status = catalog.data_status(db)
    source = t("source_sample" if status["sample"] else "source_import", lang,
               name=status["loads"][0]["file_name"] if status["loads"] else "",
               count=len(status["loads"]))
    context = [t("i766_cli_period", lang, period=period.label(lang),
                 month=fmt_month(period.month.first_day, lang)),
               t(f"units_{period.era}", lang), t("i766_relative", lang), t("i766_rule_note", lang)]
    if locality:
        context.insert(1, f"{t('col_scope', lang)}: {frame['name'].iloc[0]}")
    write(frame, args.format, args.out or sys.stdout, title=t("i766_title", lang),
          context=context, source=source, lang=lang)
    if args.out:
        print(f"{len(frame)} rows → {args.out}", file=sys.stderr)
    return 0


def _load(db: Database, args) -> int:
    path = Path(args.load)
    if not path.is_file():
        print(t("imp_cli_no_file", args.lang, file=args.load), file=sys.stderr)
        return 2
    result = load(db, path.read_bytes(), path.name, replace=args.replace, dry_run=args.dry_run,
                  strict=args.strict)
    stream = sys.stdout if result.ok else sys.stderr
    for item in result.issues:
        label = t("imp_error" if item.severity == ERROR else "imp_warning", args.lang)
        print(f"{label}: {describe(item, args.lang)}", file=stream)
    print(result.summary(args.lang), file=stream)
    return 0 if result.ok else 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m data_access.index766", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--period", help="YYYY-MM (a month) or YYYY-Www (an ISO week)")
    what.add_argument("--load", metavar="FILE", help="load published scores from FILE")
    what.add_argument("--template", metavar="FILE", help="write the template (.xlsx or .csv)")
    ap.add_argument("--province", help="a province code of the period's era, or a ministry's")
    ap.add_argument("--format", default="csv", choices=["csv", "xlsx"])
    ap.add_argument("--out")
    ap.add_argument("--replace", action="store_true",
                    help="replace scores already loaded for the same periods and units")
    ap.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    ap.add_argument("--strict", action="store_true", help="refuse on warnings too")
    ap.add_argument("--lang", default="vi", choices=list(LANGS))
    ap.add_argument("--url", help="database URL (default: DVC_DATABASE_URL or the embedded file)")
    args = ap.parse_args(argv)
    if args.template:
        data = template_csv() if args.template.lower().endswith(".csv") \
            else template_xlsx(args.lang)
        Path(args.template).write_bytes(data)
        return 0
    db = Database(args.url)
    try:
        return _load(db, args) if args.load else _export(db, args, ap)
    finally:
        db.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
