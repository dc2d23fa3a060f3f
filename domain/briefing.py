"""The briefing pack: the slides a leader projects at a meeting for one level of the
drill-down (nation, province or ministry, agency, procedure) and a period — the unit and
period, the headline figures with their change and target, the trend, where the unit ranks,
its weakest agencies and procedures, and the source and data date on every slide.

`build(facts)` turns what data_access/briefing gathered into a Deck whose texts are final
(numbers through domain.formatting, words through domain.i18n); the writers only lay them out.
The figures come from the functions the level page uses — domain.figures.figure and
domain.targets.applicable for the tiles, domain.drill.child_targets, rank and top_bottom for
the ranking — so they equal the page's.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

import pandas as pd

from domain import drill
from domain import targets as tg
from domain.figures import Figure, change_words, figure, metric_frame, target_words
from domain.formatting import (fmt_date, fmt_int, fmt_metric, fmt_month,
                               fmt_pct, fmt_points)
from domain.captions import range_label, source_note
from domain.i18n import t
from domain.metrics import HEADLINE, METRICS, Kind, Metric
from domain.periods import Month, MonthRange
from domain.scope import Scope

BARS = 10  # the children furthest behind target drawn as bars, and listed in the table
WEAKEST = 5
NOTE_MONTHS = 3  # incomplete months named in a note
VOLUME = "received_new"  # shown beside the focus metric in the ranking table, as on the page


# --- what data_access gathers -------------------------------------------------------------

@dataclass(frozen=True)
class Group:
    """Units to rank, as components/ranking.py builds them: one row per unit with its measure
    totals, `key` and `label`, and what its target depends on (kind, level, locality_code when
    known); the parent's kind and locality for the rest."""
    frame: pd.DataFrame
    by: str  # locality | agency | procedure
    parent_kind: str | None = None
    parent_locality: str | None = None


@dataclass(frozen=True)
class Facts:
    lang: str
    scope: Scope
    rng: MonthRange
    units: str
    focus: str  # a metric id of FOCUS_CHOICES
    kind: str | None  # the unit's kind (province | ministry) and agency level: its targets
    level: str | None
    names: Mapping  # ("locality", key) / ("agency", id) / ("procedure", code) → label
    targets: tuple  # domain.targets.Target, all of them
    now: Mapping  # measure totals of the period
    before: Mapping | None  # of the year before; None when the period is not fully reported
    trend_rng: MonthRange
    trend: pd.DataFrame  # measure totals by month (`key`: the month's first day)
    partial: tuple = ()  # the period's months not yet fully reported (domain.coverage rows)
    trend_partial: tuple = ()  # the trend's
    children: Group | None = None  # what the page ranks
    siblings: Group | None = None  # the units the unit is ranked among (its kind or level)
    agencies: Group | None = None  # the unit's agencies, when they are not its children
    procedures: Group | None = None  # its procedures, likewise
    status: Mapping = field(default_factory=dict)  # data_access.catalog.data_status
    complete: Month | None = None  # the last month fully reported nationwide
    coverage: Mapping | None = None  # {month, reported, expected}: the period's last month
    created: date = field(default_factory=date.today)


# --- the slides -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Cover:
    unit: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    change: str | None  # "+2,3 điểm % (tốt lên)"
    good: bool | None
    compare: str  # "so với cùng kỳ năm 2025" / "chưa có số liệu cùng kỳ"
    target: str | None  # "Chỉ tiêu 2026: 80%"
    target_status: str | None  # "Đạt chỉ tiêu" / "Còn thiếu 3,2 điểm %"
    met: bool | None


@dataclass(frozen=True)
class Tiles:
    tiles: tuple[Tile, ...]
    note: str | None = None


@dataclass(frozen=True)
class Trend:
    metric: str
    percent: bool
    months: tuple[str, ...]
    values: tuple[float | None, ...]
    value_texts: tuple[str, ...]
    partial: tuple[bool, ...]  # months not yet fully reported
    target: float | None
    target_label: str | None
    note: str | None


@dataclass(frozen=True)
class Row:
    rank: int | None
    name: str
    value: float | None
    value_text: str
    volume_text: str
    target: float | None
    target_text: str
    gap_text: str
    status: str  # met | behind | none


@dataclass(frozen=True)
class Position:
    figure: str  # "Thứ 23/34"
    text: str
    detail: str | None
    value_line: str


@dataclass(frozen=True)
class Bars:
    caption: str
    rows: tuple[Row, ...]
    percent: bool
    value_label: str
    legend: tuple[tuple[str, str], ...]  # (met | behind | none | target, its label)


COLUMNS = ("rank", "name", "value", "volume", "target", "gap")


@dataclass(frozen=True)
class Table:
    title: str | None
    caption: str | None
    columns: tuple[str, ...]  # of COLUMNS, in order
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Slide:
    title: str
    subtitle: str
    blocks: tuple
    footer: str
    page: str


@dataclass(frozen=True)
class Deck:
    title: str
    unit: str  # the unit's name, as the page's title (its file is named after it)
    lang: str
    slides: tuple[Slide, ...]


def tile(fig: Figure, compare_year: int, lang: str) -> Tile:
    """A headline figure with the texts of the page's tile (components/kpi.py)."""
    m = fig.metric
    change = change_words(fig, lang)
    target = target_words(fig, lang)
    return Tile(
        label=m.label(lang),
        value=fmt_metric(m, fig.value, lang, compact=True) if fig.value is not None
        else t("no_data", lang),
        change=f"{change[0]} ({change[1]})" if change else None,
        good=fig.change_is_good,
        compare=t("vs_year_earlier", lang, year=compare_year) if change
        else t("no_comparison", lang),
        target=target[0] if target else None,
        target_status=target[1] if target else None,
        met=fig.target_met)


def unique_labels(agencies: pd.DataFrame) -> pd.Series:
    """Communes share names across districts ("UBND Phường 1"): the name of the parent is
    added, so that every row names one agency (as the page's ranking does)."""
    parents = dict(zip(agencies["key"], agencies["label"]))
    repeated = agencies["label"].duplicated(keep=False)
    return agencies["label"].where(~repeated, [
        f"{label} – {parents.get(parent, code)}" for label, parent, code in zip(
            agencies["label"], agencies["parent_id"], agencies["code"])])


# --- rankings ---------------------------------------------------------------------------------

def ranked(group: Group, focus: Metric, year: int, targets) -> pd.DataFrame:
    """The units furthest behind target first, each with its value, target, gap and rank."""
    own = drill.child_targets(group.frame, focus, year, targets, parent_kind=group.parent_kind,
                              parent_locality=group.parent_locality)
    return drill.rank(group.frame, focus, own)


def _missing(value) -> bool:
    return value is None or value != value


def _row(record: Mapping, focus: Metric, lang: str) -> Row:
    value, target, gap = record["value"], record["target"], record["gap"]
    status = "none" if _missing(gap) else "met" if gap >= 0 else "behind"
    name = record.get("label")
    volume = METRICS[VOLUME].value(record)  # None when the frame does not carry it
    return Row(rank=int(record["rank"]),
               name=str(record["key"]) if _missing(name) else str(name),
               value=None if _missing(value) else float(value),
               value_text=fmt_metric(focus, value, lang),
               volume_text=fmt_metric(METRICS[VOLUME], volume, lang),
               target=None if _missing(target) else float(target),
               target_text="–" if _missing(target) else fmt_pct(target, lang, 0)
               if focus.kind is Kind.RATE else fmt_metric(focus, target, lang),
               gap_text=fmt_points(gap, lang) if not _missing(gap) else "–",
               status=status)


def value_rank(frame: pd.DataFrame, key, focus: Metric) -> tuple[int, int] | None:
    """(position, out of) of a unit among those with a value, the best first (ties share
    the better position); None when it has no value."""
    valued = frame.dropna(subset=["value"])
    own = valued.loc[valued["key"].astype(str) == str(key), "value"]
    if own.empty:
        return None
    v = own.iloc[0]
    better = valued["value"] < v if focus.better == "down" else valued["value"] > v
    return int(better.sum()) + 1, len(valued)


def position(facts: Facts, focus: Metric, unit: str, year: int) -> Position | None:
    """Where the unit stands among its siblings, best first by value, and its rank in the
    page's ranking by gap (its parent's page, filtered to its kind or level)."""
    group = facts.siblings
    if group is None:
        return None
    lang = facts.lang
    frame = ranked(group, focus, year, facts.targets)
    key = {"locality": facts.scope.locality, "agency": facts.scope.agency,
           "procedure": facts.scope.procedure}[group.by]
    among = _among(facts, group)
    by_value = value_rank(frame, key, focus)
    own = frame[frame["key"].astype(str) == str(key)]
    fig = figure(focus.id, facts.now, None, tg.applicable(
        facts.targets, focus, year, kind=facts.kind, locality=facts.scope.locality,
        level=facts.level))
    parts = [f"{focus.label(lang)}: {fmt_metric(focus, fig.value, lang)}"]
    target = target_words(fig, lang)
    if target:
        parts += [p for p in target if p]
    if by_value is None:
        return Position(figure="–", text=t("brief_position_none", lang, name=unit,
                                           metric=focus.label(lang)),
                        detail=None, value_line=" · ".join(parts))
    # without any target the page ranks by value, weakest first: say that, not "by gap"
    kind = "brief_position_by_gap" if frame["target"].notna().any() else \
        "brief_position_page_by_value"
    detail = t(kind, lang, rank=int(own["rank"].iloc[0]), total=len(frame)) \
        if not own.empty else None
    return Position(figure=t("brief_position", lang, rank=by_value[0], total=by_value[1]),
                    text=t("brief_position_by_value", lang, name=unit, among=among,
                           metric=focus.label(lang)),
                    detail=detail, value_line=" · ".join(parts))


def _among(facts: Facts, group: Group) -> str:
    lang = facts.lang
    if group.by == "locality":
        return t(f"brief_among_kind_{facts.kind}", lang)
    if group.by == "agency":
        return t(f"brief_among_level_{facts.level}", lang,
                 parent=facts.names.get(("locality", facts.scope.locality),
                                        facts.scope.locality))
    parent = facts.scope.with_(procedure=None)
    if parent.depth == "nation":
        return t("brief_among_procedure_nation", lang)
    return t("brief_among_procedure", lang, parent=drill.breadcrumbs(
        parent, facts.names, t("nation", lang))[-1].label)


def partial_months_text(rows, lang: str) -> str:
    """"10/2026: 37/126 đơn vị đã báo cáo; …" for the months not fully reported, the latest
    NOTE_MONTHS of them (a slide has room for a line or two)."""
    shown = list(rows)[-NOTE_MONTHS:]
    text = "; ".join(t("month_partial", lang, month=fmt_month(r["month"], lang),
                       reported=fmt_int(r["reported"], lang),
                       expected=fmt_int(r["expected"], lang)) for r in shown)
    more = len(rows) - len(shown)
    return text + (t("brief_more_months", lang, n=more) if more else "")


def _reported(frame: pd.DataFrame, lang: str) -> str:
    return t("units_reported", lang, n=fmt_int(frame["value"].notna().sum(), lang),
             total=fmt_int(len(frame), lang))


def _legend(rows: tuple[Row, ...], lang: str) -> tuple[tuple[str, str], ...]:
    """The bars' colours that appear (the page's: met, behind, no target), and the target."""
    present = {r.status for r in rows}
    out = [(s, t(f"status_{s}", lang)) for s in ("met", "behind", "none") if s in present]
    if any(r.target is not None for r in rows):
        out.append(("target", t("target", lang)))
    return tuple(out)


def weakest(group: Group | None, frame: pd.DataFrame | None, title_key: str, focus: Metric,
            facts: Facts, year: int) -> Table | None:
    """The bottom of the page's "5 đơn vị cuối bảng": the weakest by the metric's value, with
    the gap to target where there is one."""
    if frame is None and group is not None:
        frame = ranked(group, focus, year, facts.targets)
    if frame is None or frame["value"].notna().sum() == 0:
        return None
    lang = facts.lang
    worst = drill.top_bottom(frame, focus, WEAKEST)[1]
    rows = tuple(_row(r, focus, lang) for r in worst.to_dict("records"))
    columns = ("name", "value") + (("gap",) if any(r.gap_text != "–" for r in rows) else ())
    return Table(title=t(title_key, lang),
                 caption=t("brief_weakest_caption", lang, metric=focus.label(lang),
                           reported=_reported(frame, lang)),
                 columns=columns, headers=headers(columns, lang), rows=rows)


def headers(columns: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """Column headers; the value's is "Giá trị": the caption names the metric."""
    names = {"rank": t("col_rank", lang), "name": t("col_name", lang),
             "value": t("value", lang), "volume": METRICS[VOLUME].label(lang),
             "target": t("target", lang), "gap": t("col_gap", lang)}
    return tuple(names[c] for c in columns)


# --- the deck ---------------------------------------------------------------------------------

def trend(facts: Facts, focus: Metric, target) -> Trend:
    """The focus metric month by month over the page's trend range, with the target line."""
    lang = facts.lang
    frame = metric_frame(facts.trend, [focus.id]) if len(facts.trend) else None
    values = {} if frame is None else {
        Month.of(k): (None if _missing(v) else float(v))
        for k, v in zip(frame["key"], frame[focus.id])}
    months = facts.trend_rng.months()
    faded = {Month.of(r["month"]) for r in facts.trend_partial}
    note = t("trend_incomplete", lang, months=partial_months_text(facts.trend_partial, lang)) \
        if facts.trend_partial else None
    return Trend(
        metric=focus.label(lang), percent=focus.kind is Kind.RATE,
        months=tuple(fmt_month(m.first_day, lang) for m in months),
        values=tuple(values.get(m) for m in months),
        value_texts=tuple(fmt_metric(focus, values.get(m), lang) for m in months),
        partial=tuple(m in faded for m in months),
        target=target.value if target else None,
        target_label=f"{t('target', lang)} {target.year}: {fmt_pct(target.value, lang, 0)}"
        if target else None,
        note=note)


def build(facts: Facts) -> Deck:
    lang, rng, scope = facts.lang, facts.rng, facts.scope
    focus = METRICS[facts.focus]
    year, compare_year = rng.last.year, rng.year_earlier().last.year

    def target_for(metric: Metric):
        return tg.applicable(facts.targets, metric, year, kind=facts.kind,
                             locality=scope.locality, level=facts.level)

    crumbs = drill.breadcrumbs(scope, facts.names, t("nation", lang))
    unit = crumbs[-1].label
    subtitle = " · ".join([" › ".join(c.label for c in crumbs), range_label(rng, lang),
                           t(f"units_{facts.units}", lang)])
    pages: list[tuple[str, tuple]] = []

    cover_lines = [f"{t('period', lang)}: {range_label(rng, lang)}",
                   t(f"units_{facts.units}", lang),
                   f"{t('focus_metric', lang)}: {focus.label(lang)}",
                   t("brief_created", lang, date=fmt_date(facts.created, lang))]
    pages.append((t("brief_title", lang), (Cover(unit, tuple(cover_lines)),)))

    note = t("range_incomplete", lang, months=partial_months_text(facts.partial, lang)) \
        if facts.partial else None
    figures = [figure(m, facts.now, facts.before, target_for(METRICS[m])) for m in HEADLINE]
    pages.append((t("headline", lang),
                  (Tiles(tuple(tile(f, compare_year, lang) for f in figures), note),)))

    pages.append((t("trend_title", lang), (trend(facts, focus, target_for(focus)),)))

    children = ranked(facts.children, focus, year, facts.targets) \
        if facts.children is not None else None
    rank_blocks = [b for b in (position(facts, focus, unit, year),) if b is not None]
    rows = ()
    if children is not None and children["value"].notna().any():
        shown = children.dropna(subset=["value"]).head(BARS)
        rows = tuple(_row(r, focus, lang) for r in shown.to_dict("records"))
        # the bars as the page's chart orders them: by the value they show, worst first
        bars = tuple(_row(r, focus, lang) for r in shown.sort_values(
            "value", ascending=focus.better != "down", kind="stable").to_dict("records"))
        # the page ranks by gap to target; with no target, by value, the weakest first
        caption = "brief_chart_caption" if children["target"].notna().any() \
            else "brief_chart_caption_no_target"
        rank_blocks.append(Bars(
            caption=t(caption, lang, children=t(f"children_{facts.children.by}", lang),
                      shown=len(rows), total=len(children), metric=focus.label(lang),
                      year=year, reported=_reported(children, lang)),
            rows=bars, percent=focus.kind is Kind.RATE, value_label=focus.label(lang),
            legend=_legend(bars, lang)))
    if rank_blocks:
        pages.append((t("brief_rank_title", lang), tuple(rank_blocks)))
    if rows:
        # no target columns when no child has a target, as the page's table
        columns = ("rank", "name", "value", "volume") + (
            ("target", "gap") if children["target"].notna().any() else ())
        pages.append((t("brief_table_title", lang), (Table(
            title=t(f"children_{facts.children.by}", lang),
            caption=t("brief_table_caption" if "gap" in columns else
                      "brief_table_caption_no_target", lang, metric=focus.label(lang),
                      shown=len(rows), total=len(children), year=year),
            columns=columns, headers=headers(columns, lang), rows=rows),)))

    by = facts.children.by if facts.children is not None else None
    weak = [weakest(facts.agencies, children if by == "agency" else None,
                    "brief_weakest_agencies", focus, facts, year),
            weakest(facts.procedures, children if by == "procedure" else None,
                    "brief_weakest_procedures", focus, facts, year)]
    weak = tuple(w for w in weak if w is not None)
    if weak:
        pages.append((t("brief_weakest_title", lang), weak))

    footer = " ".join(filter(None, [
        source_note(facts.status, lang),
        t("brief_complete_until", lang, month=fmt_month(facts.complete.first_day, lang))
        if facts.complete else None,
        t("month_partial", lang, month=fmt_month(facts.coverage["month"], lang),
          reported=fmt_int(facts.coverage["reported"], lang),
          expected=fmt_int(facts.coverage["expected"], lang)) + "."
        if facts.coverage else None]))
    slides = tuple(Slide(title=title, subtitle=subtitle, blocks=blocks, footer=footer,
                         page=t("brief_page", lang, n=i + 1, total=len(pages)))
                   for i, (title, blocks) in enumerate(pages))
    return Deck(title=f"{t('brief_title', lang)}: {unit}", unit=unit, lang=lang,
                slides=slides)
