"""One duty walks publish → reassignment → removal; both people's calendars follow it.

A subscribed client keeps, per UID, the copy with the highest SEQUENCE and drops a cancelled
one; at each step both feeds are read with icalendar and with Mozilla's ical.js.
"""

from tests.integration.feeds_helpers import (
    draft_and_publish,
    duty_id,
    events,
    icaljs_events,
)
from tests.integration.helpers import ACTOR, december, seed_county


def seen(services, person: str) -> dict[str, tuple[int, str]]:
    body = services.feeds.person(person).render()
    by_icalendar = {uid: (int(e["SEQUENCE"]), str(e["STATUS"])) for uid, e in events(body).items()}
    by_icaljs = {uid: (e["sequence"], e["status"]) for uid, e in icaljs_events(body).items()}
    assert by_icalendar == by_icaljs
    for e in icaljs_events(body).values():
        assert (e["start_local"], e["end_local"]) == ("2026-12-07T08:30:00", "2026-12-07T17:30:00")
    return by_icalendar


class Client:
    """What a subscribed calendar shows: the newest copy of each UID, cancelled ones hidden."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[int, str]] = {}

    def refresh(self, feed: dict[str, tuple[int, str]]) -> dict[str, int]:
        for uid, (sequence, status) in feed.items():
            if uid not in self.known or sequence >= self.known[uid][0]:
                self.known[uid] = (sequence, status)
        return {uid: seq for uid, (seq, status) in self.known.items() if status == "CONFIRMED"}


def test_publish_reassign_remove(services):
    seed_county(services)
    rid = draft_and_publish(services, [(december(7), "S1", "day", 0, "L1")])
    duty = duty_id(services, 7, "L1")
    uid = f"{duty}@roster"
    zhang, li = Client(), Client()

    assert seen(services, "L1") == {uid: (1, "CONFIRMED")}
    assert seen(services, "L2") == {}
    assert zhang.refresh(seen(services, "L1")) == {uid: 1}

    services.rosters.reassign(rid, duty, "L2", ACTOR, "借调")
    assert seen(services, "L1") == {uid: (2, "CANCELLED")}
    assert seen(services, "L2") == {uid: (2, "CONFIRMED")}  # the moved duty keeps its UID
    assert zhang.refresh(seen(services, "L1")) == {}
    assert li.refresh(seen(services, "L2")) == {uid: 2}

    services.rosters.remove(rid, duty, ACTOR, "取消")
    assert seen(services, "L1") == {uid: (2, "CANCELLED")}
    assert seen(services, "L2") == {uid: (3, "CANCELLED")}
    assert zhang.refresh(seen(services, "L1")) == {}
    assert li.refresh(seen(services, "L2")) == {}
