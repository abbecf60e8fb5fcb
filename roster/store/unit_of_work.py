"""One user action, one unit of work: load the aggregates it needs, apply its commands, save
every aggregate it touched in one atomic save, and bring the read models up to date once.

Services run each action through `UnitOfWork`; views and CLI commands call the services and
never save, retry or drive the follower themselves.
"""

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from roster.errors import StaleWriteError
from roster.store.eventstore import ConflictError, EventStore, NotFoundError, aggregate_version
from roster.store.follower import Follower

T = TypeVar("T")
VersionOf = Callable[[Any], int]


class Work:
    """What one attempt of an action sees: each aggregate loaded once, new ones added."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self._seen: dict[UUID, Any] = {}

    def find(self, aggregate_id: UUID) -> Any | None:
        if aggregate_id not in self._seen:
            self._seen[aggregate_id] = self._store.get_or_none(aggregate_id)
        return self._seen[aggregate_id]

    def exists(self, aggregate_id: UUID) -> bool:
        return self.find(aggregate_id) is not None

    def get(
        self, aggregate_id: UUID, expected_version: int | None = None,
        version_of: VersionOf = aggregate_version,
    ) -> Any:  # fmt: skip
        """The aggregate; with `expected_version` (what the user's form was rendered from:
        the aggregate's version, or what `version_of` picks out, e.g. one duty of a roster),
        refused with StaleWriteError if it has changed since."""
        aggregate = self.find(aggregate_id)
        if aggregate is None:
            raise NotFoundError(aggregate_id)
        if expected_version is not None:
            current = version_of(aggregate)
            if current != expected_version:
                raise StaleWriteError(expected_version, current)
        return aggregate

    def add(self, aggregate: T) -> T:
        """A new aggregate, made inside the action (so a retry makes it afresh), saved with
        the rest; a clash with one made meanwhile retries the action."""
        self._seen[aggregate.id] = aggregate
        return aggregate

    def touched(self) -> list[Any]:
        return [a for a in self._seen.values() if a is not None and a.pending_events]


class UnitOfWork:
    def __init__(self, store: EventStore, follower: Follower, retries: int = 3) -> None:
        self.store = store
        self.follower = follower
        self.retries = retries

    def __call__(self, action: Callable[[Work], T]) -> T:
        """Run `action`; on a concurrent write, run it again on fresh state (its commands and
        version checks re-judge everything), and after `retries` conflicts refuse with
        ConflictError. The read models catch up even when the action is refused, so a page
        reporting a stale form shows what changed."""
        try:
            for _attempt in range(self.retries + 1):
                work = Work(self.store)
                result = action(work)
                touched = work.touched()
                if not touched:
                    return result
                try:
                    self.store.save(*touched)
                except IntegrityError:
                    continue
                return result
            raise ConflictError()
        finally:
            self.follower.catch_up()

    def change(
        self, aggregate_id: UUID, command: Callable[[Any], T],
        expected_version: int | None = None, version_of: VersionOf = aggregate_version,
    ) -> T:  # fmt: skip
        """The common action: one command on one existing aggregate."""
        return self(lambda work: command(work.get(aggregate_id, expected_version, version_of)))

    def add(self, *aggregates: Any) -> None:
        """New aggregates made by the caller, all or none. Not retried: a failed save has
        taken their pending events, and a clash means one exists already."""
        try:
            self.store.save(*aggregates)
        except IntegrityError:
            raise ConflictError() from None
        finally:
            self.follower.catch_up()
