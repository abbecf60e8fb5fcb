"""Small builders the integration tests share."""

from datetime import date

from roster.services import Services

ACTOR = "m-test"


def seed_county(services: Services) -> None:
    """A city, one county, one township and two villages, a firm, three lawyers, one station."""
    r = services.registry
    r.register_unit("370800", "city", "济宁市", "", actor=ACTOR, office_name="济宁市司法局")
    r.register_unit("370827", "county", "鱼台县", "370800", actor=ACTOR, underserved=True)
    r.register_unit("370827001", "township", "谷亭街道", "370827", actor=ACTOR)
    r.register_unit(
        "370827001201", "village", "王庙村", "370827001", actor=ACTOR, market_days=(3, 8)
    )
    r.register_unit("370827001202", "village", "李庄村", "370827001", actor=ACTOR)
    r.register_firm("F1", "山东鱼台律师事务所", "370827", [], actor=ACTOR)
    for code, name in (("L1", "张三"), ("L2", "李四"), ("L3", "王五")):
        r.register_person(
            code, name, "lawyer", "370827", actor=ACTOR, firm_code="F1", phone="13800000000"
        )
    r.register_person("A1", "赵六", "adviser", "370827001", actor=ACTOR)
    r.contract_adviser("370827001201", "A1", actor=ACTOR)
    r.register_station(
        "S1", "鱼台县看守所", "detention", "370827", "鱼台县谷亭街道", "0537-6211111",
        [("workday", "day", 1), ("weekend", "day", 1)], actor=ACTOR,
    )  # fmt: skip


def december(day: int) -> date:
    return date(2026, 12, day)


def table(services: Services, sql: str) -> list[tuple]:
    with services.db.reading() as cur:
        return sorted(tuple(row) for row in cur.execute(sql).fetchall())


def snapshot(services: Services) -> dict[str, list[tuple]]:
    """Every row of every table a projection owns (taken from the projections themselves, so
    a new read model cannot be left out), with the tracking positions."""
    tables = sorted(t for p in services.follower.projections for t in p.tables)
    rows = {name: table(services, f"SELECT * FROM {name}") for name in tables}
    rows["read_model_tracking"] = table(services, "SELECT name, position FROM read_model_tracking")
    return rows
