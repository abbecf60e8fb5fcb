"""Each edit form, posted after someone else changed its record, is refused over HTTP with 409,
the message, and the record as it is now; nothing is recorded. Both stores."""

from datetime import date

import pytest

from tests.e2e.auth_helpers import sign_in
from tests.e2e.form_helpers import HIDDEN, log_size, seed_city_with_managers
from web.app import create_app

STALE = "此记录已被他人修改，请刷新后重试"
MONTH = "2026-12"
GRID = f"/rosters/duty-lawyers/370827/{MONTH}"
LAWYER, VILLAGE, STATION, FIRM = "L00051", "370827001001", "S0002", "F0004"
RIVAL = "admin"  # the other manager, who saves first


@pytest.fixture
async def client(aiohttp_client, services):
    seed_city_with_managers(services)
    services.registry.register_unit("370831", "county", "泗水县", "370800", actor="test")
    client = await aiohttp_client(create_app(services, services.settings))
    assert (await sign_in(client, "yutai")).status == 302
    return client


async def rendered(client, page: str) -> dict[str, str]:
    response = await client.get(page)
    assert response.status == 200
    return dict(HIDDEN.findall(await response.text()))


async def refused(client, services, path: str, form: dict) -> str:
    """Post the form; it must be refused as stale with nothing recorded."""
    before = log_size(services)
    response = await client.post(path, data=form, allow_redirects=False)
    text = await response.text()
    assert response.status == 409, text
    assert STALE in text
    assert log_size(services) == before
    return text


async def test_a_unit_form_from_before_a_rename(client, services):
    path = f"/units/{VILLAGE}/edit"
    form = await rendered(client, path)
    unit = services.registry_views.unit(VILLAGE)
    services.registry.edit_unit(
        VILLAGE, "他人改的村名", "", None, RIVAL, "先改", int(form["version"])
    )
    data = {**form, "name": "我的村名", "office_name": "", "market_days": "", "reason": "后改"}
    text = await refused(client, services, path, data)
    assert 'value="他人改的村名"' in text and "我的村名" not in text
    assert services.registry_views.unit(VILLAGE)["market_days"] == unit["market_days"]


async def test_a_station_form_from_before_a_change(client, services):
    path = f"/stations/{STATION}/edit"
    form = await rendered(client, path)
    station = services.registry_views.station(STATION)
    services.registry.edit_station(
        STATION, station["name"], "他人改的地址", station["phone"], station["demand"], RIVAL,
        "先改", int(form["version"]),
    )  # fmt: skip
    data = {**form, "name": station["name"], "address": "我的地址", "phone": station["phone"],
            "demand": "工作日:上午:2", "reason": "后改"}  # fmt: skip
    text = await refused(client, services, path, data)
    assert 'value="他人改的地址"' in text
    assert services.registry_views.station(STATION)["demand"] == station["demand"]


async def test_firm_pairing_forms_from_before_a_pairing(client, services, aiohttp_client):
    client = await aiohttp_client(create_app(services, services.settings))
    assert (await sign_in(client, "admin")).status == 302  # pairing is the city level's
    page = f"/firms/{FIRM}"
    form = await rendered(client, page)
    services.registry.pair_firm(FIRM, "370831", "yutai", "先结对", int(form["version"]))
    data = {**form, "county_code": "370831", "reason": "后结对"}
    text = await refused(client, services, f"{page}/pairings", data)
    assert "泗水县" in text  # the pairing as it is now
    end = {**form, "reason": "解除"}  # the end-pairing button on the same old page
    await refused(client, services, f"{page}/pairings/370831/end", end)
    assert [p["code"] for p in services.registry_views.firm(FIRM)["paired"]] == ["370831"]


async def test_publishing_a_draft_changed_since_the_grid_was_shown(client, services):
    services.drafting.start("duty-lawyers", "370827", MONTH, "test").future.result(timeout=300)
    form = await rendered(client, GRID)
    roster = services.rosters.get("duty-lawyers", "370827", MONTH)
    duty = min(roster.assignments.values(), key=lambda a: (a.day, a.place, a.seat))
    other = next(c for c in services.reassignments.verdict(
        "duty-lawyers", "370827", MONTH, duty.id).candidates)  # fmt: skip
    services.rosters.reassign(roster.id.hex, duty.id, other.code, RIVAL, "先改", duty.version)
    await refused(client, services, f"{GRID}/publish", form)
    assert services.rosters.get("duty-lawyers", "370827", MONTH).state == "draft"


async def test_a_post_without_a_version_is_refused_not_written_blind(client, services):
    path = f"/people/{LAWYER}/edit"
    form = await rendered(client, path)
    del form["version"]
    person = services.registry_views.person_record(LAWYER)
    data = {**form, "name": person["name"], "phone": "13900000000", "reason": "无版本"}
    text = await refused(client, services, path, data)
    assert f'value="{person["phone"]}"' in text


async def test_calendar_forms_from_before_another_declaration(services, aiohttp_client):
    seed_city_with_managers(services)
    client = await aiohttp_client(create_app(services, services.settings))
    assert (await sign_in(client, "admin")).status == 302
    form = await rendered(client, "/calendar?year=2027")
    services.workdays.declare(
        date(2027, 2, 6), "holiday", "春节", "yutai", expected_version=int(form["city_version"])
    )
    data = {**form, "day": "2027-02-06", "kind": "workday", "name": "调休", "county": ""}
    text = await refused(client, services, "/calendar/declare", data)
    assert "春节" in text  # the day as it is now
    await refused(client, services, "/calendar/confirm", {**form, "year": "2027"})
    assert services.workdays.declarations(2027)[date(2027, 2, 6)][0] == "holiday"
