"""Every role against every page that exists: allowed, refused (403) or sent to sign in (302),
never a crash. Scoped routes are checked through the same decorator the views use."""

import pytest
from aiohttp import web

from tests.e2e.auth_helpers import seed_city_with_accounts, sign_in
from web.app import create_app
from web.auth.rules import requires
from web.keys import SERVICES

ROLES = ("anonymous", "admin", "jiandu", "yutai", "sishui", "lvshi", "lingdao")
OK, LOGIN, NO = 200, 302, 403

NO_DUTY = "00000000-0000-0000-0000-000000000000"

# path → expected status per role, in the order of ROLES
MATRIX = {
    "/": (OK, OK, OK, OK, OK, OK, OK),
    "/health": (OK, OK, OK, OK, OK, OK, OK),
    "/login": (OK, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),  # signed in → on to /me
    "/me": (LOGIN, OK, OK, OK, OK, OK, OK),
    "/me/password": (LOGIN, OK, OK, OK, OK, OK, OK),
    "/accounts": (LOGIN, OK, NO, NO, NO, NO, NO),
    "/no/such/page": (404, 404, 404, 404, 404, 404, 404),
    "/rosters": (LOGIN, OK, OK, OK, OK, NO, NO),
    "/rosters/duty-lawyers/370827/2026-12": (LOGIN, OK, OK, OK, NO, NO, NO),
    "/rosters/duty-lawyers/370827/2026-12/changes": (LOGIN, OK, OK, OK, NO, NO, NO),
    "/rosters/duty-lawyers/370827/2026-12/progress": (LOGIN, OK, OK, OK, NO, NO, NO),
    # no such duty: 404 for those who may change the roster, refused before that for the rest
    "/rosters/duty-lawyers/370827/2026-12/duties/" + NO_DUTY + "/reassign": (
        (LOGIN, 404, NO, 404, NO, NO, NO)
    ),
    # members' and public pages (the duty page, with data, in test_member_pages_http.py)
    "/today": (LOGIN, OK, OK, OK, OK, OK, OK),
    "/me/duties": (LOGIN, NO, NO, NO, NO, OK, OK),
    "/duties/00000000-0000-0000-0000-000000000000": (LOGIN, 404, 404, 404, 404, 404, 404),
    "/calendar": (LOGIN, OK, OK, OK, OK, OK, OK),
    "/calendar?year=2027": (LOGIN, OK, OK, OK, OK, OK, OK),
    "/public/reception": (OK, OK, OK, OK, OK, OK, OK),
    "/public/villages/370827001001": (OK, OK, OK, OK, OK, OK, OK),
    "/public/villages/370827999999": (404, 404, 404, 404, 404, 404, 404),
    "/lobby/S0001": (OK, OK, OK, OK, OK, OK, OK),
    "/lobby/NOPE": (404, 404, 404, 404, 404, 404, 404),
    # people, stations, units, firms (L00051 is lvshi, of 鱼台县 370827) and the import
    "/people": (LOGIN, OK, OK, OK, OK, NO, NO),
    "/people?q=%E5%AE%8B&page=2": (LOGIN, OK, OK, OK, OK, NO, NO),
    "/people/L00051": (LOGIN, OK, OK, OK, NO, OK, NO),
    "/people/L00051/edit": (LOGIN, OK, NO, OK, NO, NO, NO),
    "/people/NOBODY": (LOGIN, 404, 404, NO, NO, NO, NO),
    "/stations": (LOGIN, OK, OK, OK, OK, NO, NO),
    "/stations/S0001": (LOGIN, OK, OK, OK, NO, NO, NO),
    "/stations/S0001/edit": (LOGIN, OK, NO, OK, NO, NO, NO),
    "/stations/NOPE": (LOGIN, 404, 404, 404, 404, NO, NO),
    "/units": (LOGIN, OK, OK, OK, OK, NO, NO),
    "/units/370827": (LOGIN, OK, OK, OK, NO, NO, NO),
    "/units/370827001001/edit": (LOGIN, OK, NO, OK, NO, NO, NO),
    "/firms": (LOGIN, OK, OK, OK, OK, NO, NO),
    "/firms/F0004": (LOGIN, OK, OK, OK, NO, NO, NO),
    "/import": (LOGIN, OK, NO, OK, OK, NO, NO),
    # the JSON API takes bearer tokens only: a signed-in session opens none of it
    "/api/v1/duties/today": (401, 401, 401, 401, 401, 401, 401),
    "/api/v1/openapi.json": (OK, OK, OK, OK, OK, OK, OK),
    # test routes below: see unit (370827 鱼台县) / change it / see a person (L9 of 泗水县)
    "/t/units/370827": (LOGIN, OK, OK, OK, NO, NO, NO),
    "/t/units/370827001": (LOGIN, OK, OK, OK, NO, NO, NO),
    "/t/units/370831": (LOGIN, OK, OK, NO, OK, NO, NO),
    "/t/units/370827/edit": (LOGIN, OK, NO, OK, NO, NO, NO),
    "/t/people/L9": (LOGIN, OK, OK, NO, OK, NO, NO),
}


@requires("admin", "manager", "supervisor", unit="code")
async def see_unit(request: web.Request) -> web.Response:
    return web.Response(text="unit")


@requires("admin", "manager", unit="code", write=True)
async def edit_unit(request: web.Request) -> web.Response:
    return web.Response(text="edit")


@requires(person="code")
async def see_person(request: web.Request) -> web.Response:
    return web.Response(text="person")


@pytest.fixture
async def app(sqlite_services):
    seed_city_with_accounts(sqlite_services)
    app = create_app(sqlite_services, sqlite_services.settings)
    app.router.add_get("/t/units/{code}", see_unit)
    app.router.add_get("/t/units/{code}/edit", edit_unit)
    app.router.add_get("/t/people/{code}", see_person)
    return app


@pytest.mark.parametrize("role", ROLES)
async def test_role_route_matrix(aiohttp_client, app, role):
    client = await aiohttp_client(app)
    if role != "anonymous":
        assert (await sign_in(client, role)).status == 302
    column = ROLES.index(role)
    got = {}
    for path in MATRIX:
        response = await client.get(path, allow_redirects=False)
        got[path] = response.status
        if response.status == LOGIN and role == "anonymous":
            assert response.headers["Location"].startswith("/login?next=")
        if response.status == NO:
            assert "无权访问" in await response.text()  # the error page, in the layout
    assert got == {path: expected[column] for path, expected in MATRIX.items()}


async def test_a_member_sees_only_their_own_person(aiohttp_client, app):
    client = await aiohttp_client(app)
    await sign_in(client, "lvshi")
    code = app[SERVICES].accounts.principal("lvshi").person_code
    assert f"<dd>{code}</dd>" in await (await client.get("/me")).text()
    assert (await client.get(f"/t/people/{code}", allow_redirects=False)).status == OK
    assert (await client.get("/t/people/L9", allow_redirects=False)).status == NO
