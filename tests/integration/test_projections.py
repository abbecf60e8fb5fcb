"""Read models survive a crash mid-way: resuming equals a clean rebuild, on both stores."""

import pytest

from roster.bench.replay import append_events
from roster.rosters import projection as duties_module
from tests.integration.helpers import snapshot


class Crash(BaseException):  # a process that dies, not a fault a read model survives
    pass


def test_resuming_after_a_crash_equals_a_clean_rebuild(services, monkeypatch):
    append_events(services, 3000, lambda n: None)
    services.follower.rebuild()
    clean = snapshot(services)

    services.follower.drop_tables()
    services.follower.create_tables()
    services.follower.batch_size = 500
    handler = duties_module.duties.handlers[duties_module.Roster.DutyReassigned]
    seen = {"n": 0}

    def crashing(cur, event, nid):
        seen["n"] += 1
        if seen["n"] == 120:
            raise Crash()
        handler(cur, event, nid)

    monkeypatch.setitem(
        duties_module.duties.handlers, duties_module.Roster.DutyReassigned, crashing
    )
    follower = type(services.follower)(
        services.store, services.db, services.follower.projections, 500
    )
    with pytest.raises(Crash):
        follower.catch_up()
    stopped_at = follower.positions()
    assert 0 < min(stopped_at.values()) < services.store.recorder.max_notification_id()

    monkeypatch.setitem(duties_module.duties.handlers, duties_module.Roster.DutyReassigned, handler)
    resumed = type(services.follower)(
        services.store, services.db, services.follower.projections, 500
    )
    resumed.catch_up()
    assert snapshot(services) == clean


def test_catch_up_is_idempotent(services):
    append_events(services, 1500, lambda n: None)
    services.follower.catch_up()
    once = snapshot(services)
    assert services.follower.catch_up() == 0
    assert snapshot(services) == once


def test_rebuild_from_the_log_restores_dropped_read_models(services):
    append_events(services, 1500, lambda n: None)
    services.follower.catch_up()
    before = snapshot(services)
    applied = services.follower.rebuild()
    assert applied == services.store.recorder.max_notification_id()
    assert snapshot(services) == before


def test_a_read_model_whose_schema_changed_is_rebuilt_from_the_log(store_url, services):
    from dataclasses import replace

    from roster.bootstrap import PROJECTIONS
    from roster.store.follower import Follower

    append_events(services, 1200, lambda n: None)
    services.follower.catch_up()
    before = snapshot(services)
    changed = [replace(p, version=p.version + 1) if p.name == "duties" else p for p in PROJECTIONS]
    follower = Follower(services.store, services.db, changed)
    follower.create_tables()
    assert follower.positions()["duties"] == 0 < follower.positions()["registry"]
    follower.catch_up()
    assert snapshot(services) == before


def test_read_models_without_a_tracking_row_are_rebuilt(services):
    """A database made by an older version (or a half-made one) is replayed, not trusted."""
    append_events(services, 800, lambda n: None)
    services.follower.catch_up()
    before = snapshot(services)
    with services.db.transaction() as cur:
        cur.execute("DELETE FROM read_model_tracking")
        cur.execute("DELETE FROM people")  # what an old, different table would hold
    services.follower.create_tables()
    services.follower.catch_up()
    assert snapshot(services) == before
