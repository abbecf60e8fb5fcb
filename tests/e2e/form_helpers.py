"""Edit forms as a browser posts them: with the hidden fields (CSRF token, the record's
version) of the page they were rendered on; a city with two managers; the log's size."""

import re

from argon2 import PasswordHasher

from roster.demo.accounts import DEMO_PASSWORD
from roster.demo.city import generate_city
from roster.demo.seed import seed
from tests.e2e.auth_helpers import csrf_token

MANAGERS = {"yutai": ("manager", ("370827",)), "admin": ("admin", ())}  # both may change 鱼台县

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
VERSION = re.compile(r'name="version" value="([0-9]*)"')


async def rendered_version(client, page: str) -> str:
    """The version the first edit form on `page` was rendered from."""
    found = VERSION.search(await (await client.get(page)).text())
    assert found, f"no version on {page}"
    return found.group(1)


async def post_form(client, path: str, data: dict, page: str = ""):
    """Post `data` to `path` with the hidden fields of `page` (the form's own path when
    empty); a page the client may not see still gets a CSRF token from /today."""
    text = await (await client.get(page or path)).text()
    hidden = dict(HIDDEN.findall(text))
    if "_csrf" not in hidden:
        hidden["_csrf"] = await csrf_token(client, "/today")
    return await client.post(path, data={**hidden, **data}, allow_redirects=False)


def seed_city_with_managers(services) -> None:
    """The small demo city and the two managers' accounts (registered here, not by the demo's
    account step, which does not yet run on PostgreSQL)."""
    services.accounts.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    seed(services, generate_city("small"))
    services.follower.catch_up()
    for username, (role, units) in MANAGERS.items():
        services.accounts.register(
            username, username, DEMO_PASSWORD, role, "test", unit_codes=units, reason="测试"
        )


def log_size(services) -> int:
    """Events in the log. Not the highest notification id: on PostgreSQL an insert that lost
    a real collision uses up a sequence number."""
    table = services.store.recorder.events_table_name
    with services.db.reading() as cur:
        return cur.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
