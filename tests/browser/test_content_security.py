"""The Content-Security-Policy breaks nothing: the pages with behaviour (lobby clock, feed link,
print button, roster grid) run their scripts from /static and Chromium reports no violation."""

import pytest

from tests.browser.conftest import sign_in
from tests.e2e.member_pages_helpers import VILLAGE, publish_a_busy_month


@pytest.fixture(scope="module")
def live_seed():
    return publish_a_busy_month


def test_no_page_violates_the_content_security_policy(page):
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.goto("/")
    sign_in(page, "lvshi")
    page.goto("/me/duties")
    page.click("text=生成订阅链接")
    page.click("input.feed-url")  # data-select-all, from /static/site.js
    assert page.evaluate(
        "(f => f.value.length > 0 && f.selectionStart === 0 && f.selectionEnd === f.value.length)"
        "(document.querySelector('input.feed-url'))"
    )
    page.goto(f"/public/villages/{VILLAGE}")
    assert page.locator("[data-print]").count() == 1
    page.goto("/lobby/S0001")
    assert page.text_content("#clock").strip()  # /static/lobby.js ran
    page.goto("/me")
    page.click("button:has-text('退出')")
    sign_in(page, "yutai")
    page.goto("/rosters/duty-lawyers/370827/2026-12")
    assert page.locator("#draft-form").count() == 1
    assert violations == []
