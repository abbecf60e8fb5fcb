"""The CP-SAT model and the independent checker read the rules the same way: on random
small problems every solver answer passes the checker, and so does the baseline's for the
limits it enforces."""

import random

import pytest

from solver import (
    FairnessPool,
    ForbiddenSuccession,
    GroupLimit,
    Limits,
    PersonLimits,
    ShiftCap,
    ShiftType,
    Unavailability,
    check,
    greedy_baseline,
)

SHIFTS = (
    ShiftType("am", 8 * 60, 240),
    ShiftType("pm", 14 * 60, 300),
    ShiftType("nt", 20 * 60, 660),
)


def random_limits(rnd: random.Random) -> Limits:
    def maybe(lo, hi):
        return rnd.randint(lo, hi) if rnd.random() < 0.5 else None

    return Limits(
        max_per_day=rnd.choice([1, 1, 2]),
        max_per_shift=(ShiftCap("nt", rnd.randint(1, 3)),) if rnd.random() < 0.5 else (),
        max_shifts=maybe(2, 6),
        max_minutes=maybe(900, 2400),
        max_consecutive_days=maybe(1, 3),
        min_consecutive_days=maybe(2, 3),
        min_consecutive_days_off=maybe(2, 3),
        max_weekends=maybe(0, 1),
        max_per_week=maybe(2, 4),
        max_areas_per_day=maybe(1, 1),
    )


def random_problem(mk, seed: int, with_minimums: bool):
    rnd = random.Random(seed)
    n_days = rnd.randint(5, 12)
    people = [mk.person(f"p{i}", f"g{i % 3}") for i in range(rnd.randint(3, 6))]
    slots = []
    for d in range(n_days):
        for s, shift in enumerate(SHIFTS):
            if rnd.random() < 0.6:
                eligible = tuple(p.id for p in people if rnd.random() < 0.7)
                slot = mk.slot(f"{d}{shift.code}{s}", d, shift.code, station=f"st{s}",
                               target=rnd.randint(1, 2), eligible=eligible, area=f"a{s % 2}")  # fmt: skip
                slots.append(slot)
    off = tuple(Unavailability(p.id, mk.day(d), rnd.choice([None, "am"]))
                for p in people for d in range(n_days) if rnd.random() < 0.15)  # fmt: skip
    return mk.problem(
        n_days, people=people, shifts=SHIFTS, slots=slots, unavailability=off,
        default_limits=random_limits(rnd),
        person_limits=(PersonLimits("p0", random_limits(rnd)),),
        forbidden_successions=(ForbiddenSuccession("nt", "am"),),
        min_rest_minutes=rnd.choice([0, 600]),
        group_limits=(GroupLimit("g0", minimum=1 if with_minimums else 0, maximum=rnd.randint(2, 8)),),
        fairness_pools=(FairnessPool("all", tuple(p.id for p in people)),),
    )  # fmt: skip


@pytest.mark.parametrize("seed", range(25))
def test_solver_answers_pass_the_checker(mk, seed):
    p = random_problem(mk, seed, with_minimums=True)
    mk.run(p, time_limit_seconds=5, stall_seconds=0.5)  # run() asserts check(...) == []


@pytest.mark.parametrize("seed", range(25))
def test_baseline_answers_pass_the_checker_without_minimum_rules(mk, seed):
    p = random_problem(mk, seed, with_minimums=False)
    lim = p.default_limits
    # the baseline cannot look ahead for minimum run lengths; drop those rules here
    relaxed = Limits(
        **{**lim.__dict__, "min_consecutive_days": None, "min_consecutive_days_off": None}
    )
    p0 = p.person_limits[0].limits
    p0 = Limits(**{**p0.__dict__, "min_consecutive_days": None, "min_consecutive_days_off": None})
    from dataclasses import replace

    p = replace(p, default_limits=relaxed, person_limits=(PersonLimits("p0", p0),))
    assert check(p, greedy_baseline(p)) == []
