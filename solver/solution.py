"""The solver's output: who fills which slot, and how the run went."""

from __future__ import annotations

from dataclasses import dataclass, field

# Status names: CP-SAT's own plus CANCELLED (stopped by the caller before any solution)
# and HEURISTIC (the greedy baseline, which proves nothing).
OPTIMAL = "OPTIMAL"
FEASIBLE = "FEASIBLE"
INFEASIBLE = "INFEASIBLE"
UNKNOWN = "UNKNOWN"
MODEL_INVALID = "MODEL_INVALID"
CANCELLED = "CANCELLED"
HEURISTIC = "HEURISTIC"


@dataclass(frozen=True)
class Solution:
    assignments: dict[str, tuple[str, ...]]  # slot id -> person ids (every slot present)
    status: str
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    penalties: dict[str, int] = field(default_factory=dict)  # rule name -> weighted cost
    solver: str = "cp-sat"

    @property
    def has_assignment(self) -> bool:
        return self.status in (OPTIMAL, FEASIBLE, HEURISTIC)

    def people_of(self, slot_id: str) -> tuple[str, ...]:
        return self.assignments.get(slot_id, ())


@dataclass(frozen=True)
class Progress:
    """Reported each time the search finds a better solution."""

    objective: float
    bound: float
    seconds: float
    filled_seats: int
    solutions: int
