"""Feeds over HTTP: calendar content type, validators, 304 without a body, HEAD, and 404s."""

from datetime import date

import pytest

from domain.summary import DraftSummary
from tests.integration.feeds_helpers import events
from tests.integration.helpers import ACTOR, seed_county
from web.app import create_app


@pytest.fixture
async def app(aiohttp_client, sqlite_services):
    services = sqlite_services
    seed_county(services)
    services.registry.register_person("G1", "钱七", "leader", "370827", actor=ACTOR)
    services.registry.register_station(
        "C1", "鱼台县公共法律服务中心", "centre", "370827", "鱼台县湖陵路 1 号", "0537-6222222",
        [("workday", "day", 1)], actor=ACTOR,
    )  # fmt: skip
    services.registry.register_unit("370827100", "township", "王鲁镇", "370827", actor=ACTOR)
    for kind, place, person in (("duty-lawyers", "S1", "L1"), ("reception", "C1", "G1")):
        services.rosters.draft(
            kind,
            "370827",
            "2026-12",
            [(date(2026, 12, 3), place, "day", 0, person)],
            DraftSummary(),
            ACTOR,
        )
        services.rosters.publish(kind, "370827", "2026-12", ACTOR)
    link = services.feed_tokens.issue("person", "L1", actor=ACTOR)
    client = await aiohttp_client(create_app(services, services.settings))
    return client, services, f"/feeds/{link.token}.ics"


async def test_feed_is_a_calendar_with_validators(app):
    client, _services, path = app
    response = await client.get(path)
    assert response.status == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    etag = response.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert response.headers["Last-Modified"].endswith("GMT")
    body = await response.read()
    assert body.startswith(b"BEGIN:VCALENDAR\r\n")
    assert [str(e["SUMMARY"]) for e in events(body).values()] == ["值班律师 · 鱼台县看守所"]
    again = await client.get(path)
    assert again.headers["ETag"] == etag and await again.read() == body


async def test_revalidation_answers_304(app):
    client, _services, path = app
    first = await client.get(path)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    by_etag = await client.get(path, headers={"If-None-Match": f'"other", {etag}'})
    assert by_etag.status == 304 and await by_etag.read() == b""
    assert by_etag.headers["ETag"] == etag
    by_date = await client.get(path, headers={"If-Modified-Since": modified})
    assert by_date.status == 304
    stale = await client.get(
        path, headers={"If-None-Match": '"old"', "If-Modified-Since": modified}
    )
    assert stale.status == 200  # If-None-Match decides when both are sent
    older = await client.get(path, headers={"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"})
    assert older.status == 200


async def test_head_answers_headers_only(app):
    client, _services, path = app
    response = await client.head(path)
    assert response.status == 200 and await response.read() == b""
    assert response.headers["Content-Type"].startswith("text/calendar")
    assert response.headers["ETag"] == (await client.get(path)).headers["ETag"]


async def test_a_change_changes_the_etag(app):
    client, services, path = app
    etag = (await client.get(path)).headers["ETag"]
    roster = services.rosters.get("duty-lawyers", "370827", "2026-12")
    (duty,) = roster.assignments
    services.rosters.reassign(roster.id.hex, duty, "L2", ACTOR, "借调")
    changed = await client.get(path, headers={"If-None-Match": etag})
    assert changed.status == 200 and b"STATUS:CANCELLED" in await changed.read()


async def test_unknown_and_revoked_links_are_404(app):
    client, services, path = app
    unknown = await client.get("/feeds/" + "A" * 43 + ".ics")
    assert unknown.status == 404 and "页面不存在" in await unknown.text()
    services.feed_tokens.revoke("person", "L1", actor=ACTOR)
    assert (await client.get(path)).status == 404
    assert (await client.head(path)).status == 404


async def test_public_reception_feed_needs_no_token(app):
    client, _services, _path = app
    response = await client.get("/public/reception/370827.ics")
    assert response.status == 200 and response.headers["Cache-Control"].startswith("public")
    (event,) = events(await response.read()).values()
    assert str(event["SUMMARY"]) == "领导干部接待日 · 鱼台县公共法律服务中心 · 钱七"
    assert (await client.get("/public/reception/370827100.ics")).status == 404
