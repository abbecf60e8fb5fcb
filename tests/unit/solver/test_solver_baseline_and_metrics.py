"""The greedy baseline (longest wait first) and the figures read off a solution."""

from solver import (
    Assignment,
    Balance,
    CoverGroup,
    FairnessPool,
    Limits,
    Solution,
    Stability,
    Unavailability,
    check,
    greedy_baseline,
    measure,
)


def test_baseline_gives_each_duty_to_who_waited_longest(mk):
    slots = [mk.slot(str(i), i) for i in range(4)]
    result = greedy_baseline(mk.problem(4, people=["a", "b", "c"], slots=slots))
    assert [result.assignments[str(i)] for i in range(4)] == [("a",), ("b",), ("c",), ("a",)]
    assert result.status == "HEURISTIC" and result.solver == "greedy"


def test_baseline_respects_availability_and_limits(mk):
    slots = [mk.slot(str(i), i) for i in range(4)]
    p = mk.problem(
        4, slots=slots, default_limits=Limits(max_shifts=1),
        unavailability=(Unavailability("a", mk.day(0)),),
    )  # fmt: skip
    result = greedy_baseline(p)
    assert [result.assignments[str(i)] for i in range(4)] == [("b",), ("a",), (), ()]
    assert check(p, result) == []


def test_baseline_visits_every_village_of_a_cover_group(mk):
    slots = [mk.slot(f"{v}{i}", i, station=v, target=0, maximum=1) for v in "xy" for i in range(2)]
    groups = tuple(CoverGroup(v, (f"{v}0", f"{v}1")) for v in "xy")
    p = mk.problem(2, people=["a"], slots=slots, cover_groups=groups)
    result = greedy_baseline(p)
    assert result.assignments == {"x0": ("a",), "x1": (), "y0": (), "y1": ("a",)}


def test_measure_coverage_fairness_and_violations(mk):
    slots = [mk.slot(str(i), i, target=2) for i in range(6)]  # day 5 is a Saturday
    pool = FairnessPool("pool", ("a", "b", "c"))
    p = mk.problem(6, people=["a", "b", "c"], slots=slots, fairness_pools=(pool,),
                   balances=(Balance("c", rest_duties=1),))  # fmt: skip
    assignments = {"0": ("a", "b"), "1": ("a",), "5": ("a", "a")}
    m = measure(p, Solution(assignments, "FEASIBLE"))
    assert (m.slots, m.seats, m.filled) == (6, 12, 4)
    assert m.coverage == 4 / 12
    assert m.hard_violations == 1  # a twice on the Saturday slot
    [pool_m] = m.pools
    assert (pool_m.lowest, pool_m.highest, pool_m.spread) == (0, 3, 3)
    assert pool_m.rest_spread == 1  # a: 1 Saturday, c: 1 carried, b: 0
    assert (m.spread, m.rest_spread) == (3, 1)


def test_measure_counts_cover_groups_met(mk):
    slots = [mk.slot(str(i), i, target=0, maximum=1) for i in range(2)]
    p = mk.problem(
        2, slots=slots, cover_groups=(CoverGroup("v0", ("0",)), CoverGroup("v1", ("1",)))
    )
    m = measure(p, {"0": ("a",)})
    assert (m.cover_groups, m.cover_groups_met, m.coverage) == (2, 1, 1.0)


def test_baseline_can_keep_the_previous_roster_and_fill_only_gaps(mk):
    slots = [mk.slot(str(i), i) for i in range(3)]
    previous = (Assignment("0", "b"), Assignment("1", "b"), Assignment("2", "c"))
    p = mk.problem(
        3, people=["a", "b", "c"], slots=slots, stability=Stability(previous=previous),
        unavailability=(Unavailability("c", mk.day(2)),),
    )  # fmt: skip
    kept = greedy_baseline(p, keep_previous=True)
    assert kept.assignments == {"0": ("b",), "1": ("b",), "2": ("a",)}
