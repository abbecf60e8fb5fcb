"""Links handed out point where the server really is: the request's own host and port when no
public address is configured (`roster serve --port 8091` hands out :8091 links), the public
address when it is; and the public feed links to public pages only."""

import re
from dataclasses import replace
from datetime import date

from domain.summary import DraftSummary
from tests.e2e.auth_helpers import csrf_token, seed_city_with_accounts, sign_in
from tests.integration.feeds_helpers import events
from tests.integration.helpers import ACTOR, seed_county
from web.app import create_app


def _publish(services) -> str:
    seed_county(services)
    services.registry.register_person("G1", "钱七", "leader", "370827", actor=ACTOR)
    services.registry.register_station(
        "C1", "鱼台县公共法律服务中心", "centre", "370827", "鱼台县湖陵路 1 号", "0537-6222222",
        [("workday", "day", 1)], actor=ACTOR,
    )  # fmt: skip
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
    return services.feed_tokens.issue("person", "L1", actor=ACTOR).token


def _origin(client) -> str:
    return f"http://{client.server.host}:{client.server.port}"


async def test_a_feed_links_to_the_host_and_port_it_was_fetched_from(aiohttp_client, services):
    token = _publish(services)
    assert services.settings.port == 8080  # the default the links once used
    client = await aiohttp_client(create_app(services, services.settings))
    assert client.server.port != 8080
    (event,) = events(await (await client.get(f"/feeds/{token}.ics")).read()).values()
    assert str(event["URL"]).startswith(f"{_origin(client)}/duties/")
    assert f"详情：{_origin(client)}/duties/" in str(event["DESCRIPTION"])
    # Fetched under another name, the same feed links there (never a cached first answer).
    other = await client.get(f"/feeds/{token}.ics", headers={"Host": "roster.local:8091"})
    (event,) = events(await other.read()).values()
    assert str(event["URL"]).startswith("http://roster.local:8091/duties/")


async def test_a_configured_public_address_wins_and_a_malformed_host_is_not_echoed(
    aiohttp_client, services
):
    token = _publish(services)
    public = replace(services.settings, public_url="https://roster.example.cn/")
    services.feeds.settings = public
    client = await aiohttp_client(create_app(services, public))
    (event,) = events(await (await client.get(f"/feeds/{token}.ics")).read()).values()
    assert str(event["URL"]).startswith("https://roster.example.cn/duties/")
    services.feeds.settings = replace(public, public_url="")
    odd = await client.get(f"/feeds/{token}.ics", headers={"Host": "evil.example/<x>"})
    (event,) = events(await odd.read()).values()
    assert str(event["URL"]).startswith("http://127.0.0.1:8080/duties/")


async def test_the_public_reception_feed_links_to_the_public_page(aiohttp_client, services):
    _publish(services)
    client = await aiohttp_client(create_app(services, services.settings))
    (event,) = events(await (await client.get("/public/reception/370827.ics")).read()).values()
    url = str(event["URL"])
    assert url == f"{_origin(client)}/public/reception?month=2026-12#bureau-370827"
    assert "/duties/" not in str(event["DESCRIPTION"])
    page = await client.get(url.split(_origin(client), 1)[1].split("#")[0])
    assert page.status == 200 and page.url.path == "/public/reception"  # no sign-in on the way
    text = await page.text()
    assert 'id="bureau-370827"' in text and "钱七" in text


async def test_the_subscription_link_and_its_qr_use_the_request_host(aiohttp_client, services):
    seed_city_with_accounts(services)
    client = await aiohttp_client(create_app(services, services.settings))
    assert (await sign_in(client, "lvshi")).status == 302
    token = await csrf_token(client, "/me/duties")
    issued = await client.post("/me/duties/feed", data={"action": "issue", "_csrf": token})
    text = await issued.text()
    host = f"{client.server.host}:{client.server.port}"
    assert re.search(rf'href="webcal://{re.escape(host)}/feeds/[^"]+\.ics"', text)
    assert re.search(rf'value="http://{re.escape(host)}/feeds/[^"]+\.ics"', text)
    assert ":8080/" not in text and "<svg" in text
