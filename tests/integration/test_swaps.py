"""Members' swaps through the application, on both stores: a request is accepted and approved
in one atomic save of the request and the roster, judged on the roster as it is then; auto
approval, withdrawal, expiry, races, and who the duty counts for afterwards."""

import threading
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest

import solver
from domain.person import person_id
from domain.summary import DraftSummary
from domain.swap import NotYetDueError, SwapTransitionError
from domain.vocabulary import TIME_ZONE
from roster.bootstrap import build
from roster.errors import DomainError, StaleWriteError
from roster.planning.facts import read_facts
from roster.store.eventstore import ConflictError
from roster.swaps.candidates import swap_candidates
from roster.swaps.commands import (
    DutyChangedError,
    NotTheirDutyError,
    SwapBreaksRulesError,
    TooLateToAskError,
)
from tests.integration.helpers import ACTOR, seed_county, table

KIND, COUNTY, MONTH = "duty-lawyers", "370827", "2025-10"
NOW = datetime(2025, 10, 1, 10, tzinfo=TIME_ZONE)
MON, TUE = date(2025, 10, 13), date(2025, 10, 14)


def seeded(services) -> str:
    """Four duty lawyers; on Monday L1 at S1 and L3 at S2, on Tuesday L2 at S1; published."""
    seed_county(services)
    for code in ("L1", "L2", "L3"):
        services.uow.change(person_id(code), lambda p: p.grant("duty_lawyer", actor=ACTOR))
    services.registry.register_person(
        "L4", "赵四", "lawyer", COUNTY, actor=ACTOR, firm_code="F1", qualifications=("duty_lawyer",)
    )
    services.registry.register_station(
        "S2", "鱼台县法院", "court", COUNTY, "谷亭街道", "0537-6222222",
        [("workday", "day", 1)], actor=ACTOR,
    )  # fmt: skip
    placements = [(MON, "S1", "day", 0, "L1"), (TUE, "S1", "day", 0, "L2"),
                  (MON, "S2", "day", 0, "L3")]  # fmt: skip
    rid = services.rosters.draft(KIND, COUNTY, MONTH, placements, DraftSummary(), actor=ACTOR)
    services.rosters.publish(KIND, COUNTY, MONTH, ACTOR)
    services.swaps.clock = lambda: NOW
    return rid


def roster(services):
    return services.rosters.get(KIND, COUNTY, MONTH)


def duty(services, day: date, place: str) -> str:
    return next(
        a.id for a in roster(services).assignments.values() if (a.day, a.place) == (day, place)
    )


def holder(services, duty_id: str) -> str:
    return roster(services).assignments[duty_id].person


def head(services) -> int:
    return services.store.recorder.max_notification_id()


def swap_row(services, request: str) -> tuple:
    return table(
        services,
        "SELECT state, colleague, decided_by, decision_reason, automatic, version "
        f"FROM swap_requests WHERE id = '{request}'",
    )[0]


def version(services, request: str) -> int:
    return services.store.get_or_none(UUID(request)).version


@pytest.fixture
def rid(services):
    return seeded(services)


def test_request_accept_approve_saves_the_request_and_the_roster_in_one_save(services, rid):
    mine = duty(services, MON, "S1")
    request = services.swaps.request(rid, mine, "L1", "u-l1", "cover", "L2", reason="开庭")
    assert services.swap_views.offered_to("L2")[0].id == request
    assert services.swaps.accept(request, "L2", "u-l2") is False  # the unit approves by hand
    assert [s.id for s in services.swap_views.open_for_unit(COUNTY)] == [request]
    saves = []
    save = services.store.save
    services.store.save = lambda *aggregates: saves.append(aggregates) or save(*aggregates)
    services.swaps.approve(request, "m-test", "同意")
    assert [sorted(type(a).__name__ for a in s) for s in saves] == [["Roster", "SwapRequest"]]
    assert holder(services, mine) == "L2"
    assert swap_row(services, request) == ("approved", "L2", "m-test", "同意", 0, 3)
    published = table(
        services,
        f"SELECT person_code, status FROM published_duties WHERE assignment_id = '{mine}'",
    )
    assert published == [("L1", "CANCELLED"), ("L2", "CONFIRMED")]
    assert services.swap_views.open_for_unit(COUNTY) == []
    assert [s.state for s in services.swap_views.mine("L1")] == ["approved"]


def test_an_exchange_moves_both_duties_together(services, rid):
    mine, theirs = duty(services, MON, "S1"), duty(services, TUE, "S1")
    request = services.swaps.request(rid, mine, "L1", "u-l1", "exchange", "L2", theirs)
    services.swaps.accept(request, "L2", "u-l2")
    services.swaps.approve(request, "m-test")
    assert (holder(services, mine), holder(services, theirs)) == ("L2", "L1")


def test_approval_is_judged_on_the_roster_as_it_is_now(services, rid):
    mine = duty(services, MON, "S1")
    request = services.swaps.request(rid, mine, "L1", "u-l1", "cover", "L2")
    services.swaps.accept(request, "L2", "u-l2")
    # Meanwhile the manager puts L2 on Monday's other duty: the cover would double-book L2.
    services.rosters.reassign(rid, duty(services, MON, "S2"), "L2", ACTOR, "法院需要")
    before = head(services)
    with pytest.raises(SwapBreaksRulesError) as refused:
        services.swaps.approve(request, "m-test")
    assert any("上限 1 个" in rule for rule in refused.value.broken)
    assert "违反规则" in refused.value.message and "break" in refused.value.message_en
    assert head(services) == before and holder(services, mine) == "L1"
    assert swap_row(services, request)[0] == "accepted"


def test_approval_is_refused_once_the_duty_itself_has_changed(services, rid):
    mine = duty(services, MON, "S1")
    request = services.swaps.request(rid, mine, "L1", "u-l1", "cover", "L2")
    services.swaps.accept(request, "L2", "u-l2")
    services.rosters.reassign(rid, mine, "L4", ACTOR, "病假")
    with pytest.raises(DutyChangedError) as refused:
        services.swaps.approve(request, "m-test")
    assert isinstance(refused.value, StaleWriteError) and "已被调整" in refused.value.message
    assert holder(services, mine) == "L4"


def test_a_request_is_refused_when_it_cannot_stand(services, rid):
    mine = duty(services, MON, "S1")
    with pytest.raises(SwapBreaksRulesError):  # L3 is on duty at S2 that Monday
        services.swaps.request(rid, mine, "L1", "u-l1", "cover", "L3")
    with pytest.raises(NotTheirDutyError):
        services.swaps.request(rid, mine, "L2", "u-l2", "cover", "L4")
    services.swaps.clock = lambda: datetime(2025, 10, 12, 9, tzinfo=TIME_ZONE)  # < 24 h before
    with pytest.raises(TooLateToAskError) as late:
        services.swaps.request(rid, mine, "L1", "u-l1", "cover", "L4")
    assert "24" in late.value.message
    assert table(services, "SELECT id FROM swap_requests") == []


def test_the_unit_may_approve_by_itself_when_nothing_is_broken(services, rid):
    services.swaps.set_rules(COUNTY, True, 24, "m-test", "人手充足")
    mine = duty(services, MON, "S1")
    request = services.swaps.request(rid, mine, "L1", "u-l1", "cover", "L2")
    assert services.swaps.accept(request, "L2", "u-l2") is True
    assert holder(services, mine) == "L2"
    state, _, by, _, automatic, _ = swap_row(services, request)
    assert (state, by, automatic) == ("approved", "system", 1)


def test_auto_approval_leaves_a_rule_breaking_swap_to_the_manager(services, rid):
    services.swaps.set_rules(COUNTY, True, 24, "m-test")
    mine = duty(services, MON, "S1")
    request = services.swaps.request(rid, mine, "L1", "u-l1", "cover", "L2")
    services.rosters.reassign(rid, duty(services, MON, "S2"), "L2", ACTOR, "法院需要")
    assert services.swaps.accept(request, "L2", "u-l2") is False
    assert swap_row(services, request)[0] == "accepted" and holder(services, mine) == "L1"


def test_withdrawn_before_approval_and_then_closed(services, rid):
    request = services.swaps.request(rid, duty(services, MON, "S1"), "L1", "u-l1", "cover", "L2")
    services.swaps.withdraw(request, "L1", "u-l1", "不用了")
    assert swap_row(services, request)[0] == "withdrawn"
    with pytest.raises(SwapTransitionError):
        services.swaps.accept(request, "L2", "u-l2")


def test_an_open_request_expires_at_the_units_lead_time(services, rid):
    services.swaps.set_rules(COUNTY, False, 48, "m-test")
    request = services.swaps.request(rid, duty(services, MON, "S1"), "L1", "u-l1", "cover", "L2")
    lapses = datetime(2025, 10, 11, 8, 30, tzinfo=TIME_ZONE)  # 48 h before 08:30 Monday
    assert services.swap_views.get(request).expires_at.startswith("2025-10-11T08:30")
    services.swaps.clock = lambda: lapses - timedelta(minutes=1)
    assert services.swap_views.due(lapses - timedelta(minutes=1)) == []
    with pytest.raises(NotYetDueError):
        services.swaps.expire(request)
    services.swaps.clock = lambda: lapses
    assert [s.id for s in services.swap_views.due(lapses.astimezone(UTC))] == [request]
    services.swaps.expire(request)
    assert swap_row(services, request)[0] == "expired"
    assert services.swap_views.due(lapses) == []


def test_a_pool_post_is_taken_by_an_offer_the_requester_accepts(services, rid):
    mine = duty(services, MON, "S1")
    request = services.swaps.request(rid, mine, "L1", "u-l1", "pool")
    with pytest.raises(SwapBreaksRulesError):
        services.swaps.offer(request, "L3", "u-l3")
    services.swaps.offer(request, "L4", "u-l4", "我来")
    services.swaps.accept(request, "L1", "u-l1")
    services.swaps.approve(request, "m-test")
    assert holder(services, mine) == "L4"


def test_candidates_break_no_rule_and_come_owed_first_then_near_then_willing(services, rid):
    services.registry.register_firm("F2", "济宁律师事务所", "370800", [COUNTY], actor=ACTOR)
    services.registry.register_person(
        "C1", "钱七", "lawyer", "370800", actor=ACTOR, firm_code="F2",
        qualifications=("duty_lawyer",),
    )  # fmt: skip
    mine = duty(services, MON, "S1")
    candidates = services.swaps.candidates(rid, mine)
    # L3 is on duty that Monday; L4 and C1 have no duty yet, C1 travels from the city.
    assert [(c.code, c.load, c.travel) for c in candidates] == [
        ("L4", 0, False), ("C1", 0, True), ("L2", 1, False)
    ]  # fmt: skip
    assert [(c.spread, c.rest_spread) for c in candidates] == [
        ((1, 1), (0, 0)), ((1, 1), (0, 0)), ((1, 2), (0, 0))
    ]  # fmt: skip
    problem = services.planner.problem(KIND, COUNTY, MONTH)
    wishes = (solver.Request("L4", MON, want=False), solver.Request("C1", MON, "day", want=True))
    ranked = swap_candidates(roster(services), replace(problem, requests=wishes), mine)
    assert [(c.code, c.preference) for c in ranked] == [("L4", -1), ("C1", 1), ("L2", 0)]


def test_the_duty_counts_for_whoever_serves_it(services, rid):
    mine = duty(services, MON, "S1")
    request = services.swaps.request(rid, mine, "L1", "u-l1", "cover", "L2")
    services.swaps.accept(request, "L2", "u-l2")
    services.swaps.approve(request, "m-test")
    facts = read_facts(services.db, services.workdays, KIND, COUNTY, "2025-11")
    assert facts.history == {"L2": (2, 0), "L3": (1, 0)}


def race(store_url: str, first, second) -> list:
    """Run `first` and `second` (each given its own application, as two web workers) at
    once; each result is "ok" or the error raised."""
    apps = [build(database_url=store_url, secret_key="test") for _ in range(2)]
    for app in apps:
        app.swaps.clock = lambda: NOW
    barrier, results = threading.Barrier(2), [None, None]

    def run(i, action):
        barrier.wait()
        try:
            action(apps[i])
            results[i] = "ok"
        except DomainError as refused:
            results[i] = refused

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate((first, second))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for app in apps:
            app.close()
    return results


def test_two_colleagues_taking_one_pool_post_one_wins(store_url, services, rid):
    request = services.swaps.request(rid, duty(services, MON, "S1"), "L1", "u-l1", "pool")
    shown = version(services, request)  # both pages were rendered from this version
    results = race(
        store_url,
        lambda app: app.swaps.offer(request, "L2", "u-l2", expected_version=shown),
        lambda app: app.swaps.offer(request, "L4", "u-l4", expected_version=shown),
    )
    assert results.count("ok") == 1
    loser = next(r for r in results if r != "ok")
    assert isinstance(loser, (StaleWriteError, ConflictError)) and loser.message
    services.follower.catch_up()
    winner = ("L2", "L4")[results.index("ok")]
    assert swap_row(services, request)[:2] == ("offered", winner)


def test_a_manager_reassigning_the_duty_while_its_swap_is_approved_one_wins(
    store_url, services, rid
):
    mine = duty(services, MON, "S1")
    request = services.swaps.request(rid, mine, "L1", "u-l1", "cover", "L2")
    services.swaps.accept(request, "L2", "u-l2")
    shown = roster(services).versions[mine]  # the manager's grid showed this duty's version
    results = race(
        store_url,
        lambda app: app.swaps.approve(request, "m-test"),
        lambda app: app.reassignments.reassign(
            KIND, COUNTY, MONTH, mine, "L4", "m-other", "病假", expected_version=shown
        ),
    )
    assert results.count("ok") == 1
    loser = next(r for r in results if r != "ok")
    assert isinstance(loser, (StaleWriteError, ConflictError)) and loser.message
    services.follower.catch_up()
    if results[0] == "ok":
        assert (holder(services, mine), swap_row(services, request)[0]) == ("L2", "approved")
    else:
        assert (holder(services, mine), swap_row(services, request)[0]) == ("L4", "accepted")
