"""Commands on rosters: draft, publish, and change one duty at a time."""

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from domain.roster import Roster, assignment_id, roster_id
from domain.summary import DraftSummary
from domain.values import Assignment
from roster.store.eventstore import EventStore, aggregate_version
from roster.store.unit_of_work import UnitOfWork, Work

# A duty to place: (day, place, shift, seat, person code).
Placement = tuple[date, str, str, int, str]
T = TypeVar("T")


def duty_version(duty: str) -> Callable[[Roster], int]:
    """One duty's own version: editing two duties of one roster is no conflict."""
    return lambda roster: roster.versions.get(duty, 0)


class Rosters:
    def __init__(self, store: EventStore, uow: UnitOfWork) -> None:
        self.store = store
        self.uow = uow

    def draft(
        self, kind: str, unit_code: str, month: str, placements: Iterable[Placement],
        summary: DraftSummary, actor: str, reason: str = "", fingerprint: str = "",
        facts_position: int = 0,
    ) -> str:  # fmt: skip
        """Record one solve (or hand-made draft) as one event; creates the roster if new.
        A solve names its input: the problem's fingerprint and its facts' log position."""
        rid = roster_id(kind, unit_code, month)
        placements = list(placements)

        def draft(work: Work) -> None:
            roster = work.find(rid) or work.add(
                Roster(kind=kind, unit_code=unit_code, month=month, actor=actor)
            )
            roster.draft(
                [
                    Assignment(
                        assignment_id(rid, day, place, shift, seat), day, place, shift, seat, person
                    )
                    for day, place, shift, seat, person in placements
                ],
                summary,
                actor=actor,
                reason=reason,
                fingerprint=fingerprint,
                facts_position=facts_position,
            )

        self.uow(draft)
        return rid.hex

    def publish(
        self, kind: str, unit_code: str, month: str, actor: str, reason: str = "",
        expected_version: int | None = None,
    ) -> int:  # fmt: skip
        """`expected_version`: the roster's version as shown, so what is published was seen."""
        return self.change(
            roster_id(kind, unit_code, month).hex,
            lambda r: (r.publish(actor=actor, reason=reason), r.published_version)[1],
            expected_version,
        )

    def publish_drafts(
        self, rosters: Iterable[tuple[str, str, str]], actor: str, reason: str = ""
    ) -> list[tuple[str, str, int]]:
        """Publish every (kind, unit, month) that has a draft, all in one save: a city's
        month goes out whole or not at all. Returns (kind, unit, published version)."""

        def publish(work: Work) -> list[tuple[str, str, int]]:
            done = []
            for kind, unit_code, month in rosters:
                roster = work.find(roster_id(kind, unit_code, month))
                if roster is not None and roster.state == "draft":
                    roster.publish(actor=actor, reason=reason)
                    done.append((kind, unit_code, roster.published_version))
            return done

        return self.uow(publish)

    def reassign(
        self, roster: str, duty: str, person: str, actor: str, reason: str,
        expected_version: int | None = None,
    ) -> None:  # fmt: skip
        self.change(
            roster,
            lambda r: r.reassign(duty, person, actor=actor, reason=reason),
            expected_version,
            duty_version(duty),
        )

    def add(
        self, kind: str, unit_code: str, month: str, placement: Placement, actor: str, reason: str
    ) -> str:
        rid = roster_id(kind, unit_code, month)
        day, place, shift, seat, person = placement
        duty = Assignment(
            assignment_id(rid, day, place, shift, seat), day, place, shift, seat, person
        )
        self.change(rid.hex, lambda r: r.add(duty, actor=actor, reason=reason))
        return duty.id

    def remove(self, roster: str, duty: str, actor: str, reason: str) -> None:
        self.change(roster, lambda r: r.remove(duty, actor=actor, reason=reason))

    def record_attendance(
        self, roster: str, duty: str, status: str, actor: str, reason: str = ""
    ) -> None:
        self.change(roster, lambda r: r.record_attendance(duty, status, actor=actor, reason=reason))

    def get(self, kind: str, unit_code: str, month: str) -> Roster | None:
        return self.store.get_or_none(roster_id(kind, unit_code, month))

    def change(
        self, roster_hex: str, command: Callable[[Roster], T], expected_version: int | None = None,
        version_of: Callable[[Any], int] = aggregate_version,
    ) -> T:  # fmt: skip
        """One unit of work on a roster: every event `command` makes is saved together."""
        return self.uow.change(UUID(roster_hex), command, expected_version, version_of)
