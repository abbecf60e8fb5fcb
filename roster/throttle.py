"""A limit on failed logins, kept in memory per process.

Failed attempts are not business facts: recording them as events would let anyone without an
account grow the permanent log without bound. The price is that each web worker counts on
its own, so with W workers a guesser gets at most W × the limit per window, which argon2's
cost per guess still makes useless.
"""

import math
import time
from collections import deque
from collections.abc import Callable

from domain.errors import DomainError

PER_ACCOUNT = 5  # failures per username and client address within the window
PER_CLIENT = 50  # failures per client address over all usernames (password spraying)
WINDOW_S = 15 * 60
MAX_KEYS = 100_000  # beyond this, forget expired keys before remembering a new one


class LoginThrottle:
    def __init__(
        self,
        per_account: int = PER_ACCOUNT,
        per_client: int = PER_CLIENT,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_account = per_account
        self.per_client = per_client
        self.window_s = window_s
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}

    def check(self, username: str, client: str) -> None:
        """Refuse before any password is looked at, so a locked name cannot be probed."""
        now = self.clock()
        for key, limit in (((username, client), self.per_account), (("", client), self.per_client)):
            times = self._recent(key, now)
            if len(times) >= limit:
                wait_s = times[0] + self.window_s - now
                raise LoginThrottledError(max(1, math.ceil(wait_s / 60)))

    def failed(self, username: str, client: str) -> None:
        now = self.clock()
        if len(self._failures) >= MAX_KEYS:
            self._forget_expired(now)
        for key in ((username, client), ("", client)):
            self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, username: str, client: str) -> None:
        self._failures.pop((username, client), None)

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times

    def _forget_expired(self, now: float) -> None:
        for key in list(self._failures):
            if not self._recent(key, now):
                del self._failures[key]


class LoginThrottledError(DomainError):
    def __init__(self, minutes: int) -> None:
        super().__init__(
            f"登录失败次数过多，请 {minutes} 分钟后再试",
            f"Too many failed sign-ins; try again in {minutes} minutes",
        )
        self.minutes = minutes
