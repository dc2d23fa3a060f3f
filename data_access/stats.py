"""Aggregating the dossier statistics in SQL, by the rules of the metric catalogue.

A range holds the reports whose months (domain/reports.py: a 15/09–14/12 report covers
October–December) lie inside it. Flows are summed over those reports. Stocks are taken per
agency at the agency's first report in the range (carried over) or its last (pending), then
summed over agencies: a stock is never summed over months. By month, a report of several months
is placed at its months (domain/reports.spread). Queries return one small row per group.
"""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from data_access.db import Database
from data_access.reference import crosswalk
from data_access.schema import agencies, dossier_stats, localities, procedures
from domain.eras import REFORM_DATE, crosses_reform, regroup
from domain.reports import spread
from domain.metrics import MEASURES, Agg, Measure
from domain.periods import MonthRange
from domain.scope import Scope

S = dossier_stats
GROUPS = ("locality", "agency", "procedure", "field", "month", "level", "kind")


def _group_column(by: str):
    return {
        "locality": S.c.locality_code,
        "agency": S.c.agency_id,
        "procedure": S.c.procedure_code,
        "field": S.c.field_code,
        "month": S.c.month_first,
        "span": S.c.month_first,
        "level": agencies.c.level,
    }[by]


def _value(inner, measure: Measure, rng: MonthRange):
    """The row value of a measure: NULL when none of its columns is reported."""
    cols = [inner.c[c] for c in measure.columns]
    total = sum((sa.func.coalesce(c, 0) for c in cols[1:]), sa.func.coalesce(cols[0], 0)) \
        if len(cols) > 1 else cols[0]
    for c in measure.minus:
        total = total - sa.func.coalesce(inner.c[c], 0)
    conditions = []
    if len(cols) > 1:
        conditions.append(sa.or_(*[c.isnot(None) for c in cols]))
    if measure.where_reported:
        conditions.append(inner.c[measure.where_reported].isnot(None))
    if measure.eligible_only:
        conditions.append(inner.c["_eligible"] == sa.true())
    # Over a range that crosses 01/07/2025 the old agencies handed their pending dossiers to
    # the new ones: the opening stock is the old agencies' and the closing stock the new ones',
    # or the handed-over dossiers would count twice.
    crosses = crosses_reform(rng)
    if measure.agg is Agg.OPENING and "_first" in inner.c:
        conditions.append(inner.c.month_first == inner.c["_first"])
        if crosses:
            conditions.append(inner.c.month_first < REFORM_DATE)
    elif measure.agg is Agg.CLOSING and "_last" in inner.c:
        conditions.append(inner.c.month_last == inner.c["_last"])
        if crosses:
            conditions.append(inner.c.month_last >= REFORM_DATE)
    if conditions:
        return sa.case((sa.and_(*conditions), total), else_=None)
    return total


def _filters(scope: Scope, rng: MonthRange) -> list:
    """The reports whose months lie inside the range, of the scope."""
    return [S.c.month_first >= rng.first.first_day, S.c.month_last <= rng.last.first_day,
            *_scope_filters(scope)]


def _scope_filters(scope: Scope) -> list:
    where = []
    if scope.locality:  # a unit of today covers its old provinces' rows before 01/07/2025
        members = crosswalk().members(scope.locality)
        where.append(S.c.locality_code.in_(members) if len(members) > 1
                     else S.c.locality_code == scope.locality)
    if scope.agency is not None:
        where.append(S.c.agency_id == scope.agency)
    if scope.procedure:
        where.append(S.c.procedure_code == scope.procedure)
    if scope.level:
        where.append(agencies.c.level == scope.level)
    if scope.kind:  # a semi-join: cheaper than joining every fact row to its locality
        where.append(S.c.locality_code.in_(
            sa.select(localities.c.code).where(localities.c.kind == scope.kind)))
    return where


def totals_statement(scope: Scope, rng: MonthRange, measure_ids, by: str | None = None):
    """The SELECT that sums the measures for the scope and range, one row per group."""
    measures = [MEASURES[m] for m in measure_ids]
    needed = sorted({c for m in measures for c in m.columns + m.minus}
                    | {m.where_reported for m in measures if m.where_reported})
    eligible = any(m.eligible_only for m in measures)
    aggs = {m.agg for m in measures}

    source = S
    if scope.level or by == "level":
        source = source.join(agencies, agencies.c.id == S.c.agency_id)
    if eligible:
        source = source.outerjoin(procedures, procedures.c.code == S.c.procedure_code)

    key = _group_column(by).label("key") if by else sa.literal(1).label("key")
    inner_cols = [key, S.c.month_first, S.c.month_last, *[S.c[c] for c in needed]]
    where = _filters(scope, rng)
    # By month (one month's reports, or by span: reports of several months, grouped by their
    # first and last month), every row is its own stock; otherwise a stock is taken at each
    # agency's first (last) report in the range. Windows only for the stocks asked for.
    if by == "month":
        where.append(S.c.month_first == S.c.month_last)
    elif by == "span":
        where.append(S.c.month_first < S.c.month_last)
        inner_cols.append(S.c.month_last.label("key_last"))
    else:
        if Agg.OPENING in aggs:
            inner_cols.append(sa.func.min(S.c.month_first)
                              .over(partition_by=S.c.agency_id).label("_first"))
        if Agg.CLOSING in aggs:
            inner_cols.append(sa.func.max(S.c.month_last)
                              .over(partition_by=S.c.agency_id).label("_last"))
    if eligible:
        inner_cols.append(sa.func.coalesce(procedures.c.full_online_eligible, sa.false())
                          .label("_eligible"))
    inner = sa.select(*inner_cols).select_from(source).where(*where).subquery()
    keys = [inner.c.key, inner.c.key_last] if by == "span" else [inner.c.key]
    outer = sa.select(
        *keys,
        *[sa.func.sum(_value(inner, m, rng)).label(m.id) for m in measures],
    ).group_by(*keys).order_by(*keys)
    return outer


def totals(db: Database, scope: Scope, rng: MonthRange, measure_ids,
           by: str | None = None) -> pd.DataFrame:
    """Measure totals as a small frame: column `key` (the group) and one column per measure
    (float; NaN where nothing was reported). Without `by`: exactly one row, no key."""
    measure_ids = list(dict.fromkeys(measure_ids))  # each measure once, in the order asked
    if by == "kind":  # provinces vs ministries: sum the (few) locality rows; joining every
        return _by_kind(db, scope, rng, measure_ids)  # fact row to its kind costs more
    if by == "month":
        return spread(_query(db, scope, rng, measure_ids, "month"),
                      _query(db, scope, rng, measure_ids, "span"), measure_ids)
    frame = _query(db, scope, rng, measure_ids, by)
    if by == "locality" and scope.units:  # old provinces into the units of the set asked for
        frame = regroup(frame, crosswalk(), scope.units)
    if not by:  # one row, even when nothing matched (then every measure is NaN)
        frame = frame.drop(columns="key")
        if frame.empty:
            frame = pd.DataFrame([{m: float("nan") for m in measure_ids}])
    return frame


def _query(db: Database, scope: Scope, rng: MonthRange, measure_ids, by) -> pd.DataFrame:
    frame = db.query(totals_statement(scope, rng, measure_ids, by))
    for m in measure_ids:
        frame[m] = pd.to_numeric(frame[m], errors="coerce").astype("float64")
    for col in {"month": ("key",), "span": ("key", "key_last")}.get(by, ()):
        frame[col] = pd.to_datetime(frame[col]).dt.date
    return frame


def longer_reports(db: Database, scope: Scope, rng: MonthRange) -> pd.DataFrame:
    """The agencies whose reports overlap the range without lying inside it (a quarterly
    report seen from one of its months): the range cannot count them, and says so. One row
    per agency and report period."""
    source = S.join(agencies, agencies.c.id == S.c.agency_id) if scope.level else S
    stmt = (sa.select(S.c.agency_id, S.c.locality_code, S.c.period_start, S.c.period_end)
            .select_from(source)
            .where(*_scope_filters(scope),
                   S.c.month_first <= rng.last.first_day, S.c.month_last >= rng.first.first_day,
                   sa.or_(S.c.month_first < rng.first.first_day,
                          S.c.month_last > rng.last.first_day))
            .distinct().order_by(S.c.locality_code, S.c.agency_id, S.c.period_start))
    return db.query(stmt)


def _by_kind(db: Database, scope: Scope, rng: MonthRange, measure_ids) -> pd.DataFrame:
    """Totals by locality kind. Valid for stocks too: they are per agency, hence additive."""
    by_locality = totals(db, scope.with_(units=None), rng, measure_ids, by="locality")
    kinds = db.query(sa.select(localities.c.code, localities.c.kind))
    merged = by_locality.merge(kinds, left_on="key", right_on="code")
    out = merged.groupby("kind", sort=True)[measure_ids].sum(min_count=1).reset_index()
    return out.rename(columns={"kind": "key"})
