"""Hostile and broken uploads: each gets IcsImportError with a readable message, quickly."""

from __future__ import annotations

import contextlib
import datetime as dt
import random

import pytest

from calendars.busy import parse_busy
from calendars.errors import IcsImportError
from calendars.guard import ImportLimits

DECEMBER = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
ALPHABET = b"0123456789TZ:;=,-+/\r\n ABCDEFGHIJKLMNOPQRSTUVWXYZ\xff"
EVENT = (
    "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nSUMMARY:开庭\r\n{body}END:VEVENT\r\n"
)


def calendar(*bodies: str, tail: str = "") -> bytes:
    events = "".join(EVENT.format(uid=f"u{i}", body=b) for i, b in enumerate(bodies))
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{events}END:VCALENDAR\r\n{tail}".encode()


def repeating(rule: str, start: str = "20261201T090000") -> bytes:
    return calendar(f"DTSTART:{start}\r\nDTEND:{start[:9]}100000\r\nRRULE:{rule}\r\n")


def refused(data: bytes, limits: ImportLimits = ImportLimits()) -> IcsImportError:  # noqa: B008
    with pytest.raises(IcsImportError) as caught:
        parse_busy(data, *DECEMBER, limits=limits)
    error = caught.value
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message), error.message
    assert error.message_en.isascii() or '"' in error.message_en
    assert str(error) == error.message
    return error


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, this is a text file",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"<!DOCTYPE html><html><body>BEGIN:VCALENDAR</body></html>",
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zhang San\r\nEND:VCARD\r\n",
        b"BEGIN:VCALENDAR\x00\r\nEND:VCALENDAR\r\n",
    ],
)
def test_not_icalendar(data: bytes) -> None:
    assert refused(data).code == "not_icalendar"


def test_undecodable_bytes() -> None:
    data = calendar("DTSTART:20261201T090000\r\n").replace("开庭".encode(), "开庭".encode("gbk"))
    assert refused(data).code == "not_utf8"


def test_too_large() -> None:
    filler = "DESCRIPTION:" + "x" * 70 + "\r\n"
    data = calendar("DTSTART:20261201T090000\r\n" + filler * 15_000)
    assert len(data) > 1_000_000
    error = refused(data)
    assert error.code == "too_large"
    assert "1 MB" in error.message_en or "976 KB" in error.message_en


def test_size_limit_is_a_parameter() -> None:
    assert refused(calendar(), ImportLimits(max_bytes=10)).code == "too_large"


def test_too_many_components() -> None:
    data = calendar(*["DTSTART:20261201T090000\r\n"] * 5_001)
    assert refused(data).code == "too_many_components"


def test_too_many_lines() -> None:
    data = calendar("X-JUNK:1\r\n" * 60_001)
    assert refused(data).code == "too_many_lines"


def test_deeply_nested() -> None:
    nest = "".join(f"BEGIN:X-{i}\r\n" for i in range(50)) + "".join(
        f"END:X-{i}\r\n" for i in reversed(range(50))
    )
    assert refused(calendar(nest)).code == "too_deep"


@pytest.mark.parametrize(
    "data",
    [
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n",  # never closed
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",  # mismatched
        calendar(tail="BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),  # a second calendar
        calendar(tail="trailing garbage\r\n"),
    ],
)
def test_malformed_structure(data: bytes) -> None:
    assert refused(data).code == "malformed"


@pytest.mark.parametrize(
    ("rule", "start"),
    [
        ("FREQ=SECONDLY", "20261201T090000"),  # millions of occurrences a month
        ("FREQ=MINUTELY;INTERVAL=1", "20261201T090000"),
        ("FREQ=HOURLY", "20261201T090000"),
        ("FREQ=DAILY;BYHOUR=0,1,2,3,4,5;BYMINUTE=0,10,20,30,40,50", "20261201T090000"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "20261201T090000"),  # never: 30 February
        ("FREQ=MONTHLY;BYMONTHDAY=32", "20261201T090000"),
        ("FREQ=MONTHLY;BYDAY=6MO", "20261201T090000"),  # no month has six Mondays
        ("FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2", "20261201T090000"),
        ("FREQ=DAILY;BYSETPOS=400", "20261201T090000"),
        ("FREQ=DAILY;BYDAY=1MO", "20261201T090000"),
        ("FREQ=WEEKLY;BYYEARDAY=100", "20261201T090000"),
        ("FREQ=DAILY", "00010101T090000"),  # two thousand years of days before the window
        ("FREQ=DAILY;INTERVAL=0", "20261201T090000"),
        ("FREQ=DAILY;INTERVAL=abc", "20261201T090000"),
        ("COUNT=3", "20261201T090000"),
        ("FREQ=DAILY;X-EVIL=1", "20261201T090000"),
        ("FREQ=DAILY;BYDAY=XX", "20261201T090000"),
        ("RSCALE=CHINESE;FREQ=YEARLY", "20261201T090000"),  # a busy lunar repeat
    ],
)
def test_absurd_or_endless_rules(rule: str, start: str) -> None:
    assert refused(repeating(rule, start)).code == "bad_rule"


def test_endless_but_sane_rule_is_expanded_over_the_window_only() -> None:
    busy = parse_busy(repeating("FREQ=DAILY", "20200101T090000"), *DECEMBER)
    assert len(busy) == 31


def test_too_many_occurrences() -> None:
    hourly = "FREQ=DAILY;BYHOUR=" + ",".join(str(h) for h in range(24))
    body = f"DTSTART:20261201T000000\r\nDTEND:20261201T003000\r\nRRULE:{hourly}\r\n"
    assert refused(calendar(*[body] * 8)).code == "too_many_occurrences"  # 8 x 744


def test_time_budget() -> None:
    data = repeating("FREQ=DAILY")
    assert refused(data, ImportLimits(max_seconds=-1)).code == "too_complex"


@pytest.mark.parametrize(
    "body",
    [
        "DTSTART:notadate\r\nDTEND:20261201T100000\r\n",
        "DTEND:20261201T100000\r\nRRULE:FREQ=DAILY\r\n",
        "DTSTART:20261201T090000\r\nDTEND:20261201T100000\r\nRRULE:FREQ=DAILY\r\nEXDATE:x\r\n",
    ],
)
def test_unreadable_event_values(body: str) -> None:
    assert refused(calendar(body)).code in {"malformed", "bad_rule"}


def test_mutated_real_files_never_raise_anything_else(fixtures_dir) -> None:
    """Truncations and byte flips of real exports: a result or IcsImportError, nothing else."""
    randomness = random.Random(20261125)
    originals = [(fixtures_dir / f"{name}.ics").read_bytes() for name in ("google", "outlook")]
    for _ in range(150):
        data = bytearray(randomness.choice(originals))
        if randomness.random() < 0.3:
            del data[randomness.randrange(len(data)) :]
        for _ in range(randomness.randrange(1, 6)):
            # Mostly characters that keep the text UTF-8, so the parser and expander are hit.
            data[randomness.randrange(len(data))] = randomness.choice(ALPHABET)
        with contextlib.suppress(IcsImportError):  # any other exception fails the test
            parse_busy(bytes(data), *DECEMBER)
