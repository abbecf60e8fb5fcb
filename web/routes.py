"""The one named-route table."""

from aiohttp import web

from web.views import (
    account,
    calendar,
    duties,
    feeds,
    health,
    lobby,
    overview,
    public,
    roster_drafting,
    roster_edits,
    rosters,
    subscription,
    today,
    unavailability,
)
from web.views.rosters import ROSTER

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
    web.get("/rosters", rosters.roster_list, name="rosters"),
    web.get(ROSTER, rosters.roster_grid, name="roster"),
    web.get(ROSTER + "/changes", rosters.roster_changes, name="roster_changes"),
    web.post(ROSTER + "/draft", roster_drafting.start_draft, name="roster_draft"),
    web.get(ROSTER + "/progress", roster_drafting.draft_progress, name="roster_progress"),
    web.post(ROSTER + "/cancel", roster_drafting.cancel_draft, name="roster_cancel"),
    web.post(ROSTER + "/publish", roster_edits.publish, name="roster_publish"),
    web.get(
        ROSTER + "/duties/{duty:[0-9a-f-]{36}}/reassign",
        roster_edits.reassign_form,
        name="duty_reassign",
    ),
    web.post(
        ROSTER + "/duties/{duty:[0-9a-f-]{36}}/reassign",
        roster_edits.reassign,
        name="duty_reassign_submit",
    ),
    web.get("/today", today.today, name="today"),
    web.get("/me/duties", duties.my_duties, name="my_duties"),
    web.post("/me/duties/feed", subscription.change_feed_link, name="my_feed_link"),
    web.post("/me/unavailability", unavailability.declare, name="declare_unavailable"),
    web.post(
        "/me/unavailability/{interval_id:[0-9a-f]{1,40}}/withdraw",
        unavailability.withdraw,
        name="withdraw_unavailable",
    ),
    web.post("/me/unavailability/import", unavailability.import_preview, name="import_preview"),
    web.post(
        "/me/unavailability/import/confirm", unavailability.import_confirm, name="import_confirm"
    ),
    web.get("/duties/{assignment_id:[0-9a-f-]{36}}", duties.duty_page, name="duty"),
    web.get("/public/reception", public.reception, name="public_reception"),
    web.get("/public/villages/{code:[0-9]{6,15}}", public.village_notice, name="village_notice"),
    web.get("/lobby/{station_code:[A-Za-z0-9_-]{1,40}}", lobby.lobby, name="lobby"),
    web.get("/calendar", calendar.year_page, name="calendar"),
    web.post("/calendar/declare", calendar.declare_day, name="declare_day"),
    web.post("/calendar/confirm", calendar.confirm_year, name="confirm_year"),
    web.post("/calendar/withdraw", calendar.withdraw_day, name="withdraw_day"),
]
