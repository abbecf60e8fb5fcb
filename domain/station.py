"""Duty stations: where a leader receives the public or a lawyer sits on duty."""

from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.ids import stable_id
from domain.values import Demand
from domain.vocabulary import DAY_TYPES, SHIFTS

STATION_KINDS = {
    "centre": "公共法律服务中心",
    "court": "人民法院",
    "procuratorate": "人民检察院",
    "detention": "看守所",
    "legal_aid": "法律援助中心",
    "hotline": "12348 热线/网络平台",
}


class Station(Aggregate):
    @event("Registered")
    def __init__(
        self,
        code: str,
        name: str,
        kind: str,
        unit_code: str,
        address: str,
        phone: str,
        demand: tuple[Demand, ...],
        actor: str = "system",
    ) -> None:
        check_station_kind(kind)
        check_demand(demand)
        self.code = code
        self.name = name
        self.kind = kind
        self.unit_code = unit_code
        self.address = address
        self.phone = phone
        self.demand = tuple(demand)
        self.open = True

    @staticmethod
    def create_id(code: str) -> UUID:
        return station_id(code)

    @event("DetailsChanged")
    def change_details(
        self, name: str, address: str, phone: str, actor: str, reason: str = ""
    ) -> None:
        self.name = name
        self.address = address
        self.phone = phone

    @event("DemandChanged")
    def change_demand(self, demand: tuple[Demand, ...], actor: str, reason: str = "") -> None:
        check_demand(demand)
        self.demand = tuple(demand)


def station_id(code: str) -> UUID:
    return stable_id("station", code)


def check_station_kind(kind: str) -> None:
    if kind not in STATION_KINDS:
        raise StationKindError(kind)


def check_demand(demand: tuple[Demand, ...]) -> None:
    seen = set()
    for d in demand:
        if d.day_type not in DAY_TYPES or d.shift not in SHIFTS or not 0 <= d.seats <= 50:
            raise DemandError(d)
        if (d.day_type, d.shift) in seen:
            raise DemandError(d)
        seen.add((d.day_type, d.shift))


class StationKindError(DomainError):
    def __init__(self, kind: str) -> None:
        super().__init__(f"未知的值班点类型“{kind}”", f"Unknown station kind '{kind}'")


class DemandError(DomainError):
    def __init__(self, d: Demand) -> None:
        super().__init__(
            f"值班需求无效：{d.day_type}/{d.shift}/{d.seats} 人（日期类型、班次须有效且不重复，人数 0–50）",
            f"Invalid demand {d.day_type}/{d.shift}/{d.seats}: day type and shift must be valid "
            "and unique, seats 0 to 50",
        )
