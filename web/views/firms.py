"""Law firms: the list, one firm's page (its lawyers and the counties it is paired with), and
pairing a firm with a county or ending a pairing. Pairing sends lawyers across county lines,
so it is the city level's (administrators, managers of the city), never one county's."""

import asyncio

from aiohttp import web

from roster.errors import DomainError, StaleWriteError
from web.auth.keys import PRINCIPAL
from web.auth.rules import requires, scope_of
from web.i18n import LANG
from web.i18n import gettext as _
from web.keys import SERVICES
from web.render import render
from web.views.registry_pages import LIST_ROLES, form_of, list_view, read_reason
from web.views.stale import sent_version

firms_list = list_view("firms")


async def load(request: web.Request, write: bool = False) -> dict:
    """A firm is seen by whoever sees its county or a county it serves; it is changed by
    whoever manages its own county (pairings: see the module's note)."""
    views = request.app[SERVICES].registry_views
    firm = await asyncio.to_thread(views.firm, request.match_info["code"])
    if firm is None:
        raise web.HTTPNotFound()
    scope = await scope_of(request)
    if write and not scope.manages_unit(firm["county_code"]):
        raise web.HTTPForbidden()
    counties = await asyncio.to_thread(views.firm_counties, firm["code"])
    if not any(scope.sees_unit(c) for c in counties):
        raise web.HTTPForbidden()
    return firm


@requires(*LIST_ROLES)
async def firm_page(request: web.Request) -> web.StreamResponse:
    return await render_firm(request)


async def render_firm(
    request: web.Request, status: int = 200, form: dict | None = None,
    errors: dict | None = None,
) -> web.Response:  # fmt: skip
    firm = await load(request)
    scope = await scope_of(request)
    may_change = scope.manages_city
    counties = []
    if may_change:
        paired = {p["code"] for p in firm["paired"]} | {firm["county_code"]}
        every = await asyncio.to_thread(request.app[SERVICES].registry_views.counties)
        counties = [c for c in every if c["code"] not in paired]
    return render(
        request, "firms/detail.html", status=status, firm=firm, may_change=may_change,
        counties=counties, form=form or {}, errors=errors or {},
    )  # fmt: skip


@requires("admin", "manager", city=True)
async def pair(request: web.Request) -> web.StreamResponse:
    firm = await load(request, write=True)
    form = form_of(await request.post())
    errors: dict[str, str] = {}
    county = form.get("county_code", "")
    if not county:
        errors["county_code"] = _("请选择县区")
    reason = read_reason(form, errors)
    if not errors:
        try:
            await asyncio.to_thread(
                request.app[SERVICES].registry.pair_firm, firm["code"], county,
                request[PRINCIPAL].username, reason, sent_version(form),
            )  # fmt: skip
        except StaleWriteError as exc:  # the page again, as the firm is now
            return await render_firm(request, 409, {"reason": reason}, _stale(request, exc))
        except DomainError as exc:
            errors["county_code"] = exc.text(request[LANG])
        else:
            raise web.HTTPFound(f"/firms/{firm['code']}?done=paired")
    return await render_firm(request, 400, form, errors)


@requires("admin", "manager", city=True)
async def end_pairing(request: web.Request) -> web.StreamResponse:
    firm = await load(request, write=True)
    county = request.match_info["county"]
    if county not in {p["code"] for p in firm["paired"]}:
        raise web.HTTPNotFound()
    form = form_of(await request.post())
    errors: dict[str, str] = {}
    reason = read_reason(form, errors)
    if errors:
        return await render_firm(request, 400, form, {"end_reason": errors["reason"]})
    try:
        await asyncio.to_thread(
            request.app[SERVICES].registry.end_firm_pairing, firm["code"], county,
            request[PRINCIPAL].username, reason, sent_version(form),
        )  # fmt: skip
    except StaleWriteError as exc:
        return await render_firm(request, 409, {}, _stale(request, exc))
    raise web.HTTPFound(f"/firms/{firm['code']}?done=ended")


def _stale(request: web.Request, exc: StaleWriteError) -> dict[str, str]:
    return {"stale": exc.text(request[LANG])}
