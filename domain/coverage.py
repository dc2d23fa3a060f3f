"""How complete a month's data is: which units are expected to report and which have.

- A unit is a reporting agency.
- Expected for month m: the agencies of m's era (and the ministries' units) that reported for
  any of the LOOKBACK_MONTHS months before m within that era — a unit that reported last quarter
  is expected this month. An agency that reports for m without having been expected counts
  too. In the first month of an era nothing came before, so the units that reported are the
  units expected.
- Reported for m: one of the agency's reports covers m (domain/reports.py).
- A month is complete when at least COMPLETE_SHARE of its expected units have reported; the
  pages open on the last complete month, and mark the others with "X/Y đơn vị đã báo cáo".
"""
from __future__ import annotations

import pandas as pd

from domain import eras
from domain.periods import Month, MonthRange

LOOKBACK_MONTHS = 3
COMPLETE_SHARE = 0.95


def reported_months(spans: pd.DataFrame) -> pd.DataFrame:
    """(agency_id, month_first, month_last) report spans → one row per agency and month it
    reported for (`month`: the month's first day)."""
    single = spans[spans["month_first"] == spans["month_last"]]
    rows = [single[["agency_id", "month_first"]].rename(columns={"month_first": "month"})]
    for r in spans[spans["month_first"] != spans["month_last"]].itertuples():
        for m in MonthRange(Month.of(r.month_first), Month.of(r.month_last)).months():
            rows.append(pd.DataFrame({"agency_id": [r.agency_id], "month": [m.first_day]}))
    out = pd.concat(rows, ignore_index=True).drop_duplicates()
    out["month"] = pd.to_datetime(out["month"]).dt.date
    return out


def _sets(rep: pd.DataFrame, agency_era: pd.Series, m: Month) -> tuple[set, set]:
    """The agencies expected for month m and those that reported for it."""
    era = eras.era_of(m)
    of_era = rep["agency_id"].map(agency_era).fillna(era) == era
    rep = rep[of_era]
    reported = set(rep.loc[rep["month"] == m.first_day, "agency_id"])
    window = [m.plus(-k).first_day for k in range(1, LOOKBACK_MONTHS + 1)
              if eras.era_of(m.plus(-k)) == era]
    if not window:  # the first month of an era
        return reported, reported
    expected = set(rep.loc[rep["month"].isin(window), "agency_id"]) | reported
    return expected, reported


def counts(spans: pd.DataFrame, agency_era: pd.Series, rng: MonthRange) -> pd.DataFrame:
    """Per month of the range: `expected`, `reported`, `share` and `complete`."""
    rep = reported_months(spans)
    rows = []
    for m in rng.months():
        expected, reported = _sets(rep, agency_era, m)
        share = len(reported) / len(expected) if expected else 0.0
        rows.append({"month": m.first_day, "expected": len(expected),
                     "reported": len(reported), "share": share,
                     "complete": bool(expected) and share >= COMPLETE_SHARE})
    return pd.DataFrame(rows)


def late_units(spans: pd.DataFrame, agency_era: pd.Series, month: Month) -> set:
    expected, reported = _sets(reported_months(spans), agency_era, month)
    return expected - reported


def partial_months(month_counts: pd.DataFrame, after: Month | None = None) -> list[dict]:
    """The incomplete months (after a given month, if any), oldest first."""
    rows = month_counts[~month_counts["complete"]]
    if after is not None:
        rows = rows[rows["month"] > after.first_day]
    return rows.sort_values("month").to_dict("records")


def last_complete(month_counts: pd.DataFrame) -> Month | None:
    done = month_counts[month_counts["complete"]]
    return Month.of(max(done["month"])) if len(done) else None
