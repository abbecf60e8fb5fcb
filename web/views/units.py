"""Units: the list, one unit's page (its parent, the units below it, a village's market days
and adviser), and the form for its name and a village's market days."""

import asyncio

from aiohttp import web

from roster.errors import DomainError, StaleWriteError
from roster.registry.importing.fields import FieldError, market_days, text
from web.auth.keys import PRINCIPAL
from web.auth.rules import requires, scope_of
from web.i18n import LANG
from web.i18n import gettext as _
from web.keys import SERVICES
from web.render import render
from web.views.registry_pages import LIST_ROLES, form_of, list_view, read_reason
from web.views.stale import sent_version

units_list = list_view("units")


async def load(request: web.Request) -> dict:
    unit = await asyncio.to_thread(
        request.app[SERVICES].registry_views.unit, request.match_info["code"]
    )
    if unit is None:
        raise web.HTTPNotFound()
    return unit


@requires(*LIST_ROLES, unit="code")
async def unit_page(request: web.Request) -> web.StreamResponse:
    unit = await load(request)
    scope = await scope_of(request)
    return render(
        request, "units/detail.html", unit=unit, may_change=scope.manages_unit(unit["code"])
    )


@requires("admin", "manager", unit="code", write=True)
async def edit_form(request: web.Request) -> web.StreamResponse:
    unit = await load(request)
    return render(request, "units/edit.html", unit=unit, form=_current(unit), errors={})


def _current(unit: dict) -> dict:
    """The form as the record is now, with the version it is rendered from."""
    form = {"name": unit["name"], "office_name": unit["office_name"], "version": unit["version"]}
    form["market_days"] = unit["market_label"] or ",".join(map(str, unit["market_days"]))
    return form


@requires("admin", "manager", unit="code", write=True)
async def edit(request: web.Request) -> web.StreamResponse:
    unit = await load(request)
    form = form_of(await request.post())
    errors: dict[str, str] = {}
    days, label = (), ""
    try:
        text(form.get("name", ""), "name", 60)
    except FieldError as exc:
        errors["name"] = exc.message
    if len(form.get("office_name", "")) > 60:
        errors["office_name"] = _("机构名称不能超过 60 字")
    village = unit["kind"] == "village"
    if village and form.get("market_days"):
        try:
            days, label = market_days(form["market_days"], "market_days")
        except FieldError as exc:
            errors["market_days"] = exc.message
    reason = read_reason(form, errors)
    if not errors:
        registry = request.app[SERVICES].registry
        actor = request[PRINCIPAL].username
        try:
            await asyncio.to_thread(
                registry.edit_unit, unit["code"], form["name"], form.get("office_name", ""),
                (days, label) if village else None, actor, reason, sent_version(form),
            )  # fmt: skip
        except StaleWriteError as exc:
            current = await load(request)
            errors = {"stale": exc.text(request[LANG])}
            form = {**_current(current), "reason": reason}
            return render(
                request, "units/edit.html", status=409, unit=current, form=form, errors=errors
            )
        except DomainError as exc:
            errors["market_days"] = exc.text(request[LANG])
        else:
            raise web.HTTPFound(f"/units/{unit['code']}?done=saved")
    return render(request, "units/edit.html", status=400, unit=unit, form=form, errors=errors)
