"""The drill-down: from a scope to its children, from a chosen child to the next page and its
URL, breadcrumbs back up, and the ranking of children by their gap to target."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from domain.eras import code_of
from domain.metrics import Metric
from domain.scope import Scope
from domain.targets import applicable, gap

PAGE_FILES = {
    "nation": "app.py",
    "province": "pages/province.py",
    "agency": "pages/agency.py",
    "procedure": "pages/procedure.py",
}


def children_by(scope: Scope) -> str | None:
    """What the children of a scope are grouped by; None at the bottom of the hierarchy."""
    if scope.procedure:
        if scope.agency is not None:
            return None
        return "agency" if scope.locality else "locality"
    if scope.agency is not None:
        return "procedure"
    if scope.locality:
        return "agency"
    return "locality"


def child_scope(scope: Scope, key, agency_locality: str | None = None) -> Scope:
    """The scope one level down when the child `key` is chosen. `agency_locality` is the
    chosen agency's locality, which the procedure page keeps for its breadcrumbs."""
    by = children_by(scope)
    if by == "locality":
        return Scope(locality=str(key), procedure=scope.procedure, units=scope.units)
    if by == "agency":
        return Scope(locality=scope.locality or agency_locality, agency=int(key),
                     procedure=scope.procedure, units=scope.units)
    if by == "procedure":
        return Scope(locality=scope.locality or agency_locality, agency=scope.agency,
                     procedure=str(key), units=scope.units)
    raise ValueError("a scope with an agency and a procedure has no children")


def page_of(scope: Scope) -> str:
    return PAGE_FILES[scope.depth]


def url_params(scope: Scope) -> dict[str, str]:
    """The scope as the query parameters of its page. A province travels as the code people
    read; the page's `units` parameter names its era (domain/eras.py)."""
    params = {}
    if scope.depth == "province":
        params["province"] = code_of(scope.locality)
    elif scope.depth == "agency":
        params["agency"] = str(scope.agency)
    elif scope.depth == "procedure":
        params["procedure"] = scope.procedure
        if scope.locality:
            params["province"] = code_of(scope.locality)
        if scope.agency is not None:
            params["agency"] = str(scope.agency)
    return params


@dataclass(frozen=True)
class Crumb:
    label: str
    scope: Scope


def breadcrumbs(scope: Scope, names: dict, nation_label: str) -> list[Crumb]:
    """Toàn quốc › Quảng Trị › Sở Tư pháp › Đăng ký khai sinh. `names` maps
    ("locality", code), ("agency", id), ("procedure", code) to labels."""
    crumbs = [Crumb(nation_label, Scope(units=scope.units))]
    if scope.locality:
        crumbs.append(Crumb(names.get(("locality", scope.locality), scope.locality),
                            Scope(locality=scope.locality, units=scope.units)))
    if scope.agency is not None:
        crumbs.append(Crumb(names.get(("agency", scope.agency), str(scope.agency)),
                            Scope(locality=scope.locality, agency=scope.agency,
                                  units=scope.units)))
    if scope.procedure:
        crumbs.append(Crumb(names.get(("procedure", scope.procedure), scope.procedure), scope))
    return crumbs


def child_targets(children: pd.DataFrame, metric: Metric, year: int, targets,
                  parent_kind: str | None = None, parent_locality: str | None = None) -> list:
    """The target that applies to each child. A child row may carry its own kind, locality_code
    and level (agency children); otherwise it inherits its parent's."""
    out = []
    for row in children.to_dict("records"):
        out.append(applicable(targets, metric, year, kind=row.get("kind") or parent_kind,
                              locality=row.get("locality_code") or parent_locality,
                              level=row.get("level")))
    return out


def applied_targets(targets: list) -> list:
    """The distinct targets a ranking measures its children against (child_targets' answer
    without the children that have none), lowest first."""
    return sorted({tg for tg in targets if tg is not None},
                  key=lambda tg: (tg.value, tg.scope, tg.level or ""))


def rank(children: pd.DataFrame, metric: Metric, targets: list) -> pd.DataFrame:
    """Children with value, target and gap, the furthest behind target first; children without
    a target are ranked by value (worst first) after those with one."""
    out = children.copy()
    # from the lists, not the columns: a column turns "not reported" (None) into NaN, which
    # has a gap of NaN and no place in the order (it scrambled the ranking around it)
    values = [metric.value(r) for r in children.to_dict("records")]
    gaps = [gap(metric, v, tg) for v, tg in zip(values, targets)]
    out["value"], out["gap"] = values, gaps
    out["target"] = [tg.value if tg else None for tg in targets]
    sign = -1 if metric.better == "down" else 1
    out["_order"] = [(0, g) if g is not None else (1, sign * v if v is not None else float("inf"))
                     for g, v in zip(gaps, values)]
    out = out.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)
    out["rank"] = range(1, len(out) + 1)
    return out


def top_bottom(ranked: pd.DataFrame, metric: Metric, n: int = 5) -> tuple[pd.DataFrame,
                                                                            pd.DataFrame]:
    """The n best and n worst children by the metric's value (as the Ministry reports them)."""
    valued = ranked.dropna(subset=["value"])
    best_first = valued.sort_values("value", ascending=metric.better == "down", kind="stable")
    return best_first.head(n), best_first.tail(n).iloc[::-1]
