"""Commands that keep people, places and firms up to date. Simple types in, events out."""

import uuid
from collections.abc import Iterable
from datetime import date, datetime

from domain.errors import DomainError
from domain.firm import LawFirm, firm_id
from domain.person import DUTY_QUALIFICATION, Person, person_id
from domain.station import Station, station_id
from domain.unit import PARENT_KIND, Unit, unit_id
from domain.values import Demand, Interval
from roster.store.database import Database
from roster.store.eventstore import EventStore
from roster.store.unit_of_work import UnitOfWork


class Registry:
    def __init__(self, store: EventStore, db: Database, uow: UnitOfWork) -> None:
        self.store = store
        self.db = db
        self.uow = uow

    def save_new(self, aggregates: Iterable) -> int:
        """Record many new aggregates atomically: all of them, or (on any clash) none."""
        batch = list(aggregates)
        self.uow.add(*batch)
        return len(batch)

    def register_unit(
        self, code: str, kind: str, name: str, parent_code: str, actor: str, **kw
    ) -> None:
        self._refuse_existing(unit_id(code), code)
        if kind in PARENT_KIND and self._kind_of(parent_code) != PARENT_KIND[kind]:
            raise ParentUnitError(code, parent_code)
        self.save_new(
            [Unit(code=code, kind=kind, name=name, parent_code=parent_code, actor=actor, **kw)]
        )

    def register_station(
        self, code: str, name: str, kind: str, unit_code: str, address: str, phone: str,
        demand: Iterable[tuple[str, str, int]], actor: str,
    ) -> None:  # fmt: skip
        self._refuse_existing(station_id(code), code)
        if self._kind_of(unit_code) not in ("city", "county"):
            raise UnknownReferenceError("县区", unit_code)
        station = Station(
            code=code, name=name, kind=kind, unit_code=unit_code, address=address, phone=phone,
            demand=tuple(Demand(*d) for d in demand), actor=actor,
        )  # fmt: skip
        self.save_new([station])

    def register_firm(
        self, code: str, name: str, county_code: str, paired: Iterable[str], actor: str
    ) -> None:
        self._refuse_existing(firm_id(code), code)
        firm = LawFirm(code=code, name=name, county_code=county_code, actor=actor)
        for county in paired:
            firm.pair_with(county, actor=actor)
        self.save_new([firm])

    def register_person(
        self, code: str, name: str, role: str, unit_code: str, actor: str, **kw
    ) -> None:
        self._refuse_existing(person_id(code), code)
        if self._kind_of(unit_code) is None:
            raise UnknownReferenceError("单位", unit_code)
        self.save_new(
            [Person(code=code, name=name, role=role, unit_code=unit_code, actor=actor, **kw)]
        )

    def contract_adviser(
        self, village_code: str, adviser_code: str, actor: str, reason: str = ""
    ) -> None:
        if not self.store.exists(person_id(adviser_code)):
            raise UnknownReferenceError("法律顾问", adviser_code)
        self.uow.change(
            unit_id(village_code), lambda u: u.contract_adviser(adviser_code, actor, reason)
        )

    def pair_firm(
        self, firm_code: str, county_code: str, actor: str, reason: str = "",
        expected_version: int | None = None,
    ) -> None:  # fmt: skip
        if self._kind_of(county_code) != "county":
            raise UnknownReferenceError("县区", county_code)
        self._change(
            firm_id(firm_code), lambda f: f.pair_with(county_code, actor, reason), expected_version
        )

    def declare_unavailable(
        self, person_code: str, starts_at: datetime, ends_at: datetime, reason: str, actor: str,
        source: str = "form",
    ) -> str:  # fmt: skip
        if not self.store.exists(person_id(person_code)):
            raise UnknownReferenceError("人员", person_code)
        interval = Interval(uuid.uuid4().hex[:12], starts_at, ends_at, reason, source)
        self.uow.change(person_id(person_code), lambda p: p.declare_unavailable(interval, actor))
        return interval.id

    def withdraw_unavailable(
        self, person_code: str, interval_id: str, actor: str, reason: str = ""
    ) -> None:
        self.uow.change(
            person_id(person_code), lambda p: p.withdraw_unavailability(interval_id, actor, reason)
        )

    def deactivate(self, person_code: str, active_to: date, actor: str, reason: str) -> None:
        self.uow.change(person_id(person_code), lambda p: p.deactivate(active_to, actor, reason))

    # The edit forms' commands: one unit of work per form, applying only what differs from
    # the aggregate, and refused (StaleWriteError) when it is no longer at the version the
    # form was rendered from.
    def edit_person(
        self, code: str, name: str, phone: str, title: str, is_head: bool,
        duty_lawyer: bool | None, actor: str, reason: str, expected_version: int | None = None,
    ) -> None:  # fmt: skip
        """`duty_lawyer`: whether the person should hold the duty-lawyer qualification
        (None: leave it as it is)."""

        def edit(p: Person) -> None:
            if (name, phone, title, is_head) != (p.name, p.phone, p.title, p.is_head):
                p.change_details(name, phone, title, is_head, actor, reason)
            if duty_lawyer is not None and duty_lawyer != (DUTY_QUALIFICATION in p.qualifications):
                (p.grant if duty_lawyer else p.revoke)(DUTY_QUALIFICATION, actor, reason)

        self._change(person_id(code), edit, expected_version)

    def edit_station(
        self, code: str, name: str, address: str, phone: str,
        demand: Iterable[tuple[str, str, int]], actor: str, reason: str,
        expected_version: int | None = None,
    ) -> None:  # fmt: skip
        wanted = tuple(Demand(*d) for d in demand)

        def edit(s: Station) -> None:
            if wanted != tuple(s.demand):  # first: only the demand's rules refuse
                s.change_demand(wanted, actor, reason)
            if (name, address, phone) != (s.name, s.address, s.phone):
                s.change_details(name, address, phone, actor, reason)

        self._change(station_id(code), edit, expected_version)

    def edit_unit(
        self, code: str, name: str, office_name: str, market: tuple[tuple[int, ...], str] | None,
        actor: str, reason: str, expected_version: int | None = None,
    ) -> None:  # fmt: skip
        """`market`: a village's (market days, label), or None to leave them as they are."""

        def edit(u: Unit) -> None:
            if market is not None and (tuple(market[0]), market[1]) != (
                tuple(u.market_days),
                u.market_label,
            ):
                u.set_market_days(tuple(market[0]), market[1], actor, reason)
            if (name, office_name) != (u.name, u.office_name):
                u.rename(name, office_name, actor, reason)

        self._change(unit_id(code), edit, expected_version)

    def end_firm_pairing(
        self, firm_code: str, county_code: str, actor: str, reason: str,
        expected_version: int | None = None,
    ) -> None:  # fmt: skip
        self._change(
            firm_id(firm_code), lambda f: f.end_pairing(county_code, actor, reason),
            expected_version,
        )  # fmt: skip

    def _change(self, aggregate_id: uuid.UUID, command, expected_version: int | None) -> None:
        self.uow.change(aggregate_id, command, expected_version)

    def _refuse_existing(self, aggregate_id: uuid.UUID, code: str) -> None:
        if self.store.exists(aggregate_id):
            raise DuplicateCodeError(code)

    def _kind_of(self, unit_code: str) -> str | None:
        with self.db.reading() as cur:
            row = cur.execute("SELECT kind FROM units WHERE code = ?", (unit_code,)).fetchone()
        return row[0] if row else None


class DuplicateCodeError(DomainError):
    def __init__(self, code: str) -> None:
        super().__init__(f"编码“{code}”已存在", f"Code '{code}' already exists")


class UnknownReferenceError(DomainError):
    def __init__(self, what: str, code: str) -> None:
        super().__init__(f"找不到{what}“{code}”", f"Unknown reference '{code}'")


class ParentUnitError(DomainError):
    def __init__(self, code: str, parent: str) -> None:
        super().__init__(
            f"单位“{code}”的上级“{parent}”不存在或层级不对",
            f"Parent '{parent}' of unit '{code}' is missing or of the wrong level",
        )
