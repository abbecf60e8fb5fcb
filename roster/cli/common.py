"""What every subcommand shares: building the services and showing progress."""

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from tqdm import tqdm

from domain.vocabulary import TIME_ZONE
from roster.bootstrap import build
from roster.services import Services


def services_from(args: argparse.Namespace, create: bool = False, **overrides: Any) -> Services:
    """The services on the store named by --database-url; only `init` and `demo` pass
    `create`, so a mistyped path is refused instead of becoming a new, empty store."""
    if args.database_url:
        overrides["database_url"] = args.database_url
    return build(create=create, **overrides)


def beijing(moment: str) -> str:
    """A stored moment (ISO, any offset; naive is UTC) as people read it: Beijing time."""
    when = datetime.fromisoformat(moment)
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return f"{when.astimezone(TIME_ZONE):%Y-%m-%d %H:%M}"


def progress_bar(total: int | None, description: str, unit: str = "件") -> tqdm:
    return tqdm(
        total=total, desc=description, unit=unit, file=sys.stderr, leave=False,
        disable=not sys.stderr.isatty(), dynamic_ncols=True,
    )  # fmt: skip
