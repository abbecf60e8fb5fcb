"""The secret link to one calendar feed: a person's, a station's or a roster's duties.

One aggregate per feed subject, so "the current link" is one fact: issuing again rotates it,
revoking ends it. Only a hash of the token is ever recorded; the token itself is shown once.
"""

from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.ids import stable_id

FEED_SCOPES = {"person": "个人", "station": "值班点", "roster": "排班表"}


class FeedToken(Aggregate):
    @event("Issued")
    def __init__(self, scope: str, subject: str, token_hash: str, actor: str) -> None:
        check_scope(scope)
        check_hash(token_hash)
        self.scope = scope
        self.subject = subject
        self.token_hash = token_hash
        self.active = True

    @staticmethod
    def create_id(scope: str, subject: str) -> UUID:
        return feed_token_id(scope, subject)

    def rotate(self, token_hash: str, actor: str, reason: str = "") -> None:
        """A new link replaces the current one (or revives a revoked feed)."""
        check_hash(token_hash)
        self._rotate(
            token_hash=token_hash, previous_hash=self.token_hash, actor=actor, reason=reason
        )

    @event("Rotated")
    def _rotate(self, token_hash: str, previous_hash: str, actor: str, reason: str) -> None:
        self.token_hash = token_hash
        self.active = True

    def revoke(self, actor: str, reason: str = "") -> None:
        if not self.active:
            raise NoActiveTokenError()
        self._revoke(token_hash=self.token_hash, actor=actor, reason=reason)

    @event("Revoked")
    def _revoke(self, token_hash: str, actor: str, reason: str) -> None:
        self.active = False


def feed_token_id(scope: str, subject: str) -> UUID:
    return stable_id("feed-token", scope, subject)


def check_scope(scope: str) -> None:
    if scope not in FEED_SCOPES:
        raise FeedScopeError(scope)


def check_hash(token_hash: str) -> None:
    # A sha256 hex digest: anything else would mean a raw token is about to be stored.
    if len(token_hash) != 64 or any(c not in "0123456789abcdef" for c in token_hash):
        raise TokenHashError()


class FeedScopeError(DomainError):
    def __init__(self, scope: str) -> None:
        super().__init__(f"未知的订阅范围“{scope}”", f"Unknown feed scope '{scope}'")


class TokenHashError(DomainError):
    def __init__(self) -> None:
        super().__init__("订阅令牌只能以哈希形式保存", "A feed token must be stored as its hash")


class NoActiveTokenError(DomainError):
    def __init__(self) -> None:
        super().__init__("该订阅链接已失效，无需再次撤销", "This feed link is already revoked")
