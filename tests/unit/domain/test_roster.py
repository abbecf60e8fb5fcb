from datetime import date

import pytest

from domain.roster import (
    DuplicateAssignmentError,
    MonthError,
    NothingToPublishError,
    NotPublishedError,
    OutsideMonthError,
    Roster,
    RosterKindError,
    SamePersonError,
    UnknownAssignmentError,
    assignment_id,
    month_bounds,
    roster_id,
)
from domain.summary import DraftSummary
from domain.values import Assignment


def duty(roster: Roster, day: int, person: str, place: str = "S1", seat: int = 0) -> Assignment:
    d = date(2026, 12, day)
    return Assignment(assignment_id(roster.id, d, place, "am", seat), d, place, "am", seat, person)


def new_roster() -> Roster:
    return Roster(kind="duty-lawyers", unit_code="370827", month="2026-12", actor="m1")


def test_roster_identity_is_derived_from_kind_unit_and_month():
    assert new_roster().id == roster_id("duty-lawyers", "370827", "2026-12")


def test_assignment_ids_are_stable_for_the_same_seat():
    r = new_roster()
    assert duty(r, 3, "P1").id == duty(r, 3, "P2").id
    assert duty(r, 3, "P1").id != duty(r, 3, "P1", seat=1).id


def test_draft_records_every_assignment_at_version_one():
    r = new_roster()
    r.draft([duty(r, 1, "P1"), duty(r, 2, "P2")], DraftSummary(coverage=1.0), actor="m1")
    assert r.state == "draft"
    assert {a.version for a in r.assignments.values()} == {1}
    assert r.collect_events()[-1].actor == "m1"


def test_redraft_keeps_versions_of_unchanged_duties_and_raises_changed_ones():
    r = new_roster()
    r.draft([duty(r, 1, "P1"), duty(r, 2, "P2")], DraftSummary(), actor="m1")
    r.draft([duty(r, 1, "P1"), duty(r, 2, "P3")], DraftSummary(), actor="m1")
    versions = {a.person: a.version for a in r.assignments.values()}
    assert versions == {"P1": 1, "P3": 2}


def test_publish_then_reassign_raises_version_and_keeps_identity():
    r = new_roster()
    d = duty(r, 1, "P1")
    r.draft([d], DraftSummary(), actor="m1")
    r.publish(actor="m1")
    r.reassign(d.id, "P2", actor="m1", reason="病假")
    changed = r.assignments[d.id]
    assert (changed.person, changed.version) == ("P2", 2)
    event = r.collect_events()[-1]
    assert (event.previous, event.reason, event.day) == ("P1", "病假", d.day)


def test_removed_duty_is_reported_as_cancelled_with_a_higher_version_on_next_publish():
    r = new_roster()
    a, b = duty(r, 1, "P1"), duty(r, 2, "P2")
    r.draft([a, b], DraftSummary(), actor="m1")
    r.publish(actor="m1")
    r.draft([a], DraftSummary(), actor="m1")
    r.publish(actor="m1")
    published = r.collect_events()[-1]
    assert published.version == 2
    assert published.cancelled == {b.id: 2}


def test_readding_a_cancelled_duty_gets_a_fresh_higher_version():
    r = new_roster()
    a = duty(r, 1, "P1")
    r.draft([a], DraftSummary(), actor="m1")
    r.publish(actor="m1")
    r.remove(a.id, actor="m1", reason="取消")
    r.add(a, actor="m1", reason="恢复")
    assert r.assignments[a.id].version == 3


def test_refusals():
    r = new_roster()
    with pytest.raises(NothingToPublishError):
        r.publish(actor="m1")
    a = duty(r, 1, "P1")
    with pytest.raises(DuplicateAssignmentError):
        r.draft([a, a], DraftSummary(), actor="m1")
    with pytest.raises(OutsideMonthError):
        r.draft(
            [Assignment("x", date(2027, 1, 1), "S1", "am", 0, "P1")], DraftSummary(), actor="m1"
        )
    r.draft([a], DraftSummary(), actor="m1")
    with pytest.raises(SamePersonError):
        r.reassign(a.id, "P1", actor="m1", reason="")
    with pytest.raises(UnknownAssignmentError):
        r.remove("nope", actor="m1", reason="")
    with pytest.raises(NotPublishedError):
        r.record_attendance(a.id, "served", actor="m1")
    with pytest.raises(RosterKindError):
        Roster(kind="night-watch", unit_code="370827", month="2026-12")
    with pytest.raises(MonthError):
        Roster(kind="reception", unit_code="370827", month="2026-13")


def test_errors_speak_chinese_first_with_english_available():
    with pytest.raises(MonthError) as caught:
        month_bounds("12/2026")
    assert "月份格式" in caught.value.message
    assert caught.value.text("en").startswith("Month must be")


def test_month_bounds():
    assert month_bounds("2026-12") == (date(2026, 12, 1), date(2026, 12, 31))
    assert month_bounds("2028-02") == (date(2028, 2, 1), date(2028, 2, 29))


@pytest.mark.parametrize(
    "month", ["0000-01", "9999-12", "1999-12", "2101-01", "٢٠٢٦-12", "2026-12\n"]
)
def test_months_outside_the_planned_years_or_not_ascii_are_refused(month):
    with pytest.raises(MonthError):
        month_bounds(month)
