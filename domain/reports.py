"""Which months a report covers, and how a report of several months is placed at its months.

Official periodic reports run from the 15th of one month to the 14th of another (DOMAIN.md §8):
a report covers the months from the month of its start date — the next month when it starts on
or after the 15th — to the month of its end date. So 15/11–14/12 is the December report,
15/09–14/12 is Q4, 15/12/2020–14/12/2021 the year 2021, and 01/12–31/12 is December.

Every range filter, trend, stock and export reads a report's months from here (stored with
each row as `month_first` and `month_last`, the first days of its first and last month).
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from domain.metrics import MEASURES, Agg
from domain.periods import Month, MonthRange

CUTOFF_DAY = 15  # a report starting on or after this day starts with the next month


def covered_bounds(starts, ends) -> tuple[pd.Series, pd.Series]:
    """Vectorised: the first days of the first and of the last month each report covers.
    A report whose end comes before its first covered month (16/06–30/06) covers no month:
    its first bound comes after its last, which callers refuse."""
    start = pd.to_datetime(pd.Series(starts)).reset_index(drop=True)
    end = pd.to_datetime(pd.Series(ends)).reset_index(drop=True)
    first = start.dt.to_period("M").dt.to_timestamp()
    first = first.where(start.dt.day < CUTOFF_DAY, first + pd.DateOffset(months=1))
    last = end.dt.to_period("M").dt.to_timestamp()
    return first.dt.date, last.dt.date


def covered_months(start: date, end: date) -> MonthRange:
    """The months one report covers; ValueError when it covers none."""
    first, last = covered_bounds([start], [end])
    if first[0] > last[0]:
        raise ValueError(f"a report of {start:%d/%m/%Y}–{end:%d/%m/%Y} covers no whole month")
    return MonthRange(Month.of(first[0]), Month.of(last[0]))


def spread(single: pd.DataFrame, multi: pd.DataFrame, measure_ids) -> pd.DataFrame:
    """Totals by month from monthly reports (`single`: key = the month's first day) and from
    reports of several months (`multi`: `key` and `key_last`, their first and last months),
    placed at their months: a flow is shared equally among the months it covers, the opening
    stock goes to the first month and the closing stock to the last. Summed over the report's
    months, the figures are the report's own."""
    if multi.empty:
        return single
    parts = [single] if not single.empty else []
    for row in multi.to_dict("records"):
        months = MonthRange(Month.of(row["key"]), Month.of(row["key_last"])).months()
        n = len(months)
        for i, m in enumerate(months):
            out = {"key": m.first_day}
            for mid in measure_ids:
                agg = MEASURES[mid].agg
                if agg is Agg.OPENING:
                    out[mid] = row[mid] if i == 0 else np.nan
                elif agg is Agg.CLOSING:
                    out[mid] = row[mid] if i == n - 1 else np.nan
                else:
                    out[mid] = row[mid] / n
            parts.append(pd.DataFrame([out]))
    frame = pd.concat(parts, ignore_index=True)
    return (frame.groupby("key", sort=True)[list(measure_ids)].sum(min_count=1)
            .reset_index())
