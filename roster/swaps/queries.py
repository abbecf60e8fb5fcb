"""The lists of swap requests: a unit's open ones (its manager's), a member's own, and those
waiting for a member's answer."""

from dataclasses import dataclass
from datetime import date, datetime

from domain.swap import OPEN_STATES, SWAP_KINDS, SWAP_STATES
from domain.vocabulary import TIME_ZONE
from roster.store.database import Database

COLUMNS = (
    "id, roster, unit_code, duty, day, kind, requester, colleague, colleague_duty, state, "
    "requested_at, updated_at, expires_at, reason, decided_by, decision_reason, automatic, version"
)
OPEN = "state IN (" + ",".join(f"'{s}'" for s in OPEN_STATES) + ")"


@dataclass(frozen=True)
class SwapLine:
    id: str
    roster: str
    unit_code: str
    duty: str
    day: date
    kind: str
    requester: str
    colleague: str  # "" for a pool post nobody has offered to take yet
    colleague_duty: str  # an exchange's other duty, else ""
    state: str
    requested_at: str
    updated_at: str
    expires_at: str
    reason: str
    decided_by: str
    decision_reason: str
    automatic: bool
    version: int

    def kind_name(self, lang: str = "zh") -> str:
        return SWAP_KINDS[self.kind][lang.startswith("en")]

    def state_name(self, lang: str = "zh") -> str:
        return SWAP_STATES[self.state][lang.startswith("en")]


class SwapViews:
    def __init__(self, db: Database) -> None:
        self.db = db

    def open_for_unit(self, unit_code: str) -> list[SwapLine]:
        return self._lines(f"unit_code = ? AND {OPEN}", (unit_code,))

    def mine(self, person: str) -> list[SwapLine]:
        """Every request the member made, newest first."""
        return self._lines("requester = ?", (person,), "requested_at DESC")

    def offered_to(self, person: str) -> list[SwapLine]:
        """Requests naming the member that wait for their answer."""
        return self._lines("colleague = ? AND state = 'requested'", (person,))

    def due(self, now: datetime) -> list[SwapLine]:
        """Open requests whose lead time has passed: what the expiry job expires."""
        at = now.astimezone(TIME_ZONE).isoformat()  # stored in Beijing time: text compares
        return self._lines(f"expires_at <= ? AND {OPEN}", (at,))

    def get(self, request: str) -> SwapLine | None:
        found = self._lines("id = ?", (request,))
        return found[0] if found else None

    def _lines(self, where: str, params: tuple, order: str = "day, requested_at") -> list[SwapLine]:
        with self.db.reading() as cur:
            rows = cur.execute(
                f"SELECT {COLUMNS} FROM swap_requests WHERE {where} ORDER BY {order}", params
            ).fetchall()
        return [
            SwapLine(*r[:4], date.fromisoformat(r[4]), *r[5:16], bool(r[16]), r[17]) for r in rows
        ]
