"""The composition root: builds the application from settings. No module-level singletons."""

from dataclasses import replace
from typing import Any

from roster.access import Access
from roster.accounts import Accounts
from roster.api_queries import ApiQueries
from roster.api_tokens import ApiTokens
from roster.availability import AvailabilityImport
from roster.database import Database
from roster.duty_queries import DutyQueries
from roster.eventstore import EventStore
from roster.feeds.duties import FeedBuilder
from roster.feeds.tokens import FeedTokens
from roster.planning.jobs import DraftingJobs
from roster.planning.planner import Planner
from roster.planning.verdict import Reassignments
from roster.queries import Queries
from roster.readmodels.accounts import accounts
from roster.readmodels.apitokens import api_tokens
from roster.readmodels.changes import changes
from roster.readmodels.duties import duties
from roster.readmodels.feedtokens import feed_tokens
from roster.readmodels.follower import Follower
from roster.readmodels.registry import registry as registry_projection
from roster.registry import Registry
from roster.registry_views import RegistryViews
from roster.roster_views import RosterViews
from roster.rosters import Rosters
from roster.services import Services
from roster.settings import Settings
from roster.throttle import LoginThrottle
from roster.unit_of_work import UnitOfWork
from roster.workdays import WorkingDays

PROJECTIONS = (registry_projection, duties, changes, feed_tokens, accounts, api_tokens)


def build(settings: Settings | None = None, *, create: bool = False, **overrides: Any) -> Services:
    """Everything the web app, the CLI and the tests use, wired to one database. Only with
    `create` is a missing store made (`roster init`, `roster demo`, tests); else refused."""
    settings = settings or Settings.from_env()
    if overrides:
        settings = replace(settings, **overrides)
    db = Database(settings.database_url)
    try:
        db.prepare(create, marker_table=f"{EventStore.name}_events")
    except BaseException:
        db.close()
        raise
    store = EventStore(env=db.eventsourcing_env())
    follower = Follower(store, db, PROJECTIONS)
    follower.create_tables()
    follower.catch_up()
    uow = UnitOfWork(store, follower)
    throttle = LoginThrottle(db)  # not a read model: a rebuild keeps the counts
    throttle.create_table()
    rosters = Rosters(store, uow)
    workdays = WorkingDays(store, db, uow, settings.city_code)
    registry = Registry(store, db, uow)
    planner = Planner(db, workdays, rosters)
    access = Access(db)
    return Services(
        settings=settings,
        db=db,
        store=store,
        follower=follower,
        uow=uow,
        registry=registry,
        rosters=rosters,
        workdays=workdays,
        queries=Queries(db),
        planner=planner,
        accounts=Accounts(store, db, uow, throttle),
        access=access,
        feed_tokens=FeedTokens(store, db, uow, settings),
        feeds=FeedBuilder(db, settings),
        availability=AvailabilityImport(registry, db),
        roster_views=RosterViews(db, planner, workdays),
        drafting=DraftingJobs(planner),
        reassignments=Reassignments(planner, rosters),
        duties=DutyQueries(db),
        api_tokens=ApiTokens(store, db, uow, access),
        api_queries=ApiQueries(db),
        registry_views=RegistryViews(db),
    )
