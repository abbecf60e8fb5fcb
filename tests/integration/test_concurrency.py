"""Two writers on one aggregate never overwrite each other, on either store."""

import pytest
from eventsourcing.persistence import IntegrityError

from domain.person import person_id
from roster.bootstrap import build
from roster.eventstore import ConflictError
from tests.integration.helpers import ACTOR, seed_county


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

    store.change(person_id("L1"), command)
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
        store.change(person_id("L1"), always_conflicting, retries=2)
    assert "同时修改" in caught.value.message
