"""Escaping and folding: the rules that make hand-written iCalendar text valid."""

from __future__ import annotations

import datetime as dt

import pytest

from calendars.text import escape_text, fold_line, format_duration, format_local, format_utc


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("plain", "plain"),
        ("a,b;c", "a\\,b\\;c"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("windows\r\nbreak", "windows\\nbreak"),
        ("old mac\rbreak", "old mac\\nbreak"),
        ("tab\tkept", "tab\tkept"),
        ("bell\x07 and nul\x00 and del\x7f dropped", "bell and nul and del dropped"),
        ("中文，全角标点；不转义", "中文，全角标点；不转义"),
        ("\\n is text", "\\\\n is text"),
    ],
)
def test_escape_text(raw: str, escaped: str) -> None:
    assert escape_text(raw) == escaped


def unfold(folded: str) -> str:
    return folded.removesuffix("\r\n").replace("\r\n ", "")


def physical_lines(folded: str) -> list[bytes]:
    assert folded.endswith("\r\n")
    return folded.encode("utf-8").removesuffix(b"\r\n").split(b"\r\n")


@pytest.mark.parametrize(
    "line",
    [
        "SUMMARY:" + "x" * 200,
        "DESCRIPTION:" + "值班律师任城区公共法律服务中心" * 12,
        "DESCRIPTION:" + "a" + "中" * 60,  # shifts the multibyte boundary by one octet
        "DESCRIPTION:" + "ab" + "中" * 60,
        "SUMMARY:" + "😀" * 50,  # four-octet characters
        "LOCATION:" + "é" * 80,
    ],
)
def test_folded_lines_are_short_valid_utf8_and_unfold_to_the_original(line: str) -> None:
    folded = fold_line(line)
    lines = physical_lines(folded)
    assert len(lines) > 1
    for index, physical in enumerate(lines):
        assert len(physical) <= 75
        physical.decode("utf-8")  # no character was cut in two
        assert physical.startswith(b" ") == (index > 0)
    assert unfold(folded) == line


def test_fold_uses_the_full_75_octets() -> None:
    folded = fold_line("X" * 75 + "Y" * 74 + "Z")
    assert physical_lines(folded) == [b"X" * 75, b" " + b"Y" * 74, b" Z"]


@pytest.mark.parametrize("length", [1, 74, 75])
def test_lines_up_to_75_octets_are_not_folded(length: int) -> None:
    assert fold_line("A" * length) == "A" * length + "\r\n"


def test_a_76_octet_line_is_folded() -> None:
    assert fold_line("A" * 76) == "A" * 75 + "\r\n A\r\n"


@pytest.mark.parametrize(
    ("minutes", "negative", "text"),
    [
        (0, False, "PT0S"),
        (0, True, "PT0S"),
        (15, True, "-PT15M"),
        (60, False, "PT1H"),
        (90, False, "PT1H30M"),
        (750, True, "-PT12H30M"),
        (1440, True, "-P1D"),
        (1500, False, "P1DT1H"),
        (2 * 1440 + 5, False, "P2DT5M"),
    ],
)
def test_format_duration(minutes: int, negative: bool, text: str) -> None:
    assert format_duration(minutes, negative=negative) == text


def test_format_duration_refuses_negative_minutes() -> None:
    with pytest.raises(ValueError):
        format_duration(-1)


def test_date_time_forms() -> None:
    shanghai = dt.timezone(dt.timedelta(hours=8))
    moment = dt.datetime(2026, 1, 2, 3, 4, 5, 999, tzinfo=shanghai)
    assert format_utc(moment) == "20260101T190405Z"
    assert format_local(moment) == "20260102T030405"
