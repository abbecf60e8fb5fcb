"""The registry's bulk lookups on both stores, and the readers that use them asking a constant
number of questions however many duties they show."""

from domain.summary import DraftSummary
from roster.registry import lookups as lookups_module
from roster.store.database import Cursor
from tests.integration.feeds_helpers import MONTH, draft_and_publish
from tests.integration.helpers import december, seed_county


def count_queries(monkeypatch) -> list[str]:
    seen: list[str] = []
    execute = Cursor.execute

    def counted(self, sql, params=()):
        seen.append(sql)
        return execute(self, sql, params)

    monkeypatch.setattr(Cursor, "execute", counted)
    return seen


def test_bulk_lookups_answer_known_codes_in_chunks(services, monkeypatch):
    seed_county(services)
    lookups = services.lookups
    monkeypatch.setattr(lookups_module, "CHUNK", 2)
    queries = count_queries(monkeypatch)
    people = lookups.people(["L1", "L2", "L3", "A1", "nobody", "L1"])
    assert {c: p.name for c, p in people.items()} == {
        "L1": "张三", "L2": "李四", "L3": "王五", "A1": "赵六",
    }  # fmt: skip
    assert len(queries) == 3  # five distinct codes, two a query
    assert lookups.people([]) == {}
    assert lookups.unit("370800").office == "济宁市司法局"
    assert lookups.unit("370827").office == "鱼台县"
    assert lookups.unit("370827001201").market_days == (3, 8)
    (village,) = lookups.villages(["370827001201", "S1", "370827"]).values()
    assert (village.name, village.township, village.county, village.adviser_code) == (
        "王庙村", "谷亭街道", "鱼台县", "A1",
    )  # fmt: skip
    assert lookups.villages_of("370827001") == [
        ("370827001201", "王庙村"),
        ("370827001202", "李庄村"),
    ]
    assert lookups.open_stations_of("370827") == [("S1", "鱼台县看守所")]
    assert lookups.open_stations_of("370827", ("centre",)) == []
    assert lookups.station("S1").phone == "0537-6211111"


def test_duty_lines_and_feeds_ask_a_constant_number_of_queries(services, monkeypatch):
    seed_county(services)
    one = [(december(1), "S1", "day", 0, "L1")]
    draft_and_publish(services, one)
    queries = count_queries(monkeypatch)
    first, last = december(1), december(31)
    assert len(services.duties.on_days(first, last)) == 1
    services.feeds.forget()
    services.feeds.station("S1")
    few = len(queries)
    monkeypatch.undo()
    many = [(december(d), "S1", "day", 0, ("L1", "L2", "L3")[d % 3]) for d in range(1, 29)]
    services.rosters.draft("duty-lawyers", "370827", MONTH, many, DraftSummary(), "t")
    services.rosters.publish("duty-lawyers", "370827", MONTH, "t")
    queries = count_queries(monkeypatch)
    lines = services.duties.on_days(first, last)
    services.feeds.forget()
    services.feeds.station("S1")
    assert len(lines) == 28 and {x.person_name for x in lines} == {"张三", "李四", "王五"}
    assert len(queries) == few
