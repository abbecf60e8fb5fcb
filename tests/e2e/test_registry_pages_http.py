"""People, stations, units and firms over HTTP: scoped lists with search and pages, detail
pages that keep phones and reasons from those who may not see them, edit forms that refuse
bad input without saving, and the all-or-nothing browser import."""

import pytest
from aiohttp import FormData

from domain.person import person_id
from tests.e2e.auth_helpers import csrf_token, seed_city_with_accounts, sign_in
from tests.e2e.form_helpers import post_form
from web.app import create_app

LAWYER, LAWYER_NAME, LAWYER_PHONE = "L00051", "宋子兴", "15034206273"
OTHER_COUNTY_PERSON = "钱七"
FIRM, FIRM_PAIRINGS = "/firms/F0004", "/firms/F0004/pairings"


@pytest.fixture
def services(sqlite_services):
    seed_city_with_accounts(sqlite_services)
    return sqlite_services


@pytest.fixture
def client_as(aiohttp_client, services):
    async def make(role: str):
        client = await aiohttp_client(create_app(services, services.settings))
        assert (await sign_in(client, role)).status == 302
        return client

    return make


async def post(client, path: str, data: dict, page: str = ""):
    """As the browser posts it: with the CSRF token and version of the page with the form."""
    return await post_form(client, path, data, page)


def person_row(services, code: str) -> tuple:
    with services.db.reading() as cur:
        return cur.execute(
            "SELECT name, phone, title FROM people WHERE code = ?", (code,)
        ).fetchone()


async def test_lists_are_scoped_to_the_managers_units(client_as):
    yutai = await (await (await client_as("yutai")).get("/people?q=宋子兴")).text()
    assert f'href="/people/{LAWYER}"' in yutai
    sishui = await client_as("sishui")
    assert f'href="/people/{LAWYER}"' not in await (await sishui.get("/people?q=宋子兴")).text()
    assert OTHER_COUNTY_PERSON in await (await sishui.get("/people")).text()
    assert "鱼台县人民法院" not in await (await sishui.get("/stations")).text()


async def test_lists_page_fifty_at_a_time_and_search_by_code(client_as):
    client = await client_as("yutai")
    first = await (await client.get("/people")).text()
    assert first.count('<td class="code">') == 50 and "page=2" in first
    second = await (await client.get("/people?page=2")).text()
    assert "第 2 / " in second
    found = await (await client.get("/stations?q=s0002")).text()
    assert "鱼台县人民法院" in found and "S0001" not in found


async def test_phone_and_reasons_shown_to_managers_and_the_member_only(client_as, services):
    services.registry.declare_unavailable(LAWYER, *_span(), reason="开庭（私事）", actor="test")
    for role in ("yutai", "jiandu", "admin", "lvshi"):
        text = await (await (await client_as(role)).get(f"/people/{LAWYER}")).text()
        assert LAWYER_PHONE in text and "开庭（私事）" in text, role
    lingdao = await client_as("lingdao")
    assert (await lingdao.get(f"/people/{LAWYER}")).status == 403


async def test_bad_person_details_come_back_beside_the_field_and_nothing_is_saved(
    client_as, services
):
    client = await client_as("yutai")
    before = person_row(services, LAWYER)
    data = {"name": "", "phone": "123", "title": "律师", "reason": ""}
    response = await post(client, f"/people/{LAWYER}/edit", data)
    text = await response.text()
    assert response.status == 400
    assert "不能为空" in text and "格式不正确" in text and "请填写变更原因" in text
    assert person_row(services, LAWYER) == before


async def test_a_manager_changes_a_persons_details_with_actor_and_reason(client_as, services):
    client = await client_as("yutai")
    data = {"name": LAWYER_NAME, "phone": "13900000000", "title": "合伙人", "reason": "换号"}
    response = await post(client, f"/people/{LAWYER}/edit", data)
    assert response.status == 302
    assert person_row(services, LAWYER) == (LAWYER_NAME, "13900000000", "合伙人")
    last = list(services.store.events.get(person_id(LAWYER)))[-1]
    assert (last.actor, last.reason) == ("yutai", "换号")
    # the checkbox left out: the duty-lawyer qualification is revoked, with the same reason
    assert "duty_lawyer" not in services.registry_views.person_record(LAWYER)["qualifications"]
    data["duty_lawyer"] = "1"
    assert (await post(client, f"/people/{LAWYER}/edit", data)).status == 302
    assert "duty_lawyer" in services.registry_views.person_record(LAWYER)["qualifications"]


async def test_supervisors_and_other_counties_cannot_change(client_as):
    data = {"name": "x", "phone": "", "title": "", "reason": "r"}
    for role in ("jiandu", "sishui", "lvshi"):
        response = await post(await client_as(role), f"/people/{LAWYER}/edit", data)
        assert response.status == 403, role


async def test_a_manager_enters_and_withdraws_a_members_unavailability(client_as, services):
    client = await client_as("yutai")
    bad = {"start_date": "2026-12-10", "end_date": "2026-12-09", "reason": "培训"}
    response = await post(client, f"/people/{LAWYER}/unavailability", bad)
    assert response.status == 400 and "结束时间必须晚于开始时间" in await response.text()
    good = {**bad, "end_date": "2026-12-12"}
    response = await post(client, f"/people/{LAWYER}/unavailability", good)
    assert response.status == 302
    (absence,) = services.lookups.absences(LAWYER)
    # No times given: whole days, the end day included (it ends at the next midnight).
    assert (absence.starts_at.isoformat(), absence.ends_at.isoformat()) == (
        "2026-12-10T00:00:00+08:00",
        "2026-12-13T00:00:00+08:00",
    )
    page = await (await client.get(f"/people/{LAWYER}")).text()
    assert "培训" in page and "2026-12-10" in page
    interval = absence.id if hasattr(absence, "id") else absence["id"]
    path = f"/people/{LAWYER}/unavailability/{interval}/withdraw"
    assert (await post(client, path, {})).status == 302
    assert services.lookups.absences(LAWYER) == []


async def test_station_details_and_demand(client_as, services):
    client = await client_as("yutai")
    form = await (await client.get("/stations/S0002/edit")).text()
    assert "工作日:" in form
    data = {"name": "鱼台县人民法院", "address": "新地址 1 号", "phone": "0537-1234567",
            "demand": "工作日:上午:2", "reason": "新规"}  # fmt: skip
    bad = await post(client, "/stations/S0002/edit", {**data, "demand": "每天两人"})
    assert bad.status == 400 and "值班需求" in await bad.text()
    assert (await post(client, "/stations/S0002/edit", data)).status == 302
    station = services.registry_views.station("S0002")
    assert station["address"] == "新地址 1 号" and station["demand"] == [("workday", "am", 2)]


async def test_village_market_days(client_as, services):
    client = await client_as("yutai")
    path = "/units/370827001001/edit"
    unit = services.registry_views.unit("370827001001")
    data = {
        "name": unit["name"],
        "office_name": "",
        "market_days": "逢二逢七",
        "reason": "集市迁移",
    }
    bad = await post(client, path, {**data, "market_days": "每周一"})
    assert bad.status == 400 and "无法识别集日" in await bad.text()
    assert (await post(client, path, data)).status == 302
    assert services.registry_views.unit("370827001001")["market_days"][:2] == [2, 7]


async def test_firm_pairing_made_and_ended(client_as, services):
    client = await client_as("admin")  # pairing is the city level's
    response = await post(client, FIRM_PAIRINGS, {"county_code": "370831"}, FIRM)
    assert response.status == 400 and "请填写变更原因" in await response.text()
    data = {"county_code": "370831", "reason": "支援泗水"}
    assert (await post(client, FIRM_PAIRINGS, data, FIRM)).status == 302
    assert [p["code"] for p in services.registry_views.firm("F0004")["paired"]] == ["370831"]
    end = "/firms/F0004/pairings/370831/end"
    assert (await post(client, end, {"reason": "结束"}, FIRM)).status == 302
    assert services.registry_views.firm("F0004")["paired"] == []
    # a county's manager pairs no firm, not even one of their own county
    yutai = await client_as("yutai")
    assert (await post(yutai, FIRM_PAIRINGS, data, FIRM)).status == 403
    assert (await post(yutai, "/firms/F0001/pairings", data, "/firms/F0001")).status == 403
    assert services.registry_views.firm("F0004")["paired"] == []


async def test_import_reports_every_bad_row_and_saves_nothing(client_as, services):
    client = await client_as("admin")
    bad = "编码,名称,所属县区编码\nF0100,新律所,370827\nF0101,,999999\n"
    response = await upload(client, {"firms": ("firms.csv", bad)})
    text = await response.text()
    assert response.status == 400 and "firms.csv" in text and '<td class="num">3</td>' in text
    assert "<td>名称</td>" in text  # the column as the file's header names it
    assert services.registry_views.firm("F0100") is None
    good = "编码,名称,所属县区编码\nF0100,新律所,370827\n"
    response = await upload(client, {"firms": ("firms.csv", good)})
    assert response.status == 200 and "导入成功" in await response.text()
    assert services.registry_views.firm("F0100")["name"] == "新律所"


async def test_import_refuses_other_files_and_supervisors(client_as):
    response = await upload(await client_as("admin"), {"people": ("p.txt", "x")})
    assert response.status == 400 and "只接受" in await response.text()
    assert (await upload(await client_as("jiandu"), {"firms": ("f.csv", "x")})).status == 403


async def test_a_manager_imports_only_into_their_own_units(client_as, services):
    client = await client_as("sishui")
    rows = "编码,名称,所属县区编码\nF0300,泗水律所,370831\nF0301,越界律所,370827\n"
    response = await upload(client, {"firms": ("firms.csv", rows)})
    text = await response.text()
    assert response.status == 400 and "不在您管理的范围内" in text
    assert services.registry_views.firm("F0300") is None
    good = "编码,名称,所属县区编码\nF0300,泗水律所,370831\n"
    assert (await upload(client, {"firms": ("firms.csv", good)})).status == 200
    assert services.registry_views.firm("F0300")["county_code"] == "370831"


async def upload(client, files: dict[str, tuple[str, str]]):
    token = await csrf_token(client, "/today")
    form = FormData()
    form.add_field("_csrf", token)
    for kind, (name, content) in files.items():
        form.add_field(kind, content.encode(), filename=name, content_type="text/csv")
    return await client.post("/import", data=form, allow_redirects=False)


def _span():
    from datetime import datetime, timedelta, timezone

    start = datetime(2026, 12, 20, 8, tzinfo=timezone(timedelta(hours=8)))
    return start, start + timedelta(hours=4)


async def test_a_county_sees_its_own_firms_and_the_city_firms_paired_with_it(client_as):
    yutai = await (await (await client_as("yutai")).get("/firms")).text()
    assert 'href="/firms/F0004"' in yutai and 'href="/firms/F0001"' in yutai
    sishui = await (await (await client_as("sishui")).get("/firms")).text()
    assert 'href="/firms/F0001"' not in sishui


async def test_the_pages_speak_english_on_request(client_as):
    client = await client_as("yutai")
    text = await (await client.get(f"/people/{LAWYER}?lang=en")).text()
    assert "Unavailability" in text and "Details" in text
    assert "Page 1 of 2" in await (await client.get("/people")).text()


async def test_supervisors_read_without_edit_controls(client_as):
    client = await client_as("jiandu")
    for path in (f"/people/{LAWYER}", "/stations/S0002", "/units/370827", "/firms/F0004"):
        text = await (await client.get(path)).text()
        assert "/edit" not in text and 'method="post" action="/people' not in text, path
