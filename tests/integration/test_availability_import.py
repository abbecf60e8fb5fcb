"""A member's .ics becomes unavailability: preview first, confirm declares; bad files change
nothing."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from roster.registry.availability import CalendarFileError, UnknownPersonError
from tests.integration.feeds_helpers import OUTLOOK
from tests.integration.helpers import december, seed_county, table

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_preview_then_confirm(services):
    seed_county(services)
    importer = services.availability
    planned = importer.preview("L1", OUTLOOK, december(1), december(31))
    hearings = [
        (
            dt.datetime(2026, 12, d, 14, tzinfo=SHANGHAI),
            dt.datetime(2026, 12, d, 17, tzinfo=SHANGHAI),
        )
        for d in (1, 15, 22)
    ]
    trip = (dt.datetime(2026, 12, 20, tzinfo=SHANGHAI), dt.datetime(2026, 12, 21, tzinfo=SHANGHAI))
    assert [(p.starts_at, p.ends_at) for p in planned] == [*hearings[:2], trip, hearings[2]]
    assert [p.all_day for p in planned] == [False, False, True, False]
    assert planned[0].reason == "日历导入：开庭"
    assert table(services, "SELECT * FROM unavailability") == []  # a preview records nothing

    ids = importer.confirm("L1", OUTLOOK, december(1), december(31), actor="L1")
    rows = table(services, "SELECT person_code, starts_at, reason, source FROM unavailability")
    assert len(ids) == 4 and len(rows) == 4
    assert {r[0] for r in rows} == {"L1"} and {r[3] for r in rows} == {"ics"}
    # Importing the same file again declares nothing twice.
    assert all(
        p.already_declared for p in importer.preview("L1", OUTLOOK, december(1), december(31))
    )
    assert importer.confirm("L1", OUTLOOK, december(1), december(31), actor="L1") == []
    assert len(table(services, "SELECT * FROM unavailability")) == 4


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4 not a calendar",
        b"BEGIN:VCALENDAR\r\n" * 5000,
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261201T100000Z\r\n"
        b"RRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        b"\xff\xfe\x00garbage",
    ],
    ids=["not-ics", "nested", "endless-rule", "binary"],
)
def test_hostile_files_change_nothing(services, data):
    seed_county(services)
    before = services.store.recorder.max_notification_id()
    with pytest.raises(CalendarFileError) as refused:
        services.availability.confirm("L1", data, december(1), december(31), actor="L1")
    assert refused.value.message and refused.value.message_en and refused.value.code
    assert services.store.recorder.max_notification_id() == before
    assert table(services, "SELECT * FROM unavailability") == []


def test_unknown_person_and_bad_window(services):
    seed_county(services)
    with pytest.raises(UnknownPersonError):
        services.availability.preview("NOBODY", OUTLOOK, december(1), december(31))
    with pytest.raises(CalendarFileError):
        services.availability.preview("L1", OUTLOOK, december(31), december(1))
