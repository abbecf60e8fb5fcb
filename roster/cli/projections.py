"""`roster projections`: look after the read models."""

import argparse
import time

from roster.cli.common import progress_bar, services_from
from roster.vocabulary import TIME_ZONE


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("projections", help="read models", description="读模型维护")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    rebuild = sub.add_parser(
        "rebuild", help="drop every read model and rebuild it from the event log"
    )
    rebuild.set_defaults(run=run_rebuild)
    status = sub.add_parser(
        "status", help="show each projection's position in the log, and any event it stopped at"
    )
    status.set_defaults(run=run_status)
    retry = sub.add_parser(
        "retry", help="after a fix, let stalled read models apply their failed event again"
    )
    retry.add_argument("names", nargs="*", metavar="NAME", help="read models (default: all)")
    retry.set_defaults(run=run_retry)


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
        stalled = 0
        for status in services.follower.status():
            print(f"{status.name}: {status.position} / {last}")
            failure = status.failure
            if failure is not None:
                stalled += 1
                print(
                    f"  已停在第 {failure.notification_id} 条事件（{failure.topic}，"
                    f"聚合 {failure.originator_id} 第 {failure.originator_version} 版），"
                    f"{failure.failed_at.astimezone(TIME_ZONE):%Y-%m-%d %H:%M}（北京时间）：{failure.error}"
                )
        if stalled:
            print(
                f"{stalled} 个读模型无法应用某条事件，其余读模型照常更新。"
                "修复后运行 `roster projections retry`，或 `roster projections rebuild`。"
            )
        return 1 if stalled else 0
    finally:
        services.close()


def run_retry(args: argparse.Namespace) -> int:
    services = services_from(args)
    try:
        known = {p.name for p in services.follower.projections}
        unknown = [n for n in args.names if n not in known]
        if unknown:
            print(f"没有这些读模型：{'、'.join(unknown)}（可选：{'、'.join(sorted(known))}）")
            return 2
        cleared = services.follower.retry(args.names)
        still = [s.name for s in services.follower.status() if s.failure is not None]
        print(
            f"已重试 {cleared} 个停住的读模型。" + (f"仍停住：{'、'.join(still)}" if still else "")
        )
        return 1 if still else 0
    finally:
        services.close()
