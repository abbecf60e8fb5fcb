"""web.params: one set of checks for every query and path parameter, with ranges."""

from datetime import date

import pytest

from web import params


@pytest.mark.parametrize(
    "text", ["0000-01", "9999-12", "1999-12", "2101-01", "2026-13", "2026-1", "²⁰²⁶-¹²",
             "٢٠٢٦-12", "2026-12\n", " 2026-12", ""],
)  # fmt: skip
def test_months_out_of_shape_or_range_are_refused(text):
    with pytest.raises(params.BadParameter) as refused:
        params.month(text)
    assert "2000-01" in refused.value.text("zh") and "must be a month" in refused.value.text("en")


def test_months_within_range_are_taken():
    assert params.month("2000-01") == "2000-01" and params.month_start("2100-12") == date(
        2100, 12, 1
    )


@pytest.mark.parametrize("text", ["²", "２０２６", "1999", "2101", "20266", "-1", "", "2026\n"])
def test_years_are_ascii_digits_within_range(text):
    with pytest.raises(params.BadParameter):
        params.year(text)
    assert params.year("2026") == 2026


@pytest.mark.parametrize("text", ["²", "0", "-1", "10001", "9" * 30, "1.5", "", "１"])
def test_pages_are_ascii_digits_within_range(text):
    with pytest.raises(params.BadParameter):
        params.page(text)
    assert params.page("1") == 1 and params.page("10000") == 10000


@pytest.mark.parametrize(
    "text", ["0001-01-01", "9999-12-31", "2026-02-30", "20261201", "２０２６-１２-０１",
             "2026-12-01T00:00", "99999-01-01", "1999-12-31", "2101-01-01"],
)  # fmt: skip
def test_days_must_exist_within_range(text):
    with pytest.raises(params.BadParameter):
        params.day(text, "from")
    assert params.day("2026-12-01", "from") == date(2026, 12, 1)


@pytest.mark.parametrize("text", ["a\x00b", "\x1b[31m", "\u202eabc", "x" * 41])
def test_text_without_control_characters_and_bounded(text):
    with pytest.raises(params.BadParameter):
        params.text(text, "q", 40)
    assert params.text("宋 江", "q", 40) == "宋 江"


def test_codes_units_and_choices():
    assert params.code("L00051", "person") == "L00051" and params.unit("370827") == "370827"
    for bad in ("L 1", "中", "a\x00", "x" * 41):
        with pytest.raises(params.BadParameter):
            params.code(bad, "person")
    with pytest.raises(params.BadParameter):
        params.unit("370827\n")
    with pytest.raises(params.BadParameter):
        params.choice("night", "kind", ("reception", "duty-lawyers"))
