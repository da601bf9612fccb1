"""The client's address, the one way every limit and the lock-out learn who is asking.

Behind the load balancer REMOTE_ADDR is the proxy's address, whatever gunicorn is told, so a
limit keyed on it is one limit for the whole country. `TRUSTED_PROXIES` lists the addresses
(or networks) of the proxies in front of us; the client is the right-most address in
`X-Forwarded-For` that is not one of them. Whatever a client writes into the header herself is
further left and never read; a request that did not come through a trusted proxy is its peer,
header or not. django-axes reads the same function (`AXES_CLIENT_IP_CALLABLE`).
"""

import ipaddress
from functools import cache

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def _trusted(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _trusted(tuple(settings.TRUSTED_PROXIES)))


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_address(request) -> str:
    peer = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(peer):
        return peer
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    address = peer
    for hop in reversed(hops):
        if not _valid(hop):
            break  # garbage in the header: the last hop we could trust is the answer
        address = hop
        if not _is_trusted(hop):
            break
    return address
