"""The units tree as access control needs it: names, the city, everything below some units,
the unit a person belongs to. The registry answers from its tables; roster.access asks
through the UnitTree protocol it declares, so access never reads the registry's tables."""

from roster.store.database import Database


class RegistryTree:
    def __init__(self, db: Database) -> None:
        self.db = db

    def names(self, unit_codes: tuple[str, ...]) -> dict[str, str]:
        if not unit_codes:
            return {}
        with self.db.reading() as cur:
            rows = cur.execute(
                f"SELECT code, name FROM units WHERE code IN ({_marks(unit_codes)})", unit_codes
            ).fetchall()
        return dict(rows)

    def includes_the_city(self, unit_codes: tuple[str, ...]) -> bool:
        if not unit_codes:
            return False
        with self.db.reading() as cur:
            row = cur.execute(
                f"SELECT 1 FROM units WHERE kind = 'city' AND code IN ({_marks(unit_codes)})",
                unit_codes,
            ).fetchone()
        return row is not None

    def units_under(self, unit_codes: tuple[str, ...]) -> frozenset[str]:
        """The units given and every unit below them."""
        if not unit_codes:
            return frozenset()
        with self.db.reading() as cur:
            rows = cur.execute(
                "WITH RECURSIVE under(code) AS ("
                f"SELECT code FROM units WHERE code IN ({_marks(unit_codes)}) "
                "UNION SELECT u.code FROM units u JOIN under ON u.parent_code = under.code"
                ") SELECT code FROM under",
                unit_codes,
            ).fetchall()
        return frozenset(r[0] for r in rows)

    def unit_of_person(self, person_code: str) -> str | None:
        with self.db.reading() as cur:
            row = cur.execute(
                "SELECT unit_code FROM people WHERE code = ?", (person_code,)
            ).fetchone()
        return row[0] if row else None

    def unit_exists(self, unit_code: str) -> bool:
        with self.db.reading() as cur:
            return (
                cur.execute("SELECT 1 FROM units WHERE code = ?", (unit_code,)).fetchone()
                is not None
            )


def _marks(codes: tuple[str, ...]) -> str:
    return ",".join("?" * len(codes))
