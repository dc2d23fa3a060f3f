"""Phương pháp và nguồn — every metric with its definition and source, every target with its."""
import pandas as pd
import streamlit as st

from components import data
from components.context import guard, page_setup
from components.scope_url import locality_labels
from components.download import xlsx_button
from domain.formatting import fmt_pct
from domain.metrics import METRICS, metric_for_target

ctx = page_setup("pages/methodology.py", "nav_methodology")
with guard(ctx):
    st.title(ctx.t("method_title"))
    st.markdown(ctx.t("method_intro"))

    st.subheader(ctx.t("method_metrics"))
    metrics = pd.DataFrame([{
        ctx.t("metric"): m.label(ctx.lang),
        ctx.t("col_definition"): m.definition(ctx.lang),
        ctx.t("col_kind"): f"{ctx.t('kind_' + m.kind.value)} · {ctx.t('agg_' + m.aggregation)}",
        ctx.t("col_better"): ctx.t(f"better_{m.better or 'none'}"),
        ctx.t("col_source"): m.source,
    } for m in METRICS.values()])
    st.table(metrics.set_index(ctx.t("metric")))
    xlsx_button(ctx, metrics, file_stem="chi_so", title=ctx.t("method_metrics"))

    st.subheader(ctx.t("method_targets"))
    names = locality_labels(ctx)  # a province target names the unit of its year's era

    def scope_label(scope: str) -> str:
        if scope.startswith("province:"):
            return ctx.t("scope_province", name=names.get(scope.split(":", 1)[1], scope))
        return ctx.t(f"scope_{scope}")

    targets = pd.DataFrame([{
        ctx.t("col_year"): str(tg.year),
        ctx.t("col_scope"): scope_label(tg.scope),
        ctx.t("col_level"): tg.level or "",
        ctx.t("metric"): (metric_for_target(tg.metric).label(ctx.lang)
                          if metric_for_target(tg.metric) else tg.metric),
        ctx.t("col_value"): fmt_pct(tg.value, ctx.lang, 0),
        ctx.t("col_source"): tg.source,
        ctx.t("col_note"): tg.note,
    } for tg in data.targets()])
    st.dataframe(targets, hide_index=True, width="stretch")
    xlsx_button(ctx, targets, file_stem="chi_tieu", title=ctx.t("method_targets"))

    st.caption(ctx.t("map_attribution"))
