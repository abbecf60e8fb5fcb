"""What planning asks of the registry: who may serve, where, and when they cannot, as plain
records. Each function takes the caller's cursor, so a plan's facts are all read in one
snapshot (roster.planning.facts); only the registry's own tables are read here."""

import json
from dataclasses import dataclass
from datetime import date

from roster.store.database import Cursor


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


@dataclass(frozen=True)
class UnitFact:
    code: str
    kind: str
    name: str
    county_code: str


def unit(cur: Cursor, code: str) -> UnitFact | None:
    row = cur.execute(
        "SELECT code, kind, name, county_code FROM units WHERE code = ?", (code,)
    ).fetchone()
    return UnitFact(*row) if row else None


def units_above_villages(cur: Cursor) -> list[UnitFact]:
    """The city, counties and townships: the units a roster can be planned for."""
    rows = cur.execute(
        "SELECT code, kind, name, county_code FROM units WHERE kind != 'village' ORDER BY code"
    ).fetchall()
    return [UnitFact(*row) for row in rows]


def first_township(cur: Cursor, code: str) -> str:
    """A township of the county `code` (or `code` itself if it is one), for an example; or ""."""
    row = cur.execute(
        "SELECT MIN(code) FROM units WHERE kind = 'township' AND (county_code = ? OR code = ?)",
        (code, code),
    ).fetchone()
    return (row and row[0]) or ""


def units_with_open_stations(cur: Cursor, station_kinds: tuple[str, ...] = ()) -> set[str]:
    """The units with an open station (of one of `station_kinds`, if given)."""
    sql, params = "SELECT DISTINCT unit_code FROM stations WHERE open = 1", list(station_kinds)
    if station_kinds:
        sql += f" AND kind IN ({','.join('?' * len(station_kinds))})"
    return {code for (code,) in cur.execute(sql, params).fetchall()}


def townships_with_advisers(cur: Cursor) -> set[str]:
    """The townships with a village that has a contracted adviser."""
    rows = cur.execute(
        "SELECT DISTINCT parent_code FROM units WHERE kind = 'village' AND adviser_code != ''"
    ).fetchall()
    return {code for (code,) in rows}


_PEOPLE = (
    "SELECT code, name, role, unit_code, county_code, firm_code, qualifications, is_head, title "
    "FROM people WHERE {who} AND (active_to IS NULL OR active_to >= ?) "
    "AND (active_from IS NULL OR active_from <= ?) ORDER BY code"
)


def _people(cur: Cursor, who: str, params: tuple, first: date, last: date) -> list[PersonFact]:
    """People matching `who` active at some time from `first` to `last`."""
    rows = cur.execute(
        _PEOPLE.format(who=who), (*params, first.isoformat(), last.isoformat())
    ).fetchall()
    return [
        PersonFact(code, name, role, unit, county, firm, _listed(quals), bool(head), title)
        for code, name, role, unit, county, firm, quals, head, title in rows
    ]


def _listed(text: str) -> tuple[str, ...]:
    return tuple(q for q in text.split(",") if q)


def leaders_of(cur: Cursor, unit_code: str, first: date, last: date) -> list[PersonFact]:
    """The unit's own leaders."""
    return _people(cur, "role = 'leader' AND unit_code = ?", (unit_code,), first, last)


def lawyers_for(cur: Cursor, county_code: str, first: date, last: date) -> list[PersonFact]:
    """The lawyers of the county's firms and of the firms paired with it."""
    who = (
        "role = 'lawyer' AND (firm_code IN (SELECT code FROM firms WHERE county_code = ?) "
        "OR firm_code IN (SELECT firm_code FROM firm_pairings WHERE county_code = ?))"
    )
    return _people(cur, who, (county_code, county_code), first, last)


def advisers_of(cur: Cursor, township_code: str, first: date, last: date) -> list[PersonFact]:
    """The advisers contracted to the township's villages."""
    who = (
        "role = 'adviser' AND code IN "
        "(SELECT adviser_code FROM units WHERE kind = 'village' AND parent_code = ?)"
    )
    return _people(cur, who, (township_code,), first, last)


def open_stations(cur: Cursor, unit_code: str) -> list[StationFact]:
    rows = cur.execute(
        "SELECT code, name, kind, unit_code, demand FROM stations "
        "WHERE open = 1 AND unit_code = ? ORDER BY code",
        (unit_code,),
    ).fetchall()
    return [
        StationFact(code, name, kind, unit, tuple(tuple(d) for d in json.loads(demand)))
        for code, name, kind, unit, demand in rows
    ]


def villages_of(cur: Cursor, township_code: str) -> list[VillageFact]:
    rows = cur.execute(
        "SELECT code, name, parent_code, adviser_code, market_days FROM units "
        "WHERE kind = 'village' AND parent_code = ? ORDER BY code",
        (township_code,),
    ).fetchall()
    return [
        VillageFact(code, name, parent, adviser, tuple(json.loads(market)))
        for code, name, parent, adviser, market in rows
    ]


def firms(cur: Cursor) -> list[tuple[str, str, str]]:
    """(code, name, county code) of every firm, by code."""
    rows = cur.execute("SELECT code, name, county_code FROM firms ORDER BY code")
    return [tuple(r) for r in rows]


def firm_pairings(cur: Cursor) -> list[tuple[str, str]]:
    """(firm code, county code) of every pairing of a firm with a county beyond its own."""
    rows = cur.execute(
        "SELECT firm_code, county_code FROM firm_pairings ORDER BY firm_code, county_code"
    )
    return [tuple(r) for r in rows]


def unavailability(cur: Cursor, starts: str, ends: str) -> list[tuple[str, str, str]]:
    """(person, starts at, ends at) of each interval overlapping [starts, ends), ISO times."""
    rows = cur.execute(
        "SELECT person_code, starts_at, ends_at FROM unavailability "
        "WHERE ends_at > ? AND starts_at < ? ORDER BY person_code, starts_at, ends_at",
        (starts, ends),
    )
    return [tuple(r) for r in rows]
