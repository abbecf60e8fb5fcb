"""Accounts: register, sign in, change a password. Passwords are hashed with argon2id here;
the domain and the log only ever see the hash."""

from collections.abc import Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from domain.account import Account, account_id
from domain.errors import DomainError
from domain.person import person_id
from roster.access.passwords import MAX_PASSWORD, check_password
from roster.access.throttle import LoginThrottle
from roster.access.unit_tree import UnitTree
from roster.store.database import Database
from roster.store.eventstore import EventStore
from roster.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Principal:
    """Who is signed in, as the web and the access rules need it."""

    username: str
    display_name: str
    role: str
    unit_codes: tuple[str, ...]
    person_code: str
    credential_version: int
    registered_at: str = ""


class Accounts:
    def __init__(
        self,
        store: EventStore,
        db: Database,
        uow: UnitOfWork,
        throttle: LoginThrottle,
        tree: UnitTree,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.store = store
        self.db = db
        self.uow = uow
        self.tree = tree
        self.hasher = hasher or PasswordHasher()
        self.throttle = throttle
        self._dummy_hash = ""

    def register(
        self, username: str, display_name: str, password: str, role: str, actor: str,
        unit_codes: Iterable[str] = (), person_code: str = "", reason: str = "",
    ) -> None:  # fmt: skip
        username = username.strip().lower()
        if self.store.exists(account_id(username)):
            raise AccountExistsError(username)
        check_password(password, username)
        units = tuple(unit_codes)
        self._refuse_unknown(units, person_code)
        account = Account(
            username=username, display_name=display_name or username,
            password_hash=self.hasher.hash(password), role=role, unit_codes=units,
            person_code=person_code, actor=actor, reason=reason,
        )  # fmt: skip
        self.uow.add(account)

    def authenticate(self, username: str, password: str, client: str = "") -> Principal:
        """The signed-in principal, or LoginRefusedError; after failures, a growing wait."""
        username = username.strip().lower()
        self.throttle.attempt(username, client)  # counted as failed until it succeeds
        account = self.store.get_or_none(account_id(username)) if username else None
        if not self._verify(account, password) or account.disabled:
            raise LoginRefusedError()
        self.throttle.succeeded(username, client)
        # From the aggregate, not the read model: another worker's change may not be there yet.
        return principal_of(account)

    def change_password(self, username: str, current: str, new: str, client: str = "") -> Principal:
        """Checked like a login (and throttled like one); every other session is signed out."""
        self.authenticate(username, current, client)
        check_password(new, username)
        new_hash = self.hasher.hash(new)

        def change(account: Account) -> Account:
            account.change_password(new_hash, username)
            return account

        changed = self.uow.change(account_id(username), change)
        return principal_of(changed)

    def sign_out(self, username: str, actor: str) -> None:
        """End every session of the account at once, on every worker (they all read the
        accounts table, brought up to date here before the answer)."""
        self.uow.change(account_id(username), lambda a: a.sign_out(actor))

    def reset_password(self, username: str, new: str, actor: str, reason: str) -> None:
        """An administrator sets a new password (the holder forgot theirs)."""
        check_password(new, username)
        new_hash = self.hasher.hash(new)
        self.uow.change(account_id(username), lambda a: a.change_password(new_hash, actor, reason))

    def change_role(
        self, username: str, role: str, actor: str, reason: str,
        unit_codes: Iterable[str] = (), person_code: str = "",
    ) -> None:  # fmt: skip
        units = tuple(unit_codes)
        self._refuse_unknown(units, person_code)
        self.uow.change(
            account_id(username), lambda a: a.change_role(role, units, person_code, actor, reason)
        )

    def disable(self, username: str, actor: str, reason: str) -> None:
        self.uow.change(account_id(username), lambda a: a.disable(actor, reason))

    def enable(self, username: str, actor: str, reason: str) -> None:
        self.uow.change(account_id(username), lambda a: a.enable(actor, reason))

    def exists(self, username: str) -> bool:
        return self.store.exists(account_id(username))

    def principal(self, username: str) -> Principal | None:
        """The enabled account of that name from the read model, or None."""
        with self.db.reading() as cur:
            row = cur.execute(
                f"SELECT {_COLUMNS} FROM accounts WHERE username = ? AND disabled = 0",
                (username,),
            ).fetchone()
        return _principal(row) if row else None

    def all(self) -> list[Principal]:
        with self.db.reading() as cur:
            rows = cur.execute(
                f"SELECT {_COLUMNS} FROM accounts WHERE disabled = 0 ORDER BY role, username"
            ).fetchall()
        return [_principal(r) for r in rows]

    def _verify(self, account: Account | None, password: str) -> bool:
        if not password or len(password) > MAX_PASSWORD:
            return False
        if account is None:
            # Spend the same time as for a real account, so timing does not reveal names.
            if not self._dummy_hash:
                self._dummy_hash = self.hasher.hash("not a password of anyone")
            self._check(self._dummy_hash, password)
            return False
        return self._check(account.password_hash, password)

    def _check(self, password_hash: str, password: str) -> bool:
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _refuse_unknown(self, unit_codes: tuple[str, ...], person_code: str) -> None:
        for code in unit_codes:
            if not self.tree.unit_exists(code):
                raise UnknownUnitError(code)
        if person_code and not self.store.exists(person_id(person_code)):
            raise UnknownPersonError(person_code)


_COLUMNS = (
    "username, display_name, role, unit_codes, person_code, credential_version, registered_at"
)


def _principal(row: tuple) -> Principal:
    username, display_name, role, units, person, version, registered_at = row
    codes = tuple(c for c in units.split(",") if c)
    return Principal(username, display_name, role, codes, person, int(version), registered_at)


def principal_of(account: Account) -> Principal:
    return Principal(
        account.username, account.display_name, account.role, tuple(account.unit_codes),
        account.person_code, account.credential_version, account.created_on.isoformat(),
    )  # fmt: skip


class LoginRefusedError(DomainError):
    def __init__(self) -> None:
        super().__init__("用户名或口令不正确", "Wrong username or password")


class AccountExistsError(DomainError):
    def __init__(self, username: str) -> None:
        super().__init__(f"用户名“{username}”已被使用", f"Username '{username}' is taken")


class UnknownUnitError(DomainError):
    def __init__(self, code: str) -> None:
        super().__init__(f"找不到单位“{code}”", f"Unknown unit '{code}'")


class UnknownPersonError(DomainError):
    def __init__(self, code: str) -> None:
        super().__init__(f"找不到人员“{code}”", f"Unknown person '{code}'")
