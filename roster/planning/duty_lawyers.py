"""Duty lawyers: each station's seats per shift on the days it is open.

Eligible: duty-qualified lawyers of the county's firms, plus those of city firms paired with
the county (结对帮扶), who cost a little more (travel). Hard: one duty a day, unavailability,
at most `max_duties` a month, each firm's share within a tolerance. Soft: full coverage,
equal counts and equal weekend/holiday counts within each pool, requests, little travel.
"""

import math
from collections import Counter
from dataclasses import dataclass

import solver
from domain.person import DUTY_QUALIFICATION
from roster.planning import common
from roster.planning.facts import Facts


@dataclass(frozen=True)
class Options:
    max_duties: int = 4
    firm_tolerance: int = 2  # duties a firm may deviate from its proportional share
    travel_weight: int = 5_000  # above the fairness cost of a home lawyer's extra duty


def eligible_lawyers(facts: Facts) -> tuple[list[str], list[str]]:
    """(home lawyers, paired city lawyers) of the county, each sorted by code."""
    home, paired = [], []
    paired_firms = facts.pairings.get(facts.unit_code, set())
    for code, p in sorted(facts.people.items()):
        if p.role != "lawyer" or DUTY_QUALIFICATION not in p.qualifications:
            continue
        if facts.firms.get(p.firm_code) == facts.unit_code:
            home.append(code)
        elif p.firm_code in paired_firms:
            paired.append(code)
    return home, paired


def build_problem(facts: Facts, options: Options = Options()) -> solver.Problem:
    home, paired = eligible_lawyers(facts)
    everyone = home + paired
    stations = [s for s in facts.stations if s.unit_code == facts.unit_code and s.demand]
    slots = []
    for day in facts.days:
        for station in stations:
            for day_type, shift, seats in station.demand:
                if day_type != day.type or seats <= 0:
                    continue
                slots.append(
                    solver.Slot(
                        common.slot_id(day.day, station.code, shift), day.day, shift, station.code,
                        station.name, demand=solver.Demand(minimum=0, target=seats),
                        eligible=tuple(everyone),
                    )
                )  # fmt: skip
    seats = sum(s.demand.target for s in slots)
    return solver.Problem(
        days=common.solver_days(facts),
        shifts=common.shift_types(),
        people=tuple(common.person(facts, c, facts.people[c].firm_code) for c in everyone),
        slots=tuple(slots),
        unavailability=common.unavailability(facts, everyone),
        station_costs=tuple(
            solver.StationCost(c, s.code, options.travel_weight) for c in paired for s in stations
        ),
        default_limits=solver.Limits(max_per_day=1, max_shifts=options.max_duties),
        person_limits=tuple(
            solver.PersonLimits(
                c, solver.Limits(max_per_day=1, max_shifts=max(0, options.max_duties - n))
            )
            for c in everyone
            if (n := facts.duties_elsewhere.get(c, 0))
        ),
        group_limits=firm_shares(facts, home, seats, options),
        fairness_pools=tuple(
            solver.FairnessPool(pool_id, tuple(members))
            for pool_id, members in (
                (f"county/{facts.unit_code}", home),
                (f"paired/{facts.unit_code}", paired),
            )
            if members
        ),
        balances=common.balances(facts, home) + common.balances(facts, paired),
        name=f"{facts.unit_name} {facts.month} 值班律师",
    )


def firm_shares(
    facts: Facts, home: list[str], seats: int, options: Options
) -> tuple[solver.GroupLimit, ...]:
    """Each home firm carries the seats in proportion to its qualified lawyers, ± tolerance.

    The ceiling is hard (no firm is overloaded); the floor is a strong wish, because a firm
    whose lawyers are away cannot be made to serve. Paired city firms only help where the
    county's own lawyers cannot cover, so their personal monthly cap is bound enough."""
    per_firm = Counter(facts.people[c].firm_code for c in home)
    total = sum(per_firm.values())
    home_seats = min(seats, total * options.max_duties)  # what the county can carry itself
    tolerance = options.firm_tolerance
    limits = []
    for firm, count in sorted(per_firm.items()):
        share = home_seats * count / total
        name = facts.firm_names.get(firm, firm)
        ceiling = math.ceil(share) + tolerance
        limits.append(solver.GroupLimit(firm, maximum=ceiling, name=name, name_en=name))
        floor = math.floor(share) - tolerance
        if floor > 0:
            limits.append(
                solver.GroupLimit(firm, minimum=floor, name=name, name_en=name, weight=1_000)
            )
    return tuple(limits)
