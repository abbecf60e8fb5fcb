"""Swap requests as rows: what a member's and a manager's lists read."""

from typing import Any

from domain.swap import SwapRequest
from roster.store.database import Cursor
from roster.store.projection import Projection

swap_requests = Projection(
    name="swap_requests",
    tables={
        "swap_requests": "id TEXT PRIMARY KEY, roster TEXT NOT NULL, unit_code TEXT NOT NULL, "
        "duty TEXT NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL, requester TEXT NOT NULL, "
        "colleague TEXT NOT NULL, colleague_duty TEXT NOT NULL, state TEXT NOT NULL, "
        "requested_at TEXT NOT NULL, updated_at TEXT NOT NULL, expires_at TEXT NOT NULL, "
        "reason TEXT NOT NULL, decided_by TEXT NOT NULL, decision_reason TEXT NOT NULL, "
        "automatic INTEGER NOT NULL, version INTEGER NOT NULL",
    },
    indexes=(
        "CREATE INDEX IF NOT EXISTS swap_requests_unit ON swap_requests (unit_code, state)",
        "CREATE INDEX IF NOT EXISTS swap_requests_requester ON swap_requests (requester)",
        "CREATE INDEX IF NOT EXISTS swap_requests_colleague ON swap_requests (colleague)",
    ),
)
on = swap_requests.on

STEP = "UPDATE swap_requests SET state = ?, updated_at = ?, version = ? WHERE id = ?"


@on(SwapRequest.Requested)
def requested(cur: Cursor, e: Any, _: int) -> None:
    at = e.timestamp.isoformat()
    cur.execute(
        "INSERT INTO swap_requests VALUES (?,?,?,?,?,?,?,?,?,'requested',?,?,?,?,'','',0,?)",
        (
            e.originator_id.hex, e.roster, e.unit_code, e.duty, e.day.isoformat(), e.kind,
            e.requester, e.colleague, e.colleague_duty, at, at, e.expires_at.isoformat(),
            e.reason, e.originator_version,
        ),
    )  # fmt: skip


def _step(cur: Cursor, e: Any, state: str) -> None:
    cur.execute(STEP, (state, e.timestamp.isoformat(), e.originator_version, e.originator_id.hex))


@on(SwapRequest.Offered)
def offered(cur: Cursor, e: Any, _: int) -> None:
    _step(cur, e, "offered")
    cur.execute(
        "UPDATE swap_requests SET colleague = ? WHERE id = ?", (e.person, e.originator_id.hex)
    )


@on(SwapRequest.Accepted)
def accepted(cur: Cursor, e: Any, _: int) -> None:
    _step(cur, e, "accepted")


def _decided(state: str):
    def handle(cur: Cursor, e: Any, _: int) -> None:
        _step(cur, e, state)
        cur.execute(
            "UPDATE swap_requests SET decided_by = ?, decision_reason = ?, automatic = ? "
            "WHERE id = ?",
            (e.actor, e.reason, int(getattr(e, "automatic", False)), e.originator_id.hex),
        )

    return handle


on(SwapRequest.Approved)(_decided("approved"))
on(SwapRequest.Rejected)(_decided("rejected"))
on(SwapRequest.Withdrawn)(_decided("withdrawn"))
on(SwapRequest.Expired)(_decided("expired"))
