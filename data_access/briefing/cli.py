"""python -m data_access.briefing: a briefing pack from the command line (see __init__.py).

Provinces are read as the pages and the export read them (data_access/export.py): the code in
the unit set shown — the 34 for a period that reaches 07/2025, the 63 before unless --units 34.
A request that cannot be answered (an unknown province, agency or procedure, a code the level
does not take, a bad period, a file that cannot be written) exits with status 1 and one line
saying why; nothing is written unless the whole file is (data_access.export.write_file).
Without --out the file is named as the page's download is, in the current folder.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from data_access import catalog
from data_access.briefing import FORMATS, file_stem, gather, render
from data_access.db import Database, database_url, describe_url
from data_access.export import (
    Refused, check_codes, check_out, scope_from, scope_units, write_file,
)
from domain import eras
from domain.briefing import build
from domain.metrics import FOCUS_CHOICES, FOCUS_DEFAULT
from domain.captions import range_label
from domain.formatting import fmt_month
from domain.i18n import t
from domain.params import parse_id
from domain.periods import Month, MonthRange


def _period(first: str, last: str, lang: str) -> MonthRange:
    months = []
    for text in (first, last):
        try:
            months.append(Month.parse(text))
        except ValueError:
            raise Refused(t("brief_bad_month", lang, value=text)) from None
    if months[1] < months[0]:
        raise Refused(t("brief_bad_order", lang, start=first, end=last))
    return MonthRange(*months)


def make(args, lang: str) -> tuple[bytes, int, Path]:
    """The file's bytes, its slide count and where it goes; Refused when it cannot be made."""
    rng = _period(args.first, args.last, lang)
    agency = parse_id(args.agency) if args.agency is not None else None
    if args.agency is not None and agency is None:
        raise Refused(t("export_agency_unknown", lang, id=args.agency))
    codes = {"province": args.province, "agency": agency, "procedure": args.procedure}
    if args.level != "nation" and codes[args.level] is None:
        raise Refused(t("brief_needs_code", lang, level=args.level))
    check_codes(args.level, codes, lang)
    if args.metric not in FOCUS_CHOICES:
        raise Refused(t("brief_bad_metric", lang, value=args.metric,
                        choices=", ".join(FOCUS_CHOICES)))
    if args.out:
        check_out(Path(args.out), lang)
    units, problem = eras.choose_units(args.units, rng)
    if problem == "split":
        raise Refused(t("export_split", lang, start=fmt_month(rng.start, lang),
                        end=fmt_month(rng.end, lang)))
    db = Database()
    try:
        with db.session():
            status = catalog.data_status(db)
            if not status["ready"]:
                raise Refused(t("db_empty", lang))
            if rng.first < status["first"] or rng.last > status["last"]:
                raise Refused(t("brief_outside", lang, period=range_label(rng, lang),
                                first=fmt_month(status["first"].first_day, lang),
                                last=fmt_month(status["last"].first_day, lang)))
            scope = scope_from(db, args.level, args.province, agency, args.procedure, units,
                               lang)
            deck = build(gather(db, scope, rng, lang, args.metric))
            units_of_scope = scope_units(
                scope, catalog.locality_list(db), catalog.agency(db, scope.agency)
                if scope.agency is not None else None, catalog.procedure_list(db), lang)
    except SQLAlchemyError:
        raise Refused(t("brief_db_error", lang, url=describe_url(database_url()))) from None
    finally:
        db.dispose()
    path = Path(args.out or f"{file_stem(units_of_scope, rng, lang)}.{args.format}")
    return render(deck, args.format), len(deck.slides), path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m data_access.briefing", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--level", required=True, choices=["nation", "province", "agency",
                                                       "procedure"])
    ap.add_argument("--province", help="code in the unit set shown (24), or a ministry's (B-CA)")
    ap.add_argument("--agency", help="agency number, as in the agency page's URL")
    ap.add_argument("--procedure", help="procedure code (1.001193)")
    ap.add_argument("--units", choices=list(eras.ERAS),
                    help="the provinces' unit set: 63 (before 01/07/2025) or 34 (default: the "
                         "set of the period's last month)")
    ap.add_argument("--from", dest="first", required=True, help="YYYY-MM")
    ap.add_argument("--to", dest="last", required=True, help="YYYY-MM")
    ap.add_argument("--format", required=True, choices=FORMATS)
    ap.add_argument("--out", help="the file to write (default: named after the unit and the "
                                  "period, in the current folder)")
    ap.add_argument("--lang", default="vi", choices=["vi", "en"])
    ap.add_argument("--metric", default=FOCUS_DEFAULT,
                    help="the rate the trend and ranking follow (default: %(default)s)")
    args = ap.parse_args(argv)
    try:
        data, slides, path = make(args, args.lang)
        write_file(data, path, args.lang)
    except Refused as exc:
        print(exc, file=sys.stderr)
        return 1
    print(t("brief_written", args.lang, slides=slides, path=path), file=sys.stderr)
    return 0
