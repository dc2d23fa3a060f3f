"""Breakdown tables from the command line, for scheduled briefings — the same numbers the
pages show (both build them with domain.tables from data_access.stats).

    python -m data_access.export --level nation|province|agency|procedure [--province CODE]
        [--agency ID] [--procedure CODE] --from YYYY-MM --to YYYY-MM [--units 63|34]
        --by province|agency|procedure|month --format csv|xlsx [--out FILE] [--lang vi|en]

Provinces are shown in one unit set: the 34 of today for a period that reaches 07/2025 or
later, the 63 before (the default); `--units 34` re-aggregates an earlier period into the 34,
while the 34 are never split back into the 63 (refused). `--province` is the plain code in the
unit set shown (24 is Bắc Giang among the 63, Bắc Ninh among the 34) or a ministry's code; the
output's codes are those of the units shown. A request naming something that does not exist is
refused with a message and exit status 1.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from data_access import catalog, stats
from data_access.db import Database
from domain import eras
from domain.formatting import fmt_month
from domain.i18n import t
from domain.periods import Month, MonthRange
from domain.scope import Scope
from domain.tables import BREAKDOWN_MEASURES, breakdown, column_formats, headers

BY = {"province": "locality", "agency": "agency", "procedure": "procedure", "month": "month"}


class Refused(Exception):
    """A request the export cannot answer; the message says why (in the chosen language)."""


def check_level(level: str, province: str | None, agency: int | None,
                procedure: str | None) -> None:
    """Raises ValueError when the level's own code is missing."""
    needed = {"province": province, "agency": agency, "procedure": procedure}.get(level, True)
    if needed is None:
        raise ValueError(f"--level {level} needs --{level}")


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
    locality = resolve_locality(catalog.locality_list(db), province, units, lang) \
        if province else None
    if agency is not None and catalog.agency(db, agency) is None:
        raise Refused(t("export_agency_unknown", lang, id=agency))
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


def write(frame: pd.DataFrame, fmt: str, out, *, title: str, context: list[str],
          source: str, lang: str) -> None:
    names = headers(lang) | {"units": t("units_label", lang)}
    display = frame.rename(columns=names)
    if fmt == "csv":
        # utf-8-sig: Excel opens the Vietnamese headers correctly.
        display.to_csv(out, index=False, encoding="utf-8-sig", float_format="%.6f")
        return
    from data_access.xlsx import table_workbook

    formats = {names[c]: f for c, f in (column_formats() | {"units": "text"}).items()}
    data = table_workbook(display, title=title, context_lines=context, source=source,
                          formats=formats, lang=lang)
    Path(out).write_bytes(data)


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
    ap.add_argument("--out")
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    args = ap.parse_args(argv)
    lang = args.lang
    try:
        rng = MonthRange(Month.parse(args.first), Month.parse(args.last))
        check_level(args.level, args.province, args.agency, args.procedure)
    except ValueError as exc:
        ap.error(str(exc))
    if args.format == "xlsx" and not args.out:
        ap.error("--format xlsx needs --out FILE")
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
    frame = table(db, scope, rng, args.by, lang)
    units_name = t(f"units_{units}", lang)
    if args.by == "province":  # the codes are read in this unit set: say which, on every row
        frame.insert(2, "units", units_name)
    named = labels(db, "locality", lang).get(scope.locality)
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
    write(frame, args.format, args.out or sys.stdout, title=t("app_title", lang),
          context=context, source=source, lang=lang)
    if args.out:
        print(f"{len(frame)} rows → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
