"""Slimming an upload down to what busy time needs, before the slow parser runs."""

from __future__ import annotations

from calendars.slim import slim

UPLOAD = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Asia/Shanghai\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:China Standard Time\r\nBEGIN:STANDARD\r\n"
    "DTSTART:16010101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:开庭\r\nDTSTART:20261201T090000\r\n"
    "X-ALT-DESC;FMTTYPE=text/html:<HTML>\r\n <BODY>long</BODY>\r\n </HTML>\r\n"
    "ATTENDEE;CN=x:mailto:x@example.cn\r\nRRULE:FREQ=WEEKLY;\r\n COUNT=3\r\n"
    "BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\n"
    "BEGIN:VTODO\r\nUID:t\r\nSUMMARY:待办\r\nEND:VTODO\r\n"
    "END:VCALENDAR\r\n"
)


def test_slim_keeps_zones_and_the_times_of_events() -> None:
    assert slim(UPLOAD) == (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-TIMEZONE:Asia/Shanghai\r\n"
        "BEGIN:VTIMEZONE\r\nTZID:China Standard Time\r\nBEGIN:STANDARD\r\n"
        "DTSTART:16010101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:开庭\r\nDTSTART:20261201T090000\r\n"
        "RRULE:FREQ=WEEKLY;\r\n COUNT=3\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )


def test_slim_accepts_bare_line_feeds() -> None:
    assert slim(UPLOAD.replace("\r\n", "\n")) == slim(UPLOAD)
