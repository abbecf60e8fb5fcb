"""`roster bench`: measure PRODUCT.md's numbers; the last line printed is one JSON object."""

import argparse
import json
import tempfile
from pathlib import Path

from roster.bench import replay
from roster.bootstrap import build
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


def run_replay(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        services = build(database_url=url)
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
