"""Members' swaps and covers, through the unit of work: ask, offer, accept, and the manager's
decision. Approval judges the swap against the roster as it is saved, and saves the request's
Approved event and the roster's reassignments together: a swap is never half applied."""

from collections.abc import Callable
from datetime import datetime, time
from uuid import UUID

import solver
from domain.errors import DomainError
from domain.roster import Roster
from domain.swap import SwapRequest, SwapTransitionError, check_request, expires_at
from domain.unit import Unit, unit_id
from domain.vocabulary import SHIFTS, TIME_ZONE
from roster.errors import StaleWriteError
from roster.planning.planner import Planner
from roster.store.eventstore import ConflictError, NotFoundError
from roster.store.unit_of_work import UnitOfWork, Work
from roster.swaps.candidates import SwapCandidate, swap_candidates
from roster.swaps.rules import broken_by

Clock = Callable[[], datetime]
AUTO_ACTOR = "system"
AUTO_REASON = "单位设置：规则检查未发现问题时自动批准"
# Refusals meaning someone else acted first (a lost race, a stale form, a step the request's
# new state no longer allows): a page answers them with a conflict, not a bad form.
CONFLICTS = (StaleWriteError, ConflictError, SwapTransitionError)


def beijing_now() -> datetime:
    return datetime.now(TIME_ZONE)


def duty_starts(roster: Roster, duty: str) -> datetime:
    a = roster.assignments[duty]
    hour, minute = map(int, SHIFTS[a.shift][0].split(":"))
    return datetime.combine(a.day, time(hour, minute), TIME_ZONE)


class Swaps:
    def __init__(self, planner: Planner, uow: UnitOfWork, clock: Clock = beijing_now) -> None:
        self.planner = planner
        self.uow = uow
        self.clock = clock

    def request(
        self, roster: str, duty: str, requester: str, actor: str, kind: str = "cover",
        colleague: str = "", colleague_duty: str = "", reason: str = "",
        expected_version: int | None = None,
    ) -> str:  # fmt: skip
        """A member asks about a duty of theirs in a published roster; `expected_version` is
        the duty's version as shown. A named colleague must be able to take it without
        breaking a hard rule. Returns the request's id."""
        rid = UUID(roster)
        problem = self._problem(rid)
        now = self.clock()

        check_request(kind, requester, colleague, colleague_duty)

        def ask(work: Work) -> str:
            current = work.get(rid)
            if expected_version is not None and current.versions.get(duty) != expected_version:
                raise StaleWriteError(expected_version, current.versions.get(duty, 0))
            _check_holder(current, duty, requester)
            if kind == "exchange":
                _check_holder(current, colleague_duty, colleague)
            swap_duties = [duty] + ([colleague_duty] if kind == "exchange" else [])
            unit: Unit = work.get(unit_id(current.unit_code))
            lapses = expires_at(
                min(duty_starts(current, d) for d in swap_duties), unit.swap_lead_hours
            )
            if now >= lapses:
                raise TooLateToAskError(unit.swap_lead_hours)
            swap = SwapRequest(
                roster=rid.hex, unit_code=current.unit_code, duty=duty,
                day=current.assignments[duty].day, requester=requester, kind=kind,
                colleague=colleague, colleague_duty=colleague_duty,
                colleague_day=current.assignments[colleague_duty].day if colleague_duty else None,
                duty_version=current.versions[duty],
                colleague_duty_version=current.versions.get(colleague_duty, 0),
                expires_at=lapses, actor=actor, reason=reason.strip(),
            )  # fmt: skip
            if colleague:
                _refuse_broken(broken_by(current, problem, swap.moves()))
            return work.add(swap).id.hex

        return self.uow(ask)

    def offer(
        self, request: str, person: str, actor: str, reason: str = "",
        expected_version: int | None = None,
    ) -> None:  # fmt: skip
        """A colleague offers to take a pool post, if they can without breaking a hard rule."""
        problem = self._problem_of(request)

        def offer(work: Work) -> None:
            swap: SwapRequest = work.get(UUID(request), expected_version)
            swap.offer(person, self.clock(), actor=actor, reason=reason.strip())
            _refuse_broken(broken_by(work.get(UUID(swap.roster)), problem, swap.moves()))

        self.uow(offer)

    def accept(
        self, request: str, person: str, actor: str, reason: str = "",
        expected_version: int | None = None,
    ) -> bool:  # fmt: skip
        """Accepted; approved at once when the unit approves by itself and the checker finds
        nothing broken on the current roster (returns whether it was)."""
        problem = self._problem_of(request)

        def accept(work: Work) -> bool:
            swap: SwapRequest = work.get(UUID(request), expected_version)
            swap.accept(person, self.clock(), actor=actor, reason=reason.strip())
            if not work.get(unit_id(swap.unit_code)).swap_auto_approve:
                return False
            roster = work.get(UUID(swap.roster))
            if self._refusal(roster, swap, problem) is not None:
                return False  # the manager decides: the accepted request waits for them
            self._apply(roster, swap, AUTO_ACTOR, AUTO_REASON, automatic=True)
            return True

        return self.uow(accept)

    def approve(
        self, request: str, actor: str, reason: str = "", expected_version: int | None = None
    ) -> None:
        """The manager approves: refused if a duty changed since the request (DutyChangedError,
        a StaleWriteError) or if the swap would now break a hard rule (SwapBreaksRulesError)."""
        problem = self._problem_of(request)

        def approve(work: Work) -> None:
            swap = work.get(UUID(request), expected_version)
            roster = work.get(UUID(swap.roster))
            refusal = self._refusal(roster, swap, problem)
            if refusal is not None:
                raise refusal
            self._apply(roster, swap, actor, reason.strip())

        self.uow(approve)

    def reject(
        self, request: str, actor: str, reason: str, expected_version: int | None = None
    ) -> None:
        self.uow.change(UUID(request), lambda s: s.reject(actor, reason), expected_version)

    def withdraw(
        self, request: str, person: str, actor: str, reason: str = "",
        expected_version: int | None = None,
    ) -> None:  # fmt: skip
        self.uow.change(
            UUID(request), lambda s: s.withdraw(person, actor, reason.strip()), expected_version
        )

    def expire(self, request: str, actor: str = AUTO_ACTOR) -> None:
        """For the jobs issue's timer: refused before the request's `expires_at`."""
        self.uow.change(UUID(request), lambda s: s.expire(self.clock(), actor))

    def set_rules(
        self, unit_code: str, auto_approve: bool, lead_hours: int, actor: str, reason: str = "",
        expected_version: int | None = None,
    ) -> None:  # fmt: skip
        self.uow.change(
            unit_id(unit_code),
            lambda u: u.set_swap_rules(auto_approve, lead_hours, actor=actor, reason=reason),
            expected_version,
        )

    def rules(self, unit_code: str) -> tuple[bool, int, int] | None:
        """A unit's swap rules as its form shows them: (auto approve, lead hours, the unit's
        version, which the form sends back)."""
        unit = self.uow.store.get_or_none(unit_id(unit_code))
        if unit is None:
            return None
        return unit.swap_auto_approve, unit.swap_lead_hours, unit.version

    def candidates(self, roster: str, duty: str) -> list[SwapCandidate]:
        """Who could take the duty without breaking a hard rule, best first."""
        current = self._roster(UUID(roster))
        return swap_candidates(current, self._problem(current.id), duty)

    def _refusal(
        self, roster: Roster, swap: SwapRequest, problem: solver.Problem
    ) -> DomainError | None:
        """Why the swap cannot be applied to the roster as this unit of work read it, if so."""
        for duty, shown in ((swap.duty, swap.duty_version),
                            (swap.colleague_duty, swap.colleague_duty_version)):  # fmt: skip
            if duty and roster.versions.get(duty) != shown:
                return DutyChangedError(shown, roster.versions.get(duty, 0))
        try:
            broken = broken_by(roster, problem, swap.moves())
        except DomainError as refused:  # a taker no longer eligible for the slot
            return refused
        return SwapBreaksRulesError(broken) if broken else None

    def _apply(
        self, roster: Roster, swap: SwapRequest, actor: str, reason: str, automatic: bool = False
    ) -> None:
        """Approve and make the roster's moves: both saved by the same unit of work."""
        swap.approve(self.clock(), actor=actor, reason=reason, automatic=automatic)
        said = f"换班申请 {swap.id.hex[:8]} 获批" + (f"：{reason}" if reason else "")
        for duty, person in swap.moves():
            roster.reassign(duty, person, actor=actor, reason=said)

    def _roster(self, rid: UUID) -> Roster:
        roster = self.uow.store.get_or_none(rid)
        if roster is None:
            raise NotFoundError(rid)
        return roster

    def _problem(self, rid: UUID) -> solver.Problem:
        """A roster's kind, unit and month never change: its problem is built before the unit
        of work (from today's facts), the roster itself is judged inside it."""
        roster = self._roster(rid)
        return self.planner.problem(roster.kind, roster.unit_code, roster.month)

    def _problem_of(self, request: str) -> solver.Problem:
        swap = self.uow.store.get_or_none(UUID(request))
        if swap is None:
            raise NotFoundError(UUID(request))
        return self._problem(UUID(swap.roster))


def _check_holder(roster: Roster, duty: str, person: str) -> None:
    if roster.state != "published":
        raise NotPublishedForSwapError()
    held = roster.assignments.get(duty)
    if held is None or held.person != person:
        raise NotTheirDutyError()


def _refuse_broken(broken: tuple[str, ...]) -> None:
    if broken:
        raise SwapBreaksRulesError(broken)


class SwapBreaksRulesError(DomainError):
    def __init__(self, broken: tuple[str, ...]) -> None:
        listed = "；".join(broken)
        super().__init__(f"这次换班会违反规则：{listed}", f"This swap would break rules: {listed}")
        self.broken = broken


class DutyChangedError(StaleWriteError):
    """The duty was changed (by a manager, another swap) after the request was made."""

    def __init__(self, expected: int, current: int) -> None:
        super().__init__(expected, current)
        self.message = "申请换班后，该值班已被调整：此申请不能再批准，请驳回或重新申请"
        self.message_en = (
            "The duty changed after the swap was requested: this request can no longer be "
            "approved; reject it or ask again"
        )
        self.args = (self.message,)


class NotTheirDutyError(DomainError):
    def __init__(self) -> None:
        super().__init__("这项值班不是该人员的", "This duty is not theirs")


class NotPublishedForSwapError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "只有已发布排班中的值班可以换班", "Only a published roster's duties can be swapped"
        )


class TooLateToAskError(DomainError):
    def __init__(self, hours: int) -> None:
        super().__init__(
            f"值班开始前 {hours} 小时内不能再申请换班，请联系管理员",
            f"Swaps close {hours} hours before the duty; please ask your manager",
        )
