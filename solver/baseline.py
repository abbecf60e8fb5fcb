"""A greedy baseline, the rule common on-call tools use: fill each slot, in day order, with
the eligible, available person who has waited longest since their last duty. It respects
the hard limits it can check cheaply looking backwards; the benchmark compares it with
the solver, and the solver uses it as a starting hint."""

from __future__ import annotations

import time

from solver.index import ProblemIndex
from solver.ledger import Ledger
from solver.problem import Problem, Slot
from solver.solution import HEURISTIC, Solution


def greedy_baseline(
    problem: Problem, keep_previous: bool = False, mind_costs: bool = False
) -> Solution:
    """Frozen slots keep their previous people. With `keep_previous`, every other previous
    assignment that still holds is kept too and only the gaps are filled (a re-plan). With
    `mind_costs` (the solver's warm start, not the benchmark's baseline), people who cost
    nothing at a station (no travel) go before those who do."""
    started = time.monotonic()
    index = ProblemIndex(problem)
    ledger = Ledger(index)
    chosen: dict[str, list[str]] = {s.id: [] for s in problem.slots}
    costs = {(c.person_id, c.station_id): c.weight for c in problem.station_costs}

    def priority(slot: Slot):
        if not mind_costs or not costs:
            return ledger.waited
        return lambda pid: (costs.get((pid, slot.station_id), 0), ledger.waited(pid))

    def fill(slot: Slot, seats: int) -> None:
        order = sorted(index.available(slot), key=priority(slot))
        for pid in order:
            if len(chosen[slot.id]) >= seats:
                return
            if pid not in chosen[slot.id] and ledger.can_take(pid, slot):
                chosen[slot.id].append(pid)
                ledger.take(pid, slot)

    def start(slot: Slot) -> tuple:
        shift = index.shifts.get(slot.shift)
        return (slot.day, shift.start_minute if shift else 0, slot.id)

    ordered = sorted(problem.slots, key=start)
    for slot in ordered:
        if slot.id in index.frozen_slot_ids:
            for pid in index.previous.get(slot.id, ()):
                if pid in index.people:
                    chosen[slot.id].append(pid)
                    ledger.take(pid, slot)
    if keep_previous:
        for slot in ordered:
            if slot.id in index.frozen_slot_ids:
                continue
            for pid in index.previous.get(slot.id, ())[: slot.demand.upper]:
                if pid in index.available(slot) and ledger.can_take(pid, slot):
                    chosen[slot.id].append(pid)
                    ledger.take(pid, slot)
    for slot in ordered:
        if slot.id not in index.frozen_slot_ids:
            fill(slot, max(slot.demand.target, slot.demand.minimum))
    for group in problem.cover_groups:  # e.g. villages still without a visit
        members = [index.slots[s] for s in group.slot_ids if s in index.slots]
        while sum(len(chosen[s.id]) for s in members) < group.minimum:
            best = _best_visit(index, ledger, chosen, members, start)
            if best is None:
                break
            chosen[best[0].id].append(best[1])
            ledger.take(best[1], best[0])
    return Solution(
        assignments={k: tuple(v) for k, v in chosen.items()},
        status=HEURISTIC,
        seconds=time.monotonic() - started,
        solver="greedy",
    )


def _best_visit(index, ledger, chosen, members, start):
    """The (slot, person) a cover group should get next: a preferred day (market day)
    first, then one that does not touch the person's other duty days, then the longest
    wait, then the earliest."""
    best, best_key = None, None
    for slot in members:
        if slot.id in index.frozen_slot_ids or len(chosen[slot.id]) >= slot.demand.upper:
            continue
        for pid in index.available(slot):
            if pid in chosen[slot.id] or not ledger.can_take(pid, slot):
                continue
            near = sum(abs((d - slot.day).days) == 1 for d in ledger.days[pid])
            key = (-slot.preference, near, ledger.waited(pid), start(slot))
            if best_key is None or key < best_key:
                best, best_key = (slot, pid), key
    return best
