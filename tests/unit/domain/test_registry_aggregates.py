from datetime import date, datetime, timedelta, timezone

import pytest

from domain.firm import LawFirm, PairingError
from domain.person import (
    ActivePeriodError,
    DuplicateIntervalError,
    IntervalError,
    Person,
    RoleError,
    UnknownIntervalError,
    person_id,
)
from domain.station import DemandError, Station, StationKindError
from domain.unit import MarketDayError, NotAVillageError, Unit, unit_id
from domain.values import Demand, Interval

T0 = datetime(2026, 12, 3, 8, 30, tzinfo=timezone(timedelta(hours=8)))


def test_ids_come_from_codes_so_reimports_cannot_fork_an_aggregate():
    assert Unit(code="370827", kind="county", name="鱼台县", parent_code="370800").id == unit_id(
        "370827"
    )
    assert Person(code="L1", name="张三", role="lawyer", unit_code="370827").id == person_id("L1")


def test_village_market_days_and_adviser_contract():
    v = Unit(
        code="1", kind="village", name="王庙村", parent_code="t", market_days=(3, 8, 13, 18, 23, 28)
    )
    v.contract_adviser("A1", actor="m1")
    v.contract_adviser("A1", actor="m1")  # no second event for the same adviser
    assert v.adviser_code == "A1"
    assert [type(e).__name__ for e in v.collect_events()] == ["Registered", "AdviserContracted"]
    with pytest.raises(MarketDayError):
        Unit(code="2", kind="village", name="x", parent_code="t", market_days=(31,))
    with pytest.raises(NotAVillageError):
        Unit(code="3", kind="township", name="谷亭街道", parent_code="c").contract_adviser(
            "A1", actor="m1"
        )


def test_person_unavailability_is_declared_and_withdrawn():
    p = Person(code="L1", name="张三", role="lawyer", unit_code="370827")
    interval = Interval("i1", T0, T0 + timedelta(hours=4), "开庭")
    p.declare_unavailable(interval, actor="L1")
    with pytest.raises(DuplicateIntervalError):
        p.declare_unavailable(interval, actor="L1")
    with pytest.raises(IntervalError):
        p.declare_unavailable(Interval("i2", T0, T0, ""), actor="L1")
    p.withdraw_unavailability("i1", actor="L1")
    assert p.unavailability == {}
    with pytest.raises(UnknownIntervalError):
        p.withdraw_unavailability("i1", actor="L1")


def test_person_rules():
    with pytest.raises(RoleError):
        Person(code="X", name="x", role="judge", unit_code="370827")
    p = Person(
        code="L1", name="张三", role="lawyer", unit_code="370827", active_from=date(2026, 1, 1)
    )
    with pytest.raises(ActivePeriodError):
        p.deactivate(date(2025, 1, 1), actor="m1", reason="")


def test_station_demand_is_validated():
    ok = (Demand("workday", "am", 1), Demand("weekend", "day", 1))
    s = Station(
        code="S1",
        name="看守所",
        kind="detention",
        unit_code="370827",
        address="",
        phone="",
        demand=ok,
    )
    assert s.demand == ok
    with pytest.raises(DemandError):
        s.change_demand((Demand("workday", "am", 1), Demand("workday", "am", 2)), actor="m1")
    with pytest.raises(DemandError):
        s.change_demand((Demand("someday", "am", 1),), actor="m1")
    with pytest.raises(StationKindError):
        Station(
            code="S2", name="x", kind="spa", unit_code="370827", address="", phone="", demand=()
        )


def test_firm_pairing():
    f = LawFirm(code="F1", name="山东甲律师事务所", county_code="370800")
    f.pair_with("370827", actor="m1")
    f.pair_with("370827", actor="m1")
    assert f.paired_counties == ["370827"]
    with pytest.raises(PairingError):
        f.pair_with("370800", actor="m1")
