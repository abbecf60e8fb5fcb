"""Read-only questions the web and CLI ask, answered from read models only."""

import json
from dataclasses import dataclass
from datetime import date

from roster.registry.lunar import is_market_day
from roster.store.database import Database


@dataclass(frozen=True)
class CountyOverview:
    code: str
    name: str
    townships: int
    villages: int
    firms: int
    lawyers: int
    advisers: int
    leaders: int
    stations: int


class Queries:
    def __init__(self, db: Database) -> None:
        self.db = db

    def city(self) -> tuple[str, str] | None:
        with self.db.reading() as cur:
            row = cur.execute("SELECT code, name FROM units WHERE kind = 'city'").fetchone()
        return (row[0], row[1]) if row else None

    def overview(self) -> list[CountyOverview]:
        """One line per county-level unit (the city bureau first) with what it holds."""
        with self.db.reading() as cur:
            units = cur.execute(
                "SELECT code, name, kind FROM units WHERE kind IN ('city', 'county') "
                "ORDER BY kind, code"
            ).fetchall()
            unit_counts = _grouped(
                cur.execute(
                    "SELECT county_code, kind, COUNT(*) FROM units "
                    "WHERE kind IN ('township', 'village') GROUP BY county_code, kind"
                ).fetchall()
            )
            people = _grouped(
                cur.execute(
                    "SELECT county_code, role, COUNT(*) FROM people GROUP BY county_code, role"
                ).fetchall()
            )
            firms = dict(
                cur.execute(
                    "SELECT county_code, COUNT(*) FROM firms GROUP BY county_code"
                ).fetchall()
            )
            stations = dict(
                cur.execute(
                    "SELECT unit_code, COUNT(*) FROM stations GROUP BY unit_code"
                ).fetchall()
            )
        return [
            CountyOverview(
                code,
                name,
                unit_counts.get((code, "township"), 0),
                unit_counts.get((code, "village"), 0),
                firms.get(code, 0),
                people.get((code, "lawyer"), 0),
                people.get((code, "adviser"), 0),
                people.get((code, "leader"), 0),
                stations.get(code, 0),
            )
            for code, name, _kind in units
        ]

    def adviser_circuits(self, township: str, month: str) -> list["CircuitDay"]:
        return adviser_circuits(self.db, township, month)


def _grouped(rows: list) -> dict[tuple[str, str], int]:
    return {(a, b): n for a, b, n in rows}


@dataclass(frozen=True)
class CircuitDay:
    adviser_code: str
    adviser_name: str
    day: str
    villages: tuple[tuple[str, str, bool], ...]  # (code, name, on its market day), in order


def adviser_circuits(db: Database, township: str, month: str) -> list[CircuitDay]:
    """Each adviser's day-by-day circuit in a township's current roster (draft or published).

    Villages of a day are visited in the order of their codes: administrative codes number
    villages along the township's roads, the best order we know without coordinates."""
    with db.reading() as cur:
        rows = cur.execute(
            "SELECT d.person_code, p.name, d.day, u.code, u.name, u.market_days "
            "FROM roster_duties d JOIN rosters r ON r.id = d.roster_id "
            "JOIN people p ON p.code = d.person_code JOIN units u ON u.code = d.place "
            "WHERE r.kind = 'adviser-circuits' AND r.unit_code = ? AND r.month = ? "
            "ORDER BY d.person_code, d.day, u.code",
            (township, month),
        ).fetchall()
    circuits: dict[tuple[str, str], list] = {}
    names = {}
    for person, name, day, code, village, market_days in rows:
        market = is_market_day(date.fromisoformat(day), tuple(json.loads(market_days)))
        circuits.setdefault((person, day), []).append((code, village, market))
        names[person] = name
    return [
        CircuitDay(person, names[person], day, tuple(villages))
        for (person, day), villages in circuits.items()
    ]
