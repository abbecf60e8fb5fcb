"""Sessions end everywhere at once, sign-in lands only on this site, proxies are believed only
when trusted, passwords are refused with reasons, and every answer carries the security
headers: over HTTP, on both stores, with two app instances ("workers") on one database."""

import re
from dataclasses import replace

import aiohttp
import pytest
from argon2 import PasswordHasher

from roster.bootstrap import build
from tests.e2e.auth_helpers import csrf_token, sign_in
from tests.integration.helpers import ACTOR, seed_county
from web.app import create_app
from web.auth.session import COOKIE
from web.keys import SERVICES

PASSWORD = "correct horse battery"
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def first(services):
    services.accounts.hasher = CHEAP
    seed_county(services)
    services.accounts.register("root", "管理员", PASSWORD, "admin", ACTOR)
    services.accounts.register("yutai", "鱼台", PASSWORD, "manager", ACTOR, unit_codes=["370827"])
    return services


@pytest.fixture
def second(first):
    """Another worker: its own services and app on the same database."""
    services = build(database_url=first.settings.database_url, secret_key="test")
    services.accounts.hasher = CHEAP
    yield services
    services.close()


@pytest.fixture
async def workers(aiohttp_client, first, second):
    a = await aiohttp_client(create_app(first, first.settings))
    b = await aiohttp_client(create_app(second, second.settings))
    return a, b


async def signed_in_cookie(client, username: str = "yutai", password: str = PASSWORD) -> str:
    response = await sign_in(client, username, password)
    assert response.status == 302
    return response.cookies[COOKIE].value


async def me_with(client, cookie: str) -> int:
    """/me with nothing but a copied cookie: 200 while the session counts, else a redirect."""
    async with (
        aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as browser,
        browser.get(
            client.make_url("/me"), headers={"Cookie": f"{COOKIE}={cookie}"},
            allow_redirects=False,
        ) as response,
    ):  # fmt: skip
        return response.status


async def test_a_copied_cookie_is_refused_on_every_worker_after_sign_out(workers, aiohttp_client):
    a, b = workers
    cookie = await signed_in_cookie(a)
    elsewhere = await signed_in_cookie(await aiohttp_client(a.server))  # another device
    assert await me_with(b, cookie) == 200  # any worker honours the session
    token = await csrf_token(a, "/me")
    assert (await a.post("/logout", data={"_csrf": token}, allow_redirects=False)).status == 302
    assert await me_with(a, cookie) == 302
    assert await me_with(b, cookie) == 302  # the other worker, at once
    assert await me_with(b, elsewhere) == 302  # signing out ends every session of the account
    assert await me_with(b, await signed_in_cookie(a)) == 200  # a new sign-in works again


async def test_a_copied_cookie_is_refused_on_every_worker_after_a_password_change(workers):
    a, b = workers
    stolen = await signed_in_cookie(a)
    await signed_in_cookie(b)
    token = await csrf_token(b, "/me/password")
    new = "a brand new secret"
    changed = await b.post(
        "/me/password", data={"_csrf": token, "current": PASSWORD, "new": new, "confirm": new},
        allow_redirects=False,
    )  # fmt: skip
    assert changed.status == 302
    assert await me_with(a, stolen) == 302 and await me_with(b, stolen) == 302
    assert (await b.get("/me", allow_redirects=False)).status == 200  # the changer stays in


async def test_a_copied_cookie_is_refused_on_every_worker_after_disabling(workers):
    a, b = workers
    cookie = await signed_in_cookie(a)
    await signed_in_cookie(b, "root")
    b.app[SERVICES].accounts.disable("yutai", actor="root", reason="调离")
    assert await me_with(a, cookie) == 302 and await me_with(b, cookie) == 302


OFF_SITE = ["//evil.example/x", "/\t/evil.example", "/\\evil.example", "/\\/evil.example",
            "https://evil.example/", "http:evil.example", " //evil.example", "/\n/evil.example",
            "\\\\evil.example", "javascript:alert(1)", "/\u3000/evil.example"]  # fmt: skip


@pytest.mark.parametrize("target", OFF_SITE)
async def test_sign_in_never_leaves_the_site(workers, target):
    a, _ = workers
    token = await csrf_token(a)
    response = await a.post(
        "/login", data={"username": "yutai", "password": PASSWORD, "_csrf": token, "next": target},
        allow_redirects=False,
    )  # fmt: skip
    assert response.status == 302 and response.headers["Location"] == "/today"
    form = await a.get("/login?next=/%09/evil.example", allow_redirects=False)
    assert form.headers["Location"] == "/today"  # already signed in: the same rule


async def test_sign_in_returns_to_a_page_of_this_site(workers):
    a, _ = workers
    form = await a.get("/login?next=/%09/evil.example")
    assert 'name="next" value="/today"' in await form.text()
    token = await csrf_token(a)
    response = await a.post(
        "/login", data={"username": "yutai", "password": PASSWORD, "_csrf": token,
                        "next": "/rosters?month=2026-12"},
        allow_redirects=False,
    )  # fmt: skip
    assert response.headers["Location"] == "/rosters?month=2026-12"


def failure_subjects(services) -> set[str]:
    with services.db.reading() as cur:
        return {row[0] for row in cur.execute("SELECT subject FROM login_failures").fetchall()}


async def test_forwarded_headers_are_ignored_without_a_trusted_proxy(workers):
    a, _ = workers
    token = await csrf_token(a)
    headers = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    response = await a.post(
        "/login", data={"username": "yutai", "password": PASSWORD, "_csrf": token},
        headers=headers, allow_redirects=False,
    )  # fmt: skip
    assert "Secure" not in response.headers["Set-Cookie"]
    await sign_in(a, "yutai", "wrong password")
    assert "address:127.0.0.1" in failure_subjects(a.app[SERVICES])
    assert not any("203.0.113.9" in s for s in failure_subjects(a.app[SERVICES]))


async def test_a_trusted_proxy_names_the_client_and_the_scheme(aiohttp_client, first):
    settings = replace(first.settings, trusted_proxies=("127.0.0.0/8",))
    client = await aiohttp_client(create_app(first, settings))
    token = await csrf_token(client)
    # The client wrote the first entry itself; our proxy appended the address it saw.
    headers = {"X-Forwarded-For": "10.9.9.9, 203.0.113.9", "X-Forwarded-Proto": "https"}
    response = await client.post(
        "/login", data={"username": "yutai", "password": "wrong password", "_csrf": token},
        headers=headers, allow_redirects=False,
    )  # fmt: skip
    assert response.status == 401
    subjects = failure_subjects(first)
    assert "address:203.0.113.9" in subjects and "address:10.9.9.9" not in subjects
    response = await client.post(
        "/login", data={"username": "yutai", "password": PASSWORD, "_csrf": token},
        headers=headers, allow_redirects=False,
    )  # fmt: skip
    assert re.search(r"roster_session=[^,]*; .*Secure", response.headers["Set-Cookie"])


async def test_the_wait_after_failed_sign_ins_is_shown_and_outlasts_the_worker(workers):
    a, b = workers
    for _ in range(3):
        assert (await sign_in(a, "yutai", "wrong password")).status == 401
    refused = await sign_in(b, "yutai", PASSWORD)  # another worker, the right password
    assert refused.status == 429 and int(refused.headers["Retry-After"]) >= 1
    assert "登录失败次数过多" in await refused.text()


WEAK = [
    ("shortone", "口令长度须为 10 至 256 个字符"),
    ("aaaaaaaaaaaa", "口令由重复的字符组成"),
    ("1234567890", "口令是连续的字符"),
    ("qwertyuiop", "口令是连续的字符"),
    ("password2026", "这是最常用的口令之一"),
    ("woaini1314520", "这是最常用的口令之一"),
    ("bad\x07password", "口令不能包含控制字符"),
    ("i am yutai, hello", "口令不能包含用户名"),
]


async def test_weak_passwords_are_refused_with_the_reason(workers):
    a, _ = workers
    await signed_in_cookie(a)
    position = a.app[SERVICES].store.recorder.max_notification_id()
    token = await csrf_token(a, "/me/password")
    for new, reason in WEAK:
        response = await a.post(
            "/me/password", data={"_csrf": token, "current": PASSWORD, "new": new, "confirm": new}
        )
        html = await response.text()
        assert response.status == 400 and f'id="new-error">{reason}' in html, new
    english = await a.post(
        "/me/password?lang=en",
        data={"_csrf": token, "current": PASSWORD, "new": "1234567890", "confirm": "1234567890"},
    )
    assert "sequential characters" in await english.text()
    assert a.app[SERVICES].store.recorder.max_notification_id() == position


PATHS = ["/", "/login", "/me", "/no-such-page", "/static/site.css", "/health",
         "/api/v1/openapi.json", "/api/v1/rosters", "/public/reception"]  # fmt: skip


async def test_every_answer_carries_the_security_headers_and_no_version(workers):
    a, _ = workers
    await signed_in_cookie(a)
    for path in PATHS:
        response = await a.get(path, allow_redirects=False)
        h = response.headers
        assert "frame-ancestors 'none'" in h["Content-Security-Policy"], path
        assert "script-src 'self'" in h["Content-Security-Policy"], path
        assert h["X-Content-Type-Options"] == "nosniff", path
        assert h["Referrer-Policy"] == "same-origin", path
        assert h["Server"] == "roster", path
