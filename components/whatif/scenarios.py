"""Saved scenarios: save the current settings under a name (at most four, kept in the URL),
compare them side by side, open or delete one, export the comparison to Excel."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from components.context import PageContext
from components.download import xlsx_button
from components.whatif import controls
from components.whatif import state as ws
from components.whatif.view import Outcome, num, pair
from domain.formatting import fmt_int, fmt_month, fmt_pct, fmt_vnd
from domain.plain import plain

PARAM = "sc"


def read(default: ws.Spec, scopes: set[str], first) -> tuple[list[ws.Spec], bool]:
    return ws.decode_saved(st.query_params.get(PARAM), default, scopes, first)


def _write(specs: list[ws.Spec]) -> None:
    if specs:
        st.query_params[PARAM] = ws.encode_saved(specs)
    elif PARAM in st.query_params:
        del st.query_params[PARAM]


def _save(saved: list[ws.Spec], current: ws.Spec, name_key: str, fallback: str) -> None:
    name = (st.session_state.get(name_key) or "").strip() or fallback
    _write(saved + [current.with_(name=name[:ws.NAME_MAX])])
    st.session_state[name_key] = ""


def _delete(saved: list[ws.Spec], index: int) -> None:
    _write([s for i, s in enumerate(saved) if i != index])


def _open(spec: ws.Spec, default_of: Callable[[str], tuple[str, ...]],
          options: list[str]) -> None:
    controls.seed(spec, default_of(spec.scope), options)


def render(ctx: PageContext, current: ws.Spec, saved: list[ws.Spec],
           outcome_of: Callable[[ws.Spec], Outcome], scope_names: dict[str, str],
           default_of: Callable[[str], tuple[str, ...]], options: list[str]) -> None:
    st.markdown(f"#### {ctx.t('wi_sc_title')}")
    st.caption(ctx.t("wi_sc_caption", n=ws.MAX_SAVED))
    fallback = ctx.t("wi_sc_default_name", n=len(saved) + 1)
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    full = len(saved) >= ws.MAX_SAVED
    with left:
        st.text_input(ctx.t("wi_sc_name"), key="wi_sc_name", placeholder=fallback,
                      max_chars=ws.NAME_MAX, disabled=full)
    with right:
        st.button(ctx.t("wi_sc_save"), icon=":material/bookmark_add:", disabled=full,
                  on_click=_save, args=(saved, current, "wi_sc_name", fallback),
                  key="wi_sc_save")
    if full:
        st.caption(ctx.t("wi_sc_full", n=ws.MAX_SAVED))
    if not saved:
        return
    outcomes = [outcome_of(s) for s in saved]
    st.dataframe(_comparison(ctx, saved, outcomes, scope_names), width="stretch")
    cols = st.columns(len(saved))
    for i, (col, spec) in enumerate(zip(cols, saved)):
        with col:
            st.button(ctx.t("wi_sc_open", name=plain(spec.name)), key=f"wi_sc_open_{i}",
                      on_click=_open, args=(spec, default_of, options),
                      icon=":material/open_in_browser:")
            st.button(ctx.t("wi_sc_delete", name=plain(spec.name)), key=f"wi_sc_del_{i}",
                      on_click=_delete, args=(saved, i), icon=":material/delete:")
    table, formats = _export_table(ctx, saved, outcomes, scope_names)
    xlsx_button(ctx, table, file_stem="mo-phong-phi-truc-tuyen", title=ctx.t("wi_sc_title"),
                formats=formats)


def _reach_text(ctx: PageContext, out: Outcome, which: str) -> str:
    if not out.scope:
        total = int(out.units["target"].notna().sum())
        if not total:  # no target published for the last month's year
            return "–"
        return ctx.t("wi_sc_units_meeting", n=fmt_int(out.units_meeting(which), ctx.lang),
                     total=fmt_int(total, ctx.lang))
    if not out.scope_targets():
        return "–"
    m = out.reach(which)
    return fmt_month(m.first_day, ctx.lang) if m else ctx.t("wi_not_reached")


def _comparison(ctx: PageContext, saved, outcomes, scope_names) -> pd.DataFrame:
    """Side by side: one column per scenario, one row per setting or result (as text)."""
    lang = ctx.lang
    rows = {}
    for spec, out in zip(saved, outcomes):
        p, tot = out.params, out.totals
        rows[spec.name] = {
            ctx.t("wi_scope"): scope_names.get(spec.scope, spec.scope),
            ctx.t("wi_sc_row_procs"): fmt_int(out.n_procedures, lang),
            ctx.t("wi_cut"): fmt_pct(p.discount, lang, 0),
            ctx.t("wi_start"): fmt_month(out.start.first_day, lang),
            ctx.t("wi_end"): fmt_month(out.policy_end.first_day, lang) if out.policy_end
            else ctx.t("wi_open_ended_policy"),
            ctx.t("wi_months"): fmt_month(out.end.first_day, lang),
            ctx.t("wi_sc_row_resp"): ctx.t("wi_pm", value=num(p.response, lang),
                                           unc=num(p.uncertainty, lang)),
            ctx.t("wi_ceil"): fmt_pct(p.ceiling, lang, 0),
            ctx.t("wi_visit"): fmt_vnd(p.visit_cost, lang),
            ctx.t("wi_base"): ctx.t(f"wi_base_{spec.base}"),
            ctx.t("wi_sc_row_online"): ctx.t("wi_arrow", **dict(zip("ab", pair(
                out.at_end("online_base", True), out.at_end("online_scen", True), lang)))),
            ctx.t("wi_sc_row_full"): ctx.t("wi_arrow", **dict(zip("ab", pair(
                out.at_end("full_base"), out.at_end("full_scen"), lang)))),
            ctx.t("wi_sc_row_reach"): ctx.t("wi_arrow", a=_reach_text(ctx, out, "base"),
                                            b=_reach_text(ctx, out, "scen")),
            ctx.t("wi_tile_moved"): fmt_int(tot.moved[0], lang),
            ctx.t("wi_tile_revenue"): fmt_vnd(tot.given_up_year[0], lang),
            ctx.t("wi_tile_savings"): fmt_vnd(tot.savings_year[0], lang),
        }
    return pd.DataFrame(rows)


def _export_table(ctx: PageContext, saved, outcomes, scope_names):
    """One row per scenario, numbers as numbers, for Excel."""
    rows = []
    for spec, out in zip(saved, outcomes):
        p, tot = out.params, out.totals
        rb, rs = out.reach("base"), out.reach("scen")
        rows.append({
            ctx.t("wi_sc_name"): spec.name,
            ctx.t("wi_scope"): scope_names.get(spec.scope, spec.scope),
            ctx.t("wi_sc_row_procs"): out.n_procedures,
            ctx.t("wi_cut"): p.discount,
            ctx.t("wi_start"): str(out.start),
            ctx.t("wi_end"): str(out.policy_end) if out.policy_end else "",
            ctx.t("wi_x_months"): p.horizon,
            ctx.t("wi_resp"): p.response,
            ctx.t("wi_unc"): p.uncertainty,
            ctx.t("wi_ceil"): p.ceiling,
            ctx.t("wi_visit"): p.visit_cost,
            ctx.t("wi_base"): ctx.t(f"wi_base_{spec.base}"),
            ctx.t("wi_x_online_base"): out.at_end("online_base", True),
            ctx.t("wi_x_online_scen"): out.at_end("online_scen", True),
            ctx.t("wi_x_full_base"): out.at_end("full_base"),
            ctx.t("wi_x_full_scen"): out.at_end("full_scen"),
            ctx.t("wi_x_reach_base"): str(rb) if rb else "",
            ctx.t("wi_x_reach_scen"): str(rs) if rs else "",
            ctx.t("wi_tile_moved"): tot.moved[0],
            ctx.t("wi_x_moved_lo"): tot.moved[1],
            ctx.t("wi_x_moved_hi"): tot.moved[2],
            ctx.t("wi_tile_revenue"): tot.given_up_year[0],
            ctx.t("wi_tile_savings"): tot.savings_year[0],
        })
    table = pd.DataFrame(rows)
    pct = [ctx.t(k) for k in ("wi_cut", "wi_ceil", "wi_x_online_base", "wi_x_online_scen",
                              "wi_x_full_base", "wi_x_full_scen")]
    ints = [ctx.t(k) for k in ("wi_sc_row_procs", "wi_x_months", "wi_tile_moved",
                               "wi_x_moved_lo", "wi_x_moved_hi")]
    vnd = [ctx.t(k) for k in ("wi_visit", "wi_tile_revenue", "wi_tile_savings")]
    formats = {c: "pct" for c in pct} | {c: "int" for c in ints} | {c: "vnd" for c in vnd}
    return table, formats
