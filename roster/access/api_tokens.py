"""Issue, revoke and resolve the tokens machine clients use for the JSON API.

A token acts for one account with that account's role and units, or a narrower role and
fewer units. Resolving checks the read model, then the event store, then the owner account,
so a revoked token, a disabled owner or an owner moved to a smaller scope ends the token's
reach at once, whichever web worker made the change.
"""

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from domain.account import account_id
from domain.apitoken import ApiToken
from domain.errors import DomainError
from roster.access.accounts import Principal, principal_of
from roster.access.scope import Access
from roster.store.database import Database
from roster.store.eventstore import EventStore
from roster.store.unit_of_work import UnitOfWork

# A token may be narrower than its owner: an administrator's for one county's managers,
# a manager's read-only. Members' tokens see their own person, nothing narrower exists.
RANK = {"admin": 3, "manager": 2, "supervisor": 1}
PREFIX = "rst_"  # recognisable in logs and secret scanners


@dataclass(frozen=True)
class IssuedToken:
    id: str
    token: str  # shown once; never recorded


@dataclass(frozen=True)
class TokenRow:
    id: str
    name: str
    owner: str
    role: str
    unit_codes: tuple[str, ...]
    state: str  # active | revoked
    issued_by: str
    issued_at: str
    revoked_at: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def narrower_or_same(role: str, owner_role: str) -> bool:
    if role == owner_role:
        return True
    return role in RANK and owner_role in RANK and RANK[role] < RANK[owner_role]


class ApiTokens:
    def __init__(self, store: EventStore, db: Database, uow: UnitOfWork, access: Access):
        self.store = store
        self.db = db
        self.uow = uow
        self.access = access

    def issue(
        self, account: str, name: str, actor: str, role: str = "",
        unit_codes: Iterable[str] = (), reason: str = "",
    ) -> IssuedToken:  # fmt: skip
        owner = self._owner(account.strip().lower())
        if owner is None:
            raise UnknownAccountError(account)
        role = role or owner.role
        units = tuple(unit_codes) or (owner.unit_codes if role != "admin" else ())
        self._check_within(owner, role, units)
        token = PREFIX + secrets.token_urlsafe(32)
        aggregate = ApiToken(
            name=name, owner=owner.username, role=role, unit_codes=units,
            person_code=owner.person_code, token_hash=token_hash(token), actor=actor,
            reason=reason,
        )  # fmt: skip
        self.uow.add(aggregate)
        return IssuedToken(aggregate.id.hex, token)

    def revoke(self, token_id: str, actor: str, reason: str) -> None:
        aggregate_id = self._id(token_id)
        self.uow.change(aggregate_id, lambda t: t.revoke(actor, reason))

    def all(self) -> list[TokenRow]:
        with self.db.reading() as cur:
            rows = cur.execute(
                "SELECT id, name, owner, role, unit_codes, state, issued_by, issued_at, "
                "COALESCE(revoked_at, '') FROM api_tokens ORDER BY issued_at"
            ).fetchall()
        return [TokenRow(r[0], r[1], r[2], r[3], _codes(r[4]), *r[5:]) for r in rows]

    def resolve(self, token: str) -> Principal | None:
        """Who a request with this token acts as, or None (unknown, revoked, owner gone)."""
        if not 20 <= len(token) <= 200:
            return None
        hashed = token_hash(token)
        with self.db.reading() as cur:
            row = cur.execute(
                "SELECT id FROM api_tokens WHERE token_hash = ? AND state = 'active'", (hashed,)
            ).fetchone()
        if row is None:
            return None
        current = self.store.get_or_none(UUID(hex=row[0]))
        if current is None or not current.active or current.token_hash != hashed:
            return None
        owner = self._owner(current.owner)
        if owner is None:
            return None
        try:
            self._check_within(owner, current.role, current.unit_codes)
        except DomainError:
            return None  # the owner's own scope shrank below the token's
        return Principal(
            username=current.owner, display_name=current.name, role=current.role,
            unit_codes=tuple(current.unit_codes), person_code=current.person_code,
            credential_version=0,
        )  # fmt: skip

    def _owner(self, username: str) -> Principal | None:
        account = self.store.get_or_none(account_id(username)) if username else None
        if account is None or account.disabled:
            return None
        return principal_of(account)

    def _check_within(self, owner: Principal, role: str, units: tuple[str, ...]) -> None:
        if not narrower_or_same(role, owner.role):
            raise TokenBroaderThanOwnerError(role, owner.role)
        if role in ("manager", "supervisor") and not units:
            raise TokenNeedsUnitsError()
        if role == "admin" and units:  # an administrator sees everything: say so, don't pretend
            raise AdminTokenUnitsError()
        scope = self.access.scope_of(owner)
        outside = [u for u in units if not scope.sees_unit(u)]
        if outside and role != "admin":
            raise TokenUnitOutsideError(outside[0])

    def _id(self, token_id: str) -> UUID:
        try:
            return UUID(hex=token_id.strip())
        except ValueError:
            raise UnknownTokenError(token_id) from None


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in text.split(",") if c)


class UnknownAccountError(DomainError):
    def __init__(self, username: str) -> None:
        super().__init__(f"找不到启用中的账号“{username}”", f"No enabled account '{username}'")


class UnknownTokenError(DomainError):
    def __init__(self, token_id: str) -> None:
        super().__init__(f"找不到接口令牌“{token_id}”", f"Unknown API token '{token_id}'")


class TokenBroaderThanOwnerError(DomainError):
    def __init__(self, role: str, owner_role: str) -> None:
        super().__init__(
            f"令牌角色“{role}”不能超出账号角色“{owner_role}”",
            f"A token's role '{role}' cannot exceed its account's role '{owner_role}'",
        )


class TokenNeedsUnitsError(DomainError):
    def __init__(self) -> None:
        super().__init__("该角色的令牌须指定单位", "A token of this role needs its units")


class AdminTokenUnitsError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "管理员令牌不限单位；要限定单位请用 --role manager 或 supervisor",
            "An admin token covers everything; for some units use --role manager or supervisor",
        )


class TokenUnitOutsideError(DomainError):
    def __init__(self, unit: str) -> None:
        super().__init__(
            f"单位“{unit}”不在账号的管辖范围内", f"Unit '{unit}' lies outside the account's scope"
        )
