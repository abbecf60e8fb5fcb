"""Plan a month: facts → Problem → CP-SAT → independent check → explanations → one draft event."""

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing import get_context

import solver
from domain.errors import DomainError
from domain.roster import check_kind
from domain.summary import DraftSummary, Shortfall
from roster.planning import circuits, duty_lawyers, reception
from roster.planning.facts import Facts, read_facts
from roster.planning.targets import NotATownshipError, NothingToPlanError, unit_info
from roster.registry import facts as registry
from roster.registry.workdays import WorkingDays
from roster.rosters.commands import Rosters
from roster.store.database import Cursor, Database
from solver.solution import UNKNOWN

BUILDERS: dict[str, Callable[[Facts], solver.Problem]] = {
    "reception": reception.build_problem,
    "duty-lawyers": duty_lawyers.build_problem,
    "adviser-circuits": circuits.build_problem,
}
SOLVE_ORDER = ("reception", "duty-lawyers", "adviser-circuits")
# Small models rarely prove fairness optimal; stop sooner once they stop improving.
STALL_SECONDS = {"reception": 0.5, "duty-lawyers": 1.0, "adviser-circuits": 0.5}


def params_for(kind: str, time_limit: float, workers: int = 2, **extra) -> solver.SolveParams:
    return solver.SolveParams(
        time_limit_seconds=time_limit, workers=workers, stall_seconds=STALL_SECONDS[kind], **extra
    )


# Units with something to plan: a reception place, a duty station, villages with advisers.
PLANNABLE: dict[str, Callable[[Cursor], set[str]]] = {
    "reception": lambda cur: registry.units_with_open_stations(cur, reception.PLACE_KINDS),
    "duty-lawyers": registry.units_with_open_stations,
    "adviser-circuits": registry.townships_with_advisers,
}


@dataclass
class Plan:
    kind: str
    unit_code: str
    month: str
    problem: solver.Problem
    solution: solver.Solution
    violations: list[solver.Violation] = field(default_factory=list)
    explanations: list[solver.Explanation] = field(default_factory=list)
    metrics: solver.Metrics | None = None
    roster_id: str = ""

    def summary(self, params: solver.SolveParams) -> DraftSummary:
        """Numbers and codes, and each unfilled seat in both languages (pages pick one)."""
        m, s, p = self.metrics, self.solution, self.problem
        # The same explanations in English (explain is deterministic: one for one, in order).
        english = [e.message for e in solver.explain(p, s, "en")] if self.explanations else []
        return DraftSummary(
            solver=s.solver, status=s.status, objective=s.objective, bound=s.bound,
            seconds=round(s.seconds, 3), penalties=dict(s.penalties),
            time_limit_seconds=params.time_limit_seconds, workers=params.workers, seed=params.seed,
            people=len(p.people), slots=len(p.slots), days=len(p.days),
            unavailability=len(p.unavailability), cover_groups=len(p.cover_groups),
            seats=m.seats if m else 0, filled=m.filled if m else 0,
            coverage=m.coverage if m else 0.0, cover_groups_met=m.cover_groups_met if m else 0,
            spread=m.spread if m else None, rest_spread=m.rest_spread if m else None,
            hard_violations=len(self.violations),
            shortfalls=tuple(
                Shortfall(e.kind, e.message, en)
                for e, en in zip(self.explanations, english, strict=True)
            ),
        )  # fmt: skip


class Planner:
    def __init__(
        self, db: Database, workdays: WorkingDays, rosters: Rosters, processes: int = 2
    ) -> None:
        self.db = db
        self.workdays = workdays
        self.rosters = rosters
        self.processes = processes

    def units(self, kind: str, unit: str) -> list[str]:
        """The units a kind is planned for, within `unit` (a county with its townships; 'all')."""
        check_kind(kind)
        with self.db.reading() as cur:
            units = registry.units_above_villages(cur)
            plannable = PLANNABLE[kind](cur)
        if unit != "all" and unit not in {u.code for u in units}:
            raise UnknownUnitError(unit)
        within = {u.code for u in units if unit in ("all", u.code, u.county_code)}
        return sorted(within & plannable)

    def jobs(self, kinds: tuple[str, ...], unit: str) -> list[tuple[str, str]]:
        """The (kind, unit) pairs to plan within `unit`; a named unit that plans none of
        `kinds` is refused with what it is and which kinds it takes."""
        if unit == "all":
            return [(k, u) for k in kinds for u in self.units(k, unit)]
        info = unit_info(self.db, unit)
        if info is None:
            raise UnknownUnitError(unit)
        plannable = {k: self.units(k, unit) for k in SOLVE_ORDER} if info.kind != "village" else {}
        jobs = [(k, u) for k in kinds for u in plannable.get(k, [])]
        if not jobs:
            raise NothingToPlanError(info, kinds, [k for k, units in plannable.items() if units])
        return jobs

    def check_township(self, code: str) -> None:
        """Circuits are listed per township: any other code is refused, saying what it is."""
        info = unit_info(self.db, code)
        if info is None:
            raise UnknownUnitError(code)
        if info.kind != "township":
            takes = [k for k in SOLVE_ORDER if info.kind != "village" and self.units(k, code)]
            raise NotATownshipError(info, takes)

    def problem(self, kind: str, unit: str, month: str) -> solver.Problem:
        return self.problem_at(kind, unit, month)[0]

    def problem_at(self, kind: str, unit: str, month: str) -> tuple[solver.Problem, int]:
        """The problem, and the log position its facts were read at (a draft records both)."""
        facts = read_facts(self.db, self.workdays, kind, unit, month)
        return BUILDERS[kind](facts), facts.position

    def plan(
        self, kind: str, unit: str, month: str, params: solver.SolveParams, actor: str,
        record: bool = True, reason: str = "",
    ) -> Plan:  # fmt: skip
        problem, position = self.problem_at(kind, unit, month)
        return self.solve_and_record(
            kind, unit, month, problem, params, actor, record, reason, facts_position=position
        )

    def plan_many(
        self, jobs: list[tuple[str, str]], month: str, params: Callable[[str], solver.SolveParams],
        actor: str, on_plan: Callable[[Plan], None] = lambda plan: None,
    ) -> list[Plan]:  # fmt: skip
        """Plan (kind, unit) jobs side by side in worker processes, never two sharing a person.

        Jobs that share people (counties with the same paired city lawyers) run one after the
        other, in the order given, and each is built only when it starts, so it sees the
        duties the earlier one drafted. Each worker builds its own model from the plain
        Problem; `params(kind)` gives each kind's solver parameters."""
        if self.processes < 2 or len(jobs) < 2:
            plans = []
            for kind, unit in jobs:
                plans.append(self.plan(kind, unit, month, params(kind), actor))
                on_plan(plans[-1])
            return plans
        people = {
            (kind, unit): set(read_facts(self.db, self.workdays, kind, unit, month).people)
            for kind, unit in jobs
        }
        pending, running, plans = list(jobs), {}, []
        with ProcessPoolExecutor(self.processes, mp_context=get_context("forkserver")) as pool:
            while pending or running:
                for job in list(pending):
                    if len(running) >= self.processes:
                        break
                    if any(people[job] & people[other] for other, *_ in running.values()):
                        continue
                    kind, unit = job
                    problem, position = self.problem_at(kind, unit, month)
                    plain = replace(params(kind), progress=None, cancel=None, workers=1)
                    running[pool.submit(solver.solve, problem, plain)] = (job, problem, position)
                    pending.remove(job)
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    (kind, unit), problem, position = running.pop(future)
                    solution = future.result()
                    plan = self.record(
                        kind, unit, month, problem, solution, params(kind), actor,
                        facts_position=position,
                    )  # fmt: skip
                    plans.append(plan)
                    on_plan(plan)
        return plans

    def solve_and_record(
        self, kind: str, unit: str, month: str, problem: solver.Problem, params: solver.SolveParams,
        actor: str, record: bool = True, reason: str = "", facts_position: int = 0,
    ) -> Plan:  # fmt: skip
        solution = solver.solve(problem, params)
        return self.record(
            kind, unit, month, problem, solution, params, actor, record, reason,
            facts_position=facts_position,
        )  # fmt: skip

    def record(
        self, kind: str, unit: str, month: str, problem: solver.Problem, solution: solver.Solution,
        params: solver.SolveParams, actor: str, record: bool = True, reason: str = "",
        facts_position: int = 0,
    ) -> Plan:  # fmt: skip
        """Check the solution independently, explain what is unfilled, and keep the draft,
        which names its input: the problem's fingerprint and the position its facts were read
        at (Planner.problem_at)."""
        if solution.status == UNKNOWN:
            solution = _warm_start_if_sound(problem, solution)
        plan = Plan(kind, unit, month, problem, solution)
        if solution.has_assignment:
            plan.violations = solver.check(problem, solution.assignments)
            plan.metrics = solver.measure(problem, solution)
        plan.explanations = solver.explain(problem, solution)
        if record and solution.has_assignment and not plan.violations:
            plan.roster_id = self.rosters.draft(
                kind, unit, month, self.placements(kind, unit, month, problem, solution),
                plan.summary(params), actor=actor, reason=reason,
                fingerprint=solver.fingerprint(problem), facts_position=facts_position,
            )  # fmt: skip
        return plan

    def placements(
        self, kind: str, unit: str, month: str, problem: solver.Problem, solution: solver.Solution
    ) -> list[tuple[date, str, str, int, str]]:
        """Seat each slot's people; someone already in a slot keeps their seat (and duty id)."""
        previous = self.rosters.get(kind, unit, month)
        seat_of = {}
        if previous is not None:
            seat_of = {
                (a.day, a.place, a.shift, a.person): a.seat for a in previous.assignments.values()
            }
        out = []
        for slot in problem.slots:
            people = solution.people_of(slot.id)
            kept = {
                p: seat_of[(slot.day, slot.station_id, slot.shift, p)]
                for p in people
                if (slot.day, slot.station_id, slot.shift, p) in seat_of
            }
            free = iter(s for s in range(len(people) + len(kept)) if s not in kept.values())
            for person in people:
                seat = kept[person] if person in kept else next(free)
                out.append((slot.day, slot.station_id, slot.shift, seat, person))
        return out


def _warm_start_if_sound(problem: solver.Problem, timed_out: solver.Solution) -> solver.Solution:
    """Time ran out before CP-SAT's first solution (a loaded machine, a short limit): offer the
    greedy warm start instead, if the independent checker finds it breaks no hard rule."""
    fallback = solver.greedy_baseline(problem, mind_costs=True)
    if solver.check(problem, fallback.assignments):
        return timed_out
    return replace(fallback, seconds=timed_out.seconds)


class UnknownUnitError(DomainError):
    def __init__(self, unit: str) -> None:
        super().__init__(f"找不到单位“{unit}”", f"Unknown unit '{unit}'")
