"""Solving reports progress and can be cancelled from another thread (no timed asserts)."""

import threading

import pytest

from solver import (
    CancelToken,
    FairnessPool,
    Limits,
    SolveParams,
    Unavailability,
    solve,
)


def medium_problem(mk, n_people=30, n_days=28):
    people = [f"p{i}" for i in range(n_people)]
    slots = [mk.slot(f"{d}-{s}", d, station=s, target=2) for d in range(n_days) for s in "xyz"]
    off = tuple(Unavailability(p, mk.day(d)) for i, p in enumerate(people) for d in range(n_days)
                if (i * 7 + d * 3) % 11 == 0)  # fmt: skip
    return mk.problem(
        n_days, people=people, slots=slots, unavailability=off,
        default_limits=Limits(max_shifts=7, max_consecutive_days=3),
        fairness_pools=(FairnessPool("pool", tuple(people)),),
    )  # fmt: skip


def test_progress_reports_each_improvement(mk):
    reports = []
    p = medium_problem(mk, n_people=8, n_days=7)
    result = mk.run(p, progress=reports.append, time_limit_seconds=30, stall_seconds=1.0)
    assert reports, "at least the first solution is reported"
    assert [r.solutions for r in reports] == list(range(1, len(reports) + 1))
    assert reports[-1].objective == result.objective
    assert reports[-1].filled_seats == sum(len(v) for v in result.assignments.values())
    assert all(r.bound <= r.objective for r in reports)


def test_cancel_before_start_returns_cancelled(mk):
    token = CancelToken()
    token.cancel()
    result = solve(mk.problem(slots=[mk.slot("s", 0)]), SolveParams(cancel=token))
    assert result.status == "CANCELLED" and result.assignments == {"s": ()}


def test_cancel_from_the_progress_callback_keeps_the_best_solution(mk):
    token = CancelToken()
    p = medium_problem(mk)
    params = SolveParams(time_limit_seconds=300, stall_seconds=None, cancel=token,
                         progress=lambda _: token.cancel())  # fmt: skip
    result = solve(p, params)
    assert result.status in ("FEASIBLE", "OPTIMAL")
    assert token.cancelled


def test_cancel_from_another_thread(mk):
    token = CancelToken()
    first = threading.Event()
    outcome = {}
    params = SolveParams(time_limit_seconds=300, stall_seconds=None, cancel=token,
                         progress=lambda _: first.set())  # fmt: skip

    def work():
        outcome["result"] = solve(medium_problem(mk), params)

    worker = threading.Thread(target=work)
    worker.start()
    first.wait(timeout=120)
    token.cancel()
    worker.join(timeout=120)
    assert not worker.is_alive()
    assert outcome["result"].status in ("FEASIBLE", "OPTIMAL")


def test_penalty_breakdown_sums_to_the_objective(mk):
    result = mk.run(medium_problem(mk, n_people=8, n_days=7), stall_seconds=1.0)
    assert sum(result.penalties.values()) == result.objective


def test_empty_problems_solve(mk):
    assert mk.run(mk.problem(people=[], slots=[])).assignments == {}
    assert mk.run(mk.problem(people=[], slots=[mk.slot("s", 0)])).assignments == {"s": ()}


def test_infeasible_status_and_no_assignment(mk):
    p = mk.problem(people=["a"], slots=[mk.slot("s", 0, target=2, minimum=2)])
    result = solve(p, SolveParams(workers=1))
    assert result.status == "INFEASIBLE" and not result.has_assignment


def test_an_error_in_the_progress_callback_reaches_the_caller(mk):
    def broken(_):
        raise RuntimeError("display went away")

    with pytest.raises(RuntimeError, match="display went away"):
        solve(mk.problem(slots=[mk.slot("s", 0)]), SolveParams(progress=broken))
