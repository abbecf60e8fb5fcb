"""The one named-route table."""

from aiohttp import web

from web.views import health, overview

ROUTES = [
    web.get("/", overview.index, name="overview"),
    web.get("/health", health.health, name="health"),
]
