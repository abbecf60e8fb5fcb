"""Sessions, sign-in, CSRF and access rules for the web: middleware and decorators, so no view
repeats a check. Calendar feeds and public pages pass through untouched."""

from collections.abc import Callable

import jinja2

from roster.settings import Settings
from web.auth import csrf, middleware
from web.auth.middleware import principal_middleware
from web.auth.proxy import proxy_middleware_for
from web.auth.session import session_middleware_for


def middlewares_outside_errors(settings: Settings) -> list[Callable]:
    """Run before the error pages: the session cookie is saved even on an error page. The
    client's address and scheme are settled first (behind a trusted proxy, from its headers)."""
    return [
        proxy_middleware_for(settings.trusted_proxies),
        session_middleware_for(settings.secret_key),
    ]


def middlewares_inside_errors() -> list[Callable]:
    """Run after: a refusal (403) or a redirect here becomes a page in the layout."""
    return [principal_middleware, csrf.csrf_middleware]


def install(env: jinja2.Environment) -> None:
    env.globals["csrf_input"] = csrf.csrf_input
    env.globals["principal"] = middleware.principal_in_template
