"""A small hand-made database whose totals are worked out by hand in the tests.

Four series, January–March 2024 (and one in 2023 for the year-earlier comparison):
A  agency 1 (Sở Tư pháp Hà Nội, province level), birth registration, monthly
B  agency 2 (UBND Quận Ba Đình, district), a land procedure (not eligible for full-process)
C  agency 3 (Sở Tư pháp TP HCM), birth registration, reporting from February only
D  agency 4 (a Ministry of Justice unit), criminal records, one quarterly row
"""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from data_access import schema
from data_access.db import Database, bulk_insert

# Units are keyed by code and era (domain/eras.py): the rows below are of 2023–2024, so of the
# 63 provinces ("63:01"); the units they became on 01/07/2025 are listed too.
LOCALITIES = [
    {"code": "63:01", "gso_code": "01", "era": "63", "kind": "province", "name_vi": "Hà Nội",
     "name_en": "Ha Noi", "region_vi": "Đồng bằng sông Hồng", "region_en": "Red River Delta",
     "population": 8587080, "successor_code": "34:01", "successor_name_vi": "Hà Nội"},
    {"code": "63:79", "gso_code": "79", "era": "63", "kind": "province",
     "name_vi": "TP. Hồ Chí Minh", "name_en": "Ho Chi Minh City", "region_vi": "Đông Nam Bộ",
     "region_en": "South East", "population": 9456660, "successor_code": "34:79",
     "successor_name_vi": "TP. Hồ Chí Minh"},
    {"code": "34:01", "gso_code": "01", "era": "34", "kind": "province", "name_vi": "Hà Nội",
     "name_en": "Ha Noi", "region_vi": "Đồng bằng sông Hồng", "region_en": "Red River Delta",
     "population": 8587080},
    {"code": "34:79", "gso_code": "79", "era": "34", "kind": "province",
     "name_vi": "TP. Hồ Chí Minh", "name_en": "Ho Chi Minh City", "region_vi": "Đông Nam Bộ",
     "region_en": "South East", "population": 14002600},
    {"code": "B-TP", "gso_code": "B-TP", "kind": "ministry", "name_vi": "Bộ Tư pháp",
     "name_en": "Ministry of Justice"},
]
AGENCIES = [
    {"id": 1, "code": "01-S02", "locality_code": "63:01", "level": "province",
     "name_vi": "Sở Tư pháp", "name_en": "Department of Justice"},
    {"id": 2, "code": "01-H001", "locality_code": "63:01", "level": "district",
     "name_vi": "UBND Quận Ba Đình", "name_en": "Ba Dinh District People's Committee"},
    {"id": 3, "code": "79-S02", "locality_code": "63:79", "level": "province",
     "name_vi": "Sở Tư pháp", "name_en": "Department of Justice"},
    {"id": 4, "code": "B-TP-LLTP", "locality_code": "B-TP", "level": "ministry",
     "name_vi": "Trung tâm Lý lịch tư pháp quốc gia", "name_en": "National Criminal Records Centre"},
]
FIELDS = [
    {"code": "G15-TP07", "name_vi": "Hộ tịch", "name_en": "Civil status"},
    {"code": "G13-TN02", "name_vi": "Đất đai", "name_en": "Land"},
    {"code": "G15-TP10", "name_vi": "Lý lịch tư pháp", "name_en": "Criminal records"},
]
PROCEDURES = [
    {"code": "1.001193", "name_vi": "Đăng ký khai sinh", "name_en": "Birth registration",
     "field_code": "G15-TP07", "level": "commune", "online_level": "full",
     "full_online_eligible": True, "fee_direct_vnd": 0, "fee_online_vnd": 0, "deadline_days": 1},
    {"code": "1.004227", "name_vi": "Đăng ký biến động đất đai", "name_en": "Land change registration",
     "field_code": "G13-TN02", "level": "district", "online_level": "partial",
     "full_online_eligible": False, "fee_direct_vnd": 50000, "fee_online_vnd": 50000,
     "deadline_days": 10},
    {"code": "2.000488", "name_vi": "Cấp Phiếu lý lịch tư pháp", "name_en": "Criminal record certificate",
     "field_code": "G15-TP10", "level": "ministry", "online_level": "full",
     "full_online_eligible": True, "fee_direct_vnd": 200000, "fee_online_vnd": 200000,
     "deadline_days": 10},
]
TARGETS = [
    (2024, "nation", None, "full_online_rate", 50.0),
    (2024, "localities", None, "full_online_rate", 30.0),
    (2024, "ministries", None, "full_online_rate", 70.0),
    (2025, "localities", None, "full_online_rate", 70.0),
    (2025, "ministries", None, "full_online_rate", 85.0),
    (2024, "province:79", None, "full_online_rate", 40.0),
]

COLS = ("carried_over", "received_online", "received_full_online", "received_direct",
        "received_postal", "resolved_early", "resolved_on_time", "resolved_late",
        "pending_on_time", "pending_late", "fee_bearing", "paid_online", "paid_online_vnd",
        "rated", "not_satisfied")
N = None
# (start, end, agency, locality, field, procedure, *COLS)
ROWS = [
    # A: carried 10 → new 300, resolved 300, pending 10 at the end
    (date(2024, 1, 1), date(2024, 1, 31), 1, "63:01", "G15-TP07", "1.001193",
     10, 60, 30, 35, 5, 50, 40, 5, 12, 3, N, N, N, 10, N),
    (date(2024, 2, 1), date(2024, 2, 29), 1, "63:01", "G15-TP07", "1.001193",
     15, 70, 40, 25, 5, 60, 40, 5, 8, 2, N, N, N, N, N),
    (date(2024, 3, 1), date(2024, 3, 31), 1, "63:01", "G15-TP07", "1.001193",
     10, 80, 50, 20, 0, 70, 30, 0, 10, 0, N, N, N, N, N),
    # B: no postal column reported; fee-bearing land dossiers
    (date(2024, 1, 1), date(2024, 1, 31), 2, "63:01", "G13-TN02", "1.004227",
     20, 10, 0, 40, N, 10, 15, 5, 30, 10, 50, 5, 250000, N, N),
    (date(2024, 2, 1), date(2024, 2, 29), 2, "63:01", "G13-TN02", "1.004227",
     40, 10, 0, 30, N, 20, 20, 10, 20, 10, 40, 5, 250000, N, N),
    (date(2024, 3, 1), date(2024, 3, 31), 2, "63:01", "G13-TN02", "1.004227",
     30, 20, 0, 30, N, 30, 25, 5, 15, 5, 50, 10, 500000, N, N),
    # C: starts reporting in February
    (date(2024, 2, 1), date(2024, 2, 29), 3, "63:79", "G15-TP07", "1.001193",
     5, 45, 45, 5, 0, 40, 10, 0, 5, 0, 50, 40, 0, N, N),
    (date(2024, 3, 1), date(2024, 3, 31), 3, "63:79", "G15-TP07", "1.001193",
     5, 50, 40, 10, 0, 50, 10, 0, 4, 1, 60, 54, 0, N, N),
    # D: one quarterly row
    (date(2024, 1, 1), date(2024, 3, 31), 4, "B-TP", "G15-TP10", "2.000488",
     0, 900, 800, 100, 0, 900, 80, 10, 10, 0, 1000, 900, 180000000, 100, 4),
    # A a year earlier
    (date(2023, 1, 1), date(2023, 1, 31), 1, "63:01", "G15-TP07", "1.001193",
     10, 40, 10, 40, 0, 70, 10, 0, 10, 0, N, N, N, N, N),
    (date(2023, 2, 1), date(2023, 2, 28), 1, "63:01", "G15-TP07", "1.001193",
     10, 40, 10, 40, 0, 70, 10, 0, 10, 0, N, N, N, N, N),
    (date(2023, 3, 1), date(2023, 3, 31), 1, "63:01", "G15-TP07", "1.001193",
     10, 40, 10, 40, 0, 70, 10, 0, 10, 0, N, N, N, N, N),
]


def stats_frame() -> pd.DataFrame:
    keys = ("period_start", "period_end", "agency_id", "locality_code", "field_code",
            "procedure_code")
    frame = pd.DataFrame([dict(zip(keys + COLS, r)) for r in ROWS])
    for c in COLS:
        frame[c] = frame[c].astype("Int64")
    frame["load_id"] = 1
    return frame


def build(db: Database, sample: bool = False) -> None:
    """Create the schema (dropping what was there) and fill it with the fixture."""
    db.drop_schema()
    db.create_schema()
    with db.transaction() as conn:
        bulk_insert(conn, schema.localities, pd.DataFrame(LOCALITIES))
        bulk_insert(conn, schema.agencies, pd.DataFrame(AGENCIES))
        bulk_insert(conn, schema.fields, pd.DataFrame(FIELDS))
        bulk_insert(conn, schema.procedures, pd.DataFrame(PROCEDURES))
        bulk_insert(conn, schema.targets, pd.DataFrame(
            [{"id": i + 1, "year": y, "scope": s, "level": lv, "metric": m, "value_pct": v,
              "source": "fixture"} for i, (y, s, lv, m, v) in enumerate(TARGETS)]))
        bulk_insert(conn, schema.data_loads, pd.DataFrame([{
            "id": 1, "kind": "sample" if sample else "import", "file_name": "fixture",
            "rows": len(ROWS), "loaded_by": "tests", "loaded_at": datetime(2026, 11, 22, 9, 0),
            "outcome": "ok"}]))
        bulk_insert(conn, schema.dossier_stats, stats_frame())
