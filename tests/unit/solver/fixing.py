"""Ask the CP-SAT model itself about one given assignment: with every decision variable
fixed to it (as assumptions, so one model serves many assignments), is it feasible, and
what does each rule's penalty come to?"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ortools.sat.python import cp_model

from solver.model import build_model
from solver.penalty import penalties
from solver.problem import Problem

Pair = tuple[str, str]  # (slot id, person id)


def pairs_of(assignments: Mapping[str, Sequence[str]]) -> set[Pair]:
    return {(sid, pid) for sid, pids in assignments.items() for pid in pids}


class FixedModel:
    def __init__(self, problem: Problem) -> None:
        self.model = build_model(problem)
        self.solver = cp_model.CpSolver()
        self.solver.parameters.num_workers = 1

    def outcome(self, pairs: Iterable[Pair]) -> tuple[int, dict[str, int]] | None:
        """(objective, rule -> penalty, zeros left out) of exactly `pairs`, or None if the
        model forbids it (a pair with no variable is forbidden by construction)."""
        pairs = set(pairs)
        if not pairs <= self.model.x.keys():
            return None
        cp = self.model.cp
        cp.clear_assumptions()
        cp.add_assumptions([v if key in pairs else v.Not() for key, v in self.model.x.items()])
        status = self.solver.solve(cp)
        if status == cp_model.INFEASIBLE:
            return None
        assert status == cp_model.OPTIMAL, self.solver.status_name(status)
        per_rule = {
            name: int(sum(w * self.solver.value(e) for w, e in terms))
            for name, terms in self.model.penalties.items()
        }
        objective = round(self.solver.objective_value) if self.model.penalties else 0
        return objective, {k: v for k, v in per_rule.items() if v}


def model_penalties(problem: Problem, assignments: Mapping[str, Sequence[str]]) -> dict[str, int]:
    """The model's penalty per rule for one fixed assignment; fails if it is infeasible."""
    found = FixedModel(problem).outcome(pairs_of(assignments))
    assert found is not None, "the model forbids this assignment"
    return found[1]


def rule_cost(problem: Problem, assignments: Mapping[str, Sequence[str]], rule: str) -> int:
    """What `rule` charges for `assignments`, as the model and the checker both read it."""
    model = model_penalties(problem, assignments).get(rule, 0)
    plain = penalties(problem, assignments).get(rule, 0)
    assert model == plain, f"{rule}: the model charges {model}, the checker {plain}"
    return plain
