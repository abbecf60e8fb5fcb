"""A pure, deterministic generator of the demo city (Jining) as plain frozen records.

``generate_city("jining")`` builds the city at its real scale; ``generate_city("small")`` a
one-county version (鱼台县) for tests.  Only the standard library is used; the same scale and
seed always give the same city.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from roster.demo import names, people
from roster.demo.allot import split
from roster.demo.model import (
    Adviser,
    City,
    County,
    Demand,
    LawFirm,
    Lawyer,
    Leader,
    Station,
    Township,
    Village,
)

__all__ = [
    "CITY_CODE",
    "SCALES",
    "Adviser",
    "City",
    "County",
    "Demand",
    "LawFirm",
    "Lawyer",
    "Leader",
    "Station",
    "Township",
    "Village",
    "generate_city",
]  # fmt: skip

CITY_CODE = "370800"
CITY_NAME = "济宁市"

MARKETS: tuple[tuple[str, tuple[int, ...]], ...] = tuple(
    (label, tuple(range(first, 31, 5)))
    for label, first in (
        ("逢一逢六", 1),
        ("逢二逢七", 2),
        ("逢三逢八", 3),
        ("逢四逢九", 4),
        ("逢五逢十", 5),
    )
)


@dataclass(frozen=True)
class CountyPlan:
    code: str
    name: str
    underserved: bool
    townships: int
    firms: int
    lawyers: int  # lawyers of the county's own firms


@dataclass(frozen=True)
class ScalePlan:
    counties: tuple[CountyPlan, ...]
    villages: int
    advisers: int
    city_firms: int
    city_lawyers: int
    city_stations: bool


_JINING_COUNTIES = tuple(
    CountyPlan(*row)
    for row in (
        ("370811", "任城区", False, 18, 14, 256),
        ("370812", "兖州区", False, 12, 9, 126),
        ("370826", "微山县", True, 15, 5, 84),
        ("370827", "鱼台县", True, 11, 4, 70),
        ("370828", "金乡县", False, 14, 8, 116),
        ("370829", "嘉祥县", False, 15, 7, 106),
        ("370830", "汶上县", True, 14, 5, 84),
        ("370831", "泗水县", True, 13, 4, 70),
        ("370832", "梁山县", True, 14, 5, 84),
        ("370881", "曲阜市", False, 13, 10, 146),
        ("370883", "邹城市", False, 17, 14, 196),
    )
)

SCALES: dict[str, ScalePlan] = {
    "jining": ScalePlan(_JINING_COUNTIES, 4560, 971, 30, 998, True),
    "small": ScalePlan((CountyPlan("370827", "鱼台县", True, 3, 3, 50),), 40, 10, 3, 50, False),
}

_WORKDAY_HALVES = (Demand("workday", "am", 1), Demand("workday", "pm", 1))
DEMAND: dict[str, tuple[Demand, ...]] = {
    "centre": _WORKDAY_HALVES,
    "court": _WORKDAY_HALVES,
    "procuratorate": (Demand("workday", "day", 1),),
    "detention": tuple(Demand(d, "day", 1) for d in ("workday", "weekend", "holiday")),
    "legal_aid": _WORKDAY_HALVES,
    "hotline": tuple(
        Demand(d, s, 2) for d in ("workday", "weekend", "holiday") for s in ("am", "pm")
    ),
}


def generate_city(scale: str = "jining", seed: int = 2026) -> City:
    """The demo city at ``scale`` ("jining" or "small"), determined by ``seed``."""
    try:
        plan = SCALES[scale]
    except KeyError:
        raise ValueError(f"unknown scale {scale!r}; expected one of {sorted(SCALES)}") from None
    rng = random.Random(seed)
    phones: set[str] = set()
    counties = _counties(rng, plan)
    firms = people.firms(
        rng, CITY_CODE, plan.city_firms, counties, [c.firms for c in plan.counties]
    )
    county_names = {c.code: c.name for c in counties}
    lawyers_per_unit = {CITY_CODE: plan.city_lawyers} | {c.code: c.lawyers for c in plan.counties}
    lawyers = people.lawyers(rng, firms, lawyers_per_unit, county_names, phones)
    advisers = people.advisers(rng, counties, plan.advisers, firms, phones)
    units = [(CITY_CODE, CITY_NAME), *((c.code, c.name) for c in counties)]
    leaders = people.leaders(rng, units, phones)
    return City(
        code=CITY_CODE,
        name=CITY_NAME,
        bureau_name=f"{CITY_NAME}司法局",
        counties=tuple(counties),
        firms=tuple(firms),
        lawyers=tuple(lawyers),
        advisers=tuple(advisers),
        leaders=tuple(leaders),
        stations=tuple(_stations(rng, counties, plan.city_stations)),
        scale=scale,
        seed=seed,
    )


def _counties(rng: random.Random, plan: ScalePlan) -> list[County]:
    taken: set[str] = set()
    township_names: list[list[str]] = []
    for county in plan.counties:
        township_names.append(names.township_names(rng, county.name, county.townships, taken))
        taken.update(township_names[-1])
    flat = [name for group in township_names for name in group]
    suffix_weight = {"街道": 0.8, "镇": 1.0, "乡": 0.9}
    weights = [suffix_weight[names.township_suffix(n)] * rng.uniform(0.6, 1.5) for n in flat]
    village_counts = iter(
        split(plan.villages, weights, minimum=min(12, plan.villages // len(flat)))
    )
    counties = []
    for county, group in zip(plan.counties, township_names, strict=True):
        numbers = {"街道": 1, "镇": 101, "乡": 201}
        townships = []
        for name in group:
            suffix = names.township_suffix(name)
            code = f"{county.code}{numbers[suffix]:03d}"
            numbers[suffix] += 1
            villages = _villages(rng, code, suffix == "街道", next(village_counts))
            townships.append(Township(code, name, f"{name}司法所", villages))
        townships.sort(key=lambda t: t.code)
        counties.append(
            County(
                code=county.code,
                name=county.name,
                bureau_name=f"{county.name}司法局",
                townships=tuple(townships),
                underserved=county.underserved,
            )
        )
    return counties


def _villages(
    rng: random.Random, township_code: str, urban: bool, count: int
) -> tuple[Village, ...]:
    """Villages and communities of one township, sharing one or two market patterns."""
    primary = rng.randrange(len(MARKETS))
    patterns = [primary]
    if rng.random() < 0.4:
        patterns.append((primary + rng.randint(1, len(MARKETS) - 1)) % len(MARKETS))
    community_share = 0.75 if urban else 0.12
    used: set[str] = set()
    communities: list[str] = []
    rural: list[tuple[str, str, tuple[int, ...]]] = []
    for _ in range(count):
        community = rng.random() < community_share
        name = names.village_name(rng, community)
        while name in used:
            name = names.village_name(rng, community)
        used.add(name)
        if community:
            communities.append(name)
            continue
        label, days = "", ()
        if urban or rng.random() >= 0.15:
            label, days = MARKETS[patterns[0] if rng.random() < 0.7 else rng.choice(patterns)]
        rural.append((name, label, days))
    return tuple(
        [Village(f"{township_code}{i:03d}", n, (), "") for i, n in enumerate(communities, 1)]
        + [Village(f"{township_code}{i:03d}", n, d, lb) for i, (n, lb, d) in enumerate(rural, 201)]
    )


def _stations(rng: random.Random, counties: list[County], with_city: bool) -> list[Station]:
    phones: set[str] = set()
    rows: list[tuple[str, str, str, str]] = []  # (name, kind, unit code, address)
    if with_city:
        seat = next((c for c in counties if c.code == "370811"), counties[0])
        place, town = f"{CITY_NAME}{seat.name}", seat.townships[0].name
        rows += [
            (f"{CITY_NAME}公共法律服务中心", "centre", CITY_CODE, place),
            (f"{CITY_NAME}中级人民法院", "court", CITY_CODE, place),
            (f"{CITY_NAME}12348公共法律服务热线平台", "hotline", CITY_CODE, place),
        ]
        rows = [(n, k, u, names.street_address(rng, p, town)) for n, k, u, p in rows]
    for county in counties:
        official = f"{CITY_NAME}{county.name}" if county.name.endswith("区") else county.name
        town = county.townships[0].name
        for name, kind in (
            (f"{county.name}公共法律服务中心", "centre"),
            (f"{official}人民法院", "court"),
            (f"{official}人民检察院", "procuratorate"),
            (f"{official}看守所", "detention"),
            (f"{county.name}法律援助中心", "legal_aid"),
        ):
            address = names.street_address(rng, f"{CITY_NAME}{county.name}", town)
            rows.append((name, kind, county.code, address))
    return [
        Station(f"S{i:04d}", name, kind, unit, address, names.landline(rng, phones), DEMAND[kind])
        for i, (name, kind, unit, address) in enumerate(rows, 1)
    ]
