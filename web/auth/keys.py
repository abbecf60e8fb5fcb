"""What the auth middleware leaves on each request."""

from aiohttp import web
from aiohttp_session import Session

from roster.access.accounts import Principal
from roster.access.scope import Scope

PRINCIPAL = web.RequestKey("principal", Principal)  # absent when nobody is signed in
SESSION = web.RequestKey("session", Session)
SCOPE = web.RequestKey("scope", Scope)
