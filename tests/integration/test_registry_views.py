"""The registry pages' queries on both stores: scope, case-blind code search, pages, and the
edit commands recording actor and reason."""

from domain.station import station_id
from roster.access.scope import Scope
from roster.registry.queries import PAGE_SIZE


def seed(services) -> None:
    r = services.registry
    r.register_unit("370800", "city", "济宁市", "", actor="t")
    r.register_unit("370827", "county", "鱼台县", "370800", actor="t")
    r.register_unit("370831", "county", "泗水县", "370800", actor="t")
    for n in range(PAGE_SIZE + 3):
        r.register_person(f"L{n:03d}", f"律师{n}", "lawyer", "370827", actor="t")
    r.register_person("X1", "钱七", "lawyer", "370831", actor="t")
    r.register_station("S1", "法院", "court", "370827", "路 1 号", "", [("workday", "am", 1)], "t")
    r.register_firm("F1", "城区律所", "370800", [], actor="t")


def test_pages_are_scoped_searched_and_paged(services):
    seed(services)
    views = services.registry_views
    yutai = Scope(unit_codes=frozenset({"370827"}), writable=True)
    first = views.page("people", yutai)
    assert first.total == PAGE_SIZE + 3 and len(first.rows) == PAGE_SIZE and first.pages == 2
    assert len(views.page("people", yutai, number=2).rows) == 3
    assert [r["code"] for r in views.page("people", yutai, "l007").rows] == ["L007"]
    assert views.page("people", yutai, "钱七").total == 0
    assert views.page("people", Scope(everything=True), "钱七").rows[0]["unit_name"] == "泗水县"
    assert views.page("firms", yutai).total == 0
    services.registry.pair_firm("F1", "370827", actor="t", reason="支援")
    assert [r["code"] for r in views.page("firms", yutai).rows] == ["F1"]


def test_station_changes_keep_actor_and_reason(services):
    seed(services)
    services.registry.edit_station(
        "S1", "人民法院", "路 2 号", "", [("weekend", "day", 2)], "yutai", "周末开放，改名"
    )
    station = services.registry_views.station("S1")
    assert station["demand"] == [("weekend", "day", 2)] and station["name"] == "人民法院"
    events = list(services.store.events.get(station_id("S1")))
    # One form, one unit of work: both facts, each with the actor and the reason.
    assert [(type(e).__name__, e.actor, e.reason) for e in events[-2:]] == [
        ("DemandChanged", "yutai", "周末开放，改名"),
        ("DetailsChanged", "yutai", "周末开放，改名"),
    ]
    assert station["version"] == len(events)
