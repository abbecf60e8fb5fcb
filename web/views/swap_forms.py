"""The duty page's "ask for cover / exchange" section: who can take the member's own published
duty without breaking a hard rule (best first), and the duties a colleague could trade."""

import asyncio
from dataclasses import dataclass

from aiohttp import web

from roster.errors import DomainError
from roster.swaps.candidates import SwapCandidate
from web.auth.keys import PRINCIPAL
from web.i18n import LANG
from web.keys import SERVICES

SHOWN = 20  # the best fits; the rest would only lengthen the page


@dataclass(frozen=True)
class SwapSection:
    roster: str  # the roster's id, which a request names
    version: int  # the duty's version in the roster, which the form sends back
    candidates: list[SwapCandidate]
    trades: list  # colleagues' published duties of the same roster, for an exchange
    error: str = ""  # why no candidates could be worked out, in the user's language


async def swap_section(request: web.Request, duty) -> SwapSection | None:
    """Only for the member's own confirmed duty in a published roster."""
    principal = request[PRINCIPAL]
    if duty.status != "CONFIRMED" or principal.person_code != duty.person_code:
        return None
    services = request.app[SERVICES]
    month = f"{duty.day:%Y-%m}"
    roster = await asyncio.to_thread(services.rosters.get, duty.kind, duty.unit_code, month)
    if roster is None or roster.state != "published" or duty.assignment_id not in roster.versions:
        return None
    lines = await asyncio.to_thread(services.duties.of_roster, duty.kind, duty.unit_code, month)
    trades = [d for d in lines if d.person_code != duty.person_code]
    try:
        candidates = await asyncio.to_thread(
            services.swaps.candidates, roster.id.hex, duty.assignment_id
        )
        error = ""
    except DomainError as exc:  # no problem to judge on (an undeclared year…)
        candidates, error = [], exc.text(request[LANG])
    version = roster.versions[duty.assignment_id]
    return SwapSection(roster.id.hex, version, candidates[:SHOWN], trades, error)
