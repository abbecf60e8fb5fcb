"""Cheap checks that run before an uploaded .ics reaches the parser or the rule expander.

Everything here is linear in the input and refuses hostile files early: too large,
not text, not iCalendar, too many or too deeply nested components, and recurrence rules
whose expansion could run for seconds or produce millions of occurrences.
"""

from __future__ import annotations

import calendar as gregorian
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from calendars.errors import IcsImportError


@dataclass(frozen=True, slots=True)
class ImportLimits:
    max_bytes: int = 1_000_000
    max_components: int = 5_000
    max_lines: int = 60_000  # unfolded content lines, i.e. properties
    max_depth: int = 4  # VCALENDAR > VTIMEZONE > STANDARD is 3; real files never go deeper
    max_occurrences: int = 5_000  # busy intervals after expansion, whole file
    max_window_days: int = 400
    max_rule_periods: int = 100_000  # rule periods between DTSTART and the window's end
    max_seconds: float = 3.0  # wall-time budget for expansion, checked between series


def decode_upload(data: bytes, limits: ImportLimits) -> str:
    """The upload as text, or IcsImportError when it is too large or not UTF-8 text."""
    if len(data) > limits.max_bytes:
        raise IcsImportError(
            "too_large",
            f"文件太大（{len(data) // 1024} KB），上限为 {limits.max_bytes // 1024} KB。",
            f"The file is too large ({len(data) // 1024} KB); the limit is "
            f"{limits.max_bytes // 1024} KB.",
        )
    head = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head.upper().startswith(b"BEGIN:VCALENDAR"):
        raise not_icalendar()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IcsImportError(
            "not_utf8",
            "无法读取文件：文件不是 UTF-8 编码的文本。请从日历应用重新导出 .ics 文件。",
            "The file cannot be read: it is not UTF-8 text. Export the .ics file again "
            "from your calendar app.",
        ) from None
    if "\x00" in text:
        raise not_icalendar()
    return text


def not_icalendar() -> IcsImportError:
    return IcsImportError(
        "not_icalendar",
        "这不是日历文件（iCalendar/.ics）。请上传从日历应用导出的 .ics 文件。",
        "This is not a calendar file (iCalendar/.ics). Upload an .ics file exported "
        "from your calendar app.",
    )


def malformed(detail_zh: str, detail_en: str) -> IcsImportError:
    return IcsImportError(
        "malformed",
        f"日历文件格式有误：{detail_zh}",
        f"The calendar file is malformed: {detail_en}",
    )


def check_structure(text: str, limits: ImportLimits) -> None:
    """One pass over the content lines: one VCALENDAR, balanced and shallow components."""
    depth = components = lines = 0
    stack: list[str] = []
    seen_calendar = False
    # Only CR and LF end lines here; str.splitlines would also split on U+2028 and friends.
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not raw or raw[0] in " \t":  # folded continuation or blank
            continue
        lines += 1
        if lines > limits.max_lines:
            raise _too_many("too_many_lines", "行", "lines", limits.max_lines)
        name, _, value = raw.partition(":")
        name = name.strip().upper()
        value = value.strip().upper()
        if not stack:  # outside any component only the one BEGIN:VCALENDAR may stand
            if seen_calendar:
                raise malformed(
                    "日历结束后还有内容。", "there is content after the calendar's end."
                )
            if not (name == "BEGIN" and value == "VCALENDAR"):
                raise not_icalendar()
        if name == "BEGIN":
            seen_calendar = True
            components += 1
            stack.append(value)
            depth = max(depth, len(stack))
            if components > limits.max_components:
                raise _too_many(
                    "too_many_components", "个日历组件", "components", limits.max_components
                )
            if depth > limits.max_depth:
                raise IcsImportError(
                    "too_deep",
                    f"日历文件嵌套过深（超过 {limits.max_depth} 层）。",
                    f"The calendar file is nested too deeply (more than {limits.max_depth} "
                    "levels).",
                )
        elif name == "END" and (not stack or stack.pop() != value):
            raise malformed(f"“END:{value}”没有对应的开始。", f'"END:{value}" has no BEGIN.')
    if not seen_calendar:
        raise not_icalendar()
    if stack:
        raise malformed(f"“{stack[-1]}”没有结束。", f'"{stack[-1]}" is never closed.')


def _too_many(code: str, what_zh: str, what_en: str, limit: int) -> IcsImportError:
    return IcsImportError(
        code,
        f"日历文件内容过多：超过 {limit} {what_zh}。",
        f"The calendar file has too much content: more than {limit} {what_en}.",
    )


# The most days one period holds: it sizes the search before the window, and it bounds
# BYSETPOS, which beyond it never matches (dateutil would then search up to year 9999).
_PERIOD_DAYS = {"YEARLY": 366, "MONTHLY": 31, "WEEKLY": 7, "DAILY": 1}
_RFC_ALLOWED = {
    "BYMONTHDAY": {"YEARLY", "MONTHLY", "DAILY"},
    "BYYEARDAY": {"YEARLY"},
    "BYWEEKNO": {"YEARLY"},
}
_KNOWN_PARTS = {
    "FREQ",
    "RSCALE",  # RFC 7529; only GREGORIAN is accepted below
    "SKIP",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "WKST",
    "BYDAY",
    "BYMONTHDAY",
    "BYMONTH",
    "BYSETPOS",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
}


def check_rule(
    rule: dict, first_start: dt.date, window_end: dt.date, limits: ImportLimits, summary: str
) -> None:
    """Refuse a recurrence rule that is absurd or too costly to expand.

    `rule` is icalendar's vRecur mapping (upper-case keys, list values).
    """

    def refuse(zh: str, en: str) -> IcsImportError:
        return IcsImportError(
            "bad_rule",
            f"日程“{summary}”的重复规则无法接受：{zh}",
            f'The repeat rule of event "{summary}" cannot be accepted: {en}',
        )

    unknown = set(rule) - _KNOWN_PARTS
    if unknown:
        raise refuse(f"未知的规则部分 {sorted(unknown)}。", f"unknown parts {sorted(unknown)}.")
    scale = str((rule.get("RSCALE") or ["GREGORIAN"])[0]).upper()
    if scale != "GREGORIAN":  # RFC 7529 lunar repeats; the expander knows only Gregorian
        raise refuse(
            "暂不支持农历等非公历的重复规则。",
            "lunar and other non-Gregorian repeats are not supported yet.",
        )
    freq = str((rule.get("FREQ") or [""])[0]).upper()
    if freq not in _PERIOD_DAYS:
        raise refuse(
            "只支持按日、周、月、年重复。",
            "only daily, weekly, monthly and yearly repeats are supported.",
        )
    interval = int((rule.get("INTERVAL") or [1])[0])
    if not 1 <= interval <= 10_000:
        raise refuse("重复间隔无效。", "the interval is invalid.")
    for part, freqs in _RFC_ALLOWED.items():
        if rule.get(part) and freq not in freqs:
            raise refuse(f"{part} 不能用于 {freq}。", f"{part} cannot be used with {freq}.")
    times = 1
    for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        times *= max(1, len(rule.get(part) or []))
    if times > 24:
        raise refuse("每天重复次数过多。", "it repeats too many times a day.")
    set_size = _PERIOD_DAYS[freq] * times
    if freq == "WEEKLY" and rule.get("BYDAY"):
        set_size = len(rule["BYDAY"]) * times
    for pos in rule.get("BYSETPOS") or []:
        if not 1 <= abs(int(pos)) <= set_size:
            raise refuse(
                "BYSETPOS 超出范围，永远不会发生。", "BYSETPOS is out of range and never matches."
            )
    _check_weekdays(rule, freq, refuse)
    _check_month_days(rule, refuse)
    periods = (window_end - first_start).days / _PERIOD_DAYS[freq] / interval
    if freq == "YEARLY":
        periods = (window_end.year - first_start.year) / interval
    if periods > limits.max_rule_periods:
        raise refuse("开始日期太早，展开代价过高。", "it starts too long ago to expand.")


Refuse = Callable[[str, str], IcsImportError]
_WEEKDAY = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")


def _check_weekdays(rule: dict, freq: str, refuse: Refuse) -> None:
    # "The 6th Monday" never occurs and ordinals mean nothing for daily or weekly rules.
    in_month = freq == "MONTHLY" or (freq == "YEARLY" and rule.get("BYMONTH"))
    for day in rule.get("BYDAY") or []:
        match = _WEEKDAY.fullmatch(str(day).upper())
        if not match:
            raise refuse(f"无法识别星期“{day}”。", f'the weekday "{day}" is unknown.')
        if match.group(1) is None:
            continue
        ordinal = int(match.group(1))
        if freq not in ("MONTHLY", "YEARLY") or not 1 <= abs(ordinal) <= (5 if in_month else 53):
            raise refuse(f"星期序号“{day}”无效。", f'the weekday ordinal "{day}" is invalid.')


def _check_month_days(rule: dict, refuse: Refuse) -> None:
    # A BYMONTHDAY that no BYMONTH can hold (30 February) never occurs: refuse it
    # rather than let the expander search every year up to 9999.
    month_days = [int(d) for d in rule.get("BYMONTHDAY") or []]
    if not month_days:
        return
    months = [int(m) for m in rule.get("BYMONTH") or range(1, 13)]
    if any(not 1 <= m <= 12 for m in months) or any(not 1 <= abs(d) <= 31 for d in month_days):
        raise refuse("月份或日期超出范围。", "a month or day is out of range.")
    longest = {m: gregorian.monthrange(2024, m)[1] for m in months}  # 2024: a leap year
    if not any(abs(d) <= longest[m] for m in months for d in month_days):
        raise refuse("这个日期在所选月份中不存在。", "that day does not exist in those months.")
