"""The session cookie: encrypted and authenticated (Fernet), HttpOnly, SameSite=Lax, and
Secure whenever the request came over HTTPS (directly, or through a trusted proxy: see
web/auth/proxy.py). It carries the account's session generation it was issued under; the
principal middleware refuses it once the account's generation has moved on."""

from collections.abc import Callable

from aiohttp import web
from aiohttp_session import Session, get_session, session_middleware
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

COOKIE = "roster_session"
MAX_AGE_S = 12 * 3600  # a working day: the cookie and the encrypted timestamp both expire
# /api/ authenticates by bearer token alone: no cookie, so no CSRF to guard against.
PUBLIC_PREFIXES = ("/feeds/", "/public/", "/static/", "/health", "/api/")


def is_public(path: str) -> bool:
    """Feeds (the link is the credential), public pages, assets and the health check never
    read or set a session cookie."""
    return path.startswith(PUBLIC_PREFIXES)


def session_key(secret_key: str) -> bytes:
    """A key for this one purpose, derived from the application's secret."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"roster session cookie v1"
    ).derive(secret_key.encode("utf-8"))


class SessionCookies(EncryptedCookieStorage):
    async def save_session(
        self, request: web.Request, response: web.StreamResponse, session: Session
    ) -> None:
        await super().save_session(request, response, session)
        cookie = response.cookies.get(self.cookie_name)
        if cookie is not None and request.secure:
            cookie["secure"] = True


def session_middleware_for(secret_key: str) -> Callable:
    storage = SessionCookies(
        session_key(secret_key), cookie_name=COOKIE, max_age=MAX_AGE_S, httponly=True,
        samesite="Lax",
    )  # fmt: skip
    return session_middleware(storage)


async def session_of(request: web.Request) -> Session:
    return await get_session(request)
