"""Planning on the small demo city: every kind solves, obeys its rules, and is recorded."""

import itertools
from collections import Counter, defaultdict
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

import solver
from domain.person import DUTY_QUALIFICATION
from domain.workdays import UndeclaredYearError
from roster.bootstrap import build
from roster.demo.city import generate_city
from roster.demo.seed import seed
from roster.errors import StaleWriteError
from roster.planning.replan import drop_out
from roster.registry.lunar import is_market_day

MONTH = "2026-12"
COUNTY = "370827"
# Generous limits: the stall stop ends each solve early; a loaded CI machine must not fail it.
PARAMS = solver.SolveParams(time_limit_seconds=60, stall_seconds=1.0)
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """The small city with all three kinds planned for December, shared by this module."""
    path = tmp_path_factory.mktemp("planning") / "roster.sqlite"
    services = build(database_url=f"sqlite:///{path}", create=True)
    seed(services, generate_city("small"))
    services.follower.catch_up()
    plans = {}
    for kind in ("reception", "duty-lawyers", "adviser-circuits"):
        for unit in services.planner.units(kind, COUNTY):
            plans[(kind, unit)] = services.planner.plan(kind, unit, MONTH, PARAMS, actor="m-test")
    yield services, plans
    services.close()


def test_every_plan_is_feasible_checked_and_recorded(city):
    services, plans = city
    assert {k for k, _ in plans} == {"reception", "duty-lawyers", "adviser-circuits"}
    for (kind, unit), plan in plans.items():
        assert plan.solution.has_assignment, (kind, unit)
        assert plan.violations == [], (kind, unit)
        assert plan.roster_id, (kind, unit)
        roster = services.rosters.get(kind, unit, MONTH)
        assert roster.state == "draft"
        assert len(roster.assignments) == sum(len(p) for p in plan.solution.assignments.values())


def test_reception_one_leader_each_working_day_never_two_days_running(city):
    services, _plans = city
    roster = services.rosters.get("reception", COUNTY, MONTH)
    by_day = defaultdict(list)
    for a in roster.assignments.values():
        by_day[a.day].append(a.person)
    workdays = [d.day for d in services.workdays.month(MONTH) if d.type == "workday"]
    assert sorted(by_day) == workdays
    assert all(len(people) == 1 for people in by_day.values())
    for yesterday, today in itertools.pairwise(workdays):
        assert by_day[yesterday] != by_day[today]
    with services.db.reading() as cur:
        head = cur.execute(
            "SELECT code FROM people WHERE unit_code = ? AND role = 'leader' AND is_head = 1",
            (COUNTY,),
        ).fetchone()[0]
    assert any(people == [head] for people in by_day.values())
    counts = Counter(p for people in by_day.values() for p in people)
    assert max(counts.values()) - min(counts.values()) <= 1


def test_duty_lawyers_are_qualified_home_or_paired_and_fairly_loaded(city):
    services, plans = city
    plan = plans[("duty-lawyers", COUNTY)]
    assert plan.metrics.coverage == 1.0
    assert plan.metrics.spread <= 1 and plan.metrics.rest_spread <= 1
    with services.db.reading() as cur:
        people = {
            r[0]: r[1:] for r in cur.execute("SELECT code, qualifications, firm_code FROM people")
        }
        home_firms = {
            r[0] for r in cur.execute("SELECT code FROM firms WHERE county_code = ?", (COUNTY,))
        }
        paired = {
            r[0]
            for r in cur.execute(
                "SELECT firm_code FROM firm_pairings WHERE county_code = ?", (COUNTY,)
            )
        }
    roster = services.rosters.get("duty-lawyers", COUNTY, MONTH)
    per_person = Counter(a.person for a in roster.assignments.values())
    per_day = Counter((a.person, a.day) for a in roster.assignments.values())
    for person, count in per_person.items():
        qualifications, firm = people[person]
        assert DUTY_QUALIFICATION in qualifications
        assert firm in home_firms | paired
        assert count <= 4
    assert max(per_day.values()) == 1
    home = [
        c
        for c, (_, firm) in people.items()
        if firm in home_firms and c in plan.problem.fairness_pools[0].members
    ]
    travelling = sum(n for person, n in per_person.items() if people[person][1] not in home_firms)
    assert travelling == max(
        0, plan.metrics.seats - 4 * len(home)
    )  # city lawyers only fill the gap


def test_every_village_is_visited_once_by_its_adviser_mostly_on_market_days(city):
    services, plans = city
    with services.db.reading() as cur:
        villages = {
            code: (parent, adviser, days)
            for code, parent, adviser, days in cur.execute(
                "SELECT code, parent_code, adviser_code, market_days FROM units WHERE kind = 'village'"
            )
        }
    visits, on_market = Counter(), 0
    for (kind, township), _plan in plans.items():
        if kind != "adviser-circuits":
            continue
        roster = services.rosters.get(kind, township, MONTH)
        per_adviser_day = Counter((a.person, a.day) for a in roster.assignments.values())
        assert max(per_adviser_day.values()) <= 3
        for a in roster.assignments.values():
            parent, adviser, days = villages[a.place]
            assert (parent, adviser) == (township, a.person)
            visits[a.place] += 1
            on_market += is_market_day(a.day, tuple(eval(days)))
    assert set(visits) == set(villages) and set(visits.values()) == {1}
    with_market = sum(1 for _, _, d in villages.values() if d != "[]")
    assert on_market >= with_market * 0.8


def test_replan_moves_only_the_dropped_lawyers_duties_plus_at_most_three(city):
    services, _ = city
    services.rosters.publish("duty-lawyers", COUNTY, MONTH, actor="m-test")
    roster = services.rosters.get("duty-lawyers", COUNTY, MONTH)
    middle = date(2026, 12, 16)
    later = [a.person for a in roster.assignments.values() if a.day >= middle]
    dropped = max(sorted(set(later)), key=later.count)
    result = drop_out(
        services, "duty-lawyers", COUNTY, MONTH, dropped, middle, date(2026, 12, 31), PARAMS,
        "m-test", "借调",
    )  # fmt: skip
    own = [m for m in result.moves if m.before == dropped]
    assert len(own) == later.count(dropped)
    assert len(result.moves) - len(own) <= 3
    after = services.rosters.get("duty-lawyers", COUNTY, MONTH)
    assert all(a.person != dropped for a in after.assignments.values() if a.day >= middle)
    before_first_half = {a.id: a.person for a in roster.assignments.values() if a.day < middle}
    assert {i: after.assignments[i].person for i in before_first_half} == before_first_half


def _replan_around_someone(services, monkeypatch, between=None):
    """Re-plan December's duty lawyers around the busiest lawyer of the second half, with
    `between` run after the solve and before the moves are saved."""
    from roster.planning import replan as replan_module

    roster = services.rosters.get("duty-lawyers", COUNTY, MONTH)
    later = [a.person for a in roster.assignments.values() if a.day >= date(2026, 12, 20)]
    dropped = max(sorted(set(later)), key=later.count)
    services.registry.declare_unavailable(
        dropped, datetime(2026, 12, 20, tzinfo=SHANGHAI), datetime(2027, 1, 1, tzinfo=SHANGHAI),
        "借调", actor="m-test",
    )  # fmt: skip
    if between:
        solve = services.planner.solve_and_record

        def solve_then(*args, **kwargs):
            plan = solve(*args, **kwargs)
            between(roster)
            return plan

        monkeypatch.setattr(services.planner, "solve_and_record", solve_then)
    return lambda: replan_module.replan(
        services.planner, services.rosters, "duty-lawyers", COUNTY, MONTH, date(2026, 12, 20),
        PARAMS, "m-test", "借调",
    )  # fmt: skip


def test_a_replan_that_fails_half_way_records_none_of_its_moves(city, monkeypatch):
    from roster.planning import replan as replan_module

    services, _ = city
    run = _replan_around_someone(services, monkeypatch)
    apply_moves = replan_module.apply_moves

    def fail_after_the_first(roster, moves, actor, reason):
        apply_moves(roster, moves[:1], actor, reason)
        raise RuntimeError("the machine stops half-way")

    monkeypatch.setattr(replan_module, "apply_moves", fail_after_the_first)
    before = services.store.recorder.max_notification_id()
    with pytest.raises(RuntimeError):
        run()
    assert services.store.recorder.max_notification_id() == before


def test_a_replan_against_a_roster_changed_during_its_solve_is_refused(city, monkeypatch):
    services, _ = city

    def rival_changes(roster):
        duty = min(roster.assignments.values(), key=lambda a: a.day)
        other = next(p for p in ("L00001", "L00002") if p != duty.person)
        services.rosters.reassign(roster.id.hex, duty.id, other, "rival", "抢先")

    run = _replan_around_someone(services, monkeypatch, rival_changes)
    before = services.store.recorder.max_notification_id()
    with pytest.raises(StaleWriteError):
        run()
    assert services.store.recorder.max_notification_id() == before + 1  # the rival's alone


def test_an_undeclared_year_is_refused_before_solving(city):
    services, _ = city
    with pytest.raises(UndeclaredYearError):
        services.planner.plan("reception", COUNTY, "2027-01", PARAMS, actor="m-test")


def test_facts_read_the_same_on_both_stores(services):
    seed(services, generate_city("small"))
    services.follower.catch_up()
    problem = services.planner.problem("duty-lawyers", COUNTY, MONTH)
    assert len(problem.slots) > 100 and len(problem.people) > 40
    plan = services.planner.plan("reception", COUNTY, MONTH, PARAMS, actor="m-test")
    assert plan.violations == [] and plan.roster_id


def test_cli_solves_every_kind_in_worker_processes_and_dumps(tmp_path, capsys):
    from roster.cli.main import main

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["--database-url", url, "demo", "--scale", "small"]) == 0
    args = ["--database-url", url, "solve", "--kind", "all", "--unit", COUNTY, "--month", MONTH]
    assert main([*args, "--time-limit", "60", "--dump", str(tmp_path / "dump")]) == 0
    out = capsys.readouterr().out
    assert out.count("已记录草稿") == 5  # reception, duty lawyers, three townships
    assert "硬性规则违反 0 项" in out
    problem = solver.from_json(
        (tmp_path / "dump" / f"duty-lawyers-{COUNTY}-{MONTH}.problem.json").read_text()
    )
    solution = solver.from_json(
        (tmp_path / "dump" / f"duty-lawyers-{COUNTY}-{MONTH}.solution.json").read_text()
    )
    assert solver.check(problem, solution.assignments) == []


def test_each_advisers_circuit_lists_villages_in_visiting_order(city):
    services, plans = city
    township = next(unit for kind, unit in plans if kind == "adviser-circuits")
    circuit = services.circuits.of_township(township, MONTH)
    assert circuit
    for day in circuit:
        codes = [code for code, _, _ in day.villages]
        assert codes == sorted(codes) and 1 <= len(codes) <= 3
    assert sum(len(day.villages) for day in circuit) == len(
        services.rosters.get("adviser-circuits", township, MONTH).assignments
    )


def test_cli_publish_makes_drafts_visible_and_refuses_when_nothing_is_drafted(tmp_path, capsys):
    from roster.cli.main import main

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    assert main(["--database-url", url, "demo", "--scale", "small"]) == 0
    publish = [
        "--database-url",
        url,
        "publish",
        "--kind",
        "reception",
        "--unit",
        COUNTY,
        "--month",
        MONTH,
    ]
    assert main(publish) == 1
    args = [
        "--database-url",
        url,
        "solve",
        "--kind",
        "reception",
        "--unit",
        COUNTY,
        "--month",
        MONTH,
    ]
    assert main([*args, "--time-limit", "60"]) == 0
    assert main(publish) == 0
    assert "第 1 版" in capsys.readouterr().out
    services = build(database_url=url)
    try:
        with services.db.reading() as cur:
            count = cur.execute(
                "SELECT COUNT(*) FROM published_duties WHERE kind = 'reception'"
            ).fetchone()[0]
        assert count == len([d for d in services.workdays.month(MONTH) if d.type == "workday"])
    finally:
        services.close()


def test_when_time_runs_out_before_any_solution_the_sound_warm_start_is_drafted(
    tmp_path, monkeypatch
):
    from roster.planning import planner as planner_module

    services = build(database_url=f"sqlite:///{tmp_path / 'timeout.sqlite'}", create=True)
    try:
        seed(services, generate_city("small"))
        services.follower.catch_up()

        def timed_out(problem, params):
            return solver.Solution(
                {s.id: () for s in problem.slots}, status="UNKNOWN", seconds=60.0
            )

        monkeypatch.setattr(planner_module.solver, "solve", timed_out)
        plan = services.planner.plan("duty-lawyers", COUNTY, MONTH, PARAMS, actor="m-test")
        assert plan.solution.status == "HEURISTIC" and plan.violations == [] and plan.roster_id
        assert plan.metrics.coverage == 1.0
    finally:
        services.close()
