"""What the roster pages show, read from read models: the list, the month grid, the changes
since publication. Plain dataclasses; the web formats them."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from domain.errors import DomainError
from domain.roster import month_bounds
from domain.summary import DraftSummary
from domain.workdays import UndeclaredYearError
from roster.access.scope import Scope
from roster.registry.lookups import Lookups
from roster.registry.workdays import Day, WorkingDays
from roster.store.database import Database
from roster.vocabulary import RECEPTION_PLACES, ROSTER_KINDS

SHIFT_ORDER = {"am": 0, "pm": 1, "day": 2}


@dataclass(frozen=True)
class RosterRow:
    kind: str
    unit_code: str
    unit_name: str
    month: str
    state: str  # none | new | draft | published
    draft_number: int = 0
    published_version: int = 0
    updated_at: str = ""
    coverage: float | None = None
    version: int = 0  # the roster aggregate's: the publish form carries it


@dataclass(frozen=True)
class Duty:
    id: str
    day: date
    place: str
    shift: str
    seat: int
    person: str
    person_name: str
    place_name: str = ""
    version: int = 0  # this duty's own: the reassign form carries it


@dataclass
class Grid:
    row: RosterRow
    days: list[Day]
    undeclared: DomainError | None  # the month lies in a year nobody has declared
    places: list[tuple[str, str]]  # (code, name), the grid's rows
    cells: dict[tuple[str, date], list[Duty]] = field(default_factory=dict)
    summary: DraftSummary = field(default_factory=DraftSummary)

    @property
    def duties(self) -> int:
        return sum(len(c) for c in self.cells.values())


@dataclass(frozen=True)
class Change:
    day: str
    place_name: str
    shift: str
    before: str  # person names; "" for a duty added since publication
    after: str  # "" for a duty removed since publication

    @property
    def kind(self) -> str:
        return "added" if not self.before else "removed" if not self.after else "changed"


class RosterViews:
    def __init__(
        self,
        db: Database,
        plannable: Callable[[str, str], list[str]],
        workdays: WorkingDays,
        lookups: Lookups,
    ) -> None:  # plannable(kind, unit): the units that can have that kind of roster
        self.db = db
        self.plannable = plannable
        self.workdays = workdays
        self.lookups = lookups  # names of units, people and places: the registry's

    def rosters(self, scope: Scope, month: str, kind: str = "") -> list[RosterRow]:
        """Every roster there is to plan in the scope for the month, drafted or not."""
        month_bounds(month)  # raises MonthError
        kinds = [kind] if kind else list(ROSTER_KINDS)
        with self.db.reading() as cur:
            stored = {
                (k, u): row
                for k, u, *row in cur.execute(
                    "SELECT kind, unit_code, state, draft_number, published_version, "
                    "updated_at, summary FROM rosters WHERE month = ?",
                    (month,),
                ).fetchall()
            }
        # A roster once drafted stays listed even if its unit has nothing to plan now.
        listed = {
            k: sorted(set(self.plannable(k, "all")) | {u for kk, u in stored if kk == k})
            for k in kinds
        }
        names = {
            code: unit.name
            for code, unit in self.lookups.units(u for us in listed.values() for u in us).items()
        }
        out = []
        for k in kinds:
            for unit in listed[k]:
                if not scope.sees_unit(unit):
                    continue
                row = stored.get((k, unit))
                if row is None:
                    out.append(RosterRow(k, unit, names.get(unit, unit), month, "none"))
                    continue
                state, drafts, version, updated, summary = row
                coverage = json.loads(summary or "{}").get("coverage")
                out.append(
                    RosterRow(
                        k, unit, names.get(unit, unit), month, state, drafts, version,
                        updated, coverage,
                    )
                )  # fmt: skip
        return out

    def row(self, kind: str, unit: str, month: str) -> RosterRow | None:
        """None if the unit does not exist or has nothing of this kind to plan."""
        month_bounds(month)  # raises MonthError
        info = self.lookups.unit(unit)
        with self.db.reading() as cur:
            stored = cur.execute(
                "SELECT state, draft_number, published_version, updated_at, summary, version "
                "FROM rosters WHERE kind = ? AND unit_code = ? AND month = ?",
                (kind, unit, month),
            ).fetchone()
        if info is None or (stored is None and unit not in self.plannable(kind, "all")):
            return None
        if stored is None:
            return RosterRow(kind, unit, info.name, month, "none")
        state, drafts, published, updated, summary, version = stored
        coverage = json.loads(summary or "{}").get("coverage")
        return RosterRow(
            kind, unit, info.name, month, state, drafts, published, updated, coverage, version
        )

    def grid(self, row: RosterRow) -> Grid:
        # A month in an undeclared year still shows, with plain weekends and a banner.
        try:
            days, undeclared = self.workdays.month(row.month, row.unit_code), None
        except UndeclaredYearError as exc:
            days, undeclared = _plain_days(row.month), exc
        grid = Grid(row, days, undeclared, self._places(row))
        with self.db.reading() as cur:
            stored = cur.execute(
                "SELECT summary FROM rosters WHERE kind = ? AND unit_code = ? AND month = ?",
                (row.kind, row.unit_code, row.month),
            ).fetchone()
            grid.summary = (
                DraftSummary.from_plain(json.loads(stored[0])) if stored else grid.summary
            )
            duties = cur.execute(
                "SELECT d.assignment_id, d.day, d.place, d.shift, d.seat, d.person_code, "
                "d.version FROM roster_duties d JOIN rosters r ON r.id = d.roster_id "
                "WHERE r.kind = ? AND r.unit_code = ? AND r.month = ?",
                (row.kind, row.unit_code, row.month),
            ).fetchall()
        people = self.lookups.people(d[5] for d in duties)
        known = dict(grid.places)
        for aid, day, place, shift, seat, person, version in duties:
            name = people[person].name if person in people else person
            duty = Duty(
                aid,
                date.fromisoformat(day),
                place,
                shift,
                seat,
                person,
                name,
                known.get(place, place),
                version,
            )
            grid.cells.setdefault((place, duty.day), []).append(duty)
            if place not in known:  # a station closed since the draft still shows its duties
                grid.places.append((place, place))
                known[place] = place
        for cell in grid.cells.values():
            cell.sort(key=lambda d: (SHIFT_ORDER.get(d.shift, 9), d.seat))
        return grid

    def duty(self, row: RosterRow, duty_id: str) -> Duty | None:
        grid = self.grid(row)
        return next((d for cell in grid.cells.values() for d in cell if d.id == duty_id), None)

    def changes(self, row: RosterRow) -> list[Change]:
        """The working set against what is published: who changed, what was added or removed."""
        with self.db.reading() as cur:
            rid = cur.execute(
                "SELECT id FROM rosters WHERE kind = ? AND unit_code = ? AND month = ?",
                (row.kind, row.unit_code, row.month),
            ).fetchone()
            if rid is None:
                return []
            working = {
                aid: (day, place, shift, person)
                for aid, day, place, shift, person in cur.execute(
                    "SELECT assignment_id, day, place, shift, person_code FROM roster_duties "
                    "WHERE roster_id = ?",
                    rid,
                ).fetchall()
            }
            published = {
                aid: (day, place, shift, person)
                for aid, day, place, shift, person in cur.execute(
                    "SELECT assignment_id, day, place, shift, person_code FROM published_duties "
                    "WHERE roster_id = ? AND status = 'CONFIRMED'",
                    rid,
                ).fetchall()
            }
        place_names = dict(self._places(row))
        people = {
            code: p.name
            for code, p in self.lookups.people(
                v[3] for v in (*working.values(), *published.values())
            ).items()
        }
        out = []
        for aid in sorted(
            working.keys() | published.keys(), key=lambda a: (working.get(a) or published[a])[:3]
        ):
            now, then = working.get(aid), published.get(aid)
            if now and then and now[3] == then[3]:
                continue
            day, place, shift, _ = now or then
            out.append(
                Change(
                    day, place_names.get(place, place), shift,
                    people.get(then[3], then[3]) if then else "",
                    people.get(now[3], now[3]) if now else "",
                )
            )  # fmt: skip
        return out

    def _places(self, row: RosterRow) -> list[tuple[str, str]]:
        if row.kind == "adviser-circuits":
            return self.lookups.villages_of(row.unit_code)
        # Receptions only where leaders receive the public; other kinds at every open station.
        kinds = RECEPTION_PLACES if row.kind == "reception" else ()
        return self.lookups.open_stations_of(row.unit_code, kinds)


def _plain_days(month: str) -> list[Day]:
    first, last = month_bounds(month)
    return [
        Day(date.fromordinal(n), "weekend" if date.fromordinal(n).weekday() >= 5 else "workday")
        for n in range(first.toordinal(), last.toordinal() + 1)
    ]
