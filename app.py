"""Tổng quan — the national overview, and the app's entry point (`streamlit run app.py`)."""
from components import blocks, level
from components import map as map_view
from components.context import guard, page_setup
from components.scope_url import names
from domain.scope import Scope

ctx = page_setup("app.py", "nav_overview")
with guard(ctx):
    nation = Scope(units=ctx.units)
    level.header(ctx, None, {}, ctx.t("overview_title"))
    blocks.render(ctx)
    map_view.render_compact(ctx)
    level.render(ctx, nation, None, names(ctx, nation))
