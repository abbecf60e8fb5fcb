"""`roster import`: people, firms, stations, units and villages from CSV or XLSX files."""

import argparse
import sys
from pathlib import Path

from roster.cli.common import services_from
from roster.registry.importing.kinds import KINDS, ORDER
from roster.registry.importing.run import import_files


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "import",
        help="import CSV/XLSX files (all-or-nothing)",
        description="从 CSV 或 XLSX 导入数据。所有文件全部校验通过才写入；任何一行有错，则一条也不写入，并逐行报告错误。",
    )
    for kind in ORDER:
        p.add_argument(
            f"--{kind}", type=Path, action="append", default=[], metavar="FILE",
            help=f"{KINDS[kind].label}文件 ({kind}); may repeat",
        )  # fmt: skip
    p.add_argument("--actor", default="cli-import", help="who is importing (recorded on events)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    files = {kind: getattr(args, kind) for kind in ORDER if getattr(args, kind)}
    if not files:
        print("错误：请至少指定一个文件，例如 --people people.csv", file=sys.stderr)
        return 2
    for paths in files.values():
        for path in paths:
            if not path.is_file():
                print(f"错误：找不到文件 {path}", file=sys.stderr)
                return 2
    services = services_from(args)
    try:
        report = import_files(services, files, args.actor)
    finally:
        services.close()
    if not report.ok:
        print(f"导入失败：发现 {len(report.problems)} 处错误，未写入任何数据。", file=sys.stderr)
        for problem in report.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    done = "，".join(f"{KINDS[k].label} {n} 条" for k, n in report.imported.items())
    print(f"导入成功：{done}。")
    return 0
