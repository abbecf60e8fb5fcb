"""A solved draft names its exact input (the problem's fingerprint and the log position its
facts were read at) and explains its unfilled seats in both languages, on both stores."""

import threading

import solver
from domain.roster import Roster, roster_id
from domain.summary import DraftSummary
from tests.integration.helpers import seed_county

MONTH = "2026-12"
PARAMS = solver.SolveParams(time_limit_seconds=60, stall_seconds=0.5)


def last_draft(services, kind: str, unit: str) -> Roster.Drafted:
    events = services.store.repository.event_store.get(roster_id(kind, unit, MONTH))
    return [e for e in events if isinstance(e, Roster.Drafted)][-1]


def seed(services) -> None:
    """The test county with two duty-qualified lawyers: too few for a station open daily."""
    seed_county(services)
    for code, name in (("L5", "周九"), ("L6", "吴十")):
        services.registry.register_person(
            code, name, "lawyer", "370827", actor="m-test", firm_code="F1",
            qualifications=("duty_lawyer",),
        )  # fmt: skip


def facts_position(services) -> int:
    positions = services.follower.positions()
    return min(positions["registry"], positions["duties"])


def test_a_solved_draft_names_the_problem_and_the_position_of_its_facts(services):
    seed(services)
    position = facts_position(services)
    assert position == services.store.recorder.max_notification_id() > 0
    problem = services.planner.problem("duty-lawyers", "370827", MONTH)
    services.planner.plan("duty-lawyers", "370827", MONTH, PARAMS, actor="m-test")
    drafted = last_draft(services, "duty-lawyers", "370827")
    assert drafted.fingerprint == solver.fingerprint(problem)
    assert drafted.facts_position == position

    # Two lawyers at four duties a month cannot fill a station open every day.
    summary = drafted.summary
    assert summary.solver == "cp-sat" and summary.seats > summary.filled > 0
    assert summary.shortfalls and all(s.kind == "shortfall" for s in summary.shortfalls)
    for gap in summary.shortfalls:
        assert "需要" in gap.text("zh") and "needs" in gap.text("en")

    # Later facts give a later position and, changed, another input.
    services.registry.register_person(
        "L9", "孙八", "lawyer", "370827", actor="m-test", firm_code="F1",
        qualifications=("duty_lawyer",),
    )  # fmt: skip
    services.planner.plan("duty-lawyers", "370827", MONTH, PARAMS, actor="m-test")
    again = last_draft(services, "duty-lawyers", "370827")
    assert again.facts_position > position and again.fingerprint != drafted.fingerprint


def test_a_draft_from_the_web_names_its_input_too(services):
    seed(services)
    position = facts_position(services)
    problem = services.planner.problem("duty-lawyers", "370827", MONTH)
    job = services.drafting.start("duty-lawyers", "370827", MONTH, "m-test")
    job.future.result(timeout=120)
    drafted = last_draft(services, "duty-lawyers", "370827")
    assert (drafted.fingerprint, drafted.facts_position) == (solver.fingerprint(problem), position)


def test_a_hand_made_draft_names_no_input(services):
    seed(services)
    services.rosters.draft("duty-lawyers", "370827", MONTH, [], DraftSummary(), actor="m-test")
    drafted = last_draft(services, "duty-lawyers", "370827")
    assert (drafted.fingerprint, drafted.facts_position, drafted.summary.is_empty) == ("", 0, True)


def test_facts_and_their_position_are_read_in_one_snapshot(services):
    seed(services)
    db, sql = services.db, "SELECT position FROM read_model_tracking WHERE name = 'registry'"

    def move_on() -> None:  # a follower on another connection, committing meanwhile
        with db.transaction() as cur:
            cur.execute(
                "UPDATE read_model_tracking SET position = position + 1 WHERE name = 'registry'"
            )

    with db.reading(snapshot=True) as cur:
        before = cur.execute(sql).fetchone()[0]
        writer = threading.Thread(target=move_on)
        writer.start()
        writer.join()
        assert cur.execute(sql).fetchone()[0] == before
    assert services.follower.positions()["registry"] == before + 1
