"""RFC 5545 content-line helpers: escaping TEXT values, folding, date-time and duration forms.

The feed writes its text directly (icalendar's object model is far too slow for a year's
feed in milliseconds), so the rules that make the text valid live here, tested on their own.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

CRLF = "\r\n"
MAX_LINE_OCTETS = 75  # RFC 5545 3.1, excluding the CRLF

# TEXT may hold no control characters except HTAB (RFC 5545 3.3.11); line breaks are
# escaped separately, so every other C0 character and DEL is dropped.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

# Feeds repeat the same station names and texts many times, and both functions below are
# pure, so caching them is the cheapest way to keep a year's feed within milliseconds.


@functools.lru_cache(maxsize=4096)
def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks; drop controls."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return _CONTROLS.sub("", value)


@functools.lru_cache(maxsize=8192)
def fold_line(line: str) -> str:
    """Fold one unfolded content line into CRLF-terminated lines of at most 75 octets.

    Continuation lines start with one space, which counts towards their 75 octets.
    A fold never falls inside a UTF-8 multibyte sequence, so every physical line is
    valid UTF-8 on its own (some clients decode line by line).
    """
    if len(line) <= MAX_LINE_OCTETS and line.isascii():
        return line + CRLF
    raw = line.encode("utf-8")
    if len(raw) <= MAX_LINE_OCTETS:
        return line + CRLF
    parts = []
    start, limit = 0, MAX_LINE_OCTETS
    while len(raw) - start > limit:
        cut = start + limit
        while raw[cut] & 0xC0 == 0x80:  # a continuation byte: back up to the char's start
            cut -= 1
        parts.append(raw[start:cut].decode("utf-8"))
        start, limit = cut, MAX_LINE_OCTETS - 1
    parts.append(raw[start:].decode("utf-8"))
    return (CRLF + " ").join(parts) + CRLF


def format_utc(moment: dt.datetime) -> str:
    """An aware datetime as a UTC DATE-TIME: 20261203T003000Z."""
    return format_local(moment.astimezone(dt.UTC)) + "Z"


def format_local(moment: dt.datetime) -> str:
    """Wall time without zone suffix, for use with a TZID parameter: 20261203T083000."""
    m = moment  # %-formatting is about three times faster than strftime or f-strings here
    return "%04d%02d%02dT%02d%02d%02d" % (m.year, m.month, m.day, m.hour, m.minute, m.second)  # noqa: UP031


def format_duration(minutes: int, *, negative: bool = False) -> str:
    """A DURATION value from whole minutes: 1440 -> P1D, 90 -> PT1H30M, 0 -> PT0S."""
    if minutes < 0:
        raise ValueError("minutes must not be negative")
    sign = "-" if negative and minutes else ""
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    if minutes == 0:
        return "PT0S"
    text = f"{sign}P"
    if days:
        text += f"{days}D"
    if hours or mins:
        text += "T"
        if hours:
            text += f"{hours}H"
        if mins:
            text += f"{mins}M"
    return text
