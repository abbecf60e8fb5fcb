"""Two writers on one aggregate never overwrite each other, on either store."""

from uuid import UUID

import pytest
from eventsourcing.persistence import IntegrityError

from domain.person import person_id
from domain.summary import DraftSummary
from roster.bootstrap import build
from roster.errors import StaleWriteError
from roster.rosters.commands import duty_version
from roster.store.eventstore import ConflictError
from roster.store.unit_of_work import UnitOfWork
from tests.integration.helpers import ACTOR, december, seed_county


def test_the_second_writer_meets_a_conflict(store_url, services):
    seed_county(services)
    other = build(database_url=store_url)
    try:
        mine = services.store.repository.get(person_id("L1"))
        theirs = other.store.repository.get(person_id("L1"))
        mine.grant("reception", actor=ACTOR)
        theirs.revoke("duty_lawyer", actor="someone-else")
        services.store.save(mine)
        with pytest.raises(IntegrityError):
            other.store.save(theirs)
        history = [type(e).__name__ for e in services.store.events.get(person_id("L1"))]
        assert history == ["Registered", "QualificationGranted"]
    finally:
        other.close()


def test_the_application_retries_a_conflicting_command_on_fresh_state(services):
    seed_county(services)
    store = services.store
    calls = []

    def command(person):
        calls.append(person.version)
        if len(calls) == 1:  # someone else writes between our read and our save
            rival = store.repository.get(person_id("L1"))
            rival.grant("reception", actor="rival")
            store.save(rival)
        person.grant("adviser", actor=ACTOR)

    services.uow.change(person_id("L1"), command)
    assert calls == [1, 2]
    person = store.repository.get(person_id("L1"))
    assert person.qualifications == ["reception", "adviser"]


def test_endless_conflicts_become_a_clear_error(services):
    seed_county(services)
    store = services.store

    def always_conflicting(person):
        rival = store.repository.get(person_id("L1"))
        rival.grant(f"q{rival.version}", actor="rival")
        store.save(rival)
        person.grant("mine", actor=ACTOR)

    with pytest.raises(ConflictError) as caught:
        UnitOfWork(store, services.follower, retries=2).change(person_id("L1"), always_conflicting)
    assert "同时修改" in caught.value.message


def _two_duties(services):
    placements = [(december(1), "S1", "day", 0, "L1"), (december(2), "S1", "day", 0, "L2")]
    rid = services.rosters.draft(
        "duty-lawyers", "370827", "2026-12", placements, DraftSummary(), actor=ACTOR
    )
    roster = services.store.repository.get(UUID(rid))
    first, second = sorted(roster.assignments.values(), key=lambda a: a.day)
    return UUID(rid), first, second


@pytest.mark.parametrize("rival_takes", ["other duty", "same duty"])
def test_a_conflict_retries_only_while_the_edited_duty_is_unchanged(services, rival_takes):
    """Two saves of one roster meet the library's conflict; the retry reloads and checks the
    duty's expected version again: a change to another duty lets it proceed, a change to
    the same duty is refused. Nothing is ever overwritten."""
    seed_county(services)
    rid, first, second = _two_duties(services)
    store = services.store
    rival_duty = second if rival_takes == "other duty" else first
    calls = []

    def mine(roster):
        calls.append(roster.version)
        if len(calls) == 1:  # a rival saves the same roster between our load and our save
            rival = store.repository.get(rid)
            rival.reassign(rival_duty.id, "L3", actor="rival", reason="抢先")
            store.save(rival)
        roster.reassign(first.id, "L2", ACTOR, "mine")

    expected = first.version
    if rival_takes == "other duty":
        services.uow.change(rid, mine, expected_version=expected, version_of=duty_version(first.id))
        assert len(calls) == 2
        roster = store.repository.get(rid)
        assert (roster.assignments[first.id].person, roster.assignments[second.id].person) == (
            "L2",
            "L3",
        )
    else:
        with pytest.raises(StaleWriteError):
            services.uow.change(
                rid, mine, expected_version=expected, version_of=duty_version(first.id)
            )
        assert len(calls) == 1
        assert store.repository.get(rid).assignments[first.id].person == "L3"
