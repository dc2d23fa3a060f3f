"""Loading published scores on the page: the template (.xlsx, .csv), a file checked or loaded
by data_access.index766.load (all or nothing, every problem located), and its outcome."""
from __future__ import annotations

import streamlit as st

from components import auth, data
from components.upload import file_uploader
from components.context import PageContext
from data_access import index766 as store
from data_access.xlsx import XLSX_MIME
from domain.plain import plain
from domain.validation import describe


def render(ctx: PageContext) -> None:
    with st.expander(ctx.t("i766_load_title"), icon=":material/upload_file:"):
        st.caption(ctx.t("i766_load_help"))
        c1, c2, _ = st.columns([1, 1, 2])
        c1.download_button(ctx.t("i766_template_xlsx"), data=store.template_xlsx(ctx.lang),
                           file_name="mau_chi_so_766.xlsx", mime=XLSX_MIME, key="i766_tpl_xlsx")
        c2.download_button(ctx.t("i766_template_csv"), data=store.template_csv(),
                           file_name="mau_chi_so_766.csv", mime="text/csv", key="i766_tpl_csv")
        who = auth.identity()
        refusal = auth.load_refusal(ctx, who)
        if refusal:
            st.info(refusal, icon=":material/lock:")
            return
        st.caption(auth.grant_scope(ctx, who))
        upload = file_uploader(ctx, ctx.t("i766_file"), key="i766_upload", types=["xlsx", "csv"])
        replace = st.checkbox(ctx.t("i766_replace"), key="i766_replace")
        c1, c2, _ = st.columns([1, 1, 2])
        check = c1.button(ctx.t("i766_check"), disabled=upload is None, key="i766_check_btn")
        load = c2.button(ctx.t("i766_do_load"), type="primary", disabled=upload is None,
                         key="i766_load_btn")
        if upload is not None and (check or load):
            result = store.load(data.db(), upload.getvalue(), upload.name, replace=replace,
                                dry_run=check, identity=who)
            if result.outcome == "ok":
                data.clear()
            st.session_state["i766_result"] = result
        result = st.session_state.get("i766_result")
        if result is not None:
            # the summary names the uploaded file: text, never markdown
            (st.success if result.ok else st.error)(plain(result.summary(ctx.lang)))
            for key, items in (("i766_errors", result.errors), ("i766_warnings", result.warnings)):
                if items:  # plain text: a file's names and values are never markdown
                    st.markdown(f"**{ctx.t(key, n=len(items))}**")
                    st.text("\n".join(f"• {describe(i, ctx.lang)}" for i in items[:200]))
