"""The one place SQL runs: the Database class (engine, short-lived reads, write transactions).

Sharing the embedded DuckDB file: DuckDB lets one process hold a file open for writing at a
time. The app therefore holds a connection only while it reads: one per page run (`session()`) or
one per query outside a run (NullPool), so the file is free between runs; writers (the sample
generator, the importer) take it for one transaction and retry for a while when another process
holds it.
"""
from __future__ import annotations

import csv
import getpass
import io
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from data_access import schema
from domain.reports import covered_bounds

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = ROOT / "sample_data" / "dvc.duckdb"
LOCK_WAIT_SECONDS = 30


def database_url() -> str:
    return os.environ.get("DVC_DATABASE_URL") or f"duckdb:///{DEFAULT_DB_PATH}"


def default_user() -> str:
    """Who writes a load, for the audit table: the OS user."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return str(os.getuid()) if hasattr(os, "getuid") else "unknown"


def describe_url(url: str) -> str:
    """The URL without its password, to show or log."""
    return sa.engine.make_url(url).render_as_string(hide_password=True)


class Database:
    def __init__(self, url: str | None = None):
        self.url = url or database_url()
        parsed = sa.engine.make_url(self.url)
        self.dialect = parsed.get_backend_name()
        kwargs = {}
        if self.dialect == "duckdb":
            kwargs["poolclass"] = NullPool
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine = sa.create_engine(self.url, **kwargs)
        self._local = threading.local()  # the connection of the current session, per thread

    # --- connections -------------------------------------------------------------------
    def _connect(self, wait: float | None = None):
        deadline = time.monotonic() + (LOCK_WAIT_SECONDS if wait is None else wait)
        while True:
            try:
                return self.engine.connect()
            except sa.exc.DBAPIError as exc:  # another process holds the DuckDB file
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    @contextmanager
    def connect(self):
        """A connection for reads: the session's, if one is open in this thread."""
        if getattr(self._local, "in_session", False):
            if self._local.conn is None:  # opened on the first read of the session
                self._local.conn = self._connect()
            yield self._local.conn
            return
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def session(self):
        """Share one read connection among the reads of a block (a page run): opening a DuckDB
        file costs ~20 ms and a page reads a dozen times; a run served from cache opens none."""
        if getattr(self._local, "in_session", False):
            yield
            return
        self._local.in_session, self._local.conn = True, None
        try:
            yield
        finally:
            conn, self._local.conn, self._local.in_session = self._local.conn, None, False
            if conn is not None:
                conn.close()

    @contextmanager
    def transaction(self, wait: float | None = None):
        """One all-or-nothing write: committed on success, rolled back on any exception.
        Always on a connection of its own, never a session's; `wait` (seconds) bounds the
        wait for a lock another process holds (default LOCK_WAIT_SECONDS)."""
        conn = self._connect(wait)
        try:
            with conn.begin():
                yield conn
        finally:
            conn.close()

    # --- reads -------------------------------------------------------------------------
    def query(self, stmt, params: dict | None = None) -> pd.DataFrame:
        with self.connect() as conn:
            result = conn.execute(stmt, params or {})
            return pd.DataFrame(result.fetchall(), columns=list(result.keys()))

    def scalar(self, stmt, params: dict | None = None):
        with self.connect() as conn:
            return conn.execute(stmt, params or {}).scalar()

    # --- schema ------------------------------------------------------------------------
    def create_schema(self) -> None:
        with self.transaction() as conn:
            schema.metadata.create_all(conn)
            if self.dialect != "duckdb":
                for ddl in schema.FACT_INDEXES:
                    conn.execute(sa.text(ddl))

    def drop_schema(self) -> None:
        with self.transaction() as conn:
            schema.metadata.drop_all(conn)

    def has_schema(self) -> bool:
        with self.connect() as conn:
            return sa.inspect(conn).has_table("dossier_stats")

    def dispose(self) -> None:
        self.engine.dispose()


def bulk_insert(conn, table: sa.Table, frame: pd.DataFrame) -> None:
    """Insert a frame into a table inside the caller's transaction, by the fastest path the
    dialect offers (DuckDB reads the frame directly; PostgreSQL takes COPY)."""
    if frame.empty:
        return
    if table is schema.dossier_stats and "month_first" not in frame.columns:
        # every writer of statistics goes through here: the months each report covers
        first, last = covered_bounds(frame["period_start"], frame["period_end"])
        frame = frame.assign(month_first=first.to_numpy(), month_last=last.to_numpy())
    frame = frame[[c.name for c in table.columns if c.name in frame.columns]].copy()
    for col in table.columns:  # integers with gaps arrive as floats; keep them integers
        if col.name in frame.columns and isinstance(col.type, sa.Integer) \
                and frame[col.name].dtype.kind == "f":
            frame[col.name] = frame[col.name].round().astype("Int64")
    cols = ", ".join(frame.columns)
    dialect = conn.dialect.name
    if dialect == "duckdb":
        raw = conn.connection.driver_connection
        raw.register("_bulk_frame", frame)
        try:
            raw.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM _bulk_frame")
        finally:
            raw.unregister("_bulk_frame")
    elif dialect == "postgresql":
        buf = io.StringIO()
        frame.to_csv(buf, index=False, header=False, na_rep="\\N", quoting=csv.QUOTE_MINIMAL)
        buf.seek(0)
        with conn.connection.driver_connection.cursor() as cur:
            cur.copy_expert(
                f"COPY {table.name} ({cols}) FROM STDIN WITH (FORMAT csv, NULL '\\N')", buf)
    else:
        records = frame.astype(object).where(frame.notna(), None).to_dict("records")
        conn.execute(table.insert(), records)
