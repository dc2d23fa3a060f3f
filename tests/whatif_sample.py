"""The demo sample to 03/2026 (past the end of the national fee policies of 2025, in the 34
units), summed per locality × procedure × month, in a DuckDB built once per test process: the
estimator's and the back-tests' tests read the effect the generator plants (FEE_EFFECT)."""
from __future__ import annotations

import tempfile
from datetime import datetime
from functools import cache
from pathlib import Path

import pandas as pd

from data_access import reference, sample, schema
from data_access.db import Database, bulk_insert
from domain.periods import Month

SEED = 2026
UNTIL = Month(2026, 3)


def _generated_rows(seed: int) -> pd.DataFrame:
    """The demo sample for the seed, summed per locality × procedure × month (the generator's
    agencies collapsed into one per locality: the panel sums over agencies anyway)."""
    parts = []
    cols = ["received_online", "received_full_online", "received_direct", "received_postal"]
    for frame in sample.stats_chunks(sample.build_plan("demo", seed, until=UNTIL)):
        g = frame.groupby(["locality_code", "procedure_code", "period_start", "period_end",
                           "field_code"], dropna=False, as_index=False)[cols].sum()
        parts.append(g)
    rows = pd.concat(parts, ignore_index=True)
    codes = {c: i + 1 for i, c in enumerate(sorted(rows["locality_code"].unique()))}
    rows["agency_id"] = rows["locality_code"].map(codes)
    rows["load_id"] = 1
    return rows


@cache
def path() -> Path:
    """A DuckDB with the reference tables (fee policies included) and the generated panel."""
    file = Path(tempfile.mkdtemp(prefix="whatif-sample-")) / "sample.duckdb"
    db = Database(f"duckdb:///{file}")
    db.create_schema()
    rows = _generated_rows(SEED)
    with db.transaction() as conn:
        reference.load_reference(conn)
        bulk_insert(conn, schema.dossier_stats, rows)
        conn.execute(schema.data_loads.insert().values(
            id=1, kind="sample", file_name="what-if test", rows=len(rows), loaded_by="tests",
            loaded_at=datetime(2026, 4, 1), outcome="ok"))
    db.dispose()
    return file
