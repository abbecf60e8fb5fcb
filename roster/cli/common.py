"""What every subcommand shares: building the services and showing progress."""

import argparse
import sys

from tqdm import tqdm

from roster.bootstrap import build
from roster.services import Services


def services_from(args: argparse.Namespace) -> Services:
    overrides = {"database_url": args.database_url} if args.database_url else {}
    return build(**overrides)


def progress_bar(total: int | None, description: str, unit: str = "件") -> tqdm:
    return tqdm(
        total=total, desc=description, unit=unit, file=sys.stderr, leave=False,
        disable=not sys.stderr.isatty(), dynamic_ncols=True,
    )  # fmt: skip
