"""Run work on untrusted files in a child process with a memory and a time budget.

The parent (a web worker or the CLI) only waits on a pipe, so its memory is never at
stake and, waiting in a thread, its event loop keeps answering. The child is a fresh
interpreter (`python -m roster.registry.importing.budget`): it imports only the work's module, caps
its own address space (a runaway allocation becomes a MemoryError there) and CPU time,
and is killed when the wall-clock budget runs out. Nothing a hostile file did outlives
it. Items and results cross the pipe as JSON lines, so the child can send nothing but data.
"""

import importlib
import json
import os
import resource
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]  # where `roster` is importable from


class OverBudget(Exception):
    """Work on items[index] ran out of `reason` ("memory" or "time")."""

    def __init__(self, index: int, reason: str) -> None:
        super().__init__(f"item {index}: out of {reason}")
        self.index = index
        self.reason = reason


def run_each(
    work: str, items: list, memory: int, seconds: float, usage: dict[str, float] | None = None
) -> Iterator[tuple[int, Any]]:
    """Yield (index, work(item)) in order, computed in a child process; raise OverBudget
    when the child runs out of memory or the whole run out of time. `work` names a
    function as "module:function"; items and results must be JSON. `usage` receives the
    child's peak RSS in KB."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, "-m", "roster.registry.importing.budget"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True,
    )  # fmt: skip
    deadline = time.monotonic() + seconds
    current = 0
    try:
        assert child.stdin and child.stdout
        with child.stdin:
            child.stdin.write(json.dumps([work, memory, seconds, items]).encode())
        for message in _lines(child.stdout.fileno(), deadline):
            match message:
                case ["start", index]:
                    current = index
                case ["done", index, result]:
                    yield index, result
                case ["over", index, reason]:
                    raise OverBudget(index, reason)
                case ["end", peak_kb]:
                    if usage is not None:
                        usage["peak_kb"] = peak_kb
                    return
    except TimeoutError:
        if usage is not None:
            usage["peak_kb"] = _peak_kb(child.pid)
        raise OverBudget(current, "time") from None
    except (EOFError, BrokenPipeError):  # killed by a limit, or crashed: it cost too much
        raise OverBudget(current, "memory") from None
    finally:
        child.kill()
        child.wait()
        child.stdout.close()  # type: ignore[union-attr]


def _lines(fd: int, deadline: float) -> Iterator[Any]:
    buffer = bytearray()
    start = 0  # where to look for the next line break
    while True:
        end = buffer.find(b"\n", start)
        if end >= 0:
            yield json.loads(buffer[:end])
            del buffer[: end + 1]
            start = 0
            continue
        start = len(buffer)
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise TimeoutError
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            raise EOFError
        buffer += chunk


def _peak_kb(pid: int | str) -> int:
    """VmHWM: unlike ru_maxrss it starts afresh at exec, so it is the child's own peak."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _child() -> None:
    work, memory, seconds, items = json.loads(sys.stdin.buffer.read())
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = int(seconds) + 2  # a backstop: the parent's wall clock normally ends it first
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    module, _, name = work.partition(":")
    function = getattr(importlib.import_module(module), name)
    out = sys.stdout.buffer

    def send(*message: object) -> None:
        out.write(json.dumps(message, ensure_ascii=False).encode() + b"\n")
        out.flush()

    for index, item in enumerate(items):
        send("start", index)
        try:
            send("done", index, function(item))  # encoded whole before a byte is written
        except MemoryError:
            send("over", index, "memory")
            return
    send("end", _peak_kb("self"))


if __name__ == "__main__":
    _child()
