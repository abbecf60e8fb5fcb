"""Builds the CP-SAT model of a Problem: one Boolean per (slot, person) that eligibility and
availability allow, then every rule function in `solver.rules` adds its part."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from ortools.sat.python import cp_model
from ortools.util.python.sorted_interval_list import Domain

from solver.index import ProblemIndex
from solver.problem import Problem, Slot
from solver.rules import ALL_RULES

_BOOL = Domain(0, 1)

# A penalty term: weight times a linear expression the solver can evaluate.
Term = tuple[int, cp_model.LinearExprT]


class RosterModel:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.index = ProblemIndex(problem)
        self.cp = cp_model.CpModel()
        self.x: dict[tuple[str, str], cp_model.IntVar] = {}
        self.by_slot: dict[str, list[tuple[str, cp_model.IntVar]]] = defaultdict(list)
        self.by_person: dict[str, list[tuple[Slot, cp_model.IntVar]]] = defaultdict(list)
        self.by_person_day: dict[tuple[str, date], list[tuple[Slot, cp_model.IntVar]]] = (
            defaultdict(list)
        )
        self.penalties: dict[str, list[Term]] = {}
        self._works: dict[tuple[str, date], cp_model.IntVar] = {}
        self._works_shift: dict[tuple[str, date, str], cp_model.IntVar] = {}
        self._counts: dict[tuple[str, str], cp_model.IntVar] = {}
        self._false = self.cp.new_constant(0)
        self._create_variables()

    def _create_variables(self) -> None:
        frozen = self.index.frozen_slot_ids
        previous = self.index.previous
        for slot in self.problem.slots:
            people = self.index.available(slot)
            if slot.id in frozen:  # the past stays as it was, even if it broke a rule
                people = list(dict.fromkeys([*people, *previous.get(slot.id, ())]))
            for pid in people:
                if pid not in self.index.people:
                    continue
                var = self.new_bool()
                self.x[slot.id, pid] = var
                self.by_slot[slot.id].append((pid, var))
                self.by_person[pid].append((slot, var))
                self.by_person_day[pid, slot.day].append((slot, var))

    def new_bool(self) -> cp_model.IntVar:
        # What CpModel.new_bool_var does, without naming and a fresh Domain each time:
        # a county month has ~100k of these.
        return cp_model.IntVar(self.cp.model_proto).with_domain(_BOOL)

    def _count(self, key: tuple[str, str], lits: list) -> cp_model.IntVar:
        # One integer per total, defined once and shared by every rule that needs it,
        # keeps the model (and CP-SAT's presolve) small.
        if key not in self._counts:
            var = self.cp.new_int_var(0, len(lits), "")
            self.cp.add(var == cp_model.LinearExpr.sum(lits))
            self._counts[key] = var
        return self._counts[key]

    def seats(self, slot_id: str) -> cp_model.IntVar:
        """How many people fill the slot."""
        return self._count(("seats", slot_id), [v for _, v in self.by_slot.get(slot_id, ())])

    def duties(self, pid: str) -> cp_model.IntVar:
        return self._count(("duties", pid), [v for _, v in self.by_person.get(pid, ())])

    def rest_duties(self, pid: str) -> cp_model.IntVar:
        rest = self.index.rest_days
        lits = [v for s, v in self.by_person.get(pid, ()) if s.day in rest]
        return self._count(("rest", pid), lits)

    def works(self, pid: str, day: date) -> cp_model.IntVar:
        """A literal that is true iff the person has any duty on `day`."""
        key = (pid, day)
        if key not in self._works:
            self._works[key] = self.any_of([v for _, v in self.by_person_day.get(key, ())])
        return self._works[key]

    def works_shift(self, pid: str, day: date, shift: str) -> cp_model.IntVar:
        key = (pid, day, shift)
        if key not in self._works_shift:
            lits = [v for s, v in self.by_person_day.get((pid, day), ()) if s.shift == shift]
            self._works_shift[key] = self.any_of(lits)
        return self._works_shift[key]

    def any_of(self, lits: list[cp_model.IntVar]) -> cp_model.IntVar:
        """A literal true iff any of `lits` is (the constant false if there are none)."""
        if not lits:
            return self._false
        if len(lits) == 1:
            return lits[0]
        var = self.new_bool()
        self.cp.add_max_equality(var, lits)
        return var

    def positive_part(self, expr, most: int, weight: int) -> cp_model.IntVar:
        """A variable worth max(0, expr) (at most `most`) wherever a term of `weight` on it
        matters: a cost pushes it down onto its lower bound, so that bound suffices; a reward
        (negative weight) would push it up, so it is pinned exactly."""
        var = self.cp.new_int_var(0, most, "")
        if weight < 0:
            self.cp.add_max_equality(var, [0, expr])
        else:
            self.cp.add(var >= expr)
        return var

    def people_with_duties(self) -> Iterable[str]:
        return [p.id for p in self.problem.people if self.by_person.get(p.id)]

    def objective(self) -> cp_model.LinearExprT:
        terms = [(e, w) for terms in self.penalties.values() for w, e in terms]
        return cp_model.LinearExpr.weighted_sum([e for e, _ in terms], [w for _, w in terms])


def build_model(problem: Problem) -> RosterModel:
    model = RosterModel(problem)
    for rule in ALL_RULES:
        terms = rule(model)
        if terms:
            model.penalties[rule.__name__] = terms
    if model.penalties:
        model.cp.minimize(model.objective())
    return model
