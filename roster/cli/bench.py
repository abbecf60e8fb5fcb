"""`roster bench`: measure PRODUCT.md's numbers; the last line printed is one JSON object."""

import argparse
import json
import tempfile
from pathlib import Path

from roster.bench import feeds as feeds_bench
from roster.bench import replay
from roster.bench import solve as solve_bench
from roster.bench import uploads as uploads_bench
from roster.bootstrap import build
from roster.cli.arguments import month
from roster.cli.common import progress_bar


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("bench", help="benchmarks", description="性能基准测试")
    sub = p.add_subparsers(dest="bench", required=True, metavar="BENCH")
    r = sub.add_parser(
        "replay",
        help="append N events to a fresh store and rebuild every read model",
        description="在一个全新的临时库中追加 N 条事件，然后从头重建全部读模型并计时。",
    )
    r.add_argument("--events", type=int, default=200_000)
    r.add_argument("--json", action="store_true", help="print only the JSON result line")
    r.set_defaults(run=run_replay)
    s = sub.add_parser(
        "solve",
        help="solve a whole city's month (all kinds, all units) beside a greedy baseline",
        description="在临时库中载入示范城市，求解全部三类排班并与贪心基线对比。",
    )
    s.add_argument("--scale", choices=("small", "jining"), default="jining")
    s.add_argument("--month", required=True, type=month, help="YYYY-MM")
    s.add_argument("--time-limit", type=float, default=20.0, help="seconds per unit")
    s.add_argument("--json", action="store_true", help="print only the JSON result line")
    s.set_defaults(run=run_solve)
    f = sub.add_parser(
        "feeds",
        help="render a busy person's year feed, then serve feeds to a bounded loopback load",
        description="在临时库中生成一年的排班，测量个人年度日历的生成耗时，再在本机回环地址上以有限并发请求订阅链接。",
    )
    f.add_argument("--requests", type=int, default=2000)
    f.add_argument("--concurrency", type=int, default=20)
    f.add_argument("--json", action="store_true", help="print only the JSON result line")
    f.set_defaults(run=run_feeds)
    u = sub.add_parser(
        "uploads",
        help="what refusing each hostile import file costs (seconds, peak memory)",
        description="生成恶意构造的导入文件（解压炸弹、超宽行、超长行等），测量拒绝每个文件的耗时与内存峰值。",
    )
    u.add_argument("--json", action="store_true", help="print only the JSON result line")
    u.set_defaults(run=run_uploads)


def run_replay(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as folder:
        # Its own scratch store is made here; a store named by --database-url must exist.
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        services = build(database_url=url, create=not args.database_url)
        try:
            if services.store.recorder.max_notification_id():
                print("错误：基准测试需要一个空库（请勿指向正式数据库）")
                return 2
            with progress_bar(args.events, "追加事件", "条") as bar:
                result = replay.run(services, args.events, bar.update)
        finally:
            services.close()
    if not args.json:
        print(
            f"追加 {result['events']} 条事件：{result['append_per_s']} 条/秒；"
            f"重建读模型：{result['rebuild_per_s']} 条/秒（{result['store']}）"
        )
    print(json.dumps(result))
    return 0


def run_solve(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as folder:
        services = build(database_url=f"sqlite:///{Path(folder) / 'bench.sqlite'}", create=True)
        try:
            with progress_bar(None, "求解", "个单位") as bar:
                result = solve_bench.run(
                    services, args.scale, args.month, args.time_limit,
                    progress=lambda kind, unit: bar.update(1),
                )  # fmt: skip
            county = services.planner.units("duty-lawyers", "all")[-1]
            result["minimal_change"] = solve_bench.minimal_change(
                services, county, args.month, args.time_limit
            )
        finally:
            services.close()
    if not args.json:
        for who in ("solver", "baseline"):
            for kind, f in result[who].items():
                print(
                    f"{who:8} {kind:17} 覆盖 {f['filled']}/{f['slots']} ({f['coverage']:.1%}) "
                    f"违规 {f['hard_violations']} 差 {f['spread']}/{f['weekend_spread']} {f['seconds']}s"
                )
    print(json.dumps(result, ensure_ascii=False))
    return 0


def run_feeds(args: argparse.Namespace) -> int:
    from web.app import create_app  # the CLI alone may start the web app

    requests = max(1, min(args.requests, 100_000))
    concurrency = max(1, min(args.concurrency, 200))
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as folder:
        services = build(database_url=f"sqlite:///{Path(folder) / 'bench.sqlite'}", create=True)
        try:
            result = feeds_bench.run(
                services, lambda s: create_app(s, s.settings), requests, concurrency
            )
        finally:
            services.close()
    if not args.json:
        print(
            f"年度日历 {result['duties_in_year_feed']} 项：生成 p50 {result['render_ms_p50']} ms，"
            f"p99 {result['render_ms_p99']} ms；{result['requests']} 次请求（并发 "
            f"{result['concurrency']}）：{result['requests_per_s']} 次/秒，304 占 "
            f"{result['not_modified_share']:.0%}"
        )
    print(json.dumps(result, ensure_ascii=False))
    return 0


def run_uploads(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as folder:
        result = uploads_bench.run(Path(folder))
    if not args.json:
        for c in result["cases"]:
            print(
                f"{c['case']}（{c['file_kb']} KB，解压 {c['unpacked_mb']} MB）：{c['refusal_seconds']} 秒，"
                f"子进程内存峰值 {c['child_peak_rss_mb']} MB — {c['message']}"
            )
    print(json.dumps(result, ensure_ascii=False))
    return 0
