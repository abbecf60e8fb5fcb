"""What an assignment costs: each soft rule (and each hard rule a weight made soft) read
plainly from the Problem, under the names the model's rules carry in Solution.penalties.

Like `solver.check` it shares nothing with the CP-SAT model, so the oracle test can show
that the model's objective is exactly this sum on every feasible assignment.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable

from solver.check import Assignments, Reading, previous_people
from solver.problem import FairnessPool, Problem
from solver.solution import Solution


def penalties(problem: Problem, assignments: Assignments | Solution) -> dict[str, int]:
    """Rule name -> weighted cost of `assignments`, for every rule that costs anything."""
    if isinstance(assignments, Solution):
        assignments = assignments.assignments
    r = Reading(problem, assignments)
    costs = {rule.__name__: rule(r) for rule in SOFT_RULES}
    return {name: cost for name, cost in costs.items() if cost}


def penalty(problem: Problem, assignments: Assignments | Solution) -> int:
    return sum(penalties(problem, assignments).values())


def understaffing(r: Reading) -> int:
    """Each seat below a slot's target; a frozen slot is the past and costs nothing."""
    return sum(
        s.demand.under_weight * max(0, s.demand.target - r.seats(s.id))
        for s in r.problem.slots
        if s.id not in r.frozen and s.demand.under_weight > 0
    )


def overstaffing(r: Reading) -> int:
    return sum(
        s.demand.over_weight * max(0, r.seats(s.id) - s.demand.target)
        for s in r.problem.slots
        if s.id not in r.frozen and s.demand.over_weight > 0
    )


def slot_preference(r: Reading) -> int:
    """A reward (negative cost) per seat filled in a preferred slot."""
    return -sum(s.preference * r.seats(s.id) for s in r.problem.slots)


def requests(r: Reading) -> int:
    total = 0
    for req in r.problem.requests:
        n = sum(
            1
            for s in r.duties.get(req.person_id, ())
            if s.day == req.day and req.shift in (None, s.shift)
        )
        if req.want:
            total += req.weight if n == 0 else 0
        else:
            total += req.weight * n
    return total


def station_costs(r: Reading) -> int:
    cost = {(c.person_id, c.station_id): c.weight for c in r.problem.station_costs}
    return sum(cost.get((pid, s.station_id), 0) for pid, slots in r.duties.items() for s in slots)


def _ladder(load: int, ahead: int) -> int:
    """Steps of the convex load cost: the k-th duty of one who is `ahead` costs ahead + k."""
    return sum(ahead + k for k in range(1, load + 1))


def _pool_cost(
    r: Reading, pool: FairnessPool, weight: int, load: Callable[[str], int], carried: Callable
) -> int:
    if weight <= 0 or len(pool.members) < 2:
        return 0
    base = min(carried(p) for p in pool.members)
    return weight * sum(_ladder(load(p), carried(p) - base) for p in pool.members)


def fairness(r: Reading) -> int:
    """Per pool: the convex cost of each member's duties, or, for pools that count working
    days, `weight` per day of spread (most minus fewest, balances included)."""
    balance = {b.person_id: b for b in r.problem.balances}

    def carried(pid: str) -> int:
        return balance[pid].duties if pid in balance else 0

    total = 0
    for pool in r.problem.fairness_pools:
        if not pool.count_days:
            total += _pool_cost(r, pool, pool.weight, lambda p: len(r.duties.get(p, ())), carried)
        elif pool.weight > 0 and len(pool.members) >= 2:
            days = [len(r.worked_days(p)) + carried(p) for p in pool.members]
            total += pool.weight * (max(days) - min(days))
    return total


def rest_day_fairness(r: Reading) -> int:
    """The same convex cost over duties on rest days, in every pool."""
    rest = {d.date for d in r.problem.days if d.rest}
    balance = {b.person_id: b for b in r.problem.balances}

    def carried(pid: str) -> int:
        return balance[pid].rest_duties if pid in balance else 0

    def load(pid: str) -> int:
        return sum(1 for s in r.duties.get(pid, ()) if s.day in rest)

    if not rest:
        return 0
    return sum(_pool_cost(r, p, p.rest_weight, load, carried) for p in r.problem.fairness_pools)


def rotation(r: Reading) -> int:
    rule = r.problem.rotation
    if rule is None:
        return 0
    total = 0
    for slots in r.duties.values():
        for n in Counter(s.station_id for s in slots).values():
            total += rule.weight * max(0, n - rule.max_same_station)
    return total


def spread_visits(r: Reading) -> int:
    """Each two adjacent entries of Problem.days that one person both works."""
    rule = r.problem.spread_visits
    if rule is None:
        return 0
    pairs = 0
    for pid in r.duties:
        worked = r.worked_days(pid)
        pairs += sum(1 for a, b in itertools.pairwise(r.days) if a in worked and b in worked)
    return rule.weight * pairs


def stability(r: Reading) -> int:
    """Each seat added to or taken from the previous solution outside the frozen slots,
    including a seat whose person can no longer take it. Without a previous solution
    there is nothing to stay close to, and no seat costs anything."""
    st = r.problem.stability
    if st is None or not st.previous or st.change_weight <= 0:
        return 0
    before = previous_people(r.problem)
    changed = 0
    for slot in r.problem.slots:
        if slot.id not in r.frozen:
            now = set(r.assigned.get(slot.id, ()))
            changed += len(now ^ before.get(slot.id, set()))
    return st.change_weight * changed


def _outside(count: int, lo: int, hi: int | None) -> int:
    return max(0, lo - count) + (0 if hi is None else max(0, count - hi))


def cover_groups(r: Reading) -> int:
    """Soft cover groups: `weight` per seat outside minimum..maximum."""
    return sum(
        g.weight * _outside(sum(r.seats(s) for s in g.slot_ids), g.minimum, g.maximum)
        for g in r.problem.cover_groups
        if g.weight is not None
    )


def group_limits(r: Reading) -> int:
    total = 0
    for g in r.problem.group_limits:
        if g.weight is not None:
            members = [p.id for p in r.problem.people if g.group in p.groups]
            count = sum(len(r.duties.get(pid, ())) for pid in members)
            total += g.weight * _outside(count, g.minimum, g.maximum)
    return total


SOFT_RULES = (
    cover_groups,
    group_limits,
    understaffing,
    overstaffing,
    slot_preference,
    requests,
    station_costs,
    fairness,
    rest_day_fairness,
    rotation,
    spread_visits,
    stability,
)
