"""The JSON API over HTTP: bearer tokens only, the pages' role and unit scoping, JSON errors,
and the OpenAPI document checked against the router and against real responses."""

import re

import pytest
from jsonschema import Draft202012Validator

from tests.e2e.auth_helpers import seed_city_with_accounts, sign_in
from tests.e2e.member_pages_helpers import (
    COUNTY,
    DETENTION,
    DRAFT_ONLY_LAWYER,
    LAWYER,
    publish_around_today,
    today,
)
from web.api import PREFIX, create_api
from web.api.openapi import DOCUMENT
from web.app import create_app

USERS = ("admin", "jiandu", "yutai", "sishui", "lvshi", "lingdao")
MONTH = f"{today():%Y-%m}"
ROSTER = f"/api/v1/rosters/duty-lawyers/{COUNTY}/{MONTH}"


@pytest.fixture
def services(sqlite_services):
    seed_city_with_accounts(sqlite_services)
    publish_around_today(sqlite_services)
    sqlite_services.tokens = {
        user: sqlite_services.api_tokens.issue(user, f"测试 {user}", "test").token for user in USERS
    }
    return sqlite_services


@pytest.fixture
async def api(aiohttp_client, services):
    client = await aiohttp_client(create_app(services, services.settings))

    async def get(path: str, user: str | None = None, token: str = ""):
        token = token or (services.tokens[user] if user else "")
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = await client.get(path, headers=headers)
        assert response.content_type == "application/json", (path, response.status)
        body = await response.json()
        check_against_document(path, response.status, body)
        return response.status, body

    get.client = client
    return get


def check_against_document(path: str, status: int, body: dict) -> None:
    """The body must match the schema the document gives for this path and status."""
    template = documented_path(path.split("?")[0][len(PREFIX) :])
    if template is None:  # no such route: still an error in the documented shape
        assert status in (401, 404)
        schema = {"$ref": "#/components/schemas/Error"}
    else:
        response = DOCUMENT["paths"][template]["get"]["responses"][str(status)]
        schema = response["content"]["application/json"]["schema"]
    validator = Draft202012Validator({**schema, "components": DOCUMENT["components"]})
    validator.validate(body)


def documented_path(path: str) -> str | None:
    for template in DOCUMENT["paths"]:
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path):
            return template
    return None


def test_every_route_is_documented_and_nothing_else(sqlite_services):
    router = create_api(sqlite_services).router
    routed = {
        re.sub(r"\{(\w+)(:[^}]*)?\}", r"{\1}", r.resource.canonical)
        for r in router.routes()
        if r.method != "HEAD"
    }
    assert routed == set(DOCUMENT["paths"])
    for template, item in DOCUMENT["paths"].items():
        names = set(re.findall(r"\{(\w+)\}", template))
        declared = {p["name"] for p in item["get"].get("parameters", []) if p["in"] == "path"}
        assert names == declared, template
    Draft202012Validator.check_schema({"components": DOCUMENT["components"]})


# every API route × every token's account → status (the pages' matrix, for machine clients)
MATRIX = {
    "/api/v1/duties/today": (200, 200, 200, 200, 200, 200),
    f"/api/v1/duties/today?unit={COUNTY}": (200, 200, 200, 403, 200, 200),
    f"/api/v1/rosters?month={MONTH}": (200, 200, 200, 200, 200, 200),
    ROSTER: (200, 200, 200, 403, 200, 200),
    f"/api/v1/stations/{DETENTION}/on-duty": (200, 200, 200, 403, 200, 200),
    f"/api/v1/people/{LAWYER}/duties": (200, 200, 200, 403, 200, 403),
}


@pytest.mark.parametrize("user", USERS)
async def test_token_route_matrix(api, user):
    column = USERS.index(user)
    got = {path: (await api(path, user))[0] for path in MATRIX}
    assert got == {path: expected[column] for path, expected in MATRIX.items()}


async def test_openapi_document_is_served_without_a_token(api):
    status, body = await api("/api/v1/openapi.json")
    assert status == 200 and body["openapi"] == "3.1.0" and body == DOCUMENT
    response = await api.client.get("/api/v1/openapi.json")
    assert response.headers["Cache-Control"] == "no-store"
    assert "热线" in await response.text()  # Chinese as it is, not \u escapes


async def test_no_token_a_wrong_token_or_a_session_cookie_is_401(api):
    assert (await api("/api/v1/duties/today"))[0] == 401
    status, body = await api("/api/v1/duties/today", token="rst_" + "x" * 40)
    assert status == 401 and body["error"]["code"] == "unauthorized"
    assert body["error"]["message"] and body["error"]["message_en"]
    # A signed-in browser session does not open the API (no cookie auth, so no CSRF risk).
    assert (await sign_in(api.client, "admin")).status == 302
    assert (await api("/api/v1/duties/today"))[0] == 401


async def test_a_revoked_token_is_refused_at_once(api, services):
    assert (await api("/api/v1/duties/today", "yutai"))[0] == 200
    row = next(r for r in services.api_tokens.all() if r.owner == "yutai")
    services.api_tokens.revoke(row.id, "test", "合同到期")
    assert (await api("/api/v1/duties/today", "yutai"))[0] == 401


async def test_a_disabled_owner_ends_the_token(api, services):
    services.accounts.disable("lvshi", "test", "离职")
    assert (await api("/api/v1/duties/today", "lvshi"))[0] == 401


async def test_todays_duties_by_scope(api):
    status, body = await api("/api/v1/duties/today", "admin")
    assert status == 200 and body["date"] == today().isoformat()
    people = {d["person_code"] for d in body["duties"]}
    assert LAWYER in people and DRAFT_ONLY_LAWYER not in people  # published only
    assert (await api(f"/api/v1/duties/today?unit={COUNTY}", "yutai"))[1]["duties"]
    assert (await api("/api/v1/duties/today", "sishui"))[1]["duties"] == []
    assert (await api(f"/api/v1/duties/today?unit={COUNTY}", "sishui"))[0] == 403
    assert (await api("/api/v1/duties/today", "lvshi"))[1]["duties"]  # the member's county


@pytest.mark.parametrize(
    "query",
    ["unit=abc", "unit=12", "bogus=1", "date=2026-12-01", "unit=370827&unit=x'--"],
)
async def test_bad_query_parameters_are_400(api, query):
    status, body = await api(f"/api/v1/duties/today?{query}", "admin")
    assert status == 400 and body["error"]["message_en"]


async def test_unknown_unit_and_unknown_route_are_404(api):
    assert (await api("/api/v1/duties/today?unit=999999", "admin"))[0] == 404
    assert (await api("/api/v1/no/such/thing", "admin"))[0] == 404


async def test_other_methods_are_405_in_json(api, services):
    headers = {"Authorization": f"Bearer {services.tokens['admin']}"}
    response = await api.client.post("/api/v1/duties/today", headers=headers)
    assert response.status == 405 and "GET" in response.headers["Allow"]
    assert (await response.json())["error"]["code"] == "method_not_allowed"


async def test_rosters_list(api):
    status, body = await api(f"/api/v1/rosters?kind=duty-lawyers&month={MONTH}", "yutai")
    assert status == 200
    assert {(r["kind"], r["unit_code"]) for r in body["rosters"]} == {("duty-lawyers", COUNTY)}
    assert (await api(f"/api/v1/rosters?unit={COUNTY}&month={MONTH}", "sishui"))[0] == 403
    member = (await api(f"/api/v1/rosters?month={MONTH}", "lvshi"))[1]["rosters"]
    assert member and all(r["published_version"] for r in member)
    for query in ("month=2026-13", "month=12-2026", "kind=nope"):
        assert (await api(f"/api/v1/rosters?{query}", "admin"))[0] == 400


async def test_roster_shows_the_draft_only_to_those_who_see_drafts(api):
    status, body = await api(ROSTER, "jiandu")
    assert status == 200 and body["roster"]["state"] == "draft"
    assert DRAFT_ONLY_LAWYER in {d["person_code"] for d in body["draft"]}
    assert DRAFT_ONLY_LAWYER not in {d["person_code"] for d in body["published"]}
    status, body = await api(ROSTER, "lvshi")
    assert status == 200 and body["draft"] is None
    assert LAWYER in {d["person_code"] for d in body["published"]}
    assert (await api(ROSTER, "sishui"))[0] == 403
    assert (await api(f"/api/v1/rosters/duty-lawyers/999999/{MONTH}", "admin"))[0] == 404
    assert (await api(f"/api/v1/rosters/duty-lawyers/{COUNTY}/2026-13", "admin"))[0] == 400


async def test_people_on_duty_at_a_station(api):
    status, body = await api(f"/api/v1/stations/{DETENTION}/on-duty", "yutai")
    assert status == 200 and [d["person_code"] for d in body["duties"]] == [LAWYER]
    assert (await api(f"/api/v1/stations/{DETENTION}/on-duty", "sishui"))[0] == 403
    assert (await api("/api/v1/stations/NOPE/on-duty", "admin"))[0] == 404
    assert (await api(f"/api/v1/stations/{DETENTION}/on-duty?date=tomorrow", "admin"))[0] == 400


async def test_a_persons_duties_and_their_phone_only_for_managers(api):
    path = f"/api/v1/people/{LAWYER}/duties"
    status, body = await api(path, "yutai")
    assert status == 200 and body["duties"] and "phone" in body["person"]
    status, body = await api(path, "lvshi")  # their own duties, without private fields
    assert status == 200 and body["duties"] and "phone" not in body["person"]
    assert "phone" not in (await api(path, "jiandu"))[1]["person"]
    assert (await api(path, "lingdao"))[0] == 403  # another member
    assert (await api(path, "sishui"))[0] == 403
    assert (await api("/api/v1/people/NOPE/duties", "admin"))[0] == 404
    assert (await api(f"{path}?from=2026-12-31&to=2026-12-01", "admin"))[0] == 400
    assert (await api(f"{path}?from=2026-01-01&to=2027-12-31", "admin"))[0] == 400


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/people/%E4%B8%AD/duties",
        f"/api/v1/rosters/duty-lawyers/{COUNTY}/0000-00",
        "/api/v1/duties/today?unit=370827%00",
        "/api/v1/stations/S0001/on-duty?date=2026-02-30",
        "/api/v1/rosters?month=%E5%8D%81%E4%BA%8C%E6%9C%88",
        "/api/v1/people/L00051/duties?from=99999-01-01",
    ],
)
async def test_odd_input_is_an_error_in_json_never_a_500(api, path):
    status, body = await api(path, "admin")
    assert status in (400, 404) and body["error"]["message"]


@pytest.mark.parametrize("header", ["Basic YWRtaW46eA==", "Bearer", "Bearer " + "x" * 5000])
async def test_odd_credentials_are_401(api, header):
    response = await api.client.get("/api/v1/duties/today", headers={"Authorization": header})
    assert response.status == 401
    assert (await response.json())["error"]["code"] == "unauthorized"
