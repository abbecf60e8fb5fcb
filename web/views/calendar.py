"""The working-day calendar: a year with holidays and make-up working days marked.

Everyone signed in may look; managers and the administrator declare a day or confirm a year.
A year the statutory table does not cover and nobody has confirmed gets a clear banner.
"""

import asyncio
import calendar as months
from dataclasses import replace
from datetime import date, timedelta

from aiohttp import web

from roster.errors import DomainError, UndeclaredYearError
from roster.workdays import Day
from web import params
from web.auth.keys import PRINCIPAL
from web.auth.rules import requires
from web.i18n import LANG, N_
from web.i18n import gettext as _
from web.keys import SERVICES
from web.render import render
from web.views.duties import shanghai_today

KINDS = ("holiday", "workday")
# chinese-calendar names its holidays in English; the page names them in the reader's language.
HOLIDAY_NAMES = {
    "New Year's Day": N_("元旦"),
    "Spring Festival": N_("春节"),
    "Tomb-sweeping Day": N_("清明节"),
    "Labour Day": N_("劳动节"),
    "Dragon Boat Festival": N_("端午节"),
    "National Day": N_("国庆节"),
    "Mid-autumn Festival": N_("中秋节"),
    "Anti-Fascist 70th Day": N_("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"),
}
MAX_NAME = 40


def year_of(text: str, default: int) -> int:
    """A form's year to show again; the default when it has none that makes sense."""
    try:
        return params.year(text)
    except params.BadParameter:
        return default


@requires()
async def year_page(request: web.Request) -> web.StreamResponse:
    text = request.query.get("year", "")
    return await render_year(request, params.year(text) if text else shanghai_today().year)


async def render_year(
    request: web.Request, year: int, status: int = 200, form: dict | None = None,
    errors: dict | None = None,
) -> web.Response:  # fmt: skip
    workdays = request.app[SERVICES].workdays
    declared = await asyncio.to_thread(workdays.is_declared, year)
    try:
        days = await asyncio.to_thread(workdays.days, date(year, 1, 1), date(year, 12, 31))
    except UndeclaredYearError:
        days = draft_year(year, await asyncio.to_thread(workdays.declarations, year))
    days = [
        replace(d, name=_(HOLIDAY_NAMES[d.name])) if d.name in HOLIDAY_NAMES else d for d in days
    ]
    return render(
        request, "calendar/year.html", status=status, year=year, declared=declared,
        months=year_grid(year, days), special=[d for d in days if d.declared or d.name
                                               or d.make_up],
        may_declare=request[PRINCIPAL].role in ("admin", "manager"),
        form=form or {"day": "", "kind": "holiday", "name": ""}, errors=errors or {},
        this_day=shanghai_today(),
    )  # fmt: skip


def draft_year(year: int, declared: dict[date, tuple[str, str]]) -> list[Day]:
    """An undeclared year as far as it goes: the declarations so far, other days by weekday."""
    days = []
    for day in (date(year, 1, 1) + timedelta(days=n) for n in range(366)):
        if day.year != year:
            break
        kind, name = declared.get(day, ("", ""))
        weekend = day.weekday() >= 5
        kind = kind or ("weekend" if weekend else "workday")
        days.append(Day(day, kind, name, day in declared, kind == "workday" and weekend))
    return days


def year_grid(year: int, days: list) -> list[tuple[date, list[list[tuple[date, object]]]]]:
    """Twelve months of weeks (Monday first); each cell the day and its Day, if known."""
    known = {d.day: d for d in days}
    grid = months.Calendar(firstweekday=0)
    return [
        (
            date(year, m, 1),
            [
                [(d, known.get(d) if d.month == m else None) for d in week]
                for week in grid.monthdatescalendar(year, m)
            ],
        )
        for m in range(1, 13)
    ]


@requires("admin", "manager", write=True)
async def declare_day(request: web.Request) -> web.StreamResponse:
    post = await request.post()
    form = {k: str(post.get(k, "")).strip() for k in ("day", "kind", "name", "reason")}
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
    year = day.year if day else year_of(str(post.get("year", "")), shanghai_today().year)
    if not errors:
        principal = request[PRINCIPAL]
        try:
            await asyncio.to_thread(
                request.app[SERVICES].workdays.declare, day, form["kind"],
                form["name"] or (_("节假日") if form["kind"] == "holiday" else _("调休上班")),
                principal.username, form["reason"],
            )  # fmt: skip
        except DomainError as exc:
            errors["day"] = exc.text(request[LANG])
        else:
            raise web.HTTPFound(f"/calendar?year={year}&done=declared")
    return await render_year(request, year, 400, form, errors)


@requires("admin", "manager", write=True)
async def confirm_year(request: web.Request) -> web.StreamResponse:
    post = await request.post()
    year = params.year(str(post.get("year", "")))
    principal = request[PRINCIPAL]
    await asyncio.to_thread(
        request.app[SERVICES].workdays.confirm_year, year, principal.username,
        "已逐日声明该年度的节假日和调休上班日",
    )  # fmt: skip
    raise web.HTTPFound(f"/calendar?year={year}&done=confirmed")


@requires("admin", "manager", write=True)
async def withdraw_day(request: web.Request) -> web.StreamResponse:
    """Take back a declaration made by mistake; the statutory table (or the weekday) rules
    that day again."""
    post = await request.post()
    day = params.day(str(post.get("day", "")), "day")
    principal = request[PRINCIPAL]
    try:
        await asyncio.to_thread(
            request.app[SERVICES].workdays.withdraw, day, principal.username, "撤回声明"
        )
    except DomainError:  # nothing declared that day
        raise web.HTTPNotFound() from None
    raise web.HTTPFound(f"/calendar?year={day.year}&done=withdrawn")
