"""The app in a real browser: the overview, and a manager signing in."""

from tests.browser.conftest import screenshot, sign_in


def test_overview_renders_the_city(page):
    page.goto("/")
    assert "公共法律服务概览" in page.content()
    screenshot(page, "overview")


def test_a_manager_signs_in_and_sees_who_they_are(page):
    sign_in(page, "yutai")
    page.goto("/me")
    assert "yutai" in page.content()
    screenshot(page, "me-manager")
