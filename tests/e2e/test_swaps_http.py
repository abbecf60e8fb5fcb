"""Swaps over HTTP: a member asks a colleague from their duty's page, the colleague accepts on
/me/swaps, the unit's manager approves on /swaps; refusals (a rejection without a reason, a
stale form, a member approving) and a real race of two managers, where one wins and the other
is told why with a 409."""

import asyncio
import re
from datetime import timedelta

import pytest

from domain.summary import DraftSummary
from roster.demo.accounts import DEMO_PASSWORD
from tests.e2e.auth_helpers import csrf_token, seed_city_with_accounts, sign_in
from tests.e2e.member_pages_helpers import COUNTY, LAWYER, today
from tests.e2e.swap_helpers import publish_a_duty
from web.app import create_app


@pytest.fixture
def world(services):
    seed_city_with_accounts(services)
    duty, roster = publish_a_duty(services, today() + timedelta(days=3))
    colleagues = [c.code for c in services.swaps.candidates(roster, duty)[:2]]
    for n, code in enumerate(colleagues):
        services.accounts.register(f"tongshi{n}", f"同事{n}", DEMO_PASSWORD, "member", "test",
                                   person_code=code)  # fmt: skip
    services.accounts.register("yutai2", "鱼台二", DEMO_PASSWORD, "manager", "test",
                               unit_codes=[COUNTY])  # fmt: skip
    return {"services": services, "duty": duty, "colleagues": colleagues}


@pytest.fixture
def client_as(aiohttp_client, services):
    app = create_app(services, services.settings)

    async def make(username: str):
        client = await aiohttp_client(app)
        assert (await sign_in(client, username)).status == 302
        return client

    return make


async def post(client, path: str, data: dict, page: str = "/me/swaps"):
    data = {"_csrf": await csrf_token(client, page), **data}
    return await client.post(path, data=data, allow_redirects=False)


def line(services, request: str):
    return services.swap_views.get(request)


async def ask_cover(client_as, world) -> str:
    """lvshi asks the first colleague to cover; returns the request's id."""
    services, duty = world["services"], world["duty"]
    lvshi = await client_as("lvshi")
    page = await (await lvshi.get(f"/duties/{duty}")).text()
    assert "请人代班 / 换班" in page and "请其代班" in page
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    response = await post(lvshi, f"/duties/{duty}/swap", {
        "kind": "cover", "colleague": world["colleagues"][0], "reason": "开庭",
        "version": version}, f"/duties/{duty}")  # fmt: skip
    assert response.status == 303, await response.text()
    mine = services.swap_views.mine(LAWYER)
    assert [s.state for s in mine] == ["requested"]
    return mine[0].id


async def accepted(client_as, world) -> str:
    request = await ask_cover(client_as, world)
    colleague = await client_as("tongshi0")
    page = await (await colleague.get("/me/swaps")).text()
    assert f"/me/swaps/{request}/accept" in page
    version = line(world["services"], request).version
    response = await post(colleague, f"/me/swaps/{request}/accept", {"version": version})
    assert response.status == 303
    assert line(world["services"], request).state == "accepted"
    return request


async def test_cover_asked_accepted_approved_moves_the_duty(client_as, world):
    services, duty = world["services"], world["duty"]
    request = await accepted(client_as, world)
    manager = await client_as("yutai")
    page = await (await manager.get(f"/swaps?unit={COUNTY}")).text()
    assert f"/swaps/{request}/approve" in page
    response = await post(
        manager,
        f"/swaps/{request}/approve",
        {"version": line(services, request).version},
        f"/swaps?unit={COUNTY}",
    )
    assert response.status == 303
    assert line(services, request).state == "approved"
    colleague = await client_as("tongshi0")
    shown = await colleague.get(f"/duties/{duty}")
    assert shown.status == 200 and "请人代班 / 换班" in await shown.text()  # now theirs to swap
    assert services.duties.duty(duty).person_code == world["colleagues"][0]


async def test_a_rejection_needs_a_reason(client_as, world):
    services = world["services"]
    request = await ask_cover(client_as, world)
    manager = await client_as("yutai")
    version = line(services, request).version
    unit_page = f"/swaps?unit={COUNTY}"
    response = await post(manager, f"/swaps/{request}/reject", {"version": version}, unit_page)
    assert response.status == 400 and "驳回须填写原因" in await response.text()
    response = await post(manager, f"/swaps/{request}/reject",
                          {"version": version, "reason": "人手不足"}, unit_page)  # fmt: skip
    assert response.status == 303 and line(services, request).state == "rejected"


async def test_the_requester_withdraws_and_nobody_else_may(client_as, world):
    services = world["services"]
    request = await ask_cover(client_as, world)
    version = line(services, request).version
    other = await client_as("tongshi1")
    refused = await post(other, f"/me/swaps/{request}/withdraw", {"version": version})
    assert refused.status == 403
    lvshi = await client_as("lvshi")
    response = await post(lvshi, f"/me/swaps/{request}/withdraw", {"version": version})
    assert response.status == 303 and line(services, request).state == "withdrawn"


async def test_a_stale_approve_form_is_refused_with_409(client_as, world):
    services = world["services"]
    request = await accepted(client_as, world)
    manager = await client_as("yutai")
    stale = line(services, request).version - 1
    response = await post(manager, f"/swaps/{request}/approve", {"version": stale},
                          f"/swaps?unit={COUNTY}")  # fmt: skip
    assert response.status == 409 and "已被他人修改" in await response.text()
    assert line(services, request).state == "accepted"


async def test_a_member_cannot_approve_and_a_supervisor_only_reads(client_as, world):
    services = world["services"]
    request = await accepted(client_as, world)
    version = line(services, request).version
    for who in ("lvshi", "tongshi0", "jiandu"):
        client = await client_as(who)
        response = await post(client, f"/swaps/{request}/approve", {"version": version}, "/me")
        assert response.status == 403
    page = await (await (await client_as("jiandu")).get(f"/swaps?unit={COUNTY}")).text()
    assert "待批准" in page and f"/swaps/{request}/approve" not in page
    assert line(services, request).state == "accepted"


async def test_two_managers_at_once_one_wins_the_other_gets_409(client_as, world):
    services = world["services"]
    request = await accepted(client_as, world)
    version = line(services, request).version
    first, second = await client_as("yutai"), await client_as("yutai2")
    page = f"/swaps?unit={COUNTY}"
    forms = [{"_csrf": await csrf_token(c, page), "version": version} for c in (first, second)]
    forms[1]["reason"] = "不同意"
    approve, reject = await asyncio.gather(
        first.post(f"/swaps/{request}/approve", data=forms[0], allow_redirects=False),
        second.post(f"/swaps/{request}/reject", data=forms[1], allow_redirects=False),
    )
    statuses = sorted([approve.status, reject.status])
    assert statuses == [303, 409]
    loser = approve if approve.status == 409 else reject
    assert "已被他人修改" in await loser.text() or "不能" in await loser.text()
    assert line(services, request).state == ("approved" if approve.status == 303 else "rejected")


async def test_the_unit_sets_its_swap_rules(client_as, world):
    services = world["services"]
    manager = await client_as("yutai")
    page = await (await manager.get(f"/swaps?unit={COUNTY}")).text()
    version = re.search(r'name="unit" value="370827"><input type="hidden" name="version" '
                        r'value="(\d+)"', page).group(1)  # fmt: skip
    data = {"unit": COUNTY, "auto_approve": "on", "lead_hours": "48", "version": version}
    response = await post(manager, "/swaps/rules", data, f"/swaps?unit={COUNTY}")
    assert response.status == 303
    assert services.swaps.rules(COUNTY)[:2] == (True, 48)
    again = await post(manager, "/swaps/rules", data, f"/swaps?unit={COUNTY}")  # the old version
    assert again.status == 409
    bad = await post(manager, "/swaps/rules", {**data, "lead_hours": "x",
                     "version": services.swaps.rules(COUNTY)[2]}, f"/swaps?unit={COUNTY}")  # fmt: skip
    assert bad.status == 400


async def test_two_colleagues_offer_on_one_pool_post_at_once_one_wins(client_as, world):
    services, duty = world["services"], world["duty"]
    lvshi = await client_as("lvshi")
    page = await (await lvshi.get(f"/duties/{duty}")).text()
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    response = await post(
        lvshi,
        f"/duties/{duty}/swap",
        {"kind": "pool", "reason": "出差", "version": version},
        f"/duties/{duty}",
    )
    assert response.status == 303
    request = services.swap_views.mine(LAWYER)[0]
    clients = [await client_as("tongshi0"), await client_as("tongshi1")]
    for client in clients:
        assert f"/me/swaps/{request.id}/offer" in await (await client.get("/me/swaps")).text()
    forms = [{"_csrf": await csrf_token(c, "/me/swaps"), "version": request.version}
             for c in clients]  # fmt: skip
    responses = await asyncio.gather(*(
        c.post(f"/me/swaps/{request.id}/offer", data=f, allow_redirects=False)
        for c, f in zip(clients, forms, strict=True)
    ))  # fmt: skip
    assert sorted(r.status for r in responses) == [303, 409]
    loser = next(r for r in responses if r.status == 409)
    assert "已被他人修改" in await loser.text() or "不能" in await loser.text()
    winner = world["colleagues"][[r.status for r in responses].index(303)]
    assert (line(services, request.id).state, line(services, request.id).colleague) == (
        "offered",
        winner,
    )
    # the requester accepts the offer
    accept = await post(
        lvshi, f"/me/swaps/{request.id}/accept", {"version": line(services, request.id).version}
    )
    assert accept.status == 303 and line(services, request.id).state == "accepted"


async def test_an_exchange_moves_both_duties_and_refusals_speak_the_users_language(
    client_as, world
):
    services, duty = world["services"], world["duty"]
    colleague = world["colleagues"][0]
    mine = services.duties.duty(duty)  # re-published with a duty of the colleague's, a week on
    month = f"{mine.day:%Y-%m}"
    services.rosters.draft(
        "duty-lawyers", COUNTY, month,
        [(mine.day, mine.place, "day", 0, LAWYER),
         (mine.day + timedelta(days=7), mine.place, "day", 0, colleague)],
        DraftSummary(), "test",
    )  # fmt: skip
    services.rosters.publish("duty-lawyers", COUNTY, month, "test")
    lvshi = await client_as("lvshi")
    await lvshi.get("/?lang=en")
    page = await (await lvshi.get(f"/duties/{duty}")).text()
    assert "Ask for cover / swap" in page
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    theirs = re.search(r'<option value="([0-9a-f-]{36})">', page).group(1)
    refused = await post(lvshi, f"/duties/{duty}/swap",
                         {"kind": "exchange", "version": version}, f"/duties/{duty}")  # fmt: skip
    assert refused.status == 400
    assert "An exchange names the colleague&#39;s duty" in await refused.text()
    response = await post(lvshi, f"/duties/{duty}/swap",
                          {"kind": "exchange", "colleague_duty": theirs, "version": version},
                          f"/duties/{duty}")  # fmt: skip
    assert response.status == 303, await response.text()
    request = services.swap_views.offered_to(colleague)[0]
    other = await client_as("tongshi0")
    await post(other, f"/me/swaps/{request.id}/accept", {"version": request.version})
    manager = await client_as("yutai")
    approved = await post(manager, f"/swaps/{request.id}/approve",
                          {"version": line(services, request.id).version}, "/swaps")  # fmt: skip
    assert approved.status == 303
    assert services.duties.duty(duty).person_code == colleague
    assert services.duties.duty(theirs).person_code == LAWYER
