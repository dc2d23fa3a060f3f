"""Import benchmark: N flat-template rows (default 100,000) checked and loaded in one
transaction; the budget is 10 s for 100,000 rows.

    .venv/bin/python -m benchmarks.import_bench [--rows 100000] [--url URL] [--xlsx-rows N]

Builds a throw-away database (the reference lists of sample_data/reference and 2,000
agencies of today's 34 provinces, their months from 07/2025 to 12/2025 already loaded), writes
rows of 2026 as a CSV in memory (not timed), with codes as people write them ("01",
"01-B00001": read in the era of the 34), then times importer.import_file: reading, checking
(codes in their era, identities, duplicates, overlaps against the database) and writing, and
prints the figures. --xlsx-rows also times rows of later months as an .xlsx (openpyxl reads a
large workbook far more slowly than a CSV).
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data_access import importer, reference, schema  # noqa: E402
from data_access.db import Database, bulk_insert  # noqa: E402
from domain import eras  # noqa: E402
from domain.periods import Month  # noqa: E402

BUDGET_S = 10.0
N_AGENCIES = 2_000


def build_db(url: str) -> tuple[Database, pd.DataFrame]:
    db = Database(url)
    db.drop_schema()
    db.create_schema()
    provinces = reference.provinces_34()["code"].tolist()
    codes = [f"{provinces[i % len(provinces)]}-B{i:05d}" for i in range(N_AGENCIES)]
    agencies = pd.DataFrame({
        "id": np.arange(1, N_AGENCIES + 1),
        "code": [eras.key(c, eras.ERA_34) for c in codes],  # stored with their era
        "written": codes,  # as a report writes them
        "locality_code": [eras.key(provinces[i % len(provinces)], eras.ERA_34)
                          for i in range(N_AGENCIES)],
        "level": "commune", "name_vi": [f"Đơn vị {i}" for i in range(N_AGENCIES)],
        "name_en": [f"Unit {i}" for i in range(N_AGENCIES)],
    })
    procs = reference.procedures()
    with db.transaction() as conn:
        reference.load_reference(conn)
        bulk_insert(conn, schema.agencies, agencies.drop(columns="written"))
        # earlier data for the same agencies (07–12/2025), which the overlap check must read
        months = pd.date_range("2025-07-01", "2025-12-01", freq="MS")
        old = pd.DataFrame({
            "period_start": np.repeat(months.values, N_AGENCIES),
            "period_end": np.repeat((months + pd.offsets.MonthEnd(0)).values, N_AGENCIES),
            "agency_id": np.tile(agencies["id"].values, len(months)),
            "locality_code": np.tile(agencies["locality_code"].values, len(months)),
            "field_code": procs["field_code"].iloc[0], "procedure_code": procs["procedure_code"].iloc[0],
            "received_online": 1, "load_id": 1})
        bulk_insert(conn, schema.dossier_stats, old)
        conn.execute(schema.data_loads.insert().values(
            id=1, kind="sample", file_name="bench", rows=len(old), loaded_by="bench",
            loaded_at=datetime.now(), outcome="ok"))
    return db, agencies


def flat_rows(agencies: pd.DataFrame, n: int, seed: int = 1,
              first: Month = Month(2026, 1)) -> pd.DataFrame:
    """n rows: agencies × procedures × months from `first`, identities holding."""
    rng = np.random.default_rng(seed)
    procs = reference.procedures()
    per_agency = -(-n // len(agencies))
    n_proc = min(len(procs), per_agency)
    n_months = -(-per_agency // n_proc)
    a = np.repeat(np.arange(len(agencies)), n_proc * n_months)[:n]
    p = np.tile(np.repeat(np.arange(n_proc), n_months), len(agencies))[:n]
    m = np.tile(np.arange(n_months), len(agencies) * n_proc)[:n]
    start = pd.Series([first.plus(int(k)).first_day for k in range(n_months)],
                      dtype="datetime64[ns]")[m].reset_index(drop=True)
    online, direct, postal = (rng.integers(0, 5000, n), rng.integers(0, 3000, n),
                              rng.integers(0, 20, n))
    carried = rng.integers(0, 50, n)
    total = carried + online + direct + postal
    pending = (total * 0.1).astype(int)
    late = (pending * 0.2).astype(int)
    resolved = total - pending
    r_late = (resolved * 0.02).astype(int)
    early = (resolved * 0.6).astype(int)
    frame = pd.DataFrame({
        "period_start": start.dt.strftime("%Y-%m-%d"),
        "period_end": (start + pd.offsets.MonthEnd(0)).dt.strftime("%d/%m/%Y"),
        "locality_code": agencies["locality_code"].map(eras.code_of).values[a],
        "agency_code": agencies["written"].values[a], "agency_name": "", "agency_level": "",
        "field_code": procs["field_code"].values[p], "procedure_code": procs["procedure_code"].values[p],
        "received_online": online, "received_full_online": (online * 0.4).astype(int),
        "received_direct": direct, "received_postal": postal, "carried_over": carried,
        "resolved_early": early, "resolved_on_time": resolved - early - r_late,
        "resolved_late": r_late, "pending_on_time": pending - late, "pending_late": late,
        "paid_online": "", "paid_online_vnd": "", "fee_bearing": "",
        "digitised": (online * 0.8).astype(int), "e_results": "", "data_reused": "",
        "rated": rng.integers(0, 30, n), "not_satisfied": 0,
    })
    # every 7th row writes its online count the Vietnamese way, as text: "1.234"
    frame["received_online"] = frame["received_online"].astype(object)
    frame.loc[::7, "received_online"] = [f"{v:,}".replace(",", ".")
                                         for v in frame.loc[::7, "received_online"]]
    return frame


def timed_import(db, data: bytes, name: str) -> tuple[importer.Result, dict]:
    marks = {}
    t0 = time.perf_counter()

    def progress(_, stage):
        marks.setdefault(stage, time.perf_counter() - t0)

    result = importer.import_file(db, data, name, who="bench", progress=progress)
    marks["total"] = time.perf_counter() - t0
    return result, marks


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--url", help="database URL (default: a temporary DuckDB file)")
    ap.add_argument("--xlsx-rows", type=int, default=0)
    args = ap.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="import_bench_")
    url = args.url or f"duckdb:///{tmp}/bench.duckdb"
    db, agencies = build_db(url)
    rows = flat_rows(agencies, args.rows)
    data = rows.to_csv(index=False).encode("utf-8")
    print(f"database {db.dialect}; {len(rows):,} flat rows, {len(agencies):,} agencies, "
          f"CSV {len(data) / 1e6:.1f} MB")
    dry = time.perf_counter()
    checked = importer.import_file(db, data, "bench.csv", dry_run=True)
    dry = time.perf_counter() - dry
    assert checked.outcome == "checked", [i.code for i in checked.issues][:10]
    result, marks = timed_import(db, data, "bench.csv")
    assert result.outcome == "ok", [i.code for i in result.issues][:10]
    stored = db.scalar(sa.select(sa.func.count()).select_from(schema.dossier_stats)
                       .where(schema.dossier_stats.c.load_id == result.load_id))
    print(f"dry run (read + check): {dry:.2f} s")
    print(f"import: read {marks.get('check', 0):.2f} s, check until "
          f"{marks.get('write', 0):.2f} s, write until {marks['total']:.2f} s "
          f"→ total {marks['total']:.2f} s for {stored:,} rows "
          f"({stored / marks['total']:,.0f} rows/s); budget {BUDGET_S:.0f} s: "
          f"{'OK' if marks['total'] <= BUDGET_S else 'OVER'}")
    again = time.perf_counter()
    same = importer.import_file(db, data, "bench.csv")
    print(f"same file again: {same.outcome} in {time.perf_counter() - again:.2f} s")
    if args.xlsx_rows:
        small = flat_rows(agencies, args.xlsx_rows, seed=2, first=Month(2026, 7))
        buf = io.BytesIO()
        from openpyxl import Workbook
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("data")
        ws.append(list(small.columns))
        for rec in small.itertuples(index=False):
            ws.append([None if v == "" else v for v in rec])
        wb.save(buf)
        res, marks = timed_import(db, buf.getvalue(), "bench.xlsx")
        assert res.outcome == "ok", [i.code for i in res.issues][:10]
        print(f"xlsx: {len(small):,} rows in {marks['total']:.2f} s (reading with openpyxl "
              f"{marks.get('check', 0):.2f} s)")
    db.dispose()
    return 0 if marks["total"] <= BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
