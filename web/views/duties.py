"""A member's own duties (list and month view) and the page of one duty that feeds link to.

The member page also carries the calendar subscription and the unavailability forms; their
POST handlers live in subscription.py and unavailability.py and render this page again.
"""

import asyncio
import calendar
from datetime import date, datetime, timedelta
from typing import Any

from aiohttp import web

from roster.errors import UndeclaredYearError
from web import params
from web.auth.keys import PRINCIPAL, SESSION
from web.auth.rules import requires, scope_of
from web.i18n import N_, TIME_ZONE
from web.keys import SERVICES
from web.qr import qr_svg
from web.render import render
from web.views.swap_forms import swap_section

# The read side names kinds in Chinese; marked here so the catalogue carries their English.
SHOWN_NAMES = (
    N_("领导干部接待日"), N_("值班律师"), N_("村居法律顾问巡回"), N_("公共法律服务中心"),
    N_("人民法院"), N_("人民检察院"), N_("看守所"), N_("法律援助中心"), N_("12348 热线/网络平台"),
)  # fmt: skip
FEED_LINK = "feed_link"  # a newly issued link, shown once after the redirect


def shanghai_today() -> date:
    return datetime.now(TIME_ZONE).date()


def month_of(request: web.Request, today: date) -> date:
    """The first day of ?month=YYYY-MM, this month when absent; a bad one is a 400."""
    text = request.query.get("month", "")
    return params.month_start(text) if text else today.replace(day=1)


@requires("member")
async def my_duties(request: web.Request) -> web.StreamResponse:
    return await render_my_duties(request)


async def render_my_duties(request: web.Request, status: int = 200, **forms: Any) -> web.Response:
    """The member page; `forms` carries a refused form's values and errors back to it."""
    principal = request[PRINCIPAL]
    services = request.app[SERVICES]
    person = principal.person_code
    today = shanghai_today()
    first = month_of(request, today)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    duties = await asyncio.to_thread(services.duties.of_person, person, first, last)
    upcoming = await asyncio.to_thread(services.duties.next_of_person, person, today, 3)
    absences = await asyncio.to_thread(services.lookups.absences, person)
    active = await asyncio.to_thread(services.feed_tokens.is_active, "person", person)
    link = request[SESSION].pop(FEED_LINK, None)
    context = {
        "month": first,
        "previous": (first - timedelta(days=1)).replace(day=1),
        "next": last + timedelta(days=1),
        "duties": duties,
        "upcoming": upcoming,
        "weeks": await month_grid(services, first, duties, person),
        "absences": [a for a in absences if a.ends_at.date() >= today - timedelta(days=30)],
        "feed_active": active,
        "link": link,
        "qr": qr_svg(link["webcal"]) if link else None,
        "this_day": today,
        "absence_form": default_absence_form(today),
        "absence_errors": {},
        "import_form": {
            "start": today.isoformat(),
            "end": (today + timedelta(days=90)).isoformat(),
        },
        "import_errors": {},
        "notice": request.query.get("done", ""),
    }
    context.update(forms)
    return render(request, "duties/mine.html", status=status, **context)


def default_absence_form(today: date) -> dict[str, str]:
    return {"start_date": today.isoformat(), "start_time": "08:30",
            "end_date": today.isoformat(), "end_time": "17:30", "reason": ""}  # fmt: skip


async def month_grid(services, first: date, duties: list, person: str) -> list[list[dict]]:
    """Weeks of the month, Monday first; each day with its type (the city's calendar with the
    member's county's local days) and the member's duties."""
    county = await asyncio.to_thread(services.lookups.county_of_person, person) or ""
    try:
        days = await asyncio.to_thread(services.workdays.month, f"{first:%Y-%m}", county)
        types = {d.day: d for d in days}
    except UndeclaredYearError:
        types = {}
    by_day: dict[date, list] = {}
    for duty in duties:
        by_day.setdefault(duty.day, []).append(duty)
    return [
        [
            {
                "day": d,
                "in_month": d.month == first.month,
                "type": types.get(d),
                "duties": by_day.get(d, []),
            }
            for d in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]


async def may_see_duty(request: web.Request, duty) -> bool:
    """The duty's own person, and managers and supervisors of its unit."""
    principal = request[PRINCIPAL]
    if principal.person_code and principal.person_code == duty.person_code:
        return True
    if principal.role == "member":
        return False
    return (await scope_of(request)).sees_unit(duty.unit_code)


@requires()
async def duty_page(request: web.Request) -> web.StreamResponse:
    return await render_duty(request)


async def render_duty(
    request: web.Request, status: int = 200, form: dict | None = None, error: str = ""
) -> web.Response:
    """The duty's page; for its own member, the swap section, with a refused request's
    values and message (`form`, `error`) when it comes back."""
    duties = request.app[SERVICES].duties
    duty = await asyncio.to_thread(
        duties.duty, request.match_info["assignment_id"], request[PRINCIPAL].person_code
    )
    if duty is None:
        raise web.HTTPNotFound()
    if not await may_see_duty(request, duty):
        raise web.HTTPForbidden()
    swap = await swap_section(request, duty)
    return render(
        request, "duties/duty.html", status=status, duty=duty, swap=swap, form=form or {},
        error=error, notice=request.query.get("asked", ""),
    )  # fmt: skip
