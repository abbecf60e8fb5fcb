"""Health check for the container and load balancers: the database answers."""

import asyncio

from aiohttp import web

from web.keys import SERVICES


async def health(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    try:
        positions = await asyncio.to_thread(services.follower.positions)
    except Exception:
        return web.json_response({"status": "unavailable"}, status=503)
    return web.json_response({"status": "ok", "read_models": positions})
