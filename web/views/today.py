"""Today: who is on duty where today and tomorrow in my units, and my own next duties.

Published duties only (the query reads nothing else). A member's units are their county; a
manager's or supervisor's are their scope; the administrator sees the whole city.
"""

import asyncio
from datetime import datetime, timedelta
from itertools import groupby

from aiohttp import web

from roster.rosters.published import DutyLine
from web.auth.keys import PRINCIPAL
from web.auth.rules import login_required, scope_of
from web.i18n import TIME_ZONE
from web.keys import SERVICES
from web.render import render

SHOWN_PER_DAY = 300  # a city-wide day can hold hundreds of duties: show the first, count the rest


def shanghai_today():
    return datetime.now(TIME_ZONE).date()


@login_required
async def today(request: web.Request) -> web.StreamResponse:
    principal = request[PRINCIPAL]
    duties = request.app[SERVICES].duties
    first = shanghai_today()
    last = first + timedelta(days=1)
    lines = await asyncio.to_thread(duties.on_days, first, last)
    if principal.role == "member":
        county = await asyncio.to_thread(
            request.app[SERVICES].lookups.county_of_person, principal.person_code
        )
        visible = [line for line in lines if line.county_code == county]
    else:
        scope = await scope_of(request)
        visible = [line for line in lines if scope.sees_unit(line.unit_code)]
    mine = []
    if principal.person_code:
        mine = await asyncio.to_thread(duties.next_of_person, principal.person_code, first)
    days = [(day, *by_kind([x for x in visible if x.day == day])) for day in (first, last)]

    def may_open(line: DutyLine) -> bool:  # the duty page refuses members other people's duties
        return principal.role != "member" or line.person_code == principal.person_code

    return render(
        request, "today/today.html", days=days, mine=mine, this_day=first, may_open=may_open
    )


def by_kind(lines: list[DutyLine]) -> tuple[list[tuple[str, list[DutyLine]]], int]:
    """Kinds in a fixed order (reception, lawyers, circuits), and how many were left out."""
    order = {"reception": 0, "duty-lawyers": 1, "adviser-circuits": 2}
    lines = sorted(lines, key=lambda x: (order.get(x.kind, 9), x.unit_code, x.place, x.shift))
    hidden = max(0, len(lines) - SHOWN_PER_DAY)
    shown = lines[:SHOWN_PER_DAY]
    groups = [
        (kind_name, list(group)) for kind_name, group in groupby(shown, lambda x: x.kind_name)
    ]
    return groups, hidden
