"""What refusing each hostile import file costs: wall time and the reading child's peak RSS.

The files come from hostile.py; each is read exactly as an import reads it (read_files: the
archive check, the streaming parse, the budgeted child process).
"""

import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from roster.bench import hostile
from roster.registry.importing.kinds import KINDS
from roster.registry.importing.reading import read_files

CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "xlsx: one row of 20 million cells": (hostile.wide_row, "wide.xlsx"),
    "xlsx: 10 million shared strings": (hostile.huge_shared_strings, "strings.xlsx"),
    "xlsx: 2 million rows": (hostile.many_rows, "rows.xlsx"),
    "xlsx: 3 million cell formats in styles.xml": (hostile.bloated_styles, "styles.xlsx"),
    "xlsx: one row of 3 million varied cells": (hostile.varied_wide_row, "varied.xlsx"),
    "csv: one line of 20 million characters": (hostile.giant_csv_line, "line.csv"),
    "csv: 100,001 rows": (hostile.many_csv_rows, "rows.csv"),
}


def run(folder: Path) -> dict:
    results = []
    for case, (make, name) in CASES.items():
        path = make(folder / name)
        usage: dict[str, float] = {}
        start = time.perf_counter()
        (outcome,) = read_files([(path, KINDS["people"].aliases, name)], usage=usage)
        seconds = time.perf_counter() - start
        results.append(
            {
                "case": case,
                "file_kb": path.stat().st_size // 1024,
                "unpacked_mb": _unpacked(path) // (1024 * 1024),
                "refusal_seconds": round(seconds, 3),
                "child_peak_rss_mb": round(usage.get("peak_kb", 0) / 1024, 1),
                "refused": not isinstance(outcome, list),
                "message": getattr(outcome, "message", ""),
            }
        )
        path.unlink()
    return {"cases": results}


def _unpacked(path: Path) -> int:
    if not zipfile.is_zipfile(path):
        return path.stat().st_size
    with zipfile.ZipFile(path) as archive:
        return sum(part.file_size for part in archive.infolist())
