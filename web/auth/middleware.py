"""Who is asking: the signed-in principal, read once per request from the session."""

import asyncio
from collections.abc import Awaitable, Callable

import jinja2
from aiohttp import web
from aiohttp_session import Session

from roster.access.accounts import Principal
from web.auth.keys import PRINCIPAL, SESSION
from web.auth.session import is_public, session_of
from web.keys import SERVICES

USER = "user"
CREDENTIALS = "credential_version"


@web.middleware
async def principal_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    if is_public(request.path):
        return await handler(request)
    session = await session_of(request)
    request[SESSION] = session
    username = session.get(USER)
    if username:
        accounts = request.app[SERVICES].accounts
        principal = await asyncio.to_thread(accounts.principal, username)
        # Disabled, or the password changed since: this session no longer counts. A session
        # newer than this worker's read model was issued by a worker that saw the change first.
        if principal is None or session.get(CREDENTIALS, 0) < principal.credential_version:
            sign_out(session)
        else:
            request[PRINCIPAL] = principal
    return await handler(request)


def sign_in(session: Session, principal: Principal) -> None:
    session[USER] = principal.username
    session[CREDENTIALS] = principal.credential_version


def sign_out(session: Session) -> None:
    session.pop(USER, None)
    session.pop(CREDENTIALS, None)


@jinja2.pass_context
def principal_in_template(context: jinja2.runtime.Context) -> Principal | None:
    request = context.get("request")
    return request.get(PRINCIPAL) if request is not None else None
