"""A general rostering engine on OR-Tools CP-SAT. It knows nothing of the domain: it takes a
`Problem` (plain frozen dataclasses) and returns a `Solution`."""

from solver.baseline import greedy_baseline
from solver.check import Violation, check
from solver.explain import Explanation, explain, explain_infeasible, explain_shortfalls
from solver.metrics import Metrics, PoolFairness, measure, pool_fairness
from solver.problem import (
    Assignment,
    Balance,
    CoverGroup,
    Day,
    Demand,
    FairnessPool,
    ForbiddenSuccession,
    GroupLimit,
    Limits,
    Person,
    PersonLimits,
    Problem,
    Request,
    Rotation,
    ShiftCap,
    ShiftType,
    Slot,
    SpreadVisits,
    Stability,
    StationCost,
    Unavailability,
)
from solver.serialize import canonical_json, fingerprint, from_json, to_json
from solver.solution import Progress, Solution
from solver.solve import CancelToken, SolveParams, solve
from solver.validate import ProblemError, problem_errors, validate

__all__ = [
    "Assignment",
    "Balance",
    "CancelToken",
    "CoverGroup",
    "Day",
    "Demand",
    "Explanation",
    "FairnessPool",
    "ForbiddenSuccession",
    "GroupLimit",
    "Limits",
    "Metrics",
    "Person",
    "PersonLimits",
    "PoolFairness",
    "Problem",
    "ProblemError",
    "Progress",
    "Request",
    "Rotation",
    "ShiftCap",
    "ShiftType",
    "Slot",
    "Solution",
    "SolveParams",
    "SpreadVisits",
    "Stability",
    "StationCost",
    "Unavailability",
    "Violation",
    "canonical_json",
    "check",
    "explain",
    "explain_infeasible",
    "explain_shortfalls",
    "fingerprint",
    "from_json",
    "greedy_baseline",
    "measure",
    "pool_fairness",
    "problem_errors",
    "solve",
    "to_json",
    "validate",
]
