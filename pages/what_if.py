"""Mô phỏng chính sách phí — what cutting the fee for online submission would do to online
uptake, to the full-process rate and the targets of the projected years, to fee revenue and to
what citizens save. It projects from the month after the latest data, in the units of today:
the 34 provinces (by their plain code in the URL) and the ministries. Every setting is in the
URL (/what_if?scope=44&cut=50&…), so a link reproduces the scenario."""
import streamlit as st

from components import data
from components import whatif_controls as controls
from components import whatif_data as wdata
from components import whatif_scenarios as scenarios
from components import whatif_state as ws
from components import whatif_view as view
from components.context import guard, page_setup, source_note
from data_access.reference import crosswalk
from domain import eras, whatif
from domain.formatting import fmt_int, fmt_month

ctx = page_setup("pages/what_if.py", "nav_what_if")
with guard(ctx):
    st.title(ctx.t("wi_title"))
    st.caption(ctx.t("wi_intro"))
    last = wdata.last_month()
    first = last.plus(1)
    st.caption(ctx.t("wi_data_note", start=fmt_month(last.plus(-11).first_day, ctx.lang),
                     last=fmt_month(last.first_day, ctx.lang),
                     first=fmt_month(first.first_day, ctx.lang)))

    with st.spinner(ctx.t("wi_estimating")):
        est = wdata.estimate()
    default = ws.default_spec(first, est.beta, est.hi - est.beta) if est else \
        ws.default_spec(first, whatif.ASSUMED_RESPONSE, whatif.ASSUMED_UNCERTAINTY)
    name_col = "name_vi" if ctx.lang == "vi" else "name_en"
    locs = data.localities()
    names = dict(zip(locs["code"], locs[name_col]))
    labels = {k: eras.label(n, k, ctx.lang) for k, n in names.items()}
    units = sorted(set(wdata.cells("")["unit"]))
    # the URL names a unit of today by the code people read ("44"; a ministry by its code)
    keys = {"": ""} | {eras.code_of(k): k for k in units}
    scope_names = {"": ctx.t("nation")} | {eras.code_of(k): labels.get(k, k) for k in units}
    fee_procs = wdata.fee_procedures()
    fee_codes = list(fee_procs["code"])
    field_names = dict(zip(fee_procs["field_code"], fee_procs[f"{name_col}_field"]))
    options = controls.cover_options(fee_procs, field_names)

    query = st.query_params.to_dict()
    retired = eras.key(query.get("scope", ""), eras.ERA_63)
    if query.get("scope") not in scope_names and retired in crosswalk().successor:
        new = crosswalk().successor[retired]  # a code of the 63 opens the unit it became
        st.info(ctx.t("code_retired", code=query["scope"], old=names.get(retired, retired),
                      new=labels.get(new, new), new_code=eras.code_of(new)))
        query["scope"] = eras.code_of(new)
    url_spec, bad = ws.from_query(query, default, set(scope_names), first)
    for name in bad:
        st.info(ctx.t("bad_param", name=name, value=st.query_params.get(name),
                      fallback=ctx.t("wi_default")))
    controls.sync_from_url(url_spec, fee_codes, options)
    spec = controls.draw(ctx, scope_names, fee_procs, field_names, first,
                         view.response_note(ctx, est))
    controls.write_url(spec)

    targets = wdata.unit_targets(first)

    def outcome_of(s: ws.Spec) -> view.Outcome:
        key = keys[s.scope]
        return view.Outcome(wdata.cells(key), ws.to_params(s, fee_procs, first), first,
                            targets, key, wdata.history(key))

    out = outcome_of(spec)
    if out.n_free:
        st.caption(ctx.t("wi_free_note", n=fmt_int(out.n_free, ctx.lang)))
    if out.params.start >= out.params.horizon:
        st.warning(ctx.t("wi_start_after", months=fmt_int(spec.months, ctx.lang)))

    st.subheader(ctx.t("wi_sum_title"))
    st.info(view.summary_text(ctx, out, scope_names.get(spec.scope, spec.scope)),
            icon=":material/campaign:")
    view.tiles(ctx, out)
    view.charts(ctx, out)
    if not spec.scope:
        view.unit_table(ctx, out, labels)
    view.estimate_section(ctx, est, labels)

    saved, readable = scenarios.read(default, set(scope_names), first)
    if not readable:
        st.info(ctx.t("wi_sc_bad"))
    scenarios.render(ctx, spec, saved, outcome_of, scope_names, fee_codes, options)
    st.caption(source_note(ctx))
