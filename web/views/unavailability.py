"""A member declares when they cannot serve: by a form, or by uploading their own calendar.

A refused form comes back with the message beside its field and nothing recorded. An upload
is previewed first; the confirm step carries the same file back (base64 in a hidden field),
so nothing is kept on the server between the two steps.
"""

import asyncio
import base64
import binascii
from datetime import date, datetime, time, timedelta

from aiohttp import web

from roster.errors import DomainError
from roster.registry.availability import CalendarFileError
from web import params
from web.auth.keys import PRINCIPAL
from web.auth.rules import requires
from web.i18n import LANG, TIME_ZONE
from web.i18n import gettext as _
from web.keys import SERVICES
from web.render import render
from web.views.duties import render_my_duties

MAX_REASON = 200
MAX_SPAN = timedelta(days=366)
MAX_FILE = 1024 * 1024  # the importer refuses larger files too; stop them here first


@requires("member")
async def declare(request: web.Request) -> web.StreamResponse:
    form = {k: str(v).strip() for k, v in (await request.post()).items() if k != "_csrf"}
    errors, span = read_absence(form)
    if errors:
        return await render_my_duties(request, 400, absence_form=form, absence_errors=errors)
    principal = request[PRINCIPAL]
    registry = request.app[SERVICES].registry
    try:
        await asyncio.to_thread(
            registry.declare_unavailable, principal.person_code, span[0], span[1],
            form["reason"], actor=principal.username,
        )  # fmt: skip
    except DomainError as exc:
        field = "reason" if getattr(exc, "field", "") == "reason" else "end_date"
        errors = {field: exc.text(request[LANG])}
        return await render_my_duties(request, 400, absence_form=form, absence_errors=errors)
    raise web.HTTPFound("/me/duties?done=declared#absences")


def read_absence(form: dict[str, str]) -> tuple[dict[str, str], tuple[datetime, datetime]]:
    """Field errors, and the interval in Beijing time when there are none."""
    errors: dict[str, str] = {}
    start = _moment(form, "start", errors)
    end = _moment(form, "end", errors)
    reason = form.get("reason", "")
    if not reason:
        errors["reason"] = _("请填写事由，例如“开庭”“外出培训”")
    elif len(reason) > MAX_REASON:
        errors["reason"] = _("事由不能超过 200 字")
    if start and end and "end_date" not in errors:
        if end <= start:
            errors["end_date"] = _("结束时间必须晚于开始时间")
        elif end - start > MAX_SPAN:
            errors["end_date"] = _("一次最多声明一年")
    return errors, (start, end)  # type: ignore[return-value]


def _moment(form: dict[str, str], prefix: str, errors: dict[str, str]) -> datetime | None:
    try:
        day = params.day(form.get(f"{prefix}_date", ""), f"{prefix}_date")
    except params.BadParameter:
        errors[f"{prefix}_date"] = _("请填写日期，格式如 2026-12-03")
        return None
    text = form.get(f"{prefix}_time", "")
    if not text:  # whole days: from the start day's first moment to the end day's last
        day = day + timedelta(days=1) if prefix == "end" else day
        return datetime.combine(day, time(0), TIME_ZONE)
    try:
        moment = time.fromisoformat(text)
    except ValueError:
        errors[f"{prefix}_time"] = _("请填写时间，格式如 08:30")
        return None
    return datetime.combine(day, moment, TIME_ZONE)


@requires("member")
async def withdraw(request: web.Request) -> web.StreamResponse:
    principal = request[PRINCIPAL]
    registry = request.app[SERVICES].registry
    try:
        await asyncio.to_thread(
            registry.withdraw_unavailable, principal.person_code,
            request.match_info["interval_id"], actor=principal.username, reason="本人撤回",
        )  # fmt: skip
    except DomainError:  # not theirs, or already withdrawn
        raise web.HTTPNotFound() from None
    raise web.HTTPFound("/me/duties?done=withdrawn#absences")


@requires("member")
async def import_preview(request: web.Request) -> web.StreamResponse:
    post = await request.post()
    form = {"start": str(post.get("start", "")), "end": str(post.get("end", ""))}
    upload = post.get("file")
    data = upload.file.read(MAX_FILE + 1) if hasattr(upload, "file") else b""
    errors = window_errors(form)
    if not data:
        errors["file"] = _("请选择一个 .ics 日历文件")
    elif len(data) > MAX_FILE:
        errors["file"] = _("文件太大：日历文件不能超过 1 MB")
    if not errors:
        planned, errors = await _preview(request, data, form)
    if errors:
        return await render_my_duties(request, 400, import_form=form, import_errors=errors)
    return render(
        request, "duties/import_preview.html", planned=planned, form=form,
        data=base64.b64encode(data).decode("ascii"),
    )  # fmt: skip


@requires("member")
async def import_confirm(request: web.Request) -> web.StreamResponse:
    post = await request.post()
    form = {"start": str(post.get("start", "")), "end": str(post.get("end", ""))}
    try:
        data = base64.b64decode(str(post.get("data", "")), validate=True)
    except (binascii.Error, ValueError):
        data = b""
    errors = window_errors(form)
    if not data or len(data) > MAX_FILE:
        errors["file"] = _("请重新选择日历文件")
    if not errors:
        principal = request[PRINCIPAL]
        availability = request.app[SERVICES].availability
        try:
            declared = await asyncio.to_thread(
                availability.confirm, principal.person_code, data,
                date.fromisoformat(form["start"]), date.fromisoformat(form["end"]),
                principal.username,
            )  # fmt: skip
        except DomainError as exc:
            errors["file"] = exc.text(request[LANG])
        else:
            raise web.HTTPFound(f"/me/duties?done=imported-{len(declared)}#absences")
    return await render_my_duties(request, 400, import_form=form, import_errors=errors)


def window_errors(form: dict[str, str]) -> dict[str, str]:
    errors = {}
    for field in ("start", "end"):
        try:
            params.day(form[field], field)
        except params.BadParameter:
            errors[field] = _("请填写日期，格式如 2026-12-03")
    return errors


async def _preview(request: web.Request, data: bytes, form: dict[str, str]):
    availability = request.app[SERVICES].availability
    person = request[PRINCIPAL].person_code
    start, end = date.fromisoformat(form["start"]), date.fromisoformat(form["end"])
    try:
        planned = await asyncio.to_thread(availability.preview, person, data, start, end)
    except CalendarFileError as exc:
        field = "end" if exc.code == "window" else "file"
        return [], {field: exc.text(request[LANG])}
    return planned, {}
