"""Plain, frozen records of the demo city; the seeding code turns them into events."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Village:
    code: str  # 12 digits: township code + 3 (社区 001…, 村 201…)
    name: str  # ends with 村 or 社区
    market_days: tuple[int, ...]  # lunar days of the month; () when there is no market
    market_label: str  # e.g. "逢三逢八"; "" when there is no market


@dataclass(frozen=True)
class Township:
    code: str  # 9 digits: county code + 3 (街道 001…, 镇 101…, 乡 201…)
    name: str  # ends with 镇, 乡 or 街道
    office_name: str  # the judicial office, e.g. "谷亭街道司法所"
    villages: tuple[Village, ...]


@dataclass(frozen=True)
class County:
    code: str  # real 6-digit code, e.g. "370827"
    name: str
    bureau_name: str  # e.g. "鱼台县司法局"
    townships: tuple[Township, ...]
    underserved: bool = False


@dataclass(frozen=True)
class LawFirm:
    code: str  # "F0001"
    name: str
    county_code: str  # a county code, or the city code for city-level firms
    paired_county_codes: tuple[str, ...] = ()  # 结对帮扶; only city firms have pairings


@dataclass(frozen=True)
class Lawyer:
    code: str  # "L00001"
    name: str
    gender: str  # "男" | "女"
    firm_code: str
    phone: str
    licence_no: str  # 17 digits
    duty_qualified: bool
    practising_since: int


@dataclass(frozen=True)
class Adviser:
    code: str  # "A00001"
    name: str
    gender: str
    phone: str
    township_code: str
    village_codes: tuple[str, ...]
    affiliation: str  # a firm code, or a grassroots legal service office name


@dataclass(frozen=True)
class Leader:
    code: str  # "D0001"
    name: str
    gender: str
    phone: str
    unit_code: str  # the city code or a county code
    title: str
    is_head: bool


@dataclass(frozen=True)
class Demand:
    day_type: str  # "workday" | "weekend" | "holiday"
    shift: str  # "am" | "pm" | "day"
    seats: int


@dataclass(frozen=True)
class Station:
    code: str  # "S0001"
    name: str
    kind: str  # centre | court | procuratorate | detention | legal_aid | hotline
    unit_code: str
    address: str
    phone: str  # "0537-XXXXXXX"
    demand: tuple[Demand, ...]


@dataclass(frozen=True)
class City:
    code: str
    name: str
    bureau_name: str
    counties: tuple[County, ...]
    firms: tuple[LawFirm, ...]
    lawyers: tuple[Lawyer, ...]
    advisers: tuple[Adviser, ...]
    leaders: tuple[Leader, ...]
    stations: tuple[Station, ...]
    scale: str = "jining"
    seed: int = 2026
