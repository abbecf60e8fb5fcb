"""What members and the public see of the rosters: published duties only, read from read models.

Drafts live in `roster_duties`; these queries read `published_duties` alone, so nothing a
manager is still working on can reach a member's page, a public notice or a lobby screen.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain.station import STATION_KINDS
from domain.vocabulary import SHIFTS, kind_name, shift_name
from roster.registry.lunar import is_market_day
from roster.store.database import Database

LINES = (
    "SELECT d.assignment_id, d.person_code, COALESCE(p.name, d.person_code), d.kind, "
    "d.unit_code, COALESCE(NULLIF(b.office_name, ''), b.name, d.unit_code), d.day, d.place, "
    "COALESCE(s.name, t.name || v.name, d.place), COALESCE(s.kind, ''), "
    "COALESCE(s.address, t.name || v.name, ''), COALESCE(s.phone, ''), d.shift, d.status, "
    "d.version, COALESCE(b.county_code, d.unit_code) FROM published_duties d "
    "LEFT JOIN people p ON p.code = d.person_code "
    "LEFT JOIN units b ON b.code = d.unit_code "
    "LEFT JOIN stations s ON s.code = d.place "
    "LEFT JOIN units v ON v.code = d.place AND v.kind = 'village' "
    "LEFT JOIN units t ON t.code = v.parent_code WHERE "
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
class Absence:
    id: str
    starts_at: datetime
    ends_at: datetime
    reason: str
    source: str  # form | ics


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


@dataclass(frozen=True)
class Station:
    code: str
    name: str
    kind: str
    unit_code: str
    address: str
    phone: str


class DutyQueries:
    def __init__(self, db: Database) -> None:
        self.db = db

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

    def at_station(self, station_code: str, day: date) -> list[DutyLine]:
        return self._lines(
            "d.status = 'CONFIRMED' AND d.place = ? AND d.day = ?", station_code, day.isoformat()
        )

    def station(self, code: str) -> Station | None:
        with self.db.reading() as cur:
            row = cur.execute(
                "SELECT code, name, kind, unit_code, address, phone FROM stations WHERE code = ?",
                (code,),
            ).fetchone()
        return Station(*row) if row else None

    def village_notice(self, code: str, first: date, last: date) -> VillageNotice | None:
        with self.db.reading() as cur:
            row = cur.execute(
                "SELECT v.code, v.name, t.name, c.name, COALESCE(NULLIF(t.office_name, ''), "
                "t.name), v.market_label, v.market_days, COALESCE(a.name, '') FROM units v "
                "JOIN units t ON t.code = v.parent_code JOIN units c ON c.code = v.county_code "
                "LEFT JOIN people a ON a.code = v.adviser_code "
                "WHERE v.code = ? AND v.kind = 'village'",
                (code,),
            ).fetchone()
            if row is None:
                return None
            days = cur.execute(
                "SELECT DISTINCT day, person_code FROM published_duties WHERE place = ? "
                "AND kind = 'adviser-circuits' AND status = 'CONFIRMED' "
                "AND day BETWEEN ? AND ? ORDER BY day",
                (code, first.isoformat(), last.isoformat()),
            ).fetchall()
            adviser = row[7]
            if days:  # the adviser who actually comes, should a visit have been reassigned
                name = cur.execute(
                    "SELECT name FROM people WHERE code = ?", (days[0][1],)
                ).fetchone()
                adviser = name[0] if name else adviser
        market = tuple(json.loads(row[6]))
        visits = tuple(
            (date.fromisoformat(d), is_market_day(date.fromisoformat(d), market)) for d, _ in days
        )
        return VillageNotice(row[0], row[1], row[2], row[3], row[4], row[5], adviser, visits)

    def absences(self, person_code: str) -> list[Absence]:
        with self.db.reading() as cur:
            rows = cur.execute(
                "SELECT id, starts_at, ends_at, reason, source FROM unavailability "
                "WHERE person_code = ? ORDER BY starts_at",
                (person_code,),
            ).fetchall()
        return [
            Absence(i, datetime.fromisoformat(a), datetime.fromisoformat(b), r, s)
            for i, a, b, r, s in rows
        ]

    def _lines(self, where: str, *params: str) -> list[DutyLine]:
        with self.db.reading() as cur:
            rows = cur.execute(LINES + where + ORDER, params).fetchall()
        return [_line(row) for row in rows]


def _line(row: tuple) -> DutyLine:
    values = list(row)
    values[6] = date.fromisoformat(values[6])
    return DutyLine(*values)
