"""Accounts as the web sees them: who, which role, which units. No password hash is kept here:
authentication reads the aggregate itself, so the hash stays in the event store only."""

from domain.account import Account
from roster.store.database import Cursor
from roster.store.projection import Projection

accounts = Projection(
    name="accounts",
    tables={
        "accounts": "username TEXT PRIMARY KEY, account_id TEXT NOT NULL UNIQUE, "
        "display_name TEXT NOT NULL, role TEXT NOT NULL, unit_codes TEXT NOT NULL, "
        "person_code TEXT NOT NULL, disabled INTEGER NOT NULL, "
        "credential_version INTEGER NOT NULL, registered_at TEXT NOT NULL",
    },
    version=2,  # 2: SignedOut raises the session generation
)
on = accounts.on


@on(Account.Registered)
def account_registered(cur: Cursor, e: Account.Registered, _: int) -> None:
    cur.execute(
        "INSERT INTO accounts VALUES (?,?,?,?,?,?,0,1,?)",
        (
            e.username, e.originator_id.hex, e.display_name, e.role, ",".join(e.unit_codes),
            e.person_code, e.timestamp.isoformat(),
        ),
    )  # fmt: skip


@on(Account.PasswordChanged, Account.SignedOut)
def sessions_ended(cur: Cursor, e: Account.PasswordChanged | Account.SignedOut, _: int) -> None:
    cur.execute(
        "UPDATE accounts SET credential_version = credential_version + 1 WHERE account_id = ?",
        (e.originator_id.hex,),
    )


@on(Account.RoleChanged)
def role_changed(cur: Cursor, e: Account.RoleChanged, _: int) -> None:
    cur.execute(
        "UPDATE accounts SET role = ?, unit_codes = ?, person_code = ? WHERE account_id = ?",
        (e.role, ",".join(e.unit_codes), e.person_code, e.originator_id.hex),
    )


@on(Account.Disabled)
def account_disabled(cur: Cursor, e: Account.Disabled, _: int) -> None:
    cur.execute(
        "UPDATE accounts SET disabled = 1, credential_version = credential_version + 1 "
        "WHERE account_id = ?",
        (e.originator_id.hex,),
    )


@on(Account.Enabled)
def account_enabled(cur: Cursor, e: Account.Enabled, _: int) -> None:
    cur.execute("UPDATE accounts SET disabled = 0 WHERE account_id = ?", (e.originator_id.hex,))
