"""Events whose shape changed read back in today's shape, through the store's own mapper."""

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

from domain.roster import Roster
from domain.workdays import WorkdayCalendar
from roster import transcodings

STAMP = {"timestamp": {"_type_": "datetime_iso", "_data_": "2026-11-25T09:00:00+00:00"}}


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


def test_a_first_shape_calendar_opening_names_the_city(mapper):
    e = read(mapper, WorkdayCalendar.Opened, {"originator_topic": "domain.workdays:WorkdayCalendar",
                                              "city_code": "370800"}, version=1)  # fmt: skip
    assert (e.unit_code, e.level) == ("370800", "city")
    assert not hasattr(e, "city_code")
