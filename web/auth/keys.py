"""What the auth middleware leaves on each request."""

from aiohttp import web
from aiohttp_session import Session

from roster.access import Scope
from roster.accounts import Principal

PRINCIPAL = web.RequestKey("principal", Principal)  # absent when nobody is signed in
SESSION = web.RequestKey("session", Session)
SCOPE = web.RequestKey("scope", Scope)
