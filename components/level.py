"""One level of the drill-down — nation, province or ministry, agency, procedure — drawn the
same way: breadcrumbs, KPI tiles, progress to the annual target, the monthly trend, the children
ranked by gap, the processing picture, payments and satisfaction."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import briefing, data, processing, ranking
from components.charts import trend_chart
from components.context import PageContext, source_note
from components.scope_url import locality_labels, locality_row
from data_access.reference import crosswalk
from domain import eras
from domain.coverage import partial_months
from domain.formatting import fmt_date, fmt_int, fmt_month
from components.kpi import tile_grid
from domain import drill
from domain import targets as tg
from domain.figures import figure, metric_frame
from domain.metrics import FOCUS_CHOICES, FOCUS_DEFAULT, HEADLINE, METRICS, Metric, measures_for
from domain.periods import Month, MonthRange
from domain.plain import echo, plain
from domain.projection import project_year_end
from domain.scope import Scope

TILE_MEASURES = measures_for(HEADLINE + processing.PAYMENT_METRICS) + \
    processing.PROCESSING_MEASURES


def focus_metric(ctx: PageContext) -> Metric:
    """The metric the trend and the ranking follow, from ?metric= (validated)."""
    wanted = st.query_params.get("metric") or FOCUS_DEFAULT
    if wanted not in FOCUS_CHOICES:
        st.info(ctx.t("bad_param", name=ctx.t("param_metric"), param="metric", value=echo(wanted),
                      fallback=METRICS[FOCUS_DEFAULT].label(ctx.lang)))
        wanted = FOCUS_DEFAULT
    choice = st.selectbox(ctx.t("focus_metric"), FOCUS_CHOICES, index=FOCUS_CHOICES.index(wanted),
                          format_func=lambda m: METRICS[m].label(ctx.lang),
                          key=f"focus_{wanted}")
    if choice != wanted:
        st.query_params["metric"] = choice
        st.rerun()
    return METRICS[choice]


def breadcrumbs(ctx: PageContext, scope: Scope, names: dict) -> None:
    """Toàn quốc › Quảng Trị › Sở Tư pháp › Đăng ký khai sinh, each part a link back up."""
    crumbs = drill.breadcrumbs(scope, names, ctx.t("nation"))
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        for i, crumb in enumerate(crumbs):
            if crumb.scope == scope:
                st.markdown(f"**{plain(crumb.label)}**")
            else:
                st.page_link(drill.page_of(crumb.scope), label=plain(crumb.label),
                             query_params=ctx.params(**drill.url_params(crumb.scope)))
            if i < len(crumbs) - 1:
                st.markdown("›")


def header(ctx: PageContext, scope: Scope | None, names: dict, title: str,
           subtitle: str | None = None) -> None:
    """Breadcrumbs (below the nation), the title and the period shown. The title and the
    subtitle are text (a unit's or a procedure's name, from the data), never markdown."""
    if scope is not None:
        breadcrumbs(ctx, scope, names)
    st.title(plain(title))
    st.caption(" · ".join(filter(None, [plain(subtitle), f"{ctx.t('period')}: {ctx.range_label()}",
                                        ctx.t(f"units_{ctx.units}")])))
    for note in unit_notes(ctx, scope):
        st.caption(note)


def unit_notes(ctx: PageContext, scope: Scope | None) -> list[str]:
    """What a leader needs to read a unit's figures across 01/07/2025: its full name on the
    period's last day (three provinces became cities in 2026), the old provinces a unit of
    today was made of, and that figures before 01/07/2025 are theirs, summed."""
    notes = []
    row = locality_row(scope.locality) if scope is not None else None
    if row and row["era"] == eras.ERA_34:
        change = eras.StatusChange(row["city_from"], row["city_full_name_vi"]) \
            if not pd.isna(row.get("city_from")) else None
        # the full names are Vietnamese only: in English, the name and the status in words
        full = eras.full_name_on(row["full_name_vi"], change, ctx.rng.end) \
            if ctx.lang == "vi" else row["name_en"]
        if change is not None and ctx.rng.end >= change.on:
            full = ctx.t("city_since", name=plain(full), date=fmt_date(change.on, ctx.lang))
        else:
            full = plain(full)
        olds = crosswalk().predecessors(row["code"])
        if len(olds) > 1:
            labels = locality_labels(ctx)
            notes.append(ctx.t("unit_members", name=full, members=", ".join(
                plain(labels[k]) for k in olds)))
        elif change is not None:
            notes.append(full)
    if ctx.units == eras.ERA_34 and ctx.rng.year_earlier().first <= eras.LAST_MONTH_63:
        notes.append(ctx.t("units_history_note"))
    return notes


def agency_era_note(ctx: PageContext, agency: dict, label: str) -> None:
    """An agency exists in one era: an old province's department or a district to 06/2025,
    the agencies of the 34 from 07/2025. Say so when the period lies outside its era."""
    era = eras.era_of_key(agency["locality_code"])
    if era == eras.ERA_63 and ctx.rng.first > eras.LAST_MONTH_63:
        st.info(ctx.t("agency_ended", name=plain(label)))
    elif era == eras.ERA_34 and ctx.rng.last <= eras.LAST_MONTH_63:
        st.info(ctx.t("agency_started", name=plain(label)))


def render(ctx: PageContext, scope: Scope, kind: str | None, names: dict,
           level: str | None = None) -> None:
    """Everything below the page title for one scope. `kind` is the locality's kind
    (province or ministry), `level` the agency's level: both decide which targets apply."""
    year, compare_year = ctx.rng.last.year, ctx.rng.year_earlier().last.year
    targets = data.targets()

    def target_for(metric: Metric):
        return tg.applicable(targets, metric, year, kind=kind, locality=scope.locality,
                             level=level)

    longer_reports_note(ctx, scope, names)
    partial = incomplete_months(ctx, scope.locality)
    now = data.totals(scope, ctx.rng, TILE_MEASURES).iloc[0].to_dict()
    # a period not yet fully reported is not compared with a year earlier: unlike sets of units
    before = None if partial else data.totals(scope, ctx.rng.year_earlier(),
                                              TILE_MEASURES).iloc[0].to_dict()
    st.subheader(ctx.t("headline"))
    tile_grid(ctx, [figure(m, now, before, target_for(METRICS[m])) for m in HEADLINE],
              compare_year)

    focus = focus_metric(ctx)
    target = target_for(focus)
    st.subheader(ctx.t("progress_title", metric=focus.label(ctx.lang), year=year))
    ended = eras.era_of_key(scope.locality or "") == eras.ERA_63 and \
        year >= eras.LAST_MONTH_63.year
    processing.progress(ctx, _projection(ctx, scope, focus, target), ended=ended,
                        below=ranking.applied_targets(ctx, scope, focus, kind))

    st.subheader(ctx.t("trend_title"))
    trend_rng = MonthRange(min(ctx.rng.first, ctx.rng.last.plus(-11)), ctx.rng.last).clamp(
        ctx.status["first"], ctx.status["last"])
    monthly = metric_frame(data.totals(scope, trend_rng, measures_for([focus.id]), by="month"),
                           [focus.id])
    series = pd.DataFrame({"month": monthly["key"], "value": monthly[focus.id], "series": "unit"})
    trend_chart(ctx, series, focus,
                {"unit": drill.breadcrumbs(scope, names, ctx.t("nation"))[-1].label},
                [("unit", target)] if target else [],
                incomplete=incomplete_months(ctx, scope.locality, trend_rng))

    path = " › ".join(c.label for c in drill.breadcrumbs(scope, names, ctx.t("nation")))
    ranking.render(ctx, scope, focus, kind, path)

    st.subheader(ctx.t("processing_title"))
    processing.processing(ctx, now)
    st.subheader(ctx.t("payments_title"))
    processing.payments(ctx, now, before, compare_year)
    briefing.render(ctx, scope, focus)  # this view as slides: PowerPoint, PDF
    st.caption(plain(source_note(ctx)))


def incomplete_months(ctx: PageContext, locality: str | None,
                      rng: MonthRange | None = None) -> list[dict]:
    """The months of a range (the page's by default) not yet fully reported, nationwide or in
    one unit; on the page's own range, a warning that says so."""
    rng = rng or ctx.rng
    months = [r for r in partial_months(data.month_coverage(locality))
              if rng.first.first_day <= r["month"] <= rng.last.first_day]
    if months and rng is ctx.rng:
        st.warning(ctx.t("range_incomplete", months="; ".join(
            ctx.t("month_partial", month=fmt_month(r["month"], ctx.lang),
                  reported=fmt_int(r["reported"], ctx.lang),
                  expected=fmt_int(r["expected"], ctx.lang)) for r in months)),
            icon=":material/hourglass_top:")
    return months


def longer_reports_note(ctx: PageContext, scope: Scope, names: dict) -> None:
    """A range that cuts a report (November, of a quarterly report) cannot count it: say
    which units reported only for a longer period, rather than drop them silently."""
    cut = data.longer_reports(scope, ctx.rng)
    if cut.empty:
        return
    shown = []
    for row in cut.drop_duplicates("agency_id").head(5).itertuples():
        agency = data.agency(int(row.agency_id)) or {}
        place = names.get(("locality", row.locality_code), row.locality_code)
        shown.append(ctx.t("longer_report_item", agency=plain(agency.get(
            "name_vi" if ctx.lang == "vi" else "name_en", str(row.agency_id))), place=plain(place),
            start=fmt_date(pd.Timestamp(row.period_start).date(), ctx.lang),
            end=fmt_date(pd.Timestamp(row.period_end).date(), ctx.lang)))
    n = cut["agency_id"].nunique()
    st.warning(ctx.t("longer_reports", n=n, items="; ".join(shown),
                     more=ctx.t("and_more", n=n - len(shown)) if n > len(shown) else ""),
               icon=":material/date_range:")


def _projection(ctx: PageContext, scope: Scope, metric: Metric, target):
    """Year to date (January to the period's last month) and the same year before, by month."""
    last = ctx.rng.last
    measures = measures_for([metric.id])

    def by_month(first: Month, end: Month) -> dict[int, dict]:
        frame = data.totals(scope, MonthRange(first, end), measures, by="month")
        return {k.month: r for k, r in zip(frame["key"], frame.to_dict("records"))}

    this_year = by_month(Month(last.year, 1), last)
    last_year = by_month(Month(last.year - 1, 1), Month(last.year - 1, 12))
    return project_year_end(metric, this_year, last_year, target)
