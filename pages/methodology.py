"""Phương pháp và nguồn — every metric with its definition and source, every target with its."""
import pandas as pd
import streamlit as st

from components import data
from components.context import guard, page_setup
from components.scope_url import locality_labels
from components.download import xlsx_button
from data_access import reference
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

    def metric_label(key: str) -> str:
        metric = metric_for_target(key)
        return metric.label(ctx.lang) if metric else ctx.t(f"target_metric_{key}")

    # the notes as published are English; the reference lists carry them in Vietnamese too
    ref = reference.targets()
    notes = dict(zip(ref["note"], ref["note_vi"])) if ctx.lang == "vi" else {}
    targets = pd.DataFrame([{
        ctx.t("col_year"): str(tg.year),
        ctx.t("col_scope"): scope_label(tg.scope),
        ctx.t("col_level"): ctx.t(f"level_{tg.level}") if tg.level else "",
        ctx.t("metric"): metric_label(tg.metric),
        ctx.t("col_value"): fmt_pct(tg.value, ctx.lang, 0),
        ctx.t("col_source"): tg.source,
        ctx.t("col_note"): notes.get(tg.note, tg.note),
    } for tg in data.targets()])
    # the level's words ("Cơ quan cấp tỉnh") are wider than the first rows' blanks it is sized on
    st.dataframe(targets, hide_index=True, width="stretch", column_config={
        ctx.t("col_level"): st.column_config.TextColumn(width="medium")})
    xlsx_button(ctx, targets, file_stem="chi_tieu", title=ctx.t("method_targets"))

    st.caption(ctx.t("map_attribution"))
