"""CSRF: one random token per session, put in every form, checked on every state-changing
request before any view runs. Feeds and public pages hold no session, so they are exempt."""

import hmac
import secrets
from collections.abc import Awaitable, Callable

import jinja2
from aiohttp import web
from markupsafe import Markup, escape

from web.auth.keys import SESSION
from web.auth.session import is_public
from web.i18n import gettext as _
from web.render import render

FIELD = "_csrf"
HEADER = "X-CSRF-Token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def token_for(request: web.Request) -> str:
    session = request[SESSION]
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def renew_token(request: web.Request) -> None:
    """A new token at sign-in, so one captured before cannot be used afterwards."""
    request[SESSION]["csrf"] = secrets.token_urlsafe(32)


@jinja2.pass_context
def csrf_input(context: jinja2.runtime.Context) -> Markup:
    token = token_for(context["request"])
    return Markup(f'<input type="hidden" name="{FIELD}" value="{escape(token)}">')


@web.middleware
async def csrf_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    if request.method in SAFE_METHODS or is_public(request.path):
        return await handler(request)
    expected = request[SESSION].get("csrf", "")
    sent = request.headers.get(HEADER, "")
    if not sent and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        sent = str((await request.post()).get(FIELD, ""))
    if not expected or not hmac.compare_digest(expected.encode(), sent.encode()):
        return render(
            request, "error.html", status=403, code=403, title=_("无权访问"),
            message=_("表单已过期或来源不明，请刷新页面后重新提交。"),
        )  # fmt: skip
    return await handler(request)
