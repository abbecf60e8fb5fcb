"""Sign-in throttling in the database, on both stores: growing waits per account, shared by
every worker and kept over a restart; a generous guard per address; no events."""

import pytest
from argon2 import PasswordHasher

from roster.access.accounts import LoginRefusedError
from roster.access.throttle import Limit, LoginThrottledError
from roster.bootstrap import build
from tests.integration.helpers import ACTOR

PASSWORD = "correct horse battery"
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def started(url: str, clock: Clock):
    """One worker's services on the shared database, with the test's clock."""
    services = build(database_url=url, secret_key="test")
    services.accounts.hasher = CHEAP
    services.accounts.throttle.clock = clock
    return services


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def worker(services, clock):
    services.accounts.hasher = CHEAP
    services.accounts.throttle.clock = clock
    services.accounts.register("root", "管理员", PASSWORD, "admin", ACTOR)
    services.accounts.register("other", "另一位", PASSWORD, "admin", ACTOR)
    return services


def fail(services, username: str = "root", address: str = "10.0.0.1") -> None:
    with pytest.raises(LoginRefusedError):
        services.accounts.authenticate(username, "wrong password", address)


def waits(services, username: str = "root", address: str = "10.0.0.1") -> int:
    """The wait a sign-in is told to keep, or 0 when it is let through."""
    try:
        services.accounts.authenticate(username, "wrong password", address)
    except LoginThrottledError as refused:
        return refused.wait_s
    except LoginRefusedError:
        return 0
    raise AssertionError("a wrong password was accepted")


def test_the_first_failures_are_free_then_each_wait_doubles_up_to_the_cap(worker, clock):
    for _ in range(3):
        fail(worker)
    seen = []
    for _ in range(12):
        wait = waits(worker)
        seen.append(wait)
        assert waits(worker) == wait  # a refused attempt is not counted: the wait stays
        clock.now += wait
        fail(worker)
    assert seen[:5] == [2, 4, 8, 16, 32]
    assert seen == sorted(seen) and seen[-1] == 15 * 60
    with pytest.raises(LoginThrottledError) as refused:
        worker.accounts.authenticate("root", PASSWORD, "10.0.0.1")  # the right one waits too
    assert "15 分钟后再试" in refused.value.message and "15 minutes" in refused.value.message_en


def test_the_wait_is_per_account_not_per_address(worker, clock):
    for _ in range(3):
        fail(worker, address="10.0.0.1")
    assert waits(worker, address="192.168.9.9") > 0  # a guesser cannot dodge by moving
    assert worker.accounts.authenticate("other", PASSWORD, "10.0.0.1").username == "other"


def test_success_starts_the_account_afresh(worker, clock):
    for _ in range(3):
        fail(worker)
    clock.now += waits(worker)
    assert worker.accounts.authenticate("root", PASSWORD, "10.0.0.1").username == "root"
    for _ in range(3):
        fail(worker)  # free again


def test_counts_are_shared_by_workers_and_kept_over_a_restart(worker, clock, store_url):
    for _ in range(2):
        fail(worker)
    second = started(store_url, clock)  # another worker on the same database
    try:
        fail(second)
        assert waits(worker) == 2 and waits(second) == 2
    finally:
        second.close()
    worker.close()  # the first worker stops; a new process starts
    restarted = started(store_url, clock)
    try:
        assert waits(restarted) == 2
        clock.now += 24 * 3600  # a quiet day: the count is forgotten
        assert waits(restarted) == 0
    finally:
        restarted.close()


def test_one_address_spraying_many_names_is_slowed_but_others_are_not(worker, clock):
    worker.accounts.throttle.per_address = Limit(
        free=10, first_wait_s=2, max_wait_s=900, forget_s=3600
    )
    for i in range(10):
        fail(worker, username=f"nobody{i}", address="10.0.0.7")
    assert waits(worker, username="someone-new", address="10.0.0.7") == 2
    assert waits(worker, username="someone-new", address="10.0.0.8") == 0


def test_failures_are_no_events(worker, clock):
    position = worker.store.recorder.max_notification_id()
    for i in range(6):
        clock.now += 3600
        fail(worker, username=f"guess{i}")
        fail(worker)
    assert worker.store.recorder.max_notification_id() == position
