"""Read-only questions the web and CLI ask, answered from read models only."""

from dataclasses import dataclass

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


def _grouped(rows: list) -> dict[tuple[str, str], int]:
    return {(a, b): n for a, b, n in rows}
