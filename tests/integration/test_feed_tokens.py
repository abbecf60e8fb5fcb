"""Feed links: issued, rotated and revoked as events; only hashes stored; revoked at once."""

import pytest

from domain.feedtoken import NoActiveTokenError, feed_token_id
from roster.feeds.tokens import (
    NoFeedLinkError,
    UnknownFeedSubjectError,
    feed_urls,
    token_hash,
)
from roster.settings import Settings
from tests.integration.helpers import ACTOR, seed_county, table


def test_issue_rotate_revoke(services):
    seed_county(services)
    tokens = services.feed_tokens
    first = tokens.issue("person", "L1", actor=ACTOR)
    assert len(first.token) >= 40 and first.url.endswith(f"/feeds/{first.token}.ics")
    assert first.webcal_url.startswith("webcal://")
    assert tokens.resolve(first.token).subject == "L1"

    second = tokens.rotate("person", "L1", actor="L1")
    assert tokens.resolve(first.token) is None  # the old link stops at once
    assert tokens.resolve(second.token).scope == "person"

    tokens.revoke("person", "L1", actor=ACTOR, reason="手机丢失")
    assert tokens.resolve(second.token) is None
    with pytest.raises(NoActiveTokenError):
        tokens.revoke("person", "L1", actor=ACTOR)
    with pytest.raises(NoFeedLinkError):
        tokens.rotate("person", "L1", actor=ACTOR)

    third = tokens.issue("person", "L1", actor=ACTOR)  # a revoked feed can get a new link
    assert tokens.resolve(third.token).subject == "L1"


def test_only_hashes_are_recorded(services):
    seed_county(services)
    link = services.feed_tokens.issue("station", "S1", actor=ACTOR)
    rows = table(services, "SELECT token_hash, scope, subject, state FROM feed_tokens")
    assert rows == [(token_hash(link.token), "station", "S1", "active")]
    table_name = services.store.recorder.events_table_name
    with services.db.reading() as cur:
        states = [bytes(r[0]) for r in cur.execute(f"SELECT state FROM {table_name}").fetchall()]
    assert not any(link.token.encode() in state for state in states)
    assert any(token_hash(link.token).encode() in state for state in states)


def test_revoked_link_stops_even_before_the_read_model_catches_up(services):
    seed_county(services)
    link = services.feed_tokens.issue("person", "L2", actor=ACTOR)
    # Another worker revokes: the event is recorded, this worker's read model is behind.
    services.uow.change(feed_token_id("person", "L2"), lambda t: t.revoke(actor=ACTOR))
    assert services.feed_tokens.resolve(link.token) is None


def test_unknown_subjects_and_tokens(services):
    seed_county(services)
    with pytest.raises(UnknownFeedSubjectError):
        services.feed_tokens.issue("person", "NOBODY", actor=ACTOR)
    with pytest.raises(UnknownFeedSubjectError):
        services.feed_tokens.issue("roster", "no-such-kind/370827", actor=ACTOR)
    assert services.feed_tokens.issue("roster", "duty-lawyers/370827", actor=ACTOR).token
    assert services.feed_tokens.resolve("x" * 43) is None
    assert services.feed_tokens.resolve("short") is None


def test_links_use_the_public_address():
    settings = Settings(public_url="https://roster.example.cn/")
    assert feed_urls(settings, "abc") == (
        "https://roster.example.cn/feeds/abc.ics",
        "webcal://roster.example.cn/feeds/abc.ics",
    )
    assert feed_urls(Settings(port=9000), "abc")[0] == "http://127.0.0.1:9000/feeds/abc.ics"
