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
from roster.access.unit_tree import UnitTree

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
    def __init__(self, tree: UnitTree) -> None:
        self.tree = tree

    def scope_of(self, principal: Principal | None) -> Scope:
        if principal is None:
            return NOTHING
        writable = principal.role in READ_WRITE_ROLES
        if principal.role == "admin":
            return Scope(everything=True, writable=True)
        if principal.role == "member":
            return Scope(person_codes=frozenset([principal.person_code]))
        if self.tree.includes_the_city(principal.unit_codes):
            return Scope(everything=True, writable=writable)
        return Scope(unit_codes=self.tree.units_under(principal.unit_codes), writable=writable)

    def sees_person(self, principal: Principal | None, person_code: str) -> bool:
        scope = self.scope_of(principal)
        if scope.everything or person_code in scope.person_codes:
            return True
        unit = self.tree.unit_of_person(person_code)
        return unit is not None and scope.sees_unit(unit)

    def manages_person(self, principal: Principal | None, person_code: str) -> bool:
        """Managers change their people; a member acts for themself (their own duties)."""
        if principal is not None and principal.role == "member":
            return person_code == principal.person_code
        return self.scope_of(principal).writable and self.sees_person(principal, person_code)

    def unit_names(self, unit_codes: tuple[str, ...]) -> dict[str, str]:
        return self.tree.names(unit_codes)
