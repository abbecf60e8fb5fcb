"""Languages: zh-CN by default, English by a switch (`?lang=en`, remembered in a cookie).

Chinese is the source language: every text in templates and views is a Chinese msgid, and
web/locale/en/LC_MESSAGES/messages.po holds the English. The .po is compiled in memory when
the app starts, so a fresh clone needs no build step and no compiled file can go stale.
"""

import gettext as stdlib_gettext
import io
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from datetime import UTC, date, datetime
from pathlib import Path

import jinja2
from aiohttp import web
from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from roster.vocabulary import TIME_ZONE

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = {"zh": "zh_Hans_CN", "en": "en"}  # the switch's value → Babel's locale
HTML_LANG = {"zh": "zh-CN", "en": "en"}
DEFAULT = "zh"
COOKIE = "lang"

LANG = web.RequestKey("lang", str)
# The request's catalogue: set by the middleware, read by templates and views of that request.
_active: ContextVar[stdlib_gettext.NullTranslations | None] = ContextVar(
    "translations", default=None
)
_SOURCE = stdlib_gettext.NullTranslations()  # Chinese: the msgids themselves
_lang: ContextVar[str] = ContextVar("lang", default=DEFAULT)


def load_catalogues(locale_dir: Path = LOCALE_DIR) -> dict[str, stdlib_gettext.NullTranslations]:
    catalogues: dict[str, stdlib_gettext.NullTranslations] = {
        DEFAULT: stdlib_gettext.NullTranslations()
    }
    for lang in LANGUAGES:
        po = locale_dir / lang / "LC_MESSAGES" / "messages.po"
        if lang != DEFAULT and po.exists():
            with po.open("rb") as f:
                catalog = read_po(f, locale=LANGUAGES[lang])
            compiled = io.BytesIO()
            write_mo(compiled, catalog)
            compiled.seek(0)
            catalogues[lang] = stdlib_gettext.GNUTranslations(compiled)
    return catalogues


def gettext(message: str) -> str:
    return (_active.get() or _SOURCE).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return (_active.get() or _SOURCE).ngettext(singular, plural, n)


def N_(message: str) -> str:  # the conventional name that extraction tools look for
    """Mark a text for the catalogue where it is defined; translate it where it is shown."""
    return message


def current_language() -> str:
    return _lang.get()


def language_middleware(catalogues: dict[str, stdlib_gettext.NullTranslations]) -> Callable:
    @web.middleware
    async def choose_language(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        asked = request.query.get("lang", "")
        lang = asked if asked in LANGUAGES else request.cookies.get(COOKIE, DEFAULT)
        lang = lang if lang in LANGUAGES else DEFAULT
        request[LANG] = lang
        _lang.set(lang)
        _active.set(catalogues.get(lang, catalogues[DEFAULT]))
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            if asked in LANGUAGES:
                _remember(exc, lang)
            raise
        if asked in LANGUAGES:
            _remember(response, lang)
        return response

    return choose_language


def _remember(response: web.StreamResponse, lang: str) -> None:
    response.set_cookie(
        COOKIE, lang, max_age=365 * 24 * 3600, path="/", httponly=True, samesite="Lax"
    )


def install(env: jinja2.Environment) -> None:
    """Templates get {% trans %}, _() and date filters that follow the request's language."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["current_language"] = current_language
    env.globals["language_switch"] = language_switch
    env.globals["today"] = lambda: datetime.now(TIME_ZONE).date()
    env.globals["html_lang"] = lambda: HTML_LANG[current_language()]
    env.filters["date"] = show_date
    env.filters["datetime"] = show_datetime


@jinja2.pass_context
def language_switch(context: jinja2.runtime.Context, lang: str) -> str:
    """This page in the other language, keeping its other query parameters."""
    request = context["request"]
    return str(request.rel_url.update_query(lang=lang))


def in_beijing(value: datetime | str) -> datetime:
    """A stored moment in Beijing time; a naive one is UTC (as babel takes it too)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(TIME_ZONE)


def show_date(value: date | str | None, style: str = "long") -> str:
    """A date in the reader's language: 2026年12月3日 in Chinese, Dec 3, 2026 in English. A
    moment (a creation time, stored in UTC) is dated in Beijing time, never by its UTC day."""
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    if isinstance(value, datetime):
        value = in_beijing(value).date()
    return format_date(value, style, locale=LANGUAGES[current_language()])


def show_datetime(value: datetime | str | None, style: str = "medium") -> str:
    """A moment in Beijing time, in the reader's language."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return format_datetime(value, style, tzinfo=TIME_ZONE, locale=LANGUAGES[current_language()])
