"""Every role against every page that exists: allowed, refused (403) or sent to sign in (302),
never a crash. Scoped routes are checked through the same decorator the views use. The POSTs
that change what the whole city shares (the working-day calendar, firm pairings, the import)
are tried by every role on both stores: allowed, or refused with nothing recorded."""

import pytest
from aiohttp import web

from tests.e2e.auth_helpers import seed_city_with_accounts, sign_in
from tests.e2e.shared_data_helpers import LAWYER_ROWS, last_event, post_as, seed_shared_data
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
    # swaps: a member's own list; a unit's requests for whoever sees the unit (a lone unit
    # is chosen for its manager; the rest pick one)
    "/me/swaps": (LOGIN, NO, NO, NO, NO, OK, OK),
    "/swaps": (LOGIN, OK, OK, OK, OK, NO, NO),
    "/swaps?unit=370827": (LOGIN, OK, OK, OK, NO, NO, NO),
    "/swaps?unit=999999": (LOGIN, 404, 404, NO, NO, NO, NO),  # the city supervisor sees all
    "/calendar": (LOGIN, OK, OK, OK, OK, OK, OK),
    "/calendar?year=2027": (LOGIN, OK, OK, OK, OK, OK, OK),
    # a county's local days: seen by whoever sees the county
    "/calendar?county=370827": (LOGIN, OK, OK, OK, NO, NO, NO),
    "/calendar?county=370827001": (LOGIN, 404, 404, 404, 404, 404, 404),  # not a county
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


# The POST matrix: admin, a manager of the city (jining), of 鱼台县 370827 (yutai), of 泗水县
# 370831 (sishui), the city's supervisor (jiandu) and a member (lvshi). Run in this order on
# fresh data per role, so a later POST may rely on an earlier allowed one (unconfirm a year
# just confirmed, end a pairing just made). The calendar's messages: test_calendar_scope_http.
POST_ROLES = ("admin", "jining", "yutai", "sishui", "jiandu", "lvshi")
DONE = 302
POSTS = (
    ("declare a city day", "/calendar/declare",
     {"day": "2027-03-01", "kind": "holiday", "name": "全市", "county": ""},
     (DONE, DONE, NO, NO, NO, NO)),
    ("declare a local day", "/calendar/declare",
     {"day": "2027-03-02", "kind": "holiday", "name": "县庆", "county": "370827"},
     (DONE, DONE, DONE, NO, NO, NO)),
    ("withdraw a city day", "/calendar/withdraw", {"day": "2027-02-06"},
     (DONE, DONE, NO, NO, NO, NO)),
    ("withdraw a local day", "/calendar/withdraw", {"day": "2027-02-08", "county": "370827"},
     (DONE, DONE, DONE, NO, NO, NO)),
    ("confirm a year", "/calendar/confirm", {"year": "2027"},
     (DONE, DONE, NO, NO, NO, NO)),
    ("unconfirm it", "/calendar/unconfirm", {"year": "2027", "reason": "提前确认"},
     (DONE, DONE, NO, NO, NO, NO)),
    ("pair a county's firm", "/firms/F0004/pairings", {"county_code": "370831", "reason": "支援"},
     (DONE, DONE, NO, NO, NO, NO)),
    ("end that pairing", "/firms/F0004/pairings/370831/end", {"reason": "结束"},
     (DONE, DONE, NO, NO, NO, NO)),
    ("import a firm of 鱼台县", "/import",
     {"firms": ("f.csv", "编码,名称,所属县区编码\nF0990,鱼台新所,370827\n")},
     (OK, OK, OK, 400, NO, NO)),
    ("import a lawyer into 鱼台县's firm", "/import", {"people": ("p.csv", LAWYER_ROWS)},
     (OK, OK, OK, 400, NO, NO)),
)  # fmt: skip


@pytest.fixture
def shared(services):
    seed_shared_data(services)
    return services


@pytest.mark.parametrize("role", POST_ROLES)
async def test_role_post_matrix_on_shared_data(aiohttp_client, shared, role):
    client = await aiohttp_client(create_app(shared, shared.settings))
    assert (await sign_in(client, role)).status == 302
    column = POST_ROLES.index(role)
    got, expected = {}, {}
    for what, path, data, statuses in POSTS:
        before = last_event(shared)
        response = await post_as(client, path, data)
        got[what], expected[what] = response.status, statuses[column]
        if response.status in (DONE, OK):
            assert last_event(shared) > before, what  # allowed: recorded
        else:
            assert last_event(shared) == before, what  # refused: nothing recorded
    assert got == expected
