"""The Account aggregate: what it records and what it refuses."""

import pytest

from domain.account import (
    Account,
    AccountRoleError,
    PasswordHashError,
    PersonMissingError,
    ScopeMissingError,
    UsernameError,
    account_id,
)

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"


def manager(**kw) -> Account:
    fields = dict(
        username="yutai", display_name="鱼台县管理员", password_hash=HASH, role="manager",
        unit_codes=("370827",), actor="admin",
    )  # fmt: skip
    return Account(**(fields | kw))


def test_registered_account_keeps_role_scope_and_only_the_hash():
    account = manager()
    assert account.id == account_id("YuTai")
    assert (account.role, account.unit_codes, account.disabled) == ("manager", ("370827",), False)
    events = account.collect_events()
    assert [type(e).__name__ for e in events] == ["Registered"]
    assert events[0].password_hash == HASH and events[0].actor == "admin"


@pytest.mark.parametrize(
    "kw, error",
    [
        ({"username": "A b"}, UsernameError),
        ({"username": "ab"}, UsernameError),
        ({"password_hash": "plain text"}, PasswordHashError),
        ({"role": "king"}, AccountRoleError),
        ({"unit_codes": ()}, ScopeMissingError),
        ({"role": "supervisor", "unit_codes": ()}, ScopeMissingError),
        ({"role": "member", "unit_codes": ()}, PersonMissingError),
    ],
)
def test_refuses_bad_accounts(kw, error):
    with pytest.raises(error):
        manager(**kw)


def test_admin_needs_no_scope_and_member_needs_a_person():
    assert Account("root", "Root", HASH, "admin").unit_codes == ()
    assert Account("lvshi", "律师", HASH, "member", person_code="L00051").person_code == "L00051"


def test_password_change_and_disabling_end_old_sessions():
    account = manager()
    account.change_password("$argon2id$new", actor="yutai")
    assert account.credential_version == 2
    account.disable(actor="admin", reason="离职")
    account.disable(actor="admin", reason="again")  # already disabled: no second event
    assert account.disabled and account.credential_version == 3
    account.enable(actor="admin", reason="返岗")
    names = [type(e).__name__ for e in account.collect_events()]
    assert names == ["Registered", "PasswordChanged", "Disabled", "Enabled"]


def test_signing_out_raises_the_session_generation_and_records_who():
    account = manager()
    account.sign_out(actor="yutai")
    assert account.credential_version == 2
    signed_out = account.collect_events()[-1]
    assert type(signed_out).__name__ == "SignedOut" and signed_out.actor == "yutai"


def test_role_change_checks_the_new_scope():
    account = manager()
    with pytest.raises(PersonMissingError):
        account.change_role("member", (), "", actor="admin", reason="")
    account.change_role("supervisor", ("370800",), "", actor="admin", reason="调任")
    assert (account.role, account.unit_codes) == ("supervisor", ("370800",))
