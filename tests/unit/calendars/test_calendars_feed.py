"""The feed's text: golden file, RFC 5545 form, and a round trip through icalendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from calendars.feed import FeedDuty, FeedInfo, body_etag, inputs_etag, render_feed

GOLDEN = Path(__file__).parent / "fixtures" / "expected_feed.ics"

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


def test_feed_matches_the_golden_file(info: FeedInfo, duties: list[FeedDuty], stamp) -> None:
    body = render_feed(info, duties, stamp)
    if os.environ.get("ROSTER_UPDATE_GOLDEN"):  # regenerate after an intended change
        GOLDEN.write_bytes(body)
    assert body == GOLDEN.read_bytes()


def test_every_line_ends_in_crlf_and_fits_75_octets(info, duties, stamp) -> None:
    body = render_feed(info, duties, stamp)
    assert body.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    assert b"\r" not in body.replace(b"\r\n", b"")
    for line in body.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")


def test_calendar_properties_round_trip(info, duties, stamp) -> None:
    calendar = icalendar.Calendar.from_ical(render_feed(info, duties, stamp))
    assert calendar["PRODID"] == info.product_id
    assert calendar["VERSION"] == "2.0"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["NAME"] == calendar["X-WR-CALNAME"] == "张三的值班"
    assert calendar["X-WR-TIMEZONE"] == "Asia/Shanghai"
    assert calendar["X-WR-CALDESC"] == info.description
    assert calendar["REFRESH-INTERVAL"].dt == dt.timedelta(hours=1)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert calendar["X-PUBLISHED-TTL"] == "PT1H"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_events_round_trip(info, duties, stamp) -> None:
    calendar = icalendar.Calendar.from_ical(render_feed(info, duties, stamp))
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {duty.uid for duty in duties}
    for duty in duties:
        event = events[duty.uid]
        assert event["SEQUENCE"] == duty.sequence
        assert event["DTSTART"].dt == duty.start
        assert event["DTEND"].dt == duty.end
        assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
        assert event["DTEND"].params["TZID"] == "Asia/Shanghai"
        assert event["DTSTAMP"].dt == stamp
        assert event["LAST-MODIFIED"].dt == (duty.last_modified or stamp)
        assert event["SUMMARY"] == duty.summary
        assert event.get("LOCATION", "") == duty.location
        assert event.get("DESCRIPTION", "") == duty.description
        assert event.get("URL", "") == duty.url
        assert event["STATUS"] == duty.status


def test_alarm_only_on_confirmed_duties_with_a_reminder(info, duties, stamp) -> None:
    calendar = icalendar.Calendar.from_ical(render_feed(info, duties, stamp))
    alarms = {
        str(event["UID"]): [(a["ACTION"], a["TRIGGER"].dt) for a in event.walk("VALARM")]
        for event in calendar.walk("VEVENT")
    }
    assert alarms == {
        duties[0].uid: [("DISPLAY", -dt.timedelta(minutes=750))],
        duties[1].uid: [],  # cancelled: no reminder for a duty that is gone
        duties[2].uid: [("DISPLAY", -dt.timedelta(minutes=30))],
        duties[3].uid: [],  # no reminder asked for
    }


def test_a_duty_given_in_utc_is_written_as_shanghai_wall_time(info, duties, stamp) -> None:
    body = render_feed(info, duties[2:3], stamp).decode()
    assert "DTSTART;TZID=Asia/Shanghai:20261215T080000\r\n" in body
    assert "DTEND;TZID=Asia/Shanghai:20261215T120000\r\n" in body


def test_text_cannot_inject_properties_or_events(info, stamp) -> None:
    hostile = FeedDuty(
        uid="x\r\nEND:VEVENT\r\nBEGIN:VEVENT",
        sequence=0,
        start=at(1, 9),
        end=at(1, 10),
        summary="值班\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:伪造",
        location="a\nSTATUS:CANCELLED",
    )
    calendar = icalendar.Calendar.from_ical(render_feed(info, [hostile], stamp))
    [event] = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "值班\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:伪造"
    assert event["STATUS"] == "CONFIRMED"


def test_equal_inputs_give_equal_bytes_whatever_the_order(info, duties, stamp) -> None:
    forward = render_feed(info, duties, stamp)
    assert render_feed(info, reversed(duties), stamp) == forward
    assert inputs_etag(info, duties, stamp) == inputs_etag(info, duties[::-1], stamp)


def test_etags_are_strong_and_change_with_the_content(info, duties, stamp) -> None:
    body = render_feed(info, duties, stamp)
    etag = body_etag(body)
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    moved = [dataclasses.replace(duties[0], sequence=1, start=at(4, 8, 30), end=at(4, 17))]
    changed = moved + duties[1:]
    assert body_etag(render_feed(info, changed, stamp)) != etag
    assert inputs_etag(info, changed, stamp) != inputs_etag(info, duties, stamp)
    assert inputs_etag(info, duties, stamp + dt.timedelta(seconds=1)) != inputs_etag(
        info, duties, stamp
    )


def test_an_empty_feed_is_still_a_valid_calendar(info, stamp) -> None:
    calendar = icalendar.Calendar.from_ical(render_feed(info, [], stamp))
    assert calendar.walk("VEVENT") == []
    assert calendar["X-WR-CALNAME"] == "张三的值班"


@pytest.mark.parametrize(
    "change",
    [
        {"start": dt.datetime(2026, 12, 1, 9)},  # naive
        {"end": at(1, 8)},  # before start
        {"end": at(1, 9)},  # zero length
        {"status": "TENTATIVE"},
        {"sequence": -1},
        {"uid": " "},
        {"url": "https://x.example/a b"},
        {"url": "https://x.example/\r\nSTATUS:CANCELLED"},
        {"alarm_minutes_before": -5},
        {"last_modified": dt.datetime(2026, 11, 1)},
    ],
)
def test_bad_duties_are_refused_when_built(change: dict) -> None:
    fields = {"uid": "u", "sequence": 0, "start": at(1, 9), "end": at(1, 10), "summary": "s"}
    with pytest.raises(ValueError):
        FeedDuty(**(fields | change))


def test_bad_feed_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        FeedInfo(name="n", refresh_minutes=0)
    with pytest.raises(ValueError):
        FeedInfo(name="n", timezone="Mars/Olympus")


def test_stamp_must_be_aware(info, duties) -> None:
    with pytest.raises(ValueError):
        render_feed(info, duties, dt.datetime(2026, 11, 25))
