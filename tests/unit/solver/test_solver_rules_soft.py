"""One tiny problem per soft rule, and what that rule charges for fixed assignments. Each
figure holds for both readings: the model's, with its variables fixed to the assignment,
and the independent checker's (`solver.penalty`); `rule_cost` asserts they agree."""

from solver import (
    Assignment,
    Balance,
    CoverGroup,
    Demand,
    FairnessPool,
    GroupLimit,
    Limits,
    Request,
    Rotation,
    ShiftType,
    SpreadVisits,
    Stability,
    StationCost,
    Unavailability,
)
from tests.unit.solver.fixing import rule_cost


def test_understaffing_costs_each_seat_below_the_target(mk):
    p = mk.problem(people=["a", "b", "c"], slots=[mk.slot("s", 0, target=2)])
    assert rule_cost(p, {"s": ("a", "b")}, "understaffing") == 0
    assert rule_cost(p, {"s": ("a",)}, "understaffing") == 100_000
    assert rule_cost(p, {"s": ()}, "understaffing") == 200_000


def test_understaffing_leaves_frozen_slots_alone(mk):
    stability = Stability(previous=(Assignment("t", "a"),), frozen_slot_ids=("s",))
    p = mk.problem(slots=[mk.slot("s", 0), mk.slot("t", 1)], stability=stability)
    assert rule_cost(p, {"s": (), "t": ("a",)}, "understaffing") == 0


def test_overstaffing_costs_seats_above_the_target(mk):
    demand = Demand(target=1, maximum=3, over_weight=5)
    p = mk.problem(people=["a", "b", "c"], slots=[mk.slot("s", 0, demand=demand)])
    assert rule_cost(p, {"s": ("a",)}, "overstaffing") == 0
    assert rule_cost(p, {"s": ("a", "b", "c")}, "overstaffing") == 10


def test_an_overfull_frozen_slot_costs_nothing_and_leaves_the_replan_feasible(mk):
    # The past may hold more people than the slot's maximum; it once made the model
    # infeasible, the excess not fitting overstaffing's variable.
    demand = Demand(target=1, maximum=2, over_weight=5)
    previous = tuple(Assignment("s", p) for p in "abc")
    p = mk.problem(
        people=["a", "b", "c"], slots=[mk.slot("s", 0, demand=demand)],
        stability=Stability(previous=previous, frozen_slot_ids=("s",)),
    )  # fmt: skip
    assert rule_cost(p, {"s": ("a", "b", "c")}, "overstaffing") == 0
    assert mk.run(p).assignments == {"s": ("a", "b", "c")}


def test_slot_preference_rewards_each_seat_of_a_market_day(mk):
    slots = [mk.slot("0", 0), mk.slot("2", 2, target=2, preference=50)]
    p = mk.problem(3, slots=slots)
    assert rule_cost(p, {"0": ("a",), "2": ()}, "slot_preference") == 0
    assert rule_cost(p, {"0": (), "2": ("a",)}, "slot_preference") == -50
    assert rule_cost(p, {"0": (), "2": ("a", "b")}, "slot_preference") == -100


def test_a_request_not_to_work_costs_each_duty_that_day(mk):
    slots = [mk.slot("x", 0, station="x"), mk.slot("y", 0, station="y")]
    p = mk.problem(
        slots=slots, default_limits=Limits(max_per_day=2),
        requests=(Request("a", mk.day(0), want=False, weight=10),),
    )  # fmt: skip
    assert rule_cost(p, {"x": ("b",), "y": ("b",)}, "requests") == 0
    assert rule_cost(p, {"x": ("a",), "y": ("b",)}, "requests") == 10
    assert rule_cost(p, {"x": ("a",), "y": ("a",)}, "requests") == 20


def test_a_request_to_work_a_shift_costs_when_it_is_not_worked(mk):
    shifts = (ShiftType("am", 8 * 60, 240), ShiftType("pm", 13 * 60, 240))
    slots = [mk.slot("am", 0, "am"), mk.slot("pm", 0, "pm")]
    p = mk.problem(shifts=shifts, slots=slots, requests=(Request("b", mk.day(0), "pm", want=True),))
    assert rule_cost(p, {"am": ("a",), "pm": ("b",)}, "requests") == 0
    assert rule_cost(p, {"am": ("b",), "pm": ("a",)}, "requests") == 10
    assert rule_cost(p, {"am": (), "pm": ()}, "requests") == 10


def test_station_cost_is_charged_per_duty_there(mk):
    slots = [mk.slot("0", 0), mk.slot("1", 1)]
    p = mk.problem(2, slots=slots, station_costs=(StationCost("a", "st", 30),))
    assert rule_cost(p, {"0": ("b",), "1": ("b",)}, "station_costs") == 0
    assert rule_cost(p, {"0": ("a",), "1": ("b",)}, "station_costs") == 30
    assert rule_cost(p, {"0": ("a",), "1": ("a",)}, "station_costs") == 60


def _four_days(mk, **kw):
    return mk.problem(4, slots=[mk.slot(str(i), i) for i in range(4)], **kw)


def _taken_by(people: str) -> dict[str, tuple[str, ...]]:
    return {str(i): (pid,) for i, pid in enumerate(people)}


def test_fairness_is_cheapest_when_duties_are_even(mk):
    # each person's k-th duty costs weight * k
    p = _four_days(mk, fairness_pools=(FairnessPool("pool", ("a", "b"), weight=1000),))
    assert rule_cost(p, _taken_by("aabb"), "fairness") == 1000 * (1 + 2) * 2
    assert rule_cost(p, _taken_by("aaab"), "fairness") == 1000 * (1 + 2 + 3 + 1)


def test_fairness_counts_carried_balances(mk):
    # a is two duties ahead: their k-th duty costs weight * (2 + k)
    p = _four_days(
        mk, fairness_pools=(FairnessPool("pool", ("a", "b"), weight=1),),
        balances=(Balance("a", duties=2),),
    )  # fmt: skip
    assert rule_cost(p, _taken_by("abbb"), "fairness") == 3 + (1 + 2 + 3)
    assert rule_cost(p, _taken_by("aabb"), "fairness") == (3 + 4) + (1 + 2)


def test_fairness_by_working_days_costs_the_spread_of_days(mk):
    slots = [mk.slot(f"{i}{s}", i, station=s) for i in range(2) for s in "xy"]
    pool = FairnessPool("pool", ("a", "b"), weight=1000, count_days=True)
    p = mk.problem(2, slots=slots, fairness_pools=(pool,), default_limits=Limits(max_per_day=2))
    one_day_each = {"0x": ("a",), "0y": ("a",), "1x": ("b",), "1y": ("b",)}
    assert rule_cost(p, one_day_each, "fairness") == 0
    assert rule_cost(p, {**one_day_each, "1x": ("a",)}, "fairness") == 1000


def test_rest_day_fairness_shares_weekends(mk):
    # days 4 (Fri), 5 (Sat), 6 (Sun), 7 (Mon)
    slots = [mk.slot(str(i), i) for i in range(4, 8)]
    pool = FairnessPool("pool", ("a", "b"), weight=0, rest_weight=100)
    p = mk.problem(8, slots=slots, fairness_pools=(pool,))
    split = {"4": ("a",), "5": ("a",), "6": ("b",), "7": ("b",)}
    assert rule_cost(p, split, "rest_day_fairness") == 100 + 100
    assert rule_cost(p, {**split, "6": ("a",)}, "rest_day_fairness") == 100 * (1 + 2)


def test_rotation_costs_each_duty_beyond_the_cap_at_one_station(mk):
    slots = [mk.slot(f"{s}{i}", i, station=s) for i in range(3) for s in "xy"]
    p = mk.problem(3, slots=slots, rotation=Rotation(max_same_station=1, weight=10))
    moving = {"x0": ("a",), "y0": ("b",), "x1": ("b",), "y1": ("a",), "x2": (), "y2": ()}
    assert rule_cost(p, moving, "rotation") == 0
    assert rule_cost(p, {**moving, "x1": ("a",), "y1": ("b",)}, "rotation") == 10 + 10
    assert rule_cost(p, {**moving, "x1": ("a",), "y1": ("b",), "x2": ("a",)}, "rotation") == 30


def test_spread_visits_costs_each_pair_of_adjacent_worked_days(mk):
    slots = [mk.slot(str(i), i, target=0, maximum=1) for i in range(3)]
    p = mk.problem(3, people=["a"], slots=slots, spread_visits=SpreadVisits(5))
    assert rule_cost(p, {"0": ("a",), "1": (), "2": ("a",)}, "spread_visits") == 0
    assert rule_cost(p, {"0": ("a",), "1": ("a",), "2": ()}, "spread_visits") == 5
    assert rule_cost(p, {"0": ("a",), "1": ("a",), "2": ("a",)}, "spread_visits") == 10


def test_a_reward_for_adjacent_days_is_paid_only_for_adjacent_days(mk):
    # a negative weight once let the model claim the reward for any pair of days
    slots = [mk.slot(str(i), i, target=0, maximum=1) for i in range(3)]
    p = mk.problem(3, people=["a"], slots=slots, spread_visits=SpreadVisits(-5))
    assert rule_cost(p, {"0": ("a",), "1": (), "2": ("a",)}, "spread_visits") == 0
    assert rule_cost(p, {"0": ("a",), "1": ("a",), "2": ()}, "spread_visits") == -5


def test_stability_costs_each_seat_added_or_removed(mk):
    previous = tuple(Assignment(str(i), "aabb"[i]) for i in range(4))
    p = _four_days(mk, stability=Stability(previous=previous, change_weight=5_000))
    assert rule_cost(p, _taken_by("aabb"), "stability") == 0
    assert rule_cost(p, _taken_by("babb"), "stability") == 5_000 * 2  # a's seat moves to b
    assert rule_cost(p, {**_taken_by("aabb"), "3": ()}, "stability") == 5_000


def test_stability_counts_a_seat_whose_person_can_no_longer_take_it(mk):
    previous = tuple(Assignment(str(i), "abab"[i]) for i in range(4))
    p = _four_days(
        mk, people=["a", "b", "c"], unavailability=(Unavailability("b", mk.day(3)),),
        stability=Stability(previous=previous, frozen_days=(mk.day(0),)),
    )  # fmt: skip
    assert rule_cost(p, {**_taken_by("aba"), "3": ()}, "stability") == 5_000
    assert rule_cost(p, _taken_by("abac"), "stability") == 5_000 * 2


def test_a_soft_cover_group_costs_each_seat_outside_its_range(mk):
    slots = [mk.slot(str(i), i, target=0, maximum=1) for i in range(3)]
    group = CoverGroup("v", ("0", "1", "2"), minimum=2, maximum=2, weight=7)
    p = mk.problem(3, slots=slots, cover_groups=(group,))
    assert rule_cost(p, {"0": ("a",), "1": ("b",), "2": ()}, "cover_groups") == 0
    assert rule_cost(p, {"0": ("a",), "1": (), "2": ()}, "cover_groups") == 7
    assert rule_cost(p, {"0": ("a",), "1": ("b",), "2": ("a",)}, "cover_groups") == 7


def test_a_soft_group_limit_with_a_reward_pays_only_outside_its_range(mk):
    # a negative weight once let the model claim the reward inside the range too
    people = [mk.person("a", "firm"), mk.person("b")]
    limit = GroupLimit("firm", minimum=0, maximum=1, weight=-3)
    p = _four_days(mk, people=people, group_limits=(limit,))
    assert rule_cost(p, _taken_by("abbb"), "group_limits") == 0
    assert rule_cost(p, _taken_by("aabb"), "group_limits") == -3
