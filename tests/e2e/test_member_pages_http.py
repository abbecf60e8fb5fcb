"""Members' pages over HTTP: today, my duties, a duty's page, the calendar link and
unavailability. Published duties only; other people's data refused, never a crash."""

import re
from datetime import date

import pytest

from tests.e2e.auth_helpers import csrf_token, seed_city_with_accounts, sign_in
from tests.e2e.member_pages_helpers import (
    LAWYER,
    draft_only_name,
    publish_around_today,
    today,
)
from web.app import create_app

LAWYER_NAME, LEADER_NAME = "宋子兴", "杨振勇"
ICS = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:h1\r\n"
    b"SUMMARY:Hearing\r\nDTSTART:%s\r\nDTEND:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture
def services(sqlite_services):
    seed_city_with_accounts(sqlite_services)
    sqlite_services.ids = publish_around_today(sqlite_services)
    return sqlite_services


@pytest.fixture
def client_as(aiohttp_client, services):
    async def make(role: str | None):
        client = await aiohttp_client(create_app(services, services.settings))
        if role:
            assert (await sign_in(client, role)).status == 302
        return client

    return make


def absences(services) -> list:
    return services.lookups.absences(LAWYER)


async def test_today_shows_published_duties_of_my_county_and_never_drafts(client_as, services):
    draft_name = draft_only_name(services)
    for role in ("lvshi", "yutai", "admin"):
        text = await (await (await client_as(role)).get("/today")).text()
        assert LAWYER_NAME in text and LEADER_NAME in text
        assert draft_name not in text
    other_county = await (await (await client_as("sishui")).get("/today")).text()
    assert LAWYER_NAME not in other_county


async def test_my_next_duties_are_on_today_for_the_member(client_as, services):
    text = await (await (await client_as("lvshi")).get("/today")).text()
    assert "我的下一次值班" in text and f"/duties/{services.ids['duty']}" in text


async def test_my_duties_lists_the_month_and_never_the_draft(client_as, services):
    client = await client_as("lvshi")
    response = await client.get("/me/duties")
    text = await response.text()
    assert response.status == 200
    assert f"/duties/{services.ids['duty']}" in text and "鱼台县看守所" in text
    assert 'class="month"' in text  # the month view
    assert "鱼台县法律援助中心" not in text  # the draft's seat
    assert (await client.get("/me/duties?month=garbage")).status == 400  # says which, in words


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 302), ("lvshi", 200), ("lingdao", 403), ("yutai", 200), ("sishui", 403),
     ("jiandu", 200), ("admin", 200)],
)  # fmt: skip
async def test_a_duty_page_is_for_its_person_and_its_managers(client_as, services, role, status):
    client = await client_as(role)
    response = await client.get(f"/duties/{services.ids['duty']}", allow_redirects=False)
    assert response.status == status
    if status == 200:
        text = await response.text()
        assert "鱼台县看守所" in text and "振兴路238号" in text and "0537-3579122" in text
    draft = await client.get(f"/duties/{services.ids['draft_duty']}", allow_redirects=False)
    assert draft.status == (302 if role is None else 404)


async def test_subscription_link_issue_rotate_revoke(client_as, services):
    client = await client_as("lvshi")
    page = await (await client.get("/me/duties")).text()
    assert "生成订阅链接" in page
    token = await csrf_token(client, "/me/duties")
    refused = await client.post("/me/duties/feed", data={"action": "issue"})
    assert refused.status == 403  # no CSRF token, nothing issued
    assert not services.feed_tokens.is_active("person", LAWYER)

    issued = await client.post("/me/duties/feed", data={"action": "issue", "_csrf": token})
    text = await issued.text()
    webcal = re.search(r'href="(webcal://[^"]+\.ics)"', text).group(1)
    https = re.search(r'value="(http[^"]+\.ics)"', text).group(1)
    assert webcal.split("://")[1] == https.split("://")[1]
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in text  # the QR code
    path = "/feeds/" + https.rsplit("/feeds/", 1)[1]
    feed = await client.get(path)
    assert feed.status == 200 and services.ids["duty"].encode() in await feed.read()
    again = await (await client.get("/me/duties")).text()
    assert webcal not in again and "重新生成链接" in again  # shown once only

    await client.post("/me/duties/feed", data={"action": "rotate", "_csrf": token})
    assert (await client.get(path)).status == 404  # the old link stops at once
    await client.post("/me/duties/feed", data={"action": "revoke", "_csrf": token})
    assert not services.feed_tokens.is_active("person", LAWYER)
    bad = await client.post("/me/duties/feed", data={"action": "nonsense", "_csrf": token})
    assert bad.status == 400


async def test_subscription_is_for_members_only(client_as):
    client = await client_as("yutai")
    token = await csrf_token(client, "/calendar")
    response = await client.post("/me/duties/feed", data={"action": "issue", "_csrf": token})
    assert response.status == 403


FORM = {"start_date": "2026-12-03", "start_time": "08:30", "end_date": "2026-12-03",
        "end_time": "17:30", "reason": "赴济南出庭"}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [({"start_date": "03/12/2026"}, "start_date", "请填写日期"),
     ({"end_time": "25:99"}, "end_time", "请填写时间"),
     ({"end_date": "2026-12-02"}, "end_date", "结束时间必须晚于开始时间"),
     ({"end_date": "2028-12-03"}, "end_date", "一次最多声明一年"),
     ({"reason": ""}, "reason", "请填写事由"),
     ({"reason": "长" * 201}, "reason", "不能超过 200 字"),
     ({"reason": "a\x00b"}, "reason", "含有不允许的控制字符"),
     ({"reason": "开庭\x1b[2J"}, "reason", "含有不允许的控制字符")],
)  # fmt: skip
async def test_a_bad_unavailability_form_comes_back_and_saves_nothing(
    client_as, services, change, field, message
):
    client = await client_as("lvshi")
    token = await csrf_token(client, "/me/duties")
    response = await client.post("/me/unavailability", data={**FORM, **change, "_csrf": token})
    text = await response.text()
    assert response.status == 400
    # the message sits right after its field
    assert re.search(rf'name="{field}"[^>]*aria-invalid="true">\s*<p class="field-error">'
                     rf"[^<]*{message}", text)  # fmt: skip
    assert absences(services) == []


async def test_unavailability_declared_listed_and_withdrawn(client_as, services):
    client = await client_as("lvshi")
    token = await csrf_token(client, "/me/duties")
    response = await client.post("/me/unavailability", data={**FORM, "_csrf": token})
    assert response.status == 200 and "已登记不可值班时间" in await response.text()
    [absence] = absences(services)
    assert absence.reason == "赴济南出庭" and absence.starts_at.hour == 8
    assert absence.starts_at.utcoffset().total_seconds() == 8 * 3600  # Beijing time
    assert "赴济南出庭" in await (await client.get("/me/duties")).text()

    other = await client.post("/me/unavailability/abcdef123456/withdraw", data={"_csrf": token})
    assert other.status == 404  # not theirs (or not there): refused, nothing changed
    done = await client.post(f"/me/unavailability/{absence.id}/withdraw", data={"_csrf": token})
    assert done.status == 200 and absences(services) == []


async def test_another_member_cannot_withdraw_my_unavailability(client_as, services):
    lawyer = await client_as("lvshi")
    token = await csrf_token(lawyer, "/me/duties")
    await lawyer.post("/me/unavailability", data={**FORM, "_csrf": token})
    [absence] = absences(services)
    leader = await client_as("lingdao")
    token = await csrf_token(leader, "/me/duties")
    response = await leader.post(f"/me/unavailability/{absence.id}/withdraw", data={"_csrf": token})
    assert response.status == 404 and len(absences(services)) == 1
    assert "赴济南出庭" not in await (await leader.get("/me/duties")).text()


async def upload(client, token: str, data: bytes, start="2026-12-01", end="2026-12-31"):
    from aiohttp import FormData

    form = FormData()
    form.add_field("_csrf", token)
    form.add_field("start", start)
    form.add_field("end", end)
    form.add_field("file", data, filename="hearings.ics", content_type="text/calendar")
    return await client.post("/me/unavailability/import", data=form)


async def test_ics_upload_previews_then_confirms(client_as, services):
    client = await client_as("lvshi")
    token = await csrf_token(client, "/me/duties")
    preview = await upload(client, token, ICS % (b"20261207T090000", b"20261207T120000"))
    text = await preview.text()
    assert preview.status == 200 and "日历导入：Hearing" in text and "确认登记" in text
    assert absences(services) == []  # a preview records nothing
    data = re.search(r'name="data" value="([^"]+)"', text).group(1)
    confirm = await client.post(
        "/me/unavailability/import/confirm",
        data={"_csrf": token, "start": "2026-12-01", "end": "2026-12-31", "data": data},
    )
    assert confirm.status == 200 and "已从日历文件登记 1 段" in await confirm.text()
    [absence] = absences(services)
    assert absence.source == "ics" and absence.starts_at.hour == 9


@pytest.mark.parametrize(
    ("data", "start", "message"),
    [(b"this is not a calendar", "2026-12-01", ""),
     (b"", "2026-12-01", "请选择一个 .ics 日历文件"),
     (ICS % (b"20261207T090000", b"20261207T120000"), "not-a-date", "请填写日期")],
)  # fmt: skip
async def test_a_bad_upload_is_refused_clearly_and_saves_nothing(
    client_as, services, data, start, message
):
    client = await client_as("lvshi")
    token = await csrf_token(client, "/me/duties")
    response = await upload(client, token, data, start=start)
    text = await response.text()
    assert response.status == 400 and 'class="field-error"' in text and message in text
    assert absences(services) == []
    tampered = await client.post(
        "/me/unavailability/import/confirm",
        data={"_csrf": token, "start": "2026-12-01", "end": "2026-12-31", "data": "!!not64"},
    )
    assert tampered.status == 400 and absences(services) == []


def test_helpers_dates_are_beijing_dates():
    assert today().year >= 2026


@pytest.mark.parametrize("size", [1024 * 1024 + 10, 3 * 1024 * 1024])
async def test_an_oversized_upload_is_refused_never_a_crash(client_as, services, size):
    client = await client_as("lvshi")
    token = await csrf_token(client, "/me/duties")
    response = await upload(client, token, b"BEGIN:VCALENDAR\r\n" + b"X" * size)
    assert response.status in (400, 413) and absences(services) == []


async def test_my_month_shows_my_countys_local_days(client_as, services):
    services.workdays.declare(date(2026, 12, 15), "holiday", "县庆", "test", county="370827")
    text = await (await (await client_as("lvshi")).get("/me/duties?month=2026-12")).text()
    cell = re.search(r'<td class="([^"]*)">\s*<span class="dnum">15</span>', text)
    assert cell and "holiday" in cell.group(1)
    other = await (await (await client_as("sishui")).get("/calendar?year=2026")).text()
    assert "县庆" not in other  # another county's manager does not see it as theirs
