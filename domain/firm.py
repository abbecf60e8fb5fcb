"""Law firms and the city–county pairings (结对帮扶) along which lawyers may cross county lines."""

from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.ids import stable_id


class LawFirm(Aggregate):
    @event("Registered")
    def __init__(self, code: str, name: str, county_code: str, actor: str = "system") -> None:
        self.code = code
        self.name = name
        self.county_code = county_code
        self.paired_counties: list[str] = []

    @staticmethod
    def create_id(code: str) -> UUID:
        return firm_id(code)

    def pair_with(self, county_code: str, actor: str, reason: str = "") -> None:
        if county_code == self.county_code:
            raise PairingError(self.name)
        if county_code not in self.paired_counties:
            self._pair(county_code=county_code, actor=actor, reason=reason)

    @event("Paired")
    def _pair(self, county_code: str, actor: str, reason: str) -> None:
        self.paired_counties.append(county_code)

    def end_pairing(self, county_code: str, actor: str, reason: str = "") -> None:
        if county_code not in self.paired_counties:
            raise NotPairedError(self.name, county_code)
        self._end_pairing(county_code=county_code, actor=actor, reason=reason)

    @event("PairingEnded")
    def _end_pairing(self, county_code: str, actor: str, reason: str) -> None:
        self.paired_counties.remove(county_code)


def firm_id(code: str) -> UUID:
    return stable_id("firm", code)


class PairingError(DomainError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"{name}不能与本所所在县区结对", f"{name} cannot be paired with its own county"
        )


class NotPairedError(DomainError):
    def __init__(self, name: str, county_code: str) -> None:
        super().__init__(
            f"{name}未与县区“{county_code}”结对",
            f"{name} is not paired with county '{county_code}'",
        )
