"""The verdict on moving one duty: who may take it, in the fair order, and which hard rules
the move would newly break; judged on a roster's duties and a hand-made problem."""

from types import SimpleNamespace

import pytest

import solver
from domain.values import Assignment
from roster.planning.common import slot_id
from roster.planning.verdict import NotEligibleError, UnknownDutyError, _judge
from tests.unit.planning.tiny import FRIDAY, MONDAY

FRI, MON = FRIDAY.day, MONDAY.day
AM, PM, MON_AM = slot_id(FRI, "S1", "am"), slot_id(FRI, "S1", "pm"), slot_id(MON, "S1", "am")
LAWYERS = ("A", "B", "C")  # D is a person of the problem, but not eligible for Friday


def problem() -> solver.Problem:
    def slot(sid, day, shift, eligible):
        return solver.Slot(sid, day, shift, "S1", eligible=eligible)

    return solver.Problem(
        days=(solver.Day(FRI), solver.Day(MON)),
        shifts=(solver.ShiftType("am", 510, 210), solver.ShiftType("pm", 840, 210)),
        people=tuple(solver.Person(c, f"律师{c}") for c in "ABCD"),
        slots=(slot(AM, FRI, "am", LAWYERS), slot(PM, FRI, "pm", LAWYERS),
               slot(MON_AM, MON, "am", None)),
        default_limits=solver.Limits(max_per_day=1),
    )  # fmt: skip


def roster(*duties: tuple[str, str, str]) -> SimpleNamespace:
    """duties: (id, slot, person); what _judge reads of a Roster is its assignments."""
    out = {}
    for aid, sid, person in duties:
        day, place, shift = sid.split("/")
        out[aid] = Assignment(aid, FRI if day == FRI.isoformat() else MON, place, shift, 0, person)
    return SimpleNamespace(assignments=out)


ROSTER = roster(("d1", AM, "A"), ("d2", PM, "B"), ("d3", MON_AM, "A"))


def test_candidates_are_the_eligible_not_in_the_slot_free_that_day_and_least_loaded_first():
    verdict = _judge(ROSTER, problem(), "d1", "")
    assert verdict.current == "A"
    assert [(c.code, c.duties, c.busy) for c in verdict.candidates] == [
        ("C", 0, False),
        ("B", 1, True),  # already on duty that Friday afternoon
    ]
    assert verdict.candidates[0].name == "律师C"
    assert not verdict.allowed  # nobody asked about yet


def test_a_slot_open_to_everyone_offers_everyone_not_in_it():
    verdict = _judge(ROSTER, problem(), "d3", "")
    assert [c.code for c in verdict.candidates] == ["C", "D", "B"]


def test_a_move_that_breaks_no_rule_is_allowed():
    verdict = _judge(ROSTER, problem(), "d1", "C")
    assert verdict.broken == () and verdict.allowed


def test_a_move_that_breaks_a_hard_rule_says_which():
    verdict = _judge(ROSTER, problem(), "d1", "B")  # B twice on Friday
    assert verdict.broken == ("律师B 10月10日 有 2 个班次，上限 1 个",)
    assert not verdict.allowed


def test_a_rule_the_roster_already_breaks_is_not_held_against_the_move():
    broken_already = roster(("d1", AM, "A"), ("d2", PM, "A"), ("d3", MON_AM, "B"))
    assert solver.check(problem(), {AM: ("A",), PM: ("A",), MON_AM: ("B",)}) != []
    verdict = _judge(broken_already, problem(), "d3", "C")
    assert verdict.allowed


@pytest.mark.parametrize("person", ["D", "A", "Z"])  # ineligible, in the slot, unknown
def test_someone_who_is_no_candidate_is_refused(person):
    with pytest.raises(NotEligibleError):
        _judge(ROSTER, problem(), "d1", person)


def test_an_unknown_duty_is_refused():
    with pytest.raises(UnknownDutyError):
        _judge(ROSTER, problem(), "nope", "")
