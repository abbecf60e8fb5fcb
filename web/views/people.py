"""People: the list, one person's page (qualifications, firm, unit, unavailability), the
details form and a manager's entry of a member's unavailability."""

import asyncio

from aiohttp import web

from roster.errors import DomainError, StaleWriteError
from roster.registry.importing.fields import FieldError, mobile, text
from web.auth.keys import PRINCIPAL
from web.auth.rules import requires
from web.i18n import LANG
from web.i18n import gettext as _
from web.keys import SERVICES
from web.render import render
from web.views.registry_pages import form_of, list_view, read_reason
from web.views.stale import sent_version
from web.views.unavailability import read_absence

people_list = list_view("people")
DUTY = "duty_lawyer"  # the one qualification the forms grant: duty-lawyer rosters need it


async def load(request: web.Request) -> dict:
    code = request.match_info["code"]
    person = await asyncio.to_thread(request.app[SERVICES].registry_views.person_record, code)
    if person is None:
        raise web.HTTPNotFound()
    return person


@requires(person="code")
async def person_page(request: web.Request) -> web.StreamResponse:
    return await render_person(request)


async def render_person(
    request: web.Request, status: int = 200, form: dict | None = None,
    errors: dict | None = None,
) -> web.Response:  # fmt: skip
    person = await load(request)
    principal = request[PRINCIPAL]
    # Phone numbers and reasons: only for those over the person, and the person themself.
    private = principal.role != "member" or principal.person_code == person["code"]
    access = request.app[SERVICES].access
    may_change = principal.role in ("admin", "manager") and await asyncio.to_thread(
        access.manages_person, principal, person["code"]
    )
    return render(
        request, "people/detail.html", status=status, person=person, private=private,
        may_change=may_change, form=form or {}, errors=errors or {},
    )  # fmt: skip


@requires("admin", "manager", person="code", write=True)
async def edit_form(request: web.Request) -> web.StreamResponse:
    person = await load(request)
    return render(request, "people/edit.html", person=person, form=_current(person), errors={})


def _current(person: dict) -> dict:
    """The form as the record is now, with the version it is rendered from."""
    form = {k: person[k] for k in ("name", "phone", "title", "version")}
    form["is_head"] = "1" if person["is_head"] else ""
    form["duty_lawyer"] = "1" if DUTY in person["qualifications"] else ""
    return form


@requires("admin", "manager", person="code", write=True)
async def edit(request: web.Request) -> web.StreamResponse:
    person = await load(request)
    form = form_of(await request.post())
    errors: dict[str, str] = {}
    for name, check in (("name", lambda v, c: text(v, c, 40)), ("phone", mobile)):
        try:
            check(form.get(name, ""), name)
        except FieldError as exc:
            errors[name] = exc.message
    if len(form.get("title", "")) > 40:
        errors["title"] = _("职务不能超过 40 字")
    reason = read_reason(form, errors)
    if not errors:
        registry, actor = request.app[SERVICES].registry, request[PRINCIPAL].username
        duty_lawyer = bool(form.get(DUTY)) if person["role"] == "lawyer" else None
        try:
            await asyncio.to_thread(
                registry.edit_person, person["code"], form["name"], form.get("phone", ""),
                form.get("title", ""), bool(form.get("is_head")), duty_lawyer, actor, reason,
                sent_version(form),
            )  # fmt: skip
        except StaleWriteError as exc:
            current = await load(request)
            errors = {"stale": exc.text(request[LANG])}
            form = {**_current(current), "reason": reason}
            return render(
                request, "people/edit.html", status=409, person=current, form=form, errors=errors
            )
        except DomainError as exc:
            errors["name"] = exc.text(request[LANG])
        else:
            raise web.HTTPFound(f"/people/{person['code']}?done=saved")
    return render(request, "people/edit.html", status=400, person=person, form=form, errors=errors)


@requires("admin", "manager", person="code", write=True)
async def declare_unavailable(request: web.Request) -> web.StreamResponse:
    """A manager records a member's absence (the member declares their own at /me/duties)."""
    person = await load(request)
    form = form_of(await request.post())
    errors, span = read_absence(form)
    if not errors:
        try:
            await asyncio.to_thread(
                request.app[SERVICES].registry.declare_unavailable, person["code"], span[0],
                span[1], form["reason"], actor=request[PRINCIPAL].username, source="manager",
            )  # fmt: skip
        except DomainError as exc:
            errors = {"end_date": exc.text(request[LANG])}
        else:
            raise web.HTTPFound(f"/people/{person['code']}?done=declared#absences")
    return await render_person(request, 400, form, errors)


@requires("admin", "manager", person="code", write=True)
async def withdraw_unavailable(request: web.Request) -> web.StreamResponse:
    person = await load(request)
    interval_id = request.match_info["interval_id"]
    if interval_id not in {i["id"] for i in person["unavailability"]}:
        raise web.HTTPNotFound()
    try:
        await asyncio.to_thread(
            request.app[SERVICES].registry.withdraw_unavailable, person["code"], interval_id,
            request[PRINCIPAL].username, "管理员撤回",
        )  # fmt: skip
    except DomainError:  # withdrawn by someone else a moment ago
        raise web.HTTPNotFound() from None
    raise web.HTTPFound(f"/people/{person['code']}?done=withdrawn#absences")
