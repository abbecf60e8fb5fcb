"""Read an uploaded .ics into busy intervals over a planning window.

Recurring events are expanded by recurring-ical-events (RRULE, RDATE, EXDATE and
RECURRENCE-ID overrides); lone events are read directly. Time zones are resolved by
icalendar, which also maps Outlook's Windows zone names such as "China Standard Time" to
IANA zones. Whatever could make parsing or expansion hang or explode is refused first by
calendars.guard, and calendars.slim drops what busy time never needs.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import recurring_ical_events
from icalendar import Calendar, Component

from calendars.errors import IcsImportError
from calendars.guard import (
    ImportLimits,
    check_rule,
    check_structure,
    decode_upload,
    malformed,
    not_icalendar,
)
from calendars.slim import slim

_MAX_SUMMARY = 200


@dataclass(frozen=True, slots=True)
class BusyInterval:
    start: dt.datetime  # aware, in the requested zone
    end: dt.datetime
    summary: str
    all_day: bool
    source_uid: str


def parse_busy(
    data: bytes,
    start: dt.date,
    end: dt.date,
    tz: str = "Asia/Shanghai",
    limits: ImportLimits = ImportLimits(),  # noqa: B008 (frozen, so sharing it is safe)
) -> list[BusyInterval]:
    """Busy intervals that overlap the days start..end (both included), sorted by start.

    Intervals are in `tz`; all-day events cover whole days there, and floating times are
    read in the file's X-WR-TIMEZONE, else in `tz`. Transparent ("free") and cancelled
    events are left out, and so are events without duration. Raises IcsImportError for
    any file it refuses (nothing else), ValueError for a bad window from the caller.
    """
    if end < start or (end - start).days + 1 > limits.max_window_days:
        raise ValueError(f"window must be 1..{limits.max_window_days} days, got {start}..{end}")
    zone = ZoneInfo(tz)
    text = decode_upload(data, limits)
    check_structure(text, limits)
    calendar = _parse(slim(text))
    floating = _floating_zone(calendar, zone)
    window_start = dt.datetime.combine(start, dt.time(), zone)
    window_end = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), zone)
    deadline = time.monotonic() + limits.max_seconds
    busy: list[BusyInterval] = []
    zones = calendar.walk("VTIMEZONE")
    for events in _series(calendar, window_end.date(), limits):
        if time.monotonic() > deadline:
            raise IcsImportError(
                "too_complex",
                "日历文件过于复杂，无法在限定时间内读取。请只导出需要的日期范围。",
                "The calendar file is too complex to read in time. Export only the dates you need.",
            )
        for occurrence in _occurrences(calendar, zones, events, window_start, window_end):
            interval = _read_occurrence(occurrence, zone, floating)
            if interval is None or interval.end <= window_start or interval.start >= window_end:
                continue
            busy.append(interval)
            if len(busy) > limits.max_occurrences:
                raise IcsImportError(
                    "too_many_occurrences",
                    f"所选日期内的日程超过 {limits.max_occurrences} 个，无法导入。",
                    f"The file has more than {limits.max_occurrences} events in the chosen "
                    "dates and cannot be imported.",
                )
    busy.sort(key=lambda b: (b.start, b.end, b.source_uid))
    return busy


def _parse(text: str) -> Calendar:
    try:
        calendar = Calendar.from_ical(text)
    except Exception as exc:  # the parser raises many kinds on hostile text
        raise malformed("无法解析。", f"it cannot be parsed ({type(exc).__name__}).") from None
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise not_icalendar()
    return calendar


def _series(calendar: Calendar, window_end: dt.date, limits: ImportLimits) -> list[list[Component]]:
    """The events grouped by UID, so overrides (RECURRENCE-ID) meet their master event.

    Every rule is checked here, before anything is expanded.
    """
    by_uid: dict[str, list[Component]] = {}
    for index, event in enumerate(calendar.walk("VEVENT")):
        if _never_busy(event):
            continue
        _check_rules(event, window_end, limits)
        key = str(event.get("UID") or f"no-uid-{index}")
        if "RECURRENCE-ID" not in event and key in by_uid and _has_master(by_uid[key]):
            # A second event under one UID breaks RFC 5545 but happens in real exports;
            # keeping it apart counts its busy time instead of silently dropping it.
            key = f"{key}#{index}"
        by_uid.setdefault(key, []).append(event)
    return list(by_uid.values())


def _occurrences(
    calendar: Calendar,
    zones: list[Component],
    events: list[Component],
    start: dt.datetime,
    end: dt.datetime,
) -> list[Component]:
    """A lone event as it is; a recurring series expanded by recurring-ical-events.

    Expanding one small calendar per series lets the time budget be checked between
    series; a lone event skips the expander, which would cost more than the event.
    """
    if len(events) == 1 and not any(p in events[0] for p in ("RRULE", "RDATE", "RECURRENCE-ID")):
        return events
    series = Calendar()
    if "X-WR-TIMEZONE" in calendar:
        series["X-WR-TIMEZONE"] = calendar["X-WR-TIMEZONE"]
    for component in (*zones, *events):
        series.add_component(component)
    return _expand(series, start, end)


def _has_master(events: list[Component]) -> bool:
    return any("RECURRENCE-ID" not in event for event in events)


def _never_busy(event: Component) -> bool:
    """A free or cancelled event that overrides nothing: skip it before its rule is read.

    So a lunar-calendar birthday marked free (Apple exports those with RSCALE) does not
    get a whole file refused. Overrides are kept: a cancelled one removes an occurrence.
    """
    if "RECURRENCE-ID" in event:
        return False
    return (
        str(event.get("TRANSP", "")).upper() == "TRANSPARENT"
        or str(event.get("STATUS", "")).upper() == "CANCELLED"
    )


def _check_rules(event: Component, window_end: dt.date, limits: ImportLimits) -> None:
    rules = event.get("RRULE")
    if rules is None:
        return
    summary = str(event.get("SUMMARY", ""))[:_MAX_SUMMARY]
    try:
        first_day = event["DTSTART"].dt
    except Exception:  # missing, or kept by icalendar as a broken property
        first_day = None
    if isinstance(first_day, dt.datetime):
        first_day = first_day.date()
    if not isinstance(first_day, dt.date):
        raise malformed(
            f"重复日程“{summary}”没有开始时间。", f'repeating "{summary}" has no start.'
        )
    for rule in rules if isinstance(rules, list) else [rules]:
        try:
            if not isinstance(rule, dict):  # icalendar keeps an unreadable rule as text
                raise ValueError(rule)
            check_rule(rule, first_day, window_end, limits, summary)
        except (ValueError, TypeError):
            raise IcsImportError(
                "bad_rule",
                f"日程“{summary}”的重复规则无法识别。",
                f'The repeat rule of event "{summary}" cannot be read.',
            ) from None


def _expand(series: Calendar, start: dt.datetime, end: dt.datetime) -> list[Component]:
    try:
        return list(recurring_ical_events.of(series).between(start, end))
    except Exception:  # bad dates, rules or zones inside one series
        summary = str(series.walk("VEVENT")[0].get("SUMMARY", ""))[:_MAX_SUMMARY]
        raise malformed(
            f"日程“{summary}”的时间无法读取。", f'the times of event "{summary}" cannot be read.'
        ) from None


def _read_occurrence(event: Component, zone: ZoneInfo, floating: ZoneInfo) -> BusyInterval | None:
    try:
        return _busy_interval(event, zone, floating)
    except Exception:  # a broken value that only shows once read
        summary = str(event.get("SUMMARY", ""))[:_MAX_SUMMARY]
        raise malformed(
            f"日程“{summary}”的时间无法读取。", f'the times of event "{summary}" cannot be read.'
        ) from None


def _busy_interval(event: Component, zone: ZoneInfo, floating: ZoneInfo) -> BusyInterval | None:
    if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
        return None  # marked "free" in the member's calendar
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return None
    first, last = event.start, event.end
    all_day = not isinstance(first, dt.datetime)
    begin, finish = _in_zone(first, zone, floating), _in_zone(last, zone, floating)
    if finish <= begin:
        return None
    return BusyInterval(
        start=begin,
        end=finish,
        summary=str(event.get("SUMMARY", "")).strip()[:_MAX_SUMMARY],
        all_day=all_day,
        source_uid=str(event.get("UID", "")),
    )


def _floating_zone(calendar: Calendar, zone: ZoneInfo) -> ZoneInfo:
    """Where floating times are: the file's X-WR-TIMEZONE (as the expander reads it too),
    else the member's own zone."""
    try:
        return ZoneInfo(str(calendar.get("X-WR-TIMEZONE", zone.key)).strip())
    except Exception:  # unknown or malformed zone name
        return zone


def _in_zone(value: dt.date | dt.datetime, zone: ZoneInfo, floating: ZoneInfo) -> dt.datetime:
    if not isinstance(value, dt.datetime):  # a DATE: the whole day in the member's zone
        return dt.datetime.combine(value, dt.time(), zone)
    if value.tzinfo is None:  # floating time: the same wall time wherever one is
        return value.replace(tzinfo=floating).astimezone(zone)
    return value.astimezone(zone)
