"""Two managers save the same form, rendered from the same version, at the same moment, over
real HTTP against running servers (one server, or two servers on one database), on both
stores: in every round exactly one wins, the other gets 409 with the record as it is now,
and the log has exactly one new event."""

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import aiohttp
import pytest
from aiohttp import web

from roster.bootstrap import build
from tests.e2e.auth_helpers import sign_in
from tests.e2e.form_helpers import HIDDEN, MANAGERS, log_size, seed_city_with_managers
from web.app import create_app

ROUNDS = 6
MONTH = "2026-12"
GRID = f"/rosters/duty-lawyers/370827/{MONTH}"
LAWYER = "L00051"
STALE = "此记录已被他人修改，请刷新后重试"


@asynccontextmanager
async def serving(services) -> AsyncIterator[str]:
    """The app on a real socket on a free port, as `roster serve` runs it."""
    runner = web.AppRunner(create_app(services, services.settings))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


@pytest.fixture(params=[1, 2], ids=["one server", "two servers"])
async def managers(request, services) -> AsyncIterator[list[aiohttp.ClientSession]]:
    """Two signed-in managers' browsers, on one server or each on its own."""
    seed_city_with_managers(services)
    job = services.drafting.start("duty-lawyers", "370827", MONTH, "test")
    job.future.result(timeout=300)
    async with AsyncExitStack() as stack:
        urls = [await stack.enter_async_context(serving(services))]
        if request.param == 2:
            other = build(database_url=services.settings.database_url, secret_key="test")
            stack.callback(other.close)
            urls.append(await stack.enter_async_context(serving(other)))
        browsers = []
        for n, username in enumerate(MANAGERS):
            browser = aiohttp.ClientSession(
                base_url=urls[n % len(urls)], cookie_jar=aiohttp.CookieJar(unsafe=True)
            )
            await stack.enter_async_context(browser)
            signed = await sign_in(browser, username)
            assert signed.status == 302
            browsers.append(browser)
        yield browsers


async def rendered(browser: aiohttp.ClientSession, page: str) -> dict[str, str]:
    """The hidden fields of the form as the manager's browser rendered it."""
    async with browser.get(page) as response:
        assert response.status == 200
        return dict(HIDDEN.findall(await response.text()))


async def save_at_once(browsers, path: str, forms: list[dict]) -> list[tuple[int, str]]:
    async def post(browser, form):
        async with browser.post(path, data=form, allow_redirects=False) as response:
            return response.status, await response.text()

    return list(await asyncio.gather(*(post(b, f) for b, f in zip(browsers, forms, strict=True))))


def two_allowed(services, duty_id: str) -> list[str] | None:
    """Two people the checker would let take the duty: the managers choose differently."""
    judge = services.reassignments.verdict
    verdict = judge("duty-lawyers", "370827", MONTH, duty_id)
    fine = []
    for candidate in verdict.candidates:
        if judge("duty-lawyers", "370827", MONTH, duty_id, candidate.code).allowed:
            fine.append(candidate.code)
            if len(fine) == 2:
                return fine
    return None


async def test_one_of_two_simultaneous_reassignments_wins(managers, services):
    roster = services.rosters.get("duty-lawyers", "370827", MONTH)
    duties = sorted(roster.assignments.values(), key=lambda a: (a.day, a.place, a.seat))
    rounds = 0
    for duty in duties:
        choices = two_allowed(services, duty.id)
        if choices is None:
            continue
        link = f"{GRID}/duties/{duty.id}/reassign"
        forms = [
            {**await rendered(b, f"{link}?person={p}"), "person": p, "reason": "同时调整"}
            for b, p in zip(managers, choices, strict=True)
        ]
        assert forms[0]["version"] == forms[1]["version"]  # both saw the same duty
        head = log_size(services)

        answers = await save_at_once(managers, link, forms)

        statuses = sorted(status for status, _ in answers)
        assert statuses == [303, 409], statuses
        assert log_size(services) == head + 1
        won = choices[[status for status, _ in answers].index(303)]
        now = services.rosters.get("duty-lawyers", "370827", MONTH).assignments[duty.id]
        assert (now.person, now.version) == (won, duty.version + 1)
        refused = next(text for status, text in answers if status == 409)
        assert STALE in refused
        # The refusal shows the duty as it is now; saving again needs a fresh check.
        name = services.registry_views.person_record(won)["name"]
        assert f"<dd><b>{name}</b></dd>" in refused and 'name="version"' not in refused
        rounds += 1
        if rounds == ROUNDS:
            break
    assert rounds == ROUNDS


async def test_one_of_two_simultaneous_person_edits_wins(managers, services):
    path = f"/people/{LAWYER}/edit"
    person = services.registry_views.person_record(LAWYER)
    kept = {"name": person["name"], "title": person["title"], "reason": "同时改号"}
    kept.update({"is_head": "1"} if person["is_head"] else {})
    kept.update({"duty_lawyer": "1"} if "duty_lawyer" in person["qualifications"] else {})
    for n in range(ROUNDS):
        phones = [f"1390000{n:02d}{m:02d}" for m in range(len(managers))]
        forms = [
            {**await rendered(b, path), **kept, "phone": phone}
            for b, phone in zip(managers, phones, strict=True)
        ]
        assert forms[0]["version"] == forms[1]["version"]
        head = log_size(services)

        answers = await save_at_once(managers, path, forms)

        statuses = sorted(status for status, _ in answers)
        assert statuses == [302, 409], statuses
        assert log_size(services) == head + 1
        won = phones[[status for status, _ in answers].index(302)]
        assert services.registry_views.person_record(LAWYER)["phone"] == won
        refused = next(text for status, text in answers if status == 409)
        assert STALE in refused
        assert re.search(rf'name="phone"[^>]*value="{won}"', refused)  # as it is now
