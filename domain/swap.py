"""A member's request to hand over or exchange one published duty, from asking to the manager's
decision. Every step is an event naming who acted and why; a step the state does not allow is
refused with words the member can read.

Three ways to ask: `cover` (give the duty to a named colleague), `exchange` (swap it for a named
colleague's duty) and `pool` (anyone eligible may offer to take it; the requester accepts the
offer). A named colleague accepts themself. The unit's manager then approves or rejects; the
requester may withdraw until then, and an open request expires at the unit's lead time before
the (earlier) duty. The roster itself is changed by the application on approval, in the same
save as the Approved event.

A request is no natural key: each gets a new random id (the library's default).
"""

from datetime import date, datetime, timedelta

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError

SWAP_KINDS = {
    "cover": ("代班", "cover"),
    "exchange": ("互换", "exchange"),
    "pool": ("公开求助", "pool"),
}
SWAP_STATES = {
    "requested": ("待接受", "waiting for a colleague"),
    "offered": ("已有同事愿意接班", "offered by a colleague"),
    "accepted": ("待批准", "waiting for approval"),
    "approved": ("已批准", "approved"),
    "rejected": ("已驳回", "rejected"),
    "withdrawn": ("已撤回", "withdrawn"),
    "expired": ("已过期", "expired"),
}
OPEN_STATES = ("requested", "offered", "accepted")
DEFAULT_LEAD_HOURS = 24
MAX_LEAD_HOURS = 24 * 14


class SwapRequest(Aggregate):
    @event("Requested")
    def __init__(
        self, roster: str, unit_code: str, duty: str, day: date, requester: str, kind: str,
        colleague: str, colleague_duty: str, colleague_day: date | None, duty_version: int,
        colleague_duty_version: int, expires_at: datetime, actor: str, reason: str = "",
    ) -> None:  # fmt: skip
        """`duty_version` (and the colleague's): the roster's version of the duty when asked;
        approval is refused if the duty has changed since."""
        check_request(kind, requester, colleague, colleague_duty)
        self.roster = roster
        self.unit_code = unit_code
        self.duty = duty
        self.day = day
        self.requester = requester
        self.kind = kind
        self.colleague = colleague
        self.colleague_duty = colleague_duty
        self.colleague_day = colleague_day
        self.duty_version = duty_version
        self.colleague_duty_version = colleague_duty_version
        self.expires_at = expires_at
        self.state = "requested"

    def offer(self, person: str, now: datetime, actor: str, reason: str = "") -> None:
        """A colleague offers to take a pool post; the first offer holds it."""
        self._allow("offer", now, ("requested",))
        if self.kind != "pool":
            raise NotAPoolPostError()
        if person == self.requester:
            raise OwnRequestError()
        self._offer(person=person, actor=actor, reason=reason)

    @event("Offered")
    def _offer(self, person: str, actor: str, reason: str) -> None:
        self.colleague = person
        self.state = "offered"

    def accept(self, person: str, now: datetime, actor: str, reason: str = "") -> None:
        """The named colleague accepts; for a pool post, the requester accepts the offer."""
        if self.kind == "pool":
            self._allow("accept", now, ("offered",))
            if person != self.requester:
                raise NotYoursToAcceptError()
        else:
            self._allow("accept", now, ("requested",))
            if person != self.colleague:
                raise NotYoursToAcceptError()
        self._accept(person=person, actor=actor, reason=reason)

    @event("Accepted")
    def _accept(self, person: str, actor: str, reason: str) -> None:
        self.state = "accepted"

    def approve(self, now: datetime, actor: str, reason: str = "", automatic: bool = False) -> None:
        self._allow("approve", now, ("accepted",))
        self._approve(actor=actor, reason=reason, automatic=automatic)

    @event("Approved")
    def _approve(self, actor: str, reason: str, automatic: bool) -> None:
        self.state = "approved"

    def reject(self, actor: str, reason: str) -> None:
        self._allow("reject", None, OPEN_STATES)
        if not reason.strip():
            raise RejectionReasonMissingError()
        self._reject(actor=actor, reason=reason.strip())

    @event("Rejected")
    def _reject(self, actor: str, reason: str) -> None:
        self.state = "rejected"

    def withdraw(self, person: str, actor: str, reason: str = "") -> None:
        self._allow("withdraw", None, OPEN_STATES)
        if person != self.requester:
            raise NotYourRequestError()
        self._withdraw(actor=actor, reason=reason)

    @event("Withdrawn")
    def _withdraw(self, actor: str, reason: str) -> None:
        self.state = "withdrawn"

    def expire(self, now: datetime, actor: str = "system") -> None:
        self._allow("expire", None, OPEN_STATES)
        if now < self.expires_at:
            raise NotYetDueError(self.expires_at)
        self._expire(actor=actor, reason="")

    @event("Expired")
    def _expire(self, actor: str, reason: str) -> None:
        self.state = "expired"

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES

    def moves(self) -> tuple[tuple[str, str], ...]:
        """The roster changes approval makes: (duty, who takes it)."""
        if self.kind == "exchange":
            return ((self.duty, self.colleague), (self.colleague_duty, self.requester))
        return ((self.duty, self.colleague),)

    def _allow(self, action: str, now: datetime | None, states: tuple[str, ...]) -> None:
        if self.state not in states:
            raise SwapTransitionError(self.state, action)
        if now is not None and now >= self.expires_at:
            raise SwapExpiredError(self.expires_at)


def expires_at(starts: datetime, lead_hours: int) -> datetime:
    """The rule: an open request lapses `lead_hours` before its (earlier) duty begins."""
    return starts - timedelta(hours=lead_hours)


def check_request(kind: str, requester: str, colleague: str, colleague_duty: str) -> None:
    if kind not in SWAP_KINDS:
        raise SwapKindError(kind)
    if kind == "pool":
        if colleague or colleague_duty:
            raise PoolNamesNobodyError()
        return
    if not colleague:
        raise ColleagueMissingError()
    if colleague == requester:
        raise OwnRequestError()
    if (kind == "exchange") != bool(colleague_duty):
        raise ExchangeDutyError()


def check_lead_hours(hours: int) -> None:
    if isinstance(hours, bool) or not isinstance(hours, int) or not 0 <= hours <= MAX_LEAD_HOURS:
        raise LeadHoursError(hours)


ACTIONS = {
    "offer": ("接班", "offered"),
    "accept": ("接受", "accepted"),
    "approve": ("批准", "approved"),
    "reject": ("驳回", "rejected"),
    "withdraw": ("撤回", "withdrawn"),
    "expire": ("作废", "expired"),
}


class SwapTransitionError(DomainError):
    def __init__(self, state: str, action: str) -> None:
        zh, en = SWAP_STATES[state]
        action_zh, action_en = ACTIONS[action]
        super().__init__(
            f"该换班申请当前{zh}，不能{action_zh}",
            f"This swap request is {en}: it cannot be {action_en}",
        )
        self.state = state
        self.action = action


def _shown(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


class SwapExpiredError(DomainError):
    def __init__(self, at: datetime) -> None:
        super().__init__(
            f"该换班申请已于 {_shown(at)} 过期", f"This swap request expired at {_shown(at)}"
        )


class NotYetDueError(DomainError):
    def __init__(self, at: datetime) -> None:
        super().__init__(
            f"该换班申请到 {_shown(at)} 才过期",
            f"This swap request does not expire before {_shown(at)}",
        )


class SwapKindError(DomainError):
    def __init__(self, kind: str) -> None:
        super().__init__(f"未知的换班方式“{kind}”", f"Unknown kind of swap '{kind}'")


class PoolNamesNobodyError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "公开求助不指定同事，由符合条件的同事主动接班",
            "A pool post names no colleague: an eligible colleague offers to take it",
        )


class ColleagueMissingError(DomainError):
    def __init__(self) -> None:
        super().__init__("请选择一位同事", "Choose a colleague")


class OwnRequestError(DomainError):
    def __init__(self) -> None:
        super().__init__("不能与自己换班", "You cannot swap with yourself")


class ExchangeDutyError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "互换须指定同事的一项值班，代班则不指定",
            "An exchange names the colleague's duty; a cover does not",
        )


class NotAPoolPostError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "这项申请已指定同事，只有该同事可以接受",
            "This request names a colleague: only they can accept it",
        )


class NotYoursToAcceptError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            "只有被邀请的同事（公开求助时为申请人）可以接受",
            "Only the colleague asked (for a pool post, the requester) can accept",
        )


class NotYourRequestError(DomainError):
    def __init__(self) -> None:
        super().__init__("只有申请人可以撤回", "Only the requester can withdraw the request")


class RejectionReasonMissingError(DomainError):
    def __init__(self) -> None:
        super().__init__("驳回须填写原因", "Please give a reason for the rejection")


class LeadHoursError(DomainError):
    def __init__(self, hours: object) -> None:
        super().__init__(
            f"换班截止时间应为值班前 0 至 {MAX_LEAD_HOURS} 小时，而不是“{hours}”",
            f"The swap lead time must be 0 to {MAX_LEAD_HOURS} hours, not '{hours}'",
        )
