"""`roster solve`: plan a month for one unit or the whole city, and record each draft."""

import argparse
import sys
from pathlib import Path

import solver
from roster.cli.arguments import month
from roster.cli.common import services_from
from roster.planning.planner import SOLVE_ORDER, Plan, params_for
from roster.vocabulary import kind_name


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "solve",
        help="generate draft rosters with the CP-SAT solver",
        description="用约束求解器生成排班草稿，并记录为事件（每个单位一份草稿）。",
    )
    p.add_argument("--kind", required=True, choices=(*SOLVE_ORDER, "all"))
    p.add_argument("--unit", required=True, help="unit code (county, city or township), or 'all'")
    p.add_argument("--month", required=True, type=month, help="YYYY-MM")
    p.add_argument("--time-limit", type=float, default=20.0, help="seconds per unit (default 20)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--actor", default="cli-solve", help="who asked (recorded on the draft)")
    p.add_argument("--dry-run", action="store_true", help="solve and report, record nothing")
    p.add_argument("--dump", type=Path, help="write each Problem and Solution as JSON here")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    kinds = SOLVE_ORDER if args.kind == "all" else (args.kind,)
    services = services_from(args)
    worst = 0
    try:
        jobs = services.planner.jobs(kinds, args.unit)

        def params(kind: str) -> solver.SolveParams:
            return params_for(kind, args.time_limit, args.workers, progress=_progress(kind))

        if args.dry_run:
            plans = [
                services.planner.plan(
                    kind, unit, args.month, params(kind), args.actor, record=False
                )
                for kind, unit in jobs
            ]
            for plan in plans:
                _done(plan, args)
        else:
            plans = services.planner.plan_many(
                jobs, args.month, params, args.actor, on_plan=lambda plan: _done(plan, args)
            )
        if any(p.violations or not p.solution.has_assignment for p in plans):
            worst = 1
    finally:
        services.close()
    return worst


def _done(plan: Plan, args: argparse.Namespace) -> None:
    _clear_progress()
    _report(plan)
    if args.dump:
        _dump(args.dump, plan)


def _progress(kind: str):
    def show(p: solver.Progress) -> None:
        if sys.stderr.isatty():
            print(
                f"\r  {kind_name(kind)}: {p.seconds:5.1f}s 目标值 {p.objective:,.0f} "
                f"下界 {p.bound:,.0f} 已排 {p.filled_seats} 人次",
                end="", file=sys.stderr, flush=True,
            )  # fmt: skip

    return show


def _clear_progress() -> None:
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr, flush=True)


def _report(plan: Plan) -> None:
    m = plan.metrics
    head = f"{kind_name(plan.kind)} {plan.unit_code} {plan.month}：{plan.solution.status}，用时 {plan.solution.seconds:.1f} 秒"
    if m is None:
        print(head + "，没有可行的排班。")
    else:
        covered = (
            f"覆盖 {m.cover_groups_met}/{m.cover_groups} 项"
            if m.cover_groups
            else f"覆盖率 {m.coverage:.1%}（{m.filled}/{m.seats}）"
        )
        print(
            f"{head}；{covered}，"
            f"负担差 {m.spread}，周末节假日差 {m.rest_spread}，硬性规则违反 {len(plan.violations)} 项"
            + ("；已记录草稿" if plan.roster_id else "")
        )
    for v in plan.violations:
        print(f"  ✗ {v.message}")
    for e in plan.explanations:
        print(f"  · {e.message}")


def _dump(folder: Path, plan: Plan) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{plan.kind}-{plan.unit_code}-{plan.month}"
    (folder / f"{stem}.problem.json").write_text(
        solver.to_json(plan.problem, indent=1), encoding="utf-8"
    )
    (folder / f"{stem}.solution.json").write_text(
        solver.to_json(plan.solution, indent=1), encoding="utf-8"
    )
