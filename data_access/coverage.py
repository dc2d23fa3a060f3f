"""Which units have reported, month by month: the completeness the pages show, the last
complete month they open on, and the list of late units for the staff who chase them.

    python -m data_access.coverage --month YYYY-MM [--province CODE] [--format text|csv]
        [--lang vi|en] [--out FILE]

A unit here is a reporting agency. The units expected to report for a month (domain/coverage.py)
are the agencies of that month's era that reported for any of the three months before it;
a unit has reported for a month when one of its reports covers that month (a quarterly report
covers each of its three months, once it has arrived).
"""
from __future__ import annotations

import argparse
import sys

import pandas as pd
import sqlalchemy as sa

from data_access.cells import write_csv
from data_access.db import Database
from data_access.reference import crosswalk
from data_access.schema import agencies, dossier_stats, localities
from domain import coverage, eras
from domain.periods import Month, MonthRange

S = dossier_stats


def _reports(first: Month, last: Month, locality: str | None = None):
    """One row per agency and report span touching the months first … last."""
    where = [S.c.month_last >= first.first_day, S.c.month_first <= last.first_day]
    if locality:
        where.append(S.c.locality_code.in_(crosswalk().members(locality)))
    return (sa.select(S.c.agency_id, S.c.month_first, S.c.month_last).where(*where)
            .group_by(S.c.agency_id, S.c.month_first, S.c.month_last))


def month_counts(db: Database, rng: MonthRange, locality: str | None = None) -> pd.DataFrame:
    """Per month of the range: units expected and units that reported, nationwide or in one
    unit (a unit of today with its old provinces)."""
    first = rng.first.plus(-coverage.LOOKBACK_MONTHS)
    spans = db.query(_reports(first, rng.last, locality))
    eras_of = _agency_eras(db)
    return coverage.counts(spans, eras_of, rng)


def missing(db: Database, month: Month, locality: str | None = None) -> pd.DataFrame:
    """The units expected for the month that have not reported for it, by province, each with
    the end of its last report."""
    spans = db.query(_reports(month.plus(-coverage.LOOKBACK_MONTHS), month, locality))
    late = coverage.late_units(spans, _agency_eras(db), month)
    if not late:
        return pd.DataFrame(columns=["locality_code", "locality_vi", "agency_code", "agency_vi",
                                     "agency_en", "last_report_end"])
    rows = db.query(
        sa.select(agencies.c.id, agencies.c.code.label("agency_code"),
                  agencies.c.name_vi.label("agency_vi"), agencies.c.name_en.label("agency_en"),
                  agencies.c.locality_code, localities.c.name_vi.label("locality_vi"),
                  sa.func.max(S.c.period_end).label("last_report_end"))
        .select_from(agencies.join(localities, localities.c.code == agencies.c.locality_code)
                     .join(S, S.c.agency_id == agencies.c.id))
        .where(agencies.c.id.in_(sorted(late)))
        .group_by(agencies.c.id, agencies.c.code, agencies.c.name_vi, agencies.c.name_en,
                  agencies.c.locality_code, localities.c.name_vi))
    rows["last_report_end"] = pd.to_datetime(rows["last_report_end"]).dt.date
    return rows.sort_values(["locality_code", "agency_code"]).drop(columns="id").reset_index(
        drop=True)


def _agency_eras(db: Database) -> pd.Series:
    """Agency id → era of its locality ("63", "34"; None for a ministry's unit)."""
    frame = db.query(sa.select(agencies.c.id, agencies.c.locality_code))
    return pd.Series([eras.era_of_key(k) for k in frame["locality_code"]], index=frame["id"])


def main(argv=None) -> int:
    from domain.formatting import fmt_date
    from domain.i18n import t

    ap = argparse.ArgumentParser(prog="python -m data_access.coverage",
                                 description="The units that have not yet reported for a month.")
    ap.add_argument("--month", required=True, help="YYYY-MM")
    ap.add_argument("--province", help="province code (of the month's era) or ministry code")
    ap.add_argument("--format", choices=("text", "csv"), default="text")
    ap.add_argument("--lang", choices=("vi", "en"), default="vi")
    ap.add_argument("--out", help="file to write (default: standard output)")
    ap.add_argument("--url", help="database URL (default: DVC_DATABASE_URL or the embedded file)")
    args = ap.parse_args(argv)
    try:
        month = Month.parse(args.month)
    except ValueError:
        print(t("cov_bad_month", args.lang, value=args.month), file=sys.stderr)
        return 2
    db = Database(args.url)
    locality = None
    if args.province:
        known = set(db.query(sa.select(localities.c.code))["code"])
        locality = args.province if args.province in known else eras.key(
            args.province, eras.era_of(month))
        if locality not in known:
            print(t("cov_bad_province", args.lang, value=args.province,
                    era=t(f"units_{eras.era_of(month)}", args.lang)), file=sys.stderr)
            return 2
    counts = month_counts(db, MonthRange(month, month)).iloc[0]
    late = missing(db, month, locality)
    table = pd.DataFrame({
        t("cov_col_province", args.lang): late["locality_vi"],
        t("cov_col_code", args.lang): late["agency_code"],
        t("cov_col_agency", args.lang): late["agency_vi" if args.lang == "vi" else "agency_en"],
        t("cov_col_last", args.lang): [fmt_date(d, args.lang) for d in late["last_report_end"]],
    })
    out = open(args.out, "w", encoding="utf-8-sig", newline="") if args.out else sys.stdout
    try:
        if args.format == "csv":
            write_csv(table, out)
        else:
            print(t("cov_summary", args.lang, month=str(month), reported=int(counts["reported"]),
                    expected=int(counts["expected"]), late=len(late)), file=out)
            if len(table):
                print(table.to_string(index=False), file=out)
    finally:
        if args.out:
            out.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
