"""Reception days as a Problem, from hand-made facts: README's rules, one by one."""

import solver
from roster.planning import reception
from tests.unit.planning.tiny import FRIDAY, MAKE_UP, MONDAY, WORKDAYS, facts, leader, station

PLACES = ("S1", "S2")  # the centre and the hotline; the court is no place to receive


def tiny(**kw):
    given = dict(
        people=[leader("L1", head=True), leader("L2"), leader("L3"), leader("X1", unit="C2")],
        stations=[
            station("S1", "centre"), station("S2", "hotline"), station("S3", "court"),
            station("S4", "centre", unit="C2"),
        ],
    )  # fmt: skip
    return facts(**given | kw)


def test_one_whole_day_slot_per_working_day_and_place_open_to_the_units_leaders():
    problem = reception.build_problem(tiny())
    assert [d.date for d in problem.days] == list(WORKDAYS)  # the make-up Saturday included
    assert not any(d.rest for d in problem.days)
    assert {(s.day, s.station_id, s.shift) for s in problem.slots} == {
        (d, p, "day") for d in WORKDAYS for p in PLACES
    }
    assert {s.eligible for s in problem.slots} == {("L1", "L2", "L3")}
    assert {(s.demand.minimum, s.demand.maximum) for s in problem.slots} == {(0, 1)}
    assert [p.id for p in problem.people] == ["L1", "L2", "L3"]


def test_every_working_day_exactly_one_leader_across_the_places():
    problem = reception.build_problem(tiny())
    covers = {c.id: c for c in problem.cover_groups}
    assert set(covers) == {f"reception/{d.isoformat()}" for d in WORKDAYS}
    for day in WORKDAYS:
        cover = covers[f"reception/{day.isoformat()}"]
        assert set(cover.slot_ids) == {f"{day.isoformat()}/{p}/day" for p in PLACES}
        assert (cover.minimum, cover.maximum) == (1, 1)


def test_never_two_working_days_running_and_the_head_at_least_once():
    problem = reception.build_problem(tiny())
    assert problem.default_limits.max_consecutive_days == 1
    assert problem.default_limits.max_per_day == 1
    assert [(p.person_id, p.limits.min_shifts) for p in problem.person_limits] == [("L1", 1)]
    assert problem.person_limits[0].limits.max_consecutive_days == 1
    # Friday then the make-up Saturday are working days running, whatever the weekday says
    friday, saturday, monday = (f"{d.isoformat()}/S1/day" for d in WORKDAYS)
    broken = solver.check(problem, {friday: ("L2",), saturday: ("L2",), monday: ("L1",)})
    assert [v.rule for v in broken] == ["max_consecutive_days"]
    assert solver.check(problem, {friday: ("L1",), saturday: ("L2",), monday: ("L3",)}) == []


def test_the_head_limit_binds_only_when_there_is_a_place_to_receive():
    problem = reception.build_problem(facts(people=[leader("L1", head=True), leader("L2")]))
    assert problem.slots == () and problem.person_limits == ()


def test_equal_counts_rotation_and_carried_over_balances():
    problem = reception.build_problem(tiny(history={"L1": (4, 0), "L2": (2, 0), "X1": (9, 9)}))
    assert [(p.id, p.members) for p in problem.fairness_pools] == [
        ("leaders/C1", ("L1", "L2", "L3"))
    ]
    assert problem.balances == (solver.Balance("L1", 2, 0), solver.Balance("L3", -2, 0))
    # three working days, three leaders: one day each, so no place twice
    assert problem.rotation == solver.Rotation(max_same_station=1, weight=20)


def test_unavailability_and_duties_in_other_rosters_close_the_day():
    problem = reception.build_problem(
        tiny(
            unavailable={"L2": {FRIDAY.day: None}, "L3": {MAKE_UP.day: {"am"}}},
            busy_elsewhere={"L1": {MONDAY.day}, "X1": {MONDAY.day}},
        )
    )
    assert set(problem.unavailability) == {
        solver.Unavailability("L2", FRIDAY.day),
        solver.Unavailability("L3", MAKE_UP.day, "am"),
        solver.Unavailability("L1", MONDAY.day),
    }
