"""Figures a manager or the benchmark reads off a solution: coverage, fairness spreads per
pool, and the number of broken hard rules (counted by the independent checker)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from solver.check import check
from solver.index import ProblemIndex
from solver.problem import Problem
from solver.solution import Solution


@dataclass(frozen=True)
class PoolFairness:
    pool_id: str
    spread: int  # max - min of duties (or working days) incl. carried balance
    rest_spread: int  # same for weekend/holiday duties
    lowest: int
    highest: int


@dataclass(frozen=True)
class Metrics:
    slots: int
    seats: int  # sum of slot targets
    filled: int  # seats filled, up to each slot's target
    coverage: float  # filled / seats (1.0 when nothing is demanded)
    hard_violations: int
    spread: int  # the largest spread over all pools
    rest_spread: int
    pools: tuple[PoolFairness, ...] = ()
    cover_groups: int = 0
    cover_groups_met: int = 0  # groups that got at least their minimum


def pool_fairness(
    problem: Problem, assignments: Mapping[str, Sequence[str]], include_balance: bool = True
) -> list[PoolFairness]:
    ix = ProblemIndex(problem)
    duties: Counter = Counter()
    rest: Counter = Counter()
    days: dict[str, set] = {}
    for slot_id, pids in assignments.items():
        slot = ix.slots.get(slot_id)
        if slot is None:
            continue
        for pid in set(pids):
            duties[pid] += 1
            rest[pid] += slot.day in ix.rest_days
            days.setdefault(pid, set()).add(slot.day)
    out = []
    for pool in problem.fairness_pools:
        if not pool.members:
            continue

        def carried(pid: str, which: int) -> int:
            return ix.balances.get(pid, (0, 0))[which] if include_balance else 0

        load = [
            (len(days.get(p, ())) if pool.count_days else duties[p]) + carried(p, 0)
            for p in pool.members
        ]
        rest_load = [rest[p] + carried(p, 1) for p in pool.members]
        out.append(
            PoolFairness(
                pool.id,
                max(load) - min(load),
                max(rest_load) - min(rest_load),
                min(load),
                max(load),
            )
        )
    return out


def measure(problem: Problem, solution: Solution | Mapping[str, Sequence[str]]) -> Metrics:
    assignments = solution.assignments if isinstance(solution, Solution) else solution
    seats = sum(max(0, s.demand.target) for s in problem.slots)
    filled = sum(
        min(len(set(assignments.get(s.id, ()))), max(0, s.demand.target)) for s in problem.slots
    )
    pools = pool_fairness(problem, assignments)
    return Metrics(
        slots=len(problem.slots),
        seats=seats,
        filled=filled,
        coverage=filled / seats if seats else 1.0,
        hard_violations=len(check(problem, assignments)),
        spread=max((p.spread for p in pools), default=0),
        rest_spread=max((p.rest_spread for p in pools), default=0),
        pools=tuple(pools),
        cover_groups=len(problem.cover_groups),
        cover_groups_met=sum(
            sum(len(set(assignments.get(sid, ()))) for sid in g.slot_ids) >= g.minimum
            for g in problem.cover_groups
        ),
    )
