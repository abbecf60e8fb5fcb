"""The solver's input vocabulary: plain frozen dataclasses, no domain objects.

Conventions used throughout the engine:
- "consecutive days" means adjacent entries of `Problem.days` (a reception roster lists
  working days only, so Friday and Monday are consecutive there);
- "next day" for successions and rest means the next calendar day;
- a "weekend" is a maximal run of calendar-consecutive rest days (Sat+Sun, or a holiday);
- weights are integers; a weight of None on an optional soft/hard switch means hard.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Day:
    date: date
    rest: bool = False  # weekend or public holiday: counted by rest-day fairness


@dataclass(frozen=True)
class ShiftType:
    code: str
    start_minute: int = 0  # minute of the day the shift starts
    length_minutes: int = 480
    name: str = ""  # display name, e.g. "上午"
    name_en: str = ""

    @property
    def end_minute(self) -> int:
        return self.start_minute + self.length_minutes


@dataclass(frozen=True)
class ForbiddenSuccession:
    """Shift `first` on one day may not be followed by shift `then` the next day."""

    first: str
    then: str


@dataclass(frozen=True)
class Person:
    id: str
    name: str = ""
    groups: tuple[str, ...] = ()  # e.g. the law firm, the county
    name_en: str = ""


@dataclass(frozen=True)
class Demand:
    """How many people a slot takes: hard `minimum`..`maximum`, soft `target`."""

    minimum: int = 0
    target: int = 1
    maximum: int | None = None  # None: same as target
    under_weight: int = 100_000  # per seat below target
    over_weight: int = 0  # per seat above target

    @property
    def upper(self) -> int:
        return self.target if self.maximum is None else self.maximum


@dataclass(frozen=True)
class Slot:
    id: str
    day: date
    shift: str
    station_id: str
    station_name: str = ""
    demand: Demand = field(default_factory=Demand)
    eligible: tuple[str, ...] | None = None  # person ids; None: everyone
    preference: int = 0  # reward per seat filled, e.g. a village's market day
    station_name_en: str = ""
    area: str = ""  # e.g. the township, for Limits.max_areas_per_day


@dataclass(frozen=True)
class Unavailability:
    person_id: str
    day: date
    shift: str | None = None  # None: the whole day


@dataclass(frozen=True)
class Request:
    """A soft wish: `want=True` costs `weight` if the person does not work the day/shift,
    `want=False` costs `weight` per duty they get on it."""

    person_id: str
    day: date
    shift: str | None = None
    want: bool = False
    weight: int = 10


@dataclass(frozen=True)
class StationCost:
    """Cost per duty of a person at a station (e.g. cross-county travel)."""

    person_id: str
    station_id: str
    weight: int


@dataclass(frozen=True)
class ShiftCap:
    shift: str
    maximum: int


@dataclass(frozen=True)
class Limits:
    """Per-person hard limits over the horizon; None means no limit."""

    max_per_day: int = 1
    max_per_shift: tuple[ShiftCap, ...] = ()
    min_shifts: int | None = None
    max_shifts: int | None = None
    min_minutes: int | None = None
    max_minutes: int | None = None
    max_consecutive_days: int | None = None
    min_consecutive_days: int | None = None  # runs inside the horizon only
    min_consecutive_days_off: int | None = None  # gaps between two worked days only
    max_weekends: int | None = None
    max_per_week: int | None = None  # ISO weeks
    max_areas_per_day: int | None = None  # distinct Slot.area a day (one township a day)


@dataclass(frozen=True)
class PersonLimits:
    """Replaces `Problem.default_limits` for one person."""

    person_id: str
    limits: Limits


@dataclass(frozen=True)
class CoverGroup:
    """Slots that together need `minimum`..`maximum` people (e.g. one village's month)."""

    id: str
    slot_ids: tuple[str, ...]
    minimum: int = 1
    maximum: int | None = None
    name: str = ""
    name_en: str = ""
    weight: int | None = None  # per missing person; None: hard


@dataclass(frozen=True)
class GroupLimit:
    """Duties of all people in `group` (Person.groups) between minimum and maximum."""

    group: str
    minimum: int = 0
    maximum: int | None = None
    name: str = ""
    name_en: str = ""
    weight: int | None = None  # per duty outside the range; None: hard


@dataclass(frozen=True)
class FairnessPool:
    """People who should carry the same load (duties, and separately rest-day duties),
    carried balances included. Each member's k-th duty costs weight * (balance + k), a
    convex cost that is least when loads differ by at most one; with `count_days`, the
    spread (max - min) of working days costs `weight` per day instead."""

    id: str
    members: tuple[str, ...]
    weight: int = 1_000
    rest_weight: int = 1_000
    count_days: bool = False  # balance working days instead of duties (adviser circuits)


@dataclass(frozen=True)
class Balance:
    """Carried over from earlier months: how far ahead of the pool a person is."""

    person_id: str
    duties: int = 0
    rest_duties: int = 0


@dataclass(frozen=True)
class Rotation:
    """Soft: a person should not take the same station more than `max_same_station` times."""

    max_same_station: int = 1
    weight: int = 10


@dataclass(frozen=True)
class SpreadVisits:
    """Soft: each pair of adjacent worked days of one person costs `weight`."""

    weight: int = 5


@dataclass(frozen=True)
class Assignment:
    slot_id: str
    person_id: str


@dataclass(frozen=True)
class Stability:
    """Stay close to `previous`: each seat added or removed costs `change_weight`.
    Frozen slots and days keep exactly their previous people."""

    previous: tuple[Assignment, ...] = ()
    change_weight: int = 5_000  # above fairness, so a re-plan moves only what it must
    frozen_slot_ids: tuple[str, ...] = ()
    frozen_days: tuple[date, ...] = ()


@dataclass(frozen=True)
class Problem:
    days: tuple[Day, ...]
    shifts: tuple[ShiftType, ...]
    people: tuple[Person, ...]
    slots: tuple[Slot, ...]
    unavailability: tuple[Unavailability, ...] = ()
    requests: tuple[Request, ...] = ()
    station_costs: tuple[StationCost, ...] = ()
    default_limits: Limits = field(default_factory=Limits)
    person_limits: tuple[PersonLimits, ...] = ()
    forbidden_successions: tuple[ForbiddenSuccession, ...] = ()
    min_rest_minutes: int = 0
    cover_groups: tuple[CoverGroup, ...] = ()
    group_limits: tuple[GroupLimit, ...] = ()
    fairness_pools: tuple[FairnessPool, ...] = ()
    balances: tuple[Balance, ...] = ()
    rotation: Rotation | None = None
    spread_visits: SpreadVisits | None = None
    stability: Stability | None = None
    name: str = ""
