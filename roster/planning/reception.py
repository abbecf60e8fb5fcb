"""Leadership reception days: every working day one leader of the bureau receives the public.

Hard: unavailability; no leader two working days in a row; the head of the bureau takes at
least one day a month. Soft: equal counts, and each leader rotates across the places.
"""

import math

import solver
from domain.vocabulary import RECEPTION_PLACES
from roster.planning import common
from roster.planning.facts import Facts

PLACE_KINDS = RECEPTION_PLACES


def places(facts: Facts) -> list:
    """Where the bureau's leader may sit: its service centre, institutions and the hotline."""
    own = [s for s in facts.stations if s.unit_code == facts.unit_code and s.kind in PLACE_KINDS]
    return own


def build_problem(facts: Facts) -> solver.Problem:
    leaders = sorted(
        code
        for code, p in facts.people.items()
        if p.role == "leader" and p.unit_code == facts.unit_code
    )
    days = common.solver_days(facts, only_workdays=True)
    stations = places(facts)
    slots, covers = [], []
    for day in days:
        day_slots = []
        for station in stations:
            slot_id = common.slot_id(day.date, station.code, "day")
            slots.append(
                solver.Slot(
                    slot_id, day.date, "day", station.code, station.name,
                    demand=solver.Demand(minimum=0, target=0, maximum=1, under_weight=0),
                    eligible=tuple(leaders),
                )
            )  # fmt: skip
            day_slots.append(slot_id)
        covers.append(
            solver.CoverGroup(
                f"reception/{day.date.isoformat()}", tuple(day_slots), minimum=1, maximum=1,
                name=f"{day.date.month}月{day.date.day}日接待", name_en=f"reception on {day.date}",
                weight=1_000_000,
            )
        )  # fmt: skip
    heads = [code for code in leaders if facts.people[code].is_head] if slots else []
    per_leader = math.ceil(len(days) / max(1, len(leaders)))
    return solver.Problem(
        days=days,
        shifts=common.shift_types(),
        people=tuple(common.person(facts, code) for code in leaders),
        slots=tuple(slots),
        unavailability=common.unavailability(facts, leaders),
        default_limits=solver.Limits(max_per_day=1, max_consecutive_days=1),
        person_limits=tuple(
            solver.PersonLimits(
                code, solver.Limits(max_per_day=1, max_consecutive_days=1, min_shifts=1)
            )
            for code in heads
        ),
        cover_groups=tuple(covers),
        fairness_pools=(solver.FairnessPool(f"leaders/{facts.unit_code}", tuple(leaders)),),
        balances=common.balances(facts, leaders),
        rotation=solver.Rotation(
            max_same_station=max(1, math.ceil(per_leader / max(1, len(stations)))), weight=20
        ),
        name=f"{facts.unit_name} {facts.month} 领导干部接待日",
    )
