"""Chinese by default, English by the switch, every text from the catalogue."""

import pytest

from tests.e2e.auth_helpers import seed_city_with_accounts, sign_in
from web.app import create_app


@pytest.fixture
async def client(aiohttp_client, sqlite_services):
    seed_city_with_accounts(sqlite_services)
    return await aiohttp_client(create_app(sqlite_services, sqlite_services.settings))


async def test_chinese_by_default_english_by_the_switch_and_remembered(client):
    html = await (await client.get("/")).text()
    assert '<html lang="zh-CN">' in html and "概览" in html and "English" in html
    response = await client.get("/?lang=en")
    html = await response.text()
    assert '<html lang="en">' in html and "public legal services at a glance" in html
    assert "概览" not in html and "Sign in" in html
    assert "lang=en" in response.headers["Set-Cookie"]
    again = await (await client.get("/login")).text()  # the cookie keeps the choice
    assert "Password" in again and "口令" not in again
    back = await (await client.get("/login?next=/me&lang=zh")).text()
    assert "口令" in back and 'href="/login?next=/me&amp;lang=en"' in back  # keeps the page


async def test_today_is_shown_in_chinese(client):
    html = await (await client.get("/")).text()
    today = html.split('class="today">', 1)[1].split("<", 1)[0]
    assert today.count("年") == 1 and "月" in today and "日星期" in today


async def test_error_messages_and_dates_follow_the_language(client):
    await client.get("/?lang=en")
    refused = await sign_in(client, "yutai", "not the password")
    assert "Wrong username or password" in await refused.text()
    await sign_in(client, "yutai")
    english = await (await client.get("/me")).text()
    assert "Account created" in english and "2026" in english and "年" not in english
    chinese = await (await client.get("/me?lang=zh")).text()
    assert "账号创建于" in chinese and "年" in chinese and "日" in chinese
    missing = await (await client.get("/nowhere?lang=en")).text()
    assert "Page not found" in missing
