"""The command line's parser: input errors in Chinese, and typed values checked on the way in.

argparse words its errors in English; `Parser.error` rewords the ones a user can meet, and the
converters below (`month`, `day`) refuse a bad value with the domain's own message.
"""

import argparse
import re
import sys
from datetime import date
from typing import NoReturn

from domain.errors import DomainError
from domain.roster import month_bounds

# argparse's messages (Python 3.11), most specific first; the groups carry over.
_MESSAGES = (
    (
        r"argument (\S+): invalid choice: (.+) \(choose from (.+)\)",
        "参数 {0} 的值 {1} 无效，可选：{2}",
    ),
    (r"argument (\S+): invalid (int|float) value: (.+)", "参数 {0} 应为数字，而不是 {2}"),
    (r"argument (\S+): invalid \S+ value: (.+)", "参数 {0} 的值 {1} 无效"),
    (r"argument (\S+): expected one argument", "参数 {0} 需要一个值"),
    (r"argument (\S+): expected at least one argument", "参数 {0} 至少需要一个值"),
    (r"argument (\S+): expected at most one argument", "参数 {0} 最多只能有一个值"),
    (r"argument (\S+): ignored explicit argument (.+)", "参数 {0} 不接受值 {1}"),
    (r"argument (\S+): not allowed with argument (.+)", "参数 {0} 不能与 {1} 同时使用"),
    (r"argument (\S+): (.+)", "参数 {0}：{1}"),  # our converters' own (Chinese) words
    (r"the following arguments are required: (.+)", "缺少必需的参数：{0}"),
    (r"one of the arguments (.+) is required", "须给出以下参数之一：{0}"),
    (r"unrecognized arguments: (.+)", "无法识别的参数：{0}"),
    (r"ambiguous option: (\S+) could match (.+)", "选项 {0} 有歧义，可能是：{1}"),
    (r"expected one argument", "需要一个值"),
)


def chinese(message: str) -> str:
    for pattern, words in _MESSAGES:
        match = re.fullmatch(pattern, message, re.DOTALL)
        if match:
            return words.format(*match.groups())
    return message


class Parser(argparse.ArgumentParser):
    """Subcommand parsers are made of the same class, so every level answers in Chinese."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese(message)}\n")

    def format_usage(self) -> str:
        return _usage_in_chinese(super().format_usage())

    def format_help(self) -> str:
        return _usage_in_chinese(super().format_help())


def _usage_in_chinese(text: str) -> str:
    return "用法：" + text.removeprefix("usage: ") if text.startswith("usage: ") else text


def month(value: str) -> str:
    """YYYY-MM, a month the calendar has (not 0000-01)."""
    try:
        month_bounds(value)
    except DomainError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份“{value}”超出范围") from None
    return value


def day(value: str) -> date:
    """YYYY-MM-DD, a day the calendar has (not 2026-13-16)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，而不是“{value}”")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"没有这一天：“{value}”") from None
