"""`roster projections`: look after the read models."""

import argparse
import time

from roster.cli.common import progress_bar, services_from


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("projections", help="read models", description="读模型维护")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    rebuild = sub.add_parser(
        "rebuild", help="drop every read model and rebuild it from the event log"
    )
    rebuild.set_defaults(run=run_rebuild)
    status = sub.add_parser("status", help="show each projection's position in the log")
    status.set_defaults(run=run_status)


def run_rebuild(args: argparse.Namespace) -> int:
    services = services_from(args)
    try:
        total = services.store.recorder.max_notification_id() or 0
        started = time.perf_counter()
        with progress_bar(total, "重建读模型", "条") as bar:
            applied = services.follower.rebuild(bar.update)
        seconds = time.perf_counter() - started
        print(f"已从事件日志重建读模型：{applied} 条事件，用时 {seconds:.1f} 秒。")
        return 0
    finally:
        services.close()


def run_status(args: argparse.Namespace) -> int:
    services = services_from(args)
    try:
        last = services.store.recorder.max_notification_id() or 0
        for name, position in sorted(services.follower.positions().items()):
            print(f"{name}: {position} / {last}")
        return 0
    finally:
        services.close()
