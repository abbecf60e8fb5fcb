"""Typed keys for what the application object carries."""

import jinja2
from aiohttp import web

from roster.services import Services
from roster.settings import Settings

SERVICES = web.AppKey("services", Services)
SETTINGS = web.AppKey("settings", Settings)
TEMPLATES = web.AppKey("templates", jinja2.Environment)
