"""Who may sign in, with which role over which units. Only a password's hash is ever recorded."""

import re
from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.ids import stable_id

ACCOUNT_ROLES = {
    "admin": "系统管理员",
    "manager": "管理人员",
    "member": "值班人员",
    "supervisor": "监督人员",
}
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")


class Account(Aggregate):
    @event("Registered")
    def __init__(
        self,
        username: str,
        display_name: str,
        password_hash: str,
        role: str,
        unit_codes: tuple[str, ...] = (),
        person_code: str = "",
        actor: str = "system",
        reason: str = "",
    ) -> None:
        check_username(username)
        check_hash(password_hash)
        check_role_scope(role, unit_codes, person_code)
        self.username = username
        self.display_name = display_name
        self.password_hash = password_hash
        self.role = role
        self.unit_codes = tuple(unit_codes)
        self.person_code = person_code
        self.disabled = False
        # The session generation: rises whenever every session issued so far must stop working
        # (signed out, new password, disabled). A cookie carries the generation it was issued
        # under; one that is behind is refused on every worker.
        self.credential_version = 1

    @staticmethod
    def create_id(username: str) -> UUID:
        return account_id(username)

    @event("PasswordChanged")
    def change_password(self, password_hash: str, actor: str, reason: str = "") -> None:
        check_hash(password_hash)
        self.password_hash = password_hash
        self.credential_version += 1

    @event("SignedOut")
    def sign_out(self, actor: str) -> None:
        """End every session of this account, on every device: a copied cookie too."""
        self.credential_version += 1

    def change_role(
        self, role: str, unit_codes: tuple[str, ...], person_code: str, actor: str, reason: str
    ) -> None:
        check_role_scope(role, unit_codes, person_code)
        self._change_role(
            role=role, unit_codes=tuple(unit_codes), person_code=person_code, actor=actor,
            reason=reason,
        )  # fmt: skip

    @event("RoleChanged")
    def _change_role(
        self, role: str, unit_codes: tuple[str, ...], person_code: str, actor: str, reason: str
    ) -> None:
        self.role = role
        self.unit_codes = tuple(unit_codes)
        self.person_code = person_code

    def disable(self, actor: str, reason: str) -> None:
        if not self.disabled:
            self._disable(actor=actor, reason=reason)

    @event("Disabled")
    def _disable(self, actor: str, reason: str) -> None:
        self.disabled = True
        self.credential_version += 1

    def enable(self, actor: str, reason: str) -> None:
        if self.disabled:
            self._enable(actor=actor, reason=reason)

    @event("Enabled")
    def _enable(self, actor: str, reason: str) -> None:
        self.disabled = False


def account_id(username: str) -> UUID:
    return stable_id("account", username.strip().lower())


def check_username(username: str) -> None:
    if not USERNAME.match(username):
        raise UsernameError(username)


def check_hash(password_hash: str) -> None:
    # The domain never sees a password: a hash names its algorithm, e.g. "$argon2id$...".
    if not password_hash.startswith("$"):
        raise PasswordHashError()


def check_role_scope(role: str, unit_codes: tuple[str, ...], person_code: str) -> None:
    if role not in ACCOUNT_ROLES:
        raise AccountRoleError(role)
    if role in ("manager", "supervisor") and not unit_codes:
        raise ScopeMissingError(role)
    if role == "member" and not person_code:
        raise PersonMissingError()


class UsernameError(DomainError):
    def __init__(self, username: str) -> None:
        super().__init__(
            f"用户名“{username}”不合规：须为 3 至 32 位小写字母、数字、点、横线或下划线",
            f"Username '{username}' must be 3-32 lowercase letters, digits, '.', '-' or '_'",
        )


class PasswordHashError(DomainError):
    def __init__(self) -> None:
        super().__init__("只能记录口令的哈希值", "Only a password hash may be recorded")


class AccountRoleError(DomainError):
    def __init__(self, role: str) -> None:
        super().__init__(f"未知的账号角色“{role}”", f"Unknown account role '{role}'")


class ScopeMissingError(DomainError):
    def __init__(self, role: str) -> None:
        super().__init__(
            f"{ACCOUNT_ROLES[role]}账号必须指定管辖单位",
            f"A {role} account needs at least one unit",
        )


class PersonMissingError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "值班人员账号必须关联一名人员", "A member account must be linked to a person"
        )
