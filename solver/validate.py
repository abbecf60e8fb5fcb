"""Catches translation mistakes before they turn into a silently wrong model: duplicate
ids, unknown shifts, slots outside the horizon, impossible demands. The messages are for
developers (English); managers see the checker's and the explainer's sentences."""

from __future__ import annotations

from collections import Counter

from solver.problem import Problem


class ProblemError(ValueError):
    """The Problem is malformed; `errors` lists every mistake found."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("invalid solver problem: " + "; ".join(errors[:10]))
        self.errors = errors


def problem_errors(problem: Problem) -> list[str]:
    errors: list[str] = []
    for kind, ids in (
        ("day", [d.date for d in problem.days]),
        ("shift", [s.code for s in problem.shifts]),
        ("person", [p.id for p in problem.people]),
        ("slot", [s.id for s in problem.slots]),
    ):
        errors += [f"duplicate {kind} {i}" for i, n in Counter(ids).items() if n > 1]
    days = {d.date for d in problem.days}
    shifts = {s.code for s in problem.shifts}
    slots = {s.id for s in problem.slots}
    people = {p.id for p in problem.people}
    if list(days) and sorted(d.date for d in problem.days) != [d.date for d in problem.days]:
        errors.append("days are not in order")
    for slot in problem.slots:
        d = slot.demand
        if slot.day not in days:
            errors.append(f"slot {slot.id}: day {slot.day} is outside the horizon")
        if slot.shift not in shifts:
            errors.append(f"slot {slot.id}: unknown shift {slot.shift}")
        if not (0 <= d.minimum <= d.upper and 0 <= d.target <= d.upper):
            errors.append(f"slot {slot.id}: demand needs 0 <= minimum, target <= maximum")
    for group in problem.cover_groups:
        errors += [
            f"cover group {group.id}: unknown slot {s}" for s in group.slot_ids if s not in slots
        ]
    for pool in problem.fairness_pools:
        errors += [f"pool {pool.id}: unknown person {p}" for p in pool.members if p not in people]
    for cap in problem.default_limits.max_per_shift:
        if cap.shift not in shifts:
            errors.append(f"default limits: unknown shift {cap.shift}")
    if problem.default_limits.max_per_day < 1:
        errors.append("default limits: max_per_day must be at least 1")
    return errors


def validate(problem: Problem) -> None:
    """Raises ProblemError if the problem is malformed."""
    errors = problem_errors(problem)
    if errors:
        raise ProblemError(errors)
