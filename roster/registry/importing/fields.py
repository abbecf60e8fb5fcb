"""Field parsers: each turns a cell into a value or raises FieldError with a readable reason."""

import re

from domain.person import ROLES
from domain.station import STATION_KINDS
from domain.vocabulary import DAY_TYPE_NAMES as DAY_TYPE_WORDS
from domain.vocabulary import SHIFT_NAMES as SHIFT_WORDS

CODE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
MOBILE = re.compile(r"^1[3-9]\d{9}$")
PHONE = re.compile(r"^[0-9+\- ]{5,20}$")
DIGITS = "一二三四五六七八九十"
ROLE_NAMES = {v: k for k, v in ROLES.items()} | {k: k for k in ROLES}
KIND_NAMES = {v: k for k, v in STATION_KINDS.items()} | {k: k for k in STATION_KINDS}
# A file names day types and shifts in Chinese or by code.
DAY_TYPE_NAMES = {zh: code for code, (zh, _) in DAY_TYPE_WORDS.items()} | {
    d: d for d in DAY_TYPE_WORDS
}
SHIFT_NAMES = {zh: code for code, (zh, _) in SHIFT_WORDS.items()} | {s: s for s in SHIFT_WORDS}
TRUE = {"是", "有", "1", "true", "yes", "y", "√"}
FALSE = {"否", "无", "0", "false", "no", "n", ""}


class FieldError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def code(value: str, column: str) -> str:
    if not CODE.match(value):
        raise FieldError(column, f"编码“{value}”无效（1–40 位字母、数字、下划线或连字符）")
    return value


def text(value: str, column: str, max_length: int = 100) -> str:
    if not value:
        raise FieldError(column, "不能为空")
    if len(value) > max_length:
        raise FieldError(column, f"超过 {max_length} 个字")
    return value


def mobile(value: str, column: str) -> str:
    if value and not MOBILE.match(value):
        raise FieldError(column, f"手机号码“{value}”格式不正确（应为 11 位数字）")
    return value


def phone(value: str, column: str) -> str:
    if value and not PHONE.match(value):
        raise FieldError(column, f"电话“{value}”格式不正确")
    return value


def flag(value: str, column: str) -> bool:
    v = value.lower()
    if v in TRUE:
        return True
    if v in FALSE:
        return False
    raise FieldError(column, f"应填“是”或“否”，而不是“{value}”")


def choice(value: str, column: str, names: dict[str, str]) -> str:
    try:
        return names[value]
    except KeyError:
        options = "、".join(k for k in names if not k.isascii())
        raise FieldError(column, f"“{value}”不是有效选项（可选：{options}）") from None


def codes(value: str, column: str) -> tuple[str, ...]:
    parts = [p.strip() for p in re.split(r"[;；,，、\s]+", value) if p.strip()]
    return tuple(code(p, column) for p in parts)


def market_days(value: str, column: str) -> tuple[tuple[int, ...], str]:
    """'逢三逢八' or '3,8,13,18,23,28' → the lunar days and a label."""
    if not value:
        return (), ""
    if value.startswith("逢"):
        ends = [DIGITS.index(ch) + 1 for ch in value if ch in DIGITS]
        if not ends or any(e > 10 for e in ends):
            raise FieldError(column, f"无法识别集日“{value}”（例如：逢三逢八）")
        days = sorted({d for e in ends for d in range(e % 10 or 10, 31, 10)})
        return tuple(days), value
    try:
        days = sorted({int(p) for p in re.split(r"[;；,，、\s]+", value) if p})
    except ValueError:
        raise FieldError(
            column, f"无法识别集日“{value}”（例如：逢三逢八 或 3,8,13,18,23,28）"
        ) from None
    if any(not 1 <= d <= 30 for d in days):
        raise FieldError(column, "集日须为农历 1 至 30 日")
    return tuple(days), ""


def demand(value: str, column: str) -> tuple[tuple[str, str, int], ...]:
    """'工作日:上午:1; 工作日:下午:1; 周末:全天:1' → (day type, shift, seats) triples."""
    result = []
    for part in [p.strip() for p in re.split(r"[;；]", value) if p.strip()]:
        bits = [b.strip() for b in re.split(r"[:：]", part)]
        if len(bits) != 3 or not bits[2].isdigit():
            raise FieldError(
                column, f"值班需求“{part}”格式应为 日期类型:班次:人数，例如 工作日:上午:1"
            )
        result.append(
            (
                choice(bits[0], column, DAY_TYPE_NAMES),
                choice(bits[1], column, SHIFT_NAMES),
                int(bits[2]),
            )
        )
    if not result:
        raise FieldError(column, "至少填写一项值班需求，例如 工作日:上午:1")
    return tuple(result)
