"""Soft rules: each returns weighted penalty terms for the objective (a negative weight is
a reward). Default weights are lexicographic-ish: a missing seat (100 000) >> a moved seat
in a re-plan (5 000) >> a unit of unfairness (1 000 per step) >> wishes and costs (~10)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

if TYPE_CHECKING:
    from solver.model import RosterModel, Term


def understaffing(m: RosterModel) -> list[Term]:
    """Each seat below a slot's target costs the slot's under_weight."""
    terms: list[Term] = []
    for slot in m.problem.slots:
        d = slot.demand
        if d.target <= 0 or d.under_weight <= 0 or slot.id in m.index.frozen_slot_ids:
            continue
        seats = m.seats(slot.id)
        missing = m.cp.new_int_var(0, d.target, "")
        m.cp.add(missing >= d.target - seats)
        terms.append((d.under_weight, missing))
    return terms


def overstaffing(m: RosterModel) -> list[Term]:
    """Each seat above a slot's target costs its over_weight. A frozen slot is the past, like
    for understaffing: it may hold more than its maximum, which `extra` could not express."""
    terms: list[Term] = []
    for slot in m.problem.slots:
        d = slot.demand
        if d.over_weight <= 0 or d.upper <= d.target or slot.id in m.index.frozen_slot_ids:
            continue
        seats = m.seats(slot.id)
        extra = m.cp.new_int_var(0, d.upper - d.target, "")
        m.cp.add(extra >= seats - d.target)
        terms.append((d.over_weight, extra))
    return terms


def slot_preference(m: RosterModel) -> list[Term]:
    """Reward filling preferred slots (e.g. a village's market day)."""
    return [
        (-slot.preference, var)
        for slot in m.problem.slots
        if slot.preference
        for _, var in m.by_slot.get(slot.id, ())
    ]


def requests(m: RosterModel) -> list[Term]:
    terms: list[Term] = []
    for req in m.problem.requests:
        cells = m.by_person_day.get((req.person_id, req.day), ())
        lits = [v for s, v in cells if req.shift is None or s.shift == req.shift]
        if not req.want:
            terms += [(req.weight, v) for v in lits]
        elif req.shift is None:
            terms.append((req.weight, 1 - m.works(req.person_id, req.day)))
        else:
            terms.append((req.weight, 1 - m.works_shift(req.person_id, req.day, req.shift)))
    return terms


def station_costs(m: RosterModel) -> list[Term]:
    cost = {(c.person_id, c.station_id): c.weight for c in m.problem.station_costs}
    if not cost:
        return []
    return [
        (cost[pid, slot.station_id], var)
        for (slot_id, pid), var in m.x.items()
        if (pid, (slot := m.index.slots[slot_id]).station_id) in cost
    ]


def _ladder(m: RosterModel, load, steps: int, offset: int, weight: int) -> list[Term]:
    """A convex cost of one person's load: their k-th duty costs weight * (offset + k).
    Summed over a pool, this is least when loads differ by at most one (given the total),
    so it minimises the spread, and unlike max - min its LP bound is tight, which lets
    CP-SAT prove a fair roster optimal instead of searching a plateau."""
    if steps <= 0:
        return []
    ladder = [m.new_bool() for _ in range(steps)]
    m.cp.add(cp_model.LinearExpr.sum(ladder) == load)
    for lower, higher in itertools.pairwise(ladder):
        m.cp.add_implication(higher, lower)
    return [(weight * (offset + k + 1), step) for k, step in enumerate(ladder)]


def _most(m: RosterModel, pid: str, cells: int, days: int) -> int:
    """An upper bound on a person's load, to size their ladder."""
    lim = m.index.limits(pid)
    most = min(cells, days * lim.max_per_day)
    return most if lim.max_shifts is None else min(most, lim.max_shifts)


def _pool_terms(m: RosterModel, pool, weight: int, load_of, which: int) -> list[Term]:
    if weight <= 0 or len(pool.members) < 2:
        return []
    carried = {p: m.index.balances.get(p, (0, 0))[which] for p in pool.members}
    base = min(carried.values())
    terms: list[Term] = []
    for pid in pool.members:
        load, steps = load_of(pid)
        terms += _ladder(m, load, steps, carried[pid] - base, weight)
    return terms


def _spread(m: RosterModel, loads: list, weight: int) -> list[Term]:
    """weight * (max - min) of the loads, via two integer variables. Used where the total
    is free (working days), so the ladder would also push the total down."""
    if weight <= 0 or len(loads) < 2:
        return []
    lo = min(b for _, b in loads)
    hi = max(b for _, b in loads) + len(m.problem.days) + 1
    top = m.cp.new_int_var(lo, hi, "")
    bottom = m.cp.new_int_var(lo, hi, "")
    for expr, balance in loads:
        m.cp.add(top >= expr + balance)
        m.cp.add(bottom <= expr + balance)
    return [(weight, top - bottom)]


def fairness(m: RosterModel) -> list[Term]:
    """Even duties in each pool (or even working days, for pools that count days),
    carried balances included."""
    terms: list[Term] = []
    for pool in m.problem.fairness_pools:
        if pool.count_days:
            loads = [
                (
                    sum(m.works(pid, d) for d in {s.day for s, _ in m.by_person.get(pid, ())}),
                    m.index.balances.get(pid, (0, 0))[0],
                )
                for pid in pool.members
            ]
            terms += _spread(m, loads, pool.weight)
            continue

        def load_of(pid: str):
            cells = m.by_person.get(pid, ())
            return m.duties(pid), _most(m, pid, len(cells), len({s.day for s, _ in cells}))

        terms += _pool_terms(m, pool, pool.weight, load_of, 0)
    return terms


def rest_day_fairness(m: RosterModel) -> list[Term]:
    """Even weekend and holiday duties in each pool, carried balances included."""
    rest = m.index.rest_days
    if not rest:
        return []

    def load_of(pid: str):
        cells = [s for s, _ in m.by_person.get(pid, ()) if s.day in rest]
        return m.rest_duties(pid), _most(m, pid, len(cells), len({s.day for s in cells}))

    terms: list[Term] = []
    for pool in m.problem.fairness_pools:
        terms += _pool_terms(m, pool, pool.rest_weight, load_of, 1)
    return terms


def rotation(m: RosterModel) -> list[Term]:
    """Each duty beyond `max_same_station` at one station costs `weight`."""
    rule = m.problem.rotation
    if rule is None:
        return []
    terms: list[Term] = []
    for pid in m.people_with_duties():
        per_station: dict[str, list] = defaultdict(list)
        for slot, var in m.by_person[pid]:
            per_station[slot.station_id].append(var)
        for cells in per_station.values():
            if len(cells) > rule.max_same_station:
                excess = sum(cells) - rule.max_same_station
                terms.append((rule.weight, m.positive_part(excess, len(cells), rule.weight)))
    return terms


def spread_visits(m: RosterModel) -> list[Term]:
    """Each pair of a person's worked days adjacent in the horizon costs `weight`."""
    rule = m.problem.spread_visits
    if rule is None:
        return []
    days = [d.date for d in m.problem.days]
    terms: list[Term] = []
    for pid in m.people_with_duties():
        for d1, d2 in itertools.pairwise(days):
            if (pid, d1) in m.by_person_day and (pid, d2) in m.by_person_day:
                pair = [m.works(pid, d1), m.works(pid, d2)]
                both = m.new_bool()
                if rule.weight < 0:  # a reward: both is exactly the pair (see positive_part)
                    m.cp.add_min_equality(both, pair)
                else:
                    m.cp.add(both >= sum(pair) - 1)
                terms.append((rule.weight, both))
    return terms


def stability(m: RosterModel) -> list[Term]:
    """Each seat added to or removed from the previous solution costs `change_weight`,
    including a previous seat its person can no longer take (they have no variable)."""
    st = m.problem.stability
    if st is None or not st.previous or st.change_weight <= 0:
        return []
    before = {(a.slot_id, a.person_id) for a in st.previous}
    frozen = m.index.frozen_slot_ids
    terms: list[Term] = []
    for (slot_id, pid), var in m.x.items():
        if slot_id not in frozen:
            terms.append((st.change_weight, 1 - var if (slot_id, pid) in before else var))
    lost = sum(
        1
        for sid, pid in before
        if (sid, pid) not in m.x and sid in m.index.slots and sid not in frozen
    )
    if lost:
        terms.append((st.change_weight * lost, 1))
    return terms
