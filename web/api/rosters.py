"""Rosters: the list by kind, unit and month, and one roster's duties.

Published duties for every reader; the working draft too for the roles that see drafts on
the pages (administrators, managers, supervisors). A member's token sees only published
rosters of their own county."""

import asyncio

from aiohttp import web

from roster.access.scope import Scope
from roster.errors import DomainError
from roster.rosters.queries import RosterRow
from web import params as checks
from web.api import params, scope, shapes
from web.api.errors import bad_request, forbidden, not_found
from web.api.respond import json_response
from web.auth.rules import scope_of
from web.keys import SERVICES
from web.views.rosters import KIND, MONTH, UNIT

ROSTER_PATH = f"/rosters/{KIND}/{UNIT}/{MONTH}"
CITY = Scope(everything=True)


async def roster_list(request: web.Request) -> web.Response:
    params.known_params(request, "kind", "unit", "month")
    kind = params.kind(request)
    unit_code = params.unit(request)
    month = params.month(request, default=f"{params.today():%Y-%m}")
    services = request.app[SERVICES]
    unit = None
    if unit_code:
        unit = await asyncio.to_thread(services.lookups.unit, unit_code)
        if unit is None:
            raise not_found(f"找不到单位“{unit_code}”", f"Unknown unit '{unit_code}'")
        await scope.require_unit(request, unit_code)
    county = await scope.member_county(request)
    # A member has no unit scope of their own: list the city, then keep their county.
    seen = await scope_of(request) if county is None else CITY
    try:
        rows = await asyncio.to_thread(services.roster_views.rosters, seen, month, kind)
    except DomainError as exc:
        raise bad_request(exc.message, exc.message_en) from None
    units = await asyncio.to_thread(services.lookups.units, {r.unit_code for r in rows})
    counties = {code: unit.county_code for code, unit in units.items()}
    if county is not None:
        rows = [r for r in rows if counties.get(r.unit_code) == county and r.published_version]
    if unit is not None and unit.kind != "city":
        rows = [r for r in rows if unit_code in (r.unit_code, counties.get(r.unit_code))]
    return json_response({"month": month, "rosters": [shapes.roster_row(r) for r in rows]})


async def roster_detail(request: web.Request) -> web.Response:
    row = await _row(request)
    await scope.require_unit(request, row.unit_code)
    drafts = scope.may_see_drafts(request)
    if not drafts and not row.published_version:
        raise forbidden()  # a member may read only what has been published
    services = request.app[SERVICES]
    published = await asyncio.to_thread(
        services.duties.of_roster, row.kind, row.unit_code, row.month
    )
    draft = None
    if drafts and row.state == "draft":
        grid = await asyncio.to_thread(services.roster_views.grid, row)
        cells = sorted(grid.cells.items(), key=lambda item: (item[0][1], item[0][0]))
        draft = [shapes.draft_duty(d) for _, cell in cells for d in cell]
    body = {
        "roster": shapes.roster_row(row),
        "published": [shapes.duty(line) for line in published],
        "draft": draft,
    }
    return json_response(body)


async def _row(request: web.Request) -> RosterRow:
    params.known_params(request)
    m = request.match_info
    views = request.app[SERVICES].roster_views
    month = checks.month(m["month"])
    try:
        row = await asyncio.to_thread(views.row, m["kind"], m["unit"], month)
    except DomainError as exc:
        raise bad_request(exc.message, exc.message_en) from None
    if row is None:
        raise not_found("找不到该排班表", "No such roster")
    return row
