"""The checker's verdict on moving one duty to another person, before anything is saved.

The roster's problem is built from today's facts, the change is applied to its current
duties, and the independent checker (solver.check) lists every hard rule the result breaks
that the roster did not already break.
"""

from dataclasses import dataclass

import solver
from domain.errors import DomainError
from domain.roster import Roster, roster_id
from roster.planning.common import slot_id
from roster.planning.planner import Planner
from roster.rosters.commands import Rosters, duty_version


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    duties: int = 0  # in this roster already: the fair choice usually has fewer
    busy: bool = False  # already on duty that day in this roster


@dataclass(frozen=True)
class Verdict:
    duty_id: str
    current: str  # the person on the duty now
    candidates: tuple[Candidate, ...]  # eligible for the duty's slot, not already in it
    person: str = ""  # the person asked about ("" if none yet)
    broken: tuple[str, ...] = ()  # hard rules the change would break, in words

    @property
    def allowed(self) -> bool:
        return bool(self.person) and not self.broken


class Reassignments:
    def __init__(self, planner: Planner, rosters: Rosters) -> None:
        self.planner = planner
        self.rosters = rosters

    def verdict(self, kind: str, unit: str, month: str, duty_id: str, person: str = "") -> Verdict:
        """Raises UnknownDutyError; `person` outside the candidates is a NotEligibleError."""
        roster = self.rosters.get(kind, unit, month)
        if roster is None:
            raise UnknownDutyError()
        return _judge(roster, self.planner.problem(kind, unit, month), duty_id, person)

    def reassign(
        self, kind: str, unit: str, month: str, duty_id: str, person: str, actor: str,
        reason: str, expected_version: int | None = None,
    ) -> Verdict:  # fmt: skip
        """Save the change only if the checker finds no newly broken hard rule.

        The verdict is reached inside the unit of work, on the roster as it is saved, so a
        concurrent change elsewhere in the roster is judged too; `expected_version` is the
        duty's version the form showed (a changed duty is a StaleWriteError)."""
        if not reason.strip():
            raise ReasonMissingError()
        problem = self.planner.problem(kind, unit, month)

        def judge_then_reassign(roster: Roster) -> Verdict:
            verdict = _judge(roster, problem, duty_id, person)
            if verdict.allowed:
                roster.reassign(duty_id, person, actor=actor, reason=reason.strip())
            return verdict

        return self.rosters.change(
            roster_id(kind, unit, month).hex, judge_then_reassign, expected_version,
            duty_version(duty_id),
        )  # fmt: skip


def _judge(roster: Roster, problem: solver.Problem, duty_id: str, person: str) -> Verdict:
    duty = roster.assignments.get(duty_id)
    if duty is None:
        raise UnknownDutyError()
    sid = slot_id(duty.day, duty.place, duty.shift)
    slot = next((s for s in problem.slots if s.id == sid), None)
    names = {p.id: p.name for p in problem.people}
    assignments: dict[str, list[str]] = {}
    for a in roster.assignments.values():
        assignments.setdefault(slot_id(a.day, a.place, a.shift), []).append(a.person)
    in_slot = set(assignments.get(sid, ()))
    eligible = slot.eligible if slot and slot.eligible is not None else tuple(names)
    counts: dict[str, int] = {}
    busy = set()
    for a in roster.assignments.values():
        counts[a.person] = counts.get(a.person, 0) + 1
        if a.day == duty.day:
            busy.add(a.person)
    candidates = tuple(
        sorted(
            (
                Candidate(code, names[code], counts.get(code, 0), code in busy)
                for code in eligible
                if code in names and code not in in_slot
            ),
            key=lambda c: (c.busy, c.duties, c.code),
        )
    )
    verdict = Verdict(duty_id, duty.person, candidates)
    if not person:
        return verdict
    if person not in {c.code for c in candidates}:
        raise NotEligibleError()
    before = {v.message for v in solver.check(problem, _frozen(assignments))}
    assignments[sid] = [person if p == duty.person else p for p in assignments[sid]]
    after = [v.message for v in solver.check(problem, _frozen(assignments))]
    broken = tuple(m for m in after if m not in before)
    return Verdict(duty_id, duty.person, candidates, person, broken)


def _frozen(assignments: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in assignments.items()}


class UnknownDutyError(DomainError):
    def __init__(self) -> None:
        super().__init__("这个排班中没有该值班", "No such duty in this roster")


class NotEligibleError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "请选择一位符合条件、且不在该班次中的人员",
            "Choose an eligible person who is not already on this shift",
        )


class ReasonMissingError(DomainError):
    def __init__(self) -> None:
        super().__init__("请填写调整原因", "Please give a reason for the change")
