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


def greedy_baseline(problem: Problem) -> Solution:
    started = time.monotonic()
    index = ProblemIndex(problem)
    ledger = Ledger(index)
    chosen: dict[str, list[str]] = {s.id: [] for s in problem.slots}

    def fill(slot: Slot, seats: int) -> None:
        order = sorted(index.available(slot), key=ledger.waited)
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
                chosen[slot.id].append(pid)
                ledger.take(pid, slot)
    for slot in ordered:
        if slot.id not in index.frozen_slot_ids:
            fill(slot, max(slot.demand.target, slot.demand.minimum))
    for group in problem.cover_groups:  # e.g. villages still without a visit: market days first
        members = [index.slots[s] for s in group.slot_ids if s in index.slots]
        members.sort(key=lambda s: (-s.preference, start(s)))
        for slot in members:
            if sum(len(chosen[s.id]) for s in members) >= group.minimum:
                break
            if slot.id not in index.frozen_slot_ids:
                fill(slot, min(slot.demand.upper, len(chosen[slot.id]) + 1))
    return Solution(
        assignments={k: tuple(v) for k, v in chosen.items()},
        status=HEURISTIC,
        seconds=time.monotonic() - started,
        solver="greedy",
    )
