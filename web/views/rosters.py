"""Rosters: the list by kind, unit and month, the month grid, and the changes since publishing.

Drafting lives in roster_drafting.py; reassigning and publishing in roster_edits.py.
"""

import asyncio
from datetime import datetime

from aiohttp import web

from roster.errors import DomainError
from roster.rosters.queries import RosterRow
from roster.vocabulary import ROSTER_KINDS
from web import params
from web.auth.rules import requires, scope_of
from web.i18n import LANG, TIME_ZONE
from web.i18n import gettext as _
from web.keys import SERVICES
from web.render import render
from web.views.roster_format import HELPERS

# The URL pieces every roster page shares (the route table uses them too).
KIND = "{kind:reception|duty-lawyers|adviser-circuits}"
UNIT = "{unit:[0-9]{6,12}}"
MONTH = "{month:[0-9]{4}-[0-9]{2}}"
ROSTER = f"/rosters/{KIND}/{UNIT}/{MONTH}"


def next_month() -> str:
    today = datetime.now(TIME_ZONE).date()
    return f"{today.year + today.month // 12}-{today.month % 12 + 1:02d}"


def roster_url(row: RosterRow) -> str:
    return f"/rosters/{row.kind}/{row.unit_code}/{row.month}"


def kind_name(kind: str, lang: str) -> str:
    zh, en = ROSTER_KINDS[kind]
    return en if lang == "en" else zh


async def roster_row(request: web.Request) -> RosterRow:
    """The roster the URL names, or 404 (a month out of range, a unit with nothing of this
    kind): a path that names nothing is not found, whatever is wrong with it."""
    views = request.app[SERVICES].roster_views
    m = request.match_info
    try:
        month = params.month(m["month"])
        row = await asyncio.to_thread(views.row, m["kind"], m["unit"], month)
    except (params.BadParameter, DomainError):
        row = None
    if row is None:
        raise web.HTTPNotFound()
    return row


async def can_change(request: web.Request, row: RosterRow) -> bool:
    return (await scope_of(request)).manages_unit(row.unit_code)


@requires("admin", "manager", "supervisor")
async def roster_list(request: web.Request) -> web.Response:
    month = request.query.get("month", "") or next_month()
    kind = request.query.get("kind", "")
    errors = {}  # a filter form: a bad value is shown beside its field, the list stays
    if kind and kind not in ROSTER_KINDS:
        errors["kind"], kind = _("没有这种排班类型"), ""
    try:
        params.month(month)
    except params.BadParameter as exc:
        errors["month"], month = exc.text(request[LANG]), next_month()
    scope = await scope_of(request)
    rows = await asyncio.to_thread(request.app[SERVICES].roster_views.rosters, scope, month, kind)
    return render(
        request, "rosters/list.html", **HELPERS, status=400 if errors else 200, rows=rows, month=month,
        kind=kind, kinds=ROSTER_KINDS, errors=errors, kind_name=kind_name, roster_url=roster_url,
    )  # fmt: skip


@requires("admin", "manager", "supervisor", unit="unit")
async def roster_grid(request: web.Request) -> web.Response:
    return await show_grid(request, await roster_row(request))


async def show_grid(
    request: web.Request, row: RosterRow, status: int = 200, error: str = ""
) -> web.Response:
    services = request.app[SERVICES]
    grid = await asyncio.to_thread(services.roster_views.grid, row)
    changes = None
    if row.state == "draft" and row.published_version:
        changes = len(await asyncio.to_thread(services.roster_views.changes, row))
    job = services.drafting.get(row.kind, row.unit_code, row.month)
    return render(
        request, "rosters/grid.html", **HELPERS, status=status, grid=grid, row=row,
        job=job.snapshot() if job else None, can_change=await can_change(request, row), error=error,
        published=request.query.get("published", ""), changes=changes, kind_name=kind_name,
        url=roster_url(row), lang=request[LANG],
    )  # fmt: skip


@requires("admin", "manager", "supervisor", unit="unit")
async def roster_changes(request: web.Request) -> web.Response:
    row = await roster_row(request)
    changes = await asyncio.to_thread(request.app[SERVICES].roster_views.changes, row)
    return render(
        request, "rosters/changes.html", **HELPERS, row=row, changes=changes, kind_name=kind_name,
        url=roster_url(row), lang=request[LANG],
    )  # fmt: skip
