"""What each import file holds: its columns and how a row becomes an aggregate."""

from collections.abc import Callable
from dataclasses import dataclass, field

from domain.errors import DomainError
from domain.firm import LawFirm
from domain.person import DUTY_QUALIFICATION, Person
from domain.station import Station
from domain.unit import Unit
from domain.values import Demand
from roster.registry.importing import fields as f

ACTOR_FIELD = "actor"


@dataclass
class Known:
    """Codes already in the store plus those created earlier in this import."""

    units: dict[str, str] = field(default_factory=dict)  # code → kind
    firms: dict[str, str] = field(default_factory=dict)  # code → county code
    people: dict[str, str] = field(default_factory=dict)  # code → role
    stations: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    aliases: dict[str, str]
    required: tuple[str, ...]
    build: Callable[[dict[str, str], Known, str], list[object]]


def _unit_ref(value: str, column: str, known: Known, kinds: tuple[str, ...]) -> str:
    f.code(value, column)
    if known.units.get(value) not in kinds:
        raise f.FieldError(column, f"找不到单位“{value}”（须先导入或已存在）")
    return value


def _new(value: str, column: str, taken: dict | set) -> str:
    f.code(value, column)
    if value in taken:
        raise f.FieldError(column, f"编码“{value}”已存在")
    return value


def build_unit(v: dict[str, str], known: Known, actor: str) -> list[object]:
    code = _new(v["code"], "code", known.units)
    kind = f.choice(
        v["kind"],
        "kind",
        {"市": "city", "县区": "county", "乡镇": "township"}
        | {k: k for k in ("city", "county", "township")},
    )
    parent = (
        ""
        if kind == "city"
        else _unit_ref(
            v.get("parent_code", ""),
            "parent_code",
            known,
            {"county": ("city",), "township": ("county",)}[kind],
        )
    )
    unit = Unit(
        code=code,
        kind=kind,
        name=f.text(v["name"], "name"),
        parent_code=parent,
        office_name=v.get("office_name", ""),
        actor=actor,
    )
    known.units[code] = kind
    return [unit]


def build_village(v: dict[str, str], known: Known, actor: str) -> list[object]:
    code = _new(v["code"], "code", known.units)
    township = _unit_ref(v["township_code"], "township_code", known, ("township",))
    days, label = f.market_days(v.get("market_days", ""), "market_days")
    unit = Unit(
        code=code,
        kind="village",
        name=f.text(v["name"], "name"),
        parent_code=township,
        market_days=days,
        market_label=label,
        actor=actor,
    )
    adviser = v.get("adviser_code", "")
    if adviser:
        if known.people.get(adviser) != "adviser":
            raise f.FieldError("adviser_code", f"找不到法律顾问“{adviser}”")
        unit.contract_adviser(adviser, actor=actor)
    known.units[code] = "village"
    return [unit]


def build_firm(v: dict[str, str], known: Known, actor: str) -> list[object]:
    code = _new(v["code"], "code", known.firms)
    county = _unit_ref(v["county_code"], "county_code", known, ("city", "county"))
    firm = LawFirm(code=code, name=f.text(v["name"], "name"), county_code=county, actor=actor)
    for paired in f.codes(v.get("paired_counties", ""), "paired_counties"):
        _unit_ref(paired, "paired_counties", known, ("county",))
        firm.pair_with(paired, actor=actor)
    known.firms[code] = county
    return [firm]


def build_station(v: dict[str, str], known: Known, actor: str) -> list[object]:
    code = _new(v["code"], "code", known.stations)
    station = Station(
        code=code,
        name=f.text(v["name"], "name"),
        kind=f.choice(v["kind"], "kind", f.KIND_NAMES),
        unit_code=_unit_ref(v["unit_code"], "unit_code", known, ("city", "county")),
        address=f.text(v.get("address", ""), "address", 200),
        phone=f.phone(v.get("phone", ""), "phone"),
        demand=tuple(Demand(*d) for d in f.demand(v.get("demand", ""), "demand")),
        actor=actor,
    )
    known.stations.add(code)
    return [station]


def build_person(v: dict[str, str], known: Known, actor: str) -> list[object]:
    code = _new(v["code"], "code", known.people)
    role = f.choice(v["role"], "role", f.ROLE_NAMES)
    firm = v.get("firm_code", "")
    if firm and firm not in known.firms:
        raise f.FieldError("firm_code", f"找不到律所“{firm}”")
    if role == "lawyer" and not firm:
        raise f.FieldError("firm_code", "律师必须填写所属律所编码")
    unit = v.get("unit_code", "") or known.firms.get(firm, "")
    allowed = {
        "leader": ("city", "county"),
        "lawyer": ("city", "county"),
        "adviser": ("township",),
    }[role]
    unit = _unit_ref(unit, "unit_code", known, allowed)
    qualified = f.flag(v.get("duty_qualified", ""), "duty_qualified")
    person = Person(
        code=code,
        name=f.text(v["name"], "name", 40),
        role=role,
        unit_code=unit,
        firm_code=firm,
        gender=v.get("gender", ""),
        phone=f.mobile(v.get("phone", ""), "phone"),
        title=v.get("title", ""),
        is_head=f.flag(v.get("is_head", ""), "is_head"),
        qualifications=(DUTY_QUALIFICATION,) if qualified else (),
        actor=actor,
    )
    known.people[code] = role
    return [person]


COMMON = {
    "编码": "code",
    "名称": "name",
    "姓名": "name",
    "电话": "phone",
    "手机": "phone",
    "地址": "address",
}

KINDS = {
    "units": Kind(
        "units",
        "单位",
        COMMON | {"类型": "kind", "上级编码": "parent_code", "机构名称": "office_name"},
        ("code", "name", "kind"),
        build_unit,
    ),
    "firms": Kind(
        "firms",
        "律所",
        COMMON | {"所属县区编码": "county_code", "结对县区": "paired_counties"},
        ("code", "name", "county_code"),
        build_firm,
    ),
    "stations": Kind(
        "stations",
        "值班点",
        COMMON | {"类型": "kind", "所属单位编码": "unit_code", "值班需求": "demand"},
        ("code", "name", "kind", "unit_code", "address", "demand"),
        build_station,
    ),
    "people": Kind(
        "people",
        "人员",
        COMMON
        | {
            "类别": "role",
            "所属单位编码": "unit_code",
            "律所编码": "firm_code",
            "性别": "gender",
            "职务": "title",
            "是否主要负责人": "is_head",
            "值班资格": "duty_qualified",
        },
        ("code", "name", "role"),
        build_person,
    ),
    "villages": Kind(
        "villages",
        "村居",
        COMMON
        | {"乡镇编码": "township_code", "集日": "market_days", "法律顾问编码": "adviser_code"},
        ("code", "name", "township_code"),
        build_village,
    ),
}
# Dependencies first: a village may name an adviser, a person a firm, a firm a county.
ORDER = ("units", "firms", "stations", "people", "villages")


def build_row(kind: Kind, values: dict[str, str], known: Known, actor: str) -> list[object]:
    for column in kind.required:
        if not values.get(column):
            raise f.FieldError(column, "不能为空")
    try:
        return kind.build(values, known, actor)
    except DomainError as exc:
        raise f.FieldError("", exc.message) from None
