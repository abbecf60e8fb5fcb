"""The failed-login limit: per name and address, per address, and forgetting after the window."""

import pytest

from roster.throttle import LoginThrottle, LoginThrottledError


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_failures_lock_that_name_from_that_address_for_the_window():
    clock = Clock()
    throttle = LoginThrottle(clock=clock)
    for _ in range(5):
        throttle.check("yutai", "10.0.0.1")
        throttle.failed("yutai", "10.0.0.1")
    with pytest.raises(LoginThrottledError) as refused:
        throttle.check("yutai", "10.0.0.1")
    assert refused.value.minutes == 15 and "15 分钟后再试" in refused.value.message
    throttle.check("yutai", "10.0.0.2")  # another address is not locked out by the guesser
    throttle.check("admin", "10.0.0.1")  # nor another name
    clock.now += 15 * 60 + 1
    throttle.check("yutai", "10.0.0.1")


def test_success_clears_the_count_for_that_name():
    throttle = LoginThrottle(clock=Clock())
    for _ in range(4):
        throttle.failed("yutai", "ip")
    throttle.succeeded("yutai", "ip")
    for _ in range(4):
        throttle.failed("yutai", "ip")
    throttle.check("yutai", "ip")


def test_spraying_many_names_from_one_address_is_limited_too():
    throttle = LoginThrottle(per_client=10, clock=Clock())
    for i in range(10):
        throttle.failed(f"user{i}", "ip")
    with pytest.raises(LoginThrottledError):
        throttle.check("someone-new", "ip")
