"""`roster publish`: publish the current drafts, so members and the public see them."""

import argparse

from roster.cli.arguments import month
from roster.cli.common import services_from
from roster.planning.planner import SOLVE_ORDER
from roster.vocabulary import kind_name


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "publish",
        help="publish draft rosters",
        description="发布排班草稿（发布后进入值班人员和公众的日历订阅）。",
    )
    p.add_argument("--kind", required=True, choices=(*SOLVE_ORDER, "all"))
    p.add_argument("--unit", required=True, help="unit code, or 'all'")
    p.add_argument("--month", required=True, type=month, help="YYYY-MM")
    p.add_argument("--actor", default="cli-publish")
    p.add_argument("--reason", default="")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    kinds = SOLVE_ORDER if args.kind == "all" else (args.kind,)
    services = services_from(args)
    try:
        wanted = [(k, u, args.month) for k, u in services.planner.jobs(kinds, args.unit)]
        published = services.rosters.publish_drafts(wanted, args.actor, args.reason)
        for kind, unit, version in published:
            print(f"已发布 {kind_name(kind)} {unit} {args.month}（第 {version} 版）")
    finally:
        services.close()
    if not published:
        print("没有待发布的草稿：请先运行 roster solve。")
        return 1
    return 0
