"""Calendar feeds over HTTP: secret links and the public reception days.

Calendar apps poll these every few minutes, so a revalidation answers 304 from an ETag of the
feed's inputs without rendering, and reading and rendering run off the event loop. No session
is involved: the link itself is the credential, and an unknown or revoked one is a 404.
"""

import asyncio
from datetime import UTC, datetime

from aiohttp import web

from roster.feeds.duties import Feed
from web.keys import SERVICES
from web.origin import request_origin


async def token_feed(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    origin = request_origin(request)

    def load() -> Feed | None:
        scope = services.feed_tokens.resolve(request.match_info["token"])
        return services.feeds.for_scope(scope, origin) if scope else None

    feed = await asyncio.to_thread(load)
    return await _answer(request, feed, cache="private, no-cache")


async def public_reception(request: web.Request) -> web.StreamResponse:
    feeds = request.app[SERVICES].feeds
    feed = await asyncio.to_thread(
        feeds.public_reception, request.match_info["unit_code"], request_origin(request)
    )
    return await _answer(request, feed, cache="public, max-age=300")


async def _answer(request: web.Request, feed: Feed | None, cache: str) -> web.StreamResponse:
    if feed is None:
        raise web.HTTPNotFound()
    modified = feed.stamp.replace(microsecond=0)
    headers = {"ETag": feed.etag, "Cache-Control": cache}
    if _not_modified(request, feed.etag, modified):
        response = web.Response(status=304, headers=headers)
        response.last_modified = modified
        return response
    body = await asyncio.to_thread(feed.render)
    response = web.Response(
        body=body, headers=headers, content_type="text/calendar", charset="utf-8"
    )
    response.last_modified = modified
    return response


def _not_modified(request: web.Request, etag: str, modified: datetime) -> bool:
    """RFC 9110: If-None-Match decides when present (weak comparison); else If-Modified-Since."""
    header = request.headers.get("If-None-Match")
    if header is not None:
        tags = [t.strip().removeprefix("W/") for t in header.split(",")]
        return "*" in tags or etag in tags
    since = request.if_modified_since
    return since is not None and modified <= since.astimezone(UTC)
