"""A manager drafts next month's duty-lawyer roster in the browser, watches it solve, publishes
it; another county's manager is refused it."""

from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in

GRID = "/rosters/duty-lawyers/370827/2026-12"


def test_a_manager_drafts_watches_and_publishes(page, browser, live_server):
    sign_in(page, "yutai")
    page.goto("/rosters?month=2026-12")
    row = page.locator("tr", has_text="值班律师").filter(has_text="370827")
    expect(row).to_contain_text("未生成")
    screenshot(page, "rosters-list")

    row.get_by_role("link", name="查看").click()
    expect(page).to_have_url(live_server + GRID)
    page.get_by_role("button", name="生成草案").click()
    progress = page.locator("#draft-progress")
    expect(progress).to_be_visible()
    expect(page.locator("#progress-objective")).not_to_have_text("—", timeout=30_000)
    screenshot(page, "rosters-progress")

    # The script reloads the grid once the draft is recorded.
    expect(page.locator(".roster-state")).to_contain_text("草案 第1稿", timeout=60_000)
    expect(page.locator("table.sheet a.duty").first).to_be_visible()
    assert "覆盖率" in page.content()
    screenshot(page, "rosters-grid")

    page.get_by_role("button", name="发布").click()
    expect(page.locator(".roster-state")).to_contain_text("已发布 第1版")
    expect(page.locator(".notice").first).to_contain_text("已发布第 1 版")
    screenshot(page, "rosters-published")
    page.goto("/rosters?month=2026-12")
    expect(page.locator("tr", has_text="值班律师")).to_contain_text("已发布 第1版")
    screenshot(page, "rosters-list-after-publishing")
    page.goto(GRID)

    page.locator("table.sheet a.duty").first.click()
    expect(page.locator("h1")).to_have_text("调整值班")
    page.locator("select#person").select_option(index=1)
    page.get_by_role("button", name="检查是否符合规则").click()
    expect(page.locator("#verdict")).to_be_visible()
    screenshot(page, "rosters-reassign")

    other = browser.new_context(base_url=live_server, locale="zh-CN")
    try:
        stranger = other.new_page()
        sign_in(stranger, "sishui")
        response = stranger.goto(GRID)
        assert response.status == 403
        assert "无权访问" in stranger.content()
        stranger.goto("/rosters?month=2026-12")
        assert "370827" not in stranger.content()
    finally:
        other.close()
