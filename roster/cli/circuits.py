"""`roster circuits`: print each adviser's day-by-day circuit of a township's month."""

import argparse
from datetime import date

from roster.cli.arguments import month
from roster.cli.common import services_from
from roster.registry.lunar import lunar_day


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "circuits",
        help="each adviser's day-by-day circuit in a township",
        description="按顾问、按日期列出乡镇本月的村居走访路线（村居按走访顺序排列）。",
    )
    p.add_argument("--township", required=True, help="township code")
    p.add_argument("--month", required=True, type=month, help="YYYY-MM")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    services = services_from(args)
    try:
        services.planner.check_township(args.township)
        days = services.circuits.of_township(args.township, args.month)
    finally:
        services.close()
    if not days:
        print("该乡镇本月还没有走访排班；请先运行 roster solve --kind adviser-circuits。")
        return 1
    current = ""
    for day in days:
        if day.adviser_code != current:
            current = day.adviser_code
            print(f"{day.adviser_name}（{day.adviser_code}）")
        lunar = lunar_day(date.fromisoformat(day.day))
        stops = " → ".join(
            f"{name}{'（集日）' if market else ''}" for _, name, market in day.villages
        )
        print(f"  {day.day}（农历{lunar}日）：{stops}")
    return 0
