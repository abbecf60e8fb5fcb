"""Commands on rosters: draft, publish, and change one duty at a time."""

from collections.abc import Iterable
from datetime import date
from uuid import UUID

from domain.roster import Roster, assignment_id, roster_id
from domain.values import Assignment
from roster.eventstore import EventStore
from roster.readmodels.follower import Follower

# A duty to place: (day, place, shift, seat, person code).
Placement = tuple[date, str, str, int, str]


class Rosters:
    def __init__(self, store: EventStore, follower: Follower) -> None:
        self.store = store
        self.follower = follower

    def draft(
        self, kind: str, unit_code: str, month: str, placements: Iterable[Placement],
        summary: dict, actor: str, reason: str = "",
    ) -> str:  # fmt: skip
        """Record one solve (or hand-made draft) as one event; creates the roster if new."""
        rid = roster_id(kind, unit_code, month)
        placements = list(placements)

        def draft(roster: Roster) -> None:
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
            )

        if not self.store.exists(rid):
            roster = Roster(kind=kind, unit_code=unit_code, month=month, actor=actor)
            draft(roster)
            self.store.save(roster)
        else:
            self.store.change(rid, draft)
        self.follower.catch_up()
        return rid.hex

    def publish(self, kind: str, unit_code: str, month: str, actor: str, reason: str = "") -> int:
        version = self.store.change(
            roster_id(kind, unit_code, month),
            lambda r: (r.publish(actor=actor, reason=reason), r.published_version)[1],
        )
        self.follower.catch_up()
        return version

    def reassign(self, roster: str, duty: str, person: str, actor: str, reason: str) -> None:
        self._change(roster, lambda r: r.reassign(duty, person, actor=actor, reason=reason))

    def add(
        self, kind: str, unit_code: str, month: str, placement: Placement, actor: str, reason: str
    ) -> str:
        rid = roster_id(kind, unit_code, month)
        day, place, shift, seat, person = placement
        duty = Assignment(
            assignment_id(rid, day, place, shift, seat), day, place, shift, seat, person
        )
        self._change(rid.hex, lambda r: r.add(duty, actor=actor, reason=reason))
        return duty.id

    def remove(self, roster: str, duty: str, actor: str, reason: str) -> None:
        self._change(roster, lambda r: r.remove(duty, actor=actor, reason=reason))

    def record_attendance(
        self, roster: str, duty: str, status: str, actor: str, reason: str = ""
    ) -> None:
        self._change(
            roster, lambda r: r.record_attendance(duty, status, actor=actor, reason=reason)
        )

    def get(self, kind: str, unit_code: str, month: str) -> Roster | None:
        return self.store.get_or_none(roster_id(kind, unit_code, month))

    def _change(self, roster_hex: str, command) -> None:
        self.store.change(UUID(roster_hex), command)
        self.follower.catch_up()
