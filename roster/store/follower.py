"""Keeps read models up to date by following the event log's notifications.

Each batch writes the projections' rows and their tracking positions in one transaction, so
after a crash a follower resumes exactly where it stopped: nothing lost, nothing counted
twice. The position rows are locked first, so two followers (two web workers) never apply the
same batch. SQLite has no subscriptions, so this polls; it works the same on PostgreSQL.

Each projection applies its part of a batch inside its own savepoint: an event one projection
cannot apply (whatever the cause) is recorded as that projection's failure, the events before
it are kept, and that projection alone stops there while the others go on.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from roster.store import failures
from roster.store.database import Cursor, Database
from roster.store.failures import FAILURES_DDL, Failure
from roster.store.projection import Handler, Projection

log = logging.getLogger(__name__)

TRACKING_DDL = (
    "CREATE TABLE IF NOT EXISTS read_model_tracking "
    "(name TEXT PRIMARY KEY, position BIGINT NOT NULL, schema TEXT NOT NULL)"
)


REPLAY_BATCH_SIZE = 20_000  # a rebuild commits less often: fewer, larger transactions
Row = tuple[Any, ...]  # (notification_id, originator_id, originator_version, topic, state)


@dataclass(frozen=True)
class ProjectionStatus:
    name: str
    position: int
    failure: Failure | None  # set while the read model is stopped at an event it cannot apply


class Follower:
    def __init__(
        self, store: Any, db: Database, projections: Sequence[Projection], batch_size: int = 5000
    ) -> None:
        self.store = store
        self.db = db
        self.projections = list(projections)
        self.batch_size = batch_size
        self._handlers: dict[str, dict[str, Handler]] = {
            projection.name: {
                f"{cls.__module__}:{cls.__qualname__}": handler
                for cls, handler in projection.handlers.items()
            }
            for projection in self.projections
        }
        table = store.recorder.events_table_name
        # Read the log inside the projection's own transaction: one consistent view, and far
        # cheaper than building the library's Notification objects row by row.
        if db.postgres:
            self._select_log = (
                "SELECT notification_id, originator_id, originator_version, topic, state "
                f'FROM "{table}" WHERE notification_id > ? ORDER BY notification_id LIMIT ?'
            )
        else:
            self._select_log = (
                "SELECT rowid, originator_id, originator_version, topic, state "
                f"FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?"
            )

    def create_tables(self, with_indexes: bool = True) -> None:
        """Create what is missing. A read model whose schema changed, or that has no tracking
        row (made by an older version, or half-made), starts again from zero."""
        with self.db.transaction() as cur:
            cur.execute(TRACKING_DDL)
            cur.execute(FAILURES_DDL)
            stored = dict(cur.execute("SELECT name, schema FROM read_model_tracking").fetchall())
            for projection in self.projections:
                if stored.get(projection.name) != projection.schema:
                    self._drop(cur, projection)
                for table, columns in projection.tables.items():
                    cur.execute(table_ddl(table, columns, self.db.postgres))
                if with_indexes:
                    for index in projection.indexes:
                        cur.execute(index)
                cur.execute(
                    "INSERT INTO read_model_tracking VALUES (?, 0, ?) ON CONFLICT (name) DO NOTHING",
                    (projection.name, projection.schema),
                )

    def drop_tables(self) -> None:
        with self.db.transaction() as cur:
            cur.execute(TRACKING_DDL)
            cur.execute(FAILURES_DDL)
            for projection in self.projections:
                self._drop(cur, projection)

    def _drop(self, cur: Cursor, projection: Projection) -> None:
        """Replaying from zero meets every event again: earlier failures are cleared."""
        for table in projection.tables:
            cur.execute(f"DROP TABLE IF EXISTS {table}")
        cur.execute("DELETE FROM read_model_tracking WHERE name = ?", (projection.name,))
        failures.clear(cur, [projection.name])

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Drop and replay every read model; indexes are built once at the end, in bulk."""
        self.drop_tables()
        self.create_tables(with_indexes=False)
        batch_size, self.batch_size = self.batch_size, REPLAY_BATCH_SIZE
        try:
            with self.db.bulk_writes():
                applied = self._catch_up(progress)
        finally:
            self.batch_size = batch_size
        self.create_tables(with_indexes=True)
        return applied

    def positions(self) -> dict[str, int]:
        with self.db.reading() as cur:
            return dict(cur.execute("SELECT name, position FROM read_model_tracking").fetchall())

    def status(self) -> list[ProjectionStatus]:
        with self.db.reading() as cur:
            stalled = failures.open_failures(cur)
        return [
            ProjectionStatus(name, position, stalled.get(name))
            for name, position in sorted(self.positions().items())
        ]

    def retry(self, names: Sequence[str] = ()) -> int:
        """After a fix: let stalled read models try their failed event again."""
        with self.db.transaction() as cur:
            cleared = failures.clear(cur, names or [p.name for p in self.projections])
        self.catch_up()
        return cleared

    def catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        """Apply every event recorded since the last position; returns how many were read.
        Never raises: the caller's events are recorded already, and a read model that lags
        or is stalled is reported by `status`, not by failing the command that wrote them."""
        try:
            return self._catch_up(progress)
        except Exception:
            log.exception("read models could not catch up; the next call resumes from here")
            return 0

    def _catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        applied = 0
        while True:
            count = self._apply_one_batch()
            if count == 0:
                return applied
            applied += count
            if progress:
                progress(count)

    def _apply_one_batch(self) -> int:
        names = [p.name for p in self.projections]
        with self.db.transaction() as cur:
            positions = self._lock_positions(cur, names)
            stalled = failures.open_failures(cur)
            active = [name for name in names if name not in stalled]
            if not active:
                return 0
            start = min(positions[name] for name in active)
            rows = cur.execute(self._select_log, (start, self.batch_size)).fetchall()
            if not rows:
                return 0
            decode = _Decoder(self.store.mapper, rows)
            for name in active:
                position = positions[name]
                reached = self._apply(cur, name, rows, position, decode)
                if reached > position:
                    cur.execute(
                        "UPDATE read_model_tracking SET position = ? WHERE name = ?",
                        (reached, name),
                    )
            return len(rows)

    def _apply(self, cur: Cursor, name: str, rows: list[Row], position: int, decode: Any) -> int:
        """Apply one projection's share of the batch in a savepoint; returns its new position.
        If anything fails, go again one event at a time to find the event, keep those before
        it and record the failure."""
        handlers = self._handlers[name]
        todo = [(i, row) for i, row in enumerate(rows) if row[0] > position and row[3] in handlers]
        last = rows[-1][0]
        if not todo:
            return last
        cur.memo = {}  # each projection's own cache: dropped with what it cached on rollback
        cur.execute("SAVEPOINT projection")
        try:
            for i, row in todo:
                handlers[row[3]](cur, decode(i), row[0])
            cur.flush()
        except Exception:
            cur.rollback_to("projection")
        else:
            cur.execute("RELEASE SAVEPOINT projection")
            return last
        cur.memo = {}
        for i, row in todo:
            cur.execute("SAVEPOINT one_event")
            try:
                handlers[row[3]](cur, decode(i), row[0])
                cur.flush()
            except Exception as exc:
                cur.rollback_to("one_event")
                failures.record(cur, name, row, exc)
                log.error("read model %s stopped at event %s (%s): %s", name, row[0], row[3], exc)
                return row[0] - 1
            cur.execute("RELEASE SAVEPOINT one_event")
        return last  # it failed together but not alone: a passing fault, now applied

    def _lock_positions(self, cur: Cursor, names: list[str]) -> dict[str, int]:
        lock = " FOR UPDATE" if self.db.postgres else ""  # SQLite's BEGIN IMMEDIATE locks already
        positions = dict(
            cur.execute(
                f"SELECT name, position FROM read_model_tracking WHERE name IN "
                f"({','.join('?' * len(names))}) ORDER BY name{lock}",
                names,
            ).fetchall()
        )
        missing = [n for n in names if n not in positions]
        if missing:
            raise ReadModelsMissingError(missing)
        return positions


class _Decoder:
    """Each stored event made into a domain event once, for every projection that reads it;
    one that cannot be read fails every projection that handles its topic."""

    def __init__(self, mapper: Any, rows: list[Row]) -> None:
        self.mapper = mapper
        self.rows = rows
        self.done: dict[int, Any] = {}

    def __call__(self, index: int) -> Any:
        if index not in self.done:
            _, originator_id, version, topic, state = self.rows[index]
            if not isinstance(originator_id, UUID):
                originator_id = UUID(originator_id)
            stored = StoredEvent(originator_id, version, topic, bytes(state))
            self.done[index] = self.mapper.to_domain_event(stored)
        return self.done[index]


def tracked_position(cur: Cursor, names: Sequence[str]) -> int:
    """The log position every one of the named read models has reached, as `cur` sees them:
    what was read from them in the same snapshot reflects exactly the events up to it."""
    row = cur.execute(
        f"SELECT MIN(position) FROM read_model_tracking WHERE name IN ({','.join('?' * len(names))})",
        names,
    ).fetchone()
    return row[0] or 0


def table_ddl(table: str, columns: str, postgres: bool) -> str:
    """One column spec for both stores. On SQLite a keyed table is stored WITHOUT ROWID
    (clustered by its key: one B-tree per write, not two) and an INTEGER PRIMARY KEY is the
    rowid itself; PostgreSQL needs BIGINT there, as notification ids outgrow 32 bits."""
    if postgres:
        return f"CREATE TABLE IF NOT EXISTS {table} ({columns.replace('INTEGER PRIMARY KEY', 'BIGINT PRIMARY KEY')})"
    clustered = "PRIMARY KEY" in columns and "INTEGER PRIMARY KEY" not in columns
    return f"CREATE TABLE IF NOT EXISTS {table} ({columns}){' WITHOUT ROWID' if clustered else ''}"


class ReadModelsMissingError(RuntimeError):
    def __init__(self, names: list[str]) -> None:
        super().__init__(f"read models not created: {names}; run `roster projections rebuild`")
