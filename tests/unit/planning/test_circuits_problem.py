"""Adviser circuits as a Problem, from hand-made facts: README's rules, one by one."""

import solver
from roster.planning import circuits
from roster.registry.lunar import lunar_day
from tests.unit.planning.tiny import FRIDAY, MAKE_UP, WORKDAYS, adviser, facts, village

MARKET = lunar_day(FRIDAY.day)  # V1's market falls on that Friday (and no other day here)


def tiny(**kw):
    given = dict(
        people=[adviser("D1"), adviser("D2"), adviser("D3")],
        villages=[
            village("V1", "D1", market=(MARKET,)), village("V2", "D1"), village("V3", "D2"),
            village("V4", "D3", township="T2"),  # another township's village
            village("V5", "D9"),  # its adviser is not one of this month's advisers
        ],
    )  # fmt: skip
    return facts(**given | kw)


def test_a_slot_per_village_and_working_day_open_only_to_its_contracted_adviser():
    problem = circuits.build_problem(tiny())
    assert [d.date for d in problem.days] == list(WORKDAYS)  # no visits on rest days
    assert {(s.station_id, s.day) for s in problem.slots} == {
        (v, d) for v in ("V1", "V2", "V3") for d in WORKDAYS
    }
    eligible = {s.station_id: s.eligible for s in problem.slots}
    assert eligible == {"V1": ("D1",), "V2": ("D1",), "V3": ("D2",)}
    assert [p.id for p in problem.people] == ["D1", "D2"]


def test_each_village_one_visit_a_month_at_most_three_villages_a_day():
    problem = circuits.build_problem(tiny())
    covers = {c.id: c for c in problem.cover_groups}
    assert set(covers) == {"village/V1", "village/V2", "village/V3"}
    assert {(c.minimum, c.maximum) for c in covers.values()} == {(1, 1)}
    assert set(covers["village/V1"].slot_ids) == {f"{d.isoformat()}/V1/day" for d in WORKDAYS}
    assert problem.default_limits.max_per_day == 3
    two = circuits.build_problem(tiny(), circuits.Options(per_day=2, visits=2))
    assert two.default_limits.max_per_day == 2
    assert {(c.minimum, c.maximum) for c in two.cover_groups} == {(2, 2)}


def test_preferably_on_the_market_day_and_spread_over_the_month():
    problem = circuits.build_problem(tiny())
    rewarded = {(s.station_id, s.day) for s in problem.slots if s.preference}
    assert rewarded == {("V1", FRIDAY.day)}
    assert {s.preference for s in problem.slots} == {0, circuits.Options().market_reward}
    assert problem.spread_visits == solver.SpreadVisits(weight=5)


def test_advisers_visiting_days_are_balanced_when_there_are_two():
    pools = circuits.build_problem(tiny()).fairness_pools
    assert [(p.id, p.members, p.count_days, p.rest_weight) for p in pools] == [
        ("advisers/C1", ("D1", "D2"), True, 0)
    ]
    alone = circuits.build_problem(tiny(villages=[village("V1", "D1")]))
    assert alone.fairness_pools == ()


def test_an_unavailable_day_is_closed_to_the_adviser():
    problem = circuits.build_problem(tiny(unavailable={"D2": {MAKE_UP.day: None}}))
    assert problem.unavailability == (solver.Unavailability("D2", MAKE_UP.day),)
