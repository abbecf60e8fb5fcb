"""The facts a month's plan needs, read once from the read models as plain records."""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.roster import month_bounds
from domain.values import SHIFTS
from roster.database import Database
from roster.readmodels.follower import tracked_position
from roster.workdays import Day, WorkingDays

SHANGHAI = ZoneInfo("Asia/Shanghai")
BALANCE_MONTHS = 3  # how many earlier months of duties carry over into fairness


@dataclass(frozen=True)
class PersonFact:
    code: str
    name: str
    role: str
    unit_code: str
    county_code: str
    firm_code: str
    qualifications: tuple[str, ...]
    is_head: bool
    title: str


@dataclass(frozen=True)
class StationFact:
    code: str
    name: str
    kind: str
    unit_code: str
    demand: tuple[tuple[str, str, int], ...]  # (day type, shift, seats)


@dataclass(frozen=True)
class VillageFact:
    code: str
    name: str
    township_code: str
    adviser_code: str
    market_days: tuple[int, ...]


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
    "reception": "role = 'leader' AND unit_code = ?",
    "duty-lawyers": "role = 'lawyer' AND (firm_code IN (SELECT code FROM firms WHERE county_code = ?) "
    "OR firm_code IN (SELECT firm_code FROM firm_pairings WHERE county_code = ?))",
    "adviser-circuits": "role = 'adviser' AND code IN "
    "(SELECT adviser_code FROM units WHERE kind = 'village' AND parent_code = ?)",
}


def read_facts(db: Database, workdays: WorkingDays, kind: str, unit_code: str, month: str) -> Facts:
    first, last = month_bounds(month)
    days = workdays.month(month, unit_code)  # the city's days plus the county's own
    scope = PEOPLE_OF_KIND[kind]
    with db.reading(snapshot=True) as cur:
        unit = cur.execute("SELECT name FROM units WHERE code = ?", (unit_code,)).fetchone()
        facts = Facts(month, days, unit_code, unit[0] if unit else unit_code)
        facts.position = tracked_position(cur, ("registry", "duties"))
        for row in cur.execute(
            "SELECT code, name, role, unit_code, county_code, firm_code, qualifications, is_head, "
            f"title FROM people WHERE {scope} AND (active_to IS NULL OR active_to >= ?) "
            "AND (active_from IS NULL OR active_from <= ?)",
            (*[unit_code] * scope.count("?"), first.isoformat(), last.isoformat()),
        ):
            code, name, role, unit, county, firm, quals, head, title = row
            qualifications = tuple(q for q in quals.split(",") if q)
            facts.people[code] = PersonFact(
                code, name, role, unit, county, firm, qualifications, bool(head), title
            )
        for code, name, skind, unit, demand in cur.execute(
            "SELECT code, name, kind, unit_code, demand FROM stations "
            "WHERE open = 1 AND unit_code = ? ORDER BY code",
            (unit_code,),
        ):
            demand = tuple(tuple(d) for d in json.loads(demand))
            facts.stations.append(StationFact(code, name, skind, unit, demand))
        for code, name, parent, adviser, market in cur.execute(
            "SELECT code, name, parent_code, adviser_code, market_days FROM units "
            "WHERE kind = 'village' AND parent_code = ? ORDER BY code",
            (unit_code,),
        ):
            market_days = tuple(json.loads(market))
            facts.villages.append(VillageFact(code, name, parent, adviser, market_days))
        for code, name, county in cur.execute("SELECT code, name, county_code FROM firms"):
            facts.firms[code] = county
            facts.firm_names[code] = name
        for firm, county in cur.execute("SELECT firm_code, county_code FROM firm_pairings"):
            facts.pairings.setdefault(county, set()).add(firm)
        window = (
            datetime.combine(first, time(0), SHANGHAI).isoformat(),
            datetime.combine(last + timedelta(days=1), time(0), SHANGHAI).isoformat(),
        )
        for person, starts, ends in cur.execute(
            "SELECT person_code, starts_at, ends_at FROM unavailability "
            "WHERE ends_at > ? AND starts_at < ?",
            window,
        ):
            if person in facts.people:
                marks = facts.unavailable.setdefault(person, {})
                _mark_unavailable(marks, starts, ends, first, last)
        own = (kind, unit_code, month)
        for person, day, other_kind in cur.execute(
            "SELECT d.person_code, d.day, r.kind FROM roster_duties d "
            "JOIN rosters r ON r.id = d.roster_id "
            "WHERE r.month = ? AND NOT (r.kind = ? AND r.unit_code = ? AND r.month = ?)",
            (month, *own),
        ):
            if person not in facts.people:
                continue
            facts.busy_elsewhere.setdefault(person, set()).add(date.fromisoformat(day))
            if other_kind == kind:  # e.g. a city lawyer already on duty in another county
                facts.duties_elsewhere[person] += 1
        facts.history = _history(cur, kind, unit_code, first)
    return facts


def _mark_unavailable(
    marks: dict[date, set[str] | None], starts: str, ends: str, first: date, last: date
) -> None:
    """Mark each shift the interval overlaps; a day whose every shift is hit is unavailable whole."""
    start = datetime.fromisoformat(starts).astimezone(SHANGHAI)
    end = datetime.fromisoformat(ends).astimezone(SHANGHAI)
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
    return datetime.combine(day, time(hour, minute), SHANGHAI)


def _history(cur, kind: str, unit_code: str, first: date) -> dict[str, tuple[int, int]]:
    """Duties (and weekend/holiday duties) each person served in this roster's recent months."""
    start = date(
        first.year - (first.month <= BALANCE_MONTHS), (first.month - BALANCE_MONTHS - 1) % 12 + 1, 1
    )
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for person, day in cur.execute(
        "SELECT person_code, day FROM published_duties WHERE kind = ? AND unit_code = ? "
        "AND status = 'CONFIRMED' AND day >= ? AND day < ?",
        (kind, unit_code, start.isoformat(), first.isoformat()),
    ).fetchall():
        totals[person][0] += 1
        totals[person][1] += date.fromisoformat(day).weekday() >= 5
    return {p: (d, r) for p, (d, r) in totals.items()}
