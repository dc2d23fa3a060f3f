"""What a briefing pack shows, read from the database with the queries the level page runs
(data_access.stats, catalog, coverage) and handed to domain.briefing as Facts."""
from __future__ import annotations

from datetime import date

import pandas as pd

from data_access import catalog, coverage, stats
from data_access.db import Database
from data_access.export import labels
from data_access.reference import crosswalk
from domain import drill
from domain.briefing import VOLUME, Facts, Group, unique_labels
from domain.metrics import FOCUS_DEFAULT
from domain.coverage import last_complete, partial_months
from domain.metrics import HEADLINE, METRICS, measures_for
from domain.periods import MonthRange
from domain.scope import Scope

# The months the pages look back over for incomplete months (components/data.COVERAGE_MONTHS;
# tests/test_briefing_pack.py checks that they agree): older months are not flagged there.
COVERAGE_MONTHS = 13


def unit_scope(db: Database, scope: Scope) -> Scope:
    """An agency seen as its page sees it: inside the unit it belongs to in the unit set shown
    (an old province's agency, in the 34, under the unit it became)."""
    if scope.agency is None or scope.locality:
        return scope
    agency = catalog.agency(db, scope.agency)
    try:
        locality = crosswalk().to_units(agency["locality_code"], scope.units)
    except ValueError:
        locality = agency["locality_code"]
    return scope.with_(locality=locality)


def _within(rows: pd.DataFrame, rng: MonthRange) -> tuple:
    return tuple(r for r in partial_months(rows)
                 if rng.first.first_day <= r["month"] <= rng.last.first_day)


def _group_frame(db: Database, scope: Scope, rng: MonthRange, measures: list[str], by: str,
                 lang: str, localities: pd.DataFrame) -> pd.DataFrame:
    """The units of a scope by locality, agency or procedure with their totals, labels and
    what their targets depend on (as components/ranking.py builds the page's ranking)."""
    totals = stats.totals(db, scope, rng, measures, by=by)
    if by == "locality":
        ref = localities[(localities["era"] == scope.units) | (localities["kind"] == "ministry")]
        ref = ref.rename(columns={"code": "key"})
        ref = ref.assign(label=ref["key"].map(labels(db, "locality", lang)),
                         locality_code=ref["key"])[["key", "label", "kind", "locality_code"]]
        if not scope.procedure:  # every province and ministry, reported or not: "12/54 …"
            return ref.merge(totals, on="key", how="left")
    elif by == "agency":
        ref = catalog.agency_list(db, scope.locality).rename(columns={"id": "key"})
        ref["label"] = ref["key"].map(labels(db, "agency", lang, scope.locality))
        ref["label"] = unique_labels(ref)
        # an agency's targets are its unit's (kind): those its province's page applies to it
        ref["kind"] = ref["locality_code"].map(dict(zip(localities["code"], localities["kind"])))
        ref = ref[["key", "label", "level", "locality_code", "kind"]]
        totals = totals.assign(key=totals["key"].astype("int64"))
    else:
        ref = catalog.procedure_list(db).rename(columns={
            "code": "key", "name_vi" if lang == "vi" else "name_en": "label"})[["key", "label"]]
    return totals.merge(ref, on="key", how="left")


def gather(db: Database, scope: Scope, rng: MonthRange, lang: str = "vi",
           focus: str = FOCUS_DEFAULT, created: date | None = None) -> Facts:
    """The facts of a briefing for a scope (its unit set in scope.units) and period."""
    scope = unit_scope(db, scope)
    status = catalog.data_status(db)
    localities = catalog.locality_list(db)
    kind = dict(zip(localities["code"], localities["kind"])).get(scope.locality)
    agency = catalog.agency(db, scope.agency) if scope.agency is not None else None
    level = agency["level"] if agency else None
    metric = METRICS[focus]
    tiles = measures_for(list(HEADLINE) + [focus])
    ranking = measures_for([focus, VOLUME])

    window = MonthRange(status["last"].plus(-(COVERAGE_MONTHS - 1)), status["last"])
    months = coverage.month_counts(db, window, scope.locality)
    nation = months if not scope.locality else coverage.month_counts(db, window)
    partial = _within(months, rng)
    trend_rng = MonthRange(min(rng.first, rng.last.plus(-11)), rng.last).clamp(
        status["first"], status["last"])
    last = months[months["month"] == rng.last.first_day]
    if last.empty:  # a period that ended before the window the pages look at
        last = coverage.month_counts(db, MonthRange(rng.last, rng.last), scope.locality)

    now = stats.totals(db, scope, rng, tiles).iloc[0].to_dict()
    # a period not yet fully reported is not compared with a year earlier (as the page)
    before = None if partial else stats.totals(db, scope, rng.year_earlier(),
                                               tiles).iloc[0].to_dict()

    def group(of: Scope, by: str, parent_kind: str | None) -> Group:
        return Group(_group_frame(db, of, rng, ranking, by, lang, localities), by,
                     parent_kind=parent_kind, parent_locality=of.locality)

    by = drill.children_by(scope)
    children = group(scope, by, kind) if by else None
    siblings = None
    if scope.depth == "province":
        siblings = group(Scope(units=scope.units), "locality", None)
        siblings = Group(siblings.frame[siblings.frame["kind"] == kind], "locality")
    elif scope.depth == "agency":
        siblings = group(Scope(locality=scope.locality, units=scope.units), "agency", kind)
        siblings = Group(siblings.frame[siblings.frame["level"] == level], "agency", kind,
                         scope.locality)
    elif scope.depth == "procedure":
        siblings = group(scope.with_(procedure=None), "procedure", kind)
    agencies = group(scope, "agency", kind) \
        if by != "agency" and scope.agency is None else None
    procedures = group(scope, "procedure", kind) \
        if by != "procedure" and not scope.procedure else None

    names = {("locality", k): v for k, v in labels(db, "locality", lang).items()}
    if scope.agency is not None:
        names[("agency", scope.agency)] = labels(db, "agency", lang, scope.locality)[scope.agency]
    if scope.procedure:
        names[("procedure", scope.procedure)] = labels(db, "procedure", lang)[scope.procedure]
    return Facts(
        lang=lang, scope=scope, rng=rng, units=scope.units, focus=metric.id, kind=kind,
        level=level, names=names, targets=tuple(catalog.target_list(db)), now=now,
        before=before, trend_rng=trend_rng,
        trend=stats.totals(db, scope, trend_rng, measures_for([focus]), by="month"),
        partial=partial, trend_partial=_within(months, trend_rng), children=children,
        siblings=siblings, agencies=agencies, procedures=procedures, status=status,
        complete=last_complete(nation) or status["last"],
        coverage=last.iloc[0].to_dict() if len(last) else None,
        created=created or date.today())
