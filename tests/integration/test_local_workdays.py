"""A county's local days reach only that county's planning inputs; the city's days reach
every county; a confirmation is undone with a reason; calendars recorded before counties had
their own (v1 events) still load. Both stores."""

import json
from datetime import date

import pytest
from eventsourcing.persistence import StoredEvent

from domain.workdays import UndeclaredYearError, WorkdayCalendar, workday_calendar_id
from roster.planning.facts import read_facts
from roster.registry.workdays import UnknownCountyError
from tests.integration.helpers import ACTOR, seed_county

LOCAL, CITY_DAY, PLAIN = date(2026, 12, 7), date(2026, 12, 14), date(2026, 12, 21)  # Mondays


@pytest.fixture
def city(services):
    seed_county(services)
    services.registry.register_unit("370831", "county", "泗水县", "370800", actor=ACTOR)
    services.registry.register_unit("370831001", "township", "泗张镇", "370831", actor=ACTOR)
    services.workdays.declare(LOCAL, "holiday", "县庆", actor="yutai", county="370827")
    services.workdays.declare(CITY_DAY, "holiday", "全市放假", actor="admin")
    return services


def types(days, *wanted: date) -> list[str]:
    by_day = {d.day: d for d in days}
    return [by_day[d].type for d in wanted]


def test_local_days_reach_only_their_county_and_the_units_below(city):
    for unit in ("370827", "370827001", "370827001201"):
        days = city.workdays.month("2026-12", unit)
        assert types(days, LOCAL, CITY_DAY, PLAIN) == ["holiday", "holiday", "workday"], unit
        assert [d.day for d in days if d.local] == [LOCAL]
    for unit in ("370831", "370831001", "370800", ""):
        days = city.workdays.month("2026-12", unit)
        assert types(days, LOCAL, CITY_DAY, PLAIN) == ["workday", "holiday", "workday"], unit
        assert not any(d.local for d in days)


def test_planning_reads_the_units_own_calendar(city):
    for kind, unit, local_type in (
        ("duty-lawyers", "370827", "holiday"), ("reception", "370827", "holiday"),
        ("adviser-circuits", "370827001", "holiday"), ("duty-lawyers", "370831", "workday"),
        ("adviser-circuits", "370831001", "workday"), ("reception", "370800", "workday"),
    ):  # fmt: skip
        facts = read_facts(city.db, city.workdays, kind, unit, "2026-12")
        assert types(facts.days, LOCAL, CITY_DAY) == [local_type, "holiday"], (kind, unit)


def test_the_calendars_keep_their_own_declarations(city):
    assert city.workdays.declarations(2026) == {CITY_DAY: ("holiday", "全市放假")}
    assert city.workdays.declarations(2026, "370827") == {LOCAL: ("holiday", "县庆")}
    city.workdays.withdraw(LOCAL, actor="yutai", county="370827")
    assert city.workdays.month("2026-12", "370827")[6].type == "workday"
    assert city.workdays.declarations(2026) == {CITY_DAY: ("holiday", "全市放假")}
    with pytest.raises(UnknownCountyError):  # a township has no calendar of its own
        city.workdays.declare(LOCAL, "holiday", "镇庆", actor="yutai", county="370827001")


def test_a_confirmation_is_undone_and_planning_refused_again(city):
    city.workdays.confirm_year(2027, actor="admin")
    assert len(city.workdays.month("2027-01", "370827")) == 31
    city.workdays.unconfirm_year(2027, actor="admin", reason="放假安排尚未公布")
    assert not city.workdays.is_declared(2027)
    with pytest.raises(UndeclaredYearError):
        read_facts(city.db, city.workdays, "duty-lawyers", "370827", "2027-01")
    with city.db.reading() as cur:
        rows = cur.execute(
            "SELECT event, actor, reason FROM change_log WHERE event IN ('YearConfirmed', 'YearUnconfirmed') "
            "ORDER BY notification_id"
        ).fetchall()
    assert [tuple(r) for r in rows][-1] == ("YearUnconfirmed", "admin", "放假安排尚未公布")


def test_a_calendar_recorded_before_local_days_still_loads(services):
    """A v1 Opened event (city_code, no level) is upcast: the city's calendar, as before."""
    seed_county(services)
    mapper = services.store.mapper
    opened = WorkdayCalendar(unit_code="370800").collect_events()[0]
    stored = mapper.to_stored_event(opened)
    state = json.loads(stored.state)
    assert state.pop("class_version") == 2
    state["city_code"] = state.pop("unit_code")
    del state["level"]
    v1 = StoredEvent(stored.originator_id, stored.originator_version, stored.topic,
                     json.dumps(state).encode())  # fmt: skip
    services.store.recorder.insert_events([v1])
    services.follower.catch_up()
    calendar = services.store.repository.get(workday_calendar_id("370800"))
    assert (calendar.unit_code, calendar.level) == ("370800", "city")
    services.workdays.declare(CITY_DAY, "holiday", "全市放假", actor="admin")
    assert services.workdays.declarations(2026) == {CITY_DAY: ("holiday", "全市放假")}
    assert services.workdays.month("2026-12", "370827")[13].type == "holiday"
