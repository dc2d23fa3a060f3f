"""The what-if's controls: the policy (scope, procedures or fields, cut, start, end, horizon)
and the assumptions (response ± uncertainty, adoption ceiling, cost of a visit, baseline).
Every value a control shows is formatted by Babel (0,80; 245.000 đồng; 12/2027): sliders are
select_sliders over their values, each labelled in the page's language. Widgets take their
values from the URL when it changes from outside (a link, back/forward) and write every change
back to it."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

import streamlit as st

from components.context import PageContext
from components.whatif import state as ws
from components.whatif.view import num
from domain.formatting import fmt_int, fmt_month, fmt_pct, fmt_vnd
from domain.params import BOUNDED
from domain.periods import Month
from domain.plain import echo, plain
from domain.whatif import MAX_AHEAD, logit, sigmoid

KEYS = {f: f"wi_{f}" for f in ws.PARAMS}
LAST_QUERY, COVER_DEFAULT = "wi_last_query", "wi_cover_default"
OPEN = "open"  # the end control's last option: no end


@lru_cache(maxsize=8192)
def label(kind: str, value, lang: str) -> str:
    """A control's value as it reads (Streamlit formats every option on every run: kept)."""
    if kind == "pct":
        return fmt_pct(value / 100, lang, 0)
    if kind == "month":
        return fmt_month(value.first_day, lang)
    if kind == "vnd":
        return fmt_vnd(value, lang)
    return ("± " if kind == "pm" else "") + num(value, lang)


def cover_options(fee_procs, field_names: dict[str, str]) -> list[str]:
    """Fields first (f:<code>), then the procedures."""
    fields_used = [f for f in dict.fromkeys(fee_procs["field_code"]) if f in field_names]
    return [ws.FIELD_PREFIX + f for f in fields_used] + list(fee_procs["code"])


def hundredths(top: float) -> list[float]:
    return [round(i / 100, 2) for i in range(int(round(top * 100)) + 1)]


def visit_options(value: int) -> list[int]:
    """Every 5.000 đồng to 1 triệu, and the value itself when a link names another."""
    return sorted(set(range(0, ws.VISIT_MAX + 1, ws.VISIT_STEP)) | {int(value)})


def report_url(ctx: PageContext, problems: dict[str, str], spec: ws.Spec, first: Month) -> None:
    """Say which values of the URL are not shown as asked, and what is shown instead."""
    lang = ctx.lang
    shown = {"cut": lambda v: label("pct", v, lang), "ceil": lambda v: label("pct", v, lang),
             "months": lambda v: label("month", first.plus(v - 1), lang),
             "resp": lambda v: label("num", v, lang), "unc": lambda v: label("pm", v, lang),
             "visit": lambda v: label("vnd", v, lang)}
    for name, problem in problems.items():
        value = echo(st.query_params.get(name))
        if problem == BOUNDED:
            st.info(ctx.t("param_bounded", name=ctx.t(f"param_wi_{name}"), param=name, value=value,
                          shown=plain(shown[name](getattr(spec, name)))))
        else:
            st.info(ctx.t("bad_param", name=ctx.t(f"param_wi_{name}"), param=name, value=value,
                          fallback=ctx.t("wi_default")))


def seed(spec: ws.Spec, default_cover: tuple[str, ...], options: list[str]) -> None:
    """Put a spec into the widgets (before they are drawn)."""
    ss = st.session_state
    ss[KEYS["scope"]] = spec.scope
    cover = default_cover if spec.cover is None else spec.cover
    ss[KEYS["cover"]] = [c for c in cover if c in options]
    ss[COVER_DEFAULT] = tuple(default_cover)
    ss[KEYS["cut"]] = spec.cut
    ss[KEYS["start"]] = spec.start
    ss[KEYS["end"]] = spec.end or OPEN
    ss[KEYS["months"]] = spec.months
    ss[KEYS["resp"]] = round(float(spec.resp), 2)
    ss[KEYS["unc"]] = round(float(spec.unc), 2)
    ss[KEYS["ceil"]] = spec.ceil
    ss[KEYS["visit"]] = int(spec.visit)
    ss[KEYS["base"]] = spec.base


def _url_spec_query() -> dict:
    return {k: st.query_params.get(k) for k in ws.PARAMS if st.query_params.get(k) is not None}


def sync_from_url(url_spec: ws.Spec, default_cover: tuple[str, ...], options: list[str]) -> None:
    """Seed the widgets on the first run, or when the URL changed since this page wrote it."""
    if KEYS["cut"] not in st.session_state or \
            st.session_state.get(LAST_QUERY) != _url_spec_query():
        seed(url_spec, default_cover, options)


def write_url(spec: ws.Spec) -> None:
    query = ws.to_query(spec)
    for k in ws.PARAMS:
        if k not in query and k in st.query_params:
            del st.query_params[k]
    st.query_params.update(query)
    st.session_state[LAST_QUERY] = dict(query)


def _follow_scope(default_of: Callable[[str], tuple[str, ...]], options: list[str]) -> None:
    """A new scope brings its own default procedures, unless the user chose others."""
    ss = st.session_state
    new = default_of(ss[KEYS["scope"]])
    if tuple(ss[KEYS["cover"]]) == tuple(ss.get(COVER_DEFAULT, ())):
        ss[KEYS["cover"]] = [c for c in new if c in options]
    ss[COVER_DEFAULT] = tuple(new)


def draw(ctx: PageContext, scopes: dict[str, str], fee_procs, field_names: dict[str, str],
         first: Month, response_note: str, default_of: Callable[[str], tuple[str, ...]],
         shares: dict[str, float]) -> ws.Spec:
    """Every control; the spec they set. default_of: scope → its default procedures;
    shares: procedure → its online share in the scope (last 3 months), shown in its label."""
    lang = ctx.lang
    name = "name_vi" if lang == "vi" else "name_en"
    proc_label = {}
    for r in fee_procs.to_dict("records"):
        share = shares.get(r["code"])
        proc_label[r["code"]] = ctx.t(
            "wi_proc_option", name=r[name], fee=fmt_vnd(r["fee_direct_vnd"], lang),
            online=fmt_pct(share, lang) if share is not None else "–")
    options = cover_options(fee_procs, field_names)

    def cover_label(token: str) -> str:
        if token.startswith(ws.FIELD_PREFIX):
            return ctx.t("wi_field_option", name=field_names[token[len(ws.FIELD_PREFIX):]])
        return proc_label.get(token, token)

    month = lambda m: label("month", m, lang)  # noqa: E731
    ss = st.session_state
    st.markdown(f"#### {ctx.t('wi_policy_heading')}")
    st.selectbox(ctx.t("wi_scope"), list(scopes), format_func=scopes.get, key=KEYS["scope"],
                 on_change=_follow_scope, args=(default_of, options))
    st.multiselect(ctx.t("wi_cover"), options, format_func=cover_label, key=KEYS["cover"],
                   help=ctx.t("wi_cover_help"), placeholder=ctx.t("wi_cover_none"))
    st.caption(ctx.t("wi_cover_default"))
    st.select_slider(ctx.t("wi_cut"), list(range(ws.CUT_RANGE[0], ws.CUT_RANGE[1] + 1,
                                                 ws.CUT_STEP)),
                     format_func=lambda v: label("pct", v, lang), key=KEYS["cut"],
                     help=ctx.t("wi_cut_help"))
    c1, c2 = st.columns(2)
    with c1:
        st.select_slider(ctx.t("wi_start"), [first.plus(i) for i in range(ws.START_SPAN)],
                         key=KEYS["start"], format_func=month)
    with c2:
        st.select_slider(ctx.t("wi_end"), [first.plus(i) for i in range(MAX_AHEAD)] + [OPEN],
                         key=KEYS["end"], help=ctx.t("wi_end_help"),
                         format_func=lambda m: ctx.t("wi_open_ended_policy") if m == OPEN
                         else month(m))
    st.select_slider(ctx.t("wi_months"), list(range(ws.MONTHS_RANGE[0],
                                                    ws.MONTHS_RANGE[1] + 1)),
                     key=KEYS["months"], help=ctx.t("wi_months_help"),
                     format_func=lambda n: month(first.plus(n - 1)))
    st.caption(ctx.t("wi_combine"))
    st.markdown(f"#### {ctx.t('wi_assume_heading')}")
    c1, c2 = st.columns([3, 2])
    with c1:
        st.select_slider(ctx.t("wi_resp"), hundredths(ws.RESP_MAX), key=KEYS["resp"],
                         format_func=lambda v: label("num", v, lang),
                         help=ctx.t("wi_resp_help"))
    with c2:
        st.select_slider(ctx.t("wi_unc"), hundredths(ws.UNC_MAX), key=KEYS["unc"],
                         format_func=lambda v: label("pm", v, lang),
                         help=ctx.t("wi_unc_help"))
    resp, unc = ss[KEYS["resp"]], ss[KEYS["unc"]]
    lo, hi = max(0.0, resp - unc), resp + unc
    example = [fmt_pct(sigmoid(logit(0.6) + b), lang, 0) for b in (resp, lo, hi)]
    spread = "" if example[1] == example[2] else \
        f" ({ctx.t('wi_range', lo=example[1], hi=example[2])})"
    st.caption(response_note + " " + ctx.t("wi_resp_example", mid=example[0], range=spread))
    st.select_slider(ctx.t("wi_ceil"), list(range(ws.CEIL_RANGE[0], ws.CEIL_RANGE[1] + 1)),
                     format_func=lambda v: label("pct", v, lang), key=KEYS["ceil"],
                     help=ctx.t("wi_ceil_help"))
    st.select_slider(ctx.t("wi_visit"), visit_options(ss[KEYS["visit"]]),
                     format_func=lambda v: label("vnd", v, lang), key=KEYS["visit"],
                     help=ctx.t("wi_visit_help"))
    st.caption(ctx.t("wi_visit_basis", value=fmt_int(ws.Spec().visit, lang)))
    st.radio(ctx.t("wi_base"), ws.BASES, key=KEYS["base"], horizontal=True,
             format_func=lambda b: ctx.t(f"wi_base_{b}"), help=ctx.t("wi_base_help"))
    chosen = tuple(ss[KEYS["cover"]])
    end = ss[KEYS["end"]]
    return ws.Spec(scope=ss[KEYS["scope"]],
                   cover=None if chosen == tuple(ss.get(COVER_DEFAULT, ())) else chosen,
                   cut=int(ss[KEYS["cut"]]), start=ss[KEYS["start"]],
                   end=None if end == OPEN else end, months=int(ss[KEYS["months"]]),
                   resp=round(float(ss[KEYS["resp"]]), 2), unc=round(float(ss[KEYS["unc"]]), 2),
                   ceil=int(ss[KEYS["ceil"]]), visit=int(ss[KEYS["visit"]]),
                   base=ss[KEYS["base"]])
