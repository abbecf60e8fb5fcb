"""Drafting jobs: one solve per roster at a time, watched and cancellable.

The web starts a job and returns at once; a thread of this module reads the facts, hands the
plain problem to a worker process that builds the model and solves it (roster.planning.worker:
model building holds the GIL, so it must not run in the web process), reports each improving
solution into the job, and a cancel stops the search without recording a draft. Jobs live in this process only: with
several web workers, progress is seen by the worker that started the solve.
"""

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import solver
from domain.errors import DomainError
from roster.planning.planner import Planner, params_for
from roster.planning.worker import solve_in_process

log = logging.getLogger(__name__)
RUNNING, DONE, CANCELLED, FAILED = "running", "done", "cancelled", "failed"
KEEP_FINISHED_S = 600  # a finished job stays visible this long, for a late progress page


@dataclass
class Snapshot:
    """What a progress page shows: plain values, safe to hand to another thread."""

    state: str
    seconds: float
    objective: float | None
    filled_seats: int
    seats: int
    solutions: int
    message: str = ""  # why it failed, or the solver's final status
    message_en: str = ""


@dataclass
class Job:
    key: tuple[str, str, str]  # (kind, unit, month)
    actor: str
    seats: int = 0
    cancel: solver.CancelToken = field(default_factory=solver.CancelToken)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    future: Future | None = None
    _state: str = RUNNING
    _progress: solver.Progress | None = None
    _message: tuple[str, str] = ("", "")
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def report(self, progress: solver.Progress) -> None:
        with self._lock:
            self._progress = progress

    def finish(self, state: str, message: str = "", message_en: str = "") -> None:
        with self._lock:
            self._state = state
            self._message = (message, message_en or message)
            self.finished = time.monotonic()

    @property
    def running(self) -> bool:
        return self._state == RUNNING

    def snapshot(self) -> Snapshot:
        with self._lock:
            p = self._progress
            end = self.finished or time.monotonic()
            return Snapshot(
                state=self._state,
                seconds=round(end - self.started, 1),
                objective=p.objective if p else None,
                filled_seats=p.filled_seats if p else 0,
                seats=self.seats,
                solutions=p.solutions if p else 0,
                message=self._message[0],
                message_en=self._message[1],
            )


class DraftingJobs:
    def __init__(self, planner: Planner, time_limit: float = 60.0, threads: int = 2) -> None:
        self.planner = planner
        self.time_limit = time_limit
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="drafting")
        self._jobs: dict[tuple[str, str, str], Job] = {}
        self._lock = threading.Lock()

    def start(self, kind: str, unit: str, month: str, actor: str) -> Job:
        """Start drafting the roster, or return the job already drafting it."""
        key = (kind, unit, month)
        with self._lock:
            self._forget_old()
            job = self._jobs.get(key)
            if job is not None and job.running:
                return job
            job = self._jobs[key] = Job(key, actor)
            job.future = self._pool.submit(self._run, job)
        return job

    def get(self, kind: str, unit: str, month: str) -> Job | None:
        with self._lock:
            return self._jobs.get((kind, unit, month))

    def cancel(self, kind: str, unit: str, month: str) -> bool:
        job = self.get(kind, unit, month)
        if job is None or not job.running:
            return False
        job.cancel.cancel()
        return True

    def close(self) -> None:
        with self._lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            job.cancel.cancel()
        self._pool.shutdown(wait=True)

    def _run(self, job: Job) -> None:
        kind, unit, month = job.key
        try:
            # Facts are read and the model built here too, not in the request that started
            # the job: for a large county that takes seconds, and the request returns at once.
            problem, position = self.planner.problem_at(kind, unit, month)
            job.seats = sum(s.demand.target for s in problem.slots)
            params = params_for(kind, self.time_limit, progress=job.report, cancel=job.cancel)
            solution = solve_in_process(problem, params)
            if job.cancel.cancelled:
                job.finish(CANCELLED, "已取消，未生成草案", "Cancelled; no draft recorded")
                return
            plan = self.planner.record(
                kind, unit, month, problem, solution, params, job.actor, facts_position=position
            )
            if not plan.roster_id:
                job.finish(FAILED, *_not_recorded(solution.status, len(plan.violations)))
                return
            job.report(
                solver.Progress(
                    objective=solution.objective or 0.0,
                    bound=solution.bound or 0.0,
                    seconds=solution.seconds,
                    filled_seats=plan.metrics.filled if plan.metrics else 0,
                    solutions=job.snapshot().solutions,
                )
            )
            job.finish(DONE, solution.status, solution.status)
        except DomainError as exc:
            job.finish(FAILED, exc.message, exc.message_en)
        except Exception:  # the page must learn the job ended; the log gets the rest
            log.exception("drafting %s failed", job.key)
            job.finish(FAILED, "生成失败：系统错误", "Drafting failed: internal error")

    def _forget_old(self) -> None:
        now = time.monotonic()
        for key, job in list(self._jobs.items()):
            if job.finished is not None and now - job.finished > KEEP_FINISHED_S:
                del self._jobs[key]


def _not_recorded(status: str, violations: int) -> tuple[str, str]:
    if violations:
        return (
            f"求解结果违反 {violations} 条硬性规则，未保存草案",
            f"The result breaks {violations} hard rules; no draft recorded",
        )
    return (
        f"没有找到可行的排班（{status}），未保存草案",
        f"No feasible roster found ({status}); no draft recorded",
    )
