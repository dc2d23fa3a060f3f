"""The what-if's budget: moving a slider re-renders the page in ≤ 300 ms with the data cached
(the 34 provinces of today and the ministries). Runs the page in-process (AppTest), as
benchmarks/pages.py does, and reads each script run's own duration from RUN_TIMES: the first,
uncached run (the SQL panel, the estimate and its back-tests), then every control moved in
turn, on the nation
and on a province.
A benchmark, not a test: it prints figures.

    python -m benchmarks.what_if [--url duckdb:///sample_data/national.duckdb] [--repeat 3]
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
from domain.periods import Month  # noqa: E402

DEFAULT_URL = f"duckdb:///{ROOT / 'sample_data' / 'national.duckdb'}"
BUDGET_S = 0.300
PAGE = "pages/what_if.py"


def moves(at: AppTest, first: Month) -> list[tuple[str, callable]]:
    """(name, action) for each control a leader moves; each action sets a new value."""
    def slide(key, value):
        return lambda: at.select_slider(key=key).set_value(value)

    return [
        ("cut 50→60%", slide("wi_cut", 60)),
        ("cut 60→100%", slide("wi_cut", 100)),
        ("cut 100→0%", slide("wi_cut", 0)),
        ("cut 0→50%", slide("wi_cut", 50)),
        ("start +3 months", slide("wi_start", first.plus(3))),
        ("end after 12 months", slide("wi_end", first.plus(14))),
        ("horizon → 36", slide("wi_months", 36)),
        ("horizon → 12", slide("wi_months", 12)),
        ("response 1,20", slide("wi_resp", 1.2)),
        ("uncertainty 0,30", slide("wi_unc", 0.3)),
        ("ceiling 99%", slide("wi_ceil", 99)),
        ("visit 300.000 đồng", slide("wi_visit", 300_000)),
        ("baseline level", lambda: at.radio(key="wi_base").set_value("level")),
    ]


def run_once(at: AppTest) -> float:
    RUN_TIMES.clear()
    at.run()
    if at.exception:
        raise RuntimeError(f"{PAGE}: {at.exception[0].value}")
    return RUN_TIMES[-1][1]


def bench_scope(scope: str | None, repeat: int) -> list[tuple[str, list[float]]]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.switch_page(PAGE)
    if scope:
        at.query_params["scope"] = scope
    run_once(at)  # warm: the cached reads
    first = Month.parse(at.query_params["start"])
    defaults = {s.key: s.value for s in at.select_slider}
    out = []
    for _ in range(repeat):
        for name, action in moves(at, first):
            action()
            out.append((name, run_once(at)))
        for key, value in defaults.items():  # back to the defaults for the next round
            at.select_slider(key=key).set_value(value)
        at.radio(key="wi_base").set_value("trend")
        run_once(at)
    grouped: dict[str, list[float]] = {}
    for name, took in out:
        grouped.setdefault(name, []).append(took)
    return list(grouped.items())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default=os.environ.get("DVC_BENCH_URL", DEFAULT_URL))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--province", default="44",
                    help="a province's code among today's 34, for the second scope")
    args = ap.parse_args()
    os.environ["DVC_DATABASE_URL"] = args.url
    db = Database(args.url)
    rows = db.scalar(sa.text("select count(*) from dossier_stats"))
    units = db.scalar(sa.text("select count(distinct locality_code) from dossier_stats"))
    db.dispose()
    print(f"database: {args.url}\nfact rows: {rows:,}; provinces and ministries: {units}")

    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.switch_page(PAGE)
    started = time.perf_counter()
    first = run_once(at)
    print(f"first run, nothing cached (SQL panel, estimate, back-tests): {first * 1000:,.0f} ms "
          f"(AppTest wall {time.perf_counter() - started:,.1f} s)")
    second = run_once(at)
    print(f"same page again, cached: {second * 1000:,.0f} ms")

    worst = 0.0
    for scope, label in ((None, "nation (every province and ministry)"),
                         (args.province, f"province {args.province}")):
        print(f"\nslider moves, data cached — {label}")
        print(f"{'control':22} {'median':>9} {'max':>9}")
        for name, times in bench_scope(scope, args.repeat):
            worst = max(worst, max(times))
            print(f"{name:22} {statistics.median(times) * 1000:6.0f} ms "
                  f"{max(times) * 1000:6.0f} ms")
    verdict = "within" if worst <= BUDGET_S else "OVER"
    print(f"\nslowest slider move: {worst * 1000:.0f} ms — {verdict} the "
          f"{BUDGET_S * 1000:.0f} ms budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
