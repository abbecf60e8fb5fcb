"""The application facade the web and the CLI call: commands and queries, simple types only."""

from dataclasses import dataclass

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
from roster.readmodels.follower import Follower
from roster.registry import Registry
from roster.registry_views import RegistryViews
from roster.roster_views import RosterViews
from roster.rosters import Rosters
from roster.settings import Settings
from roster.unit_of_work import UnitOfWork
from roster.workdays import WorkingDays


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
    drafting: DraftingJobs
    reassignments: Reassignments
    duties: DutyQueries
    api_tokens: ApiTokens
    api_queries: ApiQueries
    registry_views: RegistryViews

    def close(self) -> None:
        self.drafting.close()
        self.store.close()
        self.db.close()
