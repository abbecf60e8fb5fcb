"""The JSON API under /api/v1 for the city's other platforms: a sub-application with its own
bearer-token authentication and JSON errors, mounted by web/app.py."""

from aiohttp import web

from roster.services import Services
from web.api import duties, openapi, rosters
from web.api.auth import bearer_middleware
from web.api.errors import api_error_middleware
from web.keys import SERVICES

PREFIX = "/api/v1"

ROUTES = [
    web.get("/openapi.json", openapi.openapi_json, name="api_openapi"),
    web.get("/duties/today", duties.today, name="api_duties_today"),
    web.get("/rosters", rosters.roster_list, name="api_rosters"),
    web.get(rosters.ROSTER_PATH, rosters.roster_detail, name="api_roster"),
    web.get(
        "/stations/{code:[A-Za-z0-9_-]{1,40}}/on-duty",
        duties.station_on_duty,
        name="api_station_on_duty",
    ),
    web.get(
        "/people/{code:[A-Za-z0-9_-]{1,40}}/duties", duties.person_duties, name="api_person_duties"
    ),
]


def create_api(services: Services) -> web.Application:
    api = web.Application(middlewares=[api_error_middleware, bearer_middleware])
    api[SERVICES] = services
    api.add_routes(ROUTES)
    return api
