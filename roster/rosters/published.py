"""What members and the public see of the rosters: published duties only, read from read models.

Drafts live in `roster_duties`; these queries read `published_duties` alone, so nothing a
manager is still working on can reach a member's page, a public notice or a lobby screen.
Names of people, units and places come from the registry's lookups, a few bulk questions per
list, never a join on its tables.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from domain.roster import month_bounds
from domain.station import STATION_KINDS
from domain.vocabulary import SHIFTS, kind_name, shift_name
from roster.registry.lookups import Lookups
from roster.registry.lunar import is_market_day
from roster.store.database import Database

ROWS = (
    "SELECT d.assignment_id, d.person_code, d.kind, d.unit_code, d.day, d.place, d.shift, "
    "d.status, d.version FROM published_duties d WHERE "
)
ORDER = " ORDER BY d.day, d.unit_code, d.kind, d.place, d.shift, d.seat"


@dataclass(frozen=True)
class DutyLine:
    assignment_id: str
    person_code: str
    person_name: str
    kind: str
    unit_code: str  # the roster's unit: a county bureau, or a township for circuits
    unit_name: str
    day: date
    place: str
    place_name: str
    place_kind: str  # the station's kind (centre, court…); empty for a village
    address: str
    station_phone: str  # the station's public number, never a person's
    shift: str
    status: str  # CONFIRMED | CANCELLED
    version: int
    county_code: str

    @property
    def kind_name(self) -> str:
        return kind_name(self.kind)

    @property
    def place_kind_name(self) -> str:
        return STATION_KINDS.get(self.place_kind, "")

    @property
    def shift_name(self) -> str:
        return shift_name(self.shift)

    @property
    def hours(self) -> str:
        first, last = SHIFTS.get(self.shift, ("", ""))
        return f"{first}–{last}"


@dataclass(frozen=True)
class VillageNotice:
    code: str
    name: str
    township: str
    county: str
    office: str  # the township's judicial office, where to ask
    market_label: str
    adviser_name: str
    visits: tuple[tuple[date, bool], ...]  # (day, on the village's market day)


CALENDAR_ROWS = (
    "SELECT assignment_id, person_code, kind, day, place, shift, version, status, changed_at "
    "FROM published_duties"
)
CALENDAR_FILTERS = {"person": "person_code", "place": "place", "kind": "kind", "unit": "unit_code"}


class DutyQueries:
    def __init__(self, db: Database, lookups: Lookups) -> None:
        self.db = db
        self.lookups = lookups  # names, places and units: the registry's, asked in bulk

    def calendar_rows(self, **filters: str) -> list[tuple]:
        """Published rows as calendars see them, cancelled ones included (a feed must tell
        subscribers a duty is gone): (assignment_id, person_code, kind, day, place, shift,
        version, status, changed_at), filtered by person, place, kind and unit."""
        where = [f"{CALENDAR_FILTERS[name]} = ?" for name in filters]
        sql = CALENDAR_ROWS + (" WHERE " + " AND ".join(where) if where else "")
        with self.db.reading() as cur:
            return cur.execute(sql, tuple(filters.values())).fetchall()

    def on_days(self, first: date, last: date) -> list[DutyLine]:
        """Every confirmed published duty between two days, all units (callers filter scope)."""
        return self._lines(
            "d.status = 'CONFIRMED' AND d.day BETWEEN ? AND ?", first.isoformat(), last.isoformat()
        )

    def of_person(self, person_code: str, first: date, last: date) -> list[DutyLine]:
        return self._lines(
            "d.status = 'CONFIRMED' AND d.person_code = ? AND d.day BETWEEN ? AND ?",
            person_code, first.isoformat(), last.isoformat(),
        )  # fmt: skip

    def next_of_person(self, person_code: str, today: date, limit: int = 5) -> list[DutyLine]:
        return self.of_person(person_code, today, today + timedelta(days=366))[:limit]

    def duty(self, assignment_id: str, person_code: str = "") -> DutyLine | None:
        """The duty as it stands: its confirmed holder, else its latest cancellation. Asked for
        by a person who held it, their own row, so a duty moved away shows them as cancelled."""
        rows = self._lines("d.assignment_id = ?", assignment_id)
        rows.sort(key=lambda r: (r.person_code == person_code, r.status == "CONFIRMED", r.version))
        return rows[-1] if rows else None

    def reception_month(self, first: date, last: date) -> dict[str, list[DutyLine]]:
        """Each bureau's published reception days of the month, by bureau name."""
        bureaus: dict[str, list[DutyLine]] = {}
        for line in self._lines(
            "d.status = 'CONFIRMED' AND d.kind = 'reception' AND d.day BETWEEN ? AND ?",
            first.isoformat(), last.isoformat(),
        ):  # fmt: skip
            bureaus.setdefault(line.unit_name, []).append(line)
        return bureaus

    def of_roster(self, kind: str, unit: str, month: str) -> list[DutyLine]:
        """A roster's published duties (the API's roster page)."""
        first, last = month_bounds(month)
        return self._lines(
            "d.status = 'CONFIRMED' AND d.kind = ? AND d.unit_code = ? AND d.day BETWEEN ? AND ?",
            kind, unit, first.isoformat(), last.isoformat(),
        )  # fmt: skip

    def at_station(self, station_code: str, day: date) -> list[DutyLine]:
        return self._lines(
            "d.status = 'CONFIRMED' AND d.place = ? AND d.day = ?", station_code, day.isoformat()
        )

    def village_notice(self, code: str, first: date, last: date) -> VillageNotice | None:
        village = self.lookups.villages((code,)).get(code)
        if village is None or village.township is None or village.county is None:
            return None
        with self.db.reading() as cur:
            days = cur.execute(
                "SELECT DISTINCT day, person_code FROM published_duties WHERE place = ? "
                "AND kind = 'adviser-circuits' AND status = 'CONFIRMED' "
                "AND day BETWEEN ? AND ? ORDER BY day",
                (code, first.isoformat(), last.isoformat()),
            ).fetchall()
        # The adviser who actually comes, should a visit have been reassigned.
        coming = days[0][1] if days else village.adviser_code
        names = self.lookups.people({village.adviser_code, coming})
        adviser = names.get(coming) or names.get(village.adviser_code)
        visits = tuple(
            (date.fromisoformat(d), is_market_day(date.fromisoformat(d), village.market_days))
            for d, _ in days
        )
        return VillageNotice(
            village.code, village.name, village.township, village.county,
            village.township_office or "", village.market_label,
            adviser.name if adviser else "", visits,
        )  # fmt: skip

    def _lines(self, where: str, *params: str) -> list[DutyLine]:
        with self.db.reading() as cur:
            rows = cur.execute(ROWS + where + ORDER, params).fetchall()
        return self._named(rows)

    def _named(self, rows: Iterable[tuple]) -> list[DutyLine]:
        """Published rows (ROWS' columns) with the registry's names: four bulk lookups."""
        rows = list(rows)
        people = self.lookups.people(r[1] for r in rows)
        units = self.lookups.units(r[3] for r in rows)
        stations = self.lookups.stations(r[5] for r in rows)
        villages = self.lookups.villages(r[5] for r in rows if r[5] not in stations)
        out = []
        for aid, person, kind, unit_code, day, place, shift, status, version in rows:
            holder, unit = people.get(person), units.get(unit_code)
            station, village = stations.get(place), villages.get(place)
            # A village is named with its township ("XX镇YY村"), as its notices say.
            spot = (
                f"{village.township}{village.name}"
                if village and village.township is not None
                else None
            )
            out.append(
                DutyLine(
                    aid, person, holder.name if holder else person, kind, unit_code,
                    unit.office if unit else unit_code, date.fromisoformat(day), place,
                    station.name if station else spot or place,
                    station.kind if station else "",
                    station.address if station else spot or "",
                    station.phone if station else "", shift, status, version,
                    unit.county_code if unit else unit_code,
                )
            )  # fmt: skip
        return out
