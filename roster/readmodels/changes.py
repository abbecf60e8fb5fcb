"""The change log supervisors read: every event, who caused it, why, and when."""

import json
from typing import Any

from domain.firm import LawFirm
from domain.person import Person
from domain.roster import Roster
from domain.station import Station
from domain.unit import Unit
from domain.workdays import WorkdayCalendar
from roster.database import Cursor
from roster.readmodels.projection import Projection

AGGREGATES = (Unit, Station, LawFirm, Person, WorkdayCalendar, Roster)
# Fields too bulky or too private for the change log (a draft's assignments, phone numbers).
OMITTED = {"originator_id", "originator_version", "timestamp", "actor", "reason", "assignments"}
PRIVATE = {"phone"}

changes = Projection(
    name="changes",
    tables={
        "change_log": "notification_id BIGINT PRIMARY KEY, recorded_at TEXT NOT NULL, "
        "aggregate_type TEXT NOT NULL, aggregate_id TEXT NOT NULL, version INTEGER NOT NULL, "
        "event TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL, details TEXT NOT NULL",
    },
    indexes=(
        "CREATE INDEX IF NOT EXISTS change_log_aggregate ON change_log (aggregate_id, version)",
        "CREATE INDEX IF NOT EXISTS change_log_actor ON change_log (actor, recorded_at)",
    ),
)


def event_classes(aggregate: type) -> list[type]:
    return [
        v
        for v in vars(aggregate).values()
        if isinstance(v, type) and issubclass(v, aggregate.Event) and v is not aggregate.Event
    ]


def _details(e: Any) -> str:
    data = {k: ("***" if k in PRIVATE else v) for k, v in e.__dict__.items() if k not in OMITTED}
    if hasattr(e, "assignments"):
        data["assignment_count"] = len(e.assignments)
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)


def log_change(cur: Cursor, e: Any, notification_id: int) -> None:
    aggregate, event_name = type(e).__qualname__.split(".", 1)
    cur.execute(
        "INSERT INTO change_log VALUES (?,?,?,?,?,?,?,?,?)",
        (
            notification_id, e.timestamp.isoformat(), aggregate, e.originator_id.hex,
            e.originator_version, event_name, getattr(e, "actor", "system"),
            getattr(e, "reason", ""), _details(e),
        ),
    )  # fmt: skip


for _aggregate in AGGREGATES:
    changes.on(*event_classes(_aggregate))(log_change)
