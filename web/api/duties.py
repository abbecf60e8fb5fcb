"""Published duties: today's, at a station on a day, and one person's between two days."""

import asyncio

from aiohttp import web

from roster.rosters.published import DutyLine
from web.api import params, scope, shapes
from web.api.errors import not_found
from web.api.respond import json_response
from web.keys import SERVICES


async def today(request: web.Request) -> web.Response:
    params.known_params(request, "unit")
    unit_code = params.unit(request)
    services = request.app[SERVICES]
    day = params.today()
    lines = await asyncio.to_thread(services.duties.on_days, day, day)
    if unit_code:
        unit = await asyncio.to_thread(services.lookups.unit, unit_code)
        if unit is None:
            raise not_found(f"找不到单位“{unit_code}”", f"Unknown unit '{unit_code}'")
        await scope.require_unit(request, unit_code)
        if unit.kind != "city":
            lines = [x for x in lines if unit_code in (x.unit_code, x.county_code)]
    lines = await scope.visible(request, lines)
    return json_response({"date": day.isoformat(), "duties": _duties(lines)})


async def station_on_duty(request: web.Request) -> web.Response:
    params.known_params(request, "date")
    code = request.match_info["code"]
    day = params.day(request, "date", params.today())
    services = request.app[SERVICES]
    station = await asyncio.to_thread(services.lookups.station, code)
    if station is None:
        raise not_found(f"找不到值班点“{code}”", f"Unknown station '{code}'")
    await scope.require_unit(request, station.unit_code)
    lines = await asyncio.to_thread(services.duties.at_station, code, day)
    body = {
        "station": {
            "code": station.code, "name": station.name, "kind": station.kind,
            "unit_code": station.unit_code, "address": station.address, "phone": station.phone,
        },
        "date": day.isoformat(),
        "duties": _duties(lines),
    }  # fmt: skip
    return json_response(body)


async def person_duties(request: web.Request) -> web.Response:
    params.known_params(request, "from", "to")
    code = request.match_info["code"]
    first, last = params.date_range(request)
    services = request.app[SERVICES]
    card = await asyncio.to_thread(services.lookups.person_card, code)
    if card is None:
        raise not_found(f"找不到人员“{code}”", f"Unknown person '{code}'")
    await scope.require_person(request, code)
    lines = await asyncio.to_thread(services.duties.of_person, code, first, last)
    body = {
        "person": shapes.person(card, private=scope.may_see_private(request)),
        "from": first.isoformat(),
        "to": last.isoformat(),
        "duties": _duties(lines),
    }
    return json_response(body)


def _duties(lines: list[DutyLine]) -> list[dict]:
    return [shapes.duty(line) for line in lines]
