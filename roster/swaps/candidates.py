"""Who could take a duty without breaking a hard rule, best fits first, and what each choice
does to the fairness of the duty's pool. The verdict lists the eligible; the checker judges each
one on the roster as it would be."""

from dataclasses import dataclass

import solver
from domain.roster import Roster
from roster.planning.verdict import _judge
from roster.swaps.rules import slots


@dataclass(frozen=True)
class SwapCandidate:
    code: str
    name: str
    load: int  # duties this month plus the balance carried from earlier months: lower is owed
    travel: bool  # the duty's station costs them travel (another county's)
    preference: int  # 1: asked for the day; -1: asked to be spared it; 0: neither
    spread: tuple[int, int]  # the pool's spread of duties, before and after
    rest_spread: tuple[int, int]  # the same for weekend and holiday duties


def swap_candidates(roster: Roster, problem: solver.Problem, duty_id: str) -> list[SwapCandidate]:
    verdict = _judge(roster, problem, duty_id, "")
    duty = roster.assignments[duty_id]
    carried = {b.person_id: b.duties for b in problem.balances}
    travel = {c.person_id for c in problem.station_costs if c.station_id == duty.place and c.weight}
    before = solver.pool_fairness(problem, slots(roster))
    out = []
    for c in verdict.candidates:
        if _judge(roster, problem, duty_id, c.code).broken:
            continue
        after = solver.pool_fairness(problem, slots(roster, ((duty_id, c.code),)))
        pools = {p.id for p in problem.fairness_pools if {c.code, duty.person} & set(p.members)}
        out.append(
            SwapCandidate(
                code=c.code,
                name=c.name,
                load=c.duties + carried.get(c.code, 0),
                travel=c.code in travel,
                preference=_preference(problem, c.code, duty),
                spread=(_widest(before, pools, "spread"), _widest(after, pools, "spread")),
                rest_spread=(
                    _widest(before, pools, "rest_spread"),
                    _widest(after, pools, "rest_spread"),
                ),
            )
        )
    return sorted(out, key=lambda c: (c.load, c.travel, -c.preference, c.code))


def _preference(problem: solver.Problem, person: str, duty) -> int:
    said = [
        r.want
        for r in problem.requests
        if r.person_id == person and r.day == duty.day and r.shift in (None, duty.shift)
    ]
    return 1 if any(said) else -1 if said else 0


def _widest(fairness: list[solver.PoolFairness], pools: set[str], figure: str) -> int:
    return max((getattr(f, figure) for f in fairness if f.pool_id in pools), default=0)
