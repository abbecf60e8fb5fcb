"""Pages for the public, no sign-in: the bureaus' reception days and a village's visit notice.

They show names, places and dates of published duties only: never a person's phone number,
never a reason for absence, never a draft.
"""

import asyncio
import calendar
from datetime import date, timedelta

from aiohttp import web

from web.keys import SERVICES
from web.render import render
from web.views.duties import month_of, shanghai_today


def month_span(first: date) -> tuple[date, date]:
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


async def reception(request: web.Request) -> web.StreamResponse:
    today = shanghai_today()
    first, last = month_span(month_of(request, today))
    bureaus = await asyncio.to_thread(request.app[SERVICES].duties.reception_month, first, last)
    todays = {name: [d for d in lines if d.day == today] for name, lines in bureaus.items()}
    return render(
        request, "public/reception.html", bureaus=bureaus, todays=todays, month=first,
        previous=(first - timedelta(days=1)).replace(day=1), next=last + timedelta(days=1),
        this_day=today,
    )  # fmt: skip


async def village_notice(request: web.Request) -> web.StreamResponse:
    today = shanghai_today()
    first, last = month_span(month_of(request, today))
    duties = request.app[SERVICES].duties
    notice = await asyncio.to_thread(duties.village_notice, request.match_info["code"], first, last)
    if notice is None:
        raise web.HTTPNotFound()
    return render(request, "public/village.html", notice=notice, month=first, this_day=today)
