"""What the tests of shared data (the city's calendar, pairings, the import) stand on: the small
city with an account per role, a manager of the city among them, and a way to post a form or
an upload and see whether anything was recorded."""

import re
from datetime import date

from aiohttp import FormData

from roster.demo.accounts import DEMO_PASSWORD
from roster.services import Services
from tests.e2e.auth_helpers import csrf_token, seed_city_with_accounts
from tests.e2e.form_helpers import post_form

# A lawyer of 鱼台县 in 鱼台县's firm F0004: in scope for 鱼台县, outside it for 泗水县.
LAWYER_ROWS = "编码,姓名,类别,所属单位编码,律所编码\nL0990,孙八,律师,370827,F0004\n"


def seed_shared_data(services: Services) -> None:
    """The small city with its demo accounts, a manager of the city, and one declared day
    of each calendar to withdraw."""
    seed_city_with_accounts(services, demo_accounts=False)
    for username, role, units, person in (
        ("admin", "admin", (), ""), ("jining", "manager", ("370800",), ""),
        ("yutai", "manager", ("370827",), ""), ("sishui", "manager", ("370831",), ""),
        ("jiandu", "supervisor", ("370800",), ""), ("lvshi", "member", (), "L00051"),
    ):  # fmt: skip
        services.accounts.register(
            username, username, DEMO_PASSWORD, role, "test", unit_codes=units, person_code=person
        )
    services.workdays.declare(date(2027, 2, 6), "holiday", "春节", actor="test")
    services.workdays.declare(date(2027, 2, 8), "holiday", "县庆", actor="test", county="370827")


def last_event(services: Services) -> int:
    return services.store.recorder.max_notification_id() or 0


async def post_as(client, path: str, data: dict):
    token = await csrf_token(client, "/today")
    if path.split("?")[0] == "/import":
        form = FormData()
        form.add_field("_csrf", token)
        for kind, (name, content) in data.items():
            form.add_field(kind, content.encode(), filename=name, content_type="text/csv")
        return await client.post(path, data=form, allow_redirects=False)
    if path.startswith("/calendar/"):  # every form there carries the calendars' versions
        data = {**await calendar_versions(client, data), **data}
    if path.startswith("/firms/"):  # an edit form: with the version its page was rendered from
        return await post_form(client, path, data, "/" + "/".join(path.split("/")[1:3]))
    return await client.post(path, data={**data, "_csrf": token}, allow_redirects=False)


async def calendar_versions(client, data: dict) -> dict[str, str]:
    """The hidden versions of the calendar page the form would be posted from (the same for
    every year of it)."""
    county = data.get("county", "")
    page = "/calendar" + (f"?county={county}" if county else "")
    text = await (await client.get(page)).text()
    return dict(re.findall(r'name="((?:city|county)_version)" value="([0-9]+)"', text))
