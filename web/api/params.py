"""Query parameters, checked: a bad one is a 400 with words, never a 500."""

import re
from datetime import date, datetime, timedelta

from aiohttp import web

from roster.roster_views import KIND_NAMES
from web.api.errors import bad_request
from web.i18n import TIME_ZONE

UNIT = re.compile(r"^[0-9]{6,15}$")
MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
MAX_RANGE_DAYS = 366
DEFAULT_RANGE_DAYS = 30


def today() -> date:
    return datetime.now(TIME_ZONE).date()


def known_params(request: web.Request, *names: str) -> None:
    unknown = sorted(set(request.query) - set(names))
    if unknown:
        raise bad_request(f"未知的参数“{unknown[0]}”", f"Unknown parameter '{unknown[0]}'")
    repeated = sorted(n for n in set(request.query) if len(request.query.getall(n)) > 1)
    if repeated:
        raise bad_request(f"参数“{repeated[0]}”重复", f"Parameter '{repeated[0]}' is repeated")


def day(request: web.Request, name: str, default: date | None = None) -> date:
    text = request.query.get(name, "")
    if not text and default is not None:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise bad_request(
            f"参数“{name}”须为日期，如 2026-12-01", f"'{name}' must be a date like 2026-12-01"
        ) from None


def date_range(request: web.Request) -> tuple[date, date]:
    first = day(request, "from", today())
    last = day(request, "to", first + timedelta(days=DEFAULT_RANGE_DAYS))
    if last < first:
        raise bad_request("结束日期不能早于开始日期", "'to' must not be before 'from'")
    if (last - first).days > MAX_RANGE_DAYS:
        raise bad_request("日期范围不能超过一年", "The date range must not exceed a year")
    return first, last


def unit(request: web.Request, required: bool = False) -> str:
    text = request.query.get("unit", "")
    if (text or required) and not UNIT.match(text):
        raise bad_request("参数“unit”须为单位编码", "'unit' must be a unit code")
    return text


def month(request: web.Request, default: str = "") -> str:
    text = request.query.get("month", "") or default
    if not MONTH.match(text):
        raise bad_request("参数“month”须为月份，如 2026-12", "'month' must be a month like 2026-12")
    return text


def kind(request: web.Request) -> str:
    text = request.query.get("kind", "")
    if text and text not in KIND_NAMES:
        raise bad_request(
            "参数“kind”须为 reception、duty-lawyers 或 adviser-circuits",
            "'kind' must be reception, duty-lawyers or adviser-circuits",
        )
    return text
