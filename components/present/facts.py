"""What a slide says, from the queries and rules the pages use (so that its figures equal
theirs): the unit a view names, its headline figures, the verdict against the target, the
children ranked by their gap, and how complete the period's last month is."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from components import data, level, ranking
from components.blocks import KINDS
from components.context import PageContext
from components.scope_url import locality_kind, locality_labels, locality_row
from domain import eras
from domain import targets as tg
from domain.coverage import partial_months
from domain.figures import Figure, figure
from domain.formatting import fmt_int, fmt_metric, fmt_month, fmt_pct, fmt_points
from domain.metrics import HEADLINE, METRICS, Metric, measures_for
from domain.scope import NATION, Scope

TILES = 4  # headline figures on a summary slide: the focus metric and three of HEADLINE


@dataclass(frozen=True)
class Unit:
    """The nation, a province or a ministry, as a slide shows it."""
    scope: Scope
    kind: str | None  # province | ministry; None for the nation
    name: str


@dataclass(frozen=True)
class Verdict:
    status: str  # met | behind | none
    text: str


def unit(ctx: PageContext, code: str | None) -> Unit | None:
    """The unit a view's code names in the page's unit set (None: the nation); None when the
    code names nothing there."""
    if code is None:
        return Unit(Scope(units=ctx.units), None, ctx.t("nation"))
    key = code if locality_kind(code) == "ministry" else eras.key(code, ctx.units)
    row = locality_row(key)
    if row is None:
        return None
    return Unit(Scope(locality=key, units=ctx.units), row["kind"], locality_labels(ctx)[key])


def _target(ctx: PageContext, u: Unit, metric: Metric, kind: str | None = None):
    return tg.applicable(data.targets(), metric, ctx.rng.last.year, kind=kind or u.kind,
                         locality=u.scope.locality)


def _incomplete(ctx: PageContext, locality: str | None) -> bool:
    """Whether a month of the period is not yet fully reported (then, as on the pages, no
    comparison with a year earlier: the two periods would not cover the same units)."""
    return any(ctx.rng.first.first_day <= r["month"] <= ctx.rng.last.first_day
               for r in partial_months(data.month_coverage(locality)))


def figures(ctx: PageContext, u: Unit, focus: Metric) -> list[Figure]:
    """The focus metric, then the first headline figures, each with its change on a year
    earlier and the target that applies (as the level pages' tiles)."""
    measures = level.TILE_MEASURES + [m for m in measures_for([focus.id])
                                      if m not in level.TILE_MEASURES]
    now = data.totals(u.scope, ctx.rng, measures).iloc[0].to_dict()
    before = None if _incomplete(ctx, u.scope.locality) else data.totals(
        u.scope, ctx.rng.year_earlier(), measures).iloc[0].to_dict()
    ids = [focus.id, *[m for m in HEADLINE if m != focus.id]][:TILES]
    return [figure(m, now, before, _target(ctx, u, METRICS[m])) for m in ids]


def target_text(ctx: PageContext, fig: Figure) -> str:
    """"Chỉ tiêu 2025: 70% · Còn thiếu 52,7 điểm %", as plain text (the tiles' words)."""
    parts = [ctx.t("target_line", year=fig.target.year,
                   value=fmt_pct(fig.target.value, ctx.lang, 0))]
    if fig.target_met is not None:
        parts.append(ctx.t("target_met") if fig.target_met else ctx.t(
            "target_gap", gap=fmt_points(-fig.gap, ctx.lang).lstrip("+")))
    return " · ".join(parts)


def _status(fig: Figure) -> str:
    return "none" if fig.target_met is None else "met" if fig.target_met else "behind"


def ranked(ctx: PageContext, u: Unit, focus: Metric) -> pd.DataFrame | None:
    """The unit's children furthest behind first (the pages' ranking, shared with them)."""
    model = ranking.model_of(ctx, u.scope, focus.id, u.kind, None)
    return None if model is None else model.ranked


def verdicts(ctx: PageContext, u: Unit, focus: Metric, fig: Figure,
             children: pd.DataFrame | None) -> list[Verdict]:
    """The unit against its target; for the nation, the localities and the ministries against
    theirs (the overview's blocks); how many children are behind theirs. When no target is
    published for the year, that."""
    year = ctx.rng.last.year
    out = []
    if fig.target is not None:
        out.append(Verdict(_status(fig), f"{u.name}: {fmt_metric(focus, fig.value, ctx.lang)}"
                                         f" · {target_text(ctx, fig)}"))
    if u.scope.locality is None:
        blocks = data.totals(NATION, ctx.rng, measures_for([focus.id]), by="kind")
        for kind in KINDS:
            target = _target(ctx, u, focus, kind)
            row = blocks[blocks["key"] == kind]
            if target is not None and len(row):
                block = figure(focus.id, row.iloc[0].to_dict(), None, target)
                out.append(Verdict(_status(block), f"{ctx.t(f'block_{kind}')}: "
                                   f"{fmt_metric(focus, block.value, ctx.lang)} · "
                                   f"{target_text(ctx, block)}"))
    if children is not None:
        gaps = pd.to_numeric(children["gap"], errors="coerce").dropna()
        if len(gaps):
            behind = int((gaps < 0).sum())
            out.append(Verdict("behind" if behind else "met", ctx.t(
                "present_behind_count", n=fmt_int(behind, ctx.lang),
                total=fmt_int(len(gaps), ctx.lang), year=year)))
    return out or [Verdict("none", ctx.t("target_none", year=year))]


def coverage_text(ctx: PageContext, locality: str | None) -> str | None:
    """"10/2026: 3.400/3.420 đơn vị đã báo cáo" for the period's last month, when it is among
    the months whose completeness is kept."""
    months = data.month_coverage(locality)
    row = months[months["month"] == ctx.rng.last.first_day]
    if row.empty:
        return None
    r = row.iloc[0]
    return ctx.t("month_partial", month=fmt_month(r["month"], ctx.lang),
                 reported=fmt_int(r["reported"], ctx.lang),
                 expected=fmt_int(r["expected"], ctx.lang))


def reported_text(ctx: PageContext, children: pd.DataFrame) -> str:
    return ctx.t("units_reported", n=fmt_int(int(children["value"].notna().sum()), ctx.lang),
                 total=fmt_int(len(children), ctx.lang))
