"""Which client a connection or request counts as, for the rate limits and the per-client cap.

An IPv4 client is its address. An IPv6 client is its /64: a single home or phone is usually
given a whole /64 and can take any of its 2**64 addresses at will, so counting each address on
its own would hand one person unlimited tokens and connections. An IPv4 address mapped into
IPv6 (``::ffff:192.0.2.1``, as a dual-stack socket reports IPv4 peers) counts as that IPv4
address. Anything that is not an IP address (a Unix socket, a proxy's odd header) is counted
as the text itself, so it still has a bucket of its own.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

__all__ = ["client_group"]


@lru_cache(maxsize=4096)
def client_group(address: str) -> str:
    """The key one client is counted under: the IPv4 address, or the IPv6 /64 prefix."""
    text = address.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]" or "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443", as some proxies forward it
        text = text.split(":", 1)[0]
    try:
        ip = ipaddress.ip_address(text.split("%", 1)[0])  # no zone id (fe80::1%eth0)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        network = ipaddress.IPv6Network((int(ip) >> 64 << 64, 64))
        return str(network)
    return str(ip)
