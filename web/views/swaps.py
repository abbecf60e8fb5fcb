"""Swap requests in the web: a member asks from their duty's page, answers and withdraws on
/me/swaps; a unit's manager approves or rejects on /swaps?unit= and sets the unit's swap rules.
Each form sends back the version its record had; a stale or lost race is a 409 with the page as
it is now and the message."""

import asyncio

from aiohttp import web

from roster.errors import DomainError
from roster.swaps.commands import CONFLICTS
from web.auth.keys import PRINCIPAL
from web.auth.rules import require_unit, requires, scope_of
from web.i18n import LANG
from web.i18n import gettext as _
from web.keys import SERVICES
from web.render import render
from web.views.duties import render_duty
from web.views.stale import sent_version
from web.views.swap_forms import swap_section

REASON_MAX = 200


def _status(exc: DomainError) -> int:
    """A lost race or a step the request's state no longer allows is a conflict; the rest
    (a missing reason, a rule the swap would break) is a refused form."""
    return 409 if isinstance(exc, CONFLICTS) else 400


def _reason(form) -> str:
    return str(form.get("reason", "")).strip()[:REASON_MAX]


# --- asking, from the duty's page ---------------------------------------------------------


@requires("member")
async def ask(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    principal = request[PRINCIPAL]
    duty = await asyncio.to_thread(
        services.duties.duty, request.match_info["assignment_id"], principal.person_code
    )
    if duty is None:
        raise web.HTTPNotFound()
    if duty.person_code != principal.person_code:
        raise web.HTTPForbidden()
    form = await request.post()
    values = {k: str(form.get(k, "")).strip() for k in ("kind", "colleague", "colleague_duty")}
    values["reason"] = _reason(form)
    section = await swap_section(request, duty)
    if section is None:  # moved away or no longer published since the page was shown
        return await render_duty(request, 409, values, _("这项值班现在不能换班"))
    colleague = values["colleague"]
    if values["kind"] == "exchange":
        trade = next(
            (t for t in section.trades if t.assignment_id == values["colleague_duty"]), None
        )
        colleague = trade.person_code if trade else "-"  # "-": nobody; the domain says so
    try:
        await asyncio.to_thread(
            services.swaps.request, section.roster, duty.assignment_id, principal.person_code,
            principal.username, values["kind"], colleague, values["colleague_duty"],
            values["reason"], sent_version(form),
        )  # fmt: skip
    except DomainError as exc:
        return await render_duty(request, _status(exc), values, exc.text(request[LANG]))
    raise web.HTTPSeeOther(f"/duties/{duty.assignment_id}?asked=1#swap")


# --- the member's list --------------------------------------------------------------------


@requires("member")
async def my_swaps(request: web.Request) -> web.StreamResponse:
    return await render_mine(request)


async def render_mine(request: web.Request, status: int = 200, error: str = "") -> web.Response:
    services = request.app[SERVICES]
    me = request[PRINCIPAL].person_code
    county = await asyncio.to_thread(services.lookups.county_of_person, me) or ""
    mine = await asyncio.to_thread(services.swap_views.mine, me)
    offered = await asyncio.to_thread(services.swap_views.offered_to, me)
    open_here = await asyncio.to_thread(services.swap_views.open_for_unit, county)
    pool = [
        s for s in open_here if s.kind == "pool" and s.state == "requested" and s.requester != me
    ]
    return render(
        request, "swaps/mine.html", status=status, mine=mine, offered=offered, pool=pool,
        names=await _names(services, [*mine, *offered, *pool]), error=error, me=me,
        lang=request[LANG], done=request.query.get("done", ""),
    )  # fmt: skip


async def _names(services, lines) -> dict[str, str]:
    codes = {c for s in lines for c in (s.requester, s.colleague) if c}
    people = await asyncio.to_thread(services.lookups.people, codes)
    return {code: p.name for code, p in people.items()}


async def _line(request: web.Request):
    line = await asyncio.to_thread(request.app[SERVICES].swap_views.get, request.match_info["swap"])
    if line is None:
        raise web.HTTPNotFound()
    return line


async def _member_step(request: web.Request, allowed, step) -> web.StreamResponse:
    """One of the member's steps on a request they may act on; `step(services, line, me,
    username, reason, version)` runs the service."""
    line = await _line(request)
    principal = request[PRINCIPAL]
    if not await allowed(request, line, principal.person_code):
        raise web.HTTPForbidden()
    form = await request.post()
    services = request.app[SERVICES]
    try:
        await asyncio.to_thread(
            step, services, line, principal.person_code, principal.username, _reason(form),
            sent_version(form),
        )  # fmt: skip
    except DomainError as exc:
        return await render_mine(request, _status(exc), exc.text(request[LANG]))
    raise web.HTTPSeeOther(f"/me/swaps?done={request.match_info['swap']}")


async def _is_requester(request, line, me) -> bool:
    return line.requester == me


async def _may_accept(request, line, me) -> bool:
    return me == (line.requester if line.kind == "pool" else line.colleague)


async def _may_offer(request, line, me) -> bool:
    county = await asyncio.to_thread(request.app[SERVICES].lookups.county_of_person, me)
    return line.kind == "pool" and line.requester != me and county == line.unit_code


@requires("member")
async def withdraw(request: web.Request) -> web.StreamResponse:
    return await _member_step(
        request, _is_requester,
        lambda s, line, me, who, why, v: s.swaps.withdraw(line.id, me, who, why, v),
    )  # fmt: skip


@requires("member")
async def accept(request: web.Request) -> web.StreamResponse:
    return await _member_step(
        request, _may_accept,
        lambda s, line, me, who, why, v: s.swaps.accept(line.id, me, who, why, v),
    )  # fmt: skip


@requires("member")
async def offer(request: web.Request) -> web.StreamResponse:
    return await _member_step(
        request, _may_offer,
        lambda s, line, me, who, why, v: s.swaps.offer(line.id, me, who, why, v),
    )  # fmt: skip


# --- the manager's list -------------------------------------------------------------------


@requires("admin", "manager", "supervisor")
async def unit_swaps(request: web.Request) -> web.StreamResponse:
    return await render_unit(request, request.query.get("unit", ""))


async def render_unit(
    request: web.Request, unit: str, status: int = 200, error: str = "",
    rules_error: str = "",
) -> web.Response:  # fmt: skip
    services = request.app[SERVICES]
    principal = request[PRINCIPAL]
    if not unit:
        if len(principal.unit_codes) != 1:
            return render(request, "swaps/choose.html", units=principal.unit_codes)
        unit = principal.unit_codes[0]
    await require_unit(request, unit)
    rules = await asyncio.to_thread(services.swaps.rules, unit)
    if rules is None:
        raise web.HTTPNotFound()
    lines = await asyncio.to_thread(services.swap_views.open_for_unit, unit)
    info = await asyncio.to_thread(services.lookups.unit, unit)
    return render(
        request, "swaps/unit.html", status=status, unit=unit, lines=lines, rules=rules,
        unit_name=info.name if info else unit,
        names=await _names(services, lines), error=error, rules_error=rules_error,
        manages=(await scope_of(request)).manages_unit(unit), lang=request[LANG],
        done=request.query.get("done", ""),
    )  # fmt: skip


async def _manager_step(request: web.Request, step) -> web.StreamResponse:
    line = await _line(request)
    await require_unit(request, line.unit_code, write=True)
    form = await request.post()
    services = request.app[SERVICES]
    try:
        await asyncio.to_thread(
            step, services, line, request[PRINCIPAL].username, _reason(form), sent_version(form)
        )
    except DomainError as exc:
        return await render_unit(request, line.unit_code, _status(exc), exc.text(request[LANG]))
    raise web.HTTPSeeOther(f"/swaps?unit={line.unit_code}&done={line.id}")


@requires("admin", "manager")
async def approve(request: web.Request) -> web.StreamResponse:
    return await _manager_step(
        request, lambda s, line, who, why, v: s.swaps.approve(line.id, who, why, v)
    )


@requires("admin", "manager")
async def reject(request: web.Request) -> web.StreamResponse:
    return await _manager_step(
        request, lambda s, line, who, why, v: s.swaps.reject(line.id, who, why, v)
    )


@requires("admin", "manager")
async def set_rules(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    unit = str(form.get("unit", ""))
    await require_unit(request, unit, write=True)
    if await asyncio.to_thread(request.app[SERVICES].swaps.rules, unit) is None:
        raise web.HTTPNotFound()
    text = str(form.get("lead_hours", "")).strip()
    hours = int(text) if text.isascii() and text.isdigit() and len(text) < 6 else -1
    try:
        await asyncio.to_thread(
            request.app[SERVICES].swaps.set_rules, unit, form.get("auto_approve") == "on", hours,
            request[PRINCIPAL].username, _reason(form), sent_version(form),
        )  # fmt: skip
    except DomainError as exc:
        return await render_unit(request, unit, _status(exc), rules_error=exc.text(request[LANG]))
    raise web.HTTPSeeOther(f"/swaps?unit={unit}&done=rules")
