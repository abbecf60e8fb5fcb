"""The change log supervisors read: every event, who caused it, why, and when.

The event's full content stays in the event store (found by aggregate id and version); the
log keeps what lists and filters need, which also keeps replay fast.
"""

from typing import Any

from domain.account import Account
from domain.apitoken import ApiToken
from domain.feedtoken import FeedToken
from domain.firm import LawFirm
from domain.person import Person
from domain.roster import Roster
from domain.station import Station
from domain.swap import SwapRequest
from domain.unit import Unit
from domain.workdays import WorkdayCalendar
from roster.store.database import Cursor
from roster.store.projection import Projection

AGGREGATES = (
    Unit, Station, LawFirm, Person, WorkdayCalendar, Roster, Account, FeedToken, ApiToken,
    SwapRequest,
)  # fmt: skip
changes = Projection(
    name="changes",
    tables={
        "change_log": "notification_id INTEGER PRIMARY KEY, recorded_at TEXT NOT NULL, "
        "aggregate_type TEXT NOT NULL, aggregate_id TEXT NOT NULL, version INTEGER NOT NULL, "
        "event TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL",
    },
    indexes=(
        "CREATE INDEX IF NOT EXISTS change_log_aggregate ON change_log (aggregate_id, version)",
        "CREATE INDEX IF NOT EXISTS change_log_actor ON change_log (actor, recorded_at)",
    ),
    version=2,  # swap requests are logged too
)


def event_classes(aggregate: type) -> list[type]:
    return [
        v
        for v in vars(aggregate).values()
        if isinstance(v, type) and issubclass(v, aggregate.Event) and v is not aggregate.Event
    ]


def log_change(cur: Cursor, e: Any, notification_id: int) -> None:
    aggregate, event_name = type(e).__qualname__.split(".", 1)
    cur.write(
        "change_log",
        "INSERT INTO change_log VALUES (?,?,?,?,?,?,?,?)",
        (
            notification_id, e.timestamp.isoformat(), aggregate, e.originator_id.hex,
            e.originator_version, event_name, getattr(e, "actor", "system"),
            getattr(e, "reason", ""),
        ),
    )  # fmt: skip


for _aggregate in AGGREGATES:
    changes.on(*event_classes(_aggregate))(log_change)
