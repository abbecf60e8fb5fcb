"""Feed links by the hash of their token: which feed a request may read, if any."""

from domain.feedtoken import FeedToken
from roster.store.database import Cursor
from roster.store.projection import Projection

feed_tokens = Projection(
    name="feed_tokens",
    tables={
        "feed_tokens": "token_hash TEXT PRIMARY KEY, scope TEXT NOT NULL, "
        "subject TEXT NOT NULL, state TEXT NOT NULL, issued_by TEXT NOT NULL, "
        "issued_at TEXT NOT NULL, ended_at TEXT",
    },
    indexes=("CREATE INDEX IF NOT EXISTS feed_tokens_subject ON feed_tokens (scope, subject)",),
)
on = feed_tokens.on

INSERT = "INSERT INTO feed_tokens VALUES (?,?,?,'active',?,?,NULL)"
END = "UPDATE feed_tokens SET state = ?, ended_at = ? WHERE token_hash = ?"


@on(FeedToken.Issued)
def issued(cur: Cursor, e: FeedToken.Issued, _: int) -> None:
    cur.execute(INSERT, (e.token_hash, e.scope, e.subject, e.actor, e.timestamp.isoformat()))


@on(FeedToken.Rotated)
def rotated(cur: Cursor, e: FeedToken.Rotated, _: int) -> None:
    at = e.timestamp.isoformat()
    cur.execute(END, ("rotated", at, e.previous_hash))
    scope, subject = cur.execute(
        "SELECT scope, subject FROM feed_tokens WHERE token_hash = ?", (e.previous_hash,)
    ).fetchone()
    cur.execute(INSERT, (e.token_hash, scope, subject, e.actor, at))


@on(FeedToken.Revoked)
def revoked(cur: Cursor, e: FeedToken.Revoked, _: int) -> None:
    cur.execute(END, ("revoked", e.timestamp.isoformat(), e.token_hash))
