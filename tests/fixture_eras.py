"""A hand-made database across 01/07/2025, whose totals the tests work out by hand: the old
Bắc Giang (24) and Bắc Ninh (27) that became the new Bắc Ninh (24), and the old Quảng Bình (44)
and Quảng Trị (45) that became the new Quảng Trị (44). Rows of 07/2024, 06/2025, 07/2025 and
07/2026; on 01/07/2025 the new Bắc Ninh's department takes over the old departments' pending
dossiers (30 + 20)."""
from __future__ import annotations

from datetime import datetime

import pandas as pd

from data_access import schema
from data_access.db import Database, bulk_insert
from domain.periods import Month
from tests import fixture_data

LOCALITIES = [
    ("63:24", "24", "63", "Bắc Giang", "34:24"), ("63:27", "27", "63", "Bắc Ninh", "34:24"),
    ("63:44", "44", "63", "Quảng Bình", "34:44"), ("63:45", "45", "63", "Quảng Trị", "34:44"),
    ("34:24", "24", "34", "Bắc Ninh", None), ("34:44", "44", "34", "Quảng Trị", None),
]
AGENCIES = [  # id, code, locality, level, name
    (1, "24-S02", "63:24", "province", "Sở Tư pháp"),
    (2, "27-S02", "63:27", "province", "Sở Tư pháp"),
    (3, "34:24-S02", "34:24", "province", "Sở Tư pháp"),
    (4, "34:24-X09529", "34:24", "commune", "UBND Xã Lâm Thao"),
    (5, "45-S02", "63:45", "province", "Sở Tư pháp"),
    (6, "34:44-S02", "34:44", "province", "Sở Tư pháp"),
]
COLS = ("carried_over", "received_online", "received_full_online", "received_direct",
        "received_postal", "resolved_early", "resolved_on_time", "resolved_late",
        "pending_on_time", "pending_late")
# (month, agency, locality, *COLS); each row: carried + new = resolved + pending
ROWS = [
    ((2024, 7), 1, "63:24", 10, 100, 40, 20, 0, 80, 25, 5, 18, 2),
    ((2024, 7), 2, "63:27", 5, 50, 10, 50, 0, 60, 30, 5, 9, 1),
    ((2025, 6), 1, "63:24", 20, 150, 75, 10, 0, 100, 45, 5, 27, 3),
    ((2025, 6), 2, "63:27", 10, 60, 20, 40, 0, 50, 35, 5, 18, 2),
    ((2025, 6), 5, "63:45", 0, 10, 5, 10, 0, 10, 10, 0, 0, 0),
    # 01/07/2025: the new Bắc Ninh's department takes over the 30 + 20 pending dossiers
    ((2025, 7), 3, "34:24", 50, 200, 100, 20, 0, 150, 70, 10, 35, 5),
    ((2025, 7), 4, "34:24", 0, 30, 3, 10, 0, 20, 14, 1, 5, 0),
    ((2026, 7), 3, "34:24", 40, 240, 150, 10, 0, 200, 45, 5, 36, 4),
    ((2026, 7), 4, "34:24", 5, 50, 10, 10, 0, 40, 18, 2, 5, 0),
    ((2026, 7), 6, "34:44", 0, 30, 20, 0, 0, 20, 10, 0, 0, 0),
]


def build(db: Database) -> None:
    """Create the schema (dropping what was there) and fill it with the fixture."""
    db.drop_schema()
    db.create_schema()
    frame = pd.DataFrame([{
        "period_start": Month(*m).first_day, "period_end": Month(*m).last_day,
        "agency_id": a, "locality_code": loc, "field_code": "G15-TP07",
        "procedure_code": "1.001193", **dict(zip(COLS, vals)), "load_id": 1}
        for m, a, loc, *vals in ROWS])
    with db.transaction() as conn:
        bulk_insert(conn, schema.localities, pd.DataFrame([
            {"code": k, "gso_code": c, "era": e, "kind": "province", "name_vi": n,
             "name_en": n, "successor_code": s} for k, c, e, n, s in LOCALITIES]))
        bulk_insert(conn, schema.agencies, pd.DataFrame([
            {"id": i, "code": c, "locality_code": loc, "level": lv, "name_vi": n, "name_en": n}
            for i, c, loc, lv, n in AGENCIES]))
        bulk_insert(conn, schema.fields, pd.DataFrame(fixture_data.FIELDS))
        bulk_insert(conn, schema.procedures, pd.DataFrame(fixture_data.PROCEDURES))
        bulk_insert(conn, schema.data_loads, pd.DataFrame([{
            "id": 1, "kind": "import", "file_name": "fixture_eras", "rows": len(ROWS),
            "loaded_by": "tests", "loaded_at": datetime(2026, 11, 22, 9, 0), "outcome": "ok"}]))
        bulk_insert(conn, schema.dossier_stats, frame)
