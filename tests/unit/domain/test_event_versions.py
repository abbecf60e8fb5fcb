"""Events whose shape changed read back in today's shape, through the store's own mapper; a
draft names its solver input and carries a typed, bilingual summary."""

import json
from datetime import date
from uuid import uuid4

import pytest
from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    StoredEvent,
    UUIDAsHex,
)

from domain.roster import Roster, assignment_id
from domain.summary import DraftSummary, Shortfall
from domain.values import Assignment
from domain.workdays import WorkdayCalendar
from roster.store import transcodings

STAMP = {"timestamp": {"_type_": "datetime_iso", "_data_": "2026-11-25T09:00:00+00:00"}}
FINGERPRINT = "ab" * 32


@pytest.fixture
def mapper() -> Mapper:
    transcoder = JSONTranscoder()
    for transcoding in (UUIDAsHex, DecimalAsStr, DatetimeAsISO, *transcodings.ALL):
        transcoder.register(transcoding())
    return Mapper(transcoder=transcoder)


def read(mapper: Mapper, cls: type, state: dict, version: int = 2):
    topic = f"{cls.__module__}:{cls.__qualname__}"
    stored = StoredEvent(uuid4(), version, topic, json.dumps({**STAMP, **state}).encode())
    return mapper.to_domain_event(stored)


def test_a_first_shape_reassignment_reads_with_the_duty_unknown(mapper):
    e = read(mapper, Roster.DutyReassigned, {
        "assignment_id": "d1", "person": "L3", "version": 2, "actor": "m1", "reason": "请假",
    })  # fmt: skip
    assert (e.person, e.version, e.previous, e.day, e.place, e.shift, e.seat) == (
        "L3", 2, "", None, "", "", 0,
    )  # fmt: skip


def test_a_whole_duty_reassignment_stored_without_a_version_keeps_what_it_carries(mapper):
    e = read(mapper, Roster.DutyReassigned, {
        "assignment_id": "d1", "person": "L3", "previous": "L2",
        "day": {"_type_": "date_iso", "_data_": "2027-01-05"}, "place": "S1", "shift": "am",
        "seat": 1, "version": 2, "actor": "m1", "reason": "",
    })  # fmt: skip
    assert (e.previous, e.day, e.place, e.shift, e.seat) == ("L2", date(2027, 1, 5), "S1", "am", 1)


def test_a_first_shape_draft_reads_with_a_typed_summary_and_no_input_named(mapper):
    legacy = {
        "solver": "cp-sat", "status": "OPTIMAL", "objective": 10.0, "bound": 10.0,
        "seconds": 0.2, "penalties": {"fairness": 10},
        "params": {"time_limit_seconds": 10.0, "workers": 2, "seed": 3},
        "inputs": {"people": 4, "slots": 9, "days": 31, "unavailability": 0, "cover_groups": 1},
        "coverage": 0.9, "seats": 10, "filled": 9, "cover_groups_met": 1, "spread": 1,
        "rest_spread": 0, "hard_violations": 0, "explanations": ["看守所 12月3日：需要 1 人"],
    }  # fmt: skip
    e = read(mapper, Roster.Drafted, {"assignments": [], "summary": legacy, "actor": "m1",
                                      "reason": ""})  # fmt: skip
    assert (e.fingerprint, e.facts_position) == ("", 0)
    s = e.summary
    assert (s.solver, s.status, s.seed, s.workers, s.people, s.slots, s.cover_groups) == (
        "cp-sat", "OPTIMAL", 3, 2, 4, 9, 1,
    )  # fmt: skip
    assert (s.coverage, s.filled, s.seats, s.penalties) == (0.9, 9, 10, {"fairness": 10})
    assert s.shortfalls == (Shortfall("", "看守所 12月3日：需要 1 人"),)
    assert s.shortfalls[0].text("en") == "看守所 12月3日：需要 1 人"  # only Chinese was kept
    empty = read(mapper, Roster.Drafted, {"assignments": [], "summary": {}, "actor": "m1",
                                          "reason": ""})  # fmt: skip
    assert empty.summary == DraftSummary() and empty.summary.is_empty


def test_a_first_shape_calendar_opening_names_the_city(mapper):
    e = read(mapper, WorkdayCalendar.Opened, {"originator_topic": "domain.workdays:WorkdayCalendar",
                                              "city_code": "370800"}, version=1)  # fmt: skip
    assert (e.unit_code, e.level) == ("370800", "city")
    assert not hasattr(e, "city_code")


def test_a_draft_names_its_input_and_reads_back_the_same(mapper):
    r = Roster(kind="duty-lawyers", unit_code="370827", month="2026-12", actor="m1")
    d = date(2026, 12, 3)
    seat = Assignment(assignment_id(r.id, d, "S1", "am", 0), d, "S1", "am", 0, "L1")
    gap = Shortfall(
        "shortfall", "看守所 12月3日 下午：需要 1 人", "Detention centre 3 Dec pm: needs 1"
    )
    summary = DraftSummary(solver="cp-sat", status="FEASIBLE", seats=2, filled=1, coverage=0.5,
                           penalties={"fairness": 4}, shortfalls=(gap,))  # fmt: skip
    r.draft([seat], summary, actor="m1", fingerprint=FINGERPRINT, facts_position=42)
    drafted = r.collect_events()[-1]
    stored = mapper.to_stored_event(drafted)
    assert json.loads(stored.state)["class_version"] == 2
    again = mapper.to_domain_event(stored)
    assert (again.summary, again.fingerprint, again.facts_position) == (summary, FINGERPRINT, 42)
    assert again.summary.shortfalls[0].text("en") == "Detention centre 3 Dec pm: needs 1"
    assert again.summary.shortfalls[0].text("zh") == "看守所 12月3日 下午：需要 1 人"


def test_a_summary_is_typed():
    r = Roster(kind="duty-lawyers", unit_code="370827", month="2026-12", actor="m1")
    with pytest.raises(TypeError):
        r.draft([], {"coverage": 1.0}, actor="m1")


def test_a_summary_travels_as_plain_values():
    summary = DraftSummary(
        status="OPTIMAL", spread=2, shortfalls=(Shortfall("cover_group", "甲", "A"),)
    )
    plain = json.loads(json.dumps(summary.to_plain()))
    assert DraftSummary.from_plain(plain) == summary
    assert not summary.is_empty and DraftSummary().is_empty
