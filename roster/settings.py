"""Settings read once, by the composition root; nothing else looks at the environment."""

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from ipaddress import ip_network

from domain.errors import DomainError

DEFAULT_DATABASE_URL = "sqlite:///./var/roster.sqlite"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    host: str = "127.0.0.1"
    port: int = 8080
    secret_key: str = ""
    city_code: str = "370800"
    follow_interval_s: float = 1.0
    # Where members reach the site (e.g. https://roster.example.cn); feed links use it.
    public_url: str = ""
    # Reverse proxies (addresses or networks) whose X-Forwarded-For / -Proto are believed;
    # without one, the peer's own address is the client and those headers are ignored.
    trusted_proxies: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "Settings":
        return cls(
            database_url=environ.get("ROSTER_DATABASE_URL", DEFAULT_DATABASE_URL),
            host=environ.get("ROSTER_HOST", "127.0.0.1"),
            port=port(environ.get("ROSTER_PORT", "8080")),
            secret_key=environ.get("ROSTER_SECRET_KEY", "") or secrets.token_urlsafe(32),
            city_code=environ.get("ROSTER_CITY_CODE", "370800"),
            public_url=environ.get("ROSTER_PUBLIC_URL", ""),
            trusted_proxies=trusted_proxies(environ.get("ROSTER_TRUSTED_PROXIES", "")),
        )


def port(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 0 < int(text) < 65536):
        raise SettingsError(
            f"ROSTER_PORT：“{text}”不是 1 至 65535 之间的端口号",
            f"ROSTER_PORT: '{text}' is not a port number from 1 to 65535",
        )
    return int(text)


def trusted_proxies(text: str) -> tuple[str, ...]:
    """`127.0.0.1, 10.0.0.0/8` → normalised networks; a typo stops the start, loudly."""
    networks = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            networks.append(str(ip_network(item, strict=False)))
        except ValueError:
            raise SettingsError(
                f"ROSTER_TRUSTED_PROXIES：“{item}”不是 IP 地址或网段",
                f"ROSTER_TRUSTED_PROXIES: '{item}' is not an IP address or network",
            ) from None
    return tuple(networks)


class SettingsError(DomainError):
    """A setting that cannot be right: the CLI says so in words, not a traceback."""
