"""What the JSON API reads beyond the pages' queries: a roster's published duties, a unit's
place in the tree, a person's card. Reuses the duty lines of duty_queries, so the API and
the pages show the same published duties."""

from dataclasses import dataclass

from domain.roster import month_bounds
from roster.rosters.published import LINES, ORDER, DutyLine, _line
from roster.store.database import Database


@dataclass(frozen=True)
class UnitRef:
    code: str
    kind: str  # city | county | township | village
    county_code: str


class ApiQueries:
    def __init__(self, db: Database) -> None:
        self.db = db

    def published_of_roster(self, kind: str, unit: str, month: str) -> list[DutyLine]:
        first, last = month_bounds(month)
        where = (
            "d.status = 'CONFIRMED' AND d.kind = ? AND d.unit_code = ? AND d.day BETWEEN ? AND ?"
        )
        with self.db.reading() as cur:
            rows = cur.execute(
                LINES + where + ORDER, (kind, unit, first.isoformat(), last.isoformat())
            ).fetchall()
        return [_line(r) for r in rows]

    def unit(self, code: str) -> UnitRef | None:
        with self.db.reading() as cur:
            row = cur.execute(
                "SELECT code, kind, county_code FROM units WHERE code = ?", (code,)
            ).fetchone()
        return UnitRef(*row) if row else None

    def counties(self) -> dict[str, str]:
        """Each unit's county, to filter lists by a county without a query per row."""
        with self.db.reading() as cur:
            return dict(cur.execute("SELECT code, county_code FROM units").fetchall())
