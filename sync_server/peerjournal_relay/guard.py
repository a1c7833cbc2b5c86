"""Which connections are open, the caps on them, and which one makes room at a cap.

The server registers every connection here (docs/relay.md section 5): at most
``max_connections`` in all and ``max_connections_per_client`` per client address (an IPv6
client by its /64). At a cap the idlest connection is closed; with none idle, the oldest that
waits on its client; only when the relay is working on all of them is the newcomer refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .config import Settings
from .metrics import RelayMetrics
from .ratelimit import Limiter

if TYPE_CHECKING:
    from .server import GuardedProtocol


class ConnectionGuard:
    """Open connections in order of age, the cap, and eviction of idle ones."""

    def __init__(self, settings: Settings, metrics: RelayMetrics | None = None) -> None:
        self.max_connections = settings.max_connections
        self.header_timeout = settings.header_timeout_seconds
        self.body_timeout = settings.body_timeout_seconds
        self.send_timeout = settings.send_timeout_seconds
        self.max_header_bytes = settings.max_header_bytes
        self.metrics = metrics
        self.open: dict[GuardedProtocol, None] = {}
        # connections by client address (0: no per-client cap, behind a trusted proxy)
        self.per_client = 0 if settings.trust_forwarded_for else settings.max_connections_per_client
        self.by_client: dict[str, dict[GuardedProtocol, None]] = {}
        # the relay's per-process limiter, for requests the server refuses itself (None
        # behind a trusted proxy: every peer is the proxy there)
        self.limiter: Limiter | None = None

    def event(self, name: str) -> None:
        """Count a connection closed early."""
        if self.metrics is not None:
            self.metrics.connection_event(name)

    def error(self, code: str) -> None:
        """Count an error answer the server gives itself (the application never sees it)."""
        if self.metrics is not None:
            self.metrics.error(code)

    def admit(self, newcomer: GuardedProtocol, address: str = "") -> bool:
        """Register a new connection; at a cap, make room (see :meth:`_make_room`).

        The client's own cap comes first, so an address at its cap only ever closes its
        own connections, and its busy ones cannot fill the relay."""
        mine = self.by_client.get(address) if self.per_client and address else None
        if mine is not None and len(mine) >= self.per_client and not self._make_room(mine):
            self.event("refused_client_cap")
            return False
        if len(self.open) >= self.max_connections and not self._make_room(self.open):
            self.event("refused_at_cap")
            return False
        self.open[newcomer] = None
        if self.per_client and address:
            self.by_client.setdefault(address, {})[newcomer] = None
            newcomer.guard_address = address
        self._gauge()
        return True

    def _make_room(self, connections: dict[GuardedProtocol, None]) -> bool:
        """Close the idlest connection; with none idle, the oldest that waits on its
        client: a request body still arriving (closed), or a long-poll (answered now, with
        what there is, then closed). Either is cheap for an attacker to hold for 30 s, so
        treating them as busy let a few addresses fill the relay. Only requests the relay
        itself is working on are never cut. False when there is no such connection."""
        victim = self._idlest(connections)
        if victim is not None:
            self.event("evicted_idle")
            victim.close_now()
        else:
            victim = next((c for c in connections if c.waiting_on_client()), None)
            if victim is None:
                return False
            if victim.hangup.waiting:
                self.event("ended_long_poll")
                victim.end_long_poll()
            else:
                self.event("evicted_slow_body")
                victim.close_now()
        # forget it now, not at connection_lost: it must not count (or be chosen) again
        self.closed(victim)
        return True

    def closed(self, connection: GuardedProtocol) -> None:
        """Forget a connection."""
        if self.open.pop(connection, 0) is None:
            self._gauge()
        address = connection.guard_address
        if address:
            mine = self.by_client.get(address)
            if mine is not None:
                mine.pop(connection, None)
                if not mine:
                    del self.by_client[address]

    @staticmethod
    def _idlest(connections: dict[GuardedProtocol, None]) -> GuardedProtocol | None:
        served_idle = None
        for connection in connections:  # oldest first
            if connection.idle():
                if connection.requests_served == 0:
                    return connection
                if served_idle is None:
                    served_idle = connection
        return served_idle

    def _gauge(self) -> None:
        if self.metrics is not None:
            self.metrics.connections.set(len(self.open))
