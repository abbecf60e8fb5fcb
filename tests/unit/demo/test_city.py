"""The demo city generator: real-scale counts, determinism and the invariants seeding relies on."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from roster.demo.city import CITY_CODE, City, County, generate_city

JINING_COUNTIES = {
    "370811": "任城区", "370812": "兖州区", "370826": "微山县", "370827": "鱼台县",
    "370828": "金乡县", "370829": "嘉祥县", "370830": "汶上县", "370831": "泗水县",
    "370832": "梁山县", "370881": "曲阜市", "370883": "邹城市",
}  # fmt: skip


@pytest.fixture(scope="module")
def jining() -> City:
    return generate_city("jining", seed=2026)


@pytest.fixture(scope="module")
def small() -> City:
    return generate_city("small", seed=2026)


def townships(city: City):
    return [t for c in city.counties for t in c.townships]


def villages(city: City):
    return [v for t in townships(city) for v in t.villages]


def test_jining_has_the_real_counts(jining: City) -> None:
    assert (jining.code, jining.name, jining.bureau_name) == ("370800", "济宁市", "济宁市司法局")
    assert {c.code: c.name for c in jining.counties} == JINING_COUNTIES
    assert len(townships(jining)) == 156
    assert len(villages(jining)) == 4560
    assert len(jining.firms) == 115
    assert len(jining.lawyers) == 2336
    assert len(jining.advisers) == 971


def test_same_seed_same_city_and_other_seed_other_names(jining: City) -> None:
    assert generate_city("jining", seed=2026) == jining
    other = generate_city("jining", seed=7)
    assert [p.name for p in other.lawyers] != [p.name for p in jining.lawyers]
    assert [v.name for v in villages(other)] != [v.name for v in villages(jining)]


def test_unknown_scale_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown scale"):
        generate_city("atlantis")


@pytest.mark.parametrize("scale", ["jining", "small"])
def test_codes_phones_and_licences_are_unique_and_well_formed(scale: str) -> None:
    city = generate_city(scale)
    people = [*city.lawyers, *city.advisers, *city.leaders]
    codes = [c.code for c in city.counties] + [t.code for t in townships(city)]
    codes += [v.code for v in villages(city)] + [f.code for f in city.firms]
    codes += [p.code for p in people] + [s.code for s in city.stations]
    assert len(codes) == len(set(codes))
    phones = [p.phone for p in people]
    assert len(phones) == len(set(phones))
    assert all(re.fullmatch(r"1[3-9]\d{9}", p) for p in phones)
    assert len({s.phone for s in city.stations}) == len(city.stations)
    assert all(re.fullmatch(r"0537-[2-8]\d{6}", s.phone) for s in city.stations)
    licences = [lw.licence_no for lw in city.lawyers]
    assert len(licences) == len(set(licences))
    assert all(re.fullmatch(r"\d{17}", n) for n in licences)
    assert len({f.name for f in city.firms}) == len(city.firms)


@pytest.mark.parametrize("scale", ["jining", "small"])
def test_geography_codes_names_and_markets(scale: str) -> None:
    city = generate_city(scale)
    for county in city.counties:
        assert county.bureau_name == f"{county.name}司法局"
        assert len({t.name for t in county.townships}) == len(county.townships)
        for township in county.townships:
            assert re.fullmatch(county.code + r"\d{3}", township.code)
            assert township.name.endswith(("镇", "乡", "街道"))
            assert township.office_name == f"{township.name}司法所"
            assert len({v.name for v in township.villages}) == len(township.villages)
            patterns = {v.market_days for v in township.villages if v.market_days}
            assert len(patterns) <= 2  # a wholly urban 街道 may have no market at all
            for village in township.villages:
                assert re.fullmatch(township.code + r"\d{3}", village.code)
                assert village.name.endswith(("村", "社区"))
                assert bool(village.market_days) == bool(village.market_label)
                assert all(1 <= d <= 30 for d in village.market_days)


def test_about_a_third_of_villages_have_no_market(jining: City) -> None:
    share = sum(1 for v in villages(jining) if not v.market_days) / len(villages(jining))
    assert 0.25 < share < 0.42
    assert all(not v.market_days for v in villages(jining) if v.name.endswith("社区"))


@pytest.mark.parametrize("scale", ["jining", "small"])
def test_each_village_has_exactly_one_adviser_within_one_township(scale: str) -> None:
    city = generate_city(scale)
    village_township = {v.code: t.code for t in townships(city) for v in t.villages}
    contracted = Counter(code for a in city.advisers for code in a.village_codes)
    assert set(contracted) == set(village_township)
    assert set(contracted.values()) == {1}
    for adviser in city.advisers:
        assert {village_township[v] for v in adviser.village_codes} == {adviser.township_code}
        assert 3 <= len(adviser.village_codes) <= 8
    assert {a.township_code for a in city.advisers} == set(village_township.values())
    firm_codes = {f.code for f in city.firms}
    for adviser in city.advisers:
        assert adviser.affiliation in firm_codes or adviser.affiliation.endswith("法律服务所")


@pytest.mark.parametrize("scale", ["jining", "small"])
def test_firms_pairings_and_lawyers(scale: str) -> None:
    city = generate_city(scale)
    counties = {c.code: c for c in city.counties}
    underserved = {code for code, c in counties.items() if c.underserved}
    for firm in city.firms:
        assert re.fullmatch(r"山东.{2}律师事务所", firm.name)
        if firm.county_code == CITY_CODE:
            assert 1 <= len(firm.paired_county_codes) <= 2
            assert set(firm.paired_county_codes) <= underserved
        else:
            assert firm.county_code in counties
            assert firm.paired_county_codes == ()
    per_county = Counter(f.county_code for f in city.firms)
    assert all(per_county[code] >= 3 for code in counties)
    assert all(any(code in f.paired_county_codes for f in city.firms) for code in underserved)
    firm_codes = {f.code for f in city.firms}
    assert all(lw.firm_code in firm_codes for lw in city.lawyers)
    assert all(
        lw.gender in ("男", "女") and 1990 <= lw.practising_since <= 2025 for lw in city.lawyers
    )
    qualified = sum(lw.duty_qualified for lw in city.lawyers) / len(city.lawyers)
    assert 0.78 < qualified < 0.92


def test_jining_firms_city_level_are_paired_and_larger(jining: City) -> None:
    city_firms = [f for f in jining.firms if f.county_code == CITY_CODE]
    assert 25 <= len(city_firms) <= 35
    assert {c.name for c in jining.counties if c.underserved} >= {"微山县", "鱼台县", "泗水县"}
    size = Counter(lw.firm_code for lw in jining.lawyers)
    city_avg = sum(size[f.code] for f in city_firms) / len(city_firms)
    county_firms = [f for f in jining.firms if f.county_code != CITY_CODE]
    assert city_avg > 1.5 * sum(size[f.code] for f in county_firms) / len(county_firms)


@pytest.mark.parametrize("scale", ["jining", "small"])
def test_each_bureau_has_five_to_seven_leaders_and_one_head(scale: str) -> None:
    city = generate_city(scale)
    units = [CITY_CODE, *(c.code for c in city.counties)]
    for unit in units:
        leaders = [d for d in city.leaders if d.unit_code == unit]
        assert 5 <= len(leaders) <= 7
        assert [d.title for d in leaders if d.is_head] == ["局长"]
    assert {d.unit_code for d in city.leaders} == set(units)


def test_stations_of_each_county_and_the_city(jining: City) -> None:
    kinds = Counter((s.unit_code, s.kind) for s in jining.stations)
    for county in jining.counties:
        for kind in ("centre", "court", "procuratorate", "detention", "legal_aid"):
            assert kinds[(county.code, kind)] == 1
    for kind in ("centre", "court", "hotline"):
        assert kinds[(CITY_CODE, kind)] == 1
    assert len(jining.stations) == 11 * 5 + 3
    hotline = next(s for s in jining.stations if s.kind == "hotline")
    assert {(d.day_type, d.shift, d.seats) for d in hotline.demand} == {
        (t, s, 2) for t in ("workday", "weekend", "holiday") for s in ("am", "pm")
    }
    detention = next(s for s in jining.stations if s.kind == "detention")
    assert {d.day_type for d in detention.demand} == {"workday", "weekend", "holiday"}


def monthly_seats(city: City, unit_code: str) -> int:
    days = {"workday": 23, "weekend": 8, "holiday": 3}  # a generous month
    return sum(
        days[d.day_type] * d.seats
        for s in city.stations
        if s.unit_code == unit_code
        for d in s.demand
    )


def duty_capacity(city: City, county: County) -> int:
    firms = {
        f.code
        for f in city.firms
        if f.county_code == county.code or county.code in f.paired_county_codes
    }
    return 4 * sum(1 for lw in city.lawyers if lw.firm_code in firms and lw.duty_qualified)


@pytest.mark.parametrize("scale", ["jining", "small"])
def test_duty_demand_is_comfortably_below_capacity(scale: str) -> None:
    city = generate_city(scale)
    for county in city.counties:
        assert monthly_seats(city, county.code) <= 0.7 * duty_capacity(city, county), county.name
    city_lawyers = sum(
        1
        for lw in city.lawyers
        if lw.duty_qualified
        and lw.firm_code in {f.code for f in city.firms if f.county_code == CITY_CODE}
    )
    assert monthly_seats(city, CITY_CODE) <= 0.7 * 4 * city_lawyers


def test_small_is_one_county_and_small(small: City) -> None:
    assert [(c.code, c.name) for c in small.counties] == [("370827", "鱼台县")]
    assert 2 <= len(small.counties[0].townships) <= 4
    assert 20 <= len(villages(small)) <= 60
    assert 5 <= len(small.advisers) <= 15
    assert 4 <= len(small.firms) <= 8
    assert 60 <= len(small.lawyers) <= 120
    assert {s.unit_code for s in small.stations} == {"370827"}
    assert len(small.stations) == 5
    city_firms = [f for f in small.firms if f.county_code == CITY_CODE]
    assert city_firms and all(f.paired_county_codes == ("370827",) for f in city_firms)
