"""Solving reports progress and can be cancelled from another thread (no timed asserts)."""

import threading

import pytest

from solver import (
    CancelToken,
    FairnessPool,
    Limits,
    SolveParams,
    Unavailability,
    check,
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


def _first_solution_then_cancel(mk, p, cancel):
    """Solve `p` on one worker without a hint, so the first solution is not yet the best
    one, calling `cancel(token)` from the progress callback at the first report."""
    token, reports = CancelToken(), []

    def progress(report):
        reports.append(report)
        cancel(token)

    params = SolveParams(time_limit_seconds=300, stall_seconds=None, workers=1, hint=False,
                         cancel=token, progress=progress)  # fmt: skip
    return solve(p, params), reports


def _assert_stopped_at_the_first_solution(mk, p, result, reports):
    best = mk.run(p, stall_seconds=1.0)
    assert len(reports) == 1, "no solution is searched for after the cancel"
    assert result.status == "FEASIBLE" and result.bound < result.objective  # not proven
    assert result.objective == reports[0].objective > best.objective  # it had more to find
    # what comes back is that first solution, whole and valid
    assert reports[0].filled_seats == sum(len(v) for v in result.assignments.values())
    assert check(p, result) == []
    assert sum(result.penalties.values()) == result.objective


def test_cancel_from_the_progress_callback_returns_the_solution_found_so_far(mk):
    p = medium_problem(mk)
    result, reports = _first_solution_then_cancel(mk, p, lambda token: token.cancel())
    _assert_stopped_at_the_first_solution(mk, p, result, reports)


def test_cancel_from_another_thread(mk):
    # The callback holds the search until the other thread has cancelled, so what happens
    # next does not depend on timing.
    asked, done = threading.Event(), threading.Event()
    tokens, outcome = [], {}

    def wait_for_the_cancel(token):
        tokens.append(token)
        asked.set()
        assert done.wait(timeout=120)

    p = medium_problem(mk)

    def work():
        outcome["result"] = _first_solution_then_cancel(mk, p, wait_for_the_cancel)

    worker = threading.Thread(target=work)
    worker.start()
    assert asked.wait(timeout=120)
    tokens[0].cancel()
    done.set()
    worker.join(timeout=120)
    assert not worker.is_alive()
    _assert_stopped_at_the_first_solution(mk, p, *outcome["result"])


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
