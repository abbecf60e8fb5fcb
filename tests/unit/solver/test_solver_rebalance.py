"""The fairness repair that seeds the solver: safe moves from the most to the least loaded."""

from solver import FairnessPool, Limits, Unavailability, check, measure
from solver.rebalance import rebalance


def test_moves_a_duty_from_the_busiest_to_the_idlest(mk):
    slots = [mk.slot(str(i), i) for i in range(4)]
    p = mk.problem(4, slots=slots, fairness_pools=(FairnessPool("pool", ("a", "b")),))
    before = {str(i): ("a",) for i in range(4)}
    after = rebalance(p, before)
    assert sorted(sum(after.values(), ())) == ["a", "a", "b", "b"]
    assert check(p, after) == []


def test_swaps_weekend_duties_keeping_totals(mk):
    # days 4 (Fri) .. 7 (Mon): a has both weekend days, b both weekdays
    slots = [mk.slot(str(i), i) for i in range(4, 8)]
    p = mk.problem(8, slots=slots, fairness_pools=(FairnessPool("pool", ("a", "b")),))
    before = {"4": ("b",), "5": ("a",), "6": ("a",), "7": ("b",)}
    after = rebalance(p, before)
    m = measure(p, after)
    assert (m.spread, m.rest_spread) == (0, 0)
    assert check(p, after) == []


def test_never_breaks_a_hard_rule(mk):
    slots = [mk.slot(str(i), i) for i in range(4)]
    p = mk.problem(
        4, slots=slots, fairness_pools=(FairnessPool("pool", ("a", "b")),),
        unavailability=tuple(Unavailability("b", mk.day(i)) for i in range(3)),
        default_limits=Limits(max_consecutive_days=3),
    )  # fmt: skip
    before = {"0": ("a",), "1": ("a",), "2": ("a",), "3": ()}
    after = rebalance(p, before)
    assert after == {
        "0": ("a",),
        "1": ("a",),
        "2": ("a",),
        "3": (),
    }  # b is away; a is at 3 in a row
