"""What a swap does to the hard rules: the verdict's checker, applied to all of its moves."""

import solver
from domain.roster import Roster
from roster.planning.common import slot_id
from roster.planning.verdict import _judge

Moves = tuple[tuple[str, str], ...]  # (duty, who takes it)


def broken_by(roster: Roster, problem: solver.Problem, moves: Moves) -> tuple[str, ...]:
    """The hard rules the roster would break after `moves` that it does not break now, in
    words; a taker not eligible for a duty's slot is a NotEligibleError. One move is the
    verdict's own judgement; an exchange is judged whole, so a rule the first move breaks
    and the second mends (two duties on one day) is no refusal."""
    if len(moves) == 1:
        return _judge(roster, problem, *moves[0]).broken
    for duty, person in moves:
        _judge(roster, problem, duty, person)  # refuses a taker the duty's slot cannot have
    before = {v.message for v in solver.check(problem, slots(roster))}
    after = [v.message for v in solver.check(problem, slots(roster, moves))]
    return tuple(m for m in after if m not in before)


def slots(roster: Roster, moves: Moves = ()) -> dict[str, tuple[str, ...]]:
    """The roster's people by solver slot, with `moves` applied."""
    takers = dict(moves)
    out: dict[str, list[str]] = {}
    for a in roster.assignments.values():
        out.setdefault(slot_id(a.day, a.place, a.shift), []).append(takers.get(a.id, a.person))
    return {k: tuple(v) for k, v in out.items()}
