"""iCal in and out: render duty feeds, read uploaded calendars into busy intervals.

Plain records in, bytes or plain records out; nothing here knows of web, solver or storage.
"""

from calendars.busy import BusyInterval, parse_busy
from calendars.errors import IcsImportError
from calendars.feed import FeedDuty, FeedInfo, body_etag, inputs_etag, render_feed
from calendars.guard import ImportLimits

__all__ = [
    "BusyInterval",
    "FeedDuty",
    "FeedInfo",
    "IcsImportError",
    "ImportLimits",
    "body_etag",
    "inputs_etag",
    "parse_busy",
    "render_feed",
]
