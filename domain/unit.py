"""Administrative units: the city, its county bureaus, townships and villages."""

from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.ids import stable_id
from domain.swap import DEFAULT_LEAD_HOURS, check_lead_hours

UNIT_KINDS = ("city", "county", "township", "village")
PARENT_KIND = {"county": "city", "township": "county", "village": "township"}


class Unit(Aggregate):
    @event("Registered")
    def __init__(
        self,
        code: str,
        kind: str,
        name: str,
        parent_code: str,
        office_name: str = "",
        market_days: tuple[int, ...] = (),
        market_label: str = "",
        underserved: bool = False,
        actor: str = "system",
    ) -> None:
        check_unit_kind(kind)
        check_market_days(market_days)
        self.code = code
        self.kind = kind
        self.name = name
        self.parent_code = parent_code
        self.office_name = office_name
        self.market_days = tuple(market_days)
        self.market_label = market_label
        self.underserved = underserved
        self.adviser_code = ""
        self.swap_auto_approve = False
        self.swap_lead_hours = DEFAULT_LEAD_HOURS

    @staticmethod
    def create_id(code: str) -> UUID:
        return unit_id(code)

    @event("Renamed")
    def rename(self, name: str, office_name: str, actor: str, reason: str = "") -> None:
        self.name = name
        self.office_name = office_name

    @event("MarketDaysSet")
    def set_market_days(
        self, market_days: tuple[int, ...], market_label: str, actor: str, reason: str = ""
    ) -> None:
        check_market_days(market_days)
        self.market_days = tuple(market_days)
        self.market_label = market_label

    def contract_adviser(self, adviser_code: str, actor: str, reason: str = "") -> None:
        if self.kind != "village":
            raise NotAVillageError(self.name)
        if adviser_code != self.adviser_code:
            self._contract_adviser(adviser_code=adviser_code, actor=actor, reason=reason)

    @event("AdviserContracted")
    def _contract_adviser(self, adviser_code: str, actor: str, reason: str) -> None:
        self.adviser_code = adviser_code

    @event("SwapRulesSet")
    def set_swap_rules(
        self, auto_approve: bool, lead_hours: int, actor: str, reason: str = ""
    ) -> None:
        """The manager's rules for members' swaps: approve by itself when the checker finds
        nothing broken, and how many hours before a duty an open request lapses."""
        check_lead_hours(lead_hours)
        self.swap_auto_approve = bool(auto_approve)
        self.swap_lead_hours = lead_hours


def unit_id(code: str) -> UUID:
    return stable_id("unit", code)


def check_unit_kind(kind: str) -> None:
    if kind not in UNIT_KINDS:
        raise UnknownUnitKindError(kind)


def check_market_days(days: tuple[int, ...]) -> None:
    if any(not 1 <= d <= 30 for d in days):
        raise MarketDayError(days)


class UnknownUnitKindError(DomainError):
    def __init__(self, kind: str) -> None:
        super().__init__(f"未知的单位类型“{kind}”", f"Unknown unit kind '{kind}'")


class MarketDayError(DomainError):
    def __init__(self, days: tuple[int, ...]) -> None:
        super().__init__(
            f"集日必须是农历每月 1 至 30 日之间的日子：{list(days)}",
            f"Market days must be lunar days 1 to 30: {list(days)}",
        )


class NotAVillageError(DomainError):
    def __init__(self, name: str) -> None:
        super().__init__(f"“{name}”不是村（社区），不能签约法律顾问", f"'{name}' is not a village")
