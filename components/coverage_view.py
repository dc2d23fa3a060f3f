"""For the staff who chase late reports (/data): a month, optionally one province or ministry,
how many expected units have reported, and the list of those that have not, with their last
report. The same list as `python -m data_access.coverage`."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import data
from components.context import PageContext
from components.download import xlsx_button
from components.scope_url import locality_labels
from domain import eras
from domain.coverage import COMPLETE_SHARE, partial_months
from domain.formatting import fmt_date, fmt_int, fmt_month, fmt_pct
from domain.periods import MonthRange


def render(ctx: PageContext) -> None:
    st.subheader(ctx.t("coverage_title"))
    st.caption(ctx.t("coverage_caption", share=fmt_pct(COMPLETE_SHARE, ctx.lang, 0)))
    months = MonthRange(ctx.status["last"].plus(-(data.COVERAGE_MONTHS - 1)),
                        ctx.status["last"]).months()
    partial = [r["month"] for r in partial_months(data.month_coverage(), ctx.complete)]
    default = next((m for m in months if m.first_day in partial), months[-1])
    c1, c2 = st.columns(2)
    month = c1.selectbox(ctx.t("coverage_month"), months[::-1],
                         index=months[::-1].index(default),
                         format_func=lambda m: fmt_month(m.first_day, ctx.lang), key="cov_month")
    labels = locality_labels(ctx)
    locs = data.localities()
    era = eras.era_of(month)
    options = [None] + list(locs.loc[(locs["era"] == era) | (locs["kind"] == "ministry"),
                                     "code"])
    locality = c2.selectbox(ctx.t("cov_col_province"), options,
                            format_func=lambda k: ctx.t("nation") if k is None else labels[k],
                            key=f"cov_loc_{era}")
    counts = data.month_coverage(locality)
    row = counts[counts["month"] == month.first_day]
    late = data.late_units(month, locality)
    if len(row):
        st.metric(ctx.t("cov_col_agency"), ctx.t(
            "month_partial", month=fmt_month(month.first_day, ctx.lang),
            reported=fmt_int(int(row["reported"].iloc[0]), ctx.lang),
            expected=fmt_int(int(row["expected"].iloc[0]), ctx.lang)))
    if late.empty:
        st.success(ctx.t("coverage_none_late", month=fmt_month(month.first_day, ctx.lang)))
        return
    table = pd.DataFrame({
        ctx.t("cov_col_province"): [labels.get(k, k) for k in late["locality_code"]],
        ctx.t("cov_col_code"): late["agency_code"],
        ctx.t("cov_col_agency"): late["agency_vi" if ctx.lang == "vi" else "agency_en"],
        ctx.t("cov_col_last"): [fmt_date(d, ctx.lang) for d in late["last_report_end"]],
    })
    st.dataframe(table, hide_index=True, width="stretch")
    xlsx_button(ctx, table, file_stem=f"chua_bao_cao_{month}",
                title=f"{ctx.t('coverage_title')} — {fmt_month(month.first_day, ctx.lang)}",
                filters={ctx.t("cov_col_province"): ctx.t("nation") if locality is None
                         else labels[locality]})
