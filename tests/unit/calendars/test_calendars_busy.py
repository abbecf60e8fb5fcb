"""Reading members' calendars into busy intervals: Google, Outlook and Apple exports."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from calendars.busy import BusyInterval, parse_busy

DECEMBER = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
SHANGHAI = ZoneInfo("Asia/Shanghai")


def table(intervals: list[BusyInterval]) -> list[tuple[str, str, bool, str]]:
    """Intervals as readable rows of Shanghai wall times."""
    for b in intervals:
        assert b.start.tzinfo is SHANGHAI and b.end.tzinfo is SHANGHAI
    return [
        (f"{b.start:%m-%d %H:%M}", f"{b.end:%m-%d %H:%M}", b.all_day, b.summary) for b in intervals
    ]


def wrap(*events: str, head: str = "") -> bytes:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:e{i}\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:e{i}\r\n{e}END:VEVENT\r\n"
        for i, e in enumerate(events)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{head}{body}END:VCALENDAR\r\n".encode()


def test_google_export(fixtures_dir) -> None:
    busy = parse_busy((fixtures_dir / "google.ics").read_bytes(), *DECEMBER)
    assert table(busy) == [
        ("12-01 09:00", "12-01 11:00", False, "周二庭审"),
        ("12-07 00:00", "12-09 00:00", True, "省律协培训（济南）"),  # all-day, two days
        ("12-08 09:00", "12-08 11:00", False, "周二庭审"),  # 15th: EXDATE
        ("12-10 10:00", "12-10 12:00", False, "律所例会"),  # given in UTC
        ("12-17 09:00", "12-17 10:00", False, "与纽约客户电话会议"),  # America/New_York
        ("12-23 14:00", "12-23 16:00", False, "周二庭审（改期）"),  # RECURRENCE-ID override
        ("12-29 09:00", "12-29 11:00", False, "周二庭审"),
    ]  # transparent, cancelled and November events are left out
    assert busy[0].source_uid == "2q3v8k1m5n7p9r0s4t6u8w0y2a@google.com"


def test_outlook_export_with_windows_zone_names(fixtures_dir) -> None:
    busy = parse_busy((fixtures_dir / "outlook.ics").read_bytes(), *DECEMBER)
    assert table(busy) == [
        ("12-04 09:30", "12-04 11:30", False, "开庭：王某诉李某合同纠纷"),
        ("12-11 09:00", "12-11 10:30", False, "与东京律所视频会议"),  # Tokyo Standard Time
        ("12-18 00:00", "12-19 00:00", True, "外出办案（曲阜）"),
        ("12-21 14:00", "12-21 15:00", False, "阅卷"),
        ("12-22 14:00", "12-22 15:00", False, "阅卷"),  # 23rd: EXDATE
        ("12-24 14:00", "12-24 15:00", False, "阅卷"),
        ("12-25 14:00", "12-25 15:00", False, "阅卷"),
        ("12-31 15:00", "12-31 17:00", False, "月末案件汇报"),  # last weekday, BYSETPOS=-1
    ]


def test_apple_export(fixtures_dir) -> None:
    busy = parse_busy((fixtures_dir / "apple.ics").read_bytes(), *DECEMBER)
    assert table(busy) == [
        ("12-02 09:30", "12-02 10:30", False, "双周法律援助值守"),
        ("12-03 17:00", "12-03 18:00", False, "与柏林合作方会议"),  # Europe/Berlin, CET
        ("12-08 15:00", "12-08 16:30", False, "案件讨论会"),
        ("12-14 08:00", "12-14 09:00", False, "晨跑（浮动时间）"),  # floating time
        ("12-29 10:00", "12-29 11:30", False, "调解中心轮值"),  # DURATION instead of DTEND
        ("12-30 15:00", "12-30 17:00", False, "双周法律援助值守（下午）"),  # override
    ]  # the anniversary from 1604 and the lunar birthday (RSCALE) are TRANSPARENT


@pytest.mark.parametrize(
    ("tzid", "wall"),
    [
        ("China Standard Time", "09:00"),
        ('"China Standard Time"', "09:00"),
        ("Pacific Standard Time", "01:00"),  # 09:00 PST is 01:00 next day in Shanghai
        ("Tokyo Standard Time", "08:00"),
        ("W. Europe Standard Time", "16:00"),
    ],
)
def test_windows_zone_names_without_vtimezone(tzid: str, wall: str) -> None:
    data = wrap(f"DTSTART;TZID={tzid}:20261209T090000\r\nDTEND;TZID={tzid}:20261209T100000\r\n")
    [busy] = parse_busy(data, *DECEMBER)
    assert f"{busy.start:%H:%M}" == wall


def test_old_outlook_display_name_zone_with_vtimezone() -> None:
    zone = "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi"
    head = (
        f'BEGIN:VTIMEZONE\r\nTZID:"{zone}"\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n'
        "TZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    data = wrap(
        f'DTSTART;TZID="{zone}":20261209T090000\r\nDTEND;TZID="{zone}":20261209T100000\r\n',
        head=head,
    )
    assert table(parse_busy(data, *DECEMBER)) == [("12-09 09:00", "12-09 10:00", False, "e0")]


def test_floating_times_and_dates_are_read_in_the_requested_zone() -> None:
    data = wrap(
        "DTSTART:20261209T090000\r\nDTEND:20261209T100000\r\n",
        "DTSTART;VALUE=DATE:20261210\r\n",  # a DATE without DTEND lasts one day
    )
    busy = parse_busy(data, *DECEMBER, tz="Europe/Berlin")
    assert [(b.start.isoformat(), b.end.isoformat(), b.all_day) for b in busy] == [
        ("2026-12-09T09:00:00+01:00", "2026-12-09T10:00:00+01:00", False),
        ("2026-12-10T00:00:00+01:00", "2026-12-11T00:00:00+01:00", True),
    ]


def test_window_includes_both_end_days_and_overlaps_at_the_edges() -> None:
    data = wrap(
        "DTSTART:20261130T230000\r\nDTEND:20261201T010000\r\n",  # overlaps the first day
        "DTSTART:20261231T230000\r\nDTEND:20270101T010000\r\n",  # starts on the last day
        "DTSTART:20270101T000000\r\nDTEND:20270101T010000\r\n",  # after the window
        "DTSTART:20261130T220000\r\nDTEND:20261201T000000\r\n",  # ends as the window opens
    )
    assert [b.summary for b in parse_busy(data, *DECEMBER)] == ["e0", "e1"]


def test_events_without_duration_are_left_out() -> None:
    data = wrap("DTSTART:20261209T090000\r\n", "DTSTART:20261209T090000\r\nDURATION:PT0S\r\n")
    assert parse_busy(data, *DECEMBER) == []


def test_cancelled_override_removes_one_occurrence() -> None:
    master = "DTSTART:20261201T090000\r\nDTEND:20261201T100000\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
    data = wrap(master).replace(
        b"END:VCALENDAR",
        b"BEGIN:VEVENT\r\nUID:e0\r\nDTSTAMP:20261101T000000Z\r\nRECURRENCE-ID:20261202T090000\r\n"
        b"DTSTART:20261202T090000\r\nDTEND:20261202T100000\r\nSTATUS:CANCELLED\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR",
    )
    assert [f"{b.start:%d}" for b in parse_busy(data, *DECEMBER)] == ["01", "03"]


def test_events_sharing_a_uid_are_all_counted() -> None:
    data = wrap(
        "DTSTART:20261201T090000\r\nDTEND:20261201T100000\r\n",
        "DTSTART:20261205T090000\r\nDTEND:20261205T100000\r\n",
    ).replace(b"UID:e1", b"UID:e0")
    assert [f"{b.start:%d}" for b in parse_busy(data, *DECEMBER)] == ["01", "05"]


def test_byte_order_mark_and_bare_line_feeds_are_accepted() -> None:
    data = b"\xef\xbb\xbf" + wrap("DTSTART:20261209T090000\r\nDTEND:20261209T100000\r\n").replace(
        b"\r\n", b"\n"
    )
    assert len(parse_busy(data, *DECEMBER)) == 1


def test_summaries_are_trimmed_for_display() -> None:
    data = wrap("DTSTART:20261209T090000\r\nDTEND:20261209T100000\r\n").replace(
        b"SUMMARY:e0", b"SUMMARY:" + "长".encode() * 500
    )
    [busy] = parse_busy(data, *DECEMBER)
    assert busy.summary == "长" * 200


@pytest.mark.parametrize(
    "window",
    [(dt.date(2026, 12, 2), dt.date(2026, 12, 1)), (dt.date(2026, 1, 1), dt.date(2027, 12, 31))],
)
def test_a_bad_window_is_the_callers_error(window) -> None:
    with pytest.raises(ValueError):
        parse_busy(wrap(), *window)


def test_floating_times_follow_x_wr_timezone_for_lone_and_repeating_events() -> None:
    data = wrap(
        "DTSTART:20261201T090000\r\nDTEND:20261201T100000\r\n",
        "DTSTART:20261202T090000\r\nDTEND:20261202T100000\r\nRRULE:FREQ=DAILY;COUNT=1\r\n",
        head="X-WR-TIMEZONE:Europe/Berlin\r\n",
    )
    assert [f"{b.start:%d %H:%M}" for b in parse_busy(data, *DECEMBER)] == ["01 16:00", "02 16:00"]
