"""Duty lawyers as a Problem, from hand-made facts: README's rules, one by one."""

import solver
from roster.planning import duty_lawyers
from tests.unit.planning.tiny import (
    FRIDAY,
    HOLIDAY,
    MAKE_UP,
    MONDAY,
    SUNDAY,
    facts,
    lawyer,
    station,
)

DEMAND = (("workday", "am", 2), ("workday", "pm", 1), ("weekend", "day", 1), ("holiday", "day", 1))
HOME = ("A1", "A2", "B1")  # qualified lawyers of the county's firms F1 and F2


def tiny(**kw):
    given = dict(
        people=[
            lawyer("A1", "F1"), lawyer("A2", "F1"), lawyer("A3", "F1", qualified=False),
            lawyer("B1", "F2"), lawyer("P1", "F9"), lawyer("Q1", "F8"), lawyer("R1", "F7"),
        ],
        firms={"F1": "C1", "F2": "C1", "F9": "C0", "F8": "C0", "F7": "C2"},
        firm_names={"F1": "甲所", "F2": "乙所"},
        pairings={"C1": {"F9"}, "C2": {"F8"}},  # F8 helps another county, not this one
        stations=[
            station("S1", "court", demand=DEMAND),
            station("S2", "detention", demand=[("workday", "am", 0)]),
            station("S3", "court", unit="C2", demand=DEMAND),
            station("S4", "procuratorate"),
        ],
    )  # fmt: skip
    return facts(**given | kw)


def test_eligible_are_the_qualified_home_lawyers_and_those_of_paired_city_firms():
    assert duty_lawyers.eligible_lawyers(tiny()) == (list(HOME), ["P1"])
    problem = duty_lawyers.build_problem(tiny())
    assert [p.id for p in problem.people] == [*HOME, "P1"]
    assert [p.groups for p in problem.people] == [("F1",), ("F1",), ("F2",), ("F9",)]
    assert {s.eligible for s in problem.slots} == {(*HOME, "P1")}


def test_seats_follow_each_stations_demand_by_the_declared_day_type():
    problem = duty_lawyers.build_problem(tiny())
    seats = {(s.day, s.station_id, s.shift): s.demand.target for s in problem.slots}
    assert seats == {
        (HOLIDAY.day, "S1", "day"): 1,  # a Wednesday, but a holiday
        (FRIDAY.day, "S1", "am"): 2, (FRIDAY.day, "S1", "pm"): 1,
        (MAKE_UP.day, "S1", "am"): 2, (MAKE_UP.day, "S1", "pm"): 1,  # a Saturday worked
        (SUNDAY.day, "S1", "day"): 1,
        (MONDAY.day, "S1", "am"): 2, (MONDAY.day, "S1", "pm"): 1,
    }  # fmt: skip
    assert {s.demand.minimum for s in problem.slots} == {0}  # an unfilled seat is explained
    # rest days (for weekend/holiday fairness) are the calendar's, not the weekday's
    assert [(d.date, d.rest) for d in problem.days] == [
        (HOLIDAY.day, True), (FRIDAY.day, False), (MAKE_UP.day, False), (SUNDAY.day, True),
        (MONDAY.day, False),
    ]  # fmt: skip


def test_one_duty_a_day_at_most_four_a_month_less_those_served_in_other_counties():
    problem = duty_lawyers.build_problem(tiny(duties_elsewhere={"P1": 3, "B1": 6, "Q1": 1}))
    assert (problem.default_limits.max_per_day, problem.default_limits.max_shifts) == (1, 4)
    limits = {p.person_id: p.limits for p in problem.person_limits}
    assert {c: (lim.max_per_day, lim.max_shifts) for c, lim in limits.items()} == {
        "P1": (1, 1),
        "B1": (1, 0),
    }


def test_paired_lawyers_cost_travel_at_every_station():
    problem = duty_lawyers.build_problem(tiny())
    assert {c.person_id for c in problem.station_costs} == {"P1"}
    assert "S1" in {c.station_id for c in problem.station_costs}
    assert {c.weight for c in problem.station_costs} == {duty_lawyers.Options().travel_weight}


def test_each_home_firm_carries_its_share_within_the_tolerance():
    problem = duty_lawyers.build_problem(tiny())
    # 11 seats; F1 has two of the three home lawyers: 7⅓ seats, F2 3⅔, each ± 2
    limits = {(g.group, g.weight): (g.minimum, g.maximum) for g in problem.group_limits}
    assert limits == {
        ("F1", None): (0, 10),  # the ceiling is hard
        ("F1", 1_000): (5, None),  # the floor is a strong wish
        ("F2", None): (0, 6),
        ("F2", 1_000): (1, None),
    }
    assert problem.group_limits[0].name == "甲所"


def test_a_firms_share_is_of_what_the_county_can_carry():
    options = duty_lawyers.Options(max_duties=1, firm_tolerance=0)
    problem = duty_lawyers.build_problem(tiny(), options)
    # three home lawyers at one duty each carry 3 of the 11 seats: F1 2, F2 1
    assert {(g.group, g.maximum) for g in problem.group_limits if g.weight is None} == {
        ("F1", 2),
        ("F2", 1),
    }


def test_home_and_paired_lawyers_are_balanced_each_in_their_own_pool():
    history = {"A1": (3, 2), "A2": (1, 0), "B1": (2, 1), "P1": (4, 2)}
    problem = duty_lawyers.build_problem(tiny(history=history))
    assert [(p.id, p.members) for p in problem.fairness_pools] == [
        ("county/C1", HOME),
        ("paired/C1", ("P1",)),
    ]
    # against the home mean (2 duties, 1 rest duty); P1 alone is level with its own pool
    assert problem.balances == (solver.Balance("A1", 1, 1), solver.Balance("A2", -1, -1))


def test_no_paired_pool_without_paired_lawyers():
    problem = duty_lawyers.build_problem(tiny(pairings={}))
    assert [p.id for p in problem.fairness_pools] == ["county/C1"]
    assert problem.station_costs == ()


def test_unavailability_and_other_rosters_duties_close_the_day():
    problem = duty_lawyers.build_problem(
        tiny(unavailable={"A1": {FRIDAY.day: {"pm"}}}, busy_elsewhere={"P1": {SUNDAY.day}})
    )
    assert set(problem.unavailability) == {
        solver.Unavailability("A1", FRIDAY.day, "pm"),
        solver.Unavailability("P1", SUNDAY.day),
    }
