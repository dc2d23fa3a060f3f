"""Streamlit's browser protocol, spoken from Python: a rerun request as the browser sends it
(page, query string, the hashes of the messages it has cached), and what a reply means.
benchmarks/load.py drives real sessions with it."""
from __future__ import annotations

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

STREAM_PATH = "_stcore/stream"
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY: "ok",
            ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile_error",
            ForwardMsg.FINISHED_EARLY_FOR_RERUN: "rerun",
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY: "ok"}


def rerun_request(query: str, page_name: str = "", page_hash: str = "",
                  cached: tuple[str, ...] = (), url: str = "") -> bytes:
    """The BackMsg a browser sends to run a page: on opening a URL (page_name from its path)
    or on a link (the page's script hash), with the hashes of the messages it caches."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_name = page_name
    state.page_script_hash = page_hash
    state.cached_message_hashes.extend(cached)
    info = state.context_info
    info.timezone, info.timezone_offset, info.locale = "Asia/Bangkok", -420, "vi-VN"
    info.url, info.color_scheme = url, "light"
    return msg.SerializeToString()
