"""Settings read once, by the composition root; nothing else looks at the environment."""

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

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

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "Settings":
        return cls(
            database_url=environ.get("ROSTER_DATABASE_URL", DEFAULT_DATABASE_URL),
            host=environ.get("ROSTER_HOST", "127.0.0.1"),
            port=int(environ.get("ROSTER_PORT", "8080")),
            secret_key=environ.get("ROSTER_SECRET_KEY", "") or secrets.token_urlsafe(32),
            city_code=environ.get("ROSTER_CITY_CODE", "370800"),
            public_url=environ.get("ROSTER_PUBLIC_URL", ""),
        )
