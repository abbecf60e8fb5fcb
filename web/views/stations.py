"""Stations: the list, one station's page, and the form for its details and duty demand."""

import asyncio

from aiohttp import web

from roster.errors import DomainError, StaleWriteError
from roster.registry.importing.fields import FieldError, demand, phone, text
from roster.vocabulary import DAY_TYPE_NAMES, shift_name
from web.auth.keys import PRINCIPAL
from web.auth.rules import require_unit, requires, scope_of
from web.i18n import LANG
from web.keys import SERVICES
from web.render import render
from web.views.registry_pages import LIST_ROLES, form_of, list_view, read_reason
from web.views.stale import sent_version

stations_list = list_view("stations")


def demand_text(wanted: list[tuple[str, str, int]]) -> str:
    """The demand as the import files write it (in Chinese), so the form and files read alike."""
    return "; ".join(f"{DAY_TYPE_NAMES.get(d, (d,))[0]}:{shift_name(s)}:{n}" for d, s, n in wanted)


async def load(request: web.Request, write: bool = False) -> dict:
    station = await asyncio.to_thread(
        request.app[SERVICES].registry_views.station, request.match_info["code"]
    )
    if station is None:
        raise web.HTTPNotFound()
    await require_unit(request, station["unit_code"], write)
    return station


@requires(*LIST_ROLES)
async def station_page(request: web.Request) -> web.StreamResponse:
    station = await load(request)
    scope = await scope_of(request)
    return render(
        request, "stations/detail.html", station=station, demand=demand_text(station["demand"]),
        may_change=scope.manages_unit(station["unit_code"]),
    )  # fmt: skip


@requires("admin", "manager")
async def edit_form(request: web.Request) -> web.StreamResponse:
    station = await load(request, write=True)
    return render(request, "stations/edit.html", station=station, form=_current(station), errors={})


def _current(station: dict) -> dict:
    """The form as the record is now, with the version it is rendered from."""
    form = {k: station[k] for k in ("name", "address", "phone", "version")}
    form["demand"] = demand_text(station["demand"])
    return form


@requires("admin", "manager")
async def edit(request: web.Request) -> web.StreamResponse:
    station = await load(request, write=True)
    form = form_of(await request.post())
    errors: dict[str, str] = {}
    checks = {
        "name": lambda v: text(v, "name", 60),
        "address": lambda v: text(v, "address", 120),
        "phone": lambda v: phone(v, "phone"),
        "demand": lambda v: demand(v, "demand"),
    }
    values = {}
    for name, check in checks.items():
        try:
            values[name] = check(form.get(name, ""))
        except FieldError as exc:
            errors[name] = exc.message
    reason = read_reason(form, errors)
    if not errors:
        registry = request.app[SERVICES].registry
        actor = request[PRINCIPAL].username
        try:
            await asyncio.to_thread(
                registry.edit_station, station["code"], values["name"], values["address"],
                values["phone"], values["demand"], actor, reason, sent_version(form),
            )  # fmt: skip
        except StaleWriteError as exc:
            current = await load(request, write=True)
            errors = {"stale": exc.text(request[LANG])}
            form = {**_current(current), "reason": reason}
            return render(
                request, "stations/edit.html", status=409, station=current, form=form,
                errors=errors,
            )  # fmt: skip
        except DomainError as exc:
            errors["demand"] = exc.text(request[LANG])
        else:
            raise web.HTTPFound(f"/stations/{station['code']}?done=saved")
    return render(
        request, "stations/edit.html", status=400, station=station, form=form, errors=errors
    )
