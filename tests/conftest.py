"""Shared fixtures: the hand-made database on DuckDB, SQLite and a real PostgreSQL server."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data_access.db import Database  # noqa: E402
from tests import fixture_data  # noqa: E402

PG_URL = os.environ.get("DVC_TEST_PG_URL", "postgresql+psycopg2://dvc:dvc@localhost:5432/dvc_test")
DIALECTS = ("duckdb", "sqlite", "postgresql")


def postgres_available() -> str | None:
    """None when the test server answers, else why not."""
    try:
        engine = sa.create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}"


def make_db(dialect: str, tmp_path: Path) -> Database:
    if dialect == "duckdb":
        return Database(f"duckdb:///{tmp_path / 'fixture.duckdb'}")
    if dialect == "sqlite":
        return Database(f"sqlite:///{tmp_path / 'fixture.sqlite'}")
    why = postgres_available()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL test server {PG_URL} not reachable in CI: {why}")
        pytest.skip(f"PostgreSQL test server {PG_URL} not reachable ({why}); "
                    "start one (see .ci/run) or set DVC_TEST_PG_URL")
    return Database(worker_pg_url())


@functools.cache
def worker_pg_url() -> str:
    """`make test` runs on both cores (pytest-xdist, one file per worker at a time): each worker
    has a database of its own on the test server (dvc_test_gw0, dvc_test_gw1), made on first
    use, so that two workers never drop each other's tables."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return PG_URL
    url = sa.engine.make_url(PG_URL)
    name = f"{url.database}_{worker}"
    engine = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if not conn.execute(sa.text("select 1 from pg_database where datname = :n"),
                            {"n": name}).scalar():
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def pytest_configure(config):
    config.addinivalue_line("markers", "alone: timing-sensitive; `make test` runs it after the "
                            "others, with no other test beside it")


@pytest.fixture(params=DIALECTS)
def fixture_db(request, tmp_path):
    """The hand-made database, once per dialect."""
    db = make_db(request.param, tmp_path)
    fixture_data.build(db)
    yield db
    db.dispose()


@pytest.fixture
def duck_fixture_path(tmp_path) -> Path:
    """The hand-made database as a DuckDB file (for app tests)."""
    path = tmp_path / "app.duckdb"
    fixture_data.build(Database(f"duckdb:///{path}"))
    return path


def point_app_at(path: Path, monkeypatch):
    """Point the app at a DuckDB file, with Streamlit's caches emptied before and after."""
    import streamlit as st

    monkeypatch.setenv("DVC_DATABASE_URL", f"duckdb:///{path}")
    st.cache_resource.clear()
    st.cache_data.clear()
    yield path
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def app_db(duck_fixture_path, monkeypatch):
    """The app pointed at the hand-made database."""
    yield from point_app_at(duck_fixture_path, monkeypatch)


@pytest.fixture
def downloads(monkeypatch) -> dict[str, object]:
    """File name → data (a callable when built on click) of every download button drawn."""
    import streamlit as st

    calls = {}
    real = st.download_button

    def record(label, data=None, file_name=None, **kwargs):
        calls[file_name] = data
        return real(label, data=data, file_name=file_name, **kwargs)

    monkeypatch.setattr(st, "download_button", record)
    return calls
