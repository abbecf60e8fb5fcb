"""Accounts on both stores: argon2 hashes, sign-in, password changes, and who sees what."""

import pytest
from argon2 import PasswordHasher

from domain.account import account_id
from domain.errors import DomainError
from roster.access.accounts import (
    AccountExistsError,
    LoginRefusedError,
    UnknownPersonError,
    UnknownUnitError,
)
from roster.access.passwords import PasswordPolicyError
from roster.access.throttle import LoginThrottledError
from tests.integration.helpers import ACTOR, seed_county, table

PASSWORD = "correct horse battery"


@pytest.fixture
def city(services):
    services.accounts.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    seed_county(services)
    r = services.registry
    r.register_unit("370831", "county", "泗水县", "370800", actor=ACTOR)
    r.register_person("L9", "钱七", "lawyer", "370831", actor=ACTOR)
    a = services.accounts
    a.register("root", "管理员", PASSWORD, "admin", ACTOR)
    a.register("yutai", "鱼台", PASSWORD, "manager", ACTOR, unit_codes=["370827"])
    a.register("sishui", "泗水", PASSWORD, "manager", ACTOR, unit_codes=["370831"])
    a.register("city", "市局", PASSWORD, "supervisor", ACTOR, unit_codes=["370800"])
    a.register("town", "乡镇", PASSWORD, "supervisor", ACTOR, unit_codes=["370827001"])
    a.register("zhang", "张三", PASSWORD, "member", ACTOR, person_code="L1")
    return services


def test_only_an_argon2_hash_is_recorded_and_the_read_model_has_none(city):
    account = city.store.repository.get(account_id("yutai"))
    assert account.password_hash.startswith("$argon2id$") and PASSWORD not in account.password_hash
    row = table(city, "SELECT * FROM accounts WHERE username = 'yutai'")[0]
    assert not any("argon2" in str(v) for v in row)


def test_sign_in_with_the_right_password_only(city):
    principal = city.accounts.authenticate(" YuTai ", PASSWORD, "ip")
    assert (principal.username, principal.role, principal.unit_codes) == (
        "yutai", "manager", ("370827",),
    )  # fmt: skip
    for name, password in (("yutai", "wrong password"), ("nobody", PASSWORD), ("yutai", "")):
        with pytest.raises(LoginRefusedError):
            city.accounts.authenticate(name, password, "ip")


def test_failed_logins_are_slowed_and_write_no_events(city):
    events_before = table(city, "SELECT COUNT(*) FROM change_log")
    position = city.store.recorder.max_notification_id()
    city.accounts.throttle.clock = lambda: 1000.0  # time stands still: the wait never ends
    for _ in range(3):
        with pytest.raises(LoginRefusedError):
            city.accounts.authenticate("yutai", "wrong password", "10.1.1.1")
    with pytest.raises(LoginThrottledError):
        city.accounts.authenticate("yutai", PASSWORD, "10.1.1.1")  # even the right one
    assert city.accounts.authenticate("root", PASSWORD, "10.1.1.1").username == "root"
    assert city.store.recorder.max_notification_id() == position
    assert table(city, "SELECT COUNT(*) FROM change_log") == events_before


def test_password_change_checks_the_old_one_and_the_policy(city):
    with pytest.raises(LoginRefusedError):
        city.accounts.change_password("yutai", "not it at all", "a new long password")
    with pytest.raises(PasswordPolicyError):
        city.accounts.change_password("yutai", PASSWORD, "short")
    with pytest.raises(PasswordPolicyError):
        city.accounts.change_password("yutai", PASSWORD, "my name is yutai!")
    changed = city.accounts.change_password("yutai", PASSWORD, "a new long password")
    assert changed.credential_version == 2
    with pytest.raises(LoginRefusedError):
        city.accounts.authenticate("yutai", PASSWORD)
    assert city.accounts.authenticate("yutai", "a new long password").credential_version == 2


def test_registration_refuses_duplicates_and_unknown_references(city):
    cases = [
        (AccountExistsError, ("yutai", "x", PASSWORD, "admin", ACTOR), {}),
        (UnknownUnitError, ("x-1", "x", PASSWORD, "manager", ACTOR), {"unit_codes": ["999"]}),
        (UnknownPersonError, ("x-2", "x", PASSWORD, "member", ACTOR), {"person_code": "N0"}),
    ]
    for error, args, kw in cases:
        with pytest.raises(error):
            city.accounts.register(*args, **kw)
    with pytest.raises(DomainError):
        city.accounts.register("x-3", "x", PASSWORD, "manager", ACTOR)  # manager without units


def test_disabled_accounts_cannot_sign_in(city):
    city.accounts.disable("sishui", actor="root", reason="调离")
    with pytest.raises(LoginRefusedError):
        city.accounts.authenticate("sishui", PASSWORD)
    assert city.accounts.principal("sishui") is None
    city.accounts.enable("sishui", actor="root", reason="返岗")
    assert city.accounts.authenticate("sishui", PASSWORD).credential_version == 2


def test_scope_rules(city):
    access, principal = city.access, city.accounts.principal
    yutai = access.scope_of(principal("yutai"))
    assert yutai.writable and yutai.sees_unit("370827001202") and not yutai.sees_unit("370831")
    assert access.sees_person(principal("yutai"), "L1")
    assert not access.sees_person(principal("yutai"), "L9")
    assert access.manages_person(principal("sishui"), "L9")
    assert not access.manages_person(principal("sishui"), "L1")
    city_wide = access.scope_of(principal("city"))
    assert city_wide.everything and not city_wide.writable
    assert not city_wide.manages_unit("370827") and access.sees_person(principal("city"), "L9")
    town = access.scope_of(principal("town"))
    assert town.sees_unit("370827001201") and not town.sees_unit("370827")
    zhang = principal("zhang")
    assert access.sees_person(zhang, "L1") and access.manages_person(zhang, "L1")
    assert not access.sees_person(zhang, "L2") and not access.scope_of(zhang).sees_unit("370827")
    root = access.scope_of(principal("root"))
    assert root.everything and root.manages_unit("370831")
    assert not access.scope_of(None).sees_unit("370800")


def test_accounts_read_model_rebuilds_the_same(city):
    city.accounts.change_password("zhang", PASSWORD, "another long password")
    city.accounts.change_role("town", "manager", "root", "调任", unit_codes=["370827001"])
    before = table(city, "SELECT * FROM accounts")
    city.follower.rebuild()
    assert table(city, "SELECT * FROM accounts") == before
