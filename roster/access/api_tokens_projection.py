"""API tokens by the hash of their token: which account a machine client acts for."""

from domain.apitoken import ApiToken
from roster.store.database import Cursor
from roster.store.projection import Projection

api_tokens = Projection(
    name="api_tokens",
    tables={
        "api_tokens": "id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, name TEXT NOT NULL, "
        "owner TEXT NOT NULL, role TEXT NOT NULL, unit_codes TEXT NOT NULL, "
        "person_code TEXT NOT NULL, state TEXT NOT NULL, issued_by TEXT NOT NULL, "
        "issued_at TEXT NOT NULL, revoked_by TEXT, revoked_at TEXT, revoke_reason TEXT",
    },
    indexes=(
        "CREATE UNIQUE INDEX IF NOT EXISTS api_tokens_hash ON api_tokens (token_hash)",
        "CREATE INDEX IF NOT EXISTS api_tokens_owner ON api_tokens (owner)",
    ),
)
on = api_tokens.on


@on(ApiToken.Issued)
def issued(cur: Cursor, e: ApiToken.Issued, _: int) -> None:
    cur.execute(
        "INSERT INTO api_tokens VALUES (?,?,?,?,?,?,?,'active',?,?,NULL,NULL,NULL)",
        (
            e.originator_id.hex, e.token_hash, e.name.strip(), e.owner, e.role,
            ",".join(e.unit_codes), e.person_code, e.actor, e.timestamp.isoformat(),
        ),
    )  # fmt: skip


@on(ApiToken.Revoked)
def revoked(cur: Cursor, e: ApiToken.Revoked, _: int) -> None:
    cur.execute(
        "UPDATE api_tokens SET state = 'revoked', revoked_by = ?, revoked_at = ?, "
        "revoke_reason = ? WHERE id = ?",
        (e.actor, e.timestamp.isoformat(), e.reason, e.originator_id.hex),
    )
