"""Bản đồ — the provinces coloured by any metric of the catalogue, offline, both archipelagos
labelled: /map?metric=online_rate&view=gap&units=34&region=red-river-delta
(view: value | gap | change; units: 63 | 34)."""
import streamlit as st

from components import level
from components import map as map_view
from components.context import guard, page_setup, source_note
from domain.plain import plain

ctx = page_setup("pages/map.py", "nav_map")
with guard(ctx):
    level.header(ctx, None, {}, ctx.t("map_title"))
    map_view.render_page(ctx)
    st.caption(plain(source_note(ctx)))
