"""Who is really asking, and over what, when a reverse proxy stands in front.

Only a request whose peer is a configured trusted proxy (ROSTER_TRUSTED_PROXIES) has its
X-Forwarded-For and X-Forwarded-Proto believed; the request is then cloned with the client's
address and scheme, so `request.remote` (sign-in throttling) and `request.secure` (the
cookie's Secure flag) mean the same everywhere after this. From anyone else the headers are
ignored: a client cannot name its own address.
"""

from collections.abc import Awaitable, Callable, Sequence
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

from aiohttp import web

Address = IPv4Address | IPv6Address
Network = IPv4Network | IPv6Network


def proxy_middleware_for(trusted: Sequence[str]) -> Callable:
    networks = tuple(ip_network(n, strict=False) for n in trusted)

    @web.middleware
    async def behind_proxy(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        peer = _address(request.remote or "")
        if networks and peer is not None and _trusted(peer, networks):
            request = request.clone(
                remote=client_address(request, networks), scheme=forwarded_scheme(request)
            )
        return await handler(request)

    return behind_proxy


def client_address(request: web.BaseRequest, networks: Sequence[Network]) -> str:
    """The nearest address in X-Forwarded-For that is not one of our proxies. Entries left
    of it were written by the client and prove nothing."""
    hops = ",".join(request.headers.getall("X-Forwarded-For", [])).split(",")
    client = request.remote or ""
    for hop in reversed([h.strip() for h in hops if h.strip()]):
        address = _address(hop)
        if address is None:
            break
        client = str(address)
        if not _trusted(address, networks):
            break
    return client


def forwarded_scheme(request: web.BaseRequest) -> str:
    proto = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return proto if proto in ("http", "https") else request.scheme


def _address(text: str) -> Address | None:
    try:
        return ip_address(text)
    except ValueError:
        return None


def _trusted(address: Address, networks: Sequence[Network]) -> bool:
    return any(address in network for network in networks)
