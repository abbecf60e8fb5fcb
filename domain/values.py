"""Value types carried inside events; each has a registered transcoding in roster.store.transcodings."""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Demand:
    """Seats wanted at a station for one shift on one type of day."""

    day_type: str
    shift: str
    seats: int


@dataclass(frozen=True)
class Interval:
    """A span of time a person is away (or prefers not to work), with the reason they gave."""

    id: str
    starts_at: datetime
    ends_at: datetime
    reason: str = ""
    source: str = "form"


@dataclass(frozen=True)
class Assignment:
    """One person in one seat of one slot. `version` rises on each change (iCal SEQUENCE)."""

    id: str
    day: date
    place: str
    shift: str
    seat: int
    person: str
    version: int = 1
