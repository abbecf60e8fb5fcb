"""Every edit command takes the version its form was rendered from: against a record that has
changed since, it is refused with StaleWriteError and records nothing, on both stores."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from eventsourcing.domain import AggregateCreated

from domain.firm import LawFirm, firm_id
from domain.person import Person, person_id
from domain.roster import Roster, roster_id
from domain.station import Station
from domain.summary import DraftSummary
from domain.unit import Unit, unit_id
from roster.demo.city import generate_city
from roster.demo.seed import seed
from roster.errors import StaleWriteError
from roster.registry.projection import registry
from roster.rosters.projection import duties
from roster.store.versions import event_classes
from tests.integration.helpers import ACTOR, december, seed_county, table

MONTH = "2026-12"
# The record's version as its edit form renders it.
VERSION = "SELECT version FROM {table} WHERE code = ?"


def version(services, table_name: str, code: str) -> int:
    with services.db.reading() as cur:
        return cur.execute(VERSION.format(table=table_name), (code,)).fetchone()[0]


def log_head(services) -> int:
    return services.store.recorder.max_notification_id()


def seeded(services):
    seed_county(services)
    services.registry.register_unit("370831", "county", "泗水县", "370800", actor=ACTOR)
    services.registry.register_unit("370832", "county", "梁山县", "370800", actor=ACTOR)
    services.registry.pair_firm("F1", "370831", actor=ACTOR, reason="支援")
    return services.registry


# Each: the table and code of the record, then an edit made with a given expected version.
EDITS = {
    "person": ("people", "L1", lambda r, v, n: r.edit_person(
        "L1", f"张三{n}", "13900000000", "", False, None, ACTOR, "改", v)),
    "qualification": ("people", "L1", lambda r, v, n: r.edit_person(
        "L1", "张三", "13800000000", "", False, n % 2 == 1, ACTOR, "资格", v)),
    "unit": ("units", "370827001201", lambda r, v, n: r.edit_unit(
        "370827001201", f"王庙村{n}", "", ((3, 8), ""), ACTOR, "改名", v)),
    "market days": ("units", "370827001201", lambda r, v, n: r.edit_unit(
        "370827001201", "王庙村", "", ((n % 5 + 1, n % 5 + 6), ""), ACTOR, "集市", v)),
    "station": ("stations", "S1", lambda r, v, n: r.edit_station(
        "S1", f"看守所{n}", "谷亭街道", "", [("workday", "day", 1 + n % 2)], ACTOR, "改", v)),
    "pair firm": ("firms", "F1", lambda r, v, n: r.pair_firm(
        "F1", "370832" if n % 2 else "370831", ACTOR, "结对", v)),
}  # fmt: skip


@pytest.mark.parametrize("edit", EDITS)
def test_a_registry_edit_from_a_stale_form_is_refused_and_records_nothing(services, edit):
    registry = seeded(services)
    table_name, code, change = EDITS[edit]
    rendered = version(services, table_name, code)
    if edit == "pair firm":  # the rival's change: end the pairing the form still shows
        registry.end_firm_pairing("F1", "370831", ACTOR, "结束", rendered)
    else:
        change(registry, rendered, 1)  # someone else saves first, from the same version
    assert version(services, table_name, code) > rendered
    head, rows = log_head(services), table(services, f"SELECT * FROM {table_name}")
    with pytest.raises(StaleWriteError) as refused:
        change(registry, rendered, 2)
    assert refused.value.message == "此记录已被他人修改，请刷新后重试"
    assert "changed by someone else" in refused.value.text("en")
    assert log_head(services) == head
    assert table(services, f"SELECT * FROM {table_name}") == rows


def test_the_current_version_is_accepted_and_rises(services):
    registry = seeded(services)
    for name, (table_name, code, change) in EDITS.items():
        before = version(services, table_name, code)
        change(registry, before, 3)
        assert version(services, table_name, code) > before, name


def test_ending_a_pairing_from_a_stale_page_is_refused(services):
    registry = seeded(services)
    rendered = version(services, "firms", "F1")
    registry.end_firm_pairing("F1", "370831", ACTOR, "结束", rendered)
    head = log_head(services)
    with pytest.raises(StaleWriteError):  # the second click, from the same page
        registry.end_firm_pairing("F1", "370831", ACTOR, "结束", rendered)
    assert log_head(services) == head


def test_read_model_versions_follow_every_event(services):
    registry = seeded(services)
    registry.declare_unavailable("L1", *_span(), reason="开庭", actor=ACTOR)
    registry.contract_adviser("370827001202", "A1", actor=ACTOR)
    for aggregate_table, code, aggregate_id in (
        ("people", "L1", "person"), ("units", "370827001202", "unit"), ("firms", "F1", "firm"),
    ):  # fmt: skip
        stored = _aggregate(services, aggregate_id, code)
        assert version(services, aggregate_table, code) == stored.version


def roster_with_two_duties(services):
    seed_county(services)
    placements = [(december(1), "S1", "day", 0, "L1"), (december(2), "S1", "day", 0, "L2")]
    rid = services.rosters.draft(
        "duty-lawyers", "370827", MONTH, placements, DraftSummary(), actor=ACTOR
    )
    roster = services.rosters.get("duty-lawyers", "370827", MONTH)
    first, second = sorted(roster.assignments.values(), key=lambda a: a.day)
    return rid, first, second


def duty_version(services, duty_id: str) -> int:
    rows = table(services, f"SELECT version FROM roster_duties WHERE assignment_id = '{duty_id}'")
    return rows[0][0]


def test_a_duty_reassigned_from_a_stale_form_is_refused(services):
    rid, first, second = roster_with_two_duties(services)
    rendered = duty_version(services, first.id)
    services.rosters.reassign(rid, first.id, "L3", ACTOR, "先到", rendered)
    head = log_head(services)
    with pytest.raises(StaleWriteError):
        services.rosters.reassign(rid, first.id, "L2", ACTOR, "后到", rendered)
    assert log_head(services) == head
    roster = services.rosters.get("duty-lawyers", "370827", MONTH)
    assert roster.assignments[first.id].person == "L3"
    # Another duty of the same roster is its own record: its form is not stale.
    services.rosters.reassign(
        rid, second.id, "L3", ACTOR, "另一班", duty_version(services, second.id)
    )


def test_publishing_a_roster_changed_since_it_was_shown_is_refused(services):
    rid, first, _ = roster_with_two_duties(services)
    shown = table(services, f"SELECT version FROM rosters WHERE id = '{rid}'")[0][0]
    services.rosters.reassign(rid, first.id, "L3", ACTOR, "改", duty_version(services, first.id))
    head = log_head(services)
    with pytest.raises(StaleWriteError):
        services.rosters.publish("duty-lawyers", "370827", MONTH, ACTOR, "", shown)
    assert log_head(services) == head
    current = table(services, f"SELECT version FROM rosters WHERE id = '{rid}'")[0][0]
    assert current == services.rosters.get("duty-lawyers", "370827", MONTH).version
    assert services.rosters.publish("duty-lawyers", "370827", MONTH, ACTOR, "", current) == 1


def test_the_checked_reassignment_refuses_a_stale_duty(services):
    seed(services, generate_city("small"))
    services.follower.catch_up()
    job = services.drafting.start("duty-lawyers", "370827", MONTH, ACTOR)
    job.future.result(timeout=120)
    roster = services.rosters.get("duty-lawyers", "370827", MONTH)
    duty = sorted(roster.assignments.values(), key=lambda a: (a.day, a.place, a.seat))[0]
    verdict = services.reassignments.verdict("duty-lawyers", "370827", MONTH, duty.id)
    fine = [
        c.code
        for c in verdict.candidates
        if services.reassignments.verdict("duty-lawyers", "370827", MONTH, duty.id, c.code).allowed
    ][:2]
    assert len(fine) == 2
    rendered = duty_version(services, duty.id)
    reassign = services.reassignments.reassign
    assert reassign(
        "duty-lawyers", "370827", MONTH, duty.id, fine[0], ACTOR, "先", rendered
    ).allowed
    head = log_head(services)
    with pytest.raises(StaleWriteError):
        reassign("duty-lawyers", "370827", MONTH, duty.id, fine[1], ACTOR, "后", rendered)
    assert log_head(services) == head
    after = services.rosters.get("duty-lawyers", "370827", MONTH)
    assert after.assignments[duty.id].person == fine[0]
    assert after.id == roster_id("duty-lawyers", "370827", MONTH)


def _span() -> tuple[datetime, datetime]:
    start = datetime(2026, 12, 3, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
    return start, start.replace(hour=17)


def _aggregate(services, kind: str, code: str):
    ids = {"person": person_id, "unit": unit_id, "firm": firm_id}
    return services.store.repository.get(ids[kind](code))


def test_every_event_of_an_edited_aggregate_moves_its_rows_version():
    """Projected or not, each change event has a handler that sets the row's version (the
    creating event's row is inserted with it), so a form never carries a version its
    aggregate has already left behind."""
    for projection, aggregates in (
        (registry, (Unit, Person, Station, LawFirm)),
        (duties, (Roster,)),
    ):
        for aggregate in aggregates:
            changes = {c for c in event_classes(aggregate) if not issubclass(c, AggregateCreated)}
            assert changes <= set(projection.handlers), aggregate.__name__
