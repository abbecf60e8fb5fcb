"""Keeps read models up to date by following the event log's notifications.

Each batch writes the projections' rows and their tracking positions in one transaction, so
after a crash a follower resumes exactly where it stopped: nothing lost, nothing counted
twice. The position rows are locked first, so two followers (two web workers) never apply the
same batch. SQLite has no subscriptions, so this polls; it works the same on PostgreSQL.
"""

from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from roster.database import Cursor, Database
from roster.readmodels.projection import Projection

TRACKING_DDL = (
    "CREATE TABLE IF NOT EXISTS read_model_tracking "
    "(name TEXT PRIMARY KEY, position BIGINT NOT NULL, schema TEXT NOT NULL)"
)


REPLAY_BATCH_SIZE = 20_000  # a rebuild commits less often: fewer, larger transactions


class Follower:
    def __init__(
        self, store: Any, db: Database, projections: Sequence[Projection], batch_size: int = 5000
    ) -> None:
        self.store = store
        self.db = db
        self.projections = list(projections)
        self.batch_size = batch_size
        self._handlers: dict[str, list[tuple[Projection, Callable]]] = {}
        for projection in self.projections:
            for cls, handler in projection.handlers.items():
                topic = f"{cls.__module__}:{cls.__qualname__}"
                self._handlers.setdefault(topic, []).append((projection, handler))
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
            stored = dict(cur.execute("SELECT name, schema FROM read_model_tracking").fetchall())
            for projection in self.projections:
                if stored.get(projection.name) != projection.schema:
                    for table in projection.tables:
                        cur.execute(f"DROP TABLE IF EXISTS {table}")
                    cur.execute(
                        "DELETE FROM read_model_tracking WHERE name = ?", (projection.name,)
                    )
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
            for projection in self.projections:
                for table in projection.tables:
                    cur.execute(f"DROP TABLE IF EXISTS {table}")
                cur.execute("DELETE FROM read_model_tracking WHERE name = ?", (projection.name,))

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        """Drop and replay every read model; indexes are built once at the end, in bulk."""
        self.drop_tables()
        self.create_tables(with_indexes=False)
        batch_size, self.batch_size = self.batch_size, REPLAY_BATCH_SIZE
        try:
            with self.db.bulk_writes():
                applied = self.catch_up(progress)
        finally:
            self.batch_size = batch_size
        self.create_tables(with_indexes=True)
        return applied

    def positions(self) -> dict[str, int]:
        with self.db.reading() as cur:
            return dict(cur.execute("SELECT name, position FROM read_model_tracking").fetchall())

    def catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        """Apply every event recorded since the last position; returns how many were applied."""
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
            rows = cur.execute(
                self._select_log, (min(positions.values()), self.batch_size)
            ).fetchall()
            if not rows:
                return 0
            to_event = self.store.mapper.to_domain_event
            for nid, originator_id, version, topic, state in rows:
                handlers = self._handlers.get(topic)
                if not handlers:
                    continue
                if not isinstance(originator_id, UUID):
                    originator_id = UUID(originator_id)
                event = to_event(StoredEvent(originator_id, version, topic, bytes(state)))
                for projection, handler in handlers:
                    if nid > positions[projection.name]:
                        handler(cur, event, nid)
            cur.flush()
            last = rows[-1][0]
            for name in names:
                if positions[name] < last:
                    cur.execute(
                        "UPDATE read_model_tracking SET position = ? WHERE name = ?", (last, name)
                    )
            return len(rows)

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
