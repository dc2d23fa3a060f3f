"""Page budgets on the national-scale sample: each page's script run with its data cached and
not cached (AppTest, in-process), against a naive approach that reads the fact rows into pandas
and aggregates there. A benchmark, not a test: it prints figures.

    make national            # builds sample_data/national.duckdb (≥ 5 million rows) once
    python -m benchmarks.pages [--url duckdb:///sample_data/national.duckdb] [--repeat 5]
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
from streamlit.testing.v1 import AppTest  # noqa: E402

from components.context import RUN_TIMES  # noqa: E402
from data_access.db import Database  # noqa: E402
from domain.metrics import HEADLINE, METRICS, MEASURES, measures_for  # noqa: E402

DEFAULT_URL = f"duckdb:///{ROOT / 'sample_data' / 'national.duckdb'}"
PERIOD = {"from": "2026-01", "to": "2026-10"}
HISTORY = {"from": "2025-01", "to": "2025-06"}


def pages(db: Database) -> list[tuple[str, str, dict]]:
    """The pages of the present (the 34, to 10/2026) and two views of history."""
    commune = int(db.scalar(sa.text(
        "select min(id) from agencies where locality_code = '34:01' and level = 'commune'")))
    district = int(db.scalar(sa.text(
        "select min(id) from agencies where locality_code = '63:01' and level = 'district'")))
    return [
        ("overview", "app.py", {}),
        ("province", "pages/province.py", {"province": "24"}),
        ("ministry", "pages/province.py", {"province": "B-CA"}),
        ("agency (commune)", "pages/agency.py", {"agency": str(commune)}),
        ("procedure", "pages/procedure.py", {"procedure": "1.001193"}),
        ("procedure in province", "pages/procedure.py", {"procedure": "1.001193",
                                                          "province": "79"}),
        ("history: old province", "pages/province.py", {"province": "45", **HISTORY}),
        ("history: district", "pages/agency.py", {"agency": str(district), **HISTORY}),
        ("history in the 34", "app.py", {"units": "34", **HISTORY}),
        ("methodology", "pages/methodology.py", {}),
    ]


def run_page(page: str, params: dict, period: dict = PERIOD) -> tuple[float, AppTest]:
    """The page's own script run (page_setup to the end of its body), as the page logs it,
    and the finished AppTest; AppTest's start-up and polling are not part of the time."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if page != "app.py":
        at.switch_page(page)
    for k, v in {**period, **params}.items():
        at.query_params[k] = v
    RUN_TIMES.clear()
    at.run()
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    return RUN_TIMES[-1][1], at


def naive_overview(db: Database) -> float:
    """What a dashboard without SQL aggregation does: fetch the rows, sum in pandas."""
    start = time.perf_counter()
    frame = db.query(sa.text(
        "select * from dossier_stats where period_start >= '2026-01-01' "
        "and period_end <= '2026-10-31'"))
    totals = {}
    for mid in measures_for(HEADLINE):
        m = MEASURES[mid]
        rows = frame
        if m.agg.value == "opening":
            rows = frame[frame["period_start"] == frame["period_start"].min()]
        elif m.agg.value == "closing":
            rows = frame[frame["period_end"] == frame["period_end"].max()]
        totals[mid] = float(sum(rows[c].fillna(0).sum() for c in m.columns))
    _ = [METRICS[h].value(totals) for h in HEADLINE]
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default=os.environ.get("DVC_BENCH_URL", DEFAULT_URL))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    os.environ["DVC_DATABASE_URL"] = args.url
    db = Database(args.url)
    rows = db.scalar(sa.text("select count(*) from dossier_stats"))
    print(f"database: {args.url}\nfact rows: {rows:,}\nperiod: {PERIOD['from']} – {PERIOD['to']}")
    print(f"{'page':24} {'uncached median':>16} {'cached median':>14} {'cached max':>11}")
    for name, page, params in pages(db):
        uncached, cached = [], []
        for _ in range(args.repeat):
            st.cache_data.clear()
            st.cache_resource.clear()
            uncached.append(run_page(page, params)[0])
            cached.append(run_page(page, params)[0])
        print(f"{name:24} {statistics.median(uncached) * 1000:13.0f} ms "
              f"{statistics.median(cached) * 1000:11.0f} ms {max(cached) * 1000:8.0f} ms")
    naive = [naive_overview(db) for _ in range(max(1, args.repeat // 2))]
    print(f"{'naive overview (pandas)':24} {statistics.median(naive) * 1000:13.0f} ms "
          f"{'(no cache)':>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
