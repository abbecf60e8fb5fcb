"""`roster replan`: someone drops out of a roster; move as few duties as possible."""

import argparse

from domain.roster import month_bounds
from roster.cli.arguments import day, month
from roster.cli.common import services_from
from roster.planning.planner import params_for
from roster.planning.replan import drop_out
from roster.vocabulary import ROSTER_KINDS


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "replan",
        help="re-plan a roster after a person drops out (fewest moves)",
        description="人员临时退出后重新调整排班：登记其不可值班时段，并以最少的改动补位，每项改动记为一条事件。",
    )
    p.add_argument("--kind", required=True, choices=tuple(ROSTER_KINDS))
    p.add_argument("--unit", required=True)
    p.add_argument("--month", required=True, type=month, help="YYYY-MM")
    p.add_argument("--person", required=True, help="code of the person who drops out")
    p.add_argument("--from", dest="start", type=day, required=True, help="YYYY-MM-DD")
    p.add_argument("--until", type=day, help="last day away (default: month end)")
    p.add_argument("--reason", required=True)
    p.add_argument("--actor", default="cli-replan")
    p.add_argument("--time-limit", type=float, default=20.0)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    _, last = month_bounds(args.month)
    until = args.until or last
    services = services_from(args)
    try:
        result = drop_out(
            services, args.kind, args.unit, args.month, args.person, args.start, until,
            params_for(args.kind, args.time_limit), args.actor, args.reason,
        )  # fmt: skip
    finally:
        services.close()
    if not result.moves and result.plan.violations:
        print("无法在不违反硬性规则的情况下重新排班：")
        for v in result.plan.violations:
            print(f"  ✗ {v.message}")
        return 1
    others = [m for m in result.moves if args.person not in (m.before, m.after)]
    print(f"已调整 {len(result.moves)} 项值班，其中涉及其他人员的改动 {len(others)} 项：")
    for m in result.moves:
        print(
            f"  {m.day} {m.place} {m.shift} 席位{m.seat + 1}：{m.before or '（空）'} → {m.after or '（空）'}"
        )
    for e in result.plan.explanations:
        print(f"  · {e.message}")
    return 0
