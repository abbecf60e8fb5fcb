"""The one named-route table."""

from aiohttp import web

from web.views import account, feeds, health, overview

ROUTES = [
    web.get("/", overview.index, name="overview"),
    web.get("/health", health.health, name="health"),
    web.get("/login", account.login_form, name="login"),
    web.post("/login", account.login, name="login_submit"),
    web.post("/logout", account.logout, name="logout"),
    web.get("/me", account.me, name="me"),
    web.get("/me/password", account.password_form, name="password"),
    web.post("/me/password", account.change_password, name="password_submit"),
    web.get("/accounts", account.account_list, name="accounts"),
    web.get("/feeds/{token:[A-Za-z0-9_-]{20,100}}.ics", feeds.token_feed, name="token_feed"),
    web.get(
        "/public/reception/{unit_code:[0-9]{6,12}}.ics",
        feeds.public_reception,
        name="public_reception_feed",
    ),
]
