"""For administrators: how far each read model has come, and any event one is stopped at."""

import asyncio

from aiohttp import web

from web.auth.rules import requires
from web.keys import SERVICES
from web.render import render


@requires("admin")
async def read_models(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    statuses = await asyncio.to_thread(services.follower.status)
    last = await asyncio.to_thread(services.store.recorder.max_notification_id)
    stalled = [s for s in statuses if s.failure is not None]
    return render(
        request, "system/read_models.html", statuses=statuses, last=last or 0, stalled=stalled
    )
