"""Issue, rotate, revoke and resolve the secret links of calendar feeds.

The link carries a long random token; only its sha256 is recorded. Resolving checks the read
model to find the feed, then the event store itself, so a link revoked by another web worker
stops working at once rather than after that worker's next catch-up.
"""

import hashlib
import secrets
from dataclasses import dataclass

from domain.errors import DomainError
from domain.feedtoken import FeedToken, check_scope, feed_token_id
from domain.vocabulary import ROSTER_KINDS
from roster.settings import Settings
from roster.store.database import Database
from roster.store.eventstore import EventStore
from roster.store.unit_of_work import UnitOfWork, Work


@dataclass(frozen=True)
class FeedScope:
    scope: str  # person | station | roster
    subject: str  # person code, station code, or "kind/unit_code" for a roster


@dataclass(frozen=True)
class IssuedLink:
    token: str  # shown once; never recorded
    url: str
    webcal_url: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def site_url(settings: Settings, origin: str = "") -> str:
    """Where people reach the site: the configured public address, else the `origin`
    (scheme://host:port) the request came to, else the host and port the server was given."""
    return (settings.public_url or origin or f"http://{settings.host}:{settings.port}").rstrip("/")


def feed_urls(settings: Settings, token: str, origin: str = "") -> tuple[str, str]:
    """The link for a browser (http/https) and the same link for calendar apps (webcal)."""
    url = f"{site_url(settings, origin)}/feeds/{token}.ics"
    return url, "webcal://" + url.split("://", 1)[1]


class FeedTokens:
    def __init__(
        self, store: EventStore, db: Database, uow: UnitOfWork, settings: Settings
    ) -> None:
        self.store = store
        self.db = db
        self.uow = uow
        self.settings = settings

    def issue(
        self, scope: str, subject: str, actor: str, reason: str = "", origin: str = ""
    ) -> IssuedLink:
        """A new link for the feed; an existing link for the same feed stops working. The link
        points at `origin` (the asking request's) when no public address is configured."""
        check_scope(scope)
        self._check_subject(scope, subject)
        token = secrets.token_urlsafe(32)
        hashed = token_hash(token)

        def link(work: Work) -> None:
            current = work.find(feed_token_id(scope, subject))
            if current is None:  # the feed's first link
                work.add(FeedToken(scope=scope, subject=subject, token_hash=hashed, actor=actor))
            else:
                current.rotate(hashed, actor, reason)

        self.uow(link)
        return IssuedLink(token, *feed_urls(self.settings, token, origin))

    def rotate(
        self, scope: str, subject: str, actor: str, reason: str = "", origin: str = ""
    ) -> IssuedLink:
        if not self.is_active(scope, subject):
            raise NoFeedLinkError()
        return self.issue(scope, subject, actor, reason, origin)

    def revoke(self, scope: str, subject: str, actor: str, reason: str = "") -> None:
        check_scope(scope)
        if self.store.get_or_none(feed_token_id(scope, subject)) is None:
            raise NoFeedLinkError()
        self.uow.change(feed_token_id(scope, subject), lambda t: t.revoke(actor, reason))

    def is_active(self, scope: str, subject: str) -> bool:
        token = self.store.get_or_none(feed_token_id(scope, subject))
        return token is not None and token.active

    def resolve(self, token: str) -> FeedScope | None:
        """The feed a link opens, or None for an unknown, rotated or revoked link."""
        if not 20 <= len(token) <= 100:
            return None
        hashed = token_hash(token)
        with self.db.reading() as cur:
            row = cur.execute(
                "SELECT scope, subject FROM feed_tokens WHERE token_hash = ? AND state = 'active'",
                (hashed,),
            ).fetchone()
        if row is None:
            return None
        current = self.store.get_or_none(feed_token_id(row[0], row[1]))
        if current is None or not current.active or current.token_hash != hashed:
            return None
        return FeedScope(row[0], row[1])

    def _check_subject(self, scope: str, subject: str) -> None:
        if scope == "roster":
            kind, _, unit = subject.partition("/")
            found = kind in ROSTER_KINDS and self._exists("units", unit)
        else:
            found = self._exists("people" if scope == "person" else "stations", subject)
        if not found:
            raise UnknownFeedSubjectError(subject)

    def _exists(self, table: str, code: str) -> bool:
        with self.db.reading() as cur:
            return (
                cur.execute(f"SELECT 1 FROM {table} WHERE code = ?", (code,)).fetchone() is not None
            )


class NoFeedLinkError(DomainError):
    def __init__(self) -> None:
        super().__init__("该订阅没有有效的链接", "This feed has no active link")


class UnknownFeedSubjectError(DomainError):
    def __init__(self, subject: str) -> None:
        super().__init__(f"找不到订阅对象“{subject}”", f"Unknown feed subject '{subject}'")
