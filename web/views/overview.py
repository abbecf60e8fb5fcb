"""The home page for now: the city's units and what each holds."""

import asyncio

from aiohttp import web

from web.keys import SERVICES
from web.render import render


async def index(request: web.Request) -> web.Response:
    queries = request.app[SERVICES].queries
    city = await asyncio.to_thread(queries.city)
    counties = await asyncio.to_thread(queries.overview)
    totals = {
        field: sum(getattr(c, field) for c in counties)
        for field in (
            "townships",
            "villages",
            "firms",
            "lawyers",
            "advisers",
            "leaders",
            "stations",
        )
    }
    return render(request, "overview.html", city=city, counties=counties, totals=totals)
