"""Changing the working-day calendar. The city's days and the confirmation of a year are the
city level's (administrators, managers of the city); a county's manager declares and withdraws
the local days of their own county. A forbidden value is answered 403 with the page and a
message saying why; nothing is recorded."""

import asyncio

from aiohttp import web

from roster.errors import DomainError, StaleWriteError
from web import params
from web.auth.keys import PRINCIPAL
from web.auth.rules import requires, scope_of
from web.i18n import LANG
from web.i18n import gettext as _
from web.keys import SERVICES
from web.views.calendar import KINDS, MAX_NAME, render_year, year_of
from web.views.duties import shanghai_today
from web.views.stale import sent_version

MAX_REASON = 200


def done(year: int, what: str, county: str = "") -> web.HTTPFound:
    where = f"&county={county}" if county else ""
    return web.HTTPFound(f"/calendar?year={year}{where}&done={what}")


async def calendar_refusal(request: web.Request, county: str) -> str:
    """Why this principal may not change the calendar named by `county` (empty: the city's),
    or nothing when they may."""
    scope = await scope_of(request)
    if not county:
        return (
            ""
            if scope.manages_city
            else _("全市的工作日历由市级管理员声明；县区只能声明本县区的本地日子")
        )
    found = await asyncio.to_thread(request.app[SERVICES].workdays.county_of, county)
    if found != county or not scope.manages_unit(county):
        return _("您只能声明自己所管理县区的本地日子")
    return ""


@requires("admin", "manager", write=True)
async def declare_day(request: web.Request) -> web.StreamResponse:
    post = await request.post()
    fields = ("day", "kind", "name", "reason", "county")
    form = {k: str(post.get(k, "")).strip() for k in fields}
    errors: dict[str, str] = {}
    try:
        day = params.day(form["day"], "day")
    except params.BadParameter:
        day = None
        errors["day"] = _("请选择日期")
    if form["kind"] not in KINDS:
        errors["kind"] = _("请选择节假日或调休上班日")
    if len(form["name"]) > MAX_NAME:
        errors["name"] = _("名称不能超过 40 字")
    if len(form["reason"]) > MAX_REASON:
        errors["reason"] = _("原因不能超过 200 字")
    year = day.year if day else year_of(str(post.get("year", "")), shanghai_today().year)
    refusal = await calendar_refusal(request, form["county"])
    if refusal:
        errors["county"] = refusal
        return await render_year(request, year, 403, form, errors, county="")
    if not errors:
        try:
            await asyncio.to_thread(
                request.app[SERVICES].workdays.declare, day, form["kind"],
                form["name"] or (_("节假日") if form["kind"] == "holiday" else _("调休上班")),
                request[PRINCIPAL].username, form["reason"], form["county"],
                posted_version(post, form["county"]),
            )  # fmt: skip
        except StaleWriteError as exc:
            return await stale(request, year, exc, form, form["county"])
        except DomainError as exc:
            errors["day"] = exc.text(request[LANG])
        else:
            raise done(year, "declared", form["county"])
    return await render_year(request, year, 400, form, errors, county=form["county"])


@requires("admin", "manager", write=True)
async def withdraw_day(request: web.Request) -> web.StreamResponse:
    """Take back a declaration made by mistake; the statutory table (or the weekday) rules
    that day again."""
    post = await request.post()
    county = str(post.get("county", "")).strip()
    day = params.day(str(post.get("day", "")), "day")
    refusal = await calendar_refusal(request, county)
    if refusal:
        return await render_year(request, day.year, 403, errors={"withdraw": refusal}, county="")
    try:
        await asyncio.to_thread(
            request.app[SERVICES].workdays.withdraw, day, request[PRINCIPAL].username,
            "撤回声明", county, posted_version(post, county),
        )  # fmt: skip
    except StaleWriteError as exc:
        return await stale(request, day.year, exc, county=county)
    except DomainError:  # nothing declared that day
        raise web.HTTPNotFound() from None
    raise done(day.year, "withdrawn", county)


def posted_version(post, county: str) -> int:
    """The version of the calendar being changed (the county's local one, or the city's) that
    the page was rendered from; every form on the page carries both."""
    return sent_version({"version": post.get("county_version" if county else "city_version")})


async def stale(
    request: web.Request, year: int, exc: StaleWriteError, form: dict | None = None,
    county: str = "",
) -> web.Response:  # fmt: skip
    """Someone changed that calendar since the page was shown: the page as it is now."""
    errors = {"stale": exc.text(request[LANG])}
    return await render_year(request, year, 409, form, errors, county=county or None)


def posted_year(post) -> int:
    text = str(post.get("year", ""))
    if not (text.isascii() and text.isdigit() and 0 < len(text) <= 4):
        raise web.HTTPBadRequest()
    return int(text)


def shown_year(year: int) -> int:
    """The year whose page answers a refused year: itself if the page can show it."""
    return year if 2000 <= year <= 2100 else shanghai_today().year


@requires("admin", "manager", write=True, city=True)
async def confirm_year(request: web.Request) -> web.StreamResponse:
    post = await request.post()
    year = posted_year(post)
    try:
        await asyncio.to_thread(
            request.app[SERVICES].workdays.confirm_year, year, request[PRINCIPAL].username,
            "已逐日声明该年度的节假日和调休上班日", posted_version(post, ""),
        )  # fmt: skip
    except StaleWriteError as exc:
        return await stale(request, shown_year(year), exc)
    except DomainError as exc:  # a year beyond the next
        errors = {"year": exc.text(request[LANG])}
        return await render_year(request, shown_year(year), 400, errors=errors)
    raise done(year, "confirmed")


@requires("admin", "manager", write=True, city=True)
async def unconfirm_year(request: web.Request) -> web.StreamResponse:
    """Undo a confirmation (made too early, or for the wrong year): the year is refused for
    planning again until it is confirmed anew. The reason is kept with the event."""
    post = await request.post()
    year = posted_year(post)
    reason = str(post.get("reason", "")).strip()
    errors = {}
    if not reason:
        errors["unconfirm"] = _("请填写撤销确认的原因")
    elif len(reason) > MAX_REASON:
        errors["unconfirm"] = _("原因不能超过 200 字")
    else:
        try:
            await asyncio.to_thread(
                request.app[SERVICES].workdays.unconfirm_year, year,
                request[PRINCIPAL].username, reason, posted_version(post, ""),
            )  # fmt: skip
        except StaleWriteError as exc:
            return await stale(request, shown_year(year), exc)
        except DomainError as exc:  # not confirmed
            errors["unconfirm"] = exc.text(request[LANG])
    if errors:
        return await render_year(request, shown_year(year), 400, errors=errors)
    raise done(year, "unconfirmed")
