"""The schema on DuckDB, SQLite and PostgreSQL: created twice without harm, every table there,
the fact table's indexes on servers that use them, writes all-or-nothing."""
import pandas as pd
import pytest
import sqlalchemy as sa

from data_access import schema
from data_access.db import bulk_insert
from tests.conftest import DIALECTS, make_db


@pytest.mark.parametrize("dialect", DIALECTS)
def test_schema_is_created_on_every_dialect(dialect, tmp_path):
    db = make_db(dialect, tmp_path)
    db.drop_schema()
    db.create_schema()
    db.create_schema()  # idempotent
    with db.connect() as conn:
        inspector = sa.inspect(conn)
        assert set(schema.metadata.tables) <= set(inspector.get_table_names())
        # Column names from a query: duckdb-engine's inspector cannot list columns on DuckDB 2.
        columns = set(conn.execute(sa.select(schema.dossier_stats).limit(0)).keys())
        indexes = ({i["name"] for i in inspector.get_indexes("dossier_stats")}
                   if dialect != "duckdb" else set())
    assert {"period_start", "period_end", "received_full_online", "not_satisfied"} <= columns
    if dialect != "duckdb":
        assert {"ix_stats_period", "ix_stats_agency", "ix_stats_procedure"} <= indexes
    db.dispose()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_failed_write_leaves_nothing(dialect, tmp_path):
    db = make_db(dialect, tmp_path)
    db.drop_schema()
    db.create_schema()
    with pytest.raises(RuntimeError):
        with db.transaction() as conn:
            bulk_insert(conn, schema.fields, pd.DataFrame(
                {"code": ["G15-TP07"], "name_vi": ["Hộ tịch"], "name_en": ["Civil status"]}))
            raise RuntimeError("interrupted")
    assert db.scalar(sa.select(sa.func.count()).select_from(schema.fields)) == 0
    db.dispose()
