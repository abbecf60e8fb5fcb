"""Both stores: events persist, read models follow, history replays as it stood."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.person import person_id
from domain.summary import DraftSummary
from roster.bootstrap import build
from roster.registry.commands import (
    DuplicateCodeError,
    ParentUnitError,
    UnknownReferenceError,
)
from tests.integration.helpers import ACTOR, december, seed_county, table

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_registry_lands_in_read_models(services):
    seed_county(services)
    [overview] = [c for c in services.queries.overview() if c.code == "370827"]
    assert (overview.townships, overview.villages, overview.firms, overview.lawyers) == (1, 2, 1, 3)
    assert (overview.advisers, overview.stations) == (1, 1)
    assert table(services, "SELECT code, county_code FROM units WHERE kind = 'village'") == [
        ("370827001201", "370827"),
        ("370827001202", "370827"),
    ]
    assert table(services, "SELECT adviser_code FROM units WHERE code = '370827001201'") == [
        ("A1",)
    ]


def test_refusals_change_nothing(services):
    seed_county(services)
    before = services.store.recorder.max_notification_id()
    with pytest.raises(DuplicateCodeError):
        services.registry.register_person("L1", "重复", "lawyer", "370827", actor=ACTOR)
    with pytest.raises(ParentUnitError):
        services.registry.register_unit("370899001", "township", "无县镇", "370899", actor=ACTOR)
    with pytest.raises(UnknownReferenceError):
        services.registry.register_person("L9", "无单位", "lawyer", "999999", actor=ACTOR)
    assert services.store.recorder.max_notification_id() == before


def test_published_duties_follow_reassignment_and_removal(services):
    seed_county(services)
    rid = services.rosters.draft(
        "duty-lawyers", "370827", "2026-12",
        [(december(1), "S1", "day", 0, "L1"), (december(2), "S1", "day", 0, "L2")], DraftSummary(), actor=ACTOR,
    )  # fmt: skip
    assert table(services, "SELECT * FROM published_duties") == []  # drafts never leak
    services.rosters.publish("duty-lawyers", "370827", "2026-12", actor=ACTOR)
    roster = services.rosters.get("duty-lawyers", "370827", "2026-12")
    first = next(a for a in roster.assignments.values() if a.day == december(1))
    services.rosters.reassign(rid, first.id, "L3", actor=ACTOR, reason="L1 出差")
    rows = table(
        services,
        f"SELECT person_code, version, status FROM published_duties WHERE assignment_id = '{first.id}'",
    )
    assert rows == [("L1", 2, "CANCELLED"), ("L3", 2, "CONFIRMED")]
    services.rosters.remove(rid, first.id, actor=ACTOR, reason="取消")
    rows = table(
        services,
        f"SELECT person_code, version, status FROM published_duties WHERE assignment_id = '{first.id}'",
    )
    assert rows == [("L1", 2, "CANCELLED"), ("L3", 3, "CANCELLED")]
    log = table(
        services, "SELECT event, actor, reason FROM change_log WHERE aggregate_type = 'Roster'"
    )
    assert ("DutyReassigned", ACTOR, "L1 出差") in log


def test_history_replays_as_it_stood(services):
    seed_county(services)
    rid = services.rosters.draft(
        "duty-lawyers",
        "370827",
        "2026-12",
        [(december(1), "S1", "day", 0, "L1")],
        DraftSummary(),
        actor=ACTOR,
    )
    services.rosters.publish("duty-lawyers", "370827", "2026-12", actor=ACTOR)
    roster = services.rosters.get("duty-lawyers", "370827", "2026-12")
    [duty] = roster.assignments
    services.rosters.reassign(rid, duty, "L2", actor=ACTOR, reason="调班")
    as_published = services.store.repository.get(roster.id, version=3)
    assert as_published.assignments[duty].person == "L1"
    assert services.store.repository.get(roster.id).assignments[duty].person == "L2"


def test_unavailability_round_trips_with_time_zone(services):
    seed_county(services)
    start = datetime(2026, 12, 3, 8, 30, tzinfo=SHANGHAI)
    iid = services.registry.declare_unavailable(
        "L1", start, start + timedelta(hours=4), "开庭", actor="L1"
    )
    person = services.store.repository.get(person_id("L1"))
    assert person.unavailability[iid].starts_at == start
    assert table(services, "SELECT starts_at, reason FROM unavailability") == [
        ("2026-12-03T08:30:00+08:00", "开庭")
    ]


def test_workdays_use_statutory_calendar_and_refuse_undeclared_years(services):
    from domain.workdays import UndeclaredYearError

    december_days = services.workdays.month("2026-12")
    assert [d.type for d in december_days[:7]] == ["workday"] * 4 + ["weekend"] * 2 + ["workday"]
    october = {d.day.day: d for d in services.workdays.month("2026-10")}
    assert october[1].type == "holiday" and october[1].name
    with pytest.raises(UndeclaredYearError):
        services.workdays.month("2027-01")
    services.workdays.declare(
        december(1).replace(year=2027, month=1), "holiday", "元旦", actor=ACTOR
    )
    services.workdays.confirm_year(2027, actor=ACTOR)
    january = services.workdays.month("2027-01")
    assert january[0].type == "holiday" and january[0].declared
    assert services.workdays.is_declared(2027)


def test_a_second_process_sees_the_same_store(store_url, services):
    seed_county(services)
    other = build(database_url=store_url)
    try:
        assert [c.lawyers for c in other.queries.overview() if c.code == "370827"] == [3]
    finally:
        other.close()
