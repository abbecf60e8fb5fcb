"""A member's personal calendar link: issue, rotate, revoke (all POST with the CSRF token).

Only the link's hash is recorded, so a new link is shown once: it rides in the (encrypted)
session across the redirect and is dropped when the page shows it.
"""

import asyncio

from aiohttp import web

from roster.feeds.tokens import NoFeedLinkError
from web.auth.keys import PRINCIPAL, SESSION
from web.auth.rules import requires
from web.keys import SERVICES
from web.origin import request_origin
from web.views.duties import FEED_LINK

ACTIONS = ("issue", "rotate", "revoke")


@requires("member")
async def change_feed_link(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    action = str(form.get("action", ""))
    if action not in ACTIONS:
        raise web.HTTPBadRequest()
    principal = request[PRINCIPAL]
    tokens = request.app[SERVICES].feed_tokens
    person, actor = principal.person_code, principal.username
    try:
        if action == "revoke":
            await asyncio.to_thread(tokens.revoke, "person", person, actor, "本人停用订阅链接")
            raise web.HTTPFound("/me/duties?done=revoked#subscription")
        issue = tokens.rotate if action == "rotate" else tokens.issue
        link = await asyncio.to_thread(
            issue, "person", person, actor, "本人订阅日历", request_origin(request)
        )
    except NoFeedLinkError:
        raise web.HTTPFound("/me/duties#subscription") from None
    request[SESSION][FEED_LINK] = {"url": link.url, "webcal": link.webcal_url}
    raise web.HTTPFound("/me/duties?done=issued#subscription")
