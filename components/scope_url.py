"""Reading the scope (province, agency, procedure) from the URL, checking it against the
reference lists, and the names the pages show for it. An unknown or malformed parameter gets a
short message and the nearest valid view.

A province is named in the URL by the code people read (`province=24`) and the unit set the page
shows (`units=34`); together they give the unit's key ("34:24", domain/eras.py). A code of the
63 that no longer exists from 01/07/2025 (45, old Quảng Trị) opens the unit it became, and says
so; an old bookmark with its period (`province=45&from=2025-01&to=2025-06`) opens old Quảng Trị.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data
from components.context import PageContext
from data_access.reference import crosswalk
from domain import eras
from domain.drill import page_of, url_params
from domain.params import parse_id
from domain.plain import echo, plain
from domain.scope import Scope


def _name_col(ctx: PageContext) -> str:
    return "name_vi" if ctx.lang == "vi" else "name_en"


def locality_labels(ctx: PageContext) -> dict[str, str]:
    """Unit key → a name that leaves its era in no doubt."""
    locs = data.localities()
    return {k: eras.label(n, k, ctx.lang) for k, n in zip(locs["code"], locs[_name_col(ctx)])}


def agency_labels(ctx: PageContext, agencies: pd.DataFrame, within: str | None) -> dict[int, str]:
    """Agency id → name. Seen within a unit of today, an old province's agency carries that
    province's name and era (a unit of today lists its old provinces' agencies for the months
    before 01/07/2025)."""
    places = locality_labels(ctx)
    col = _name_col(ctx)
    return {int(a): eras.agency_label(n, loc, within, places.get(loc, loc))
            for a, n, loc in zip(agencies["id"], agencies[col], agencies["locality_code"])}


def names(ctx: PageContext, scope: Scope) -> dict:
    """Labels for ("locality", key), ("agency", id) and ("procedure", code)."""
    out = {("locality", k): v for k, v in locality_labels(ctx).items()}
    if scope.locality:
        out |= {("agency", k): v for k, v in agency_labels(
            ctx, data.agencies(scope.locality), scope.locality).items()}
    out |= {("procedure", r["code"]): r[_name_col(ctx)]
            for r in data.procedures().to_dict("records")}
    return out


def locality_row(key: str | None) -> dict | None:
    if not key:
        return None
    row = data.localities().loc[lambda f: f["code"] == key]
    return row.iloc[0].to_dict() if len(row) else None


def locality_kind(key: str | None) -> str | None:
    row = locality_row(key)
    return row["kind"] if row else None


def units_localities(ctx: PageContext) -> pd.DataFrame:
    """The units a picker offers: the provinces of the unit set shown, then the ministries."""
    locs = data.localities()
    return locs[(locs["era"] == ctx.units) | (locs["kind"] == "ministry")]


def _bad(ctx: PageContext, name: str, value) -> None:
    st.info(ctx.t("bad_scope", name=ctx.t(f"param_{name}"), value=echo(value)))


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _resolve_province(ctx: PageContext, code: str) -> str | None:
    """The key the URL's code names in the unit set shown, telling the user when the code
    means another place in the other era, or no longer exists."""
    if locality_kind(code) == "ministry":
        return code
    key = eras.key(code, ctx.units)
    if locality_row(key) is not None:
        _note_other_era(ctx, code, key)
        return key
    old_key = eras.key(code, eras.ERA_63)
    old = locality_row(old_key)
    if ctx.units == eras.ERA_34 and old is not None:  # a code retired on 01/07/2025
        new_key = crosswalk().successor[old_key]
        new = locality_row(new_key)
        st.info(ctx.t("code_retired", code=echo(code), old=plain(old[_name_col(ctx)]),
                      new=plain(new[_name_col(ctx)]), new_code=plain(eras.code_of(new_key))))
        return new_key
    return None


def _note_other_era(ctx: PageContext, code: str, key: str) -> None:
    """Say so when the same code named another province in the other era (24: Bắc Giang
    before 01/07/2025, Bắc Ninh since)."""
    other_era = eras.ERA_63 if eras.era_of_key(key) == eras.ERA_34 else eras.ERA_34
    other = locality_row(eras.key(code, other_era))
    this = locality_row(key)
    if other is None or other["name_vi"] == this["name_vi"]:
        return
    old, new = (other, this) if other_era == eras.ERA_63 else (this, other)
    st.caption(ctx.t("code_changed", code=echo(code), old=plain(old[_name_col(ctx)]),
                     new=plain(new[_name_col(ctx)])))


def read_province(ctx: PageContext) -> Scope | None:
    code = _param("province")
    if code is None:
        return None
    key = _resolve_province(ctx, eras.code_of(code))
    if key is None:
        _bad(ctx, "province", code)
        return None
    return Scope(locality=key, units=ctx.units)


def read_agency(ctx: PageContext) -> Scope | None:
    raw = _param("agency")
    if raw is None:
        return None
    agency_id = parse_id(raw)  # digits within the databases' integers, or nothing
    row = data.agency(agency_id) if agency_id is not None else None
    if row is None:
        _bad(ctx, "agency", raw)
        return None
    # An old province's agency, seen in today's units, sits under the unit it became.
    try:
        locality = crosswalk().to_units(row["locality_code"], ctx.units)
    except ValueError:
        locality = row["locality_code"]
    return Scope(locality=locality, agency=agency_id, units=ctx.units)


def read_procedure(ctx: PageContext) -> Scope | None:
    code = _param("procedure")
    known = set(data.procedures()["code"])
    if code not in known:
        if code:
            _bad(ctx, "procedure", code)
        return None
    scope = Scope(procedure=code, units=ctx.units)
    within = read_agency(ctx) or read_province(ctx)
    if within is not None:
        scope = scope.with_(locality=within.locality, agency=within.agency)
    return scope


def go(ctx: PageContext, scope: Scope, **extra) -> None:
    """Switch to the page of a scope, keeping the language, period, unit set and metric."""
    st.switch_page(page_of(scope), query_params=ctx.params(**url_params(scope), **extra))


def picker(ctx: PageContext, options: list, labels: dict, prompt_key: str, to_scope) -> None:
    """The nearest valid view when the URL names nothing valid: a list to choose from."""
    choice = st.selectbox(ctx.t(prompt_key), options, index=None, format_func=labels.get,
                          placeholder=ctx.t("choose"))
    if choice is not None:
        go(ctx, to_scope(choice))
