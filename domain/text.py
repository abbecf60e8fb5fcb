"""What text may become part of an event: no control characters, bounded lengths.

An event is forever, and every store and read model must be able to hold it (PostgreSQL text
cannot hold NUL), so text is checked here, once, for every event of every aggregate
(domain.aggregate), rather than form by form.
"""

import re
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from domain.errors import DomainError


@dataclass(frozen=True)
class TextRule:
    label: str
    label_en: str
    max_length: int = 200
    multiline: bool = False  # tab and newline allowed
    is_name: bool = False  # shown as someone's or something's name: no bidi or invisible marks


NAME = TextRule("名称", "name", 100, is_name=True)
FIELD_RULES = {
    "reason": TextRule("原因", "reason", 500, multiline=True),
    "name": NAME,
    "display_name": TextRule("显示名称", "display name", 100, is_name=True),
    "office_name": TextRule("机构名称", "office name", 100, is_name=True),
    "username": TextRule("用户名", "username", 64, is_name=True),
    "title": TextRule("职务", "title", 100, is_name=True),
    "address": TextRule("地址", "address", 200),
    "phone": TextRule("电话", "phone", 40),
    "market_label": TextRule("集日", "market days", 50),
    # A draft's explanations of unfilled seats, one sentence in each language (domain.summary).
    "zh": TextRule("说明", "explanation", 10_000),
    "en": TextRule("说明", "explanation", 10_000),
}
OTHER = TextRule("文本", "text", 200)  # codes, ids, kinds, hashes
NESTED = TextRule("文本", "text", 10_000, multiline=True)  # inside a summary dict or list

# C0, DEL and C1 controls (NUL among them); lone surrogates, which no UTF-8 store can write;
# line and paragraph separators, which end a line as a newline does.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029"
# Bidirectional overrides and isolates can make a name read as something else (U+202E turns
# "abc.exe" around); zero-width marks make two different names look alike.
_HIDDEN = "\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_REFUSED = {
    (False, False): re.compile(f"[\t\n{_CONTROL}]"),
    (True, False): re.compile(f"[{_CONTROL}]"),
    (False, True): re.compile(f"[\t\n{_CONTROL}{_HIDDEN}]"),
    (True, True): re.compile(f"[{_CONTROL}{_HIDDEN}]"),
}


def check_text(value: str, rule: TextRule, field: str = "") -> None:
    if len(value) > rule.max_length:
        raise TextTooLongError(rule, field)
    refused = _REFUSED[rule.multiline, rule.is_name].search(value)
    if refused:
        raise ControlCharacterError(rule, field, refused.group())


def check_event_text(values: dict[str, Any]) -> None:
    """Every string an event would carry, found by field name, inside value objects too."""
    for name, value in values.items():
        _check_value(value, FIELD_RULES.get(name, OTHER), name)


def _check_value(value: Any, rule: TextRule, field: str) -> None:
    if isinstance(value, str):
        check_text(value, rule, field)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            _check_value(item, rule, field)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_value(key, NESTED, field)
            _check_value(item, NESTED, field)
    elif is_dataclass(value) and not isinstance(value, type):
        check_event_text({f.name: getattr(value, f.name) for f in fields(value)})


class TextError(DomainError):
    def __init__(self, field: str, message: str, message_en: str) -> None:
        super().__init__(message, message_en)
        self.field = field  # the event field refused, so a form can mark its input


class TextTooLongError(TextError):
    def __init__(self, rule: TextRule, field: str) -> None:
        super().__init__(
            field,
            f"「{rule.label}」不能超过 {rule.max_length} 个字符",
            f"The {rule.label_en} must be at most {rule.max_length} characters long",
        )


class ControlCharacterError(TextError):
    def __init__(self, rule: TextRule, field: str, char: str) -> None:
        code = f"U+{ord(char):04X}"
        super().__init__(
            field,
            f"「{rule.label}」含有不允许的控制字符或不可见字符（{code}），请删除后重试",
            f"The {rule.label_en} contains a control or invisible character ({code}); "
            "please remove it and try again",
        )
