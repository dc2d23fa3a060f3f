"""The sample's published scores (data_access.sample_index766), written on a small synthetic
database of both eras (one agency per province and ministry, one procedure, 2024–2025): they
are consistent with the statistics — a month's recomputable groups as published equal the
groups the dashboard recomputes, a week's within its wobble — ranked per period among the
provinces of the period's era and among the ministries, with the published figures pinned
(totals where the statistics allow, Bắc Ninh 23rd of 34 at the end of July 2025), and the
agencies of the 34 scored for the last months only."""
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa

from data_access import index766 as store
from data_access import reference, sample_index766, schema
from data_access.db import Database, bulk_insert
from domain import eras
from domain import index766 as I
from domain.periods import Month, MonthRange
from tests import fixture_data

MONTHS = MonthRange(Month(2024, 1), Month(2025, 12)).months()


def _rows(units: pd.DataFrame) -> pd.DataFrame:
    """Per month, one report of each unit of the month's era and of each ministry; rates vary
    with the unit's position so that the units differ."""
    out = []
    for m in MONTHS:
        era = eras.era_of(m)
        for i, r in enumerate(units.itertuples()):
            if r.era not in (era, None) and isinstance(r.era, str):
                continue
            full, dig = 50 + i % 30, 80 + i % 20
            out.append({"period_start": m.first_day, "period_end": m.last_day,
                        "agency_id": r.agency, "locality_code": r.code,
                        "field_code": "G15-TP07", "procedure_code": "1.001193",
                        "received_online": 80, "received_full_online": full,
                        "received_direct": 20, "received_postal": 0, "carried_over": 0,
                        "resolved_early": 80, "resolved_on_time": 18 - i % 5,
                        "resolved_late": 2 + i % 5, "pending_on_time": 0, "pending_late": 0,
                        "fee_bearing": 50, "paid_online": 40 + i % 10, "digitised": dig,
                        "e_results": dig, "data_reused": dig - 10, "rated": 20,
                        "not_satisfied": i % 3, "load_id": 1})
    return pd.DataFrame(out)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = Database(f"duckdb:///{tmp_path_factory.mktemp('i766_sample') / 's.duckdb'}")
    database.drop_schema()
    database.create_schema()
    units = reference.locality_rows()[["code", "era", "kind"]].copy()
    units["era"] = units["era"].where(units["era"].notna(), None)
    units["agency"] = range(1, len(units) + 1)
    agencies = pd.DataFrame({
        "id": units["agency"], "locality_code": units["code"],
        "code": [f"{k}-S02" if k.startswith("34:") else f"{eras.code_of(k)}-S02" if ":" in k
                 else f"{k}-U1" for k in units["code"]],
        "level": np.where(units["kind"] == "ministry", "ministry", "province"),
        "name_vi": "Sở Tư pháp", "name_en": "Department of Justice"})
    with database.transaction() as conn:
        bulk_insert(conn, schema.localities, reference.locality_rows())
        bulk_insert(conn, schema.agencies, agencies)
        bulk_insert(conn, schema.fields, pd.DataFrame(fixture_data.FIELDS))
        bulk_insert(conn, schema.procedures, pd.DataFrame(fixture_data.PROCEDURES))
        bulk_insert(conn, schema.dossier_stats, _rows(units))
        bulk_insert(conn, schema.data_loads, pd.DataFrame([{
            "id": 1, "kind": "sample", "file_name": "synthetic", "rows": 0,
            "loaded_by": "tests", "loaded_at": datetime(2026, 11, 22), "outcome": "ok"}]))
        written = sample_index766.write(conn, MONTHS, 2026, 1)
    assert written > 0
    yield database
    database.dispose()


def scores(db) -> pd.DataFrame:
    frame = db.query(sa.select(schema.index766_scores))
    frame["period_start"] = pd.to_datetime(frame["period_start"]).dt.date
    return frame


def one(db, period: str, unit: str) -> pd.Series:
    p = I.Period.parse(period)
    frame = store.scores(db, p, unit)
    return frame[frame["agency_id"].isna()].iloc[0]


def test_every_period_ranks_the_units_of_its_era(db):
    frame = scores(db)
    units = frame[frame["agency_id"].isna()]
    weeks = units[units["period_kind"] == "week"]["period_start"].nunique()
    assert weeks == 104 and units[units["period_kind"] == "month"]["period_start"].nunique() == 24
    for (kind, start), grp in units.groupby(["period_kind", "period_start"]):
        end = grp["period_end"].iloc[0]
        era = eras.era_of(pd.Timestamp(end).date())
        provinces = grp[grp["locality_code"].str.contains(":")]
        assert set(provinces["locality_code"].str[:2]) == {era}
        assert len(provinces) == (63 if era == "63" else 34)
        assert sorted(provinces["rank"]) == sorted(I.rank(provinces["total"]).tolist())
        assert (provinces["rank_of"] == len(provinces)).all()
    groups = units[list(I.GROUP_IDS)].sum(axis=1)
    assert (groups - units["total"]).abs().max() < 0.006  # the total is the groups' sum
    for g in I.GROUPS:
        assert units[g.id].between(0, g.points).all()


def test_published_groups_are_consistent_with_the_statistics(db):
    """A month publishes exactly the recomputed points of its fully recomputable groups; a
    week wobbles around them (1%)."""
    for period in ("2024-07", "2025-11"):
        p = I.Period.parse(period)
        board = store.board(db, p)
        for g in ("progress", "online_services"):
            assert board[g].to_numpy() == pytest.approx(
                board[f"recomputed_{g}"].round(2).to_numpy(), abs=0.006), (period, g)
    week = store.board(db, I.Period.parse("2025-W46"))
    gap = (week["progress"] - week["recomputed_progress"]).abs()
    assert gap.max() < 0.8 and gap.mean() > 0  # a wobble, not the month's figure


def test_published_figures_are_pinned(db):
    for unit, period, total, _ in sample_index766.PINS:
        if total is not None:
            assert one(db, period, unit)["total"] == pytest.approx(total, abs=0.02), (unit, period)
    assert one(db, "2025-W31", "34:24")["rank"] == 23  # Bắc Ninh at the end of July 2025


def test_the_34_start_lower_and_recover(db):
    frame = scores(db)
    weekly = frame[(frame["period_kind"] == "week") & frame["agency_id"].isna()
                   & frame["locality_code"].str.startswith("34:")]
    first = weekly[weekly["period_start"] == date(2025, 6, 30)]["total"].mean()
    later = weekly[weekly["period_start"] == date(2025, 12, 8)]["total"].mean()
    assert later - first > 10


def test_agencies_of_the_34_for_the_last_months(db):
    frame = scores(db)
    agencies = frame[frame["agency_id"].notna()]
    months = {Month.of(pd.Timestamp(e).date()) for e in agencies["period_end"]}
    assert months == {Month(2025, 10), Month(2025, 11), Month(2025, 12)}
    assert agencies["locality_code"].str.startswith("34:").all()
    assert (agencies["rank"] == 1).all() and (agencies["rank_of"] == 1).all()  # one each
