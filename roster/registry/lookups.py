"""The registry's answers to the small questions other slices and the web ask about one
person or unit: one name, one meaning each, read from the registry's own tables."""

from dataclasses import dataclass

from roster.store.database import Database


@dataclass(frozen=True)
class PersonCard:
    code: str
    name: str
    role: str
    unit_code: str
    county_code: str
    phone: str  # private: the API shows it to managers and administrators only


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

    def _one(self, sql: str, *params: str) -> tuple | None:
        with self.db.reading() as cur:
            return cur.execute(sql, params).fetchone()
