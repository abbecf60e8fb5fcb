"""The working-day calendar: a year with holidays and make-up working days marked.

Everyone signed in may look. The city level (administrators, managers of the city) declares
the city's days and confirms a year; a county's manager declares the county's local days,
shown here marked as local. A year the statutory table does not cover and nobody has
confirmed gets a clear banner. The forms post to web/views/calendar_edits.py.
"""

import asyncio
import calendar as months
from dataclasses import replace
from datetime import date, timedelta

from aiohttp import web

from roster.errors import UndeclaredYearError
from roster.registry.workdays import Day
from web import params
from web.auth.keys import PRINCIPAL
from web.auth.rules import requires, scope_of
from web.i18n import N_
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


async def chosen_county(request: web.Request, text: str | None = None) -> str:
    """The county whose local days the page shows: `?county=` if the reader sees it, else
    the county of the reader's own units; empty for the city's calendar alone."""
    workdays = request.app[SERVICES].workdays
    scope = await scope_of(request)
    text = request.query.get("county", "") if text is None else text
    if text:
        county = await asyncio.to_thread(workdays.county_of, text)
        if county != text:
            raise web.HTTPNotFound()
        if not scope.sees_unit(county):
            raise web.HTTPForbidden()
        return county
    principal = request[PRINCIPAL]
    if scope.everything or not principal.unit_codes:
        return ""
    county = await asyncio.to_thread(workdays.county_of, principal.unit_codes[0])
    return county if scope.sees_unit(county) else ""


async def render_year(
    request: web.Request, year: int, status: int = 200, form: dict | None = None,
    errors: dict | None = None, county: str | None = None,
) -> web.Response:  # fmt: skip
    services = request.app[SERVICES]
    workdays = services.workdays
    county = await chosen_county(request, county)
    scope = await scope_of(request)
    declared = await asyncio.to_thread(workdays.is_declared, year)
    try:
        days = await asyncio.to_thread(workdays.days, date(year, 1, 1), date(year, 12, 31), county)
    except UndeclaredYearError:
        city = await asyncio.to_thread(workdays.declarations, year)
        local = await asyncio.to_thread(workdays.declarations, year, county) if county else {}
        days = draft_year(year, city, local)
    days = [
        replace(d, name=_(HOLIDAY_NAMES[d.name])) if d.name in HOLIDAY_NAMES else d for d in days
    ]
    may_city, may_local = scope.manages_city, bool(county) and scope.manages_unit(county)
    counties = await asyncio.to_thread(services.registry_views.counties)
    versions = {
        "city": await asyncio.to_thread(workdays.version),
        "county": await asyncio.to_thread(workdays.version, county) if county else 0,
    }
    return render(
        request, "calendar/year.html", status=status, year=year, declared=declared,
        confirmed=await asyncio.to_thread(workdays.is_confirmed, year),
        months=year_grid(year, days), special=[d for d in days if d.declared or d.name
                                               or d.make_up],
        may_declare=may_city or may_local, may_city=may_city, may_local=may_local,
        county=county, county_name=dict((c["code"], c["name"]) for c in counties).get(county, ""),
        counties=[c for c in counties if scope.sees_unit(c["code"])],
        form=form or {"day": "", "kind": "holiday", "name": "", "county": "" if may_city
                      else county}, errors=errors or {},
        this_day=shanghai_today(), versions=versions,
    )  # fmt: skip


def draft_year(
    year: int, city: dict[date, tuple[str, str]], local: dict[date, tuple[str, str]]
) -> list[Day]:
    """An undeclared year as far as it goes: the declarations so far (the county's own over
    the city's), other days by weekday."""
    declared = city | local
    days = []
    for day in (date(year, 1, 1) + timedelta(days=n) for n in range(366)):
        if day.year != year:
            break
        kind, name = declared.get(day, ("", ""))
        weekend = day.weekday() >= 5
        kind = kind or ("weekend" if weekend else "workday")
        make_up = kind == "workday" and weekend
        days.append(Day(day, kind, name, day in declared, make_up, day in local))
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
