"""The map page's budget on the national-scale sample: its script run with its data cached
(budget ≤ 1 s) and not cached, for each way of colouring it, in the 34 units of today (2026)
and for history (2024: the 63, and the 63 regrouped into the 34), and what it sends to the
browser (the deck's JSON). Same method as benchmarks/pages.py (AppTest, the run the page logs).

    make national            # builds sample_data/national.duckdb (≥ 5 million rows) once
    python -m benchmarks.map [--url duckdb:///sample_data/national.duckdb] [--repeat 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
import streamlit as st  # noqa: E402

from benchmarks.pages import DEFAULT_URL  # noqa: E402
from benchmarks.pages import run_page as timed_run  # noqa: E402
from data_access import geo  # noqa: E402
from data_access.db import Database  # noqa: E402

BUDGET_S = 1.0
NOW = {"from": "2026-01", "to": "2026-06"}  # the 34 units
HISTORY = {"from": "2024-01", "to": "2024-06"}  # the 63 provinces, or regrouped into the 34
VARIANTS = [
    ("map: rate, 34", "pages/map.py", NOW),
    ("map: gap to target, 34", "pages/map.py", {**NOW, "view": "gap"}),
    ("map: change, 34", "pages/map.py", {**NOW, "view": "change"}),
    ("map: rate, 2024 in the 63", "pages/map.py", HISTORY),
    ("map: change, 2024 in the 34", "pages/map.py", {**HISTORY, "view": "change",
                                                     "units": "34"}),
    ("map: count, region", "pages/map.py", {**NOW, "metric": "received_new",
                                            "region": "mekong-river-delta"}),
    ("map: English", "pages/map.py", {**NOW, "lang": "en"}),
    ("overview (compact map)", "app.py", NOW),
]


def run_page(page: str, params: dict) -> tuple[float, int]:
    """The page's own script run, and the bytes of the deck JSON it sent."""
    took, at = timed_run(page, params, {})  # each variant names its period
    decks = at.get("deck_gl_json_chart")
    return took, len(decks[0].proto.json.encode()) if decks else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default=os.environ.get("DVC_BENCH_URL", DEFAULT_URL))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    os.environ["DVC_DATABASE_URL"] = args.url
    rows = Database(args.url).scalar(sa.text("select count(*) from dossier_stats"))
    start = time.perf_counter()
    g = geo.map_geo()
    print(f"database: {args.url}\nfact rows: {rows:,}\nperiods: {NOW['from']} – {NOW['to']} "
          f"(the 34), {HISTORY['from']} – {HISTORY['to']} (history)")
    print(f"geometry: {g.source_vertices:,} → {g.vertices:,} vertices, simplified once per "
          f"process in {time.perf_counter() - start:.2f} s (GeoJSON file "
          f"{geo.PROVINCES_FILE.stat().st_size:,} B)")
    print(f"{'page':30} {'uncached median':>16} {'cached median':>14} {'cached max':>11} "
          f"{'deck JSON':>10}")
    worst = 0.0
    for name, page, params in VARIANTS:
        uncached, cached, size = [], [], 0
        for _ in range(args.repeat):
            st.cache_data.clear()
            st.cache_resource.clear()
            uncached.append(run_page(page, params)[0])
            took, size = run_page(page, params)
            cached.append(took)
        worst = max(worst, max(cached))
        print(f"{name:30} {statistics.median(uncached) * 1000:13.0f} ms "
              f"{statistics.median(cached) * 1000:11.0f} ms {max(cached) * 1000:8.0f} ms "
              f"{size / 1024:7.0f} KiB")
    print(f"budget {BUDGET_S:.1f} s cached: {'met' if worst <= BUDGET_S else 'NOT met'} "
          f"(worst {worst * 1000:.0f} ms)")
    return 0 if worst <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
