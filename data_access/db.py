"""The one place SQL runs: the Database class (engine, short-lived reads, write transactions).

Sharing the embedded DuckDB file between processes: DuckDB lets any number of processes read
a file, or one process write it. The app and every reader open it read-only, and only while
they read: one connection per page run (`session()`) or per query outside a run (NullPool).
A writer (the sample generator, the importer, the /data page's load) opens it read-write for
one transaction (`transaction()`), which needs every reader's connection closed. A gate file
next to the database (`<file>.gate`, flock) orders them: a reader holds it shared only while
it opens its connection, a writer holds it exclusively from before it opens until it closes.
So a waiting writer stops new readers at the gate, the connections open finish their page
runs (well under a second), the transaction runs, and the readers held at the gate go on —
a page run waits for an import, it does not fail. Both sides give up after
LOCK_WAIT_SECONDS (an error that says "lock"). Across machines, use PostgreSQL.
"""
from __future__ import annotations

import csv
import errno
import fcntl
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
        self.path = None  # the DuckDB file, shared through its gate
        kwargs = {}
        if self.dialect == "duckdb":
            kwargs["poolclass"] = NullPool
            if parsed.database and parsed.database != ":memory:":
                self.path = Path(parsed.database)
                self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = sa.create_engine(self.url, **kwargs)
        # reads of a DuckDB file: read-only, so that many processes share it
        self.reader = sa.create_engine(self.url, poolclass=NullPool,
                                       connect_args={"read_only": True}) \
            if self.path else self.engine
        self._local = threading.local()  # the connection of the current session, per thread

    # --- connections -------------------------------------------------------------------
    @contextmanager
    def _gate(self, exclusive: bool, deadline: float):
        """The DuckDB file's gate (see the module's docstring); a no-op for other databases.
        Its own file description each time, so that threads of one process exclude each
        other too."""
        if self.path is None:
            yield
            return
        fd = os.open(f"{self.path}.gate", os.O_RDWR | os.O_CREAT, 0o666)
        try:
            mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
            while True:
                try:
                    fcntl.flock(fd, mode)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EACCES):
                        raise
                    if time.monotonic() > deadline:
                        raise _locked("a writer holds" if not exclusive else
                                      "readers or a writer hold") from None
                    time.sleep(0.02)
            yield
        finally:
            os.close(fd)  # releases the lock

    def _open(self, engine, deadline: float):
        """A connection, retrying while another connection excludes it: a DuckDB file held
        by a writer (or, for a writer, by readers), or in this process by connections of the
        other mode."""
        while True:
            try:
                return engine.connect()
            except sa.exc.DBAPIError as exc:
                text = str(exc).lower()
                if ("lock" not in text and "different configuration" not in text) or \
                        time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _read_connection(self):
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        if self.path is not None and not self.path.exists():
            self.create_file()
        with self._gate(False, deadline):
            return self._open(self.reader, deadline)

    def create_file(self) -> None:
        """An empty DuckDB file (reads cannot open a file that does not exist)."""
        with self.transaction():
            pass

    @contextmanager
    def connect(self):
        """A connection for reads: this thread's transaction's or session's, if open."""
        if getattr(self._local, "tx", None) is not None:
            yield self._local.tx
            return
        if getattr(self._local, "in_session", False):
            if self._local.conn is None:  # opened on the first read of the session
                self._local.conn = self._read_connection()
            yield self._local.conn
            return
        conn = self._read_connection()
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
    def transaction(self):
        """One all-or-nothing write: committed on success, rolled back on any exception.
        Always on a read-write connection of its own, with the DuckDB file's gate held
        exclusively; the calling thread's session connection is closed first (it reopens on
        the session's next read), or the write would wait for it. Reads and transactions
        inside it, in the same thread, join it."""
        if getattr(self._local, "tx", None) is not None:
            yield self._local.tx
            return
        if getattr(self._local, "conn", None) is not None:
            self._local.conn.close()
            self._local.conn = None
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        with self._gate(True, deadline):
            conn = self._open(self.engine, deadline)
            self._local.tx = conn
            try:
                with conn.begin():
                    yield conn
            finally:
                self._local.tx = None
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
        self.reader.dispose()


def _locked(holder: str) -> sa.exc.OperationalError:
    return sa.exc.OperationalError(
        "gate", {}, TimeoutError(f"database lock: {holder} the database file for more than "
                                 f"{LOCK_WAIT_SECONDS} s"))


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
