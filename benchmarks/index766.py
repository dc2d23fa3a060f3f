"""Timings of the Decision 766 scoreboard (figures, not tests): the page's script run, cached
and not (AppTest, in-process, as benchmarks/pages.py measures), the command line's table, and
a check (dry run) of a file of published scores. Needs a database with scores: a sample built
by `python -m data_access.sample` after this feature (it writes them), e.g.

    python -m data_access.sample --scale demo --until 2026-10 --url duckdb:////tmp/demo.duckdb
    python -m benchmarks.index766 --url duckdb:////tmp/demo.duckdb [--repeat 5]
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

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from benchmarks.pages import run_page  # noqa: E402
from data_access import index766 as store  # noqa: E402
from data_access.db import Database  # noqa: E402

PAGE = "pages/index766.py"


def views(last: str) -> list[tuple[str, dict]]:
    month = {"from": last, "to": last}
    return [
        ("ranking (latest week)", month),
        ("ranking (month)", {**month, "period": last}),
        ("unit: Bắc Ninh", {**month, "province": "24"}),
        ("unit: Bắc Ninh, digitisation", {**month, "province": "24", "group": "digitisation"}),
        ("unit: TP HCM", {**month, "province": "79"}),
        ("unit: ministry B-CA", {**month, "province": "B-CA"}),
    ]


def timed(fn, repeat: int) -> float:
    took = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        took.append(time.perf_counter() - start)
    return statistics.median(took)


def scores_file(db: Database, n_weeks: int) -> bytes:
    """A CSV of published scores: every province and ministry of the latest weeks."""
    periods = [p for p in store.periods(db) if p.kind == "week"][-n_weeks:]
    rows = []
    for p in periods:
        frame = store.scores(db, p)
        for r in frame.itertuples():
            rows.append({"period": str(p), "unit_code": r.locality_code.split(":")[-1],
                         **{c: getattr(r, c) for c in store.SCORE_COLUMNS},
                         "rank": r.rank, "rank_of": r.rank_of})
    return pd.DataFrame(rows).to_csv(index=False).encode("utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default=os.environ.get("DVC_BENCH_URL"),
                    help="a database with scores (default: DVC_BENCH_URL)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if not args.url:
        ap.error("--url (or DVC_BENCH_URL) is needed: a database with published scores")
    os.environ["DVC_DATABASE_URL"] = args.url
    db = Database(args.url)
    weeks = [p for p in store.periods(db) if p.kind == "week"]
    if not weeks:
        print("no published scores in this database (build a sample after this feature)")
        return 1
    latest = weeks[-1]
    last = str(latest.month)
    print(f"database: {args.url}\nperiod: {latest} (month {last})")
    print(f"{'view':32} {'uncached median':>16} {'cached median':>14} {'cached max':>11}")
    for name, params in views(last):
        uncached, cached = [], []
        for _ in range(args.repeat):
            st.cache_data.clear()
            st.cache_resource.clear()
            uncached.append(run_page(PAGE, params, {})[0])
            cached.append(run_page(PAGE, params, {})[0])
        print(f"{name:32} {statistics.median(uncached) * 1000:13.0f} ms "
              f"{statistics.median(cached) * 1000:11.0f} ms {max(cached) * 1000:8.0f} ms")
    with db.session():
        print(f"{'command line: all units':32} "
              f"{timed(lambda: store.table(db, latest, None, 'vi'), args.repeat) * 1000:13.0f} ms")
        print(f"{'command line: --province 24':32} "
              f"{timed(lambda: store.table(db, latest, '34:24', 'vi'), args.repeat) * 1000:13.0f}"
              " ms")
    data = scores_file(db, 52)
    rows = data.count(b"\n") - 1
    took = timed(lambda: store.load(db, data, "bench.csv", dry_run=True), max(1, args.repeat // 2))
    print(f"{f'check a file of {rows:,} scores':32} {took * 1000:13.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
