"""Village adviser circuits: each village of a township gets an on-site visit each month.

Slots are (village, working day) pairs open only to the village's contracted adviser; a
cover group per village asks for `visits` visits. Hard: at most `per_day` villages a day per
adviser (all in this township, since contracts are), no visits on holidays or unavailable
days. Soft: visits on the village's market day, visits spread over the month, and advisers'
visiting days balanced.
"""

from dataclasses import dataclass

import solver
from roster.planning import common
from roster.planning.facts import Facts
from roster.registry.lunar import is_market_day


@dataclass(frozen=True)
class Options:
    per_day: int = 3
    visits: int = 1
    market_reward: int = 20


def build_problem(facts: Facts, options: Options = Options()) -> solver.Problem:
    villages = [
        v
        for v in facts.villages
        if v.township_code == facts.unit_code and v.adviser_code in facts.people
    ]
    advisers = sorted({v.adviser_code for v in villages})
    days = common.solver_days(facts, only_workdays=True)
    slots, covers = [], []
    for village in villages:
        ids = []
        for day in days:
            slot_id = common.slot_id(day.date, village.code, "day")
            ids.append(slot_id)
            market = is_market_day(day.date, village.market_days)
            slots.append(
                solver.Slot(
                    slot_id, day.date, "day", village.code, village.name,
                    demand=solver.Demand(minimum=0, target=0, maximum=1, under_weight=0),
                    eligible=(village.adviser_code,),
                    preference=options.market_reward if market else 0,
                )
            )  # fmt: skip
        covers.append(
            solver.CoverGroup(
                f"village/{village.code}", tuple(ids), minimum=options.visits, maximum=options.visits,
                name=f"{village.name}本月走访", name_en=f"monthly visit to {village.name}", weight=1_000_000,
            )
        )  # fmt: skip
    return solver.Problem(
        days=days,
        shifts=common.shift_types(),
        people=tuple(common.person(facts, code) for code in advisers),
        slots=tuple(slots),
        unavailability=common.unavailability(facts, advisers),
        default_limits=solver.Limits(max_per_day=options.per_day),
        cover_groups=tuple(covers),
        fairness_pools=(
            (
                solver.FairnessPool(
                    f"advisers/{facts.unit_code}",
                    tuple(advisers),
                    weight=50,
                    rest_weight=0,
                    count_days=True,
                ),
            )
            if len(advisers) > 1
            else ()
        ),
        spread_visits=solver.SpreadVisits(weight=5),
        name=f"{facts.unit_name} {facts.month} 村居法律顾问巡回",
    )
