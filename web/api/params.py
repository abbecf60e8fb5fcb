"""The API's query parameters: only those a route names, each once, checked by web.params
(a bad one is a 400 in the API's JSON shape)."""

from datetime import date, datetime, timedelta

from aiohttp import web

from roster.vocabulary import ROSTER_KINDS
from web import params
from web.api.errors import bad_request
from web.i18n import TIME_ZONE

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


def day(request: web.Request, name: str, default: date) -> date:
    text = request.query.get(name, "")
    return params.day(text, name) if text else default


def date_range(request: web.Request) -> tuple[date, date]:
    first = day(request, "from", today())
    last = day(request, "to", first + timedelta(days=DEFAULT_RANGE_DAYS))
    if last < first:
        raise bad_request("结束日期不能早于开始日期", "'to' must not be before 'from'")
    if (last - first).days > MAX_RANGE_DAYS:
        raise bad_request("日期范围不能超过一年", "The date range must not exceed a year")
    return first, last


def unit(request: web.Request) -> str:
    text = request.query.get("unit", "")
    return params.unit(text) if text else ""


def month(request: web.Request, default: str) -> str:
    return params.month(request.query.get("month", "") or default)


def kind(request: web.Request) -> str:
    text = request.query.get("kind", "")
    return params.choice(text, "kind", ROSTER_KINDS) if text else ""
