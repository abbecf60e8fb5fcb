"""One tiny problem per hard rule: what it forbids."""

from solver import (
    Assignment,
    CoverGroup,
    ForbiddenSuccession,
    GroupLimit,
    Limits,
    Request,
    ShiftCap,
    ShiftType,
    SolveParams,
    Stability,
    Unavailability,
    solve,
)


def filled(result) -> int:
    return sum(len(p) for p in result.assignments.values())


def test_demand_minimum_that_cannot_be_met_is_infeasible(mk):
    p = mk.problem(people=["a"], slots=[mk.slot("s", 0, target=2, minimum=2)])
    assert solve(p, SolveParams(workers=1)).status == "INFEASIBLE"


def test_demand_maximum_caps_the_seats(mk):
    p = mk.problem(people=["a", "b", "c"], slots=[mk.slot("s", 0, target=1, maximum=2)])
    assert len(mk.run(p).assignments["s"]) == 1  # the target; the max allows 2 at most


def test_only_eligible_people_fill_a_slot(mk):
    p = mk.problem(slots=[mk.slot("s", 0, eligible=("b",))])
    assert mk.run(p).assignments["s"] == ("b",)


def test_unavailable_people_are_not_assigned(mk):
    p = mk.problem(slots=[mk.slot("s", 0)], unavailability=(Unavailability("a", mk.day(0)),))
    assert mk.run(p).assignments["s"] == ("b",)


def test_unavailability_of_one_shift_leaves_the_other(mk):
    shifts = (ShiftType("am", 480, 240), ShiftType("pm", 840, 240))
    p = mk.problem(
        people=["a"],
        shifts=shifts,
        slots=[mk.slot("am", 0, "am", station="x"), mk.slot("pm", 0, "pm", station="y")],
        default_limits=Limits(max_per_day=2),
        unavailability=(Unavailability("a", mk.day(0), "am"),),
    )
    assert mk.run(p).assignments == {"am": (), "pm": ("a",)}


def test_max_duties_per_day(mk):
    slots = [mk.slot("x", 0, station="x"), mk.slot("y", 0, station="y")]
    assert filled(mk.run(mk.problem(people=["a"], slots=slots))) == 1
    more = mk.problem(people=["a"], slots=slots, default_limits=Limits(max_per_day=2))
    assert filled(mk.run(more)) == 2


def test_forbidden_succession(mk):
    shifts = (ShiftType("night", 20 * 60, 600), ShiftType("day", 8 * 60, 480))
    p = mk.problem(
        2,
        people=["a"],
        shifts=shifts,
        slots=[mk.slot("n", 0, "night"), mk.slot("d", 1, "day")],
        forbidden_successions=(ForbiddenSuccession("night", "day"),),
    )
    assert filled(mk.run(p)) == 1


def test_min_rest_minutes(mk):
    shifts = (ShiftType("late", 15 * 60, 480), ShiftType("early", 7 * 60, 480))
    slots = [mk.slot("l", 0, "late"), mk.slot("e", 1, "early")]
    p = mk.problem(2, people=["a"], shifts=shifts, slots=slots, min_rest_minutes=11 * 60)
    assert filled(mk.run(p)) == 1  # 23:00 -> 07:00 is 8 h
    relaxed = mk.problem(2, people=["a"], shifts=shifts, slots=slots, min_rest_minutes=8 * 60)
    assert filled(mk.run(relaxed)) == 2


def test_max_per_shift_type(mk):
    limits = Limits(max_per_shift=(ShiftCap("day", 1),))
    p = mk.problem(2, people=["a"], slots=[mk.slot("1", 0), mk.slot("2", 1)], default_limits=limits)
    assert filled(mk.run(p)) == 1


def test_max_total_duties(mk):
    slots = [mk.slot(str(i), i) for i in range(3)]
    p = mk.problem(3, people=["a"], slots=slots, default_limits=Limits(max_shifts=2))
    assert filled(mk.run(p)) == 2


def test_min_total_duties(mk):
    from solver import PersonLimits

    slots = [mk.slot(str(i), i) for i in range(2)]
    p = mk.problem(2, slots=slots, person_limits=(PersonLimits("b", Limits(min_shifts=2)),))
    assert mk.count_of(mk.run(p), "b") == 2


def test_max_total_minutes(mk):
    slots = [mk.slot(str(i), i) for i in range(2)]
    p = mk.problem(2, people=["a"], slots=slots, default_limits=Limits(max_minutes=480))
    assert filled(mk.run(p)) == 1


def test_max_consecutive_days(mk):
    slots = [mk.slot(str(i), i) for i in range(3)]
    p = mk.problem(3, people=["a"], slots=slots, default_limits=Limits(max_consecutive_days=2))
    assert filled(mk.run(p)) == 2


def test_min_consecutive_days_forbids_an_isolated_day_inside_the_horizon(mk):
    p = mk.problem(4, people=["a"], slots=[mk.slot("s", 1)])
    assert filled(mk.run(p)) == 1
    strict = mk.problem(
        4, people=["a"], slots=[mk.slot("s", 1)], default_limits=Limits(min_consecutive_days=2)
    )
    assert filled(mk.run(strict)) == 0


def test_min_consecutive_days_off(mk):
    slots = [mk.slot("0", 0), mk.slot("2", 2)]
    p = mk.problem(3, people=["a"], slots=slots, default_limits=Limits(min_consecutive_days_off=2))
    assert filled(mk.run(p)) == 1


def test_max_weekends(mk):
    # days 5,6 and 12,13 are two weekends
    slots = [mk.slot("sat1", 5), mk.slot("sat2", 12), mk.slot("sun2", 13)]
    p = mk.problem(14, people=["a"], slots=slots, default_limits=Limits(max_weekends=1))
    result = mk.run(p)
    assert filled(result) == 2
    assert result.assignments["sat2"] == result.assignments["sun2"] == ("a",)


def test_max_duties_per_week(mk):
    slots = [mk.slot(str(i), i) for i in range(7)]
    p = mk.problem(7, people=["a"], slots=slots, default_limits=Limits(max_per_week=2))
    assert filled(mk.run(p)) == 2


def test_cover_group_needs_at_least_one_visit(mk):
    slots = [mk.slot(str(i), i, target=0, maximum=1) for i in range(3)]
    group = CoverGroup("village", tuple(s.id for s in slots), minimum=1)
    p = mk.problem(3, people=["a"], slots=slots, cover_groups=(group,))
    assert filled(mk.run(p)) == 1
    bare = mk.problem(3, people=["a"], slots=slots)
    assert filled(mk.run(bare)) == 0


def test_hard_cover_group_that_cannot_be_met_is_infeasible_and_soft_one_is_not(mk):
    slots = [mk.slot("s", 0, target=0, maximum=1, eligible=())]
    hard = CoverGroup("v", ("s",), minimum=1)
    p = mk.problem(people=["a"], slots=slots, cover_groups=(hard,))
    assert solve(p, SolveParams(workers=1)).status == "INFEASIBLE"
    soft = CoverGroup("v", ("s",), minimum=1, weight=100)
    assert mk.run(mk.problem(people=["a"], slots=slots, cover_groups=(soft,))).status == "OPTIMAL"


def test_group_limit_caps_a_firms_duties(mk):
    people = [mk.person("a", "firm1"), mk.person("b", "firm1"), mk.person("c", "firm2")]
    slots = [mk.slot(s, 0, station=s) for s in "xyz"]  # one day, one duty each
    assert filled(mk.run(mk.problem(people=people, slots=slots))) == 3
    limit = GroupLimit("firm1", minimum=0, maximum=1)
    result = mk.run(mk.problem(people=people, slots=slots, group_limits=(limit,)))
    assert mk.count_of(result, "a") + mk.count_of(result, "b") == 1
    assert filled(result) == 2


def test_frozen_slot_keeps_its_previous_people(mk):
    stability = Stability(previous=(Assignment("s", "a"),), frozen_slot_ids=("s",))
    p = mk.problem(
        slots=[mk.slot("s", 0)],
        requests=(Request("a", mk.day(0), want=False, weight=10_000),),
        stability=stability,
    )
    assert mk.run(p).assignments["s"] == ("a",)


def test_frozen_day_keeps_previous_people(mk):
    stability = Stability(previous=(Assignment("s", "a"),), frozen_days=(mk.day(0),))
    p = mk.problem(
        slots=[mk.slot("s", 0)],
        requests=(Request("a", mk.day(0), want=False, weight=10_000),),
        stability=stability,
    )
    assert mk.run(p).assignments["s"] == ("a",)


def test_max_areas_per_day_keeps_an_adviser_in_one_township(mk):
    slots = [
        mk.slot("v1", 0, station="v1", area="east"),
        mk.slot("v2", 0, station="v2", area="east"),
        mk.slot("v3", 0, station="v3", area="west"),
    ]
    limits = Limits(max_per_day=3, max_areas_per_day=1)
    result = mk.run(mk.problem(people=["a"], slots=slots, default_limits=limits))
    assert result.assignments == {"v1": ("a",), "v2": ("a",), "v3": ()}
