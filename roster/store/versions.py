"""A record's version in its read model row: the version of the last event of its aggregate.

Edit forms render it and send it back, so a write made from a stale page is refused. It must
follow every event of the aggregate, projected or not, so `track_versions` adds the update
to every event class's handler instead of each handler remembering to.
"""

from collections.abc import Callable
from typing import Any

from eventsourcing.domain import AggregateCreated

from roster.store.database import Cursor
from roster.store.projection import Handler, Projection


def event_classes(aggregate: type) -> list[type]:
    """The aggregate's own event classes (those its @event commands declared)."""
    return [
        cls
        for cls in vars(aggregate).values()
        if isinstance(cls, type) and issubclass(cls, aggregate.Event) and cls is not aggregate.Event
    ]


def track_versions(
    projection: Projection, aggregate: type, table: str, key: str,
    key_of: Callable[[Cursor, Any], str],
) -> None:  # fmt: skip
    """After each of the aggregate's events (its creation's row carries its own version),
    set `table.version` of the row whose `key` column is key_of(cursor, event). Call it once
    every handler of the projection is registered."""
    sql = f"UPDATE {table} SET version = ? WHERE {key} = ?"
    for cls in event_classes(aggregate):
        if issubclass(cls, AggregateCreated):
            continue
        projection.handlers[cls] = _then_version(projection.handlers.get(cls), table, sql, key_of)


def _then_version(
    handler: Handler | None, table: str, sql: str, key_of: Callable[[Cursor, Any], str]
) -> Handler:
    def handle(cur: Cursor, event: Any, position: int) -> None:
        if handler is not None:
            handler(cur, event, position)
        # Its own queue: the handlers' own queued writes to the table keep their bulk runs.
        cur.write(f"{table}.version", sql, (event.originator_version, key_of(cur, event)))

    return handle
