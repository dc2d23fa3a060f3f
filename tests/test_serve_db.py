"""Several processes on one DuckDB file (data_access/db.py): the app's connections are
read-only and shared; a write waits for the reads open, the reads that come meanwhile wait
for the write — none fails."""
from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
import sqlalchemy as sa

from data_access.db import Database
from tests import fixture_data
from tests.conftest import ROOT

LOADS = sa.text("select count(*) from data_loads")


def add_load(conn, load_id: int) -> None:
    conn.execute(sa.text(
        "insert into data_loads (id, kind, file_name, rows, loaded_by, loaded_at, outcome) "
        f"values ({load_id}, 'import', 'x', 0, 'tests', current_timestamp, 'ok')"))


@pytest.fixture
def db(tmp_path):
    database = Database(f"duckdb:///{tmp_path / 'shared.duckdb'}")
    fixture_data.build(database)
    yield database
    database.dispose()


def test_reads_are_read_only(db):
    with db.connect() as conn, pytest.raises(sa.exc.DBAPIError, match="read-only"):
        conn.execute(sa.text("create table t (a int)"))
    with db.transaction() as conn:  # writers keep their transaction
        add_load(conn, 2)
    assert db.scalar(LOADS) == 2


def test_a_write_waits_for_open_reads_and_later_reads_wait_for_it(db):
    """In one process (threads): a page run holds its connection; the write takes the gate,
    waits for that run to end, writes; a page run starting meanwhile waits, then reads the
    new row."""
    events, seen = [], {}
    reading = threading.Event()

    def page_run():
        with db.session():
            db.scalar(LOADS)
            reading.set()
            time.sleep(0.6)
            events.append("run ends")

    def later_run():
        time.sleep(0.2)  # the writer holds the gate by now
        seen["loads"] = db.scalar(LOADS)
        events.append("later run read")

    first = threading.Thread(target=page_run)
    first.start()
    reading.wait()
    later = threading.Thread(target=later_run)
    later.start()
    with db.transaction() as conn:
        events.append("write")
        add_load(conn, 2)
    first.join()
    later.join()
    assert events == ["run ends", "write", "later run read"]
    assert seen["loads"] == 2


def test_processes_share_the_file_while_one_writes(db):
    """Two other processes read the file at the same time; a write from this one waits for
    them and completes."""
    reader = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); "
              "from data_access.db import Database; import sqlalchemy as sa; "
              f"db = Database({db.url!r}); "
              "s = db.session(); s.__enter__(); "
              "db.scalar(sa.text('select count(*) from dossier_stats')); print('open', flush=True); "
              "time.sleep(1.5); s.__exit__(None, None, None)")
    procs = [subprocess.Popen([sys.executable, "-c", reader], stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    try:
        assert [p.stdout.readline().strip() for p in procs] == ["open", "open"]
        started = time.monotonic()
        with db.transaction() as conn:
            add_load(conn, 2)
        assert time.monotonic() - started > 0.5  # it waited for the readers
        assert db.scalar(LOADS) == 2
    finally:
        for p in procs:
            assert p.wait(timeout=30) == 0
