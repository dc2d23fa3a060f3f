"""The briefing pack of a level page: two download buttons, PowerPoint and PDF, each built
when clicked (data_access/briefing reads the figures the page shows and writes the slides)."""
from __future__ import annotations

import streamlit as st

from components import data
from components.context import PageContext
from data_access.briefing import MIMES, file_stem, gather, render as render_file
from data_access.export import scope_units
from domain.briefing import build
from domain.metrics import Metric
from domain.scope import Scope


def render(ctx: PageContext, scope: Scope, focus: Metric) -> None:
    """The buttons, named for the unit and period
    (tinh_34-24_bac-ninh_bao-cao_2026-01_2026-10.pptx)."""
    lang, rng = ctx.lang, ctx.rng
    agency = data.agency(scope.agency) if scope.agency is not None else None
    stem = file_stem(scope_units(scope.with_(units=ctx.units), data.localities(), agency,
                                 data.procedures(), lang), rng, lang)

    def builder(fmt: str):
        def build_file() -> bytes:  # runs on click, outside the page's script run
            db = data.db()
            with db.session():
                facts = gather(db, scope, rng, lang, focus.id)
            return render_file(build(facts), fmt)
        return build_file

    with st.container(horizontal=True, gap="small"):
        for fmt, label in (("pptx", "brief_download_pptx"), ("pdf", "brief_download_pdf")):
            st.download_button(ctx.t(label), data=builder(fmt), file_name=f"{stem}.{fmt}",
                               mime=MIMES[fmt], icon=":material/slideshow:",
                               help=ctx.t("brief_download_help"), key=f"brief_{fmt}_{stem}")
