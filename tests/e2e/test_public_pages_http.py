"""Public pages, the lobby screen and the working-day calendar over HTTP. Public pages carry
published duties only, and never a person's phone number or a reason for absence."""

import re
from datetime import datetime

import pytest

from tests.e2e.auth_helpers import csrf_token, seed_city_with_accounts, sign_in
from tests.e2e.member_pages_helpers import (
    ACTOR,
    LAWYER,
    VILLAGE,
    draft_only_name,
    publish_around_today,
    today,
)
from tests.e2e.shared_data_helpers import calendar_versions
from web.app import create_app

PUBLIC = ("/public/reception", f"/public/villages/{VILLAGE}", "/lobby/S0001", "/lobby/S0004",
          "/lobby/S0005")  # fmt: skip
MOBILE = re.compile(r"1[3-9]\d{9}")  # a mainland mobile number


@pytest.fixture
def services(sqlite_services):
    seed_city_with_accounts(sqlite_services)
    publish_around_today(sqlite_services)
    return sqlite_services


@pytest.fixture
def client_as(aiohttp_client, services):
    async def make(role: str | None):
        client = await aiohttp_client(create_app(services, services.settings))
        if role:
            assert (await sign_in(client, role)).status == 302
        return client

    return make


async def test_reception_names_todays_leader_of_each_bureau(client_as):
    response = await (await client_as(None)).get("/public/reception")
    text = await response.text()
    assert response.status == 200
    assert "今日接待领导：杨振勇（鱼台县公共法律服务中心）" in text
    assert "鱼台县司法局" in text and "/public/reception/370827.ics" in text
    assert "Set-Cookie" not in response.headers  # public pages hold no session


async def test_public_pages_show_no_drafts_no_phones_no_reasons(client_as, services):
    start = datetime.combine(today(), datetime.min.time()).astimezone()
    services.registry.declare_unavailable(
        LAWYER, start, start.replace(hour=23), "家中私事不便透露", actor=ACTOR
    )
    with services.db.reading() as cur:
        phones = [p for (p,) in cur.execute("SELECT phone FROM people WHERE phone <> ''")]
    client = await client_as(None)
    draft_name = draft_only_name(services)
    for path in PUBLIC:
        response = await client.get(path)
        text = await response.text()
        assert response.status == 200, path
        assert draft_name not in text, path
        assert "家中私事" not in text, path
        assert not MOBILE.search(text), path
        assert not any(phone in text for phone in phones), path


async def test_village_notice_is_a_printable_month_notice(client_as):
    response = await (await client_as(None)).get(f"/public/villages/{VILLAGE}")
    text = await response.text()
    assert "后张营社区法律顾问驻村服务公告" in text
    assert "于书晶" in text  # the adviser
    assert today().strftime("%Y年%-m月%-d日") in text  # the visit, in Chinese format
    assert "/static/public.css" in text and "data-print" in text
    empty = await (await client_as(None)).get(f"/public/villages/{VILLAGE}?month=2030-01")
    assert "本月到村日期尚未公布" in await empty.text()


@pytest.mark.parametrize("code", ["370827001", "370827", "999999999999"])
async def test_only_villages_have_a_notice(client_as, code):
    response = await (await client_as(None)).get(f"/public/villages/{code}")
    assert response.status == 404


async def test_lobby_shows_todays_leader_and_lawyers_large_and_refreshing(client_as):
    client = await client_as(None)
    centre = await (await client.get("/lobby/S0001")).text()
    assert "杨振勇" in centre and 'http-equiv="refresh"' in centre
    assert "/static/lobby.css" in centre
    detention = await (await client.get("/lobby/S0004")).text()
    assert "宋子兴" in detention  # the duty lawyer there today
    assert "杨振勇" in detention and "今日在鱼台县公共法律服务中心接待" in detention


async def test_calendar_marks_holidays_and_make_up_days(client_as):
    text = await (await (await client_as("lvshi")).get("/calendar?year=2026")).text()
    assert "2026 年工作日历" in text and "春节" in text and "尚未声明" not in text
    assert 'class="holiday' in text and "make-up" in text
    assert "声明一天" not in text  # members only look


async def calendar_post(client, path: str, data: dict):
    """As the calendar page's forms post: with the calendars' versions it was rendered with."""
    return await client.post(path, data={**await calendar_versions(client, data), **data})


async def test_an_undeclared_year_gets_a_banner_until_confirmed(client_as, services):
    client = await client_as("admin")  # the city's calendar is the city level's
    text = await (await client.get("/calendar?year=2027")).text()
    assert "2027 年的法定节假日和调休上班日尚未声明" in text
    token = await csrf_token(client, "/calendar?year=2027")
    declared = await calendar_post(
        client,
        "/calendar/declare",
        {
            "_csrf": token,
            "day": "2027-02-06",
            "kind": "holiday",
            "name": "春节",
            "year": "2027",
        },
    )
    assert declared.status == 200 and "2027年2月6日" in await declared.text()
    assert services.workdays.declarations(2027)
    confirmed = await calendar_post(client, "/calendar/confirm", {"_csrf": token, "year": "2027"})
    assert "尚未声明" not in await confirmed.text()
    assert services.workdays.is_declared(2027)


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [({"day": ""}, "day", "请选择日期"),
     ({"day": "2027-13-40"}, "day", "请选择日期"),
     ({"kind": "weekend"}, "kind", "请选择节假日或调休上班日"),
     ({"name": "长" * 41}, "name", "名称不能超过 40 字")],
)  # fmt: skip
async def test_a_bad_declaration_comes_back_and_saves_nothing(
    client_as, services, form, field, message
):
    client = await client_as("admin")
    token = await csrf_token(client, "/calendar?year=2027")
    data = {"_csrf": token, "day": "2027-02-06", "kind": "holiday", "name": "春节", **form}
    response = await calendar_post(client, "/calendar/declare", data)
    text = await response.text()
    assert response.status == 400
    assert re.search(rf'name="{field}"[^>]*aria-invalid="true">.*?<p class="field-error">'
                     rf"[^<]*{message}", text, re.S)  # fmt: skip
    assert services.workdays.declarations(2027) == {}


@pytest.mark.parametrize("role", ["lvshi", "jiandu"])
async def test_members_and_supervisors_cannot_declare(client_as, services, role):
    client = await client_as(role)
    token = await csrf_token(client, "/calendar")
    day = {"_csrf": token, "day": "2027-02-06", "kind": "holiday", "name": "春节"}
    assert (await calendar_post(client, "/calendar/declare", day)).status == 403
    assert (
        await calendar_post(client, "/calendar/confirm", {"_csrf": token, "year": "2027"})
    ).status == 403
    assert services.workdays.declarations(2027) == {} and not services.workdays.is_declared(2027)


async def test_confirming_a_nonsense_year_is_a_bad_request(client_as):
    client = await client_as("admin")
    token = await csrf_token(client, "/calendar")
    response = await calendar_post(client, "/calendar/confirm", {"_csrf": token, "year": "20x7"})
    assert response.status == 400


@pytest.mark.parametrize(
    ("role", "path", "english"),
    [(None, "/public/reception", "Today's receiving leader"),
     (None, f"/public/villages/{VILLAGE}", "legal adviser visits"),
     (None, "/lobby/S0001", "Today's duty lawyers"),
     ("lvshi", "/today", "My next duties"),
     ("lvshi", "/me/duties", "Subscribe in your phone calendar"),
     ("yutai", "/calendar?year=2027", "are not declared yet")],
)  # fmt: skip
async def test_pages_in_english(client_as, role, path, english):
    client = await client_as(role)
    response = await client.get(path + ("&" if "?" in path else "?") + "lang=en")
    assert response.status == 200 and english in await response.text()


async def test_a_declaration_can_be_withdrawn_by_the_city(client_as, services):
    client = await client_as("admin")
    token = await csrf_token(client, "/calendar?year=2027")
    day = {"_csrf": token, "day": "2027-02-06", "kind": "holiday", "name": "春节"}
    await calendar_post(client, "/calendar/declare", day)
    page = await (await client.get("/calendar?year=2027")).text()
    assert 'action="/calendar/withdraw"' in page
    done = await calendar_post(client, "/calendar/withdraw", {"_csrf": token, "day": "2027-02-06"})
    assert done.status == 200 and "已撤回该声明" in await done.text()
    assert services.workdays.declarations(2027) == {}
    again = await calendar_post(client, "/calendar/withdraw", {"_csrf": token, "day": "2027-02-06"})
    assert again.status == 404
    bad = await calendar_post(client, "/calendar/withdraw", {"_csrf": token, "day": "someday"})
    assert bad.status == 400


async def test_the_reception_page_moves_between_months(client_as):
    client = await client_as(None)
    text = await (await client.get("/public/reception?month=2030-01")).text()
    assert "本月的接待日安排尚未公布" in text
    assert "?month=2029-12" in text and "?month=2030-02" in text
