"""One solve in a worker process, with its progress and a cancel carried across.

CP-SAT's search releases the GIL but building its model does not: for a large county that is
seconds in which a web process could answer no page. So the model is built and solved in a
child process from the plain Problem (the model itself cannot be pickled), and the caller's
`progress` and `cancel` work as they do in-process.
"""

import queue
import threading
import time
from dataclasses import replace
from multiprocessing import get_context
from typing import Any

import solver

POLL_S = 0.1


def solve_in_process(problem: solver.Problem, params: solver.SolveParams) -> solver.Solution:
    context = get_context("forkserver")  # never fork a process that runs threads
    updates = context.Queue()
    stop = context.Event()
    plain = replace(params, progress=None, cancel=None)
    child = context.Process(target=_solve, args=(problem, plain, updates, stop), daemon=True)
    child.start()
    try:
        while True:
            if params.cancel is not None and params.cancel.cancelled:
                stop.set()
            try:
                kind, value = updates.get(timeout=POLL_S)
            except queue.Empty:
                if not child.is_alive() and updates.empty():
                    raise SolverProcessError(f"exit code {child.exitcode}") from None
                continue
            if kind == "progress" and params.progress is not None:
                params.progress(value)
            elif kind == "done":
                return value
            elif kind == "failed":
                raise SolverProcessError(value)
    finally:
        stop.set()
        child.join(timeout=5)
        if child.is_alive():
            child.kill()
        updates.close()


def _solve(problem: solver.Problem, params: solver.SolveParams, updates: Any, stop: Any) -> None:
    token = solver.CancelToken()

    def watch() -> None:
        # Polled, not stop.wait(): a waiter that dies with this process would leave the
        # parent's stop.set() waiting for it to wake, forever.
        while not stop.is_set():
            time.sleep(POLL_S)
        token.cancel()

    threading.Thread(target=watch, daemon=True).start()
    try:
        progress = lambda p: updates.put(("progress", p))  # noqa: E731
        solution = solver.solve(problem, replace(params, progress=progress, cancel=token))
        updates.put(("done", solution))
    except BaseException as exc:  # the parent must hear why, not wait for a silent exit
        updates.put(("failed", f"{type(exc).__name__}: {exc}"))


class SolverProcessError(RuntimeError):
    """The worker process failed or died; the drafting job reports it as a failure."""
