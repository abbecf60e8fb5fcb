"""Query and path parameters, checked in one place for the pages and the API alike.

ASCII digits only (`isdigit()` also takes "²" and "٣", which `int()` refuses), months, years
and days within the years the system plans for, page numbers within reason, text without
control characters. A bad value raises BadParameter; the error middleware answers it with a
400 page, the API's middleware with its JSON error.
"""

import re
from datetime import date

# The years rosters and the working-day calendar are planned for (domain.roster.check_month).
FIRST_YEAR, LAST_YEAR = 2000, 2100
FIRST_DAY, LAST_DAY = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
MAX_PAGE = 10_000
# [0-9], never \d: \d takes every Unicode digit. Matched with fullmatch, so no trailing "\n".
YEAR = re.compile(r"[0-9]{4}")
MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NUMBER = re.compile(r"[0-9]{1,6}")
CODE = re.compile(r"[A-Za-z0-9_-]{1,40}")  # people, stations, firms (the route table's codes)
UNIT = re.compile(r"[0-9]{6,15}")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class BadParameter(Exception):
    """A parameter the request cannot be answered with; says which and why, in both languages."""

    def __init__(self, name: str, message: str, message_en: str) -> None:
        super().__init__(message_en)
        self.name = name
        self.message = message
        self.message_en = message_en

    def text(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message


def month(text: str, name: str = "month") -> str:
    """YYYY-MM between 2000-01 and 2100-12."""
    found = MONTH.fullmatch(text)
    if not found or not FIRST_YEAR <= int(found[1]) <= LAST_YEAR:
        raise BadParameter(
            name,
            f"参数“{name}”须为 {FIRST_YEAR}-01 至 {LAST_YEAR}-12 之间的月份，如 2026-12",
            f"'{name}' must be a month from {FIRST_YEAR}-01 to {LAST_YEAR}-12, like 2026-12",
        )
    return text


def month_start(text: str, name: str = "month") -> date:
    """The first day of the month YYYY-MM."""
    return date(int(month(text, name)[:4]), int(text[5:7]), 1)


def year(text: str, name: str = "year") -> int:
    if not YEAR.fullmatch(text) or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise BadParameter(
            name,
            f"参数“{name}”须为 {FIRST_YEAR} 至 {LAST_YEAR} 之间的年份",
            f"'{name}' must be a year from {FIRST_YEAR} to {LAST_YEAR}",
        )
    return int(text)


def day(text: str, name: str = "date") -> date:
    """An ISO date YYYY-MM-DD that exists, between 2000-01-01 and 2100-12-31."""
    try:
        value = date.fromisoformat(text) if DAY.fullmatch(text) else None
    except ValueError:  # 2026-02-30
        value = None
    if value is None or not FIRST_DAY <= value <= LAST_DAY:
        raise BadParameter(
            name,
            f"参数“{name}”须为 {FIRST_YEAR} 至 {LAST_YEAR} 年间的日期，如 2026-12-01",
            f"'{name}' must be a date from {FIRST_YEAR} to {LAST_YEAR}, like 2026-12-01",
        )
    return value


def page(text: str, name: str = "page") -> int:
    if not NUMBER.fullmatch(text) or not 1 <= int(text) <= MAX_PAGE:
        raise BadParameter(
            name,
            f"参数“{name}”须为 1 至 {MAX_PAGE} 之间的页码",
            f"'{name}' must be a page number from 1 to {MAX_PAGE}",
        )
    return int(text)


def unit(text: str, name: str = "unit") -> str:
    if not UNIT.fullmatch(text):
        raise BadParameter(name, f"参数“{name}”须为单位编码", f"'{name}' must be a unit code")
    return text


def code(text: str, name: str) -> str:
    """A person's, station's or firm's code: letters, digits, '-' and '_'."""
    if not CODE.fullmatch(text):
        raise BadParameter(
            name,
            f"参数“{name}”须为编码（字母、数字、- 或 _）",
            f"'{name}' must be a code (letters, digits, - or _)",
        )
    return text


def choice(text: str, name: str, allowed: dict | tuple) -> str:
    if text not in allowed:
        listed = "、".join(allowed)
        raise BadParameter(
            name,
            f"参数“{name}”须为 {listed} 之一",
            f"'{name}' must be one of {', '.join(allowed)}",
        )
    return text


def text(value: str, name: str, max_length: int) -> str:
    """Free text such as a search: no control characters, no bidi overrides, bounded."""
    if CONTROL.search(value) or len(value) > max_length:
        raise BadParameter(
            name,
            f"参数“{name}”须为不超过 {max_length} 字的文字，不含控制字符",
            f"'{name}' must be text of at most {max_length} characters, without control characters",
        )
    return value
