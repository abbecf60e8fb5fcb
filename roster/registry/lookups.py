"""The registry's answers to the questions other slices and the web ask about people, units
and places: one name, one meaning each, read from the registry's own tables.

Other slices never join these tables; they ask here. The bulk lookups take many codes and
answer in one query per call (chunked for long lists), so a page or a feed asks a constant
number of questions whatever its length."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from roster.store.database import Database

CHUNK = 500  # codes per IN (...): well under SQLite's limit of bound parameters


@dataclass(frozen=True)
class PersonCard:
    code: str
    name: str
    role: str
    unit_code: str
    county_code: str
    phone: str  # private: the API shows it to managers and administrators only


@dataclass(frozen=True)
class PersonName:
    code: str
    name: str
    role: str
    unit_code: str
    county_code: str


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    kind: str  # city | county | township | village
    parent_code: str
    county_code: str
    office_name: str  # the office's own name where it has one ("" else)
    market_days: tuple[int, ...]  # a village's lunar market days
    market_label: str
    adviser_code: str

    @property
    def office(self) -> str:
        """What the public calls the unit's office: its own name, else the unit's."""
        return self.office_name or self.name


@dataclass(frozen=True)
class Station:
    code: str
    name: str
    kind: str
    unit_code: str
    address: str
    phone: str  # the station's public number, never a person's


@dataclass(frozen=True)
class Village:
    """A village an adviser visits, with what its notices and duties show around it."""

    code: str
    name: str
    township: str | None  # the township's name (None: no such township)
    township_office: str | None  # the township's judicial office, where to ask
    county: str | None  # the county's name
    market_days: tuple[int, ...]
    market_label: str
    adviser_code: str


@dataclass(frozen=True)
class Absence:
    id: str
    starts_at: datetime
    ends_at: datetime
    reason: str  # private: the person and their managers only
    source: str  # form | ics


UNIT_COLUMNS = (
    "code, name, kind, parent_code, county_code, office_name, market_days, market_label, "
    "adviser_code"
)


class Lookups:
    def __init__(self, db: Database) -> None:
        self.db = db

    def person_card(self, code: str) -> PersonCard | None:
        row = self._one(
            "SELECT code, name, role, unit_code, county_code, phone FROM people WHERE code = ?",
            code,
        )
        return PersonCard(*row) if row else None

    def county_of_person(self, person_code: str) -> str | None:
        """The county-level unit a person belongs to (None: no such person)."""
        row = self._one("SELECT county_code FROM people WHERE code = ?", person_code)
        return row[0] if row else None

    def county_of_unit(self, unit_code: str) -> str | None:
        """The county-level unit a unit lies in: itself for the city and the counties."""
        row = self._one("SELECT county_code FROM units WHERE code = ?", unit_code)
        return row[0] if row else None

    def people(self, codes: Iterable[str]) -> dict[str, PersonName]:
        """The people of these codes that exist, by code."""
        rows = self._many(
            "SELECT code, name, role, unit_code, county_code FROM people WHERE code IN ", codes
        )
        return {row[0]: PersonName(*row) for row in rows}

    def units(self, codes: Iterable[str]) -> dict[str, UnitInfo]:
        rows = self._many(f"SELECT {UNIT_COLUMNS} FROM units WHERE code IN ", codes)
        return {row[0]: _unit(row) for row in rows}

    def unit(self, code: str) -> UnitInfo | None:
        return self.units((code,)).get(code)

    def stations(self, codes: Iterable[str]) -> dict[str, Station]:
        rows = self._many(
            "SELECT code, name, kind, unit_code, address, phone FROM stations WHERE code IN ",
            codes,
        )
        return {row[0]: Station(*row) for row in rows}

    def station(self, code: str) -> Station | None:
        return self.stations((code,)).get(code)

    def villages(self, codes: Iterable[str]) -> dict[str, Village]:
        rows = self._many(
            "SELECT v.code, v.name, t.name, COALESCE(NULLIF(t.office_name, ''), t.name), "
            "c.name, v.market_days, v.market_label, v.adviser_code FROM units v "
            "LEFT JOIN units t ON t.code = v.parent_code "
            "LEFT JOIN units c ON c.code = v.county_code "
            "WHERE v.kind = 'village' AND v.code IN ",
            codes,
        )
        return {
            code: Village(code, name, town, office, county, _days(days), label, adv)
            for code, name, town, office, county, days, label, adv in rows
        }

    def villages_of(self, township: str) -> list[tuple[str, str]]:
        """A township's villages, (code, name) by code."""
        with self.db.reading() as cur:
            return cur.execute(
                "SELECT code, name FROM units WHERE kind = 'village' AND parent_code = ? "
                "ORDER BY code",
                (township,),
            ).fetchall()

    def open_stations_of(self, unit: str, kinds: Iterable[str] = ()) -> list[tuple[str, str]]:
        """A unit's open stations, (code, name) by code; only those of `kinds` if given."""
        kinds = list(kinds)
        only = f" AND kind IN ({', '.join('?' * len(kinds))})" if kinds else ""
        with self.db.reading() as cur:
            return cur.execute(
                f"SELECT code, name FROM stations WHERE unit_code = ? AND open = 1{only} "
                "ORDER BY code",
                (unit, *kinds),
            ).fetchall()

    def absences(self, person_code: str) -> list[Absence]:
        """A person's declared unavailability, by start."""
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

    def _one(self, sql: str, *params: str) -> tuple | None:
        with self.db.reading() as cur:
            return cur.execute(sql, params).fetchone()

    def _many(self, sql: str, codes: Iterable[str]) -> list[tuple]:
        """`sql` ends in `IN `: the codes go in chunks, one query each."""
        wanted = sorted(set(codes))
        rows: list[tuple] = []
        if not wanted:
            return rows
        with self.db.reading() as cur:
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start : start + CHUNK]
                rows += cur.execute(f"{sql}({', '.join('?' * len(chunk))})", chunk).fetchall()
        return rows


def _unit(row: tuple) -> UnitInfo:
    values = list(row)
    values[6] = _days(values[6])
    return UnitInfo(*values)


def _days(text: str) -> tuple[int, ...]:
    return tuple(json.loads(text or "[]"))
