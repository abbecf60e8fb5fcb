"""API errors as JSON: {"error": {"code", "message" (Chinese), "message_en"}}, never a page."""

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from web.api.respond import json_response
from web.params import BadParameter

log = logging.getLogger(__name__)

# aiohttp's own refusals (no such route, wrong method) in the same shape as ours.
HTTP_ERRORS = {
    404: ("not_found", "找不到该资源", "Not found"),
    405: ("method_not_allowed", "不支持的请求方法", "Method not allowed"),
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, message_en: str) -> None:
        super().__init__(message_en)
        self.status = status
        self.code = code
        self.message = message
        self.message_en = message_en


def bad_request(message: str, message_en: str, code: str = "bad_request") -> ApiError:
    return ApiError(400, code, message, message_en)


def not_found(message: str, message_en: str) -> ApiError:
    return ApiError(404, "not_found", message, message_en)


def forbidden() -> ApiError:
    return ApiError(403, "forbidden", "该令牌无权访问此资源", "This token may not read this")


def unauthorized() -> ApiError:
    return ApiError(
        401, "unauthorized", "缺少有效的接口令牌", "A valid API token is required (Bearer)"
    )


def error_response(status: int, code: str, message: str, message_en: str) -> web.Response:
    body = {"error": {"code": code, "message": message, "message_en": message_en}}
    response = json_response(body, status=status)
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="roster"'
    return response


@web.middleware
async def api_error_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc.status, exc.code, exc.message, exc.message_en)
    except BadParameter as exc:  # the pages' parameter checks, answered in the API's shape
        return error_response(400, "bad_request", exc.message, exc.message_en)
    except web.HTTPException as exc:
        if exc.status in HTTP_ERRORS:
            response = error_response(exc.status, *HTTP_ERRORS[exc.status])
            if "Allow" in exc.headers:  # 405 says which methods there are
                response.headers["Allow"] = exc.headers["Allow"]
            return response
        raise
    except Exception:  # a bug: logged, answered in the same shape, never a stack trace
        log.exception("API error on %s %s", request.method, request.path)
        return error_response(500, "internal", "服务器内部错误", "Internal server error")
