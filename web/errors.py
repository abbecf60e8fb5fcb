"""Errors become pages in the layout; nothing reaches the user as a stack trace."""

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from roster.errors import DomainError
from web.i18n import LANG, N_
from web.i18n import gettext as _
from web.params import BadParameter
from web.render import render

log = logging.getLogger(__name__)

TITLES = {
    400: N_("无法完成操作"),
    403: N_("无权访问"),
    404: N_("页面不存在"),
    405: N_("不支持的请求方法"),
    500: N_("服务器内部错误"),
}


@web.middleware
async def error_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400 or exc.status not in TITLES:
            raise
        return render(
            request, "error.html", status=exc.status, code=exc.status, title=_(TITLES[exc.status])
        )
    # A refusal no form caught, or a parameter out of shape or range: the user's words, no 500.
    except (DomainError, BadParameter) as exc:
        return render(
            request, "error.html", status=400, code=400, title=_(TITLES[400]),
            message=exc.text(request.get(LANG, "zh")),
        )  # fmt: skip
    except Exception:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return render(request, "error.html", status=500, code=500, title=_(TITLES[500]))
