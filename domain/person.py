"""People on duty: leaders, lawyers and village advisers, with their unavailability."""

from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.ids import stable_id
from domain.values import Interval

ROLES = {"leader": "领导干部", "lawyer": "律师", "adviser": "村居法律顾问"}
DUTY_QUALIFICATION = "duty_lawyer"


class Person(Aggregate):
    @event("Registered")
    def __init__(
        self,
        code: str,
        name: str,
        role: str,
        unit_code: str,
        firm_code: str = "",
        gender: str = "",
        phone: str = "",
        title: str = "",
        is_head: bool = False,
        qualifications: tuple[str, ...] = (),
        active_from: date | None = None,
        actor: str = "system",
    ) -> None:
        check_role(role)
        self.code = code
        self.name = name
        self.role = role
        self.unit_code = unit_code
        self.firm_code = firm_code
        self.gender = gender
        self.phone = phone
        self.title = title
        self.is_head = is_head
        self.qualifications = list(qualifications)
        self.active_from = active_from
        self.active_to: date | None = None
        self.unavailability: dict[str, Interval] = {}

    @staticmethod
    def create_id(code: str) -> UUID:
        return person_id(code)

    @event("DetailsChanged")
    def change_details(
        self, name: str, phone: str, title: str, is_head: bool, actor: str, reason: str = ""
    ) -> None:
        self.name = name
        self.phone = phone
        self.title = title
        self.is_head = is_head

    @event("QualificationGranted")
    def grant(self, qualification: str, actor: str, reason: str = "") -> None:
        if qualification not in self.qualifications:
            self.qualifications.append(qualification)

    @event("QualificationRevoked")
    def revoke(self, qualification: str, actor: str, reason: str = "") -> None:
        if qualification in self.qualifications:
            self.qualifications.remove(qualification)

    def deactivate(self, active_to: date, actor: str, reason: str) -> None:
        if self.active_from and active_to < self.active_from:
            raise ActivePeriodError(self.name)
        self._deactivate(active_to=active_to, actor=actor, reason=reason)

    @event("Deactivated")
    def _deactivate(self, active_to: date, actor: str, reason: str) -> None:
        self.active_to = active_to

    def declare_unavailable(self, interval: Interval, actor: str) -> None:
        check_interval(interval)
        if interval.id in self.unavailability:
            raise DuplicateIntervalError(interval.id)
        self._declare_unavailable(interval=interval, actor=actor, reason=interval.reason)

    @event("UnavailabilityDeclared")
    def _declare_unavailable(self, interval: Interval, actor: str, reason: str) -> None:
        self.unavailability[interval.id] = interval

    def withdraw_unavailability(self, interval_id: str, actor: str, reason: str = "") -> None:
        if interval_id not in self.unavailability:
            raise UnknownIntervalError(interval_id)
        self._withdraw(interval_id=interval_id, actor=actor, reason=reason)

    @event("UnavailabilityWithdrawn")
    def _withdraw(self, interval_id: str, actor: str, reason: str) -> None:
        del self.unavailability[interval_id]


def person_id(code: str) -> UUID:
    return stable_id("person", code)


def check_role(role: str) -> None:
    if role not in ROLES:
        raise RoleError(role)


def check_interval(interval: Interval) -> None:
    if interval.ends_at <= interval.starts_at:
        raise IntervalError()


class RoleError(DomainError):
    def __init__(self, role: str) -> None:
        super().__init__(f"未知的人员类别“{role}”", f"Unknown role '{role}'")


class IntervalError(DomainError):
    def __init__(self) -> None:
        super().__init__("结束时间必须晚于开始时间", "The end must be after the start")


class DuplicateIntervalError(DomainError):
    def __init__(self, interval_id: str) -> None:
        super().__init__(f"该时段已登记：{interval_id}", f"Already declared: {interval_id}")


class UnknownIntervalError(DomainError):
    def __init__(self, interval_id: str) -> None:
        super().__init__(
            f"没有这条不可值班记录：{interval_id}", f"No such unavailability: {interval_id}"
        )


class ActivePeriodError(DomainError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"{name}的停用日期早于启用日期", f"{name}: end of service before its start"
        )
