"""What the people, stations, units and firms pages share: the paged, searched list and the
reason every change must carry."""

import asyncio

from aiohttp import web

from web import params
from web.auth.rules import requires, scope_of
from web.i18n import gettext as _
from web.keys import SERVICES
from web.render import render

MAX_SEARCH = 40
MAX_REASON = 200
LIST_ROLES = ("admin", "manager", "supervisor")  # members see only their own person


def list_view(kind: str):
    """A list page: `?q=` searches code and name, `?page=` pages through 50 at a time."""

    @requires(*LIST_ROLES)
    async def view(request: web.Request) -> web.StreamResponse:
        search = params.text(request.query.get("q", "").strip()[:MAX_SEARCH], "q", MAX_SEARCH)
        number = params.page(request.query.get("page", "") or "1")
        scope = await scope_of(request)
        views = request.app[SERVICES].registry_views
        page = await asyncio.to_thread(views.page, kind, scope, search, number)
        return render(
            request, f"{kind}/list.html", page=page, search=search, may_change=scope.writable
        )

    view.__name__ = f"{kind}_list"
    return view


def read_reason(form: dict[str, str], errors: dict[str, str]) -> str:
    """Every change says why; the event keeps it beside the actor."""
    reason = form.get("reason", "")
    if not reason:
        errors["reason"] = _("请填写变更原因")
    elif len(reason) > MAX_REASON:
        errors["reason"] = _("原因不能超过 200 字")
    return reason


def form_of(post) -> dict[str, str]:
    return {k: str(v).strip() for k, v in post.items() if k != "_csrf"}
