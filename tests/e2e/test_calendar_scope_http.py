"""The working-day calendar's scope over HTTP, both stores: a refused change says why in the
reader's language and records nothing; a year is confirmed only up to next year and undone
with a reason; a county's manager sees and declares their county's local days, marked local."""

from datetime import date

import pytest

from tests.e2e.auth_helpers import sign_in
from tests.e2e.shared_data_helpers import LAWYER_ROWS, last_event, post_as, seed_shared_data
from web.app import create_app

DONE = 302


@pytest.fixture
def shared(services):
    seed_shared_data(services)
    return services


async def signed_in(aiohttp_client, services, username: str):
    client = await aiohttp_client(create_app(services, services.settings))
    assert (await sign_in(client, username)).status == 302
    return client


async def test_refusals_say_why_in_the_readers_language(aiohttp_client, shared):
    client = await signed_in(aiohttp_client, shared, "yutai")
    before = last_event(shared)
    city_day = {"day": "2027-03-01", "kind": "holiday", "name": "", "county": ""}
    response = await post_as(client, "/calendar/declare", city_day)
    assert response.status == 403 and "全市的工作日历由市级管理员声明" in await response.text()
    neighbour = {**city_day, "county": "370831"}
    response = await post_as(client, "/calendar/declare?lang=en", neighbour)
    assert response.status == 403
    assert "only declare the local days of a county you manage" in await response.text()
    response = await post_as(client, "/calendar/confirm?lang=zh", {"year": "2027"})
    assert response.status == 403 and "无权访问" in await response.text()  # the route's page
    sishui = await signed_in(aiohttp_client, shared, "sishui")
    response = await post_as(sishui, "/import?lang=en", {"people": ("p.csv", LAWYER_ROWS)})
    text = await response.text()
    assert response.status == 400 and "p.csv" in text
    assert "Firm &#39;F0004&#39; is outside the units you manage" in text
    assert last_event(shared) == before


@pytest.mark.parametrize(
    ("form", "message"),
    [({"year": "2099"}, "不能确认 2099 年"),
     ({"year": "1999"}, "不能确认 1999 年"),
     ({"year": "20x7"}, "")],
)  # fmt: skip
async def test_a_year_out_of_reach_is_refused(aiohttp_client, shared, form, message):
    client = await signed_in(aiohttp_client, shared, "admin")
    before = last_event(shared)
    response = await post_as(client, "/calendar/confirm", form)
    assert response.status == 400 and message in await response.text()
    assert last_event(shared) == before and not shared.workdays.is_confirmed(2099)


async def test_undoing_a_confirmation_needs_a_reason(aiohttp_client, shared):
    client = await signed_in(aiohttp_client, shared, "jining")
    assert (await post_as(client, "/calendar/confirm", {"year": "2027"})).status == DONE
    page = await (await client.get("/calendar?year=2027")).text()
    assert 'action="/calendar/unconfirm"' in page
    before = last_event(shared)
    response = await post_as(client, "/calendar/unconfirm", {"year": "2027", "reason": " "})
    assert response.status == 400 and "请填写撤销确认的原因" in await response.text()
    response = await post_as(client, "/calendar/unconfirm", {"year": "2028", "reason": "x"})
    assert response.status == 400 and "2028 年尚未确认" in await response.text()
    assert last_event(shared) == before and shared.workdays.is_confirmed(2027)
    done = {"year": "2027", "reason": "放假安排尚未公布"}
    assert (await post_as(client, "/calendar/unconfirm", done)).status == DONE
    assert not shared.workdays.is_confirmed(2027)
    with shared.db.reading() as cur:
        row = cur.execute(
            "SELECT actor, reason FROM change_log WHERE event = 'YearUnconfirmed'"
        ).fetchone()
    assert tuple(row) == ("jining", "放假安排尚未公布")


async def test_a_county_manager_sees_and_declares_local_days_marked_local(aiohttp_client, shared):
    client = await signed_in(aiohttp_client, shared, "yutai")
    page = await (await client.get("/calendar?year=2027")).text()
    assert "只适用于鱼台县及其下属单位的排班" in page and "本地（鱼台县）" in page
    assert 'class="tag local"' in page and "local" in page.split("2027年2月8日")[0][-200:]
    assert 'name="county" value="370827"' in page  # the form declares local days only
    assert 'action="/calendar/confirm"' not in page  # the city confirms years
    local = {"day": "2027-05-06", "kind": "holiday", "name": "县庆", "county": "370827"}
    response = await post_as(client, "/calendar/declare", local)
    assert response.status == DONE and "county=370827" in response.headers["Location"]
    assert date(2027, 5, 6) in shared.workdays.declarations(2027, "370827")
    assert date(2027, 5, 6) not in shared.workdays.declarations(2027)
    english = await (await client.get("/calendar?year=2027&lang=en")).text()
    assert "Local (鱼台县)" in english and "apply only to the rosters of 鱼台县" in english
    # the city sees no local day unless it asks for a county, and then may withdraw it
    city = await signed_in(aiohttp_client, shared, "jining")
    assert "本地（" not in await (await city.get("/calendar?year=2027")).text()
    chosen = await (await city.get("/calendar?year=2027&county=370827")).text()
    assert "本地（鱼台县）" in chosen and "仅鱼台县（本地）" in chosen
    withdraw = {"day": "2027-05-06", "county": "370827"}
    assert (await post_as(city, "/calendar/withdraw", withdraw)).status == DONE
    assert date(2027, 5, 6) not in shared.workdays.declarations(2027, "370827")
