"""Reading the scope (province, agency, procedure) from the URL, checking it against the
reference lists, and the names the pages show for it. An unknown or malformed parameter gets a
short message and the nearest valid view."""
from __future__ import annotations

import streamlit as st

from components import data
from components.context import PageContext
from domain.drill import page_of, url_params
from domain.scope import Scope


def _name_col(ctx: PageContext) -> str:
    return "name_vi" if ctx.lang == "vi" else "name_en"


def names(ctx: PageContext, scope: Scope) -> dict:
    """Labels for ("locality", code), ("agency", id) and ("procedure", code)."""
    col = _name_col(ctx)
    out = {("locality", r["code"]): r[col] for r in data.localities().to_dict("records")}
    if scope.locality:
        out |= {("agency", int(r["id"])): r[col] for r in data.agencies(scope.locality)
                .to_dict("records")}
    out |= {("procedure", r["code"]): r[col] for r in data.procedures().to_dict("records")}
    return out


def locality_kind(code: str | None) -> str | None:
    if not code:
        return None
    row = data.localities().loc[lambda f: f["code"] == code]
    return row["kind"].iloc[0] if len(row) else None


def _bad(ctx: PageContext, name: str, value) -> None:
    st.info(ctx.t("bad_scope", name=name, value=value))


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def read_province(ctx: PageContext) -> Scope | None:
    code = _param("province")
    if code and locality_kind(code):
        return Scope(locality=code)
    if code:
        _bad(ctx, "province", code)
    return None


def read_agency(ctx: PageContext) -> Scope | None:
    raw = _param("agency")
    if raw is None:
        return None
    try:
        agency_id = int(raw)
        row = data.agency(agency_id)
    except ValueError:
        row = None
    if row is None:
        _bad(ctx, "agency", raw)
        return None
    return Scope(locality=row["locality_code"], agency=agency_id)


def read_procedure(ctx: PageContext) -> Scope | None:
    code = _param("procedure")
    known = set(data.procedures()["code"])
    if code not in known:
        if code:
            _bad(ctx, "procedure", code)
        return None
    scope = Scope(procedure=code)
    within = read_agency(ctx) or read_province(ctx)
    if within is not None:
        scope = scope.with_(locality=within.locality, agency=within.agency)
    return scope


def go(ctx: PageContext, scope: Scope, **extra) -> None:
    """Switch to the page of a scope, keeping the language, period and metric."""
    st.switch_page(page_of(scope), query_params=ctx.params(**url_params(scope), **extra))


def picker(ctx: PageContext, options: list, labels: dict, prompt_key: str, to_scope) -> None:
    """The nearest valid view when the URL names nothing valid: a list to choose from."""
    choice = st.selectbox(ctx.t(prompt_key), options, index=None, format_func=labels.get,
                          placeholder=ctx.t("choose"))
    if choice is not None:
        go(ctx, to_scope(choice))
