"""A swap request's states: every allowed step, and every refused one with its words."""

from datetime import date, datetime, timedelta

import pytest

from domain.errors import DomainError
from domain.swap import (
    OPEN_STATES,
    SWAP_STATES,
    ColleagueMissingError,
    ExchangeDutyError,
    LeadHoursError,
    NotAPoolPostError,
    NotYetDueError,
    NotYourRequestError,
    NotYoursToAcceptError,
    OwnRequestError,
    PoolNamesNobodyError,
    RejectionReasonMissingError,
    SwapExpiredError,
    SwapKindError,
    SwapRequest,
    SwapTransitionError,
    expires_at,
)
from domain.unit import Unit
from domain.vocabulary import TIME_ZONE

DUTY_STARTS = datetime(2026, 12, 10, 8, 30, tzinfo=TIME_ZONE)
LAPSES = expires_at(DUTY_STARTS, 24)
BEFORE = LAPSES - timedelta(hours=1)


def ask(kind: str = "cover", colleague: str = "L2", colleague_duty: str = "") -> SwapRequest:
    return SwapRequest(
        roster="r", unit_code="370827", duty="d1", day=date(2026, 12, 10), requester="L1",
        kind=kind, colleague=colleague, colleague_duty=colleague_duty,
        colleague_day=date(2026, 12, 12) if colleague_duty else None, duty_version=1,
        colleague_duty_version=1 if colleague_duty else 0, expires_at=LAPSES, actor="u-l1",
        reason="开庭",
    )  # fmt: skip


def events(swap: SwapRequest) -> list[str]:
    return [type(e).__name__ for e in swap.collect_events()]


def accepted(kind: str = "cover") -> SwapRequest:
    if kind == "pool":
        swap = ask("pool", "")
        swap.offer("L3", BEFORE, actor="u-l3")
        swap.accept("L1", BEFORE, actor="u-l1")
    else:
        swap = ask(kind, "L2", "d2" if kind == "exchange" else "")
        swap.accept("L2", BEFORE, actor="u-l2")
    return swap


def test_the_lead_time_rule():
    assert expires_at(DUTY_STARTS, 24) == datetime(2026, 12, 9, 8, 30, tzinfo=TIME_ZONE)
    assert expires_at(DUTY_STARTS, 0) == DUTY_STARTS


def test_cover_accepted_then_approved():
    swap = accepted("cover")
    swap.approve(BEFORE, actor="m1", reason="同意")
    assert swap.state == "approved" and swap.moves() == (("d1", "L2"),)
    assert events(swap) == ["Requested", "Accepted", "Approved"]


def test_an_exchange_moves_both_duties():
    swap = accepted("exchange")
    assert swap.moves() == (("d1", "L2"), ("d2", "L1"))


def test_a_pool_post_is_offered_by_a_colleague_and_the_requester_accepts_the_offer():
    swap = ask("pool", "")
    assert swap.colleague == "" and swap.state == "requested"
    swap.offer("L3", BEFORE, actor="u-l3", reason="我有空")
    assert (swap.state, swap.colleague) == ("offered", "L3")
    swap.accept("L1", BEFORE, actor="u-l1")
    swap.approve(BEFORE, actor="system", automatic=True)
    assert swap.moves() == (("d1", "L3"),)
    history = swap.collect_events()
    assert [type(e).__name__ for e in history] == ["Requested", "Offered", "Accepted", "Approved"]
    assert history[1].actor == "u-l3" and history[1].reason == "我有空"
    assert history[-1].automatic is True


@pytest.mark.parametrize("kind", ["cover", "exchange", "pool"])
def test_rejected_with_a_reason_only(kind):
    swap = accepted(kind)
    with pytest.raises(RejectionReasonMissingError):
        swap.reject(actor="m1", reason="  ")
    swap.reject(actor="m1", reason="人手不足")
    assert swap.state == "rejected"
    assert swap.collect_events()[-1].reason == "人手不足"


@pytest.mark.parametrize("step", ["requested", "offered", "accepted"])
def test_withdrawn_by_the_requester_before_approval(step):
    swap = ask("pool", "")
    if step != "requested":
        swap.offer("L3", BEFORE, actor="u-l3")
    if step == "accepted":
        swap.accept("L1", BEFORE, actor="u-l1")
    with pytest.raises(NotYourRequestError):
        swap.withdraw("L3", actor="u-l3")
    swap.withdraw("L1", actor="u-l1", reason="不用了")
    assert swap.state == "withdrawn"


def test_expired_only_once_due():
    swap = ask()
    with pytest.raises(NotYetDueError):
        swap.expire(BEFORE)
    swap.expire(LAPSES)
    assert swap.state == "expired" and events(swap)[-1] == "Expired"


def test_past_the_lead_time_nothing_moves_it_on():
    swap = ask("pool", "")
    with pytest.raises(SwapExpiredError) as caught:
        swap.offer("L3", LAPSES, actor="u-l3")
    assert "过期" in caught.value.message and "expired" in caught.value.message_en
    cover = ask()
    with pytest.raises(SwapExpiredError):
        cover.accept("L2", LAPSES, actor="u-l2")
    late = accepted()
    with pytest.raises(SwapExpiredError):
        late.approve(LAPSES, actor="m1")


def finished(state: str) -> SwapRequest:
    swap = accepted()
    {
        "approved": lambda: swap.approve(BEFORE, actor="m1"),
        "rejected": lambda: swap.reject(actor="m1", reason="不行"),
        "withdrawn": lambda: swap.withdraw("L1", actor="u-l1"),
        "expired": lambda: swap.expire(LAPSES),
    }[state]()
    return swap


STEPS = {
    "offer": lambda s: s.offer("L3", BEFORE, actor="u-l3"),
    "accept": lambda s: s.accept("L2", BEFORE, actor="u-l2"),
    "approve": lambda s: s.approve(BEFORE, actor="m1"),
    "reject": lambda s: s.reject(actor="m1", reason="不行"),
    "withdraw": lambda s: s.withdraw("L1", actor="u-l1"),
    "expire": lambda s: s.expire(LAPSES),
}


@pytest.mark.parametrize("state", ["approved", "rejected", "withdrawn", "expired"])
@pytest.mark.parametrize("step", STEPS)
def test_a_finished_request_refuses_every_step(state, step):
    swap = finished(state)
    recorded = len(swap.pending_events)
    with pytest.raises(SwapTransitionError) as caught:
        STEPS[step](swap)
    zh, en = SWAP_STATES[state]
    assert zh in caught.value.text("zh") and en in caught.value.text("en")
    assert swap.state == state and len(swap.pending_events) == recorded


def test_refused_steps_of_an_open_request():
    cover = ask()
    with pytest.raises(SwapTransitionError):
        cover.approve(BEFORE, actor="m1")  # nobody has accepted yet
    with pytest.raises(NotAPoolPostError):
        cover.offer("L3", BEFORE, actor="u-l3")
    with pytest.raises(NotYoursToAcceptError):
        cover.accept("L3", BEFORE, actor="u-l3")  # only the colleague named
    cover.accept("L2", BEFORE, actor="u-l2")
    with pytest.raises(SwapTransitionError):
        cover.accept("L2", BEFORE, actor="u-l2")  # twice
    pool = ask("pool", "")
    with pytest.raises(SwapTransitionError):
        pool.accept("L1", BEFORE, actor="u-l1")  # no offer to accept
    with pytest.raises(OwnRequestError):
        pool.offer("L1", BEFORE, actor="u-l1")
    pool.offer("L3", BEFORE, actor="u-l3")
    with pytest.raises(SwapTransitionError) as second:
        pool.offer("L2", BEFORE, actor="u-l2")  # the first offer holds it
    assert "已有同事" in second.value.message
    with pytest.raises(NotYoursToAcceptError):
        pool.accept("L3", BEFORE, actor="u-l3")  # the requester accepts an offer


def test_a_refused_step_records_nothing():
    swap = ask()
    swap.collect_events()
    with pytest.raises(DomainError):
        swap.approve(BEFORE, actor="m1")
    assert swap.pending_events == [] and swap.state == "requested"


@pytest.mark.parametrize(
    ("kind", "colleague", "colleague_duty", "error"),
    [
        ("trade", "L2", "", SwapKindError),
        ("pool", "L2", "", PoolNamesNobodyError),
        ("cover", "", "", ColleagueMissingError),
        ("cover", "L1", "", OwnRequestError),
        ("cover", "L2", "d2", ExchangeDutyError),
        ("exchange", "L2", "", ExchangeDutyError),
    ],
)
def test_a_request_that_makes_no_sense_is_refused(kind, colleague, colleague_duty, error):
    with pytest.raises(error) as caught:
        ask(kind, colleague, colleague_duty)
    assert caught.value.message and caught.value.message_en != caught.value.message


def test_every_state_has_words_and_the_open_ones_are_known():
    assert set(OPEN_STATES) < set(SWAP_STATES)


def test_a_unit_sets_its_swap_rules_as_an_event():
    unit = Unit(code="370827", kind="county", name="鱼台县", parent_code="370800")
    assert (unit.swap_auto_approve, unit.swap_lead_hours) == (False, 24)
    unit.set_swap_rules(True, 48, actor="m1", reason="人手足")
    assert (unit.swap_auto_approve, unit.swap_lead_hours) == (True, 48)
    assert unit.collect_events()[-1].actor == "m1"
    for bad in (-1, 24 * 15, True, "24"):
        with pytest.raises(LeadHoursError):
            unit.set_swap_rules(False, bad, actor="m1")
    assert unit.swap_lead_hours == 48
