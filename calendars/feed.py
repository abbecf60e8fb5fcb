"""Render duties as an iCalendar feed that phone and desktop calendars subscribe to.

Plain records in, bytes out. Subscribed clients match events by UID and keep the one with
the highest SEQUENCE, so a changed duty moves and a cancelled one disappears; the caller
supplies both (from the assignment's stable id and version).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Timezone

from calendars.text import (
    escape_text,
    fold_line,
    format_duration,
    format_local,
    format_utc,
)

# Bump when the rendered text changes for the same inputs, so input-based ETags change too.
FORMAT_VERSION = "1"

Status = Literal["CONFIRMED", "CANCELLED"]
_URI_BREAKERS = re.compile(r"[\x00-\x20\x7f]")
_STATUSES = ("CONFIRMED", "CANCELLED")


def _require_aware(name: str, value: dt.datetime) -> None:
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")


@dataclass(frozen=True, slots=True)
class FeedDuty:
    """One duty as a calendar event. `uid` and `sequence` come from the assignment."""

    uid: str
    sequence: int
    start: dt.datetime
    end: dt.datetime
    summary: str
    location: str = ""
    description: str = ""
    status: Status = "CONFIRMED"
    url: str = ""
    last_modified: dt.datetime | None = None  # None: the feed's stamp
    alarm_minutes_before: int | None = None

    def __post_init__(self) -> None:
        if not self.uid.strip():
            raise ValueError("uid must not be empty")
        if self.sequence < 0:
            raise ValueError("sequence must not be negative")
        _require_aware("start", self.start)
        _require_aware("end", self.end)
        if self.end <= self.start:
            raise ValueError("end must be after start")
        if self.status not in _STATUSES:
            raise ValueError(f"status must be one of {_STATUSES}")
        if self.last_modified is not None:
            _require_aware("last_modified", self.last_modified)
        if self.alarm_minutes_before is not None and self.alarm_minutes_before < 0:
            raise ValueError("alarm_minutes_before must not be negative")
        # A URI value is written unescaped, so it must not be able to break the line.
        if _URI_BREAKERS.search(self.url):
            raise ValueError("url must not contain spaces or control characters")


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """What the whole calendar says about itself."""

    name: str
    description: str = ""
    refresh_minutes: int = 60
    timezone: str = "Asia/Shanghai"
    product_id: str = "-//roster//Duty roster feed//ZH"

    def __post_init__(self) -> None:
        if self.refresh_minutes < 1:
            raise ValueError("refresh_minutes must be at least 1")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {self.timezone!r}") from None


@functools.lru_cache(maxsize=8)
def _vtimezone_text(tzid: str) -> str:
    # Generated once per zone from the zoneinfo database; duties are never before 2000.
    zone = Timezone.from_tzid(tzid, first_date=dt.date(2000, 1, 1), last_date=dt.date(2040, 1, 1))
    return zone.to_ical().decode("utf-8")


def _calendar_head(info: FeedInfo) -> list[str]:
    refresh = format_duration(info.refresh_minutes)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{escape_text(info.product_id)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(info.name)}",
        f"X-WR-CALNAME:{escape_text(info.name)}",
    ]
    if info.description:
        lines.append(f"DESCRIPTION:{escape_text(info.description)}")
        lines.append(f"X-WR-CALDESC:{escape_text(info.description)}")
    lines += [
        f"X-WR-TIMEZONE:{info.timezone}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{refresh}",
        f"X-PUBLISHED-TTL:{refresh}",
    ]
    return lines


def _event_text(duty: FeedDuty, zone: ZoneInfo, tzid: str, stamp: str) -> str:
    """One VEVENT, folded. Lines that are short ASCII by construction skip fold_line."""
    modified = format_utc(duty.last_modified) if duty.last_modified else stamp
    start = format_local(duty.start.astimezone(zone))
    end = format_local(duty.end.astimezone(zone))
    parts = [
        "BEGIN:VEVENT\r\n",
        fold_line(f"UID:{escape_text(duty.uid)}"),
        f"SEQUENCE:{duty.sequence}\r\nDTSTAMP:{stamp}\r\nLAST-MODIFIED:{modified}\r\n"
        f"DTSTART;TZID={tzid}:{start}\r\nDTEND;TZID={tzid}:{end}\r\n",
        fold_line(f"SUMMARY:{escape_text(duty.summary)}"),
    ]
    if duty.location:
        parts.append(fold_line(f"LOCATION:{escape_text(duty.location)}"))
    if duty.description:
        parts.append(fold_line(f"DESCRIPTION:{escape_text(duty.description)}"))
    if duty.url:
        parts.append(fold_line(f"URL:{duty.url}"))
    parts.append(f"STATUS:{duty.status}\r\n")
    # A cancelled duty must not ring; clients drop its alarm with the event.
    if duty.alarm_minutes_before is not None and duty.status == "CONFIRMED":
        trigger = format_duration(duty.alarm_minutes_before, negative=True)
        parts += [
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\n",
            fold_line(f"DESCRIPTION:{escape_text(duty.summary)}"),
            f"TRIGGER;RELATED=START:{trigger}\r\nEND:VALARM\r\n",
        ]
    parts.append("END:VEVENT\r\n")
    return "".join(parts)


def render_feed(info: FeedInfo, duties: Iterable[FeedDuty], stamp: dt.datetime) -> bytes:
    """The feed as UTF-8 bytes with CRLF line endings and 75-octet folding.

    `stamp` is written as every DTSTAMP (and as LAST-MODIFIED where a duty has none), so
    equal inputs give equal bytes; pass the time of the latest change, not now().
    Events are ordered by start, then UID, whatever order the duties come in.
    """
    _require_aware("stamp", stamp)
    zone = ZoneInfo(info.timezone)
    stamp_text = format_utc(stamp)
    head = "".join(map(fold_line, _calendar_head(info))) + _vtimezone_text(info.timezone)
    events = [
        _event_text(duty, zone, info.timezone, stamp_text)
        for duty in sorted(duties, key=lambda d: (d.start, d.uid))
    ]
    text = head + "".join(events) + "END:VCALENDAR\r\n"
    return text.encode("utf-8")


def body_etag(body: bytes) -> str:
    """A strong ETag (quoted) for rendered feed bytes."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def inputs_etag(info: FeedInfo, duties: Iterable[FeedDuty], stamp: dt.datetime) -> str:
    """A strong ETag from the inputs alone, to answer 304 without rendering.

    Rendering is a pure function of these inputs, so equal inputs mean equal bytes.
    """
    digest = hashlib.sha256(FORMAT_VERSION.encode())
    digest.update(repr(info).encode())
    digest.update(format_utc(stamp).encode())
    for duty in sorted(duties, key=lambda d: (d.start, d.uid)):
        digest.update(repr(duty).encode())
    return '"' + digest.hexdigest()[:32] + '"'
