"""One tiny problem per soft rule: what it penalises."""

from solver import (
    Assignment,
    Balance,
    CoverGroup,
    Demand,
    FairnessPool,
    Limits,
    Request,
    Rotation,
    SpreadVisits,
    Stability,
    StationCost,
    Unavailability,
)


def test_understaffing_fills_seats_up_to_the_target(mk):
    result = mk.run(mk.problem(people=["a", "b", "c"], slots=[mk.slot("s", 0, target=2)]))
    assert len(result.assignments["s"]) == 2
    assert result.penalties["understaffing"] == 0


def test_understaffing_is_reported_when_nobody_can_come(mk):
    result = mk.run(mk.problem(people=["a"], slots=[mk.slot("s", 0, target=2)]))
    assert result.penalties["understaffing"] == 100_000  # one seat short


def test_overstaffing_costs_seats_above_target(mk):
    demand = Demand(target=1, maximum=3, over_weight=5)
    p = mk.problem(people=["a", "b", "c"], slots=[mk.slot("s", 0, demand=demand)])
    p2 = mk.problem(
        people=["a", "b", "c"],
        slots=[mk.slot("s", 0, demand=demand)],
        requests=(Request("b", mk.day(0), want=True, weight=20),),
    )
    assert len(mk.run(p).assignments["s"]) == 1
    # a wish of 20 outweighs one extra seat at 5
    assert "b" in mk.run(p2).assignments["s"]


def test_slot_preference_rewards_market_days(mk):
    slots = [
        mk.slot(str(i), i, target=0, maximum=1, preference=(50 if i == 2 else 0)) for i in range(4)
    ]
    group = CoverGroup("village", tuple(s.id for s in slots), minimum=1, maximum=1)
    result = mk.run(mk.problem(4, people=["a"], slots=slots, cover_groups=(group,)))
    assert result.assignments["2"] == ("a",)


def test_request_not_to_work(mk):
    p = mk.problem(slots=[mk.slot("s", 0)], requests=(Request("a", mk.day(0), want=False),))
    assert mk.run(p).assignments["s"] == ("b",)


def test_request_to_work(mk):
    p = mk.problem(slots=[mk.slot("s", 0)], requests=(Request("b", mk.day(0), want=True),))
    assert mk.run(p).assignments["s"] == ("b",)


def test_station_cost_keeps_travel_low(mk):
    p = mk.problem(slots=[mk.slot("s", 0)], station_costs=(StationCost("a", "st", 30),))
    assert mk.run(p).assignments["s"] == ("b",)


def test_fairness_spreads_duties_evenly(mk):
    slots = [mk.slot(str(i), i) for i in range(4)]
    pool = FairnessPool("pool", ("a", "b"))
    result = mk.run(mk.problem(4, slots=slots, fairness_pools=(pool,)))
    assert mk.count_of(result, "a") == mk.count_of(result, "b") == 2


def test_fairness_counts_carried_balances(mk):
    slots = [mk.slot(str(i), i) for i in range(4)]
    pool = FairnessPool("pool", ("a", "b"))
    p = mk.problem(4, slots=slots, fairness_pools=(pool,), balances=(Balance("a", duties=2),))
    result = mk.run(p)
    assert (mk.count_of(result, "a"), mk.count_of(result, "b")) == (1, 3)


def test_fairness_by_working_days(mk):
    # a may do two villages a day; counting days, b should still get a day
    slots = [mk.slot(f"{i}{s}", i, station=s) for i in range(2) for s in "xy"]
    pool = FairnessPool("pool", ("a", "b"), count_days=True)
    p = mk.problem(2, slots=slots, fairness_pools=(pool,), default_limits=Limits(max_per_day=2))
    result = mk.run(p)
    days_of = {pid: {sid[0] for sid, ps in result.assignments.items() if pid in ps} for pid in "ab"}
    assert len(days_of["a"]) == len(days_of["b"])


def test_rest_day_fairness_shares_weekends(mk):
    # days 4 (Fri), 5 (Sat), 6 (Sun), 7 (Mon)
    slots = [mk.slot(str(i), i) for i in range(4, 8)]
    pool = FairnessPool("pool", ("a", "b"), weight=0, rest_weight=100)
    result = mk.run(mk.problem(8, slots=slots, fairness_pools=(pool,)))
    weekend = [result.assignments["5"][0], result.assignments["6"][0]]
    assert sorted(weekend) == ["a", "b"]


def test_rotation_moves_people_between_stations(mk):
    slots = [mk.slot(f"{s}{i}", i, station=s) for i in range(2) for s in "xy"]
    p = mk.problem(2, slots=slots, rotation=Rotation(max_same_station=1, weight=10))
    result = mk.run(p)
    for pid in "ab":
        stations = [sid[0] for sid, ps in result.assignments.items() if pid in ps]
        assert sorted(stations) == ["x", "y"]


def test_spread_visits_avoids_adjacent_days(mk):
    slots = [mk.slot(str(i), i, target=0, maximum=1) for i in range(3)]
    group = CoverGroup("village", tuple(s.id for s in slots), minimum=2)
    p = mk.problem(
        3, people=["a"], slots=slots, cover_groups=(group,), spread_visits=SpreadVisits(5)
    )
    result = mk.run(p)
    assert result.assignments == {"0": ("a",), "1": (), "2": ("a",)}


def test_stability_keeps_the_previous_solution(mk):
    slots = [mk.slot(str(i), i) for i in range(4)]
    previous = tuple(Assignment(str(i), "ab"[i // 2]) for i in range(4))  # a a b b
    p = mk.problem(4, slots=slots, stability=Stability(previous=previous))
    result = mk.run(p)
    assert result.assignments == {"0": ("a",), "1": ("a",), "2": ("b",), "3": ("b",)}


def test_stability_moves_only_the_dropped_duties(mk):
    slots = [mk.slot(str(i), i) for i in range(4)]
    previous = tuple(Assignment(str(i), "abab"[i]) for i in range(4))
    p = mk.problem(
        4,
        people=["a", "b", "c"],
        slots=slots,
        unavailability=(Unavailability("b", mk.day(3)),),
        stability=Stability(previous=previous, frozen_days=(mk.day(0),)),
    )
    result = mk.run(p)
    assert [result.assignments[str(i)] for i in range(3)] == [("a",), ("b",), ("a",)]
    assert result.assignments["3"] in {("a",), ("c",)}
    assert result.penalties["stability"] == 10_000  # b's seat on day 3 lost, one added
