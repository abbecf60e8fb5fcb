"""The base of every aggregate: no event is recorded whose text a store could not hold."""

from typing import Any

from eventsourcing.domain import Aggregate as LibraryAggregate

from domain.text import check_event_text


class Aggregate(LibraryAggregate):
    """Checks every event's values (domain.text) before the event is made, so a refused
    command changes nothing: the aggregate is untouched and nothing is pending."""

    @classmethod
    def _create(cls, event_class: Any, *, id: Any = None, **kwargs: Any) -> Any:
        check_event_text(kwargs)
        return super()._create(event_class, id=id, **kwargs)

    def trigger_event(self, event_class: Any, **kwargs: Any) -> None:
        check_event_text(kwargs)
        super().trigger_event(event_class, **kwargs)
