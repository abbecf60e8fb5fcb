"""What a projection is: a name, the tables it owns, and one handler per event class."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from roster.database import Cursor

Handler = Callable[[Cursor, Any, int], None]


@dataclass
class Projection:
    name: str
    tables: dict[str, str]
    indexes: tuple[str, ...] = ()
    handlers: dict[type, Handler] = field(default_factory=dict)

    def on(self, *event_classes: type) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            for cls in event_classes:
                self.handlers[cls] = handler
            return handler

        return register

    def topics(self) -> set[str]:
        return {f"{cls.__module__}:{cls.__qualname__}" for cls in self.handlers}
