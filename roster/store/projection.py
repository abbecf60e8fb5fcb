"""What a projection is: a name, the tables it owns, and one handler per event class."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from roster.store.database import Cursor

Handler = Callable[[Cursor, Any, int], None]


@dataclass
class Projection:
    name: str
    tables: dict[str, str]
    indexes: tuple[str, ...] = ()
    handlers: dict[type, Handler] = field(default_factory=dict)
    # Raise when a handler's logic changes; a changed table shape is noticed by itself.
    version: int = 1

    @property
    def schema(self) -> str:
        """A fingerprint of the tables and logic: when it changes, the read model is rebuilt."""
        text = repr((sorted(self.tables.items()), self.indexes, self.version))
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def on(self, *event_classes: type) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            for cls in event_classes:
                self.handlers[cls] = handler
            return handler

        return register
