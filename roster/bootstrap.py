"""The composition root: builds the application from settings. No module-level singletons."""

from dataclasses import replace
from typing import Any

from roster.database import Database
from roster.eventstore import EventStore
from roster.planning.planner import Planner
from roster.queries import Queries
from roster.readmodels.changes import changes
from roster.readmodels.duties import duties
from roster.readmodels.follower import Follower
from roster.readmodels.registry import registry as registry_projection
from roster.registry import Registry
from roster.rosters import Rosters
from roster.services import Services
from roster.settings import Settings
from roster.workdays import WorkingDays

PROJECTIONS = (registry_projection, duties, changes)


def build(settings: Settings | None = None, **overrides: Any) -> Services:
    """Everything the web app, the CLI and the tests use, wired to one database."""
    settings = settings or Settings.from_env()
    if overrides:
        settings = replace(settings, **overrides)
    db = Database(settings.database_url)
    db.prepare()
    store = EventStore(env=db.eventsourcing_env())
    follower = Follower(store, db, PROJECTIONS)
    follower.create_tables()
    follower.catch_up()
    rosters = Rosters(store, follower)
    workdays = WorkingDays(store, db, follower, settings.city_code)
    return Services(
        settings=settings,
        db=db,
        store=store,
        follower=follower,
        registry=Registry(store, db, follower),
        rosters=rosters,
        workdays=workdays,
        queries=Queries(db),
        planner=Planner(db, workdays, rosters),
    )
