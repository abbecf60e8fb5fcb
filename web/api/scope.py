"""Who a token may read, by the same rules as the pages (roster/access.py via web.auth.rules).

A member's token reads what the member's Today page shows: published duties of their county,
and their own duties in full."""

import asyncio

from aiohttp import web

from roster.rosters.published import DutyLine
from web.api.errors import forbidden
from web.auth.keys import PRINCIPAL
from web.auth.rules import scope_of
from web.keys import SERVICES

DRAFT_READERS = ("admin", "manager", "supervisor")  # as on the roster pages
PRIVATE_READERS = ("admin", "manager")  # phone numbers and the like


async def member_county(request: web.Request) -> str | None:
    principal = request[PRINCIPAL]
    if principal.role != "member":
        return None
    lookups = request.app[SERVICES].lookups
    return await asyncio.to_thread(lookups.county_of_person, principal.person_code)


async def sees_unit(request: web.Request, unit_code: str) -> bool:
    county = await member_county(request)
    if county is not None:
        lookups = request.app[SERVICES].lookups
        return await asyncio.to_thread(lookups.county_of_unit, unit_code) == county
    return (await scope_of(request)).sees_unit(unit_code)


async def require_unit(request: web.Request, unit_code: str) -> None:
    if not await sees_unit(request, unit_code):
        raise forbidden()


async def visible(request: web.Request, lines: list[DutyLine]) -> list[DutyLine]:
    county = await member_county(request)
    if county is not None:
        return [line for line in lines if line.county_code == county]
    scope = await scope_of(request)
    return [line for line in lines if scope.sees_unit(line.unit_code)]


async def require_person(request: web.Request, person_code: str) -> None:
    access = request.app[SERVICES].access
    if not await asyncio.to_thread(access.sees_person, request[PRINCIPAL], person_code):
        raise forbidden()


def may_see_drafts(request: web.Request) -> bool:
    return request[PRINCIPAL].role in DRAFT_READERS


def may_see_private(request: web.Request) -> bool:
    return request[PRINCIPAL].role in PRIVATE_READERS
