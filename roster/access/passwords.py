"""The password policy: long enough, no control characters, not the username, not trivial
(repeated or sequential characters) and not on the shipped list of common passwords.

Every refusal says which rule it broke, in Chinese and English. The list
(`common_passwords.txt`, one lower-case password a line) holds what people pick first:
keyboard walks, digit runs, words and pinyin with a year or "123" after them.
"""

import functools
import re
import unicodedata
from pathlib import Path

from domain.errors import DomainError

MIN_PASSWORD = 10
MAX_PASSWORD = 256  # hashing a megabyte on every attempt would be a cheap denial of service
MIN_DISTINCT = 4
COMMON_LIST = Path(__file__).with_name("common_passwords.txt")
# Runs a person types without thinking: alphabet, digits, keyboard rows and columns.
RUNS = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "1234567890-=",
    "qwertyuiop[]",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
    "qazwsxedcrfvtgbyhnujmikolp",
    "1q2w3e4r5t6y7u8i9o0p",
    "q1w2e3r4t5y6u7i8o9p0",
    "a1b2c3d4e5f6g7h8i9j0",
)
# A weak word with weak digits or marks around it ("iloveyou2026!", "1314woaini", "woaini1314520")
# is as weak as the word itself.
AFFIX = re.compile(r"^([\d\W_]*)(.*?)([\d\W_]*)$", re.DOTALL)
SHORT_AFFIX = 4  # a year, "123", "!!"


def check_password(password: str, username: str = "") -> None:
    """Refuse a password that breaks a rule, saying which; return quietly otherwise."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise PasswordPolicyError(
            f"口令长度须为 {MIN_PASSWORD} 至 {MAX_PASSWORD} 个字符",
            f"A password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters",
        )
    if any(unicodedata.category(c).startswith("C") for c in password):
        raise PasswordPolicyError(
            "口令不能包含控制字符或不可见字符",
            "A password must not contain control or invisible characters",
        )
    lowered = password.lower()
    core = _core(lowered)
    if username and username.strip().lower() in lowered:
        raise PasswordPolicyError("口令不能包含用户名", "A password must not contain the username")
    if len(set(lowered)) < MIN_DISTINCT or _repeats_a_pattern(lowered):
        raise PasswordPolicyError(
            "口令由重复的字符组成，太容易猜到",
            "A password of repeated characters is too easy to guess",
        )
    if _is_a_run(lowered) or (core and _is_a_run(core)):
        raise PasswordPolicyError(
            "口令是连续的字符（如 12345678、abcdefgh、qwerty），太容易猜到",
            "A password of sequential characters (like 12345678, abcdefgh, qwerty) "
            "is too easy to guess",
        )
    common = _common_passwords()
    if lowered in common or core in common:
        raise PasswordPolicyError(
            "这是最常用的口令之一，太容易猜到，请另选",
            "This is one of the most common passwords and too easy to guess; choose another",
        )


def _repeats_a_pattern(text: str) -> bool:
    """`abcdabcdabcd`: the whole text is one short piece said again and again."""
    return any(
        len(text) % size == 0 and text == text[:size] * (len(text) // size)
        for size in range(1, len(text) // 2 + 1)
    )


def _is_a_run(text: str) -> bool:
    return any(text in run or text in run[::-1] for run in _runs())


@functools.cache
def _runs() -> tuple[str, ...]:
    # Twice over, so a run that wraps around (7890123456) is found as well.
    return tuple(run * 2 for run in RUNS)


def _core(text: str) -> str:
    """The word inside its digits and marks when those are trivial too, else "" ."""
    before, core, after = AFFIX.match(text).groups()
    if len(core) < 4 or not all(_trivial(re.sub(r"[\W_]", "", a)) for a in (before, after)):
        return ""
    return core


def _trivial(affix: str) -> bool:
    return (
        len(affix) <= SHORT_AFFIX or len(set(affix)) <= 2 or _is_a_run(affix)
        or affix in _common_passwords()
    )  # fmt: skip


@functools.cache
def _common_passwords() -> frozenset[str]:
    lines = COMMON_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class PasswordPolicyError(DomainError):
    pass
