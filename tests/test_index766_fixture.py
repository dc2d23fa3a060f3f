"""The hand-made database of the Decision 766 tests, with every figure the tests expect worked
out here by hand (the other test_index766_* modules import `build` and the constants).

October 2026, Bắc Ninh (34:24), procedure 1.001193 (eligible for full-process, no fee) and the
land procedure 1.004227 (not eligible, fee-bearing):

        agency (level)           procedure  new:           resolved:         pending:
                                            online/full/   early/on time/    ok/late
                                            direct         late
    a   1 Sở Tư pháp (province)  1.001193   80/40/20       60/30/10          0/0
    b   2 Xã Lục Ngạn (commune)  1.001193   50/10/50       40/40/20          0/0
    c   2 Xã Lục Ngạn (commune)  1.004227   20/0/30        20/20/5           3/2
    d   3 Xã Lâm Thao (commune)  1.001193   40/36/10       30/20/0           0/0

        fee-bearing/paid  digitised  e-results  reused  rated/not satisfied
    a   0/0               90         80         70      20/2
    b   0/0               40         50         30      10/3
    c   50/20             10         15          5       5/1
    d   0/0               50         50         45      10/0

so the unit's rates and recomputed points (domain/index766.py) are:
    on time (766)       (260 + 3) / (295 + 5) = 263/300      → 20 × 263/300            = 17.533333
    full-process (766)  86 / 250 = 0.344                     → 12 × 0.344              =  4.128
    paid online         20 / 50 = 0.4                        →  6 × 0.4                =  2.4
    e-results           195 / 295                            →  6 × 195/295            =  3.966102
    digitised           190 / 300 (< 80%)                    →  4 × (190/300) / 0.8    =  3.166667
    data reuse          150 / 300 = 0.5 (< 80%)              →  2 × 0.5 / 0.8          =  1.25
    population db       0.5                                  →  2 × 0.5                =  1.0
    satisfaction (766)  (295 − 35 − 6) / 295 = 254/295 (<90%) → 6 × (254/295) / 0.9    =  5.740113
Digitisation = 9.382768 of 14. Its 4.617232 lost points shared by missed dossiers: agency 1
0.832537, agency 2 3.726361 (of which 1.001193: 2.288161), agency 3 0.058333. Progress loses
2.466667 points over 37 late dossiers (1/15 of a point each): agency 1 10 → 0.666667, agency 2
27 → 1.8.

Published scores, week 2026-W43 (and the month 2026-10, the same): the 33 other provinces at
96 − 0.5 r (r = 1 … 22: 95.5 … 85.0) and 84.0 − 0.5 (r − 23) (r = 23 … 33: 84.0 … 79.0), their
groups in proportion to the groups' maxima; Bắc Ninh 84.50, 23rd of 34: 15.5 / 18.5 / 6.5 /
9.0 / 18.0 / 17.0 (most official points lost: online services, 5.5). Week W42: Bắc Ninh 85.75,
21st; W39: 83.00, 26th (after the province it ties with). The Ministry of Justice 70.00, 1st
of 1. Communes in W43: Lục Ngạn 80.50 (2nd of 2), Lâm Thao 92.00 (1st).
"""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from data_access import reference, schema
from data_access.db import Database, bulk_insert
from domain import index766 as I
from tests import fixture_data

UNIT = "34:24"
W43, W42, W39 = (I.Period.parse(p) for p in ("2026-W43", "2026-W42", "2026-W39"))
OCTOBER = I.Period.parse("2026-10")
AGENCIES = [  # id, code, locality, level, name
    (1, "34:24-S02", "34:24", "province", "Sở Tư pháp"),
    (2, "34:24-X07582", "34:24", "commune", "UBND Xã Lục Ngạn"),
    (3, "34:24-X09529", "34:24", "commune", "UBND Xã Lâm Thao"),
    (4, "34:01-S02", "34:01", "province", "Sở Tư pháp"),
    (5, "24-H213", "63:24", "district", "UBND Huyện Lục Ngạn"),
    (6, "B-TP-LLTP", "B-TP", "ministry", "Trung tâm Lý lịch tư pháp quốc gia"),
]
COLS = ("received_online", "received_full_online", "received_direct", "received_postal",
        "carried_over", "resolved_early", "resolved_on_time", "resolved_late",
        "pending_on_time", "pending_late", "fee_bearing", "paid_online", "digitised",
        "e_results", "data_reused", "rated", "not_satisfied")
ROWS = [  # month, agency, locality, procedure, *COLS
    ((2026, 10), 1, UNIT, "1.001193", 80, 40, 20, 0, 0, 60, 30, 10, 0, 0, 0, 0, 90, 80, 70, 20, 2),
    ((2026, 10), 2, UNIT, "1.001193", 50, 10, 50, 0, 0, 40, 40, 20, 0, 0, 0, 0, 40, 50, 30, 10, 3),
    ((2026, 10), 2, UNIT, "1.004227", 20, 0, 30, 0, 0, 20, 20, 5, 3, 2, 50, 20, 10, 15, 5, 5, 1),
    ((2026, 10), 3, UNIT, "1.001193", 40, 36, 10, 0, 0, 30, 20, 0, 0, 0, 0, 0, 50, 50, 45, 10, 0),
    ((2026, 10), 4, "34:01", "1.001193", 10, 10, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 10, 10, 10, 1, 0),
    ((2026, 1), 4, "34:01", "1.001193", 10, 10, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 10, 10, 10, 1, 0),
]
UNIT_GROUPS = {"transparency": 15.5, "progress": 18.5, "online_services": 6.5,
               "online_payment": 9.0, "digitisation": 18.0, "satisfaction": 17.0}
EXPECTED = {"progress": 20 * 263 / 300, "online_services": 12 * 0.344,
            "online_payment": 2.4,
            "digitisation": 6 * 195 / 295 + 4 * (190 / 300) / 0.8 + 1.25 + 1.0,
            "satisfaction": 6 * (254 / 295) / 0.9}


def _other_totals() -> list[float]:
    return [96 - 0.5 * r for r in range(1, 23)] + [84.0 - 0.5 * (r - 23) for r in range(23, 34)]


def _proportional(total: float) -> dict:
    groups = {g.id: round(total * g.points / I.TOTAL, 2) for g in I.GROUPS}
    return groups | {"total": round(sum(groups.values()), 2)}


def score_rows() -> pd.DataFrame:
    others = [k for k in reference.locality_rows()["code"] if k.startswith("34:") and k != UNIT]
    rows = []
    unit_totals = {W43: 84.50, OCTOBER: 84.50, W42: 85.75, W39: 83.00}
    for period in (W43, OCTOBER, W42, W39):
        unit = UNIT_GROUPS | {"total": unit_totals[period]} if period in (W43, OCTOBER) \
            else _proportional(unit_totals[period])
        ranked = sorted([(k, _proportional(t)) for k, t in zip(sorted(others), _other_totals())]
                        + [(UNIT, unit)], key=lambda kv: -kv[1]["total"])
        for rank, (key, groups) in enumerate(ranked, start=1):
            rows.append({"period": period, "locality_code": key, "agency_id": None,
                         **groups, "rank": rank, "rank_of": 34})
        rows.append({"period": period, "locality_code": "B-TP", "agency_id": None,
                     **_proportional(70.0), "rank": 1, "rank_of": 1})
    for agency, total, rank in ((2, 80.5, 2), (3, 92.0, 1)):
        rows.append({"period": W43, "locality_code": UNIT, "agency_id": agency,
                     **_proportional(total), "rank": rank, "rank_of": 2})
    frame = pd.DataFrame(rows)
    return frame.assign(period_kind=[p.kind for p in frame["period"]],
                        period_start=[p.start for p in frame["period"]],
                        period_end=[p.end for p in frame["period"]],
                        agency_id=pd.array(frame["agency_id"], dtype="Int64"),
                        load_id=1).drop(columns="period")


def build(db: Database, scores: bool = True) -> None:
    """Create the schema (dropping what was there) and fill it; `scores`: with the published
    scores (the import tests start without)."""
    db.drop_schema()
    db.create_schema()
    stats = pd.DataFrame([{
        "period_start": date(y, m, 1), "period_end": (pd.Timestamp(y, m, 1)
                                                      + pd.offsets.MonthEnd(0)).date(),
        "agency_id": a, "locality_code": loc, "field_code": "G15-TP07" if p == "1.001193"
        else "G13-TN02", "procedure_code": p, **dict(zip(COLS, vals)), "load_id": 1}
        for (y, m), a, loc, p, *vals in ROWS])
    with db.transaction() as conn:
        bulk_insert(conn, schema.localities, reference.locality_rows())
        bulk_insert(conn, schema.agencies, pd.DataFrame([
            {"id": i, "code": c, "locality_code": loc, "level": lv, "name_vi": n,
             "name_en": n} for i, c, loc, lv, n in AGENCIES]))
        bulk_insert(conn, schema.fields, pd.DataFrame(fixture_data.FIELDS))
        bulk_insert(conn, schema.procedures, pd.DataFrame(fixture_data.PROCEDURES))
        bulk_insert(conn, schema.data_loads, pd.DataFrame([{
            "id": 1, "kind": "import", "file_name": "fixture_index766", "rows": len(ROWS),
            "loaded_by": "tests", "loaded_at": datetime(2026, 11, 22, 9, 0), "outcome": "ok"}]))
        bulk_insert(conn, schema.dossier_stats, stats)
        if scores:
            bulk_insert(conn, schema.index766_scores, score_rows())


def test_the_fixture_balances():
    """Each row: carried + new = resolved + pending; the scores: Bắc Ninh 23rd of 34 in W43."""
    for _, _, _, _, *vals in ROWS:
        v = dict(zip(COLS, vals))
        new = v["received_online"] + v["received_direct"] + v["received_postal"]
        assert v["carried_over"] + new == v["resolved_early"] + v["resolved_on_time"] + \
            v["resolved_late"] + v["pending_on_time"] + v["pending_late"]
    scores = score_rows()
    week = scores[(scores["period_start"] == W43.start) & (scores["period_kind"] == "week")]
    unit = week[(week["locality_code"] == UNIT) & week["agency_id"].isna()].iloc[0]
    assert (unit["rank"], unit["total"]) == (23, 84.50)
    assert sum(UNIT_GROUPS.values()) == 84.50
