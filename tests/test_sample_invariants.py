"""Invariants of the synthetic sample (data_access/sample.py): counts, identities, stocks carried
month to month, codes, determinism and the load record.

The demo database is built once per test session (`demo_database`, shared with
test_sample_calibration.py) into a temporary DuckDB file; checks run in SQL on that file.
"""
from __future__ import annotations

import time

import pandas as pd
import pytest
import sqlalchemy as sa

from data_access import reference, sample
from data_access.db import Database
from domain.metrics import COUNT_COLUMNS
from domain.periods import Month

_BUILT: dict = {}
UNTIL = Month(2026, 10)  # tests fix the last month; `make run` takes the last full month
MONTHS_63, MONTHS_34 = 42, 16  # 2022-01 … 2025-06, 2025-07 … 2026-10


def demo_database(tmp_path_factory) -> Database:
    """The demo sample with the default seed, built once per test session."""
    if "db" not in _BUILT:
        path = tmp_path_factory.mktemp("sample") / "demo.duckdb"
        db = Database(f"duckdb:///{path}")
        started = time.monotonic()
        rows = sample.generate(db, "demo", sample.DEFAULT_SEED, progress=False, until=UNTIL)
        _BUILT.update(db=db, rows=rows, seconds=time.monotonic() - started, path=path)
    return _BUILT["db"]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Database:
    return demo_database(tmp_path_factory)


def q(db: Database, sql: str) -> pd.DataFrame:
    return db.query(sa.text(sql))


def one(db: Database, sql: str):
    return db.scalar(sa.text(sql))


# --- counts and identities ------------------------------------------------------------------
def test_the_load_counts_what_it_wrote(sample_db):
    # (its time is a figure the CLI prints, not a test: see README "Sample data")
    assert _BUILT["rows"] == one(sample_db, "SELECT count(*) FROM dossier_stats")


def test_no_negative_counts(sample_db):
    cond = " OR ".join(f"{c} < 0" for c in COUNT_COLUMNS)
    assert one(sample_db, f"SELECT count(*) FROM dossier_stats WHERE {cond}") == 0


def test_counts_reported_except_quality_columns(sample_db):
    always = [c for c in COUNT_COLUMNS if c not in sample.QUALITY_COLUMNS]
    cond = " OR ".join(f"{c} IS NULL" for c in always)
    assert one(sample_db, f"SELECT count(*) FROM dossier_stats WHERE {cond}") == 0


def test_identity_received_equals_resolved_plus_pending(sample_db):
    bad = one(sample_db, """
        SELECT count(*) FROM dossier_stats
        WHERE carried_over + received_online + received_direct + received_postal
           <> resolved_early + resolved_on_time + resolved_late + pending_on_time + pending_late
    """)
    assert bad == 0


@pytest.mark.parametrize("part,whole", [
    ("received_full_online", "received_online"),
    ("paid_online", "fee_bearing"),
    ("not_satisfied", "rated"),
    ("rated", "resolved_early + resolved_on_time + resolved_late"),
    ("e_results", "resolved_early + resolved_on_time + resolved_late"),
    ("digitised", "received_online + received_direct + received_postal"),
    ("data_reused", "received_online + received_direct + received_postal"),
    ("fee_bearing", "received_online + received_direct + received_postal"),
])
def test_part_not_above_whole(sample_db, part, whole):
    assert one(sample_db, f"SELECT count(*) FROM dossier_stats WHERE {part} > {whole}") == 0


def test_stocks_carried_month_to_month(sample_db):
    """carried_over(m) = pending_on_time(m-1) + pending_late(m-1) for every series."""
    frame = q(sample_db, """
        WITH s AS (
            SELECT period_start, carried_over,
                   LAG(pending_on_time + pending_late) OVER w AS prev_pending,
                   LAG(period_start) OVER w AS prev_start
            FROM dossier_stats
            WINDOW w AS (PARTITION BY agency_id, field_code, procedure_code
                         ORDER BY period_start))
        SELECT count(*) FILTER (WHERE prev_start IS NOT NULL) AS carried,
               count(*) FILTER (WHERE prev_start IS NOT NULL
                                AND carried_over <> prev_pending) AS broken,
               count(*) FILTER (WHERE prev_start IS NOT NULL
                                AND prev_start + INTERVAL 1 MONTH <> period_start) AS gaps
        FROM s
    """).iloc[0]
    assert frame["carried"] > 0
    assert frame["broken"] == 0
    assert frame["gaps"] == 0


def test_first_month_starts_from_a_steady_stock(sample_db):
    # not an empty office: the stock carried into January 2022 is about the one carried
    # into the following months
    frame = q(sample_db, """
        SELECT period_start, sum(carried_over) AS carried FROM dossier_stats
        WHERE period_start <= DATE '2022-06-01' GROUP BY 1 ORDER BY 1
    """)
    first, later = frame["carried"].iloc[0], frame["carried"].iloc[1:].mean()
    assert 0.7 < first / later < 1.4


def test_one_row_per_series_and_calendar_month(sample_db):
    frame = q(sample_db, """
        SELECT period_start < DATE '2025-07-01' AS before, count(*) AS rows,
               count(DISTINCT period_start) AS months,
               count(DISTINCT (agency_id, field_code, procedure_code)) AS series,
               min(period_start) AS first, max(period_end) AS last,
               count(*) FILTER (WHERE period_end <> last_day(period_start)
                                OR day(period_start) <> 1) AS not_months
        FROM dossier_stats GROUP BY 1
    """).set_index("before")
    assert len(sample.sample_months(UNTIL)) == MONTHS_63 + MONTHS_34
    old, new = frame.loc[True], frame.loc[False]
    assert old["months"] == MONTHS_63 and old["rows"] == old["series"] * MONTHS_63
    assert new["months"] == MONTHS_34 and new["rows"] == new["series"] * MONTHS_34
    assert str(old["first"]) == "2022-01-01" and str(old["last"]) == "2025-06-30"
    assert str(new["first"]) == "2025-07-01" and str(new["last"]) == "2026-10-31"
    assert frame["not_months"].sum() == 0


def test_each_era_has_its_own_units(sample_db):
    """Before 07/2025 the 63 (and their districts); from 07/2025 the 34, their departments,
    service centres and communes, no district; the ministries throughout."""
    frame = q(sample_db, """
        SELECT s.period_start < DATE '2025-07-01' AS before, l.era, a.level,
               count(DISTINCT s.locality_code) AS units, count(DISTINCT s.agency_id) AS agencies
        FROM dossier_stats s JOIN localities l ON l.code = s.locality_code
        JOIN agencies a ON a.id = s.agency_id GROUP BY ALL
    """)
    before, after = frame[frame["before"]], frame[~frame["before"]]
    assert set(before["era"].dropna()) == {"63"} and set(after["era"].dropna()) == {"34"}
    assert before[before["era"] == "63"]["units"].max() == 63
    assert after[after["era"] == "34"]["units"].max() == 34
    assert "district" not in set(after["level"])
    assert after.loc[after["level"] == "commune", "agencies"].sum() == 3321
    centres = one(sample_db, """SELECT count(DISTINCT s.agency_id) FROM dossier_stats s
                                JOIN agencies a ON a.id = s.agency_id
                                WHERE a.code LIKE '%-TTPVHCC'""")
    assert centres == 34


def test_stocks_handed_over_on_1_july_2025(sample_db):
    """Each new province opens July 2025 with exactly its old provinces' pending dossiers of
    June (departments, districts and communes alike); each ministry with its own."""
    frame = q(sample_db, """
        WITH june AS (
            SELECT coalesce(l.successor_code, s.locality_code) AS unit,
                   sum(pending_on_time + pending_late) AS pending
            FROM dossier_stats s JOIN localities l ON l.code = s.locality_code
            WHERE period_start = DATE '2025-06-01' GROUP BY 1),
        july AS (
            SELECT locality_code AS unit, sum(carried_over) AS carried FROM dossier_stats
            WHERE period_start = DATE '2025-07-01' GROUP BY 1)
        SELECT june.unit, pending, carried FROM june FULL JOIN july USING (unit)
    """)
    assert frame["unit"].str.startswith("34:").sum() == 34
    assert not frame["unit"].str.startswith("63:").any()
    assert frame["pending"].notna().all() and frame["carried"].notna().all()
    assert (frame["pending"] == frame["carried"]).all()
    assert frame["pending"].sum() > 100_000


def test_rows_stored_sorted_by_period_and_locality(sample_db):
    unsorted = one(sample_db, """
        WITH s AS (SELECT period_start, locality_code,
                          LAG(period_start) OVER (ORDER BY rowid) AS p0,
                          LAG(locality_code) OVER (ORDER BY rowid) AS l0
                   FROM dossier_stats)
        SELECT count(*) FROM s
        WHERE p0 > period_start OR (p0 = period_start AND l0 > locality_code)
    """)
    assert unsorted == 0


# --- codes ------------------------------------------------------------------------------------
def test_codes_match_reference_tables(sample_db):
    bad = q(sample_db, """
        SELECT
          (SELECT count(*) FROM dossier_stats s LEFT JOIN agencies a ON a.id = s.agency_id
            WHERE a.id IS NULL OR a.locality_code <> s.locality_code) AS agency,
          (SELECT count(*) FROM dossier_stats s LEFT JOIN procedures p
              ON p.code = s.procedure_code
            WHERE s.procedure_code IS NOT NULL
              AND (p.code IS NULL OR p.field_code <> s.field_code)) AS procedure,
          (SELECT count(*) FROM dossier_stats s LEFT JOIN fields f ON f.code = s.field_code
            WHERE f.code IS NULL) AS field,
          (SELECT count(*) FROM dossier_stats WHERE load_id <> 1) AS load
    """).iloc[0]
    assert bad.to_dict() == {"agency": 0, "procedure": 0, "field": 0, "load": 0}


def test_rows_by_field_only_for_ministries_without_procedures(sample_db):
    frame = q(sample_db, """
        SELECT DISTINCT a.level, s.locality_code FROM dossier_stats s
        JOIN agencies a ON a.id = s.agency_id WHERE s.procedure_code IS NULL
    """)
    assert set(frame["level"]) <= {"ministry"}
    procs = reference.procedures()
    with_procs = set(procs.loc[procs["level"] == "ministry", "ministry_code"])
    assert not set(frame["locality_code"]) & with_procs


def test_agencies(sample_db):
    ag = q(sample_db, "SELECT * FROM agencies ORDER BY id")
    assert list(ag["id"]) == list(range(1, len(ag) + 1))
    assert ag["code"].is_unique
    depts = reference.departments()
    n_depts = (depts["in_2023_2024"] == "yes").sum()
    n_depts_2025 = (depts["in_2025"] == "yes").sum()
    new = ag["locality_code"].str.startswith("34:")
    assert ag.loc[new, "code"].str.startswith("34:").all()  # no code equal to an old one
    assert (ag.loc[~new, "level"] == "province").sum() == 63 * n_depts
    assert (ag.loc[new, "level"] == "province").sum() == 34 * (n_depts_2025 + 1)  # + centre
    assert (ag.loc[new, "level"] == "commune").sum() == 3321
    assert (ag["level"] == "district").sum() == sum(len(p["districts"])
                                                   for p in sample.divisions())
    assert not (ag.loc[new, "level"] == "district").any()
    assert (ag["level"] == "ministry").sum() == len(reference.ministry_units())
    ba_dinh = ag[ag["code"] == "01-H001"].iloc[0]
    assert ba_dinh["name_vi"] == "UBND Quận Ba Đình"
    assert ba_dinh["name_en"] == "Ba Dinh District People's Committee"
    assert ag[ag["code"] == "01-S02"].iloc[0]["name_vi"] == "Sở Tư pháp"
    communes = ag[(ag["level"] == "commune") & ~new]
    parents = ag.set_index("id").loc[communes["parent_id"].astype(int)]
    assert (parents["level"].to_numpy() == "district").all()
    assert (parents["locality_code"].to_numpy() == communes["locality_code"].to_numpy()).all()
    assert communes.groupby("parent_id").size().max() == sample.DEMO_WARDS_PER_DISTRICT


def test_procedures_handled_by_the_right_agencies(sample_db):
    frame = q(sample_db, """
        SELECT p.level AS p_level, a.level AS a_level, a.name_vi, f.ministry_vi,
               count(DISTINCT s.locality_code) AS localities
        FROM (SELECT DISTINCT agency_id, procedure_code, locality_code FROM dossier_stats
              WHERE procedure_code IS NOT NULL AND period_start < DATE '2025-07-01') s
        JOIN agencies a ON a.id = s.agency_id
        JOIN procedures p ON p.code = s.procedure_code
        JOIN fields f ON f.code = p.field_code
        GROUP BY ALL
    """)
    assert (frame["p_level"] == frame["a_level"]).all()
    prov = frame[frame["p_level"] == "province"]
    expected = prov["ministry_vi"].map(sample.department_for)
    assert (prov["name_vi"] == expected).all()
    assert (prov["localities"] == 63).all()


def test_from_july_2025_communes_take_over_the_district_work(sample_db):
    frame = q(sample_db, """
        SELECT p.level AS p_level, a.level AS a_level, count(DISTINCT s.locality_code) AS units
        FROM (SELECT DISTINCT agency_id, procedure_code, locality_code FROM dossier_stats
              WHERE procedure_code IS NOT NULL AND period_start >= DATE '2025-07-01') s
        JOIN agencies a ON a.id = s.agency_id JOIN procedures p ON p.code = s.procedure_code
        GROUP BY ALL
    """)
    pairs = set(zip(frame["p_level"], frame["a_level"]))
    assert pairs == {("district", "commune"), ("commune", "commune"),
                     ("province", "province"), ("ministry", "ministry")}
    assert (frame.loc[frame["a_level"] != "ministry", "units"] == 34).all()


def test_online_only_where_a_service_exists(sample_db):
    frame = q(sample_db, """
        SELECT sum(CASE WHEN p.online_level = 'none' THEN s.received_online ELSE 0 END) AS none,
               sum(CASE WHEN p.online_level = 'full' AND p.full_online_eligible THEN 0
                        ELSE s.received_full_online END) AS full_elsewhere,
               sum(CASE WHEN coalesce(p.fee_direct_vnd, 0) = 0 THEN s.fee_bearing ELSE 0 END)
                 AS fee_without_fee,
               sum(CASE WHEN coalesce(p.fee_direct_vnd, 0) > 0
                        THEN received_online + received_direct + received_postal - fee_bearing
                        ELSE 0 END) AS fee_missing
        FROM dossier_stats s JOIN procedures p ON p.code = s.procedure_code
    """).iloc[0]
    assert frame.to_dict() == {"none": 0, "full_elsewhere": 0, "fee_without_fee": 0,
                               "fee_missing": 0}


def test_blank_means_not_reported_in_2022_only(sample_db):
    frame = q(sample_db, """
        SELECT year(period_start) AS year, locality_code,
               count(*) FILTER (WHERE digitised IS NULL) AS blank, count(*) AS n
        FROM dossier_stats GROUP BY ALL
    """)
    blank = frame[frame["blank"] > 0]
    assert set(blank["year"]) == {2022}
    assert (blank["blank"] == blank["n"]).all()  # a province reports all or nothing
    n_blank = blank["locality_code"].nunique()
    assert n_blank == round(sample.NOT_REPORTING_2022 * 63)
    assert all(c.startswith("63:") for c in blank["locality_code"])  # provinces only
    cols = " AND ".join(f"{c} IS NULL" for c in sample.QUALITY_COLUMNS)
    assert one(sample_db, f"SELECT count(*) FROM dossier_stats WHERE digitised IS NULL "
                          f"AND NOT ({cols})") == 0


def test_load_recorded(sample_db):
    loads = q(sample_db, "SELECT * FROM data_loads")
    assert len(loads) == 1
    row = loads.iloc[0]
    assert row["id"] == 1 and row["kind"] == "sample" and row["outcome"] == "ok"
    assert row["file_name"] == f"sample:demo seed={sample.DEFAULT_SEED} until=2026-10"
    assert row["rows"] == one(sample_db, "SELECT count(*) FROM dossier_stats")
    assert row["loaded_by"]
    assert pd.notna(row["loaded_at"])


def test_reference_tables_loaded(sample_db):
    counts = q(sample_db, """
        SELECT (SELECT count(*) FROM localities WHERE kind = 'province') AS provinces,
               (SELECT count(*) FROM localities WHERE kind = 'ministry') AS ministries,
               (SELECT count(*) FROM procedures) AS procedures,
               (SELECT count(*) FROM fee_policies) AS policies,
               (SELECT count(*) FROM fee_policy_procedures) AS coverage
    """).iloc[0]
    assert counts["provinces"] == 63 + 34
    assert counts["ministries"] == len(reference.ministries())
    assert counts["procedures"] == len(reference.procedures())
    assert counts["policies"] == len(reference.fee_policies())
    assert counts["coverage"] == len(reference.fee_policy_coverage())


# --- determinism ------------------------------------------------------------------------------
def _first_chunk(seed: int) -> pd.DataFrame:
    return next(sample.stats_chunks(sample.build_plan("demo", seed, UNTIL)))


def test_same_seed_same_frames_other_seed_other_frames():
    a = _first_chunk(sample.DEFAULT_SEED)
    b = _first_chunk(sample.DEFAULT_SEED)
    pd.testing.assert_frame_equal(a, b)
    c = _first_chunk(sample.DEFAULT_SEED + 1)
    assert len(c) == len(a)
    assert not a["received_online"].equals(c["received_online"])
    pd.testing.assert_frame_equal(a[["agency_id", "procedure_code"]],
                                  c[["agency_id", "procedure_code"]])
    pd.testing.assert_frame_equal(sample.build_agencies("demo"), sample.build_agencies("demo"))


def test_reload_replaces_everything(sample_db):
    """A second load into a filled database replaces it (DuckDB: in one transaction)."""
    before = one(sample_db, "SELECT sum(received_online) FROM dossier_stats")
    rows = sample.generate(sample_db, "demo", sample.DEFAULT_SEED, progress=False, until=UNTIL)
    assert rows == _BUILT["rows"]
    assert one(sample_db, "SELECT count(*) FROM data_loads") == 1
    assert one(sample_db, "SELECT count(*) FROM dossier_stats") == rows
    assert one(sample_db, "SELECT sum(received_online) FROM dossier_stats") == before


# --- national scale -----------------------------------------------------------------------------
def test_national_scale_has_every_ward_and_five_million_rows():
    plan = sample.build_plan("national", sample.DEFAULT_SEED, UNTIL)
    old = plan.agencies["locality_code"].str.startswith("63:")
    communes = (plan.agencies.loc[old, "level"] == "commune").sum()
    assert communes == sum(len(d["wards"]) for p in sample.divisions() for d in p["districts"])
    rows_34 = plan.series_34["group"].nunique() * MONTHS_34
    assert len(plan.series) * MONTHS_63 + rows_34 >= 5_000_000
