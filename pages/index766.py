"""Bộ chỉ số 766 — the Decision 766 service index: the published scores of the provinces and
ministries ranked, beside what the dossier statistics recompute, and one unit's view down to
the agencies and procedures that lose the points: /index766[?period=2026-W43][&province=24]
[&group=digitisation]."""
from components.context import guard, page_setup
from components.index766 import board, load, unit
from components.index766.period import choose
from components.scope_url import read_province

ctx = page_setup("pages/index766.py", "nav_index766")
with guard(ctx):
    period = choose(ctx)
    scope = read_province(ctx)
    if period is not None:
        if scope is None:
            board.render(ctx, period)
        else:
            unit.render(ctx, period, scope)
    load.render(ctx)
