"""Breakdown tables from the command line, for scheduled briefings — the same numbers the
pages show (both build them with domain.tables from data_access.stats).

    python -m data_access.export --level nation|province|agency|procedure [--province CODE]
        [--agency ID] [--procedure CODE] --from YYYY-MM --to YYYY-MM [--units 63|34]
        --by province|agency|procedure|month --format csv|xlsx [--out FILE|-] [--lang vi|en]

Provinces are shown in one unit set: the 34 of today for a period that reaches 07/2025 or
later, the 63 before (the default); `--units 34` re-aggregates an earlier period into the 34,
while the 34 are never split back into the 63 (refused). `--province` is the plain code in the
unit set shown (24 is Bắc Giang among the 63, Bắc Ninh among the 34) or a ministry's code; the
output's codes are those of the units shown. A request naming something that does not exist,
a code the level does not take, a scope without figures in the period or a file that cannot be
written is refused with a one-line message and exit status 1, and nothing is written: the
file is written beside its destination and renamed into place. Without --out the file is
named as the page's download is (`file_stem`) in the current folder; `--out -` writes CSV to
standard output.
"""
from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import tempfile
from pathlib import Path

import pandas as pd
from unidecode import unidecode

from data_access import catalog, stats
from data_access.cells import write_csv
from data_access.db import Database
from domain import eras
from domain.formatting import fmt_month
from domain.i18n import t
from domain.periods import Month, MonthRange
from domain.scope import Scope
from domain.tables import BREAKDOWN_MEASURES, breakdown, column_formats, headers

BY = {"province": "locality", "agency": "agency", "procedure": "procedure", "month": "month"}
CODES = ("province", "agency", "procedure")
# The codes each level takes (the first one it needs): a code it would ignore is refused.
TAKES = {"nation": (), "province": ("province",), "agency": ("agency",),
         "procedure": ("procedure", "province", "agency")}
NAME_MAX = 40  # characters of a unit's name in a file name


def slug(text: str, keep: str = "") -> str:
    """ASCII, lower case, words joined by '-' ("Bắc Ninh" → "bac-ninh"); `keep`: characters
    kept as they are (the dot of a procedure's code)."""
    return re.sub(rf"[^a-z0-9{re.escape(keep)}]+", "-", unidecode(str(text)).lower()).strip("-")


def file_stem(units: list[tuple[str, str, str]], what: str, rng: MonthRange, lang: str) -> str:
    """The name of a downloaded file (without its extension), the same from a page and from
    the command line: what it covers — each unit from the outermost in, by its level, code and
    name (the nation by its unit set) — what it is (`what`, a string key: "file_by_agency",
    "brief_file_stem"), and the period, in ASCII: tinh_34-24_bac-ninh_theo-co-quan_2026-01_2026-10,
    tinh_34-24_bac-ninh_bao-cao_2026-01_2026-10."""
    parts = []
    for level, code, name in units:
        short = slug(name)
        if len(short) > NAME_MAX:  # whole words only
            short = short[:NAME_MAX + 1].rsplit("-", 1)[0]
        parts += [slug(t(f"file_{level}", lang)), slug(code, keep="."), short]
    parts += [slug(t(what, lang)), str(rng.first), str(rng.last)]
    return "_".join(p for p in parts if p)


def scope_units(scope: Scope, localities: pd.DataFrame, agency: dict | None,
                procedures: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """(level, code, name) of what a scope looks at, for `file_stem`: the nation (by its unit
    set), or its locality — a province or a ministry — or agency (which names its locality),
    then its procedure."""
    col = "name_vi" if lang == "vi" else "name_en"
    units = []
    if agency is not None:
        units.append(("agency", agency["code"], agency[col]))
    elif scope.locality:
        row = localities.set_index("code").loc[scope.locality]
        units.append(("ministry" if row["kind"] == "ministry" else "province", scope.locality,
                      row[col]))
    if scope.procedure:
        names = dict(zip(procedures["code"], procedures[col]))
        units.append(("procedure", scope.procedure, names.get(scope.procedure, "")))
    return units or [("nation", scope.units or "", "")]


class Refused(Exception):
    """A request the export cannot answer; the message says why (in the chosen language)."""


def check_level(level: str, province: str | None, agency: int | None,
                procedure: str | None) -> None:
    """Raises ValueError when the level's own code is missing."""
    needed = {"province": province, "agency": agency, "procedure": procedure}.get(level, True)
    if needed is None:
        raise ValueError(f"--level {level} needs --{level}")


def check_codes(level: str, codes: dict, lang: str) -> None:
    """Refuses a code the level would ignore (a nation table for --province 99 is not what
    was asked for)."""
    for arg in CODES:
        if codes.get(arg) is not None and arg not in TAKES[level]:
            raise Refused(t("export_code_unused", lang, arg=arg, level=level,
                            expected=t(f"export_takes_{level}", lang)))


def resolve_locality(localities: pd.DataFrame, code: str, units: str, lang: str) -> str:
    """The key a plain code names in the unit set (a ministry's code is its key). A code of
    the 63 that the 34 no longer have is refused, naming the unit it became."""
    rows = localities.set_index("code")
    name = rows["name_vi" if lang == "vi" else "name_en"]
    if code in rows.index and rows.at[code, "kind"] == "ministry":
        return code
    unit_key = eras.key(code, units)
    if unit_key in rows.index:
        return unit_key
    old = eras.key(code, eras.ERA_63)
    if units == eras.ERA_34 and old in rows.index:
        new = rows.at[old, "successor_code"]
        raise Refused(t("export_province_retired", lang, code=code,
                        old=eras.label(name[old], old, lang),
                        new=name[new], new_code=eras.code_of(new)))
    raise Refused(t("export_province_unknown", lang, code=code,
                    units=t(f"units_{units}", lang)))


def scope_from(db: Database, level: str, province: str | None, agency: int | None,
               procedure: str | None, units: str, lang: str = "vi") -> Scope:
    """The scope a level names, its codes checked against the reference lists (Refused when
    one does not exist); localities are grouped in the unit set."""
    if level == "nation":
        return Scope(units=units)
    localities = catalog.locality_list(db)
    locality = resolve_locality(localities, province, units, lang) if province else None
    row = catalog.agency(db, agency) if agency is not None else None
    if agency is not None and row is None:
        raise Refused(t("export_agency_unknown", lang, id=agency))
    if locality and row is not None and row["locality_code"] != locality:
        col = "name_vi" if lang == "vi" else "name_en"
        raise Refused(t("export_agency_elsewhere", lang, id=agency, agency=row[col],
                        code=province, province=localities.set_index("code").at[locality, col]))
    if level == "procedure" and procedure not in set(catalog.procedure_list(db)["code"]):
        raise Refused(t("export_procedure_unknown", lang, code=procedure))
    return Scope(locality=locality, agency=agency,
                 procedure=procedure if level == "procedure" else None, units=units)


def labels(db: Database, by: str, lang: str, within: str | None = None) -> dict:
    """Names of the groups; agencies seen within a unit (`within`) as the pages name them."""
    col = "name_vi" if lang == "vi" else "name_en"
    if by == "locality":  # an old province's name says it is one
        ref = catalog.locality_list(db)
        return {k: eras.label(n, k, lang) for k, n in zip(ref["code"], ref[col])}
    if by == "agency":
        places = labels(db, "locality", lang)
        ref = catalog.agency_list(db)
        return {a: eras.agency_label(n, loc, within, places.get(loc, loc))
                for a, n, loc in zip(ref["id"], ref[col], ref["locality_code"])}
    if by == "procedure":
        ref = catalog.procedure_list(db)
        return dict(zip(ref["code"], ref[col]))
    return {}


def table(db: Database, scope: Scope, rng: MonthRange, by: str, lang: str = "vi") -> pd.DataFrame:
    """The breakdown of a scope by province, agency, procedure or month (metric units); by
    province, in the scope's unit set."""
    group = BY[by]
    totals = stats.totals(db, scope, rng, BREAKDOWN_MEASURES, by=group)
    if group == "locality" and "members_reported" in totals:
        totals = totals.drop(columns="members_reported")
    names = labels(db, group, lang, scope.locality)
    if group == "month":
        names = {f"{k:%Y-%m}": fmt_month(k, lang) for k in totals["key"]}
        totals["key"] = [f"{k:%Y-%m}" for k in totals["key"]]
    if group == "agency":
        totals["key"] = totals["key"].astype("int64")
    return breakdown(totals, names)


def render(frame: pd.DataFrame, fmt: str, *, title: str, context: list[str], source: str,
           lang: str, sheet: str) -> bytes:
    """The file's bytes: CSV (UTF-8 with a BOM, so that Excel reads the Vietnamese headers) or
    xlsx; text cells made safe either way (data_access.cells)."""
    names = headers(lang) | {"units": t("units_label", lang)}
    display = frame.rename(columns=names)
    if fmt == "csv":
        return write_csv(display, float_format="%.6f").encode("utf-8-sig")
    from data_access.xlsx import table_workbook

    formats = {names[c]: f for c, f in (column_formats() | {"units": "text"}).items()}
    return table_workbook(display, title=title, context_lines=context, source=source,
                          formats=formats, lang=lang, sheet=sheet)


def check_out(path: Path, lang: str) -> None:
    """Refuses, before any query, a destination that cannot be a file."""
    if path.is_dir():
        raise Refused(t("export_out_is_folder", lang, path=path))
    if not path.parent.is_dir():
        raise Refused(t("export_out_no_folder", lang, path=path, folder=path.parent))


def write_file(data: bytes, path: Path, lang: str) -> None:
    """Writes beside the destination and renames into place: a failed write leaves no file,
    not even a partial one, and an existing file untouched."""
    tmp = None
    mask = os.umask(0)
    os.umask(mask)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp's file is private (0600): give it the permissions a plain write would
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~mask)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise Refused(t("export_out_denied", lang, path=path, folder=path.parent)) from None
        raise Refused(t("export_out_failed", lang, path=path,
                        reason=exc.strerror or type(exc).__name__)) from None


def refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m data_access.export", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--level", required=True, choices=["nation", "province", "agency",
                                                       "procedure"])
    ap.add_argument("--province")
    ap.add_argument("--agency", type=int)
    ap.add_argument("--procedure")
    ap.add_argument("--from", dest="first", required=True)
    ap.add_argument("--to", dest="last", required=True)
    ap.add_argument("--units", choices=list(eras.ERAS),
                    help="the provinces' unit set: 63 (before 01/07/2025) or 34 (default: the "
                         "set of the period's last month)")
    ap.add_argument("--by", required=True, choices=list(BY))
    ap.add_argument("--format", default="csv", choices=["csv", "xlsx"])
    ap.add_argument("--out", help="the file to write (default: named after the table, in the "
                                  "current folder); '-': CSV to standard output")
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    args = ap.parse_args(argv)
    lang = args.lang
    try:
        rng = MonthRange(Month.parse(args.first), Month.parse(args.last))
        check_level(args.level, args.province, args.agency, args.procedure)
    except ValueError as exc:
        ap.error(str(exc))
    if args.out == "-" and args.format == "xlsx":
        ap.error("--format xlsx needs --out FILE")
    try:
        check_codes(args.level, vars(args), lang)
        if args.out not in (None, "-"):
            check_out(Path(args.out), lang)
    except Refused as exc:
        return refuse(str(exc))
    period = t("period_range", lang, start=fmt_month(rng.start, lang),
               end=fmt_month(rng.end, lang))
    units, problem = eras.choose_units(args.units, rng)
    if problem == "split":
        return refuse(t("export_split", lang, start=fmt_month(rng.start, lang),
                        end=fmt_month(rng.end, lang)))
    db = Database()
    try:
        scope = scope_from(db, args.level, args.province, args.agency, args.procedure, units,
                           lang)
    except Refused as exc:
        return refuse(str(exc))
    localities = catalog.locality_list(db)
    units_of_scope = scope_units(
        scope, localities, catalog.agency(db, scope.agency) if scope.agency is not None
        else None, catalog.procedure_list(db), lang)
    named = labels(db, "locality", lang).get(scope.locality)
    frame = table(db, scope, rng, args.by, lang)
    if frame.empty:
        return refuse(t("export_empty", lang, period=period, scope=" – ".join(
            f"{name} ({eras.code_of(code)})" if name else t("export_whole_country", lang)
            for _, code, name in units_of_scope)))
    units_name = t(f"units_{units}", lang)
    if args.by == "province":  # the codes are read in this unit set: say which, on every row
        frame.insert(2, "units", units_name)
    context = [f"{t('period', lang)}: {period}",
               f"{t('units_label', lang)}: {units_name}",
               f"{t('col_scope', lang)}: {args.level} " + " ".join(
                   f"{k}={v}" for k, v in (
                       ("province", f"{args.province} – {named}" if named else args.province),
                       ("agency", args.agency), ("procedure", args.procedure)) if v)]
    status = catalog.data_status(db)
    source = t("source_sample" if status["sample"] else "source_import", lang,
               name=status["loads"][0]["file_name"] if status["loads"] else "",
               count=len(status["loads"]))
    data = render(frame, args.format, title=t("app_title", lang), context=context,
                  source=source, lang=lang, sheet=t(f"sheet_by_{BY[args.by]}", lang))
    if args.out == "-":  # a pipe wants no byte-order mark
        sys.stdout.write(data.decode("utf-8-sig"))
        return 0
    out = Path(args.out or f"{file_stem(units_of_scope, f'file_by_{BY[args.by]}', rng, lang)}.{args.format}")
    try:
        write_file(data, out, lang)
    except Refused as exc:
        return refuse(str(exc))
    print(t("export_written", lang, n=len(frame), path=out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
