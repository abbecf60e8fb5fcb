"""A lawyer signs in and finds a published duty and the calendar link; screenshots of the
member, public, lobby and calendar pages for people to look at."""

import pytest

from tests.browser.conftest import screenshot, sign_in
from tests.e2e.member_pages_helpers import VILLAGE, publish_a_busy_month

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def live_seed():
    return publish_a_busy_month


def test_a_lawyer_sees_a_published_duty_and_subscribes(page):
    sign_in(page, "lvshi")
    page.goto("/today")
    assert "我的下一次值班" in page.content() and "鱼台县看守所" in page.content()
    screenshot(page, "today-member")

    page.goto("/me/duties")
    page.click("text=生成订阅链接")
    page.wait_for_selector("a.feed-url")
    webcal = page.get_attribute("a.feed-url", "href")
    assert webcal.startswith("webcal://") and webcal.endswith(".ics")
    assert page.locator(".qr-box svg").count() == 1
    assert page.locator(".duty-list >> text=鱼台县看守所").count() >= 1
    screenshot(page, "my-duties-desktop")

    page.set_viewport_size(PHONE)
    page.goto("/me/duties")
    screenshot(page, "my-duties-phone")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.click(".duty-list a:has-text('鱼台县看守所') >> nth=0")
    assert "振兴路238号" in page.content()
    screenshot(page, "duty-page")

    page.goto("/calendar?year=2026")
    screenshot(page, "calendar-2026")
    page.goto("/calendar?year=2027")
    assert "尚未声明" in page.content()
    screenshot(page, "calendar-2027-undeclared")

    page.goto("/public/reception")
    assert "今日接待领导" in page.content()
    screenshot(page, "public-reception")
    page.goto(f"/public/villages/{VILLAGE}")
    screenshot(page, "village-notice")
    page.emulate_media(media="print")
    screenshot(page, "village-notice-print")
    page.emulate_media(media="screen")

    page.goto("/me")  # public pages hold no session, so sign out from a signed-in page
    page.click("button:has-text('退出')")
    sign_in(page, "yutai")
    page.goto("/calendar?year=2027")
    page.fill("input[name=day]", "2027-02-06")
    page.fill("input[name=name]", "春节")
    page.click("form[action='/calendar/declare'] button")
    assert "已声明" in page.content()
    screenshot(page, "calendar-2027-manager")
    page.goto("/today")
    screenshot(page, "today-manager")

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto("/lobby/S0001")
    assert "杨振勇" in page.content()
    screenshot(page, "lobby-centre")
