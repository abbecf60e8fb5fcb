"""Problems and solutions travel as plain JSON and come back equal."""

import json
from dataclasses import replace

import pytest

from solver import (
    Assignment,
    Balance,
    CoverGroup,
    Demand,
    FairnessPool,
    ForbiddenSuccession,
    GroupLimit,
    Limits,
    PersonLimits,
    ProblemError,
    Request,
    Rotation,
    ShiftCap,
    ShiftType,
    Solution,
    SpreadVisits,
    Stability,
    StationCost,
    Unavailability,
    canonical_json,
    fingerprint,
    from_json,
    problem_errors,
    solve,
    to_json,
)


def full_problem(mk):
    limits = Limits(max_per_day=3, max_per_shift=(ShiftCap("am", 2),), max_shifts=4, max_weekends=1)
    return mk.problem(
        3,
        people=[mk.person("a", "firm1"), mk.person("b")],
        shifts=(ShiftType("am", 480, 240, "上午", "morning"), ShiftType("pm", 840, 240)),
        slots=[
            mk.slot("s1", 0, "am", demand=Demand(1, 2, 3, 7, 1), eligible=("a",), preference=5),
            mk.slot("s2", 1, "pm", station_name="鱼台县人民法院"),
        ],
        unavailability=(Unavailability("a", mk.day(1)), Unavailability("b", mk.day(0), "am")),
        requests=(Request("b", mk.day(2), "pm", want=True, weight=3),),
        station_costs=(StationCost("a", "st", 9),),
        default_limits=limits,
        person_limits=(PersonLimits("b", Limits(min_shifts=1, max_minutes=900)),),
        forbidden_successions=(ForbiddenSuccession("pm", "am"),),
        min_rest_minutes=600,
        cover_groups=(CoverGroup("v", ("s1", "s2"), 1, 2, "张村", "Zhang", weight=100),),
        group_limits=(GroupLimit("firm1", 1, 5, "甲所"),),
        fairness_pools=(FairnessPool("p", ("a", "b"), 10, 20, count_days=True),),
        balances=(Balance("a", 2, -1),),
        rotation=Rotation(2, 3),
        spread_visits=SpreadVisits(4),
        stability=Stability((Assignment("s1", "a"),), 7, ("s1",), (mk.day(0),)),
        name="鱼台县 2026-12",
    )


def test_problem_round_trip(mk):
    p = full_problem(mk)
    text = to_json(p)
    assert json.loads(text)["type"] == "Problem"
    assert "鱼台县人民法院" in text  # readable, not escaped
    assert from_json(text) == p


def test_solution_round_trip():
    s = Solution({"s1": ("a", "b"), "s2": ()}, "FEASIBLE", 12.0, 3.5, 0.25, {"fairness": 10})
    assert from_json(to_json(s, indent=2)) == s


def test_solved_problem_from_json_solves_the_same(mk):
    p = from_json(to_json(full_problem(mk)))
    assert mk.run(p).assignments["s1"] == ("a",)


def test_foreign_documents_are_refused():
    with pytest.raises(ValueError):
        from_json('{"type": "Roster", "format": 1, "data": {}}')
    with pytest.raises(TypeError):
        to_json({"not": "a problem"})


def test_malformed_problems_are_refused_with_every_mistake(mk):
    bad = mk.problem(
        2,
        people=["a", "a"],
        slots=[
            mk.slot("s", 0, "nope"),
            mk.slot("s", 9),
            mk.slot("t", 0, demand=Demand(minimum=3, target=1)),
        ],
    )
    assert problem_errors(bad) == [
        "duplicate person a",
        "duplicate slot s",
        "slot s: unknown shift nope",
        f"slot s: day {mk.day(9)} is outside the horizon",
        "slot t: demand needs 0 <= minimum, target <= maximum",
    ]
    with pytest.raises(ProblemError):
        solve(bad)


def test_the_fingerprint_names_one_problem(mk):
    p = full_problem(mk)
    assert fingerprint(p) == fingerprint(from_json(to_json(p))) == fingerprint(full_problem(mk))
    assert len(fingerprint(p)) == 64
    assert fingerprint(replace(p, days=p.days[:-1])) != fingerprint(p)
    assert fingerprint(replace(p, name="another")) != fingerprint(p)


def test_canonical_json_sorts_keys_without_spaces(mk):
    text = canonical_json(full_problem(mk))
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert from_json(text) == full_problem(mk)
