"""A demo city with one account per role, served through the app factory, and a way to sign in."""

import re

from argon2 import PasswordHasher

from roster.demo.accounts import DEMO_PASSWORD, seed_accounts
from roster.demo.city import generate_city
from roster.demo.seed import seed
from roster.services import Services

TOKEN = re.compile(r'name="_csrf" value="([^"]+)"')


def seed_city_with_accounts(services: Services, demo_accounts: bool = True) -> None:
    # Cheap argon2 parameters: the tests check behaviour, not the cost of a guess.
    services.accounts.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    seed(services, generate_city("small"))
    services.follower.catch_up()
    # The small city has one county; a second one lets a manager be refused the first.
    services.registry.register_unit("370831", "county", "泗水县", "370800", actor="test")
    services.registry.register_person("L9", "钱七", "lawyer", "370831", actor="test")
    if demo_accounts:
        seed_accounts(services)


async def csrf_token(client, path: str = "/login") -> str:
    response = await client.get(path)
    return TOKEN.search(await response.text()).group(1)


async def sign_in(client, username: str, password: str = DEMO_PASSWORD):
    token = await csrf_token(client)
    return await client.post(
        "/login",
        data={"username": username, "password": password, "_csrf": token},
        allow_redirects=False,
    )
