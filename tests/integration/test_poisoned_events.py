"""One bad event never stops the system, on both stores: text a store cannot hold is refused
before it becomes an event; an event a read model cannot apply stalls only that read model,
visibly, while the others, the commands and the server go on."""

import uuid
from datetime import datetime

import pytest
from aiohttp.test_utils import TestClient, TestServer
from eventsourcing.persistence import StoredEvent

from domain import aggregate as aggregate_module
from domain.person import Person
from domain.text import TextError
from roster.bootstrap import build
from roster.cli.main import main
from tests.integration.helpers import ACTOR, seed_county, table
from web.app import create_app

START, END = datetime(2026, 12, 7, 9), datetime(2026, 12, 7, 17)
POISON_TOPIC = f"{Person.__module__}:{Person.UnavailabilityDeclared.__qualname__}"


def log_length(services) -> int:
    return services.store.recorder.max_notification_id() or 0


@pytest.mark.parametrize(
    "reason", ["a\x00b", "开\x1b[31m庭", "\u2028", "\ud800", "x" * 501], ids=repr
)
def test_text_a_store_cannot_hold_is_refused_and_nothing_recorded(services, reason):
    seed_county(services)
    before = log_length(services)
    with pytest.raises(TextError) as refused:
        services.registry.declare_unavailable("L1", START, END, reason, actor=ACTOR)
    assert refused.value.field == "reason"
    assert "原因" in refused.value.message and "reason" in refused.value.message_en
    assert log_length(services) == before


def test_names_refuse_bidi_overrides_and_newlines_but_reasons_may_have_lines(services):
    seed_county(services)
    for name in ("张\u202e三", "张\n三", "\u200b张三"):
        with pytest.raises(TextError):
            services.registry.register_person("L8", name, "lawyer", "370827", actor=ACTOR)
    services.registry.declare_unavailable("L1", START, END, "开庭\n第二行", actor=ACTOR)
    assert table(services, "SELECT reason FROM unavailability") == [("开庭\n第二行",)]


def test_an_event_recorded_before_text_was_checked_still_projects(services, monkeypatch):
    """A log written by an older version may hold NUL: the read model shows U+FFFD there
    (PostgreSQL text cannot hold NUL), the log keeps the event exactly as it was."""
    seed_county(services)
    monkeypatch.setattr(aggregate_module, "check_event_text", lambda values: None)
    services.registry.declare_unavailable("L1", START, END, "a\x00b", actor=ACTOR)
    (reason,) = table(services, "SELECT reason FROM unavailability")[0]
    assert reason == ("a\ufffdb" if services.db.postgres else "a\x00b")
    assert all(s.failure is None for s in services.follower.status())


def append_unreadable_event(services) -> int:
    """An event no projection can read, written straight into the log as a fault would."""
    poison = StoredEvent(uuid.uuid4(), 1, POISON_TOPIC, b'{"not": "an event')
    services.store.recorder.insert_events([poison])
    return log_length(services)


async def test_an_event_a_read_model_cannot_apply_stalls_only_that_read_model(
    services, store_url, capsys
):
    seed_county(services)
    poisoned_at = append_unreadable_event(services)

    # Commands go on and answer normally; read models the poison does not touch stay current.
    services.registry.declare_unavailable("L2", START, END, "开庭", actor=ACTOR)
    services.accounts.register(
        "yutai2", "鱼台管理员", "x-Very-long-9", "manager", ACTOR, unit_codes=["370827"]
    )
    assert [a.username for a in services.accounts.all()] == ["yutai2"]
    status = {s.name: s for s in services.follower.status()}
    stalled = {name for name, s in status.items() if s.failure}
    assert stalled == {"registry", "changes"}  # the two that read Person events
    for name in stalled:
        assert status[name].failure.notification_id == poisoned_at
        assert status[name].failure.topic == POISON_TOPIC
        assert status[name].position == poisoned_at - 1
    assert status["accounts"].position == log_length(services)

    # The server starts on this store and says what is wrong.
    restarted = build(database_url=store_url, secret_key="test")
    try:
        client = TestClient(TestServer(create_app(restarted, restarted.settings)))
        await client.start_server()
        try:
            health = await (await client.get("/health")).json()
        finally:
            await client.close()
        assert health["status"] == "ok"
        assert health["stalled"] == {"registry": poisoned_at, "changes": poisoned_at}
    finally:
        restarted.close()

    # `roster projections status` names the failing event; retry without a fix stays stalled.
    assert main(["--database-url", store_url, "projections", "status"]) == 1
    out = capsys.readouterr().out
    assert f"已停在第 {poisoned_at} 条事件" in out and POISON_TOPIC in out
    assert services.follower.retry(["registry"]) == 1
    again = {s.name: s.failure for s in services.follower.status()}
    assert again["registry"].notification_id == poisoned_at


def test_a_rebuild_meets_the_poison_again_and_applies_everything_around_it(services):
    seed_county(services)
    poisoned_at = append_unreadable_event(services)
    services.registry.declare_unavailable("L2", START, END, "开庭", actor=ACTOR)
    services.follower.rebuild()
    status = {s.name: s for s in services.follower.status()}
    assert status["registry"].failure.notification_id == poisoned_at
    assert status["duties"].failure is None
    assert status["duties"].position == log_length(services)
