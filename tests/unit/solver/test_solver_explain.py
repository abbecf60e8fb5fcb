"""Unfilled seats and infeasible problems come back as sentences about slots and people."""

from solver import (
    CoverGroup,
    GroupLimit,
    Limits,
    PersonLimits,
    ShiftType,
    Solution,
    Unavailability,
    explain,
)

COURT = {"station_name": "鱼台县人民法院", "station_name_en": "Court of Yutai County"}
MORNING = (ShiftType("am", 8 * 60, 240, "上午", "morning"),)


def court_problem(mk, **kw):
    slots = [mk.slot("s", 0, "am", target=2, **COURT)]
    return mk.problem(people=["a", "b"], shifts=MORNING, slots=slots, **kw)


def test_shortfall_names_the_only_available_person(mk):
    p = court_problem(mk, unavailability=(Unavailability("b", mk.day(0)),))
    result = mk.run(p)
    [e] = explain(p, result)
    assert e.kind == "shortfall" and (e.needed, e.filled) == (2, 1)
    assert e.eligible == ("a", "b") and e.available == ("a",)
    assert e.message == "鱼台县人民法院 12月7日 上午：需要 2 人，仅 1 名符合条件且有空的人员：张三"
    [en] = explain(p, result, lang="en")
    assert en.message == (
        "Court of Yutai County, 7 Dec morning: needs 2, only 1 eligible and available person: "
        "Zhang San"
    )


def test_shortfall_with_nobody_eligible(mk):
    p = mk.problem(slots=[mk.slot("s", 0, eligible=(), **COURT)])
    [e] = explain(p, mk.run(p))
    assert e.message == "鱼台县人民法院 12月7日 白班：需要 1 人，没有符合条件的人员"


def test_shortfall_says_who_is_held_back_by_a_limit(mk):
    slots = [mk.slot("x", 0, station="x"), mk.slot("s", 0, "day", **COURT)]
    p = mk.problem(people=["a"], slots=slots)
    # a is on x, so s stays empty because of one duty a day
    result = Solution({"x": ("a",), "s": ()}, "FEASIBLE")
    [e] = explain(p, result)
    assert e.blocked == (("a", "max_duties_per_day"),)
    assert e.message == (
        "鱼台县人民法院 12月7日 白班：需要 1 人，没有符合条件且有空的人员；1 人受限：张三（当天已有班次）"
    )
    [en] = explain(p, result, lang="en")
    assert en.message.endswith("held back by a limit: Zhang San (already on duty that day)")


def test_infeasible_slot_minimum(mk):
    slots = [mk.slot("s", 0, "am", target=2, minimum=2, **COURT)]
    p = mk.problem(people=["a", "b"], shifts=MORNING, slots=slots,
                   unavailability=(Unavailability("b", mk.day(0)),))  # fmt: skip
    [e] = explain(p, Solution({}, "INFEASIBLE"))
    assert e.kind == "slot_minimum"
    assert e.message == "鱼台县人民法院 12月7日 上午：需要 2 人，仅 1 名符合条件且有空的人员：张三"


def test_infeasible_cover_group_group_limit_and_person_minimum(mk):
    slots = [mk.slot("s", 0, target=0, maximum=1, eligible=())]
    p = mk.problem(
        people=[mk.person("a", "firm")], slots=slots,
        cover_groups=(CoverGroup("v", ("s",), name="张村", name_en="Zhang village"),),
        group_limits=(GroupLimit("firm", minimum=1, name="甲律所"),),
        person_limits=(PersonLimits("a", Limits(min_shifts=1)),),
    )  # fmt: skip
    found = explain(p, Solution({}, "INFEASIBLE"))
    assert [e.kind for e in found] == ["cover_group", "group_minimum", "person_minimum"]
    assert found[0].message == "张村：需要 1 人次，仅安排 0 人次，可安排人员 0 名"
    assert found[1].message == "甲律所：至少需要值班 1 次，最多只能安排 0 次"
    assert found[2].message == "张三：至少需要 1 个班次，最多只能安排 0 个"
    assert explain(p, Solution({}, "INFEASIBLE"), "en")[0].message.startswith("Zhang village")


def test_infeasible_without_a_simple_cause(mk):
    slots = [mk.slot(str(i), i, minimum=1) for i in range(2)]
    p = mk.problem(2, people=["a"], slots=slots, default_limits=Limits(max_shifts=1))
    [e] = explain(p, Solution({}, "INFEASIBLE"))
    assert e.kind == "unknown"
