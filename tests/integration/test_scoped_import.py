"""A county manager's import names only what lies in their scope: every unit, firm and person
column is checked, a reference outside it is a row error, and nothing is written. Both stores."""

from pathlib import Path

import pytest

from roster.access.accounts import Principal
from roster.registry.importing.scoped import import_within_scope
from tests.integration.helpers import ACTOR, seed_county

YUTAI = Principal("yutai", "鱼台县", "manager", ("370827",), "", 1)
CITY = Principal("jining", "济宁市", "manager", ("370800",), "", 1)


@pytest.fixture
def city(services):
    """鱼台县 (seed_county) plus 泗水县 with a township, a firm and an adviser, and a city firm."""
    seed_county(services)
    r = services.registry
    r.register_unit("370831", "county", "泗水县", "370800", actor=ACTOR)
    r.register_unit("370831001", "township", "泗张镇", "370831", actor=ACTOR)
    r.register_firm("F9", "泗水律所", "370831", [], actor=ACTOR)
    r.register_firm("F0", "济宁市律所", "370800", ["370827"], actor=ACTOR)
    r.register_person("A9", "泗水顾问", "adviser", "370831001", actor=ACTOR)
    return services


# kind, file content, the column refused (None: the row is within 鱼台县)
ROWS = [
    ("units", "编码,名称,类型,上级编码\n370831009,越界镇,乡镇,370831\n", "parent_code"),
    ("units", "编码,名称,类型\n370900,另一市,市\n", "parent_code"),
    ("units", "编码,名称,类型,上级编码\n370827009,新镇,乡镇,370827\n", None),
    ("firms", "编码,名称,所属县区编码\nF10,越界所,370831\n", "county_code"),
    ("firms", "编码,名称,所属县区编码,结对县区\nF11,结对所,370827,370831\n", "paired_counties"),
    ("firms", "编码,名称,所属县区编码\nF12,本县所,370827\n", None),
    ("stations", "编码,名称,类型,所属单位编码,地址,值班需求\n"
     "S9,越界点,看守所,370831,泗水,工作日:全天:1\n", "unit_code"),
    ("people", "编码,姓名,类别,所属单位编码,律所编码\nL90,孙八,律师,370827,F9\n", "firm_code"),
    ("people", "编码,姓名,类别,所属单位编码,律所编码\nL91,孙九,律师,370827,F0\n", "firm_code"),
    ("people", "编码,姓名,类别,所属单位编码\nD9,钱十,领导干部,370831\n", "unit_code"),
    ("people", "编码,姓名,类别,所属单位编码,律所编码\nL92,孙十,律师,370827,F1\n", None),
    ("villages", "编码,名称,乡镇编码\n370831001201,越界村,370831001\n", "township_code"),
    ("villages", "编码,名称,乡镇编码,法律顾问编码\n370827001209,新村,370827001,A9\n",
     "adviser_code"),
    ("villages", "编码,名称,乡镇编码,法律顾问编码\n370827001209,新村,370827001,A1\n", None),
]  # fmt: skip


def run(services, tmp_path: Path, kind: str, text: str, principal: Principal):
    path = tmp_path / f"{kind}.csv"
    path.write_text(text, encoding="utf-8")
    scope = services.access.scope_of(principal)
    return import_within_scope(services, {kind: [path]}, principal.username, {}, scope)


@pytest.mark.parametrize(("kind", "text", "column"), ROWS)
def test_every_reference_is_checked_against_the_importers_scope(city, tmp_path, kind, text, column):
    before = city.store.recorder.max_notification_id()
    report = run(city, tmp_path, kind, text, YUTAI)
    if column is None:
        assert report.ok, report.problems
        return
    assert [(p.line, p.column) for p in report.problems] == [(2, column)]
    problem = report.problems[0]
    assert str(problem).startswith(f"{kind}.csv 第 2 行【{column}】：")
    assert "范围" in problem.message or "市级" in problem.message
    assert problem.text("en") != problem.message  # said in English too
    assert city.store.recorder.max_notification_id() == before


def test_what_the_import_creates_in_scope_may_be_named_by_later_rows(city, tmp_path):
    firms = tmp_path / "firms.csv"
    firms.write_text("编码,名称,所属县区编码\nF20,新所,370827\n", encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text("编码,姓名,类别,律所编码\nL93,新律师,律师,F20\n", encoding="utf-8")
    scope = city.access.scope_of(YUTAI)
    files = {"firms": [firms], "people": [people]}
    report = import_within_scope(city, files, "yutai", {}, scope)
    assert report.ok, report.problems


def test_the_city_level_imports_across_counties_and_pairs(city, tmp_path):
    text = "编码,名称,所属县区编码,结对县区\nF21,济宁新所,370800,370827;370831\n"
    assert run(city, tmp_path, "firms", text, CITY).ok
