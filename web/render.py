"""Render a template of the one layout into a response."""

from typing import Any

from aiohttp import web

from web.keys import TEMPLATES


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    env = request.app[TEMPLATES]
    html = env.get_template(template).render(request=request, **context)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")
