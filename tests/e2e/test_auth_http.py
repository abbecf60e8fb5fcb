"""Sign-in, sign-out, CSRF and session cookies over HTTP, through the app factory."""

import pytest

from roster.demo.accounts import DEMO_PASSWORD
from tests.e2e.auth_helpers import csrf_token, seed_city_with_accounts, sign_in
from web.app import create_app
from web.keys import SERVICES


@pytest.fixture
async def client(aiohttp_client, sqlite_services):
    seed_city_with_accounts(sqlite_services)
    return await aiohttp_client(create_app(sqlite_services, sqlite_services.settings))


async def test_sign_in_shows_my_account_and_sign_out_ends_it(client):
    response = await sign_in(client, "yutai")
    assert response.status == 302 and response.headers["Location"] == "/today"
    me = await client.get("/me")
    html = await me.text()
    assert me.status == 200 and "鱼台县管理员" in html and "鱼台县（370827）" in html
    assert "年" in html and "月" in html  # the creation date, in Chinese
    token = await csrf_token(client, "/me")
    response = await client.post("/logout", data={"_csrf": token}, allow_redirects=False)
    assert response.status == 302
    after = await client.get("/me", allow_redirects=False)
    assert after.status == 302 and after.headers["Location"] == "/login?next=/me"


async def test_wrong_password_shows_the_form_again_and_changes_nothing(client):
    position = client.app[SERVICES].store.recorder.max_notification_id()
    response = await sign_in(client, "yutai", "not the password")
    html = await response.text()
    assert response.status == 401
    assert 'value="yutai"' in html  # the name stays filled in
    beside_the_field = html.split('id="password"', 1)[1].split("</form>")[0]
    assert '<p class="field-error" id="password-error">用户名或口令不正确</p>' in beside_the_field
    me = await client.get("/me", allow_redirects=False)
    assert me.status == 302  # still nobody signed in
    assert client.app[SERVICES].store.recorder.max_notification_id() == position


async def test_login_refuses_to_redirect_off_the_site(client):
    token = await csrf_token(client)
    response = await client.post(
        "/login",
        data={"username": "admin", "password": DEMO_PASSWORD, "_csrf": token,
              "next": "//evil.example/steal"},
        allow_redirects=False,
    )  # fmt: skip
    assert response.headers["Location"] == "/today"


async def test_a_post_without_the_csrf_token_is_refused(client):
    await client.get("/login")  # a session exists, yet no token is sent
    response = await client.post(
        "/login", data={"username": "admin", "password": DEMO_PASSWORD}, allow_redirects=False
    )
    assert response.status == 403 and "表单已过期" in await response.text()
    assert (await client.get("/me", allow_redirects=False)).status == 302
    await sign_in(client, "admin")
    response = await client.post("/logout", data={"_csrf": "forged"}, allow_redirects=False)
    assert response.status == 403
    assert (await client.get("/me")).status == 200  # still signed in


async def test_session_cookie_is_encrypted_httponly_and_samesite(client):
    response = await sign_in(client, "admin")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("roster_session=") and "admin" not in cookie
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP here; HTTPS requests get Secure


async def test_changing_the_password_ends_other_sessions(client, aiohttp_client):
    other = await aiohttp_client(client.server)
    await sign_in(other, "lvshi")
    await sign_in(client, "lvshi")
    token = await csrf_token(client, "/me/password")
    wrong = await client.post(
        "/me/password",
        data={"_csrf": token, "current": "nope nope nope", "new": "a brand new secret",
              "confirm": "a brand new secret"},
    )  # fmt: skip
    assert wrong.status == 400 and 'id="current-error">用户名或口令不正确' in await wrong.text()
    changed = await client.post(
        "/me/password",
        data={"_csrf": token, "current": DEMO_PASSWORD, "new": "a brand new secret",
              "confirm": "a brand new secret"},
        allow_redirects=False,
    )  # fmt: skip
    assert changed.status == 302 and changed.headers["Location"] == "/me?changed=1"
    assert (await client.get("/me")).status == 200
    assert (await other.get("/me", allow_redirects=False)).status == 302


async def test_feeds_and_public_paths_hold_no_session_and_no_csrf(client):
    for path in ("/feeds/abcdefghijklmnopqrstuvwxyz.ics", "/public/reception/370827.ics"):
        response = await client.get(path)
        assert response.status in (200, 404) and "Set-Cookie" not in response.headers
        posted = await client.post(path, data={"x": "1"})
        assert posted.status == 405  # the route's own answer, not the CSRF refusal
