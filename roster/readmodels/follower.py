"""Keeps read models up to date by following the event log's notifications.

Each batch writes the projections' rows and their tracking positions in one transaction, so
after a crash a follower resumes exactly where it stopped: nothing lost, nothing counted
twice. The position row is locked first, so two followers (two web workers) never apply the
same batch. SQLite has no subscriptions, so this polls; it works the same on PostgreSQL.
"""

from collections.abc import Callable, Sequence
from typing import Any

from roster.database import Cursor, Database
from roster.readmodels.projection import Projection

TRACKING_DDL = "CREATE TABLE IF NOT EXISTS projection_tracking (name TEXT PRIMARY KEY, position BIGINT NOT NULL)"


class Follower:
    def __init__(
        self,
        store: Any,
        db: Database,
        projections: Sequence[Projection],
        batch_size: int = 2000,
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

    def create_tables(self) -> None:
        with self.db.transaction() as cur:
            cur.execute(TRACKING_DDL)
            for projection in self.projections:
                for table, columns in projection.tables.items():
                    cur.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
                for index in projection.indexes:
                    cur.execute(index)
                cur.execute(
                    "INSERT INTO projection_tracking VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
                    (projection.name,),
                )

    def drop_tables(self) -> None:
        with self.db.transaction() as cur:
            cur.execute(TRACKING_DDL)
            for projection in self.projections:
                for table in projection.tables:
                    cur.execute(f"DROP TABLE IF EXISTS {table}")
                cur.execute("DELETE FROM projection_tracking WHERE name = ?", (projection.name,))

    def rebuild(self, progress: Callable[[int], None] | None = None) -> int:
        self.drop_tables()
        self.create_tables()
        return self.catch_up(progress)

    def positions(self) -> dict[str, int]:
        with self.db.reading() as cur:
            return dict(cur.execute("SELECT name, position FROM projection_tracking").fetchall())

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
            start = min(positions.values())
            notifications = self.store.recorder.select_notifications(
                start=start, limit=self.batch_size, inclusive_of_start=False
            )
            if not notifications:
                return 0
            to_event = self.store.mapper.to_domain_event
            for n in notifications:
                handlers = self._handlers.get(n.topic)
                if not handlers:
                    continue
                event = to_event(n)
                for projection, handler in handlers:
                    if n.id > positions[projection.name]:
                        handler(cur, event, n.id)
            last = notifications[-1].id
            for name in names:
                if positions[name] < last:
                    cur.execute(
                        "UPDATE projection_tracking SET position = ? WHERE name = ?", (last, name)
                    )
            return len(notifications)

    def _lock_positions(self, cur: Cursor, names: list[str]) -> dict[str, int]:
        lock = " FOR UPDATE" if self.db.postgres else ""  # SQLite's BEGIN IMMEDIATE locks already
        rows = cur.execute(
            f"SELECT name, position FROM projection_tracking WHERE name IN "
            f"({','.join('?' * len(names))}) ORDER BY name{lock}",
            names,
        ).fetchall()
        positions = dict(rows)
        missing = [n for n in names if n not in positions]
        if missing:
            raise RuntimeError(
                f"read models not created: {missing}; run `roster projections rebuild`"
            )
        return positions
