"""Where the response comes from, and how well the what-if predicts: the estimate with the
policies it rests on, and the back-tests (each dated policy predicted without it, against
what happened)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components.context import PageContext
from components.whatif.charts import draw_backtest
from components.whatif.view import num, points
from data_access import reference
from domain import whatif
from domain.did import Z95, Estimate, policy_key
from domain.formatting import fmt_date, fmt_int, fmt_month, fmt_pct
from domain.plain import plain, plain_frame
from domain.whatif_backtest import WINDOW, Check, response_spread

CHARTS_PER_ROW = 3


def default_response(est: Estimate | None, checks: list[Check]) -> tuple[float, float, bool]:
    """(response, uncertainty, whether the uncertainty comes from the back-tests): the
    estimate, with the wider of its 95% interval and the back-tests' spread (a new policy's
    response may differ from the past ones' as much as they differed from each other)."""
    if est is None:
        return whatif.ASSUMED_RESPONSE, whatif.ASSUMED_UNCERTAINTY, False
    spread = response_spread(checks)
    half = est.hi - est.beta
    return est.beta, max(half, spread or 0.0), spread is not None and spread > half


def response_note(ctx: PageContext, est: Estimate | None, unc: float,
                  from_backtests: bool) -> str:
    """One line under the response control: where its default comes from."""
    lang = ctx.lang
    if est is None:
        return ctx.t("wi_resp_assumed", value=num(whatif.ASSUMED_RESPONSE, lang),
                     unc=num(whatif.ASSUMED_UNCERTAINTY, lang))
    return ctx.t("wi_resp_estimated", value=num(est.beta, lang), unc=num(unc, lang),
                 lo=num(est.lo, lang), hi=num(est.hi, lang), n=fmt_int(est.n_policies, lang),
                 source=ctx.t("wi_unc_source_backtest" if from_backtests
                              else "wi_unc_source_ci"))


def policy_name(name: str, lang: str) -> str:
    """A fee policy's name in the page's language: the database keeps the reference list's
    name (English but for legal titles), the list a Vietnamese one beside it."""
    if lang != "vi":
        return name
    ref = reference.fee_policies()
    return dict(zip(ref["policy"], ref["policy_vi"])).get(name, name)


def _scope_name(ctx: PageContext, scope: str, valid_from, names: dict[str, str]) -> str:
    if scope == "nation":
        return ctx.t("nation")
    return names.get(policy_key(scope, valid_from), scope)


def estimate_section(ctx: PageContext, est: Estimate | None, names: dict[str, str]) -> None:
    """names: unit key → a name that leaves its era in no doubt (a policy of an old province
    is named as that province)."""
    st.markdown(f"#### {ctx.t('wi_est_title')}")
    if est is None:
        st.info(ctx.t("wi_est_none", value=num(whatif.ASSUMED_RESPONSE, ctx.lang),
                      unc=num(whatif.ASSUMED_UNCERTAINTY, ctx.lang)))
        st.caption(ctx.t("wi_est_thin"))
        return
    lang = ctx.lang
    with st.container(border=True):
        st.markdown(ctx.t("wi_est_line", value=num(est.beta, lang), lo=num(est.lo, lang),
                          hi=num(est.hi, lang), n=fmt_int(est.n_policies, lang),
                          cells=fmt_int(est.n_treated_cells, lang),
                          obs=fmt_int(est.n_obs, lang)))
        st.caption(ctx.t("wi_est_meaning",
                         full=fmt_pct(whatif.sigmoid(whatif.logit(0.6) + est.beta), lang, 0),
                         half=fmt_pct(whatif.sigmoid(whatif.logit(0.6) + est.beta / 2), lang, 0)))
        rows = []
        for p in est.policies:
            period = fmt_date(p.valid_from, lang) + " – " + (
                fmt_date(p.valid_to, lang) if p.valid_to else ctx.t("wi_open_ended"))
            own = ctx.t("wi_own_estimate", value=num(p.beta, lang),
                        lo=num(p.beta - Z95 * p.se, lang), hi=num(p.beta + Z95 * p.se, lang)) \
                if p.beta is not None else "–"
            rows.append({
                ctx.t("wi_pcol_name"): policy_name(p.name, lang),
                ctx.t("wi_pcol_scope"): _scope_name(ctx, p.scope, p.valid_from, names),
                ctx.t("wi_pcol_cut"): fmt_pct(p.discount_pct / 100, lang, 0),
                ctx.t("wi_pcol_period"): period,
                ctx.t("wi_pcol_cells"): fmt_int(p.changed_cells, lang),
                ctx.t("wi_pcol_own"): own,
                ctx.t("wi_pcol_use"): ctx.t("wi_used") if p.used
                else ctx.t(f"wi_unused_{p.reason}"),
            })
        st.table(plain_frame(pd.DataFrame(rows).set_index(ctx.t("wi_pcol_name"))))
        st.caption(ctx.t("wi_est_method", se_cells=num(est.se_cells, lang, 3),
                         se_jack=num(est.se_jackknife, lang, 3)
                         if est.se_jackknife is not None else "–"))
        st.caption(ctx.t("wi_est_thin"))


def _event(ctx: PageContext, check: Check) -> str:
    if check.origin is None:
        return ctx.t(f"wi_bt_event_{check.event}_plain")
    return ctx.t(f"wi_bt_event_{check.event}",
                 month=fmt_month(check.origin.plus(1).first_day, ctx.lang))


def backtest_table(ctx: PageContext, checks: list[Check]) -> pd.DataFrame:
    """One row per back-test (as text): the prediction's effect and errors, in points; a
    back-test the data does not allow says why."""
    lang, rows = ctx.lang, []
    for c in checks:
        row = {ctx.t("wi_bt_col_policy"): policy_name(c.name, lang),
               ctx.t("wi_bt_col_event"): _event(ctx, c)}
        if c.done:
            row |= {
                ctx.t("wi_bt_col_cells"): ctx.t("wi_bt_cells", units=fmt_int(c.units, lang),
                                                procs=fmt_int(c.procedures, lang),
                                                months=fmt_int(len(c.months), lang)),
                ctx.t("wi_bt_col_response"): num(c.response, lang),
                ctx.t("wi_bt_col_predicted"): points(c.effect, lang),
                ctx.t("wi_bt_col_observed"): points(c.observed_effect, lang)
                if c.observed_effect is not None else "–",
                ctx.t("wi_bt_col_error"): points(c.effect_error, lang)
                if c.effect_error is not None else "–",
                ctx.t("wi_bt_col_mae"): points(c.mae, lang).lstrip("+"),
                ctx.t("wi_bt_col_mae_without"): points(c.mae_without, lang).lstrip("+"),
            }
        else:
            row[ctx.t("wi_bt_col_cells")] = ctx.t(f"wi_bt_reason_{c.reason}")
        rows.append(row)
    return pd.DataFrame(rows).fillna("")


def backtest_section(ctx: PageContext, checks: list[Check]) -> None:
    st.markdown(f"#### {ctx.t('wi_bt_title')}")
    st.caption(ctx.t("wi_bt_intro", months=WINDOW))
    if not checks:
        st.info(ctx.t("wi_bt_none"))
        return
    st.table(plain_frame(backtest_table(ctx, checks).set_index(ctx.t("wi_bt_col_policy"))))
    done = [c for c in checks if c.done]
    for start in range(0, len(done), CHARTS_PER_ROW):
        cols = st.columns(CHARTS_PER_ROW)
        for col, check in zip(cols, done[start:start + CHARTS_PER_ROW]):
            with col:
                st.markdown(f"**{plain(policy_name(check.name, ctx.lang))}** · "
                            f"{_event(ctx, check)}")
                draw_backtest(ctx, check)
                st.caption(ctx.t("wi_bt_chart_caption",
                                 origin=fmt_month(check.origin.first_day, ctx.lang),
                                 mae=points(check.mae, ctx.lang).lstrip("+"),
                                 without=points(check.mae_without, ctx.lang).lstrip("+")))
    errors = [abs(c.effect_error) for c in done if c.effect_error is not None]
    if errors:
        st.caption(ctx.t("wi_bt_summary", worst=points(max(errors), ctx.lang).lstrip("+"),
                         n=fmt_int(len(errors), ctx.lang)))
