"""Drop what busy time never needs before the (slow) icalendar parser sees the text.

Real exports carry far more than times: Outlook's HTML descriptions (X-ALT-DESC), long
attendee lists, alarms, tasks. Parsing them costs most of the import time, so only the
components and properties that decide when someone is busy are kept.
"""

from __future__ import annotations

_KEPT_COMPONENTS = {"VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT"}
_EVENT_PROPERTIES = {
    "BEGIN", "END", "UID", "SUMMARY", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE",
    "EXDATE", "RECURRENCE-ID", "STATUS", "TRANSP", "SEQUENCE",
}  # fmt: skip


def slim(text: str) -> str:
    """The same calendar with only what busy time needs; expects balanced components."""
    kept: list[str] = []
    stack: list[str] = []
    keep_current = True
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line:
            continue
        if line[0] in " \t":  # continuation: follows the fate of its property
            if keep_current:
                kept.append(line)
            continue
        name = line.split(":", 1)[0].split(";", 1)[0].strip().upper()
        value = line.partition(":")[2].strip().upper()
        if name == "BEGIN":
            stack.append(value)
        dropped_component = any(c not in _KEPT_COMPONENTS for c in stack)
        in_event = bool(stack) and stack[-1] == "VEVENT"
        keep_current = not dropped_component and (not in_event or name in _EVENT_PROPERTIES)
        if keep_current:
            kept.append(line)
        if name == "END" and stack:
            stack.pop()
    return "\r\n".join(kept) + "\r\n"
