"""Events a read model could not apply: kept beside the tracking positions, in the same
transaction, so one bad event stalls only its own read model, visibly, until someone retries
(after a fix) or rebuilds. Not events themselves: the log stays exactly as it was written."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from roster.store.database import Cursor

FAILURES_DDL = (
    "CREATE TABLE IF NOT EXISTS read_model_failures ("
    "name TEXT NOT NULL, notification_id BIGINT NOT NULL, topic TEXT NOT NULL, "
    "originator_id TEXT NOT NULL, originator_version BIGINT NOT NULL, error TEXT NOT NULL, "
    "failed_at TEXT NOT NULL, cleared_at TEXT, PRIMARY KEY (name, notification_id))"
)
MAX_ERROR = 500


@dataclass(frozen=True)
class Failure:
    name: str
    notification_id: int
    topic: str
    originator_id: str
    originator_version: int
    error: str
    failed_at: datetime


def record(cur: Cursor, name: str, row: tuple[Any, ...], exc: BaseException) -> None:
    """row = (notification_id, originator_id, originator_version, topic, state)."""
    nid, originator_id, version, topic, _ = row
    error = f"{type(exc).__name__}: {exc}".replace("\x00", "\\x00")[:MAX_ERROR]
    cur.execute(
        "INSERT INTO read_model_failures VALUES (?,?,?,?,?,?,?,NULL) "
        "ON CONFLICT (name, notification_id) DO UPDATE SET error = excluded.error, "
        "failed_at = excluded.failed_at, cleared_at = NULL",
        (name, nid, topic, str(originator_id), version, error, _now()),
    )


def open_failures(cur: Cursor) -> dict[str, Failure]:
    """The failure each stalled read model is stopped at."""
    rows = cur.execute(
        "SELECT name, notification_id, topic, originator_id, originator_version, error, "
        "failed_at FROM read_model_failures WHERE cleared_at IS NULL ORDER BY notification_id"
    ).fetchall()
    found: dict[str, Failure] = {}
    for name, nid, topic, originator, version, error, failed_at in rows:
        found.setdefault(
            name, Failure(name, nid, topic, originator, version, error, _parse(failed_at))
        )
    return found


def clear(cur: Cursor, names: Iterable[str]) -> int:
    """Let these read models try again from where they stopped; returns how many cleared."""
    names = list(names)
    if not names:
        return 0
    cur.execute(
        "UPDATE read_model_failures SET cleared_at = ? "
        f"WHERE cleared_at IS NULL AND name IN ({','.join('?' * len(names))})",
        (_now(), *names),
    )
    return cur.rowcount


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)
