"""Bring a member's own calendar (court hearings, trips) in as unavailability.

Two steps, so a web form and the CLI share them: `preview` reads the file and says what would
be declared; `confirm` reads it again and declares each interval. A refused file raises
CalendarFileError before anything is recorded.
"""

import datetime as dt
from dataclasses import dataclass

from calendars import BusyInterval, IcsImportError, parse_busy
from domain.errors import DomainError
from domain.vocabulary import TIME_ZONE_NAME
from roster.registry.commands import Registry
from roster.store.database import Database

SOURCE = "ics"


@dataclass(frozen=True)
class PlannedUnavailability:
    starts_at: dt.datetime
    ends_at: dt.datetime
    reason: str
    all_day: bool
    already_declared: bool  # an earlier import of the same file declared it


class AvailabilityImport:
    def __init__(self, registry: Registry, db: Database) -> None:
        self.registry = registry
        self.db = db

    def preview(
        self, person_code: str, data: bytes, start: dt.date, end: dt.date
    ) -> list[PlannedUnavailability]:
        self._check_person(person_code)
        busy = _read(data, start, end)
        declared = self._declared(person_code)
        planned: dict[tuple, PlannedUnavailability] = {}
        for b in busy:
            key = (b.start, b.end)
            if key not in planned:  # two events at the same time are one absence
                planned[key] = PlannedUnavailability(
                    b.start, b.end, _reason(b), b.all_day, key in declared
                )
        return list(planned.values())

    def confirm(
        self, person_code: str, data: bytes, start: dt.date, end: dt.date, actor: str
    ) -> list[str]:
        """Declares every new interval of the preview; returns their ids."""
        return [
            self.registry.declare_unavailable(
                person_code, p.starts_at, p.ends_at, p.reason, actor=actor, source=SOURCE
            )
            for p in self.preview(person_code, data, start, end)
            if not p.already_declared
        ]

    def _check_person(self, code: str) -> None:
        with self.db.reading() as cur:
            if cur.execute("SELECT 1 FROM people WHERE code = ?", (code,)).fetchone() is None:
                raise UnknownPersonError(code)

    def _declared(self, code: str) -> set[tuple[dt.datetime, dt.datetime]]:
        with self.db.reading() as cur:
            rows = cur.execute(
                "SELECT starts_at, ends_at FROM unavailability WHERE person_code = ?", (code,)
            ).fetchall()
        return {(dt.datetime.fromisoformat(a), dt.datetime.fromisoformat(b)) for a, b in rows}


def _read(data: bytes, start: dt.date, end: dt.date) -> list[BusyInterval]:
    try:
        return parse_busy(data, start, end, TIME_ZONE_NAME)
    except IcsImportError as exc:
        raise CalendarFileError(exc.code, exc.message, exc.message_en) from None
    except ValueError as exc:
        raise CalendarFileError(
            "window", f"日期范围不正确：{exc}", f"Bad date range: {exc}"
        ) from None


def _reason(b: BusyInterval) -> str:
    return f"日历导入：{b.summary}" if b.summary else "日历导入"


class CalendarFileError(DomainError):
    """The uploaded calendar was refused; `code` is stable for programs and tests."""

    def __init__(self, code: str, message: str, message_en: str) -> None:
        super().__init__(message, message_en)
        self.code = code


class UnknownPersonError(DomainError):
    def __init__(self, code: str) -> None:
        super().__init__(f"找不到人员“{code}”", f"Unknown person '{code}'")
