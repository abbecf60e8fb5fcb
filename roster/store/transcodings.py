"""How value types inside events are stored: plain JSON, stable names, never pickles."""

from dataclasses import astuple
from datetime import date
from typing import Any

from eventsourcing.persistence import Transcoding

from domain.summary import DraftSummary
from domain.values import Assignment, Demand, Interval


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class DemandAsList(Transcoding):
    type = Demand
    name = "demand"

    def encode(self, obj: Demand) -> list[Any]:
        return list(astuple(obj))

    def decode(self, data: list[Any]) -> Demand:
        return Demand(*data)


class IntervalAsDict(Transcoding):
    type = Interval
    name = "interval"

    def encode(self, obj: Interval) -> dict[str, Any]:
        return {
            "id": obj.id,
            "starts_at": obj.starts_at,
            "ends_at": obj.ends_at,
            "reason": obj.reason,
            "source": obj.source,
        }

    def decode(self, data: dict[str, Any]) -> Interval:
        return Interval(**data)


class AssignmentAsList(Transcoding):
    """Compact on purpose: a month's draft holds hundreds of these in one event."""

    type = Assignment
    name = "assignment"

    def encode(self, obj: Assignment) -> list[Any]:
        return [
            obj.id,
            obj.day.isoformat(),
            obj.place,
            obj.shift,
            obj.seat,
            obj.person,
            obj.version,
        ]

    def decode(self, data: list[Any]) -> Assignment:
        aid, day, place, shift, seat, person, version = data
        return Assignment(aid, date.fromisoformat(day), place, shift, seat, person, version)


class DraftSummaryAsDict(Transcoding):
    type = DraftSummary
    name = "draft_summary"

    def encode(self, obj: DraftSummary) -> dict[str, Any]:
        return obj.to_plain()

    def decode(self, data: dict[str, Any]) -> DraftSummary:
        return DraftSummary.from_plain(data)


ALL = (DateAsISO, DemandAsList, IntervalAsDict, AssignmentAsList, DraftSummaryAsDict)
