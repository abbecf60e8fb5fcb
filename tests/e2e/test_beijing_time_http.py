"""Times shown to people are Beijing time everywhere: a moment stored in UTC late in the
evening is the next day in Beijing, on the accounts list as on the account's own page."""

import pytest

from tests.e2e.auth_helpers import seed_city_with_accounts, sign_in
from web.app import create_app
from web.dates import moment
from web.i18n import show_date

LATE_EVENING_UTC = "2026-12-01T20:30:00+00:00"  # 2026-12-02 04:30 in Beijing


@pytest.fixture
async def admin(aiohttp_client, services):
    seed_city_with_accounts(services)
    with services.db.transaction() as cur:  # as if registered at that moment
        cur.execute("UPDATE accounts SET registered_at = ?", (LATE_EVENING_UTC,))
    client = await aiohttp_client(create_app(services, services.settings))
    assert (await sign_in(client, "admin")).status == 302
    return client


async def test_accounts_list_and_my_page_date_an_account_in_beijing_time(admin):
    listed = await (await admin.get("/accounts")).text()
    assert "2026年12月2日" in listed and "2026年12月1日" not in listed
    mine = await (await admin.get("/me")).text()
    assert "2026年12月2日" in mine and "04:30" in mine


def test_moments_are_dated_and_timed_in_beijing_whatever_their_offset():
    assert show_date(LATE_EVENING_UTC) == "2026年12月2日"
    assert show_date("2026-12-01T20:30:00") == "2026年12月2日"  # naive: stored UTC
    assert show_date("2026-12-01") == "2026年12月1日"  # a day stays that day
    assert moment(LATE_EVENING_UTC) == "2026-12-02 04:30"
    assert moment("2026-12-03T08:30:00+08:00") == "2026-12-03 08:30"
