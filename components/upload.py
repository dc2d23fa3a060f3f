"""The file upload control in the page's language. Streamlit's st.file_uploader (1.67) writes
its button ("Upload") and its limit ("50MB per file") in English and takes no text for them
(no parameter, no locale setting): they are hidden, the button keeps its upload icon, and a
line under the control says the same in the page's language, with the limit of
domain/validation.MAX_BYTES (which the server's maxUploadSize and the importer enforce)."""
from __future__ import annotations

import streamlit as st

from domain.formatting import fmt_megabytes
from domain.validation import MAX_BYTES

HIDE_ENGLISH = (
    "<style>[data-testid='stFileUploaderDropzoneInstructions'],"
    "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer']"
    "{display:none}</style>")


def file_uploader(ctx, label: str, key: str, types: list[str] | None = None):
    """st.file_uploader with our own instructions; returns the uploaded file or None."""
    st.html(HIDE_ENGLISH)  # styles only: Streamlit puts them aside, they take no space
    upload = st.file_uploader(label, type=types, key=key,
                              max_upload_size=MAX_BYTES // 1048576)
    st.caption(ctx.t("upload_hint", limit=fmt_megabytes(MAX_BYTES, ctx.lang)))
    return upload
