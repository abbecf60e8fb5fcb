"""Security headers on every answer: pages, error pages, the API, feeds, static files and
event streams. A response-prepare hook rather than a middleware, because streams and files
send their headers from inside the handler, before a middleware would see them."""

from aiohttp import web

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",  # no inline script or handler: behaviours live in /static/*.js
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",  # no page of ours inside another site's frame
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # feed links carry their token: never to another site
}
SERVER = "roster"  # in place of aiohttp's "Python/x.y aiohttp/x.y.z"


async def add_security_headers(request: web.BaseRequest, response: web.StreamResponse) -> None:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    response.headers["Server"] = SERVER


def install(app: web.Application) -> None:
    app.on_response_prepare.append(add_security_headers)
