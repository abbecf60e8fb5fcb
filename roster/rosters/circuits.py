"""Each adviser's day-by-day circuit in a township's current roster (draft or published)."""

from dataclasses import dataclass
from datetime import date

from roster.registry.lookups import Lookups
from roster.registry.lunar import is_market_day
from roster.store.database import Database


@dataclass(frozen=True)
class CircuitDay:
    adviser_code: str
    adviser_name: str
    day: str
    villages: tuple[tuple[str, str, bool], ...]  # (code, name, on its market day), in order


class Circuits:
    def __init__(self, db: Database, lookups: Lookups) -> None:
        self.db = db
        self.lookups = lookups  # advisers' and villages' names, villages' market days

    def of_township(self, township: str, month: str) -> list[CircuitDay]:
        """By adviser, then day. Villages of a day are visited in the order of their codes:
        administrative codes number villages along the township's roads, the best order we
        know without coordinates."""
        with self.db.reading() as cur:
            rows = cur.execute(
                "SELECT d.person_code, d.day, d.place FROM roster_duties d "
                "JOIN rosters r ON r.id = d.roster_id "
                "WHERE r.kind = 'adviser-circuits' AND r.unit_code = ? AND r.month = ? "
                "ORDER BY d.person_code, d.day, d.place",
                (township, month),
            ).fetchall()
        people = self.lookups.people(person for person, _, _ in rows)
        units = self.lookups.units(place for _, _, place in rows)
        circuits: dict[tuple[str, str], list] = {}
        for person, day, place in rows:
            if person not in people or place not in units:
                continue  # no longer in the registry: nothing to name
            market = is_market_day(date.fromisoformat(day), units[place].market_days)
            circuits.setdefault((person, day), []).append((place, units[place].name, market))
        return [
            CircuitDay(person, people[person].name, day, tuple(villages))
            for (person, day), villages in circuits.items()
        ]
