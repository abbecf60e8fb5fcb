"""The facts a month's plan needs, read once from the read models as plain records."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from domain.roster import month_bounds
from domain.vocabulary import SHIFTS, TIME_ZONE
from domain.workdays import UndeclaredYearError
from roster.registry import facts as registry
from roster.registry.facts import PersonFact, StationFact, VillageFact
from roster.registry.workdays import Day, WorkingDays
from roster.rosters import history
from roster.store.database import Database
from roster.store.follower import tracked_position

BALANCE_MONTHS = 3  # how many earlier months of duties carry over into fairness


@dataclass
class Facts:
    month: str
    days: list[Day]
    unit_code: str
    unit_name: str
    people: dict[str, PersonFact] = field(default_factory=dict)
    stations: list[StationFact] = field(default_factory=list)
    villages: list[VillageFact] = field(default_factory=list)
    firms: dict[str, str] = field(default_factory=dict)  # firm code → county code
    firm_names: dict[str, str] = field(default_factory=dict)
    pairings: dict[str, set[str]] = field(default_factory=dict)  # county → paired firm codes
    # person → {day: set of shifts, or None for the whole day}
    unavailable: dict[str, dict[date, set[str] | None]] = field(default_factory=dict)
    busy_elsewhere: dict[str, set[date]] = field(default_factory=dict)  # other rosters' duties
    duties_elsewhere: Counter = field(default_factory=Counter)  # same kind, other units
    history: dict[str, tuple[int, int]] = field(default_factory=dict)  # (duties, rest duties)
    position: int = 0  # the log position of the read models these facts were read from


# Who may take part in each kind of roster for one unit; the rest of the city is not read.
PEOPLE_OF_KIND = {
    "reception": registry.leaders_of,
    "duty-lawyers": registry.lawyers_for,  # the county's firms' and its paired firms' lawyers
    "adviser-circuits": registry.advisers_of,
}


def read_facts(db: Database, workdays: WorkingDays, kind: str, unit_code: str, month: str) -> Facts:
    first, last = month_bounds(month)
    days = workdays.month(month, unit_code)  # the city's days plus the county's own
    eligible = PEOPLE_OF_KIND[kind]
    with db.reading(snapshot=True) as cur:  # the facts and their log position agree
        unit = registry.unit(cur, unit_code)
        facts = Facts(month, days, unit_code, unit.name if unit else unit_code)
        facts.position = tracked_position(cur, ("registry", "duties"))
        facts.people = {p.code: p for p in eligible(cur, unit_code, first, last)}
        facts.stations = registry.open_stations(cur, unit_code)
        facts.villages = registry.villages_of(cur, unit_code)
        for code, name, county in registry.firms(cur):
            facts.firms[code] = county
            facts.firm_names[code] = name
        for firm, county in registry.firm_pairings(cur):
            facts.pairings.setdefault(county, set()).add(firm)
        window = (
            datetime.combine(first, time(0), TIME_ZONE).isoformat(),
            datetime.combine(last + timedelta(days=1), time(0), TIME_ZONE).isoformat(),
        )
        for person, starts, ends in registry.unavailability(cur, *window):
            if person in facts.people:
                marks = facts.unavailable.setdefault(person, {})
                _mark_unavailable(marks, starts, ends, first, last)
        for person, day, other_kind in history.duties_in_other_rosters(cur, kind, unit_code, month):
            if person not in facts.people:
                continue
            facts.busy_elsewhere.setdefault(person, set()).add(day)
            if other_kind == kind:  # e.g. a city lawyer already on duty in another county
                facts.duties_elsewhere[person] += 1
        served = history.confirmed_duties(cur, kind, unit_code, history_start(first), first)
    facts.history = carried_over(
        served, rest_days(workdays, unit_code, history_start(first), first)
    )
    return facts


def _mark_unavailable(
    marks: dict[date, set[str] | None], starts: str, ends: str, first: date, last: date
) -> None:
    """Mark each shift the interval overlaps; a day whose every shift is hit is unavailable whole."""
    start = datetime.fromisoformat(starts).astimezone(TIME_ZONE)
    end = datetime.fromisoformat(ends).astimezone(TIME_ZONE)
    day = max(start.date(), first)
    while day <= min(end.date(), last):
        hit = {
            shift for shift, (s, e) in SHIFTS.items() if start < _at(day, e) and end > _at(day, s)
        }
        if hit == set(SHIFTS):
            marks[day] = None
        elif hit and marks.get(day, set()) is not None:
            marks.setdefault(day, set()).update(hit)
        day += timedelta(days=1)


def _at(day: date, hhmm: str) -> datetime:
    hour, minute = map(int, hhmm.split(":"))
    return datetime.combine(day, time(hour, minute), TIME_ZONE)


def history_start(first: date) -> date:
    """The first day of the earlier months whose duties carry over into a month's fairness."""
    months = first.year * 12 + first.month - 1 - BALANCE_MONTHS
    return date(months // 12, months % 12 + 1, 1)


def rest_days(workdays: WorkingDays, unit_code: str, start: date, end: date) -> set[date]:
    """The weekend and holiday days from `start` up to (not including) `end`, by the calendar
    the unit's rosters were planned on, as the solver counts rest days: a holiday on a
    weekday is one, a make-up Saturday is not.

    A year neither the statutory table nor a confirmation covers (before 2004, or a past year
    never confirmed) falls back to Saturdays and Sundays: its duties were served already, the
    carry-over is only a fairness nudge, and refusing to plan this month over an earlier
    year's missing declarations would block the manager for a reason this month cannot fix."""
    out: set[date] = set()
    for year in range(start.year, end.year + 1):
        first, last = max(start, date(year, 1, 1)), min(end - timedelta(days=1), date(year, 12, 31))
        if first > last:
            continue
        try:
            out.update(d.day for d in workdays.days(first, last, unit_code) if d.type != "workday")
        except UndeclaredYearError:
            span = (first + timedelta(days=n) for n in range((last - first).days + 1))
            out.update(d for d in span if d.weekday() >= 5)
    return out


def carried_over(served: list[tuple[str, date]], rest: set[date]) -> dict[str, tuple[int, int]]:
    """Each person's (duties, weekend/holiday duties) among the duties served."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for person, day in served:
        totals[person][0] += 1
        totals[person][1] += day in rest
    return {p: (d, r) for p, (d, r) in totals.items()}
