"""Turn the generated demo city into events: every unit, firm, person and station."""

from collections.abc import Callable, Iterator

from domain.firm import LawFirm
from domain.person import DUTY_QUALIFICATION, Person
from domain.station import Station
from domain.unit import Unit
from domain.values import Demand
from roster.demo.accounts import DemoLogin, seed_accounts
from roster.demo.model import City
from roster.services import Services

ACTOR = "demo-seed"
CHUNK = 2000  # aggregates per transaction: large enough to be fast, small enough to stream


def aggregates(city: City) -> Iterator[object]:
    """Parents before children, so read models can place every unit in its county."""
    yield Unit(
        code=city.code,
        kind="city",
        name=city.name,
        parent_code="",
        office_name=city.bureau_name,
        actor=ACTOR,
    )
    for county in city.counties:
        yield Unit(
            code=county.code, kind="county", name=county.name, parent_code=city.code,
            office_name=county.bureau_name, underserved=county.underserved, actor=ACTOR,
        )  # fmt: skip
    adviser_of = {v: a.code for a in city.advisers for v in a.village_codes}
    for county in city.counties:
        for township in county.townships:
            yield Unit(
                code=township.code, kind="township", name=township.name,
                parent_code=county.code, office_name=township.office_name, actor=ACTOR,
            )  # fmt: skip
    for county in city.counties:
        for township in county.townships:
            for village in township.villages:
                unit = Unit(
                    code=village.code, kind="village", name=village.name,
                    parent_code=township.code, market_days=village.market_days,
                    market_label=village.market_label, actor=ACTOR,
                )  # fmt: skip
                if village.code in adviser_of:
                    unit.contract_adviser(adviser_of[village.code], actor=ACTOR)
                yield unit
    county_of_firm = {}
    for firm in city.firms:
        county_of_firm[firm.code] = firm.county_code
        aggregate = LawFirm(
            code=firm.code, name=firm.name, county_code=firm.county_code, actor=ACTOR
        )
        for paired in firm.paired_county_codes:
            aggregate.pair_with(paired, actor=ACTOR)
        yield aggregate
    for station in city.stations:
        yield Station(
            code=station.code, name=station.name, kind=station.kind, unit_code=station.unit_code,
            address=station.address, phone=station.phone,
            demand=tuple(Demand(d.day_type, d.shift, d.seats) for d in station.demand), actor=ACTOR,
        )  # fmt: skip
    for leader in city.leaders:
        yield Person(
            code=leader.code, name=leader.name, role="leader", unit_code=leader.unit_code,
            gender=leader.gender, phone=leader.phone, title=leader.title, is_head=leader.is_head,
            actor=ACTOR,
        )  # fmt: skip
    for lawyer in city.lawyers:
        yield Person(
            code=lawyer.code, name=lawyer.name, role="lawyer",
            unit_code=county_of_firm[lawyer.firm_code], firm_code=lawyer.firm_code,
            gender=lawyer.gender, phone=lawyer.phone, title="律师",
            qualifications=(DUTY_QUALIFICATION,) if lawyer.duty_qualified else (), actor=ACTOR,
        )  # fmt: skip
    for adviser in city.advisers:
        firm = adviser.affiliation if adviser.affiliation in county_of_firm else ""
        yield Person(
            code=adviser.code, name=adviser.name, role="adviser", unit_code=adviser.township_code,
            firm_code=firm, gender=adviser.gender, phone=adviser.phone, title="村居法律顾问",
            actor=ACTOR,
        )  # fmt: skip


def seed(services: Services, city: City, progress: Callable[[int], None] | None = None) -> int:
    """Record the whole city and bring the read models up to date; returns the number of
    aggregates saved."""
    saved = 0
    chunk: list[object] = []
    for aggregate in aggregates(city):
        chunk.append(aggregate)
        if len(chunk) == CHUNK:
            services.store.save(*chunk)
            saved += len(chunk)
            if progress:
                progress(len(chunk))
            chunk = []
    if chunk:
        services.store.save(*chunk)
        saved += len(chunk)
        if progress:
            progress(len(chunk))
    services.follower.catch_up()  # a bulk load: one catch-up at the end, not one per chunk
    return saved


def seed_demo(
    services: Services, city: City, progress: Callable[[int], None] | None = None
) -> tuple[int, list[DemoLogin]]:
    """The demo in one call: the city, then an account per role on it. Returns the number of
    aggregates saved and the demo logins."""
    saved = seed(services, city, progress)
    return saved, seed_accounts(services)
