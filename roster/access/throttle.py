"""Sign-in throttling, kept in the database: shared by every worker and kept over restarts.

Failed attempts are not business facts, so they are no events (anyone without an account could
grow the permanent log); a small table holds a count per key, forgotten after a quiet spell.
Per account: the first few failures cost nothing, then each waits twice as long as the one
before, up to a cap. A guesser gets a handful of tries an hour, and the holder is only ever
delayed, never locked out by whoever shares their proxy. Per address: the same, far more
generous, against spraying many names from one place.

An attempt counts as failed from the moment it starts, inside one locked transaction, so
parallel guesses cannot all slip through before the first failure is written; a success takes
its count back.
"""

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from domain.errors import DomainError
from roster.store.database import Cursor, Database

TABLE = "login_failures"
DDL = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (subject TEXT PRIMARY KEY, failures INTEGER NOT NULL, "
    "last_failure DOUBLE PRECISION NOT NULL)"
)
INDEX = f"CREATE INDEX IF NOT EXISTS {TABLE}_by_time ON {TABLE} (last_failure)"
MAX_KEY = 64  # real usernames have 32 characters at most; longer ones share a key


@dataclass(frozen=True)
class Limit:
    free: int  # failures that cost no wait
    first_wait_s: float
    max_wait_s: float
    forget_s: float  # after this long without a failure, the count starts again

    def wait_after(self, failures: int) -> float:
        if failures < self.free:
            return 0.0
        doublings = min(failures - self.free, 32)
        return min(self.max_wait_s, self.first_wait_s * 2**doublings)


PER_ACCOUNT = Limit(free=3, first_wait_s=2, max_wait_s=15 * 60, forget_s=24 * 3600)
PER_ADDRESS = Limit(free=100, first_wait_s=2, max_wait_s=15 * 60, forget_s=3600)


class LoginThrottle:
    def __init__(
        self,
        db: Database,
        per_account: Limit = PER_ACCOUNT,
        per_address: Limit = PER_ADDRESS,
        clock: Callable[[], float] = time.time,  # wall time: several processes share the rows
    ) -> None:
        self.db = db
        self.per_account = per_account
        self.per_address = per_address
        self.clock = clock

    def create_table(self) -> None:
        with self.db.transaction() as cur:
            cur.execute(DDL)
            cur.execute(INDEX)

    def attempt(self, username: str, address: str) -> None:
        """Refuse before any password is looked at while a wait runs; else count the attempt."""
        now = self.clock()
        keys = self._keys(username, address)
        with self.db.transaction() as cur:
            counts = [self._locked_count(cur, key, limit, now) for key, limit in keys]
            ready_at = max(
                last + limit.wait_after(failures)
                for (_, limit), (failures, last) in zip(keys, counts, strict=True)
            )
            if ready_at > now:
                raise LoginThrottledError(math.ceil(ready_at - now))  # rolled back: not counted
            for (key, _), (failures, _last) in zip(keys, counts, strict=True):
                cur.execute(
                    f"UPDATE {TABLE} SET failures = ?, last_failure = ? WHERE subject = ?",
                    (failures + 1, now, key),
                )
        # Apart, holding no other row: two sign-ins never wait on each other's locks.
        forget_before = now - max(self.per_account.forget_s, self.per_address.forget_s)
        with self.db.transaction() as cur:
            cur.execute(f"DELETE FROM {TABLE} WHERE last_failure < ?", (forget_before,))

    def succeeded(self, username: str, address: str) -> None:
        """The account starts afresh; the address gets back the one attempt it was charged."""
        (account, _), (place, _) = self._keys(username, address)
        with self.db.transaction() as cur:
            cur.execute(f"DELETE FROM {TABLE} WHERE subject = ?", (account,))
            cur.execute(
                f"UPDATE {TABLE} SET failures = failures - 1 WHERE subject = ? AND failures > 0",
                (place,),
            )

    def _keys(self, username: str, address: str) -> list[tuple[str, Limit]]:
        return [
            (f"account:{username[:MAX_KEY]}", self.per_account),
            (f"address:{address[:MAX_KEY]}", self.per_address),
        ]

    def _locked_count(self, cur: Cursor, key: str, limit: Limit, now: float) -> tuple[int, float]:
        """The key's failures and last failure, its row locked until the transaction ends
        (SQLite's BEGIN IMMEDIATE already holds the whole database)."""
        cur.execute(
            f"INSERT INTO {TABLE} VALUES (?, 0, ?) ON CONFLICT (subject) DO NOTHING", (key, now)
        )
        lock = " FOR UPDATE" if self.db.postgres else ""
        failures, last = cur.execute(
            f"SELECT failures, last_failure FROM {TABLE} WHERE subject = ?{lock}", (key,)
        ).fetchone()
        if now - last >= limit.forget_s:
            return 0, now
        return int(failures), float(last)


class LoginThrottledError(DomainError):
    def __init__(self, wait_s: int) -> None:
        if wait_s <= 90:
            zh, en = f"{wait_s} 秒", f"{wait_s} seconds"
        else:
            minutes = math.ceil(wait_s / 60)
            zh, en = f"{minutes} 分钟", f"{minutes} minutes"
        super().__init__(
            f"登录失败次数过多，请 {zh}后再试", f"Too many failed sign-ins; try again in {en}"
        )
        self.wait_s = wait_s
