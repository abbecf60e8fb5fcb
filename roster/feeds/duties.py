"""What each calendar feed shows, read from the read models only.

`published_duties` holds one row per (duty, person) as that person's calendar sees it, so a
person's feed is their rows; a station's or a roster's feed keeps one row per duty: the
confirmed holder, else the latest cancellation, so subscribers drop a removed duty. Drafts
never reach `published_duties`, so they never reach a feed.

Calendar apps poll the same feeds over and over, so built feeds are kept per process, keyed by
the read models' position in the log and the day (read models change only when the position
moves; the 30-day window of cancellations moves with the day) and by the site address its
links point at (the configured public address, else the one each request came to).
"""

import datetime as dt
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from calendars import FeedDuty, FeedInfo, inputs_etag, render_feed
from domain.vocabulary import ROSTER_KINDS, SHIFTS, TIME_ZONE, kind_name, shift_name
from roster.feeds.tokens import FeedScope, site_url
from roster.registry.lookups import Lookups
from roster.rosters.published import DutyQueries
from roster.settings import Settings
from roster.store.database import Database
from roster.store.follower import tracked_position

CANCELLED_KEPT = dt.timedelta(days=30)  # long enough for every subscriber to refresh
ALARM_EVENING_BEFORE = dt.time(20, 0)
EMPTY_STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # fixed, so an empty feed has one ETag
CACHED_FEEDS = 512
FEED_SOURCES = ("duties", "registry")  # published duties, and the names beside them


@dataclass(frozen=True)
class Feed:
    info: FeedInfo
    duties: tuple[FeedDuty, ...]
    stamp: dt.datetime  # the latest change: deterministic, so the ETag is stable
    etag: str  # from the inputs, so a revalidation needs no rendering

    def render(self) -> bytes:
        return self.body

    @functools.cached_property
    def body(self) -> bytes:  # rendered once per feed version, on first need
        return render_feed(self.info, self.duties, self.stamp)


@dataclass(frozen=True)
class _Row:
    assignment_id: str
    person_code: str
    kind: str
    day: str
    place: str
    shift: str
    version: int
    status: str
    changed_at: str
    person_name: str | None
    station_name: str | None
    address: str | None
    phone: str | None
    village: str | None
    township: str | None


class FeedBuilder:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        lookups: Lookups,
        duties: DutyQueries,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.lookups = lookups  # names of people and places: the registry's, asked in bulk
        self.duties = duties  # the published rows: the rosters slice's
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._cache: OrderedDict[tuple, Feed] = OrderedDict()
        self._lock = threading.Lock()

    def for_scope(self, scope: FeedScope, origin: str = "") -> Feed | None:
        """`origin` (scheme://host:port of the request) is where links point when no public
        address is configured."""
        if scope.scope == "person":
            return self.person(scope.subject, origin)
        if scope.scope == "station":
            return self.station(scope.subject, origin)
        kind, _, unit = scope.subject.partition("/")
        return self.roster(kind, unit, origin)

    def person(self, code: str, origin: str = "") -> Feed | None:
        return self._cached(("person", code), origin, self._person, code)

    def station(self, code: str, origin: str = "") -> Feed | None:
        return self._cached(("station", code), origin, self._station, code)

    def roster(self, kind: str, unit_code: str, origin: str = "") -> Feed | None:
        return self._cached(("roster", kind, unit_code), origin, self._roster, kind, unit_code)

    def public_reception(self, unit_code: str, origin: str = "") -> Feed | None:
        """The bureau's published reception days, open to the public (no token): its events
        link to the public reception page, never to a page behind the sign-in."""
        return self._cached(("public", unit_code), origin, self._public_reception, unit_code)

    def forget(self) -> None:
        """Drop every built feed (benchmarks measure the cold path with it)."""
        with self._lock:
            self._cache.clear()

    def _cached(
        self, scope: tuple, origin: str, build: Callable[..., Feed | None], *args: str
    ) -> Feed | None:
        today = self.clock().astimezone(TIME_ZONE).date()
        base = site_url(self.settings, origin)
        with self.db.reading() as cur:
            # The read models a feed is made from: another one stalled must not freeze it.
            position = tracked_position(cur, FEED_SOURCES)
        key = (*scope, base, position, today)
        with self._lock:
            feed = self._cache.get(key)
            if feed is not None:
                self._cache.move_to_end(key)
                return feed
        # Rows read now are at least as new as `position`; a later position rebuilds.
        feed = build(*args, base=base, cutoff=_cutoff(today))
        if feed is not None:
            with self._lock:
                self._cache[key] = feed
                while len(self._cache) > CACHED_FEEDS:
                    self._cache.popitem(last=False)
        return feed

    def _person(self, code: str, base: str, cutoff: dt.datetime) -> Feed | None:
        person = self.lookups.people((code,)).get(code)
        if person is None:
            return None
        rows = self._rows(person=code)
        return self._feed(
            f"{person.name}的值班", rows, cutoff, _duty_page(base), alarms=True, with_names=False
        )

    def _station(self, code: str, base: str, cutoff: dt.datetime) -> Feed | None:
        station = self.lookups.station(code)
        if station is None:
            return None
        rows = one_per_duty(self._rows(place=code))
        return self._feed(f"{station.name}值班表", rows, cutoff, _duty_page(base))

    def _roster(self, kind: str, unit_code: str, base: str, cutoff: dt.datetime) -> Feed | None:
        unit = self.lookups.unit(unit_code)
        if unit is None or kind not in ROSTER_KINDS:
            return None
        rows = self._rows(kind=kind, unit=unit_code)
        return self._feed(
            f"{unit.name}{kind_name(kind)}", one_per_duty(rows), cutoff, _duty_page(base)
        )

    def _public_reception(self, unit_code: str, base: str, cutoff: dt.datetime) -> Feed | None:
        unit = self.lookups.unit(unit_code)
        if unit is None or unit.kind not in ("city", "county"):
            return None
        rows = self._rows(kind="reception", unit=unit_code)
        return self._feed(
            f"{unit.office}领导干部接待日",
            one_per_duty(rows),
            cutoff,
            _public_page(base, unit_code),
        )

    def _feed(
        self,
        name: str,
        rows: list[_Row],
        cutoff: dt.datetime,
        link: Callable[[_Row], str],
        alarms: bool = False,
        with_names: bool = True,
    ) -> Feed:
        # The latest change, expired cancellations included, so Last-Modified never goes back.
        stamp = max((_utc(r.changed_at) for r in rows), default=EMPTY_STAMP)
        duties = tuple(
            self._duty(r, link(r), alarms, with_names)
            for r in rows
            if r.status == "CONFIRMED" or _utc(r.changed_at) >= cutoff
        )
        info = FeedInfo(name=name, description="公共法律服务值班（仅含已发布的排班）")
        return Feed(info, duties, stamp, inputs_etag(info, duties, stamp))

    def _duty(self, r: _Row, url: str, alarm: bool, with_names: bool) -> FeedDuty:
        first, last = SHIFTS[r.shift]
        begins, ends, alarm_minutes = _shift_times(r.shift)
        day = dt.date.fromisoformat(r.day)
        start = dt.datetime.combine(day, begins, TIME_ZONE)
        end = dt.datetime.combine(day, ends, TIME_ZONE)
        place = r.station_name or r.village or r.place
        summary = f"{kind_name(r.kind)} · {place}"
        if with_names and r.person_name:
            summary += f" · {r.person_name}"
        lines = [f"班次：{shift_name(r.shift)} {first}–{last}", f"地点：{place}"]
        if r.phone:
            lines.append(f"值班点电话：{r.phone}")
        lines.append(f"详情：{url}")
        if r.status == "CANCELLED":
            lines.insert(0, "【已取消】此项值班已调整或取消。")
        return FeedDuty(
            uid=f"{r.assignment_id}@roster",
            sequence=r.version,
            start=start,
            end=end,
            summary=summary,
            location=_location(r),
            description="\n".join(lines),
            status="CONFIRMED" if r.status == "CONFIRMED" else "CANCELLED",
            url=url,
            last_modified=_utc(r.changed_at),
            alarm_minutes_before=alarm_minutes if alarm else None,
        )

    def _rows(self, **filters: str) -> list[_Row]:
        """Published rows with the registry's names: three bulk lookups, whatever the count."""
        rows = self.duties.calendar_rows(**filters)
        people = self.lookups.people(r[1] for r in rows)
        stations = self.lookups.stations(r[4] for r in rows)
        villages = self.lookups.villages(r[4] for r in rows)
        out = []
        for row in rows:
            person, station, village = (
                people.get(row[1]),
                stations.get(row[4]),
                villages.get(row[4]),
            )
            out.append(
                _Row(
                    *row,
                    person.name if person else None,
                    station.name if station else None,
                    station.address if station else None,
                    station.phone if station else None,
                    village.name if village else None,
                    village.township if village else None,
                )
            )
        return out


def _duty_page(base: str) -> Callable[[_Row], str]:
    """Feeds behind a secret link point at the duty's page (members sign in to see it)."""
    return lambda r: f"{base}/duties/{r.assignment_id}"


def _public_page(base: str, unit_code: str) -> Callable[[_Row], str]:
    """The public feed points at the public reception page: the duty's month, its bureau."""
    return lambda r: f"{base}/public/reception?month={r.day[:7]}#bureau-{unit_code}"


def one_per_duty(rows: Iterable[_Row]) -> list[_Row]:
    """Per duty the confirmed holder, else its latest cancellation (one UID per feed)."""
    chosen: dict[str, _Row] = {}
    for r in rows:
        held = chosen.get(r.assignment_id)
        if held is None or _rank(r) > _rank(held):
            chosen[r.assignment_id] = r
    return list(chosen.values())


def _rank(r: _Row) -> tuple[bool, int]:
    return (r.status == "CONFIRMED", r.version)


def _location(r: _Row) -> str:
    if r.village:
        return f"{r.township or ''}{r.village}"
    return r.address or r.station_name or r.place


@functools.cache
def _shift_times(shift: str) -> tuple[dt.time, dt.time, int]:
    """Start, end, and minutes from the evening before to the start (no DST in China)."""
    first, last = (dt.time.fromisoformat(t) for t in SHIFTS[shift])
    evening = ALARM_EVENING_BEFORE.hour * 60 + ALARM_EVENING_BEFORE.minute
    return first, last, 24 * 60 - evening + first.hour * 60 + first.minute


def _cutoff(today: dt.date) -> dt.datetime:
    """Cancellations changed before this instant have been seen by every subscriber."""
    return dt.datetime.combine(today, dt.time(), TIME_ZONE) - CANCELLED_KEPT


def _utc(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
