"""The what-if's controls: the policy (scope, procedures or fields, cut, start, horizon) and the
assumptions (response ± uncertainty, adoption ceiling, cost of a visit, baseline). Widgets take
their values from the URL when it changes from outside (a link, back/forward) and write every
change back to it."""
from __future__ import annotations

import streamlit as st

from components import whatif_state as ws
from components.context import PageContext
from domain.formatting import fmt_int, fmt_month, fmt_pct, fmt_vnd
from domain.periods import Month
from domain.whatif import logit, sigmoid

KEYS = {f: f"wi_{f}" for f in ("scope", "cover", "cut", "start", "months", "resp", "unc",
                                "ceil", "visit", "base")}
LAST_QUERY = "wi_last_query"
OWN_PARAMS = ws.PARAMS


def cover_options(fee_procs, field_names: dict[str, str]) -> list[str]:
    """Fields first (f:<code>), then the procedures."""
    fields_used = [f for f in dict.fromkeys(fee_procs["field_code"]) if f in field_names]
    return [ws.FIELD_PREFIX + f for f in fields_used] + list(fee_procs["code"])


def seed(spec: ws.Spec, fee_codes: list[str], options: list[str]) -> None:
    """Put a spec into the widgets (before they are drawn)."""
    st.session_state[KEYS["scope"]] = spec.scope
    st.session_state[KEYS["cover"]] = [c for c in spec.cover if c in options] \
        if spec.cover is not None else list(fee_codes)
    st.session_state[KEYS["cut"]] = spec.cut
    st.session_state[KEYS["start"]] = spec.start
    st.session_state[KEYS["months"]] = spec.months
    st.session_state[KEYS["resp"]] = float(spec.resp)
    st.session_state[KEYS["unc"]] = float(spec.unc)
    st.session_state[KEYS["ceil"]] = spec.ceil
    st.session_state[KEYS["visit"]] = int(spec.visit)
    st.session_state[KEYS["base"]] = spec.base


def _url_spec_query() -> dict:
    return {k: st.query_params.get(k) for k in OWN_PARAMS if st.query_params.get(k) is not None}


def sync_from_url(url_spec: ws.Spec, fee_codes: list[str], options: list[str]) -> None:
    """Seed the widgets on the first run, or when the URL changed since this page wrote it."""
    current = _url_spec_query()
    if KEYS["cut"] not in st.session_state or st.session_state.get(LAST_QUERY) != current:
        seed(url_spec, fee_codes, options)


def write_url(spec: ws.Spec) -> None:
    query = ws.to_query(spec)
    for k in OWN_PARAMS:
        if k not in query and k in st.query_params:
            del st.query_params[k]
    st.query_params.update(query)
    st.session_state[LAST_QUERY] = {k: v for k, v in query.items()}


def draw(ctx: PageContext, scopes: dict[str, str], fee_procs, field_names: dict[str, str],
         first: Month, response_note: str) -> ws.Spec:
    """Every control; the spec they set."""
    policy, assume = st.columns(2, gap="large")
    fee_codes = list(fee_procs["code"])
    name = "name_vi" if ctx.lang == "vi" else "name_en"
    proc_label = {r["code"]: f"{r[name]} ({fmt_vnd(r['fee_direct_vnd'], ctx.lang)})"
                  for r in fee_procs.to_dict("records")}
    options = cover_options(fee_procs, field_names)

    def cover_label(token: str) -> str:
        if token.startswith(ws.FIELD_PREFIX):
            return ctx.t("wi_field_option", name=field_names[token[len(ws.FIELD_PREFIX):]])
        return proc_label.get(token, token)

    starts = [first.plus(i) for i in range(ws.START_SPAN)]
    with policy:
        st.markdown(f"#### {ctx.t('wi_policy_heading')}")
        st.selectbox(ctx.t("wi_scope"), list(scopes), format_func=scopes.get, key=KEYS["scope"])
        st.multiselect(ctx.t("wi_cover"), options, format_func=cover_label, key=KEYS["cover"],
                       help=ctx.t("wi_cover_help"), placeholder=ctx.t("wi_cover_none"))
        st.slider(ctx.t("wi_cut"), *ws.CUT_RANGE, step=5, format="%d%%", key=KEYS["cut"],
                  help=ctx.t("wi_cut_help"))
        c1, c2 = st.columns(2)
        with c1:
            st.select_slider(ctx.t("wi_start"), starts, key=KEYS["start"],
                             format_func=lambda m: fmt_month(m.first_day, ctx.lang))
        with c2:
            st.slider(ctx.t("wi_months"), *ws.MONTHS_RANGE, key=KEYS["months"],
                      help=ctx.t("wi_months_help"))
    with assume:
        st.markdown(f"#### {ctx.t('wi_assume_heading')}")
        c1, c2 = st.columns([3, 2])
        with c1:
            st.slider(ctx.t("wi_resp"), 0.0, ws.RESP_MAX, step=0.01, key=KEYS["resp"],
                      help=ctx.t("wi_resp_help"))
        with c2:
            st.slider(ctx.t("wi_unc"), 0.0, ws.UNC_MAX, step=0.01, key=KEYS["unc"],
                      help=ctx.t("wi_unc_help"))
        resp, unc = st.session_state[KEYS["resp"]], st.session_state[KEYS["unc"]]
        lo, hi = max(0.0, resp - unc), resp + unc
        example = [fmt_pct(sigmoid(logit(0.6) + b), ctx.lang, 0) for b in (resp, lo, hi)]
        spread = "" if example[1] == example[2] else \
            f" ({ctx.t('wi_range', lo=example[1], hi=example[2])})"
        st.caption(response_note + " " + ctx.t("wi_resp_example", mid=example[0], range=spread))
        st.slider(ctx.t("wi_ceil"), *ws.CEIL_RANGE, format="%d%%", key=KEYS["ceil"],
                  help=ctx.t("wi_ceil_help"))
        st.number_input(ctx.t("wi_visit"), min_value=0, max_value=10_000_000, step=5_000,
                        key=KEYS["visit"], help=ctx.t("wi_visit_help"))
        st.caption(ctx.t("wi_visit_basis", value=fmt_int(ws.Spec().visit, ctx.lang)))
        st.radio(ctx.t("wi_base"), ws.BASES, key=KEYS["base"], horizontal=True,
                 format_func=lambda b: ctx.t(f"wi_base_{b}"), help=ctx.t("wi_base_help"))
    ss = st.session_state
    chosen = tuple(ss[KEYS["cover"]])
    cover = None if list(chosen) == fee_codes else chosen
    return ws.Spec(scope=ss[KEYS["scope"]], cover=cover, cut=int(ss[KEYS["cut"]]),
                   start=ss[KEYS["start"]], months=int(ss[KEYS["months"]]),
                   resp=round(float(ss[KEYS["resp"]]), 2), unc=round(float(ss[KEYS["unc"]]), 2),
                   ceil=int(ss[KEYS["ceil"]]), visit=int(ss[KEYS["visit"]]),
                   base=ss[KEYS["base"]])
