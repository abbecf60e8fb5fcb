"""The application facade the web and the CLI call: commands and queries, simple types only."""

from dataclasses import dataclass

from roster.access.accounts import Accounts
from roster.access.api_tokens import ApiTokens
from roster.access.scope import Access
from roster.feeds.duties import FeedBuilder
from roster.feeds.tokens import FeedTokens
from roster.planning.jobs import DraftingJobs
from roster.planning.planner import Planner
from roster.planning.verdict import Reassignments
from roster.registry.availability import AvailabilityImport
from roster.registry.commands import Registry
from roster.registry.lookups import Lookups
from roster.registry.overview import Queries
from roster.registry.queries import RegistryViews
from roster.registry.workdays import WorkingDays
from roster.rosters.circuits import Circuits
from roster.rosters.commands import Rosters
from roster.rosters.published import DutyQueries
from roster.rosters.queries import RosterViews
from roster.settings import Settings
from roster.store.database import Database
from roster.store.eventstore import EventStore
from roster.store.follower import Follower
from roster.store.unit_of_work import UnitOfWork
from roster.swaps.commands import Swaps
from roster.swaps.queries import SwapViews


@dataclass
class Services:
    settings: Settings
    db: Database
    store: EventStore
    follower: Follower
    uow: UnitOfWork
    registry: Registry
    rosters: Rosters
    workdays: WorkingDays
    queries: Queries
    planner: Planner
    accounts: Accounts
    access: Access
    feed_tokens: FeedTokens
    feeds: FeedBuilder
    availability: AvailabilityImport
    roster_views: RosterViews
    circuits: Circuits
    drafting: DraftingJobs
    reassignments: Reassignments
    duties: DutyQueries
    api_tokens: ApiTokens
    registry_views: RegistryViews
    lookups: Lookups
    swaps: Swaps
    swap_views: SwapViews

    def close(self) -> None:
        self.drafting.close()
        self.store.close()
        self.db.close()
