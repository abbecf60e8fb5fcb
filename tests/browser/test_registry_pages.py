"""A manager looks up a lawyer, corrects a bad phone number on the form, records an absence,
changes a station's demand and imports a file with a bad row; screenshots of each page."""

from playwright.sync_api import expect

from tests.browser.conftest import screenshot, sign_in


def test_a_manager_keeps_people_and_stations_up_to_date(page):
    sign_in(page, "yutai")
    page.goto("/people")
    expect(page.locator("h1")).to_contain_text("人员")
    screenshot(page, "registry-people-list")

    page.get_by_role("searchbox").fill("L00051")
    page.get_by_role("button", name="搜索").click()
    page.locator("table.grid a").first.click()
    expect(page.locator("h1")).to_contain_text("律师")
    page.get_by_role("link", name="修改信息").click()
    page.fill("#phone", "12345")
    page.get_by_role("button", name="保存").click()
    expect(page.locator(".field-error").first).to_contain_text("格式不正确")
    screenshot(page, "registry-person-edit-refused")
    page.fill("#phone", "13900000001")
    page.fill("#reason", "更换手机号")
    page.get_by_role("button", name="保存").click()
    expect(page.locator(".notice")).to_contain_text("已保存")
    expect(page.locator(".facts")).to_contain_text("13900000001")

    page.fill("#start_date", "2026-12-21")
    page.fill("#end_date", "2026-12-23")
    page.fill("#reason", "外出培训")
    page.get_by_role("button", name="登记").click()
    expect(page.locator("#absences")).to_contain_text("外出培训")
    screenshot(page, "registry-person-detail")

    page.goto("/stations/S0002")
    screenshot(page, "registry-station-detail")
    page.goto("/units/370827")
    screenshot(page, "registry-unit-detail")
    page.goto("/firms/F0001")
    screenshot(page, "registry-firm-detail")


def test_the_administrator_sees_every_bad_row_of_an_import(page, tmp_path):
    sign_in(page, "admin")
    page.goto("/import")
    bad = tmp_path / "律所.csv"
    bad.write_text("编码,名称,所属县区编码\nF0200,新律所,370827\nF0201,,999999\n", "utf-8")
    page.set_input_files("#file-firms", str(bad))
    page.get_by_role("button", name="校验并导入").click()
    expect(page.locator(".problems")).to_contain_text("未导入任何数据")
    screenshot(page, "registry-import-problems")
