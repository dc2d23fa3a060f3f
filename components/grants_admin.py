"""The grants table, kept by the national administrator on /data (data_access/access.py)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from components import auth, data
from data_access import access as grants
from domain import access
from domain.plain import plain


def render(ctx, who: access.Identity) -> None:
    if not (auth.configured() and who.role == access.ADMIN and who.signed_in):
        return
    st.subheader(ctx.t("grants_title"))
    st.caption(ctx.t("grants_intro", claim=auth.roles_claim()))
    db = data.db()
    table = grants.all_grants(db)
    if table.empty:
        st.info(ctx.t("grants_none"))
    else:
        st.dataframe(pd.DataFrame({
            ctx.t("grants_principal"): table["principal"],
            ctx.t("grants_grants"): table["grants"],
            ctx.t("grants_by"): table["granted_by"],
            ctx.t("grants_when"): pd.to_datetime(table["granted_at"]).dt.strftime(
                "%d/%m/%Y %H:%M")}), hide_index=True, width="stretch")
    with st.form("grants_form", clear_on_submit=True):
        c1, c2 = st.columns(2)
        principal = c1.text_input(ctx.t("grants_principal"), max_chars=200)
        texts = c2.text_input(ctx.t("grants_grants"), placeholder="editor:24 editor:B-CA")
        c1, c2, _ = st.columns([1, 1, 3])
        save = c1.form_submit_button(ctx.t("grants_save"), type="primary")
        drop = c2.form_submit_button(ctx.t("grants_revoke"))
    if not principal.strip() or not (save or drop):
        return
    if drop:
        grants.revoke(db, principal)
        st.success(ctx.t("grants_revoked", who=plain(principal)))
        return
    try:
        grants.set_grants(db, principal, texts.split(), who.audit())
        st.success(ctx.t("grants_saved", who=plain(principal)))
    except ValueError as exc:
        st.error(ctx.t("grants_bad", grants=plain(str(exc))))
