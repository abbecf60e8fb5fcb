"""The event-sourced application: one log of every fact, with retries on write conflicts and
refusal of writes made from a stale view."""

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder

from domain.errors import DomainError
from roster import transcodings
from roster.errors import StaleWriteError

T = TypeVar("T")


def aggregate_version(aggregate: Any) -> int:
    return aggregate.version


class EventStore(Application):
    """All aggregates of the city share one notification log, followed by the projections."""

    name = "roster"

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        for transcoding in transcodings.ALL:
            transcoder.register(transcoding())

    def get_or_none(self, aggregate_id: UUID) -> Any:
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

    def exists(self, aggregate_id: UUID) -> bool:
        return self.get_or_none(aggregate_id) is not None

    def change(
        self, aggregate_id: UUID, command: Callable[[Any], T], retries: int = 3,
        expected_version: int | None = None,
        version_of: Callable[[Any], int] = aggregate_version,
    ) -> T:  # fmt: skip
        """Load, apply and save; on a concurrent write, reload and apply again.

        Safe because the command re-checks its rules against the fresh state; after
        `retries` conflicts the caller gets a ConflictError instead of an overwrite.
        `expected_version` is the version of the record the user saw (the whole aggregate,
        or what `version_of` picks out of it, e.g. one duty of a roster): it is checked on
        every load, so a retry proceeds only while that record is still as the user saw it,
        and a changed one is refused with StaleWriteError.
        """
        for _attempt in range(retries + 1):
            aggregate = self.get_or_none(aggregate_id)
            if aggregate is None:
                raise NotFoundError(aggregate_id)
            if expected_version is not None:
                current = version_of(aggregate)
                if current != expected_version:
                    raise StaleWriteError(expected_version, current)
            result = command(aggregate)
            try:
                self.save(aggregate)
            except IntegrityError:
                continue
            return result
        raise ConflictError()


class NotFoundError(DomainError):
    def __init__(self, aggregate_id: UUID) -> None:
        super().__init__("找不到该记录", f"Not found: {aggregate_id}")


class ConflictError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "他人同时修改了同一记录，请刷新后重试",
            "Someone else changed this record at the same time; reload and retry",
        )
