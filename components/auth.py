"""Sign-in (OpenID Connect through st.login, configured in .streamlit/secrets.toml [auth]) and
who the person on this page is (domain/access.py). Without [auth] the installation is one
person's, on this computer: the server listens on 127.0.0.1 only (Makefile, config.toml) and
that person may load data. A server reachable from the network without sign-in is read-only."""
from __future__ import annotations

import time

import streamlit as st
from streamlit import config
from streamlit.auth_util import get_secrets_auth_section

from components import data
from data_access import access as grants
from data_access.db import default_user
from domain import access
from domain.eras import code_of
from domain.plain import plain

# Headers a reverse proxy adds: a request that carries one came from the network.
PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-Ip")
IDENTITY_TTL = 60  # seconds a session keeps its grants before reading the table again


def configured() -> bool:
    return bool(get_secrets_auth_section())


def roles_claim() -> str:
    try:
        return str(st.secrets.get("roles", {}).get("claim") or access.DEFAULT_CLAIM)
    except Exception:  # noqa: BLE001 - no secrets file: the default claim
        return access.DEFAULT_CLAIM


def is_local() -> bool:
    headers = st.context.headers
    return access.is_local(configured(), config.get_option("server.address"),
                           any(headers.get(h) for h in PROXY_HEADERS),
                           headers.get("X-Forwarded-For"))


def _signed_in() -> bool:
    return configured() and bool(st.user.is_logged_in)


def identity() -> access.Identity:
    """Who is on this page: the local operator, a signed-in person with their grants (kept for
    a minute in the session, then read again), or an anonymous viewer."""
    if is_local():
        return access.local_identity(default_user())
    if not _signed_in():
        return access.ANONYMOUS
    claims = st.user.to_dict()
    cached = st.session_state.get("_identity")
    if cached and cached[0] == claims.get("sub") and time.monotonic() - cached[1] < IDENTITY_TTL:
        return cached[2]
    who = grants.identity(data.db(), claims, roles_claim())
    st.session_state["_identity"] = (claims.get("sub"), time.monotonic(), who)
    return who


def role_text(ctx, who: access.Identity) -> str:
    units = ", ".join(sorted(code_of(u) for u in who.units))
    return ctx.t(f"role_{who.role}") + (f" ({units})" if units else "")


def account(ctx) -> None:
    """The sidebar's account block: sign in or out, or what an installation without sign-in
    allows."""
    if is_local():
        st.caption(ctx.t("auth_local_short"))
        return
    if not configured():
        st.caption(ctx.t("auth_readonly"))
        return
    if not _signed_in():
        st.caption(ctx.t("auth_public"))
        st.button(ctx.t("auth_sign_in"), icon=":material/login:", on_click=st.login,
                  key="sign_in")
        return
    who = identity()
    st.caption(ctx.t("auth_signed_in", who=plain(who.email or who.name or who.subject),
                     role=role_text(ctx, who)))
    st.button(ctx.t("auth_sign_out"), icon=":material/logout:", on_click=st.logout,
              key="sign_out")


def local_notice(ctx) -> None:
    """On a session's first page, once: this installation is one person's, on this computer."""
    if is_local() and not st.session_state.get("_local_said"):
        st.session_state["_local_said"] = True
        st.info(ctx.t("auth_local"), icon=":material/computer:")


def load_refusal(ctx, who: access.Identity) -> str | None:
    """Why this person has no upload control, or None when they may load."""
    if who.may_load:
        return None
    if not configured():
        return ctx.t("auth_load_readonly")
    return ctx.t("auth_load_viewer") if who.signed_in else ctx.t("auth_load_sign_in")


def grant_scope(ctx, who: access.Identity) -> str:
    """Whose data this person may load, in words."""
    if who.role == access.ADMIN:
        return ctx.t("auth_may_load_all")
    locs = data.localities()
    names = dict(zip(locs["code"], locs["name_vi" if ctx.lang == "vi" else "name_en"]))
    return ctx.t("auth_may_load", units=", ".join(sorted(plain(names.get(u, code_of(u)))
                                                         for u in who.units)))
