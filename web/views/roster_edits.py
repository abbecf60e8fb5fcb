"""Change a roster by hand: reassign one duty (the checker's verdict shown before saving), and
publish. A refused form comes back with the message beside its field and nothing saved."""

import asyncio

from aiohttp import web

from roster.errors import DomainError, StaleWriteError
from roster.planning.verdict import ReasonMissingError
from web.auth.keys import PRINCIPAL
from web.auth.rules import requires
from web.i18n import LANG
from web.keys import SERVICES
from web.render import render
from web.views.roster_format import HELPERS
from web.views.rosters import kind_name, roster_row, roster_url, show_grid
from web.views.stale import sent_version

REASON_MAX = 200


async def _duty(request: web.Request, row, missing: bool = False):
    duty = await asyncio.to_thread(
        request.app[SERVICES].roster_views.duty, row, request.match_info["duty"]
    )
    if duty is None and not missing:
        raise web.HTTPNotFound()
    return duty


@requires("admin", "manager", unit="unit", write=True)
async def reassign_form(request: web.Request) -> web.Response:
    row = await roster_row(request)
    duty = await _duty(request, row)
    person = request.query.get("person", "")
    return await _show(request, row, duty, person, reason="", version=duty.version)


@requires("admin", "manager", unit="unit", write=True)
async def reassign(request: web.Request) -> web.StreamResponse:
    row = await roster_row(request)
    duty = await _duty(request, row)
    form = await request.post()
    person = str(form.get("person", "")).strip()
    reason = str(form.get("reason", "")).strip()[:REASON_MAX]
    version = sent_version(form)  # the duty's, as the form showed it
    services = request.app[SERVICES]
    try:
        verdict = await asyncio.to_thread(
            services.reassignments.reassign, row.kind, row.unit_code, row.month, duty.id,
            person, request[PRINCIPAL].username, reason, version,
        )  # fmt: skip
    except StaleWriteError as exc:
        return await _show_current(request, exc.text(request[LANG]), reason)
    except DomainError as exc:
        field = "reason" if isinstance(exc, ReasonMissingError) else "person"
        errors = {field: exc.text(request[LANG])}
        return await _show(request, row, duty, person, reason, version, errors, status=400)
    if not verdict.allowed:
        return await _show(request, row, duty, person, reason, version, status=409)
    raise web.HTTPSeeOther(roster_url(row) + "?changed=" + duty.id)


async def _show_current(request: web.Request, message: str, reason: str) -> web.Response:
    """Someone changed the duty first: 409, the duty as it is now (or the grid, if it is
    gone), and nobody chosen yet, so the next save is a decision made on what is shown."""
    row = await roster_row(request)
    duty = await _duty(request, row, missing=True)
    if duty is None:
        return await show_grid(request, row, status=409, error=message)
    errors = {"stale": message}
    return await _show(request, row, duty, "", reason, duty.version, errors, status=409)


async def _show(
    request: web.Request, row, duty, person: str, reason: str, version: int,
    errors: dict | None = None, status: int = 200,
) -> web.Response:  # fmt: skip
    errors = dict(errors or {})
    reassignments = request.app[SERVICES].reassignments
    try:
        verdict = await asyncio.to_thread(
            reassignments.verdict, row.kind, row.unit_code, row.month, duty.id, person
        )
    except DomainError as exc:  # a person not eligible: ask again, showing who is
        errors.setdefault("person", exc.text(request[LANG]))
        verdict = await asyncio.to_thread(
            reassignments.verdict, row.kind, row.unit_code, row.month, duty.id
        )
        status = status if status != 200 else 400
    return render(
        request, "rosters/reassign.html", **HELPERS, status=status, row=row, duty=duty, verdict=verdict,
        reason=reason, version=version, errors=errors, url=roster_url(row), kind_name=kind_name,
        lang=request[LANG],
    )  # fmt: skip


@requires("admin", "manager", unit="unit", write=True)
async def publish(request: web.Request) -> web.StreamResponse:
    row = await roster_row(request)
    form = await request.post()
    reason = str(form.get("reason", "")).strip()[:REASON_MAX]
    rosters = request.app[SERVICES].rosters
    try:
        version = await asyncio.to_thread(
            rosters.publish, row.kind, row.unit_code, row.month,
            request[PRINCIPAL].username, reason, sent_version(form),
        )  # fmt: skip
    except StaleWriteError as exc:  # changed since the grid was shown: show it as it is now
        current = await roster_row(request)
        return await show_grid(request, current, status=409, error=exc.text(request[LANG]))
    except DomainError as exc:
        return await show_grid(request, row, status=409, error=exc.text(request[LANG]))
    raise web.HTTPSeeOther(f"{roster_url(row)}?published={version}")
