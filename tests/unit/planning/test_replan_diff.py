"""The re-plan diff: from the current duties and the new solution, the moves that turn one
into the other, seat by seat, with the fewest changed duties."""

import solver
from domain.values import Assignment
from roster.planning.common import slot_id
from roster.planning.planner import Plan
from roster.planning.replan import Move, diff
from tests.unit.planning.tiny import FRIDAY, MONDAY, MONTH, UNIT

FRI, MON = FRIDAY.day, MONDAY.day
SLOTS = [(FRI, "am"), (FRI, "pm"), (MON, "am"), (MON, "pm")]


def problem() -> solver.Problem:
    slots = tuple(
        solver.Slot(slot_id(day, "S1", shift), day, shift, "S1", demand=solver.Demand(target=2))
        for day, shift in SLOTS
    )
    return solver.Problem(
        days=(solver.Day(FRI), solver.Day(MON)), shifts=(), people=(), slots=slots
    )


def plan(problem: solver.Problem, **people) -> Plan:
    """people: 'fri_am=("A", "B")' and so on; slots not named are left empty."""
    named = {
        slot_id(day, "S1", shift): people.get(f"{day:%a}_{shift}".lower(), ())
        for day, shift in SLOTS
    }
    return Plan("duty-lawyers", UNIT, MONTH, problem, solver.Solution(named, "FEASIBLE"))


def duty(aid: str, day, shift: str, seat: int, person: str) -> Assignment:
    return Assignment(aid, day, "S1", shift, seat, person)


CURRENT = [
    duty("d1", FRI, "am", 0, "A"), duty("d2", FRI, "am", 1, "B"),
    duty("d3", FRI, "pm", 0, "C"),
    duty("d4", MON, "am", 0, "A"),
]  # fmt: skip


def test_the_same_solution_moves_nothing():
    p = problem()
    assert diff(CURRENT, plan(p, fri_am=("B", "A"), fri_pm=("C",), mon_am=("A",)), p) == []


def test_each_changed_seat_is_one_move_and_kept_seats_stay():
    p = problem()
    new = plan(p, fri_am=("B", "C"), fri_pm=(), mon_am=("A", "D"), mon_pm=("B",))
    assert diff(CURRENT, new, p) == [
        Move("d1", FRI, "S1", "am", 0, "A", "C"),  # A's seat passes to C; B keeps seat 1
        Move("d3", FRI, "S1", "pm", 0, "C", ""),  # C's afternoon is left empty
        Move("", MON, "S1", "am", 1, "", "D"),  # a new seat beside A's
        Move("", MON, "S1", "pm", 0, "", "B"),  # a new seat in an empty slot
    ]


def test_a_new_seat_takes_the_first_free_seat_number():
    p = problem()
    current = [duty("d1", FRI, "am", 0, "A"), duty("d2", FRI, "am", 2, "B")]
    moves = diff(current, plan(p, fri_am=("A", "B", "C", "D")), p)
    assert [(m.seat, m.after) for m in moves] == [(1, "C"), (3, "D")]
