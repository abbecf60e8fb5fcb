"""The city's month, solved: all three kinds for every unit, checked, beside a greedy baseline.

The baseline fills each slot with the eligible, available person who has waited longest since
their last duty (the rule common on-call tools use), on exactly the same Problem.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import solver
from domain.roster import month_bounds
from roster.demo.city import generate_city
from roster.demo.seed import seed
from roster.planning.planner import SOLVE_ORDER, params_for
from roster.planning.replan import drop_out
from roster.services import Services


@dataclass
class Tally:
    units: int = 0
    slots: int = 0  # seats demanded, or cover groups (days, villages) for cover-group kinds
    filled: int = 0
    hard_violations: int = 0
    spread: int = 0
    weekend_spread: int = 0
    seconds: float = 0.0
    unexplained: int = 0
    travel: int = 0  # duties that cost travel (paired city lawyers in a county)
    preferred: int = 0  # visits on a village's market day
    explanations: list[str] = field(default_factory=list)

    def add(
        self, problem: solver.Problem, metrics: solver.Metrics, solution: solver.Solution
    ) -> None:
        self.units += 1
        costly = {(c.person_id, c.station_id) for c in problem.station_costs}
        for slot in problem.slots:
            people = solution.people_of(slot.id)
            self.travel += sum((p, slot.station_id) in costly for p in people)
            self.preferred += len(people) if slot.preference > 0 else 0
        if problem.cover_groups:
            self.slots += metrics.cover_groups
            self.filled += metrics.cover_groups_met
        else:
            self.slots += metrics.seats
            self.filled += metrics.filled
        self.hard_violations += metrics.hard_violations
        self.spread = max(self.spread, metrics.spread)
        self.weekend_spread = max(self.weekend_spread, metrics.rest_spread)

    def merge(self, other: "Tally") -> None:
        self.units += other.units
        self.slots += other.slots
        self.filled += other.filled
        self.hard_violations += other.hard_violations
        self.spread = max(self.spread, other.spread)
        self.weekend_spread = max(self.weekend_spread, other.weekend_spread)
        self.seconds += other.seconds
        self.unexplained += other.unexplained
        self.travel += other.travel
        self.preferred += other.preferred

    def figures(self) -> dict:
        return {
            "units": self.units, "slots": self.slots, "filled": self.filled,
            "coverage": round(self.filled / self.slots, 4) if self.slots else 1.0,
            "hard_violations": self.hard_violations, "spread": self.spread,
            "weekend_spread": self.weekend_spread, "seconds": round(self.seconds, 2),
            "travel_duties": self.travel, "market_day_visits": self.preferred,
        }  # fmt: skip


def run(
    services: Services, scale: str, month: str, time_limit: float, workers: int = 2,
    progress: Callable[[str, str], None] = lambda kind, unit: None,
) -> dict:  # fmt: skip
    """The solver's total is wall-clock time for everything: facts, solving, checks, drafts."""
    started = time.perf_counter()
    seed(services, generate_city(scale))
    services.follower.catch_up()
    seeded = time.perf_counter() - started
    ours: dict[str, Tally] = {}
    baseline: dict[str, Tally] = {}
    jobs = [(kind, unit) for kind in SOLVE_ORDER for unit in services.planner.units(kind, "all")]
    t0 = time.perf_counter()
    plans = services.planner.plan_many(
        jobs, month, lambda kind: params_for(kind, time_limit, workers), "bench",
        on_plan=lambda plan: progress(plan.kind, plan.unit_code),
    )  # fmt: skip
    solved = time.perf_counter() - t0
    for kind in SOLVE_ORDER:
        ours[kind], baseline[kind] = Tally(), Tally()
    for plan in plans:
        tally = ours[plan.kind]
        tally.add(
            plan.problem, plan.metrics or solver.measure(plan.problem, plan.solution), plan.solution
        )
        tally.seconds += plan.solution.seconds
        tally.explanations += [e.message for e in plan.explanations]
        t1 = time.perf_counter()
        greedy = solver.greedy_baseline(plan.problem)
        baseline[plan.kind].add(plan.problem, solver.measure(plan.problem, greedy), greedy)
        baseline[plan.kind].seconds += time.perf_counter() - t1
    return {
        "scale": scale, "month": month, "seed_seconds": round(seeded, 2),
        "solver": _with_total(ours, solved), "baseline": _with_total(baseline),
        "unfilled_explained": sum(len(t.explanations) for t in ours.values()),
    }  # fmt: skip


def _with_total(tallies: dict[str, Tally], wall_seconds: float | None = None) -> dict:
    """Per kind, seconds add up solve times; the total is wall-clock time when given (the
    solver runs units side by side, so its kinds' seconds overlap)."""
    total = Tally()
    for tally in tallies.values():
        total.merge(tally)
    if wall_seconds is not None:
        total.seconds = wall_seconds
    return {**{kind: t.figures() for kind, t in tallies.items()}, "total": total.figures()}


def minimal_change(services: Services, unit: str, month: str, time_limit: float) -> dict:
    """Publish a county's duty-lawyer month, then drop its busiest lawyer for the second half."""
    first, last = month_bounds(month)
    middle = first + timedelta(days=15)
    services.rosters.publish("duty-lawyers", unit, month, actor="bench")
    roster = services.rosters.get("duty-lawyers", unit, month)
    later = [a.person for a in roster.assignments.values() if a.day >= middle]
    dropped = max(sorted(set(later)), key=later.count)
    params = params_for("duty-lawyers", time_limit)
    result = drop_out(
        services,
        "duty-lawyers",
        unit,
        month,
        dropped,
        middle,
        last,
        params,
        "bench",
        "退出后半月值班",
    )
    own = sum(1 for m in result.moves if m.before == dropped)
    return {
        "unit": unit, "dropped_duties": later.count(dropped), "moved_dropped": own,
        "moved_others": len(result.moves) - own, "hard_violations": len(result.plan.violations),
    }  # fmt: skip
