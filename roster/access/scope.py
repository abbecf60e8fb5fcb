"""What a principal may see and change: the one place the role and unit-scope rules live.

- admin: everything, read and write.
- manager: their units and every unit below them, read and write.
- supervisor: their units (or the whole city) and below, read only.
- member: their own person only; they act on their own duties, nothing else.

Data shared by the whole city (the city's working-day calendar, firm pairings across county
lines) is changed at city level only: administrators and managers whose units include the city.
"""

from dataclasses import dataclass

from roster.access.accounts import Principal
from roster.store.database import Database

READ_WRITE_ROLES = ("admin", "manager")


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    unit_codes: frozenset[str] = frozenset()  # the principal's units and all below them
    person_codes: frozenset[str] = frozenset()  # people seen directly (a member's own)
    writable: bool = False

    def sees_unit(self, unit_code: str) -> bool:
        return self.everything or unit_code in self.unit_codes

    def manages_unit(self, unit_code: str) -> bool:
        return self.writable and self.sees_unit(unit_code)

    @property
    def manages_city(self) -> bool:
        """May change what the whole city shares: admins and managers of the city unit."""
        return self.writable and self.everything


NOTHING = Scope()


class Access:
    def __init__(self, db: Database) -> None:
        self.db = db

    def scope_of(self, principal: Principal | None) -> Scope:
        if principal is None:
            return NOTHING
        writable = principal.role in READ_WRITE_ROLES
        if principal.role == "admin":
            return Scope(everything=True, writable=True)
        if principal.role == "member":
            return Scope(person_codes=frozenset([principal.person_code]))
        if self._includes_the_city(principal.unit_codes):
            return Scope(everything=True, writable=writable)
        return Scope(unit_codes=self._units_under(principal.unit_codes), writable=writable)

    def sees_person(self, principal: Principal | None, person_code: str) -> bool:
        scope = self.scope_of(principal)
        if scope.everything or person_code in scope.person_codes:
            return True
        unit = self._unit_of_person(person_code)
        return unit is not None and scope.sees_unit(unit)

    def manages_person(self, principal: Principal | None, person_code: str) -> bool:
        """Managers change their people; a member acts for themself (their own duties)."""
        if principal is not None and principal.role == "member":
            return person_code == principal.person_code
        return self.scope_of(principal).writable and self.sees_person(principal, person_code)

    def unit_names(self, unit_codes: tuple[str, ...]) -> dict[str, str]:
        if not unit_codes:
            return {}
        marks = ",".join("?" * len(unit_codes))
        with self.db.reading() as cur:
            rows = cur.execute(
                f"SELECT code, name FROM units WHERE code IN ({marks})", unit_codes
            ).fetchall()
        return dict(rows)

    def _includes_the_city(self, unit_codes: tuple[str, ...]) -> bool:
        if not unit_codes:
            return False
        marks = ",".join("?" * len(unit_codes))
        with self.db.reading() as cur:
            row = cur.execute(
                f"SELECT 1 FROM units WHERE kind = 'city' AND code IN ({marks})", unit_codes
            ).fetchone()
        return row is not None

    def _units_under(self, unit_codes: tuple[str, ...]) -> frozenset[str]:
        if not unit_codes:
            return frozenset()
        marks = ",".join("?" * len(unit_codes))
        with self.db.reading() as cur:
            rows = cur.execute(
                "WITH RECURSIVE under(code) AS ("
                f"SELECT code FROM units WHERE code IN ({marks}) "
                "UNION SELECT u.code FROM units u JOIN under ON u.parent_code = under.code"
                ") SELECT code FROM under",
                unit_codes,
            ).fetchall()
        return frozenset(r[0] for r in rows)

    def _unit_of_person(self, person_code: str) -> str | None:
        with self.db.reading() as cur:
            row = cur.execute(
                "SELECT unit_code FROM people WHERE code = ?", (person_code,)
            ).fetchone()
        return row[0] if row else None
