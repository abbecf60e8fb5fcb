"""A month's roster of one kind for one unit: drafted whole, published, then changed one duty
at a time. Every assignment keeps a stable id and a version that rises on each change."""

import re
from collections.abc import Iterable
from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import Aggregate
from domain.errors import DomainError
from domain.ids import stable_id
from domain.summary import DraftSummary
from domain.values import Assignment
from domain.vocabulary import ROSTER_KINDS

ATTENDANCE = ("served", "absent")
# ASCII digits only (\d takes any script's digits); the years rosters are planned for.
MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
FIRST_YEAR, LAST_YEAR = 2000, 2100


class Roster(Aggregate):
    @event("Created")
    def __init__(self, kind: str, unit_code: str, month: str, actor: str = "system") -> None:
        check_kind(kind)
        check_month(month)
        self.kind = kind
        self.unit_code = unit_code
        self.month = month
        self.state = "new"
        self.assignments: dict[str, Assignment] = {}
        self.versions: dict[str, int] = {}
        self.published: dict[str, int] = {}
        self.draft_number = 0
        self.published_version = 0
        self.attendance: dict[str, str] = {}

    @staticmethod
    def create_id(kind: str, unit_code: str, month: str) -> UUID:
        return roster_id(kind, unit_code, month)

    def draft(
        self, assignments: Iterable[Assignment], summary: DraftSummary, actor: str,
        reason: str = "", fingerprint: str = "", facts_position: int = 0,
    ) -> None:  # fmt: skip
        """Replace the working set; an unchanged duty keeps its version, a changed one rises.
        A solved draft names its input (see Drafted); a hand-made one leaves it empty."""
        if not isinstance(summary, DraftSummary):
            raise TypeError(f"a draft's summary is a DraftSummary, not {type(summary).__name__}")
        versioned = []
        for a in assignments:
            check_in_month(a.day, self.month)
            if any(v.id == a.id for v in versioned):
                raise DuplicateAssignmentError(a.id)
            current = self.assignments.get(a.id)
            if current is not None and current.person == a.person:
                version = current.version
            else:
                version = self.versions.get(a.id, 0) + 1
            versioned.append(Assignment(a.id, a.day, a.place, a.shift, a.seat, a.person, version))
        self._draft(
            assignments=tuple(versioned), summary=summary, fingerprint=fingerprint,
            facts_position=facts_position, actor=actor, reason=reason,
        )  # fmt: skip

    class Drafted(Aggregate.Event):
        """v2: the summary is typed and bilingual (v1: a dict with Chinese explanations), and a
        solved draft names its input: `fingerprint`, the sha256 of the solver Problem's
        canonical JSON (solver.fingerprint), and `facts_position`, the log position the read
        models stood at when its facts were read. v1 drafts and hand-made ones: "" and 0."""

        assignments: tuple[Assignment, ...]
        summary: DraftSummary
        fingerprint: str
        facts_position: int
        actor: str
        reason: str
        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            state["summary"] = DraftSummary.from_legacy(state["summary"])
            state["fingerprint"] = ""
            state["facts_position"] = 0

    @event(Drafted)
    def _draft(
        self, assignments: tuple[Assignment, ...], summary: DraftSummary, fingerprint: str,
        facts_position: int, actor: str, reason: str,
    ) -> None:  # fmt: skip
        new = {a.id: a for a in assignments}
        for gone in self.assignments.keys() - new.keys():
            self.versions[gone] += 1  # the cancellation is a change subscribers must see
        self.assignments = new
        for a in assignments:
            self.versions[a.id] = max(self.versions.get(a.id, 0), a.version)
        self.state = "draft"
        self.draft_number += 1

    def publish(self, actor: str, reason: str = "") -> None:
        if self.state != "draft":
            raise NothingToPublishError(self.state)
        cancelled = {i: self.versions[i] for i in self.published if i not in self.assignments}
        self._publish(
            version=self.published_version + 1, cancelled=cancelled, actor=actor, reason=reason
        )

    @event("Published")
    def _publish(self, version: int, cancelled: dict[str, int], actor: str, reason: str) -> None:
        self.published_version = version
        self.published = {a.id: a.version for a in self.assignments.values()}
        self.state = "published"

    def reassign(self, assignment_id: str, person: str, actor: str, reason: str) -> None:
        current = self._get(assignment_id)
        if current.person == person:
            raise SamePersonError()
        version = self.versions[assignment_id] + 1
        self._reassign(
            assignment_id=assignment_id, person=person, previous=current.person,
            day=current.day, place=current.place, shift=current.shift, seat=current.seat,
            version=version, actor=actor, reason=reason,
        )  # fmt: skip

    class DutyReassigned(Aggregate.Event):
        """v2 carries the whole duty and who held it, so readers need no lookup to project it.
        v1 (850f4fd) had only assignment_id, person and version: it upcasts with `day` None
        and `previous` "", and readers take those from their own row of the duty. v2 events
        were stored without a class_version until issue 9, so the upcaster keeps what an
        event carries and fills only what is missing."""

        assignment_id: str
        person: str
        previous: str
        day: date | None
        place: str
        shift: str
        seat: int
        version: int
        actor: str
        reason: str
        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict) -> None:
            for name, unknown in (("previous", ""), ("day", None), ("place", ""), ("shift", "")):
                state.setdefault(name, unknown)
            state.setdefault("seat", 0)

    @event(DutyReassigned)
    def _reassign(
        self, assignment_id: str, person: str, previous: str, day: date | None, place: str,
        shift: str, seat: int, version: int, actor: str, reason: str,
    ) -> None:  # fmt: skip
        a = self.assignments[assignment_id]
        self.assignments[assignment_id] = Assignment(
            a.id, a.day, a.place, a.shift, a.seat, person, version
        )
        self.versions[assignment_id] = version
        if self.state == "published":
            self.published[assignment_id] = version

    def remove(self, assignment_id: str, actor: str, reason: str) -> None:
        self._get(assignment_id)
        version = self.versions[assignment_id] + 1
        self._remove(assignment_id=assignment_id, version=version, actor=actor, reason=reason)

    @event("DutyRemoved")
    def _remove(self, assignment_id: str, version: int, actor: str, reason: str) -> None:
        del self.assignments[assignment_id]
        self.versions[assignment_id] = version
        if self.state == "published":
            self.published.pop(assignment_id, None)

    def add(self, assignment: Assignment, actor: str, reason: str) -> None:
        check_in_month(assignment.day, self.month)
        if assignment.id in self.assignments:
            raise DuplicateAssignmentError(assignment.id)
        a = assignment
        version = self.versions.get(a.id, 0) + 1
        added = Assignment(a.id, a.day, a.place, a.shift, a.seat, a.person, version)
        self._add(assignment=added, actor=actor, reason=reason)

    @event("DutyAdded")
    def _add(self, assignment: Assignment, actor: str, reason: str) -> None:
        self.assignments[assignment.id] = assignment
        self.versions[assignment.id] = assignment.version
        if self.state == "published":
            self.published[assignment.id] = assignment.version

    def record_attendance(
        self, assignment_id: str, status: str, actor: str, reason: str = ""
    ) -> None:
        if self.state != "published":
            raise NotPublishedError()
        self._get(assignment_id)
        if status not in ATTENDANCE:
            raise AttendanceStatusError(status)
        self._record_attendance(
            assignment_id=assignment_id, status=status, actor=actor, reason=reason
        )

    @event("AttendanceRecorded")
    def _record_attendance(self, assignment_id: str, status: str, actor: str, reason: str) -> None:
        self.attendance[assignment_id] = status

    def _get(self, assignment_id: str) -> Assignment:
        try:
            return self.assignments[assignment_id]
        except KeyError:
            raise UnknownAssignmentError(assignment_id) from None


def roster_id(kind: str, unit_code: str, month: str) -> UUID:
    return stable_id("roster", kind, unit_code, month)


def assignment_id(roster: UUID, day: date, place: str, shift: str, seat: int) -> str:
    """Derived from roster, slot and seat, so re-drafting the same seat keeps its identity."""
    return str(stable_id("duty", roster, day.isoformat(), place, shift, seat))


def month_bounds(month: str) -> tuple[date, date]:
    check_month(month)
    year, mon = int(month[:4]), int(month[5:])
    first = date(year, mon, 1)
    following = date(year + mon // 12, mon % 12 + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


def check_kind(kind: str) -> None:
    if kind not in ROSTER_KINDS:
        raise RosterKindError(kind)


def check_month(month: str) -> None:
    found = MONTH.fullmatch(month)
    if not found or not FIRST_YEAR <= int(found[1]) <= LAST_YEAR:
        raise MonthError(month)


def check_in_month(day: date, month: str) -> None:
    if day.strftime("%Y-%m") != month:
        raise OutsideMonthError(day, month)


class RosterKindError(DomainError):
    def __init__(self, kind: str) -> None:
        super().__init__(f"未知的排班类型“{kind}”", f"Unknown roster kind '{kind}'")


class MonthError(DomainError):
    def __init__(self, month: str) -> None:
        super().__init__(
            f"月份格式应为 YYYY-MM（{FIRST_YEAR}-01 至 {LAST_YEAR}-12），而不是“{month}”",
            f"Month must be YYYY-MM ({FIRST_YEAR}-01 to {LAST_YEAR}-12), not '{month}'",
        )


class OutsideMonthError(DomainError):
    def __init__(self, day: date, month: str) -> None:
        super().__init__(f"{day.isoformat()} 不在 {month} 月内", f"{day} is outside {month}")


class DuplicateAssignmentError(DomainError):
    def __init__(self, aid: str) -> None:
        super().__init__(f"同一岗位重复排班：{aid}", f"Duplicate assignment {aid}")


class UnknownAssignmentError(DomainError):
    def __init__(self, aid: str) -> None:
        super().__init__(f"排班表中没有这项值班：{aid}", f"No such duty in this roster: {aid}")


class SamePersonError(DomainError):
    def __init__(self) -> None:
        super().__init__("该值班已由此人承担", "This person already holds the duty")


class NothingToPublishError(DomainError):
    def __init__(self, state: str) -> None:
        super().__init__(
            "没有可发布的草稿：请先生成排班草稿" if state != "published" else "当前版本已发布",
            "Nothing to publish: generate a draft first"
            if state != "published"
            else "This version is already published",
        )


class NotPublishedError(DomainError):
    def __init__(self) -> None:
        super().__init__("排班表尚未发布，不能登记到岗情况", "Attendance needs a published roster")


class AttendanceStatusError(DomainError):
    def __init__(self, status: str) -> None:
        super().__init__(
            f"到岗状态只能是到岗或缺勤，而不是“{status}”", f"Unknown attendance '{status}'"
        )
