"""The composition root: builds the application from settings. No module-level singletons."""

from dataclasses import replace
from typing import Any

from roster.access.accounts import Accounts
from roster.access.accounts_projection import accounts
from roster.access.api_tokens import ApiTokens
from roster.access.api_tokens_projection import api_tokens
from roster.access.scope import Access
from roster.access.throttle import LoginThrottle
from roster.audit.changes import changes
from roster.feeds.duties import FeedBuilder
from roster.feeds.projection import feed_tokens
from roster.feeds.tokens import FeedTokens
from roster.planning.jobs import DraftingJobs
from roster.planning.planner import Planner
from roster.planning.verdict import Reassignments
from roster.registry.availability import AvailabilityImport
from roster.registry.commands import Registry
from roster.registry.lookups import Lookups
from roster.registry.overview import Queries
from roster.registry.projection import registry as registry_projection
from roster.registry.queries import RegistryViews
from roster.registry.tree import RegistryTree
from roster.registry.workdays import WorkingDays
from roster.rosters.circuits import Circuits
from roster.rosters.commands import Rosters
from roster.rosters.projection import duties
from roster.rosters.published import DutyQueries
from roster.rosters.queries import RosterViews
from roster.services import Services
from roster.settings import Settings
from roster.store.database import Database
from roster.store.eventstore import EventStore
from roster.store.follower import Follower
from roster.store.unit_of_work import UnitOfWork
from roster.swaps.commands import Swaps
from roster.swaps.projection import swap_requests
from roster.swaps.queries import SwapViews

PROJECTIONS = (
    registry_projection, duties, changes, feed_tokens, accounts, api_tokens, swap_requests,
)  # fmt: skip


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
    tree = RegistryTree(db)
    access = Access(tree)
    lookups = Lookups(db)
    published = DutyQueries(db, lookups)
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
        accounts=Accounts(store, db, uow, throttle, tree),
        access=access,
        feed_tokens=FeedTokens(store, db, uow, settings),
        feeds=FeedBuilder(db, settings, lookups, published),
        availability=AvailabilityImport(registry, db),
        roster_views=RosterViews(db, planner.units, workdays, lookups),
        circuits=Circuits(db, lookups),
        drafting=DraftingJobs(planner),
        reassignments=Reassignments(planner, rosters),
        duties=published,
        api_tokens=ApiTokens(store, db, uow, access),
        registry_views=RegistryViews(db),
        lookups=lookups,
        swaps=Swaps(planner, uow),
        swap_views=SwapViews(db),
    )
