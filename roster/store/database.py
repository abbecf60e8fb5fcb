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

from domain.errors import DomainError

SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


# libpq's connect timeout: an unreachable PostgreSQL is reported in seconds, not after a pool's
# 30-second wait (the library's POSTGRES_CONNECT_TIMEOUT is that wait, so it stays as it is).
CONNECT_TIMEOUT_S = 5


class DatabaseUrlError(DomainError, ValueError):
    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message, message_en)


class StoreMissingError(DomainError):
    """Only `roster init` and `roster demo` create a store: a mistyped URL must not."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"数据库不存在：{where}。新建空库请运行 roster init，载入示范数据请运行 roster demo"
            "（使用同一 --database-url）。",
            f"No database at {where}. Create an empty one with `roster init`, or the demo "
            "city with `roster demo` (with the same --database-url).",
        )


class StoreUnreachableError(DomainError):
    def __init__(self, host: str, port: str, cause: str) -> None:
        super().__init__(
            f"无法连接 PostgreSQL {host}:{port}：{cause}",
            f"Cannot connect to PostgreSQL {host}:{port}: {cause}",
        )


class Cursor:
    """A thin cursor that takes `?` placeholders on either store."""

    def __init__(self, raw: Any, postgres: bool) -> None:
        self.raw = raw
        self.postgres = postgres
        # What a projection batch remembers between events (cleared with the transaction).
        self.memo: dict[str, Any] = {}
        self._queued: dict[str, tuple[str, list[Sequence[Any]]]] = {}

    def _sql(self, sql: str) -> str:
        # psycopg reads every % as a placeholder: a literal one (LIKE '%x%') is doubled first.
        return sql.replace("%", "%%").replace("?", "%s") if self.postgres else sql

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


def _cause(exc: Exception) -> str:
    """libpq's reason without its preamble: 'connection failed: connection to server at …
    failed: Connection refused' becomes 'Connection refused'."""
    lines = str(exc).strip().splitlines() or [type(exc).__name__]
    return lines[0].rsplit("failed: ", 1)[-1].removeprefix("FATAL:").strip()


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        parsed = urlparse(url)
        self.postgres = parsed.scheme in ("postgresql", "postgres")
        if self.postgres:
            self.schema = parse_qs(parsed.query).get("schema", ["public"])[0]
            if not SCHEMA_NAME.match(self.schema):
                raise DatabaseUrlError(
                    f"数据库地址中的模式名无效：{self.schema!r}（小写字母、数字和下划线）",
                    f"Invalid schema name {self.schema!r} (lower-case letters, digits, _)",
                )
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
                raise DatabaseUrlError(
                    "SQLite 数据库地址应形如 sqlite:///path/to/file.sqlite",
                    "A SQLite URL must look like sqlite:///path/to/file.sqlite",
                )
            self.path = Path(path)
        else:
            raise DatabaseUrlError(
                f"不支持的数据库地址 {url!r}：应为 sqlite:///… 或 postgresql://…",
                f"Unsupported database URL {url!r}: use sqlite:///… or postgresql://…",
            )
        self._local = threading.local()
        self._sqlite_conns: list[sqlite3.Connection] = []
        self._locks: dict[int, threading.RLock] = {}
        self._pool: Any = None

    @property
    def store_name(self) -> str:
        return "postgres" if self.postgres else "sqlite"

    def prepare(self, create: bool, marker_table: str) -> None:
        """Before the event store opens: with `create`, make the folder or schema; without,
        refuse a store that does not exist yet (no file, or no `marker_table` in the schema)."""
        if self.postgres:
            self._reachable()
            with self.transaction() as cur:
                if create:
                    cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                elif not cur.execute(
                    "SELECT 1 FROM information_schema.tables WHERE table_schema = ? "
                    "AND table_name = ?",
                    (self.schema, marker_table),
                ).fetchone():
                    raise StoreMissingError(self.where())
        elif create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.is_file():
            raise StoreMissingError(self.where())

    def where(self) -> str:
        """The store's place as people name it (no password)."""
        if self.postgres:
            pg = self._pg
            return f"PostgreSQL {pg['host']}:{pg['port']}/{pg['dbname']} schema={self.schema}"
        return str(self.path.resolve())

    def _reachable(self) -> None:
        """One direct connection with a short timeout, so a wrong host fails in seconds."""
        import psycopg

        try:
            psycopg.connect(self._conninfo()).close()
        except psycopg.OperationalError as exc:
            raise StoreUnreachableError(self._pg["host"], self._pg["port"], _cause(exc)) from None

    def _conninfo(self) -> str:
        from psycopg.conninfo import make_conninfo

        params = {k: v for k, v in self._pg.items() if v}
        return make_conninfo(**params, connect_timeout=str(CONNECT_TIMEOUT_S))

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
    def reading(self, snapshot: bool = False) -> Iterator[Cursor]:
        """`snapshot`: every statement sees the database as the first one did, so values read
        together agree (a plan's facts and the log position they were read at)."""
        if self.postgres:
            with self.transaction() as cur:
                if snapshot:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                yield cur
            return
        with self._sqlite_in_use() as conn:
            if not snapshot or conn.in_transaction:  # inside one, reads already agree
                yield Cursor(conn.cursor(), postgres=False)
                return
            conn.execute("BEGIN")  # deferred: in WAL mode one read snapshot until COMMIT
            try:
                yield Cursor(conn.cursor(), postgres=False)
            finally:
                conn.execute("COMMIT")

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
            from psycopg_pool import ConnectionPool

            self._pool = ConnectionPool(self._conninfo(), min_size=1, max_size=8, open=True)
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
