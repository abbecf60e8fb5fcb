"""Law firms, lawyers, village advisers and bureau leaders of the demo city."""

from __future__ import annotations

import random
from collections.abc import Sequence

from roster.demo import names
from roster.demo.allot import bounded_split, split
from roster.demo.model import Adviser, County, LawFirm, Lawyer, Leader

QUALIFIED_SHARE = 0.85  # of each firm's lawyers, qualified for duty
_LEADER_TITLES = (
    "副局长",
    "副局长",
    "政治部主任",
    "副局长",
    "党组成员",
    "二级调研员",
    "三级调研员",
)


def firms(
    rng: random.Random,
    city_code: str,
    city_firms: int,
    counties: Sequence[County],
    firms_per_county: Sequence[int],
) -> list[LawFirm]:
    """City firms first, each paired with one or two under-served counties, then county firms."""
    underserved = [c.code for c in counties if c.underserved]
    taken: set[str] = set()
    result: list[LawFirm] = []
    for i in range(city_firms):
        paired = [underserved[i % len(underserved)]] if underserved else []
        if len(underserved) > 1 and rng.random() < 0.5:
            paired.append(
                underserved[(i + 1 + rng.randrange(len(underserved) - 1)) % len(underserved)]
            )
        code = f"F{len(result) + 1:04d}"
        result.append(LawFirm(code, names.firm_name(rng, taken), city_code, tuple(sorted(paired))))
    for county, count in zip(counties, firms_per_county, strict=True):
        for _ in range(count):
            code = f"F{len(result) + 1:04d}"
            result.append(LawFirm(code, names.firm_name(rng, taken), county.code))
    return result


def lawyers(
    rng: random.Random,
    all_firms: Sequence[LawFirm],
    lawyers_per_unit: dict[str, int],
    county_names: dict[str, str],
    phones: set[str],
) -> list[Lawyer]:
    """Lawyers of every firm; firm sizes are skewed, and city firms have at least eight.
    About 85 % of each firm's lawyers are qualified for duty."""
    sizes: dict[str, int] = {}
    for unit_code, total in lawyers_per_unit.items():
        unit_firms = [f for f in all_firms if f.county_code == unit_code]
        minimum = 3 if unit_code in county_names else 8
        weights = [rng.lognormvariate(0, 0.7) for _ in unit_firms]
        for firm, size in zip(unit_firms, split(total, weights, minimum), strict=True):
            sizes[firm.code] = size
    serials = rng.sample(range(10**5, 10**6), sum(sizes.values()))
    result: list[Lawyer] = []
    for firm in all_firms:
        size = sizes[firm.code]
        qualified = set(rng.sample(range(size), round(size * QUALIFIED_SHARE)))
        for i in range(size):
            gender = "男" if rng.random() < 0.62 else "女"
            since = 2025 - min(int(rng.expovariate(1 / 9)), 32)
            serial = serials[len(result)]
            licence = f"13708{since}1{1 if gender == '男' else 0}{serial:06d}"
            result.append(
                Lawyer(
                    code=f"L{len(result) + 1:05d}",
                    name=names.person_name(rng, gender, county_names.get(firm.county_code)),
                    gender=gender,
                    firm_code=firm.code,
                    phone=names.mobile(rng, phones),
                    licence_no=licence,
                    duty_qualified=i in qualified,
                    practising_since=since,
                )
            )
    return result


def advisers(
    rng: random.Random,
    counties: Sequence[County],
    total: int,
    all_firms: Sequence[LawFirm],
    phones: set[str],
) -> list[Adviser]:
    """Advisers contracted to 3–8 villages of one township; every village gets exactly one."""
    townships = [(c, t) for c in counties for t in c.townships]
    per_township = split(total, [len(t.villages) for _, t in townships], minimum=1)
    result: list[Adviser] = []
    for (county, township), count in zip(townships, per_township, strict=True):
        firms_here = [
            f.code
            for f in all_firms
            if f.county_code == county.code or county.code in f.paired_county_codes
        ]
        office = names.legal_service_office(county.name, township.name)
        start = 0
        for size in bounded_split(rng, len(township.villages), count, 3, 8):
            villages = township.villages[start : start + size]
            start += size
            gender = "男" if rng.random() < 0.6 else "女"
            use_firm = firms_here and rng.random() < 0.55
            result.append(
                Adviser(
                    code=f"A{len(result) + 1:05d}",
                    name=names.person_name(rng, gender, county.name),
                    gender=gender,
                    phone=names.mobile(rng, phones),
                    township_code=township.code,
                    village_codes=tuple(v.code for v in villages),
                    affiliation=rng.choice(firms_here) if use_firm else office,
                )
            )
    return result


def leaders(rng: random.Random, units: Sequence[tuple[str, str]], phones: set[str]) -> list[Leader]:
    """Five to seven leaders for each (unit code, unit name); exactly one head (局长) each."""
    result: list[Leader] = []
    for unit_code, unit_name in units:
        titles = ("局长", *_LEADER_TITLES[: rng.randint(4, 6)])
        for title in titles:
            gender = "男" if rng.random() < 0.75 else "女"
            result.append(
                Leader(
                    code=f"D{len(result) + 1:04d}",
                    name=names.person_name(rng, gender, unit_name),
                    gender=gender,
                    phone=names.mobile(rng, phones),
                    unit_code=unit_code,
                    title=title,
                    is_head=title == "局长",
                )
            )
    return result
