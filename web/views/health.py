"""Health check for the container and load balancers: the database answers."""

import asyncio

from aiohttp import web

from web.keys import SERVICES


async def health(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    try:
        statuses = await asyncio.to_thread(services.follower.status)
    except Exception:
        return web.json_response({"status": "unavailable"}, status=503)
    # A stalled read model is reported, not a reason to take the server out of rotation.
    return web.json_response(
        {
            "status": "ok",
            "read_models": {s.name: s.position for s in statuses},
            "stalled": {s.name: s.failure.notification_id for s in statuses if s.failure},
        }
    )
