"""API tokens: issued and revoked as events, only hashes stored, never broader than their
account, refused at once when revoked (even before the read model catches up)."""

from uuid import UUID

import pytest
from argon2 import PasswordHasher

from domain.apitoken import ApiTokenReasonError, ApiTokenRevokedError
from roster.access.api_tokens import (
    AdminTokenUnitsError,
    TokenBroaderThanOwnerError,
    TokenNeedsUnitsError,
    TokenUnitOutsideError,
    UnknownAccountError,
    token_hash,
)
from roster.bootstrap import build
from roster.cli.main import main
from tests.integration.helpers import ACTOR, seed_county, table

PASSWORD = "a long enough password"


@pytest.fixture
def city(services):
    seed_county(services)
    services.registry.register_unit("370831", "county", "泗水县", "370800", actor=ACTOR)
    accounts = services.accounts
    accounts.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    accounts.register("boss", "", PASSWORD, "admin", ACTOR)
    accounts.register("yutai", "", PASSWORD, "manager", ACTOR, unit_codes=["370827"])
    accounts.register("lawyer", "", PASSWORD, "member", ACTOR, person_code="L1")
    return services


def test_issue_resolve_revoke(city):
    tokens = city.api_tokens
    issued = tokens.issue("yutai", "12348热线", actor=ACTOR, reason="热线对接")
    who = tokens.resolve(issued.token)
    assert (who.username, who.role, who.unit_codes) == ("yutai", "manager", ("370827",))
    assert who.display_name == "12348热线"
    [row] = tokens.all()
    assert (row.id, row.name, row.owner, row.state) == (issued.id, "12348热线", "yutai", "active")

    with pytest.raises(ApiTokenReasonError):
        tokens.revoke(issued.id, ACTOR, reason=" ")
    tokens.revoke(issued.id, ACTOR, reason="平台停用")
    assert tokens.resolve(issued.token) is None
    assert tokens.all()[0].state == "revoked"
    with pytest.raises(ApiTokenRevokedError):
        tokens.revoke(issued.id, ACTOR, reason="again")


def test_only_the_hash_is_recorded_and_the_change_log_names_the_actor(city):
    issued = city.api_tokens.issue("lawyer", "网上服务平台", actor=ACTOR)
    assert table(city, "SELECT token_hash FROM api_tokens") == [(token_hash(issued.token),)]
    with city.db.reading() as cur:
        events = cur.execute(f"SELECT state FROM {city.store.recorder.events_table_name}")
        states = [bytes(r[0]) for r in events.fetchall()]
    assert not any(issued.token.encode() in s for s in states)
    logged = table(city, "SELECT event, actor FROM change_log WHERE aggregate_type = 'ApiToken'")
    assert logged == [("Issued", ACTOR)]


def test_a_token_is_never_broader_than_its_account(city):
    tokens = city.api_tokens
    with pytest.raises(TokenBroaderThanOwnerError):
        tokens.issue("yutai", "x", ACTOR, role="admin")
    with pytest.raises(TokenUnitOutsideError):
        tokens.issue("yutai", "x", ACTOR, unit_codes=["370831"])
    with pytest.raises(TokenNeedsUnitsError):
        tokens.issue("boss", "x", ACTOR, role="supervisor")
    with pytest.raises(AdminTokenUnitsError):
        tokens.issue("boss", "x", ACTOR, unit_codes=["370827"])
    with pytest.raises(UnknownAccountError):
        tokens.issue("nobody", "x", ACTOR)
    narrow = tokens.issue("yutai", "乡镇平台", ACTOR, role="supervisor", unit_codes=["370827001"])
    who = tokens.resolve(narrow.token)
    assert (who.role, who.unit_codes) == ("supervisor", ("370827001",))
    # The owner moved to another county: the token no longer fits inside, so it stops.
    city.accounts.change_role("yutai", "manager", ACTOR, "调岗", unit_codes=["370831"])
    assert tokens.resolve(narrow.token) is None


def test_revoked_before_the_read_model_catches_up(city):
    issued = city.api_tokens.issue("boss", "hotline", ACTOR)
    city.uow.change(UUID(hex=issued.id), lambda t: t.revoke(ACTOR, "另一进程撤销"))
    assert city.api_tokens.resolve(issued.token) is None
    assert city.api_tokens.resolve("rst_short") is None


def test_cli_issue_list_revoke(sqlite_url, capsys):
    services = build(database_url=sqlite_url, secret_key="test", create=True)
    seed_county(services)
    services.accounts.hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    services.accounts.register("yutai", "", PASSWORD, "manager", ACTOR, unit_codes=["370827"])
    services.close()
    base = ["--database-url", sqlite_url, "api-tokens"]
    assert main([*base, "issue", "--account", "yutai", "--name", "12348热线"]) == 0
    out = capsys.readouterr().out
    token = next(w for w in out.split() if w.startswith("rst_"))
    assert main([*base, "list"]) == 0
    listed = capsys.readouterr().out
    token_id = listed.split()[0]
    assert "12348热线" in listed and "有效" in listed and token not in listed
    assert main([*base, "revoke", token_id, "--reason", "停用"]) == 0
    assert main([*base, "list"]) == 0
    assert "已撤销" in capsys.readouterr().out
    assert main([*base, "issue", "--account", "nobody", "--name", "x"]) == 2
