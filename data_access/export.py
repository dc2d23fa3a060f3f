"""Breakdown tables from the command line, for scheduled briefings — the same numbers the
pages show (both build them with domain.tables from data_access.stats).

    python -m data_access.export --level nation|province|agency|procedure [--province CODE]
        [--agency ID] [--procedure CODE] --from YYYY-MM --to YYYY-MM
        --by province|agency|procedure|month --format csv|xlsx [--out FILE] [--lang vi|en]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from data_access import catalog, stats
from data_access.db import Database
from domain.formatting import fmt_month
from domain.i18n import t
from domain.periods import Month, MonthRange
from domain.scope import Scope
from domain.tables import BREAKDOWN_MEASURES, breakdown, column_formats, headers

BY = {"province": "locality", "agency": "agency", "procedure": "procedure", "month": "month"}


def scope_from(level: str, province: str | None, agency: int | None,
               procedure: str | None) -> Scope:
    """The scope a level names; raises ValueError when a needed code is missing."""
    needed = {"province": province, "agency": agency, "procedure": procedure}.get(level, True)
    if needed is None:
        raise ValueError(f"--level {level} needs --{level}")
    if level == "nation":
        return Scope()
    return Scope(locality=province, agency=agency,
                 procedure=procedure if level == "procedure" else None)


def labels(db: Database, by: str, lang: str) -> dict:
    col = "name_vi" if lang == "vi" else "name_en"
    if by == "locality":
        ref = catalog.locality_list(db)
        return dict(zip(ref["code"], ref[col]))
    if by == "agency":
        ref = catalog.agency_list(db)
        return dict(zip(ref["id"], ref[col]))
    if by == "procedure":
        ref = catalog.procedure_list(db)
        return dict(zip(ref["code"], ref[col]))
    return {}


def table(db: Database, scope: Scope, rng: MonthRange, by: str, lang: str = "vi") -> pd.DataFrame:
    """The breakdown of a scope by province, agency, procedure or month (metric units)."""
    group = BY[by]
    totals = stats.totals(db, scope, rng, BREAKDOWN_MEASURES, by=group)
    names = labels(db, group, lang)
    if group == "month":
        names = {f"{k:%Y-%m}": fmt_month(k, lang) for k in totals["key"]}
        totals["key"] = [f"{k:%Y-%m}" for k in totals["key"]]
    if group == "agency":
        totals["key"] = totals["key"].astype("int64")
    return breakdown(totals, names)


def write(frame: pd.DataFrame, fmt: str, out, *, title: str, context: list[str],
          source: str, lang: str) -> None:
    display = frame.rename(columns=headers(lang))
    if fmt == "csv":
        # utf-8-sig: Excel opens the Vietnamese headers correctly.
        display.to_csv(out, index=False, encoding="utf-8-sig", float_format="%.6f")
        return
    from data_access.xlsx import table_workbook

    formats = {headers(lang)[c]: f for c, f in column_formats().items()}
    data = table_workbook(display, title=title, context_lines=context, source=source,
                          formats=formats, lang=lang)
    Path(out).write_bytes(data)


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
    ap.add_argument("--by", required=True, choices=list(BY))
    ap.add_argument("--format", default="csv", choices=["csv", "xlsx"])
    ap.add_argument("--out")
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    args = ap.parse_args(argv)
    try:
        rng = MonthRange(Month.parse(args.first), Month.parse(args.last))
        scope = scope_from(args.level, args.province, args.agency, args.procedure)
    except ValueError as exc:
        ap.error(str(exc))
    db = Database()
    frame = table(db, scope, rng, args.by, args.lang)
    period = t("period_range", args.lang, start=fmt_month(rng.start, args.lang),
               end=fmt_month(rng.end, args.lang))
    context = [f"{t('period', args.lang)}: {period}",
               f"{t('col_scope', args.lang)}: {args.level} " + " ".join(
                   f"{k}={v}" for k, v in (("province", args.province), ("agency", args.agency),
                                           ("procedure", args.procedure)) if v)]
    status = catalog.data_status(db)
    source = t("source_sample" if status["sample"] else "source_import", args.lang,
               name=status["loads"][0]["file_name"] if status["loads"] else "",
               count=len(status["loads"]))
    out = args.out or sys.stdout
    if args.format == "xlsx" and out is sys.stdout:
        ap.error("--format xlsx needs --out FILE")
    write(frame, args.format, out, title=t("app_title", args.lang), context=context,
          source=source, lang=args.lang)
    if args.out:
        print(f"{len(frame)} rows → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
