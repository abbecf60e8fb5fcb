"""Bearer tokens for machine clients: `Authorization: Bearer <token>` and nothing else.

The session cookie is never read under /api/ (it is a public prefix for the session and CSRF
middleware), so a browser's signed-in session cannot be borrowed by a cross-site request.
"""

import asyncio
from collections.abc import Awaitable, Callable

from aiohttp import web

from web.api.errors import unauthorized
from web.auth.keys import PRINCIPAL
from web.keys import SERVICES

OPEN_PATHS = ("/api/v1/openapi.json",)  # the description itself is no secret


@web.middleware
async def bearer_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    if request.path in OPEN_PATHS:
        return await handler(request)
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized()
    tokens = request.app[SERVICES].api_tokens
    principal = await asyncio.to_thread(tokens.resolve, token.strip())
    if principal is None:
        raise unauthorized()
    request[PRINCIPAL] = principal
    return await handler(request)
