"""A machine client's key to the JSON API (the hotline, the online service platform).

Each token acts for one account, with that account's role and its units or fewer, so a
platform never sees more than the person answerable for it. Only the token's hash is
recorded; the token itself is shown once, when issued.
"""

from eventsourcing.domain import event

from domain.account import ACCOUNT_ROLES
from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.feedtoken import check_hash

MAX_NAME = 60


class ApiToken(Aggregate):
    @event("Issued")
    def __init__(
        self,
        name: str,
        owner: str,
        role: str,
        unit_codes: tuple[str, ...],
        person_code: str,
        token_hash: str,
        actor: str,
        reason: str = "",
    ) -> None:
        check_name(name)
        check_hash(token_hash)
        if role not in ACCOUNT_ROLES:
            raise ApiTokenRoleError(role)
        self.name = name.strip()
        self.owner = owner
        self.role = role
        self.unit_codes = tuple(unit_codes)
        self.person_code = person_code
        self.token_hash = token_hash
        self.active = True

    def revoke(self, actor: str, reason: str) -> None:
        if not self.active:
            raise ApiTokenRevokedError()
        if not reason.strip():
            raise ApiTokenReasonError()
        self._revoke(actor=actor, reason=reason.strip())

    @event("Revoked")
    def _revoke(self, actor: str, reason: str) -> None:
        self.active = False


def check_name(name: str) -> None:
    if not name.strip() or len(name.strip()) > MAX_NAME:
        raise ApiTokenNameError()


class ApiTokenNameError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            f"令牌名称须为 1 至 {MAX_NAME} 个字符", f"A token name needs 1 to {MAX_NAME} characters"
        )


class ApiTokenRoleError(DomainError):
    def __init__(self, role: str) -> None:
        super().__init__(f"未知的角色“{role}”", f"Unknown role '{role}'")


class ApiTokenRevokedError(DomainError):
    def __init__(self) -> None:
        super().__init__("该接口令牌已撤销", "This API token is already revoked")


class ApiTokenReasonError(DomainError):
    def __init__(self) -> None:
        super().__init__("撤销接口令牌须说明原因", "Revoking an API token needs a reason")
