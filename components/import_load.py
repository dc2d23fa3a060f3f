"""The /data page's loading block: the file, its options (replace, create new agencies, a
period for a form without one), the check or the load, and its outcome with every problem
located (sheet, row, column). The importer does the work (data_access.importer); nothing is
written unless the person presses Load and the file passes every check."""
from __future__ import annotations

import streamlit as st

from components import auth, data
from components.upload import file_uploader
from data_access import importer
from domain.formatting import fmt_megabytes
from domain.validation import MAX_BYTES, describe
from domain.plain import plain


def _run(ctx, upload, replace: bool, create: bool, dry_run: bool, period, who) -> None:
    bar = st.progress(0.0, text=ctx.t("data_stage_read"))
    result = importer.import_file(
        data.db(), upload.getvalue(), upload.name, replace=replace, dry_run=dry_run,
        identity=who, period=period, create_agencies=create,
        progress=lambda f, stage: bar.progress(min(max(f, 0.0), 1.0),
                                               text=ctx.t(f"data_stage_{stage}")))
    bar.empty()
    if result.outcome == "ok":
        data.clear()
    st.session_state["data_result"] = result


def _show(ctx, result) -> None:
    # the summary names the uploaded file: text, never markdown
    (st.success if result.ok else st.error)(plain(result.summary(ctx.lang)))
    for key, items, box in (("data_errors", result.errors, st.error),
                            ("data_warnings", result.warnings, st.warning)):
        if items:  # plain text: a file's names and values are never markdown
            box(ctx.t(key, n=len(items)))
            st.text("\n".join(f"• {describe(i, ctx.lang)}" for i in items[:200]))
    if result.preview is not None and result.ok:
        with st.expander(ctx.t("data_preview")):
            st.dataframe(result.preview, hide_index=True, width="stretch")


def load_section(ctx, who) -> None:
    """The upload control, for those who may load (components/auth.py); the importer checks
    the units of the file against the person's grants again before writing."""
    st.subheader(ctx.t("data_load"))
    refusal = auth.load_refusal(ctx, who)
    if refusal:
        st.info(refusal, icon=":material/lock:")
        return
    st.caption(auth.grant_scope(ctx, who))
    st.caption(ctx.t("data_load_intro", limit=fmt_megabytes(MAX_BYTES, ctx.lang)))
    # the server refuses larger uploads too (server.maxUploadSize), and so does the importer
    upload = file_uploader(ctx, ctx.t("data_file"), key="data_upload")
    replace = st.checkbox(ctx.t("data_replace"), key="data_replace")
    create = st.checkbox(ctx.t("data_create_agencies"), key="data_create_agencies") \
        if who.may_change_reference else False
    with st.expander(ctx.t("data_period_hint")):
        c1, c2 = st.columns(2)
        start = c1.date_input(ctx.t("data_period_start"), value=None, format="DD/MM/YYYY")
        end = c2.date_input(ctx.t("data_period_end"), value=None, format="DD/MM/YYYY")
    period = (start, end) if start and end and start <= end else None
    c1, c2, _ = st.columns([1, 1, 2])
    check = c1.button(ctx.t("data_check"), disabled=upload is None, key="data_check_btn")
    load = c2.button(ctx.t("data_do_load"), type="primary", disabled=upload is None,
                     key="data_load_btn")
    if upload is not None and (check or load):
        _run(ctx, upload, replace, create, check, period, who)
    result = st.session_state.get("data_result")
    if result is not None and upload is not None and result.file_name == upload.name:
        _show(ctx, result)
