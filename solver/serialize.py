"""Plain-JSON (de)serialisation of Problem and Solution, so a problem can be sent to a
worker process or dumped for support (`--dump`) and read back exactly."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from datetime import date
from typing import Any, Union

from solver.problem import Problem
from solver.solution import Solution

FORMAT = 1
_TYPES = {"Problem": Problem, "Solution": Solution}


def to_json(obj: Problem | Solution, indent: int | None = None) -> str:
    kind = type(obj).__name__
    if kind not in _TYPES:
        raise TypeError(f"cannot serialise {kind}")
    data = {"type": kind, "format": FORMAT, "data": to_plain(obj)}
    return json.dumps(data, ensure_ascii=False, indent=indent)


def canonical_json(obj: Problem | Solution) -> str:
    """The same document with keys sorted and no spaces: one text for one value, whatever
    order its dicts were built in."""
    data = {"type": type(obj).__name__, "format": FORMAT, "data": to_plain(obj)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(problem: Problem) -> str:
    """sha256 of the problem's canonical JSON: a draft names the exact input it was solved
    from, so it can later be reproduced and checked."""
    return hashlib.sha256(canonical_json(problem).encode()).hexdigest()


def from_json(text: str | bytes) -> Problem | Solution:
    data = json.loads(text)
    cls = _TYPES.get(data.get("type"))
    if cls is None or data.get("format") != FORMAT:
        raise ValueError("not a solver Problem or Solution document")
    return from_plain(cls, data["data"])


def to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def from_plain(tp: Any, value: Any) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        return from_plain(next(a for a in args if a is not type(None)), value)
    if origin is tuple:
        item = args[0] if args else Any
        return tuple(from_plain(item, v) for v in value)
    if origin is dict:
        return {k: from_plain(args[1], v) for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: from_plain(hints[k], v) for k, v in value.items() if k in known})
    if tp is date:
        return date.fromisoformat(value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value
