"""One database for events and read models: a SQLite file by default, PostgreSQL by URL.

`Database` hands out read-model connections with one paramstyle (`?`) on both stores, and
tells the event store how to reach the same database.
"""

import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class DatabaseUrlError(ValueError):
    pass


class Cursor:
    """A thin cursor that takes `?` placeholders on either store."""

    def __init__(self, raw: Any, postgres: bool) -> None:
        self.raw = raw
        self.postgres = postgres
        # What a projection batch remembers between events (cleared with the transaction).
        self.memo: dict[str, Any] = {}
        self._queued: dict[str, tuple[str, list[Sequence[Any]]]] = {}

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.postgres else sql

    def _params(self, params: Sequence[Any]) -> Sequence[Any]:
        # PostgreSQL text cannot hold NUL, which the log (JSON in bytea) can: an event recorded
        # before text was checked must still project, so its read-model copy shows U+FFFD.
        if self.postgres and any(isinstance(p, str) and "\x00" in p for p in params):
            return [p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in params]
        return params

    def execute(self, sql: str, params: Sequence[Any] = ()) -> "Cursor":
        self.flush()
        self.raw.execute(self._sql(sql), self._params(params))
        return self

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.flush()
        if rows:
            self.raw.executemany(self._sql(sql), [self._params(r) for r in rows])

    def write(self, table: str, sql: str, params: Sequence[Any]) -> None:
        """Queue a write to `table`; a run of the same statement goes to the database as one
        executemany. Writes to one table keep their order, and any other statement runs only
        after every queued write, so readers always see them. Tables must be independent."""
        queued = self._queued.get(table)
        if queued is not None and queued[0] != sql:
            self._run(table)
            queued = None
        if queued is None:
            self._queued[table] = (sql, [params])
        else:
            queued[1].append(params)

    def flush(self) -> None:
        for table in list(self._queued):
            self._run(table)

    def _run(self, table: str) -> None:
        sql, rows = self._queued.pop(table)
        if self.postgres:
            rows = [self._params(r) for r in rows]
        self.raw.executemany(self._sql(sql), rows)

    def rollback_to(self, savepoint: str) -> None:
        """Undo everything since the savepoint, queued writes included, and end it."""
        self._queued.clear()
        self.raw.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
        self.raw.execute(f"RELEASE SAVEPOINT {savepoint}")

    def fetchone(self) -> Any:
        return self.raw.fetchone()

    def fetchall(self) -> list[Any]:
        return self.raw.fetchall()

    def __iter__(self) -> Iterator[Any]:
        return iter(self.raw.fetchall())

    @property
    def rowcount(self) -> int:
        return self.raw.rowcount


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        parsed = urlparse(url)
        self.postgres = parsed.scheme in ("postgresql", "postgres")
        if self.postgres:
            self.schema = parse_qs(parsed.query).get("schema", ["public"])[0]
            if not SCHEMA_NAME.match(self.schema):
                raise DatabaseUrlError(f"invalid schema name {self.schema!r}")
            self._pg = {
                "host": parsed.hostname or "127.0.0.1",
                "port": str(parsed.port or 5432),
                "user": unquote(parsed.username or "postgres"),
                "password": unquote(parsed.password or ""),
                "dbname": (parsed.path or "/postgres").lstrip("/") or "postgres",
            }
        elif parsed.scheme == "sqlite":
            path = unquote(url[len("sqlite:///") :]) if url.startswith("sqlite:///") else ""
            if not path:
                raise DatabaseUrlError("SQLite URL must look like sqlite:///path/to/file.sqlite")
            self.path = Path(path)
        else:
            raise DatabaseUrlError(f"unsupported database URL {url!r}")
        self._local = threading.local()
        self._sqlite_conns: list[sqlite3.Connection] = []
        self._locks: dict[int, threading.RLock] = {}
        self._pool: Any = None

    @property
    def store_name(self) -> str:
        return "postgres" if self.postgres else "sqlite"

    def prepare(self) -> None:
        """Create what must exist before the event store opens (folder or schema)."""
        if self.postgres:
            with self.transaction() as cur:
                cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)

    def eventsourcing_env(self) -> dict[str, str]:
        if self.postgres:
            return {
                "PERSISTENCE_MODULE": "eventsourcing.postgres",
                "POSTGRES_DBNAME": self._pg["dbname"],
                "POSTGRES_HOST": self._pg["host"],
                "POSTGRES_PORT": self._pg["port"],
                "POSTGRES_USER": self._pg["user"],
                "POSTGRES_PASSWORD": self._pg["password"],
                "POSTGRES_SCHEMA": self.schema,
                "POSTGRES_POOL_SIZE": "4",
                "POSTGRES_LOCK_TIMEOUT": "10",
            }
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(self.path),
            "SQLITE_LOCK_TIMEOUT": "30",
        }

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """A read-model transaction: committed on success, rolled back on any error."""
        if self.postgres:
            pool = self._postgres_pool()
            with pool.connection() as conn, conn.transaction(), conn.cursor() as raw:
                raw.execute(f'SET LOCAL search_path TO "{self.schema}"')
                yield Cursor(raw, postgres=True)
            return
        with self._sqlite_in_use() as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield Cursor(conn.cursor(), postgres=False)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    @contextmanager
    def reading(self) -> Iterator[Cursor]:
        if self.postgres:
            with self.transaction() as cur:
                yield cur
            return
        with self._sqlite_in_use() as conn:
            yield Cursor(conn.cursor(), postgres=False)

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """For a long replay: on SQLite, checkpoint the write-ahead log once at the end instead
        of every thousand pages (the same durability; far fewer page copies)."""
        if self.postgres:
            yield
            return
        with self._sqlite_in_use() as conn:
            conn.execute("PRAGMA wal_autocheckpoint=0")
        try:
            yield
        finally:
            with self._sqlite_in_use() as conn:
                conn.execute("PRAGMA wal_autocheckpoint=1000")
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @contextmanager
    def _sqlite_in_use(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection, marked busy so close() never pulls it from under a query
        (closing a connection another thread is using can crash the process)."""
        conn = self._sqlite()
        lock = self._locks[id(conn)]
        with lock:
            yield conn

    def _sqlite(self) -> sqlite3.Connection:
        # One connection per thread: a sqlite3 connection must not carry two transactions.
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=30
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA cache_size=-65536")  # 64 MiB: replay batches stay in memory
            self._local.conn = conn
            self._locks[id(conn)] = threading.RLock()
            self._sqlite_conns.append(conn)
        return conn

    def _postgres_pool(self) -> Any:
        if self._pool is None:
            from psycopg.conninfo import make_conninfo
            from psycopg_pool import ConnectionPool

            conninfo = make_conninfo(**{k: v for k, v in self._pg.items() if v})
            self._pool = ConnectionPool(conninfo, min_size=1, max_size=8, open=True)
        return self._pool

    def close(self) -> None:
        for conn in self._sqlite_conns:
            lock = self._locks.pop(id(conn))
            if lock.acquire(timeout=30):  # still busy after that: leave it open, never crash
                conn.close()
                lock.release()
        self._sqlite_conns.clear()
        self._local = threading.local()
        if self._pool is not None:
            self._pool.close()
            self._pool = None
