"""The exhaustive oracle: on tiny random problems that use every rule kind (rewards, that is
negative weights, included), every possible
assignment (each person in or out of each slot, ineligible and unavailable ones included)
is judged by the independent checker and by the CP-SAT model. They must agree both ways on
which assignments are feasible, and on each feasible one the model's objective (and each
rule's share of it) must equal the checker's penalty."""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from ortools.sat.python import cp_model

from solver import (
    Assignment,
    Balance,
    CoverGroup,
    Day,
    Demand,
    FairnessPool,
    ForbiddenSuccession,
    GroupLimit,
    Limits,
    Person,
    PersonLimits,
    Problem,
    Request,
    Rotation,
    ShiftCap,
    ShiftType,
    Slot,
    SpreadVisits,
    Stability,
    StationCost,
    Unavailability,
    check,
    validate,
)
from solver.check import MESSAGES
from solver.model import build_model
from solver.penalty import SOFT_RULES, penalties
from tests.unit.solver.fixing import FixedModel

PROBLEMS = 100
MAX_CELLS = 11  # (slot, person) pairs, so at most 2**11 assignments a problem

SHIFTS = (
    ShiftType("am", 8 * 60, 240),
    ShiftType("pm", 13 * 60, 300),
    ShiftType("nt", 20 * 60, 660),  # ends 07:00 the next day
    ShiftType("ld", 9 * 60, 600),  # overlaps am and pm
    ShiftType("ea", 8 * 60, 120),  # starts with am
)


def _maybe(rnd: random.Random, value, p: float = 0.3):
    return value if rnd.random() < p else None


def _limits(rnd: random.Random, shifts: tuple[ShiftType, ...]) -> Limits:
    return Limits(
        max_per_day=rnd.choice([1, 2, 2]),
        max_per_shift=(ShiftCap(rnd.choice(shifts).code, rnd.randint(0, 2)),)
        if rnd.random() < 0.25
        else (),
        min_shifts=_maybe(rnd, 1, 0.1),
        max_shifts=_maybe(rnd, rnd.randint(1, 3)),
        min_minutes=_maybe(rnd, 240, 0.1),
        max_minutes=_maybe(rnd, rnd.choice([500, 800, 1000])),
        max_consecutive_days=_maybe(rnd, rnd.randint(1, 2)),
        min_consecutive_days=_maybe(rnd, 2, 0.2),
        min_consecutive_days_off=_maybe(rnd, 2, 0.2),
        max_weekends=_maybe(rnd, rnd.randint(0, 1)),
        max_per_week=_maybe(rnd, rnd.randint(1, 2)),
        max_areas_per_day=_maybe(rnd, 1, 0.5),
    )


def _calendar(rnd: random.Random) -> tuple[Day, ...]:
    """3 or 4 days, sometimes with a calendar gap (consecutive entries that are not next
    days), around the turn of an ISO week and of the year."""
    d = date(2026, 12, 24) + timedelta(days=rnd.randrange(12))
    dates = [d]
    for _ in range(rnd.choice([3, 4]) - 1):
        dates.append(dates[-1] + timedelta(days=rnd.choice([1, 1, 1, 2])))
    return tuple(Day(d, rest=rnd.random() < 0.4) for d in dates)


def _slots(rnd: random.Random, days, shifts, people) -> list[Slot]:
    n_slots = rnd.randint(3, MAX_CELLS // len(people))
    places = [(d.date, s.code) for d in days for s in shifts]
    chosen = rnd.sample(places, min(n_slots, len(places)))
    while len(chosen) < n_slots:  # a second station on the same day and shift
        chosen.append(rnd.choice(places))
    slots = []
    for i, (day, shift) in enumerate(sorted(chosen)):
        minimum = rnd.choice([0, 0, 0, 0, 1])
        target = rnd.choice([minimum, 1, 1, 2])
        maximum = rnd.choice([None, max(minimum, target) + rnd.choice([0, 1])])
        demand = Demand(minimum, target, maximum, rnd.choice([100, 7]), rnd.choice([0, 0, 3]))
        eligible = _maybe(rnd, tuple(p.id for p in people if rnd.random() < 0.6), 0.3)
        slots.append(
            Slot(f"s{i}", day, shift, rnd.choice(["x", "y"]), demand=demand, eligible=eligible,
                 preference=rnd.choice([0, 0, 4, -4]), area=rnd.choice(["east", "west"]))
        )  # fmt: skip
    return slots


def _stability(rnd: random.Random, days, slots, people) -> Stability | None:
    if rnd.random() < 0.6:
        return None
    previous = tuple(Assignment(s.id, p.id) for s in slots for p in people if rnd.random() < 0.35)
    return Stability(
        previous=previous,
        change_weight=rnd.choice([11, 0]),
        frozen_slot_ids=tuple(s.id for s in slots if rnd.random() < 0.2),
        frozen_days=(rnd.choice(days).date,) if rnd.random() < 0.3 else (),
    )


def tiny_problem(seed: int) -> Problem:
    rnd = random.Random(seed)
    shifts = tuple(rnd.sample(SHIFTS, rnd.choice([1, 2])))
    people = tuple(
        Person(f"p{i}", groups=tuple(g for g in ("g1", "g2") if rnd.random() < 0.5))
        for i in range(rnd.choice([2, 3]))
    )
    ids = [p.id for p in people]
    days = _calendar(rnd)
    slots = _slots(rnd, days, shifts, people)
    codes = [s.code for s in shifts]
    pools = []
    if rnd.random() < 0.6:
        members = tuple(ids if rnd.random() < 0.5 else rnd.sample(ids, 2))
        pools.append(FairnessPool("pool", members, rnd.choice([5, 0]), rnd.choice([3, 0]),
                                  count_days=rnd.random() < 0.3))  # fmt: skip
    return Problem(
        days=days,
        shifts=shifts,
        people=people,
        slots=tuple(slots),
        unavailability=tuple(
            Unavailability(pid, d.date, rnd.choice([None, *codes]))
            for pid in ids
            for d in days
            if rnd.random() < 0.15
        ),
        requests=tuple(
            Request(
                rnd.choice(ids),
                rnd.choice(days).date,
                rnd.choice([None, *codes]),
                want=rnd.random() < 0.5,
                weight=rnd.choice([2, 9, -5]),
            )
            for _ in range(rnd.randint(0, 2))
        ),
        station_costs=tuple(
            StationCost(rnd.choice(ids), rnd.choice(["x", "y"]), 13)
            for _ in range(rnd.randint(0, 1))
        ),
        default_limits=_limits(rnd, shifts),
        person_limits=(PersonLimits(ids[0], _limits(rnd, shifts)),) if rnd.random() < 0.4 else (),
        forbidden_successions=tuple(
            ForbiddenSuccession(rnd.choice(codes), rnd.choice(codes))
            for _ in range(rnd.randint(0, 1))
        ),
        min_rest_minutes=rnd.choice([0, 0, 600, 900]),
        cover_groups=tuple(
            CoverGroup(
                f"c{i}",
                tuple(s.id for s in slots if rnd.random() < 0.5),
                minimum=rnd.randint(0, 1),
                maximum=rnd.choice([None, 1, 2, 3]),
                weight=rnd.choice([None, 6, -6]),
            )
            for i in range(rnd.choice([0, 1, 1]))
        ),
        group_limits=tuple(
            GroupLimit(
                rnd.choice(["g1", "g2"]),
                minimum=rnd.choice([0, 0, 1]),
                maximum=rnd.choice([None, 1, 2, 3]),
                weight=rnd.choice([None, 8, -8]),
            )
            for _ in range(rnd.choice([0, 1, 1]))
        ),
        fairness_pools=tuple(pools),
        balances=tuple(
            Balance(pid, rnd.randint(0, 2), rnd.randint(0, 1)) for pid in ids if rnd.random() < 0.3
        ),
        rotation=Rotation(rnd.randint(1, 2), rnd.choice([2, -2])) if rnd.random() < 0.3 else None,
        spread_visits=SpreadVisits(rnd.choice([3, -3])) if rnd.random() < 0.3 else None,
        stability=_stability(rnd, days, slots, people),
    )


def every_assignment(problem: Problem):
    cells = [(s.id, p.id) for s in problem.slots for p in problem.people]
    assert len(cells) <= MAX_CELLS
    for mask in range(1 << len(cells)):
        chosen = {cells[i] for i in range(len(cells)) if mask >> i & 1}
        yield chosen, {s.id: tuple(p for sid, p in cells if sid == s.id and (sid, p) in chosen)
                       for s in problem.slots}  # fmt: skip


def model_only_solutions(problem: Problem, feasible: list[set], most: int = 3) -> list[set]:
    """Assignments the model allows that are not among the checker's feasible ones: the
    model with each of those excluded by a clause must have no solution left."""
    m = build_model(problem)
    for pairs in feasible:
        if pairs <= m.x.keys():
            m.cp.add_bool_or([v.Not() if key in pairs else v for key, v in m.x.items()])
    m.cp.clear_objective()
    found = []
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    while len(found) < most and solver.solve(m.cp) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        pairs = {key for key, v in m.x.items() if solver.boolean_value(v)}
        found.append(pairs)
        m.cp.add_bool_or([v.Not() if key in pairs else v for key, v in m.x.items()])
    return found


@dataclass
class Judged:
    disagreements: list[str] = field(default_factory=list)
    assignments: int = 0
    feasible: int = 0
    broken: set[str] = field(default_factory=set)  # hard rules some assignment broke
    charged: set[str] = field(default_factory=set)  # rules some feasible assignment paid


@functools.cache
def judged(seed: int) -> Judged:
    """Every assignment of `seed`'s problem, judged by the checker and by the model."""
    problem = tiny_problem(seed)
    validate(problem)
    fixed = FixedModel(problem)
    out = Judged()
    feasible: list[set] = []
    for pairs, assignment in every_assignment(problem):
        out.assignments += 1
        violations = check(problem, assignment)
        out.broken |= {v.rule for v in violations}
        if violations:
            continue
        feasible.append(pairs)
        outcome = fixed.outcome(pairs)
        if outcome is None:
            out.disagreements.append(f"checker allows, model forbids: {sorted(pairs)}")
            continue
        objective, per_rule = outcome
        costs = penalties(problem, assignment)
        out.charged |= costs.keys()
        if per_rule != costs or objective != sum(costs.values()):
            out.disagreements.append(
                f"{sorted(pairs)}: model {objective} {per_rule}, checker {costs}"
            )
    out.feasible = len(feasible)
    for pairs in model_only_solutions(problem, feasible):
        assignment = {s.id: tuple(p for sid, p in pairs if sid == s.id) for s in problem.slots}
        rules = [v.rule for v in check(problem, assignment, lang="en")]
        out.disagreements.append(f"model allows, checker forbids {rules}: {sorted(pairs)}")
    return out


@pytest.mark.parametrize("seed", range(PROBLEMS))
def test_checker_and_model_agree_on_every_assignment(seed):
    found = judged(seed).disagreements
    assert not found, f"seed {seed}:\n{tiny_problem(seed)}\n" + "\n".join(found[:5])


def test_the_oracle_exercises_every_rule_on_both_sides():
    """Guards the generator: most problems have feasible and infeasible assignments, every
    hard rule is broken somewhere and every soft rule charges somewhere, or the agreement
    above would come cheap."""
    runs = [judged(seed) for seed in range(PROBLEMS)]
    assert sum(1 for j in runs if 0 < j.feasible < j.assignments) >= PROBLEMS // 2
    assert sum(j.feasible for j in runs) >= 500
    never_assigned = {"unknown_slot", "unknown_person", "duplicate_person"}
    assert set().union(*(j.broken for j in runs)) == MESSAGES.keys() - never_assigned
    assert set().union(*(j.charged for j in runs)) == {rule.__name__ for rule in SOFT_RULES}
