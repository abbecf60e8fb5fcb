"""Sign in, sign out, my account, change my password, and the administrator's account list.

A refused form is shown again with the message beside its field, and nothing is recorded.
"""

import asyncio

from aiohttp import web
from aiohttp_session import new_session

from roster.access.accounts import LoginRefusedError
from roster.access.passwords import PasswordPolicyError
from roster.access.throttle import LoginThrottledError
from web.auth.csrf import renew_token
from web.auth.keys import PRINCIPAL, SESSION
from web.auth.middleware import sign_in
from web.auth.rules import login_required, requires, safe_next
from web.i18n import LANG, N_
from web.i18n import gettext as _
from web.keys import SERVICES
from web.render import render

ROLE_NAMES = {
    "admin": N_("系统管理员"),
    "manager": N_("管理人员"),
    "member": N_("值班人员"),
    "supervisor": N_("监督人员（只读）"),
}


async def login_form(request: web.Request) -> web.StreamResponse:
    target = safe_next(request.query.get("next", "/today"))
    if request.get(PRINCIPAL):
        raise web.HTTPFound(target)
    return render(request, "login.html", next=target, username="", errors={})


async def login(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    username = str(form.get("username", "")).strip()
    password = str(form.get("password", ""))
    target = safe_next(str(form.get("next", "/today")))
    accounts = request.app[SERVICES].accounts
    try:
        principal = await asyncio.to_thread(
            accounts.authenticate, username, password, request.remote or ""
        )
    except (LoginRefusedError, LoginThrottledError) as exc:
        throttled = isinstance(exc, LoginThrottledError)
        errors = {"password": exc.text(request[LANG])}
        response = render(
            request, "login.html", status=429 if throttled else 401, next=target,
            username=username, errors=errors,
        )  # fmt: skip
        if throttled:
            response.headers["Retry-After"] = str(exc.wait_s)
        return response
    # A fresh session at sign-in: nothing from before it (fixation) carries over.
    session = await new_session(request)
    request[SESSION] = session
    sign_in(session, principal)
    renew_token(request)
    raise web.HTTPFound(target)


async def logout(request: web.Request) -> web.StreamResponse:
    principal = request.get(PRINCIPAL)
    if principal is not None:
        # Raises the account's session generation: every cookie issued to it so far, a copied
        # one included, is refused from now on by every worker.
        accounts = request.app[SERVICES].accounts
        await asyncio.to_thread(accounts.sign_out, principal.username, principal.username)
    request[SESSION].invalidate()
    raise web.HTTPFound("/")


@login_required
async def me(request: web.Request) -> web.StreamResponse:
    principal = request[PRINCIPAL]
    services = request.app[SERVICES]
    units = await asyncio.to_thread(services.access.unit_names, principal.unit_codes)
    return render(
        request, "me.html", account=principal, role_name=_(ROLE_NAMES[principal.role]),
        units=units, changed=request.query.get("changed") == "1",
    )  # fmt: skip


@login_required
async def password_form(request: web.Request) -> web.StreamResponse:
    return render(request, "password.html", errors={})


@login_required
async def change_password(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    current = str(form.get("current", ""))
    new = str(form.get("new", ""))
    errors: dict[str, str] = {}
    if new != str(form.get("confirm", "")):
        errors["confirm"] = _("两次输入的新口令不一致")
    principal = request[PRINCIPAL]
    if not errors:
        accounts = request.app[SERVICES].accounts
        try:
            changed = await asyncio.to_thread(
                accounts.change_password, principal.username, current, new, request.remote or ""
            )
        except (LoginRefusedError, LoginThrottledError) as exc:
            errors["current"] = exc.text(request[LANG])
        except PasswordPolicyError as exc:
            errors["new"] = exc.text(request[LANG])
        else:
            sign_in(request[SESSION], changed)  # this session stays; all others end
            raise web.HTTPFound("/me?changed=1")
    return render(request, "password.html", status=400, errors=errors)


@requires("admin")
async def account_list(request: web.Request) -> web.StreamResponse:
    accounts = await asyncio.to_thread(request.app[SERVICES].accounts.all)
    return render(
        request, "accounts.html", accounts=accounts,
        role_names={k: _(v) for k, v in ROLE_NAMES.items()},
    )  # fmt: skip
