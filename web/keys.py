"""Typed keys for what the application object carries."""

import asyncio

import jinja2
from aiohttp import web

from roster.services import Services
from roster.settings import Settings

SERVICES = web.AppKey("services", Services)
SETTINGS = web.AppKey("settings", Settings)
TEMPLATES = web.AppKey("templates", jinja2.Environment)
IMPORT_GATE = web.AppKey("import_gate", asyncio.Semaphore)  # imports read at once, per worker
