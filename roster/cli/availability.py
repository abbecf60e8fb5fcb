"""`roster availability import`: a member's .ics calendar becomes declared unavailability."""

import argparse
import sys
from pathlib import Path

from roster.cli.arguments import day
from roster.cli.common import services_from
from roster.registry.availability import CalendarFileError

MAX_FILE_BYTES = 16 * 1024 * 1024  # calendars.guard applies the real limit; this bounds reading


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "availability", help="unavailability of members", description="人员不可值班时段"
    )
    sub = p.add_subparsers(dest="availability", required=True, metavar="ACTION")
    i = sub.add_parser(
        "import",
        help="import busy times from an .ics file (preview, then confirm)",
        description="从 .ics 日历文件导入不可值班时段：先预览，确认后登记。",
    )
    i.add_argument("--person", required=True, help="person code")
    i.add_argument("--file", required=True, type=Path, help="the .ics file")
    i.add_argument("--from", dest="start", required=True, type=day)
    i.add_argument("--to", dest="end", required=True, type=day)
    i.add_argument("--yes", action="store_true", help="confirm without asking")
    i.add_argument("--actor", default="cli-availability")
    i.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    data = _read(args.file)
    services = services_from(args)
    try:
        importer = services.availability
        planned = importer.preview(args.person, data, args.start, args.end)
        new = [p for p in planned if not p.already_declared]
        print(f"将为 {args.person} 登记 {len(new)} 个不可值班时段（{args.start} 至 {args.end}）：")
        for p in planned:
            span = (
                f"{p.starts_at:%Y-%m-%d}（全天）"
                if p.all_day
                else f"{p.starts_at:%Y-%m-%d %H:%M} – {p.ends_at:%Y-%m-%d %H:%M}"
            )
            mark = "（已登记，跳过）" if p.already_declared else ""
            print(f"  {span}  {p.reason}{mark}")
        if not new:
            print("没有需要登记的新时段。")
            return 0
        if not (args.yes or _ask()):
            print("未确认，未做任何更改。")
            return 1
        ids = importer.confirm(args.person, data, args.start, args.end, args.actor)
    finally:
        services.close()
    print(f"已登记 {len(ids)} 个不可值班时段。")
    return 0


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CalendarFileError(
            "unreadable", f"无法读取文件：{exc.strerror}", f"Cannot read the file: {exc}"
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise CalendarFileError("too_large", "日历文件过大。", "The calendar file is too large.")
    return data


def _ask() -> bool:
    if not sys.stdin.isatty():
        print("（非交互运行：加 --yes 以确认导入）")
        return False
    return input("确认登记以上时段？[y/N] ").strip().lower() in ("y", "yes", "是")
