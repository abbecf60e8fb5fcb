"""Feed content comes from the read models: published duties only, in Chinese, local times."""

import datetime as dt
from zoneinfo import ZoneInfo

from domain.summary import DraftSummary
from roster.feeds.duties import FeedBuilder
from tests.integration.feeds_helpers import draft_and_publish, duty_id, events
from tests.integration.helpers import ACTOR, december, seed_county

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_person_feed_reads_like_a_duty_calendar(services):
    seed_county(services)
    draft_and_publish(services, [(december(3), "S1", "am", 0, "L1")])
    feed = services.feeds.person("L1")
    (event,) = events(feed.render()).values()
    assert str(event["SUMMARY"]) == "值班律师 · 鱼台县看守所"
    assert str(event["LOCATION"]) == "鱼台县谷亭街道"
    description = str(event["DESCRIPTION"])
    assert "08:30–12:00" in description and "0537-6211111" in description
    assert f"/duties/{duty_id(services, 3, 'L1')}" in description
    assert event.decoded("DTSTART") == dt.datetime(2026, 12, 3, 8, 30, tzinfo=SHANGHAI)
    assert event.decoded("DTEND") == dt.datetime(2026, 12, 3, 12, 0, tzinfo=SHANGHAI)
    assert event["SEQUENCE"] == 1 and str(event["STATUS"]) == "CONFIRMED"
    (alarm,) = event.walk("VALARM")
    # 20:00 the evening before an 08:30 start.
    assert alarm.decoded("TRIGGER") == -dt.timedelta(hours=12, minutes=30)
    assert "张三的值班" in feed.render().decode()


def test_drafts_never_leak(services):
    seed_county(services)
    draft_and_publish(services, [(december(3), "S1", "day", 0, "L1")], publish=False)
    assert services.feeds.person("L1").duties == ()
    assert services.feeds.station("S1").duties == ()
    assert services.feeds.roster("duty-lawyers", "370827").duties == ()
    services.rosters.publish("duty-lawyers", "370827", "2026-12", ACTOR)
    # A new draft moves the duty to L2 and adds one, unpublished: feeds keep the published state.
    draft_and_publish(
        services,
        [(december(3), "S1", "day", 0, "L2"), (december(4), "S1", "day", 0, "L2")],
        publish=False,
    )
    assert [d.status for d in services.feeds.person("L1").duties] == ["CONFIRMED"]
    assert services.feeds.person("L2").duties == ()
    assert len(services.feeds.station("S1").duties) == 1


def test_station_roster_and_public_feeds(services):
    seed_county(services)
    services.registry.register_person("G1", "钱七", "leader", "370827", actor=ACTOR)
    services.registry.register_station(
        "C1", "鱼台县公共法律服务中心", "centre", "370827", "鱼台县湖陵路 1 号", "0537-6222222",
        [("workday", "day", 1)], actor=ACTOR,
    )  # fmt: skip
    draft_and_publish(
        services, [(december(3), "S1", "am", 0, "L1"), (december(3), "S1", "pm", 0, "L2")]
    )
    services.rosters.draft(
        "reception",
        "370827",
        "2026-12",
        [(december(3), "C1", "day", 0, "G1")],
        DraftSummary(),
        ACTOR,
    )
    services.rosters.publish("reception", "370827", "2026-12", ACTOR)

    station = events(services.feeds.station("S1").render())
    assert sorted(str(e["SUMMARY"]) for e in station.values()) == [
        "值班律师 · 鱼台县看守所 · 张三",
        "值班律师 · 鱼台县看守所 · 李四",
    ]
    assert not any(e.walk("VALARM") for e in station.values())  # alarms are for one's own duties
    assert len(services.feeds.roster("duty-lawyers", "370827").duties) == 2
    public = events(services.feeds.public_reception("370827").render())
    assert [str(e["SUMMARY"]) for e in public.values()] == [
        "领导干部接待日 · 鱼台县公共法律服务中心 · 钱七"
    ]
    assert services.feeds.public_reception("370827001") is None  # a township is not a bureau
    assert services.feeds.person("NOBODY") is None


def test_station_feed_keeps_a_removed_duty_as_cancelled(services):
    seed_county(services)
    rid = draft_and_publish(services, [(december(5), "S1", "day", 0, "L1")])
    duty = duty_id(services, 5, "L1")
    services.rosters.reassign(rid, duty, "L2", ACTOR, "借调")
    (kept,) = services.feeds.station("S1").duties
    assert (kept.status, kept.sequence, kept.summary[-2:]) == ("CONFIRMED", 2, "李四")
    services.rosters.remove(rid, duty, ACTOR, "取消")
    (gone,) = services.feeds.station("S1").duties
    assert (gone.status, gone.sequence) == ("CANCELLED", 3)


def test_cancellations_stay_thirty_days_and_the_stamp_is_the_latest_change(services):
    seed_county(services)
    rid = draft_and_publish(services, [(december(5), "S1", "day", 0, "L1")])
    services.rosters.reassign(rid, duty_id(services, 5, "L1"), "L2", ACTOR, "借调")
    now = dt.datetime.now(dt.UTC)
    later = FeedBuilder(
        services.db,
        services.settings,
        services.lookups,
        services.duties,
        clock=lambda: now + dt.timedelta(days=29),
    )
    much_later = FeedBuilder(
        services.db,
        services.settings,
        services.lookups,
        services.duties,
        clock=lambda: now + dt.timedelta(days=32),
    )
    assert [d.status for d in later.person("L1").duties] == ["CANCELLED"]
    assert much_later.person("L1").duties == ()
    first, again = (
        services.feeds.person("L1"),
        FeedBuilder(services.db, services.settings, services.lookups, services.duties),
    )
    assert first.etag == again.person("L1").etag and first.render() == again.person("L1").render()
    assert first.stamp == max(d.last_modified for d in first.duties)
    # Nothing changed, yet the stamp of a feed whose cancellation expired does not go back.
    assert much_later.person("L1").stamp == first.stamp
