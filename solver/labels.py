"""Readable names of days, slots and people in Chinese (default) or English, for the
checker's and the explainer's sentences."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Protocol

from solver.problem import Person, ShiftType, Slot

LANGS = ("zh", "en")


class Names(Protocol):
    """What a label needs: the problem's people, slots and shifts by id. The model's index
    and the checker's own reading both have them, so labels tie neither to the other."""

    people: Mapping[str, Person]
    slots: Mapping[str, Slot]
    shifts: Mapping[str, ShiftType]


def day_label(day: date, lang: str = "zh") -> str:
    if lang == "en":
        return f"{day.day} {day:%b}"
    return f"{day.month}月{day.day}日"


def slot_label(index: Names, slot_id: str, lang: str = "zh") -> str:
    slot = index.slots.get(slot_id)
    if slot is None:
        return slot_id
    shift = index.shifts.get(slot.shift)
    station = slot.station_name or slot.station_id
    shift_name = (shift.name if shift else "") or slot.shift
    if lang == "en":
        station = slot.station_name_en or station
        shift_name = (shift.name_en if shift else "") or shift_name
        return f"{station}, {day_label(slot.day, lang)} {shift_name}"
    return f"{station} {day_label(slot.day, lang)} {shift_name}"


def person_label(index: Names, person_id: str, lang: str = "zh") -> str:
    person = index.people.get(person_id)
    if person is None:
        return person_id
    if lang == "en":
        return person.name_en or person.name or person.id
    return person.name or person.id


def people_label(index: Names, person_ids: Iterable[str], lang: str = "zh") -> str:
    names = [person_label(index, p, lang) for p in person_ids]
    return (", " if lang == "en" else "、").join(names)


def pick(lang: str, zh: str, en: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGS}")
    return en if lang == "en" else zh
