"""Mô phỏng chính sách phí — what cutting the fee for online submission would do to online
uptake, to the full-process rate and the targets of the projected years, to fee revenue and to
what citizens save. It continues the data from its last complete month, in the units of today:
the 34 provinces (by their plain code in the URL) and the ministries; it shows how the response
was estimated and how well the what-if predicted the dated policies we know. Every setting is
in the URL (/what_if?scope=44&cut=50&…), so a link reproduces the scenario."""
import streamlit as st

from components import data
from components.context import guard, page_setup, source_note
from components.whatif import charts, controls, evidence, scenarios, view
from components.whatif import data as wdata
from components.whatif import state as ws
from data_access.reference import crosswalk
from domain import eras
from domain.formatting import fmt_month
from domain.plain import echo, plain

ctx = page_setup("pages/what_if.py", "nav_what_if")
with guard(ctx):
    last = ctx.complete  # the last month complete for the nation: the baseline continues it
    first = last.plus(1)
    span = {"start": fmt_month(last.plus(-11).first_day, ctx.lang),
            "last": fmt_month(last.first_day, ctx.lang)}
    st.sidebar.info(ctx.t("wi_sidebar_note", **span), icon=":material/info:")
    st.title(ctx.t("wi_title"))
    st.caption(ctx.t("wi_intro"))
    st.caption(ctx.t("wi_data_note", first=fmt_month(first.first_day, ctx.lang), **span))

    with st.spinner(ctx.t("wi_estimating")):
        est, checks = wdata.estimate(), wdata.checks(last)
    resp, unc, from_backtests = evidence.default_response(est, checks)
    default = ws.default_spec(first, resp, unc)
    name_col = "name_vi" if ctx.lang == "vi" else "name_en"
    locs = data.localities()
    names = dict(zip(locs["code"], locs[name_col]))
    labels = {k: eras.label(n, k, ctx.lang) for k, n in names.items()}
    units = sorted(set(wdata.inputs(last, "").cells["unit"]))
    # the URL names a unit of today by the code people read ("44"; a ministry by its code)
    keys = {"": ""} | {eras.code_of(k): k for k in units}
    scope_names = {"": ctx.t("nation")} | {eras.code_of(k): labels.get(k, k) for k in units}
    fee_procs = wdata.fee_procedures()
    field_names = dict(zip(fee_procs["field_code"], fee_procs[f"{name_col}_field"]))
    options = controls.cover_options(fee_procs, field_names)

    def default_of(code: str) -> tuple[str, ...]:
        return wdata.default_cover(last, keys[code])

    query = st.query_params.to_dict()
    retired = eras.key(query.get("scope", ""), eras.ERA_63)
    if query.get("scope") not in scope_names and retired in crosswalk().successor:
        new = crosswalk().successor[retired]  # a code of the 63 opens the unit it became
        st.info(ctx.t("code_retired", code=echo(query["scope"]),
                      old=plain(names.get(retired, retired)), new=plain(labels.get(new, new)),
                      new_code=plain(eras.code_of(new))))
        query["scope"] = eras.code_of(new)
    url_spec, problems = ws.from_query(query, default, set(scope_names), first)
    controls.report_url(ctx, problems, url_spec, first)
    controls.sync_from_url(url_spec, default_of(url_spec.scope), options)
    shown = st.session_state[controls.KEYS["scope"]]
    shares = wdata.online_shares(last, keys[shown])
    settings, results = st.columns([1, 2], gap="large")  # the results beside the controls
    with settings:
        spec = controls.draw(ctx, scope_names, fee_procs, field_names, first,
                             evidence.response_note(ctx, est, default.unc, from_backtests),
                             default_of, shares)
    controls.write_url(spec)

    targets = wdata.unit_targets(first)

    def outcome_of(s: ws.Spec) -> view.Outcome:
        return view.Outcome(wdata.inputs(last, keys[s.scope]),
                            ws.to_params(s, fee_procs, first, default_of(s.scope)), targets,
                            keys[s.scope])

    out = outcome_of(spec)
    out.history = wdata.history(last, keys[spec.scope])
    out.covered_history = wdata.history(last, keys[spec.scope], out.procedures) \
        if out.procedures else None
    scope_name = scope_names.get(spec.scope, spec.scope)
    with results:
        view.notes(ctx, out)
        st.info(view.summary_text(ctx, out, scope_name), icon=":material/campaign:")
        charts.scenario_charts(ctx, out, scope_name)
        view.tiles(ctx, out, scope_name)
    if not spec.scope:
        view.unit_table(ctx, out, labels)
    evidence.estimate_section(ctx, est, labels)
    evidence.backtest_section(ctx, checks)

    saved, readable = scenarios.read(default, set(scope_names), first)
    if not readable:
        st.info(ctx.t("wi_sc_bad"))
    scenarios.render(ctx, spec, saved, outcome_of, scope_names, default_of, options)
    st.caption(plain(source_note(ctx)))
