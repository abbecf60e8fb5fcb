"""The event-sourced application: one log of every fact. Actions write through
roster.store.unit_of_work, which retries write conflicts and refuses writes from a stale view."""

from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import JSONTranscoder

from domain.errors import DomainError
from roster.store import transcodings


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


class NotFoundError(DomainError):
    def __init__(self, aggregate_id: UUID) -> None:
        super().__init__("找不到该记录", f"Not found: {aggregate_id}")


class ConflictError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "他人同时修改了同一记录，请刷新后重试",
            "Someone else changed this record at the same time; reload and retry",
        )
