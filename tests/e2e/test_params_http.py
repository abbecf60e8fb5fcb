"""Bad parameters the issue found answering 500: now a 400 page in the reader's language, the
API's JSON error, or (a path that names no roster) a 404; and nothing recorded."""

import pytest

from tests.e2e.auth_helpers import csrf_token, seed_city_with_accounts, sign_in
from web.app import create_app

ROSTER = "/rosters/duty-lawyers/370827"


@pytest.fixture
async def client_as(aiohttp_client, sqlite_services):
    services = sqlite_services  # the demo's accounts need SQLite until issue 8's demo fix
    seed_city_with_accounts(services)

    async def make(role: str):
        client = await aiohttp_client(create_app(services, services.settings))
        assert (await sign_in(client, role)).status == 302
        return client

    make.services = services
    return make


@pytest.mark.parametrize(
    ("role", "path"),
    [
        ("admin", "/people?page=%C2%B2"),
        ("admin", "/stations?page=0"),
        ("admin", "/units?page=99999999999"),
        ("admin", "/firms?q=a%00b"),
        ("admin", "/calendar?year=%C2%B2"),
        ("admin", "/calendar?year=9999"),
        ("lvshi", "/me/duties?month=0000-01"),
        ("lvshi", "/me/duties?month=9999-12"),
        ("admin", "/public/reception?month=9999-12"),
        ("admin", f"{ROSTER}/2026-12/duties/00000000-0000-0000-0000-000000000000/reassign"
                  "?person=%C2%B2"),
    ],
)  # fmt: skip
async def test_a_bad_parameter_is_a_400_page_that_says_which(client_as, role, path):
    client = await client_as(role)
    before = client_as.services.store.recorder.max_notification_id()
    response = await client.get(path)
    assert response.status in (400, 404)  # the reassign page looks the duty up first
    if response.status == 400:
        page = await response.text()
        assert "无法完成操作" in page and "参数“" in page
    assert client_as.services.store.recorder.max_notification_id() == before


async def test_the_400_page_speaks_english_when_asked(client_as):
    client = await client_as("admin")
    response = await client.get("/calendar?year=%C2%B2&lang=en")
    page = await response.text()
    assert response.status == 400
    assert "could not be completed" in page and "year&#39; must be a year from 2000 to 2100" in page


@pytest.mark.parametrize("month", ["0000-01", "9999-12"])
async def test_months_out_of_range_on_roster_pages(client_as, month):
    client = await client_as("admin")
    listed = await client.get(f"/rosters?month={month}")
    assert listed.status == 400 and "2000-01" in await listed.text()  # beside the filter
    for tail in ("", "/changes", "/progress"):
        assert (await client.get(f"{ROSTER}/{month}{tail}")).status == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/rosters?month=0000-01",
        "/api/v1/rosters?month=9999-12",
        "/api/v1/rosters/duty-lawyers/370827/9999-12",
        "/api/v1/people/L00051/duties?from=9999-12-31",
        "/api/v1/people/L00051/duties?to=0001-01-01",
        "/api/v1/stations/S0001/on-duty?date=0001-01-01",
        "/api/v1/duties/today?unit=370827%0A",
    ],
)
async def test_the_api_answers_bad_parameters_in_its_json_shape(client_as, path):
    await client_as("admin")
    token = client_as.services.api_tokens.issue("admin", "测试", "test").token
    client = await client_as("admin")
    response = await client.get(path, headers={"Authorization": f"Bearer {token}"})
    body = await response.json()
    assert response.status == 400 and body["error"]["code"] == "bad_request"
    assert body["error"]["message"] and body["error"]["message_en"]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2101-01-01"])
async def test_an_absence_outside_the_planned_years_is_refused(client_as, day):
    client = await client_as("lvshi")
    before = client_as.services.store.recorder.max_notification_id()
    form = {"start_date": day, "start_time": "08:30", "end_date": day, "end_time": "17:30",
            "reason": "出差", "_csrf": await csrf_token(client, "/me/duties")}  # fmt: skip
    response = await client.post("/me/unavailability", data=form, allow_redirects=False)
    assert response.status == 400 and 'class="field-error"' in await response.text()
    assert client_as.services.store.recorder.max_notification_id() == before
