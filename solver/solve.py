"""Run CP-SAT on a Problem: time limit, workers, progress reports and cancellation.

The model is built inside `solve`, so a worker process can be handed plain data
(`solver.serialize`) and do all the work; CP-SAT releases the GIL while it searches.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver import solution as st
from solver.baseline import greedy_baseline
from solver.model import RosterModel, build_model
from solver.problem import Problem
from solver.rebalance import rebalance
from solver.solution import Progress, Solution
from solver.validate import validate


class CancelToken:
    """Thread-safe: `cancel()` from any thread stops a running (or future) solve."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._stoppers: list[Callable[[], None]] = []

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            stoppers = list(self._stoppers)
        for stop in stoppers:
            stop()

    def _register(self, stop: Callable[[], None]) -> bool:
        """Returns False (and registers nothing) if already cancelled."""
        with self._lock:
            if self._cancelled:
                return False
            self._stoppers.append(stop)
            return True

    def _unregister(self, stop: Callable[[], None]) -> None:
        with self._lock:
            if stop in self._stoppers:
                self._stoppers.remove(stop)


@dataclass(frozen=True)
class SolveParams:
    """How to run one solve. `progress` is called from CP-SAT's thread on each improving
    solution; `cancel` stops the search (the best solution so far is returned)."""

    time_limit_seconds: float = 10.0
    workers: int = 2
    seed: int = 0
    hint: bool = True  # start from the previous solution, else from the greedy baseline
    # On big models CP-SAT's bound rises slowly, so proving the (usually already optimal)
    # hinted roster optimal can take most of the time limit: stop once the best solution
    # has not improved for this long. None runs to the time limit or optimality.
    stall_seconds: float | None = 2.0
    # Big models spend seconds in CP-SAT's presolve for little gain once a complete hint
    # exists; None: presolve only models up to PRESOLVE_MAX_VARIABLES variables.
    presolve: bool | None = None
    log: bool = False
    progress: Callable[[Progress], None] | None = None
    cancel: CancelToken | None = None


PRESOLVE_MAX_VARIABLES = 5_000


class _ProgressReporter(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution and stops the search after a stall."""

    def __init__(
        self, model: RosterModel, params: SolveParams, stop: Callable[[], None], started: float
    ):
        super().__init__()
        self._vars = list(model.x.values())
        self._report = params.progress
        self._stall = params.stall_seconds
        self._stop = stop
        self._timer: threading.Timer | None = None
        self._started = started
        self.solutions = 0
        self.error: Exception | None = None

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def on_solution_callback(self) -> None:
        self.solutions += 1
        if self._stall is not None:
            self.close()
            self._timer = threading.Timer(self._stall, self._stop)
            self._timer.daemon = True
            self._timer.start()
        if self._report is None or self.error is not None:
            return
        filled = sum(1 for v in self._vars if self.boolean_value(v))
        progress = Progress(
            objective=self.objective_value,
            bound=self.best_objective_bound,
            seconds=time.monotonic() - self._started,
            filled_seats=filled,
            solutions=self.solutions,
        )
        try:
            self._report(progress)
        except Exception as exc:  # raised again by solve(), not lost in CP-SAT's thread
            self.error = exc
            self._stop()


def solve(problem: Problem, params: SolveParams | None = None) -> Solution:
    """Builds the model and searches. Raises ProblemError for a malformed problem; an
    infeasible one comes back with status INFEASIBLE (see `solver.explain`)."""
    params = params or SolveParams()
    started = time.monotonic()
    cancel = params.cancel
    if cancel is not None and cancel.cancelled:
        return _empty(problem, st.CANCELLED, started)
    validate(problem)
    model = build_model(problem)
    if params.hint:
        _add_hint(model)
    if cancel is not None and cancel.cancelled:
        return _empty(problem, st.CANCELLED, started)
    solver = cp_model.CpSolver()
    left = params.time_limit_seconds - (time.monotonic() - started)  # the limit is for the call
    solver.parameters.max_time_in_seconds = max(0.1, left)
    solver.parameters.num_workers = max(1, params.workers)
    solver.parameters.random_seed = params.seed
    solver.parameters.log_search_progress = params.log
    presolve = params.presolve
    if presolve is None:
        presolve = len(model.x) <= PRESOLVE_MAX_VARIABLES
    solver.parameters.cp_model_presolve = presolve
    stop = solver.stop_search
    reporter = _ProgressReporter(model, params, stop, started)
    if cancel is not None and not cancel._register(stop):
        return _empty(problem, st.CANCELLED, started)
    try:
        code = solver.solve(model.cp, reporter)
    finally:
        reporter.close()
        if cancel is not None:
            cancel._unregister(stop)
    if reporter.error is not None:
        raise reporter.error
    status = solver.status_name(code)
    if status not in (st.OPTIMAL, st.FEASIBLE):
        cancelled = cancel is not None and cancel.cancelled and status == st.UNKNOWN
        return _empty(problem, st.CANCELLED if cancelled else status, started)
    assignments = {slot.id: [] for slot in problem.slots}
    for (slot_id, pid), var in model.x.items():
        if solver.boolean_value(var):
            assignments[slot_id].append(pid)
    penalties = {
        name: int(sum(w * solver.value(e) for w, e in terms))
        for name, terms in model.penalties.items()
    }
    return Solution(
        assignments={k: tuple(v) for k, v in assignments.items()},
        status=status,
        objective=solver.objective_value if model.penalties else 0.0,
        bound=solver.best_objective_bound if model.penalties else 0.0,
        seconds=time.monotonic() - started,
        penalties=penalties,
    )


def _add_hint(model: RosterModel) -> None:
    """Hint every variable: the chosen people, and the counters and penalties they imply
    (found by a quick solve with the people fixed). A complete hint lets CP-SAT start from
    a full-coverage solution instead of searching for one."""
    if model.index.previous:  # a re-plan: keep what still holds, fill the gaps
        previous = greedy_baseline(model.problem, keep_previous=True).assignments
    else:
        previous = rebalance(
            model.problem, greedy_baseline(model.problem, mind_costs=True).assignments
        )
    chosen = {(sid, pid) for sid, pids in previous.items() for pid in pids}
    hint = model.cp.proto.solution_hint
    hint.vars.extend(var.index for var in model.x.values())
    hint.values.extend(int(key in chosen) for key in model.x)
    helper = cp_model.CpSolver()
    helper.parameters.fix_variables_to_their_hinted_value = True
    helper.parameters.max_time_in_seconds = 2.0
    helper.parameters.num_workers = 1
    _light_presolve(helper)  # the people are fixed: little left to simplify
    if helper.solve(model.cp) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        values = list(helper.response_proto.solution)
        model.cp.clear_hints()
        model.cp.proto.solution_hint.vars.extend(range(len(values)))
        model.cp.proto.solution_hint.values.extend(values)
    # else the hinted people break a hard rule (a frozen or previous solution can):
    # keep the partial hint, CP-SAT repairs it


def _light_presolve(solver: cp_model.CpSolver) -> None:
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.symmetry_level = 0
    solver.parameters.max_presolve_iterations = 1


def _empty(problem: Problem, status: str, started: float) -> Solution:
    return Solution(
        assignments={slot.id: () for slot in problem.slots},
        status=status,
        seconds=time.monotonic() - started,
    )
