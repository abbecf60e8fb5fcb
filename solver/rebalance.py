"""Evens out a feasible assignment by safe moves: a duty goes from the most to the least
loaded member of a fairness pool, and a weekend duty is swapped for a weekday one, while
every hard limit the Ledger knows still holds. The solver starts from the result, so it
begins near the fair optimum instead of searching a plateau for it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from solver.index import ProblemIndex
from solver.ledger import Ledger
from solver.problem import FairnessPool, Problem, Slot

MAX_ROUNDS = 2_000


class _Balancer:
    def __init__(self, problem: Problem, assignments: Mapping[str, Sequence[str]]) -> None:
        self.ix = ProblemIndex(problem)
        self.ledger = Ledger(self.ix)
        self.ledger.take_all(assignments)
        self.chosen = {s.id: list(assignments.get(s.id, ())) for s in problem.slots}
        self.group_minimum = {
            g.group: g.minimum for g in problem.group_limits if g.weight is None and g.minimum
        }

    def movable(self, pid: str) -> bool:
        """People with minimum run lengths are left alone: a move could break a run."""
        lim = self.ix.limits(pid)
        return not (lim.min_consecutive_days or lim.min_consecutive_days_off)

    def can_give(self, pid: str, slot: Slot) -> bool:
        lim = self.ix.limits(pid)
        taken = self.ledger.taken[pid]
        if slot.id in self.ix.frozen_slot_ids:
            return False
        if lim.min_shifts and len(taken) <= lim.min_shifts:
            return False
        if lim.min_minutes and self.ledger.minutes[pid] - self.ix.minutes(slot) < lim.min_minutes:
            return False
        groups = self.ix.people[pid].groups
        return all(self.ledger.group_count[g] > self.group_minimum.get(g, 0) for g in groups)

    def fits(self, pid: str, slot: Slot) -> bool:
        return (
            self.ix.is_eligible(slot, pid)
            and not self.ix.is_unavailable(pid, slot.day, slot.shift)
            and self.ledger.can_take(pid, slot)
        )

    def hand_over(self, giver: str, taker: str, slot: Slot) -> None:
        self.ledger.release(giver, slot)
        self.ledger.take(taker, slot)
        seats = self.chosen[slot.id]
        seats[seats.index(giver)] = taker

    def try_move(self, giver: str, taker: str) -> bool:
        for slot in list(self.ledger.taken[giver]):
            if taker in self.chosen[slot.id] or not self.can_give(giver, slot):
                continue
            self.ledger.release(giver, slot)
            ok = self.fits(taker, slot)
            self.ledger.take(giver, slot)
            if ok:
                self.hand_over(giver, taker, slot)
                return True
        return False

    def try_swap(self, giver: str, taker: str, rest: frozenset) -> bool:
        """giver hands a rest-day duty to taker and takes one of taker's other duties."""
        mine = [s for s in self.ledger.taken[giver] if s.day in rest]
        theirs = [s for s in self.ledger.taken[taker] if s.day not in rest]
        for a in mine:
            for b in theirs:
                if taker in self.chosen[a.id] or giver in self.chosen[b.id]:
                    continue
                if a.id in self.ix.frozen_slot_ids or b.id in self.ix.frozen_slot_ids:
                    continue
                self.ledger.release(giver, a)
                self.ledger.release(taker, b)
                ok = self.fits(taker, a)
                if ok:
                    self.ledger.take(taker, a)
                    ok = self.fits(giver, b)
                    self.ledger.release(taker, a)
                self.ledger.take(giver, a)
                self.ledger.take(taker, b)
                if ok:
                    self.hand_over(giver, taker, a)
                    self.hand_over(taker, giver, b)
                    return True
        return False

    def balance(self, pool: FairnessPool, rest_days: bool) -> None:
        members = [p for p in pool.members if p in self.ix.people and self.movable(p)]
        rest = self.ix.rest_days
        which = 1 if rest_days else 0

        def load(pid: str) -> int:
            taken = self.ledger.taken[pid]
            n = sum(s.day in rest for s in taken) if rest_days else len(taken)
            return n + self.ix.balances.get(pid, (0, 0))[which]

        for _ in range(MAX_ROUNDS):
            order = sorted(members, key=load)
            if not self._improve(order, load, rest if rest_days else None):
                return

    def _improve(self, order: list[str], load, rest: frozenset | None) -> bool:
        for giver in reversed(order):
            for taker in order:
                if load(giver) - load(taker) < 2:
                    break
                moved = self.try_swap(giver, taker, rest) if rest else self.try_move(giver, taker)
                if moved:
                    return True
        return False


def rebalance(
    problem: Problem, assignments: Mapping[str, Sequence[str]]
) -> dict[str, tuple[str, ...]]:
    """A fairer assignment with the same seats filled; hard rules it held still hold."""
    balancer = _Balancer(problem, assignments)
    for pool in problem.fairness_pools:
        if pool.weight > 0 and not pool.count_days:
            balancer.balance(pool, rest_days=False)
        if pool.rest_weight > 0 and balancer.ix.rest_days:
            balancer.balance(pool, rest_days=True)
    return {k: tuple(v) for k, v in balancer.chosen.items()}
