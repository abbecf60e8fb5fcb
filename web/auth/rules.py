"""Access rules as decorators and helpers over roster.access.scope: views declare what they need.

    @requires("manager", "admin", unit="unit_code", write=True)
    async def publish(request): ...

Nobody signed in → redirect to the login page (then back); signed in but not allowed → 403.
"""

import asyncio
import functools
import re
from collections.abc import Awaitable, Callable
from urllib.parse import quote, urlencode, urlsplit

from aiohttp import web

from roster.access.scope import Scope
from web.auth.keys import PRINCIPAL, SCOPE
from web.keys import SERVICES

View = Callable[[web.Request], Awaitable[web.StreamResponse]]
ROLES = ("admin", "manager", "member", "supervisor")


def requires(
    *roles: str, unit: str = "", person: str = "", write: bool = False, city: bool = False
) -> Callable:
    """Allow only signed-in principals of `roles` (any role if none given). `unit`/`person`
    name a route parameter whose unit or person must lie in the principal's scope; `write`
    asks for the right to change it, which supervisors and members do not have; `city` asks
    for the right to change what the whole city shares (roster.access.scope: Scope.manages_city)."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {unknown}")

    def decorate(view: View) -> View:
        @functools.wraps(view)
        async def guarded(request: web.Request) -> web.StreamResponse:
            principal = request.get(PRINCIPAL)
            if principal is None:
                raise web.HTTPFound(login_url(request))
            if roles and principal.role not in roles:
                raise web.HTTPForbidden()
            if unit:
                await require_unit(request, request.match_info[unit], write)
            if person:
                await require_person(request, request.match_info[person], write)
            if city and not (await scope_of(request)).manages_city:
                raise web.HTTPForbidden()
            return await view(request)

        guarded.allowed_roles = roles or ROLES  # type: ignore[attr-defined]
        return guarded

    return decorate


login_required = requires()


async def scope_of(request: web.Request) -> Scope:
    """The principal's scope, worked out once per request."""
    if SCOPE not in request:
        access = request.app[SERVICES].access
        request[SCOPE] = await asyncio.to_thread(access.scope_of, request.get(PRINCIPAL))
    return request[SCOPE]


async def require_unit(request: web.Request, unit_code: str, write: bool = False) -> None:
    """For views that learn the unit from data rather than from the URL."""
    scope = await scope_of(request)
    allowed = scope.manages_unit(unit_code) if write else scope.sees_unit(unit_code)
    if not allowed:
        raise web.HTTPForbidden()


async def require_person(request: web.Request, person_code: str, write: bool = False) -> None:
    access = request.app[SERVICES].access
    principal = request.get(PRINCIPAL)
    check = access.manages_person if write else access.sees_person
    if not await asyncio.to_thread(check, principal, person_code):
        raise web.HTTPForbidden()


# A longer way back would make the redirect's Location header too long for clients to read.
MAX_NEXT = 2000


def login_url(request: web.Request) -> str:
    target = request.path_qs if request.method == "GET" else "/"
    target = target if len(target) <= MAX_NEXT else request.path
    return "/login?" + urlencode({"next": target}, safe="/")


LANDING = "/today"
# Browsers drop tabs and newlines from a URL and read a backslash as `/`, so `/<tab>/evil` or
# `/<backslash>evil` would leave the site: a target with any such character is no path of ours.
UNSAFE = re.compile(r"[\\\s\x00-\x1f\x7f]")


def safe_next(target: str) -> str:
    """Only a path on this site (no open redirect): `//evil`, `/%09/evil.example`, `/\\evil`
    and `https://evil` all land on the start page instead."""
    if not target.startswith("/") or target.startswith("//") or UNSAFE.search(target):
        return LANDING
    # Percent-encode anything beyond ASCII, so no look-alike of `/` reaches the browser.
    target = quote(target, safe="/?&=%#:;@!$'()*+,~")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return LANDING
    return target
