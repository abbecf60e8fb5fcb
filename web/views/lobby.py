"""The lobby screen of a service centre: today's receiving leader and duty lawyers there.

No sign-in (a screen on the wall has nobody at the keyboard); it reloads itself, so a change
published during the day reaches the screen within minutes.
"""

import asyncio

from aiohttp import web

from web.keys import SERVICES
from web.render import render
from web.views.duties import shanghai_today

REFRESH_S = 300


async def lobby(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    duties = services.duties
    station = await asyncio.to_thread(services.lookups.station, request.match_info["station_code"])
    if station is None:
        raise web.HTTPNotFound()
    today = shanghai_today()
    here = await asyncio.to_thread(duties.at_station, station.code, today)
    leaders = [d for d in here if d.kind == "reception"]
    elsewhere = []
    if not leaders:  # the bureau's leader sits at another place today: say where
        day = await asyncio.to_thread(duties.on_days, today, today)
        elsewhere = [d for d in day if d.kind == "reception" and d.unit_code == station.unit_code]
    lawyers = [d for d in here if d.kind == "duty-lawyers"]
    return render(
        request, "lobby/lobby.html", station=station, leaders=leaders, lawyers=lawyers,
        elsewhere=elsewhere, this_day=today, refresh_s=REFRESH_S,
    )  # fmt: skip
