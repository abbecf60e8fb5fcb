"""Re-plan a roster after someone drops out, moving as few duties as possible.

The current roster is the solution to stay close to; days before the change are frozen (the
past, and what is already served). The differences are applied as one event per changed duty,
so a published roster's subscribers see exactly those duties move; all of them are saved
together, or none.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import solver
from domain.errors import DomainError
from domain.roster import Roster, assignment_id
from domain.values import Assignment
from domain.vocabulary import TIME_ZONE
from roster.planning.common import slot_id
from roster.planning.planner import Plan, Planner
from roster.rosters.commands import Rosters

if TYPE_CHECKING:
    from roster.services import Services

STAY_CLOSE_WEIGHT = 20_000  # above fairness, below an unfilled seat


@dataclass(frozen=True)
class Move:
    duty: str  # assignment id ('' for a new seat)
    day: date
    place: str
    shift: str
    seat: int
    before: str  # '' when the seat was empty
    after: str  # '' when the seat is left empty


@dataclass
class Replan:
    plan: Plan
    moves: list[Move]


def replan(
    planner: Planner, rosters: Rosters, kind: str, unit: str, month: str, frozen_before: date,
    params: solver.SolveParams, actor: str, reason: str, apply: bool = True,
) -> Replan:  # fmt: skip
    roster = rosters.get(kind, unit, month)
    if roster is None or not roster.assignments:
        raise NothingToReplanError()
    current = list(roster.assignments.values())
    problem = planner.problem(kind, unit, month)
    previous = tuple(solver.Assignment(slot_id(a.day, a.place, a.shift), a.person) for a in current)
    frozen = tuple(d.date for d in problem.days if d.date < frozen_before)
    problem = replace(
        problem,
        stability=solver.Stability(
            previous=previous, change_weight=STAY_CLOSE_WEIGHT, frozen_days=frozen
        ),
    )
    plan = planner.solve_and_record(kind, unit, month, problem, params, actor, record=False)
    if not plan.solution.has_assignment or plan.violations:
        return Replan(plan, [])
    moves = diff(current, plan, problem)
    if apply and moves:
        # All the moves in one save, on the roster the plan was made from: a change made to it
        # during the solve refuses the whole re-plan (StaleWriteError) instead of mixing.
        rosters.change(
            roster.id.hex, lambda r: apply_moves(r, moves, actor, reason), roster.version
        )
    return Replan(plan, moves)


def apply_moves(roster: Roster, moves: list[Move], actor: str, reason: str) -> None:
    for move in moves:
        if move.before and move.after:
            roster.reassign(move.duty, move.after, actor=actor, reason=reason)
        elif move.before:
            roster.remove(move.duty, actor=actor, reason=reason)
        else:
            duty_id = assignment_id(roster.id, move.day, move.place, move.shift, move.seat)
            duty = Assignment(duty_id, move.day, move.place, move.shift, move.seat, move.after)
            roster.add(duty, actor=actor, reason=reason)


def diff(current: list, plan: Plan, problem: solver.Problem) -> list[Move]:
    """Seat by seat: who keeps their seat, whose seat passes to someone else, what is new."""
    by_slot: dict[str, list] = {}
    for a in current:
        by_slot.setdefault(slot_id(a.day, a.place, a.shift), []).append(a)
    moves = []
    for slot in problem.slots:
        now = list(plan.solution.people_of(slot.id))
        held = sorted(by_slot.get(slot.id, []), key=lambda a: a.seat)
        staying = [a for a in held if a.person in now]
        leaving = [a for a in held if a.person not in now]
        arriving = [p for p in now if p not in {a.person for a in staying}]
        for a in leaving:
            after = arriving.pop(0) if arriving else ""
            moves.append(Move(a.id, a.day, a.place, a.shift, a.seat, a.person, after))
        used = {a.seat for a in held}
        free = (s for s in range(len(held) + len(arriving) + 1) if s not in used)
        for person in arriving:
            moves.append(Move("", slot.day, slot.station_id, slot.shift, next(free), "", person))
    return moves


def drop_out(
    services: "Services", kind: str, unit: str, month: str, person: str, start: date, until: date,
    params: solver.SolveParams, actor: str, reason: str,
) -> Replan:  # fmt: skip
    """Someone is away from `start` to `until` (inclusive): record it, then re-plan around it."""
    services.registry.declare_unavailable(
        person, datetime.combine(start, time(0), TIME_ZONE),
        datetime.combine(until + timedelta(days=1), time(0), TIME_ZONE), reason, actor=actor,
    )  # fmt: skip
    return replan(
        services.planner, services.rosters, kind, unit, month, start, params, actor, reason
    )


class NothingToReplanError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "该排班表还没有草稿或已发布的排班，无法重新调整", "There is no roster to re-plan yet"
        )
