"""The roster pages over HTTP through the app factory: list, grid, drafting (with and without
the script), progress stream, cancel, reassign with the checker's verdict, publish, changes."""

import re
import threading

import pytest

from domain.summary import DraftSummary, Shortfall
from tests.e2e.auth_helpers import csrf_token, seed_city_with_accounts, sign_in
from tests.e2e.form_helpers import rendered_version
from web.app import create_app
from web.keys import SERVICES

GRID = "/rosters/duty-lawyers/370827/2026-12"
DUTY_LINK = re.compile(
    r'href="(/rosters/duty-lawyers/370827/2026-12/duties/[0-9a-f-]{36}/reassign)"'
)


@pytest.fixture
async def app(sqlite_services):
    seed_city_with_accounts(sqlite_services)
    return create_app(sqlite_services, sqlite_services.settings)


async def signed_in(aiohttp_client, app, user="yutai"):
    client = await aiohttp_client(app)
    assert (await sign_in(client, user)).status == 302
    return client


async def draft(client) -> None:
    token = await csrf_token(client, GRID)
    response = await client.post(f"{GRID}/draft", data={"_csrf": token}, allow_redirects=False)
    assert response.status == 303
    assert response.headers["Location"] == GRID


async def test_the_list_shows_a_managers_rosters_not_drafted(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    page = await (await client.get("/rosters?month=2026-12")).text()
    assert "鱼台县" in page and "值班律师" in page and "未生成" in page
    assert GRID in page


async def test_the_list_is_scoped_to_the_managers_units(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app, "sishui")
    page = await (await client.get("/rosters?month=2026-12")).text()
    assert "370827" not in page


async def test_a_bad_filter_comes_back_with_its_message(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    response = await client.get("/rosters?month=2026-13&kind=nonsense")
    assert response.status == 400
    page = await response.text()
    assert "没有这种排班类型" in page and page.count('class="field-error"') == 2


async def test_drafting_without_script_redirects_to_the_filled_grid(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    await draft(client)
    page = await (await client.get(GRID)).text()
    assert "草案 第1稿" in page and "覆盖率" in page
    assert DUTY_LINK.search(page)
    assert app[SERVICES].rosters.get("duty-lawyers", "370827", "2026-12").draft_number == 1


async def test_drafting_with_script_streams_progress_until_done(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    token = await csrf_token(client, GRID)
    headers = {"Accept": "application/json", "X-CSRF-Token": token}
    response = await client.post(f"{GRID}/draft", headers=headers)
    assert response.status == 202
    assert (await response.json())["progress"] == f"{GRID}/progress"
    stream = await client.get(f"{GRID}/progress")
    assert stream.headers["Content-Type"].startswith("text/event-stream")
    body = await stream.text()
    assert body.startswith("data: ") and '"state": "done"' in body


async def test_a_job_cancelled_records_no_draft(aiohttp_client, app, monkeypatch):
    services = app[SERVICES]
    gate = threading.Event()
    build = services.planner.problem

    def held(*args):
        gate.wait(10)
        return build(*args)

    monkeypatch.setattr(services.planner, "problem", held)
    client = await signed_in(aiohttp_client, app)
    token = await csrf_token(client, GRID)
    headers = {"Accept": "application/json", "X-CSRF-Token": token}
    assert (await client.post(f"{GRID}/draft", headers=headers)).status == 202
    again = await client.post(f"{GRID}/draft", headers=headers)  # one job per roster
    assert again.status == 202
    cancelled = await client.post(f"{GRID}/cancel", headers=headers)
    assert (await cancelled.json()) == {"cancelled": True}
    gate.set()
    body = await (await client.get(f"{GRID}/progress")).text()
    assert '"state": "cancelled"' in body
    assert services.rosters.get("duty-lawyers", "370827", "2026-12") is None
    assert "已取消" in await (await client.get(GRID)).text()


async def test_posts_need_the_csrf_token_and_the_right_to_change(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    assert (await client.post(f"{GRID}/draft", data={})).status == 403
    supervisor = await signed_in(aiohttp_client, app, "jiandu")
    token = await csrf_token(supervisor, GRID)
    for action in ("draft", "publish", "cancel"):
        response = await supervisor.post(f"{GRID}/{action}", data={"_csrf": token})
        assert response.status == 403
    assert app[SERVICES].rosters.get("duty-lawyers", "370827", "2026-12") is None


async def test_another_countys_manager_is_refused(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app, "sishui")
    assert (await client.get(GRID)).status == 403
    token = await csrf_token(client, "/rosters")
    response = await client.post(f"{GRID}/draft", data={"_csrf": token}, allow_redirects=False)
    assert response.status == 403


@pytest.mark.parametrize(
    "path",
    [
        "/rosters/duty-lawyers/370827/2026-13",  # no such month
        "/rosters/duty-lawyers/370831/2026-12",  # a county with no duty station
        "/rosters/duty-lawyers/999999/2026-12",  # no such unit
        "/rosters/nonsense/370827/2026-12",
        GRID + "/duties/00000000-0000-0000-0000-000000000000/reassign",
    ],
)
async def test_rosters_that_do_not_exist_are_404_never_500(aiohttp_client, app, path):
    client = await signed_in(aiohttp_client, app, "admin")
    assert (await client.get(path)).status == 404


async def test_a_month_in_an_undeclared_year_shows_a_banner(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    response = await client.get("/rosters/duty-lawyers/370827/2027-01")
    assert response.status == 200
    page = await response.text()
    assert "节假日尚未公布" in page and "2027" in page


async def _first_duty(client) -> str:
    return DUTY_LINK.search(await (await client.get(GRID)).text()).group(1)


async def test_reassign_shows_the_verdict_before_saving(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    await draft(client)
    link = await _first_duty(client)
    form = await (await client.get(link)).text()
    candidates = re.findall(r'<option value="([A-Z0-9]+)"', form)
    assert candidates
    verdicts = {c: await (await client.get(f"{link}?person={c}")).text() for c in candidates}
    fine = [c for c, page in verdicts.items() if "校验通过" in page]
    broken = [c for c, page in verdicts.items() if "违反以下硬性规则" in page]
    assert fine and broken  # someone on duty elsewhere that day is refused
    roster = app[SERVICES].rosters.get("duty-lawyers", "370827", "2026-12")
    duty_id = link.split("/")[-2]
    before = roster.assignments[duty_id].person

    token = await csrf_token(client, link)
    version = await rendered_version(client, f"{link}?person={fine[0]}")
    sent = {"_csrf": token, "version": version}
    no_reason = await client.post(link, data={**sent, "person": fine[0], "reason": ""})
    assert no_reason.status == 400 and "请填写调整原因" in await no_reason.text()
    refused = await client.post(link, data={**sent, "person": broken[0], "reason": "试"})
    assert refused.status == 409 and "违反以下硬性规则" in await refused.text()
    stranger = await client.post(link, data={**sent, "person": "L9", "reason": "试"})
    assert stranger.status == 400 and "符合条件" in await stranger.text()
    roster = app[SERVICES].rosters.get("duty-lawyers", "370827", "2026-12")
    assert roster.assignments[duty_id].person == before  # nothing saved

    saved = await client.post(
        link, data={**sent, "person": fine[0], "reason": "开庭冲突"}, allow_redirects=False
    )
    assert saved.status == 303
    roster = app[SERVICES].rosters.get("duty-lawyers", "370827", "2026-12")
    assert roster.assignments[duty_id].person == fine[0]
    last = list(app[SERVICES].store.events.get(roster.id))[-1]
    assert type(last).__name__ == "DutyReassigned"
    assert (last.actor, last.reason, last.person) == ("yutai", "开庭冲突", fine[0])


async def test_publish_then_compare_a_new_draft_with_it(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    token = await csrf_token(client, GRID)
    nothing = await client.post(f"{GRID}/publish", data={"_csrf": token})
    assert nothing.status == 409  # nothing drafted yet: the grid again, with the message
    await draft(client)
    sent = {"_csrf": token, "version": await rendered_version(client, GRID)}
    published = await client.post(f"{GRID}/publish", data=sent, allow_redirects=False)
    assert published.status == 303 and published.headers["Location"] == f"{GRID}?published=1"
    assert "已发布 第1版" in await (await client.get(GRID)).text()

    services = app[SERVICES]
    roster = services.rosters.get("duty-lawyers", "370827", "2026-12")
    duties = sorted(roster.assignments.values(), key=lambda a: (a.day, a.place, a.seat))
    kept = [(a.day, a.place, a.shift, a.seat, a.person) for a in duties[1:]]
    services.rosters.draft("duty-lawyers", "370827", "2026-12", kept, DraftSummary(), actor="yutai")
    page = await (await client.get(f"{GRID}/changes")).text()
    assert "取消 1 处" in page
    assert "查看与已发布版本的差异" in await (await client.get(GRID)).text()


ROLES = ("admin", "jiandu", "yutai", "sishui", "lvshi", "lingdao")
# Who may change 鱼台县's roster: 303 (done, back to the grid), 409 (refused by the rules: a
# publish with nothing drafted), 403 (not theirs to change). In the order of ROLES.
POSTS = {
    "publish": (409, 403, 409, 403, 403, 403),
    "cancel": (303, 403, 303, 403, 403, 403),
}


@pytest.mark.parametrize("role", ROLES)
async def test_role_post_matrix(aiohttp_client, app, role):
    client = await signed_in(aiohttp_client, app, role)
    token = await csrf_token(client, "/me")
    column = ROLES.index(role)
    got = {
        action: (
            await client.post(f"{GRID}/{action}", data={"_csrf": token}, allow_redirects=False)
        ).status
        for action in POSTS
    }
    assert got == {action: expected[column] for action, expected in POSTS.items()}
    assert app[SERVICES].rosters.get("duty-lawyers", "370827", "2026-12") is None


async def test_anonymous_posts_are_refused(aiohttp_client, app):
    client = await aiohttp_client(app)
    token = await csrf_token(client)
    response = await client.post(f"{GRID}/draft", data={"_csrf": token}, allow_redirects=False)
    assert response.status == 302 and response.headers["Location"].startswith("/login")


async def test_every_unfilled_seat_is_explained_on_the_grid(aiohttp_client, app):
    gap = Shortfall(
        "shortfall", "鱼台县看守所 12月3日 需要 2 名律师；只有 1 名符合条件且有空",
        "Yutai detention centre 3 Dec needs 2 lawyers; only 1 eligible and available",
    )  # fmt: skip
    summary = DraftSummary(
        coverage=0.5, seats=2, filled=1, status="FEASIBLE", seconds=0.1, shortfalls=(gap,)
    )
    app[SERVICES].rosters.draft("duty-lawyers", "370827", "2026-12", [], summary, actor="yutai")
    client = await signed_in(aiohttp_client, app, "jiandu")
    page = await (await client.get(GRID)).text()
    assert "未排满的班次（1）" in page and "只有 1 名符合条件且有空" in page
    assert "50.0%" in page and 'id="draft-form"' not in page  # a supervisor only reads
    english = await (await client.get(GRID, params={"lang": "en"})).text()
    assert "only 1 eligible and available" in english and "只有 1 名" not in english


async def test_drafting_an_undeclared_year_fails_with_its_reason(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    grid = "/rosters/duty-lawyers/370827/2027-01"
    token = await csrf_token(client, grid)
    response = await client.post(f"{grid}/draft", data={"_csrf": token}, allow_redirects=False)
    assert response.status == 303
    page = await (await client.get(grid)).text()
    assert page.count("2027") >= 2 and "banner-error" in page
    assert app[SERVICES].rosters.get("duty-lawyers", "370827", "2027-01") is None


async def test_the_pages_speak_english_too(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    await draft(client)
    page = await (await client.get(f"{GRID}?lang=en")).text()
    assert "Generate draft" not in page and "Draft again" in page and "December 2026" in page
    assert "Month sheet" in page and '<span class="dow">M</span>' in page
    assert "Rosters for December 2026" in await (await client.get("/rosters?month=2026-12")).text()


async def test_holidays_and_make_up_days_are_marked(aiohttp_client, app):
    client = await signed_in(aiohttp_client, app)
    page = await (await client.get("/rosters/duty-lawyers/370827/2026-10")).text()
    assert page.count('class="day holiday"') == 7  # 1–7 Oct, weekends among them
    assert page.count('class="day makeup"') == 1  # Saturday 10 Oct is worked
    assert "国庆节（调休上班）" in page and "–" in page
