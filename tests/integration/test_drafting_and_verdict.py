"""Drafting jobs (solved in a worker process), and the checker's verdict on a hand-made reassignment."""

import time

import pytest

from roster.demo.city import generate_city
from roster.demo.seed import seed
from roster.errors import DomainError
from roster.planning.jobs import CANCELLED, DONE, FAILED
from roster.planning.verdict import NotEligibleError, ReasonMissingError

MONTH = "2026-12"
ACTOR = "m-test"


@pytest.fixture
def county(sqlite_services):
    """The small demo city: one county (370827) with five duty stations."""
    seed(sqlite_services, generate_city("small"))
    sqlite_services.follower.catch_up()
    return sqlite_services


def draft(services, month=MONTH):
    job = services.drafting.start("duty-lawyers", "370827", month, ACTOR)
    job.future.result(timeout=120)
    return job


def test_a_job_reports_progress_and_records_the_draft(county):
    snapshot = draft(county).snapshot()
    assert snapshot.state == DONE and snapshot.solutions >= 1
    assert snapshot.filled_seats == snapshot.seats > 0
    roster = county.rosters.get("duty-lawyers", "370827", MONTH)
    assert roster.draft_number == 1 and len(roster.assignments) == snapshot.seats


def test_one_job_per_roster_at_a_time(county):
    first = county.drafting.start("duty-lawyers", "370827", MONTH, ACTOR)
    again = county.drafting.start("duty-lawyers", "370827", MONTH, ACTOR)
    # Starting a worker process alone outlasts the two calls: the first is still running.
    assert again is first
    first.future.result(timeout=120)
    assert county.rosters.get("duty-lawyers", "370827", MONTH).draft_number == 1


def test_a_cancelled_job_records_nothing(county):
    job = county.drafting.start("duty-lawyers", "370827", MONTH, ACTOR)
    job.cancel.cancel()  # before or during the solve: either way no draft
    job.future.result(timeout=120)
    assert job.snapshot().state == CANCELLED
    assert county.rosters.get("duty-lawyers", "370827", MONTH) is None


def test_a_cancel_reaches_the_worker_process_and_stops_its_search(county):
    """A long limit that only a cancel can cut short: the job ends without a draft."""
    county.drafting.time_limit = 600
    job = county.drafting.start("duty-lawyers", "370827", MONTH, ACTOR)
    while job.running and job.snapshot().solutions == 0:
        time.sleep(0.05)  # the search has started in the worker and reported a solution
    job.cancel.cancel()
    job.future.result(timeout=60)
    assert job.snapshot().state == CANCELLED
    assert county.rosters.get("duty-lawyers", "370827", MONTH) is None


def test_an_undeclared_year_fails_with_the_reason(county):
    snapshot = draft(county, "2027-01").snapshot()
    assert snapshot.state == FAILED and "2027" in snapshot.message
    assert "2027" in snapshot.message_en


def test_the_verdict_lists_candidates_and_what_a_change_would_break(county):
    draft(county)
    roster = county.rosters.get("duty-lawyers", "370827", MONTH)
    duty = min(roster.assignments.values(), key=lambda a: a.day)
    verdict = county.reassignments.verdict("duty-lawyers", "370827", MONTH, duty.id)
    codes = {c.code for c in verdict.candidates}
    assert codes and duty.person not in codes
    busy = next(c for c in verdict.candidates if c.busy)  # on duty elsewhere that day
    free = verdict.candidates[0]  # the fairest first: free that day, fewest duties
    assert not free.busy and free.duties <= min(c.duties for c in verdict.candidates)
    refused = county.reassignments.verdict("duty-lawyers", "370827", MONTH, duty.id, busy.code)
    assert not refused.allowed
    assert any(busy.name in line and "上限 1 个" in line for line in refused.broken)
    with pytest.raises(NotEligibleError):
        county.reassignments.verdict("duty-lawyers", "370827", MONTH, duty.id, duty.person)


def test_saving_needs_a_reason_and_records_who_and_why(county):
    draft(county)
    roster = county.rosters.get("duty-lawyers", "370827", MONTH)
    duty = min(roster.assignments.values(), key=lambda a: a.day)
    verdict = county.reassignments.verdict("duty-lawyers", "370827", MONTH, duty.id)
    person = verdict.candidates[0].code
    with pytest.raises(ReasonMissingError):
        county.reassignments.reassign("duty-lawyers", "370827", MONTH, duty.id, person, ACTOR, "  ")
    saved = county.reassignments.reassign(
        "duty-lawyers", "370827", MONTH, duty.id, person, ACTOR, "开庭"
    )
    after = county.rosters.get("duty-lawyers", "370827", MONTH).assignments[duty.id].person
    assert after == (person if saved.allowed else duty.person)


def test_a_verdict_on_an_unknown_duty_is_refused(county):
    with pytest.raises(DomainError):
        county.reassignments.verdict("duty-lawyers", "370827", MONTH, "no-such-duty")
