"""Ending a pairing that does not exist is refused in words, never a crash."""

import pytest

from domain.firm import LawFirm, NotPairedError


def test_ending_a_pairing_that_is_not_there_is_refused_and_records_nothing():
    firm = LawFirm(code="F1", name="鱼台所", county_code="370827")
    firm.pair_with("370831", actor="m")
    firm.end_pairing("370831", actor="m", reason="结束")
    pending = len(firm.pending_events)
    with pytest.raises(NotPairedError) as refused:
        firm.end_pairing("370831", actor="m", reason="再次结束")
    assert "未与县区“370831”结对" in refused.value.message
    assert len(firm.pending_events) == pending and firm.paired_counties == []
