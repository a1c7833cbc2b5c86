"""Prometheus metrics: aggregate counters only, labelled by route template, never by id."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from prometheus_client.utils import floatToGoString

from .storage.base import SweepResult, Totals

# No "<name>_created" series (the time each counter was first used): they doubled the text
# of /metrics with timestamps no operator alert needs, and docs/relay.md lists none.
disable_created_metrics()  # type: ignore[no-untyped-call]
KNOWN_METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"})
# Every error code of docs/protocol.md section 4 (a fixed set: never client text).
ERROR_CODES = frozenset(
    {
        "bad_request",
        "bad_envelope_size",
        "auth_failed",
        "stale_request",
        "replayed_request",
        "not_found",
        "method_not_allowed",
        "request_timeout",
        "already_secured",
        "message_conflict",
        "mailbox_full",
        "payload_too_large",
        "unsupported_media_type",
        "rate_limited",
        "internal_error",
        "unavailable",
        "relay_full",
    }
)
CONNECTION_EVENTS = (
    "refused_at_cap",
    "refused_client_cap",
    "evicted_idle",
    "evicted_slow_body",
    "ended_long_poll",
    "header_timeout",
    "header_too_large",
    "body_timeout",
    "send_timeout",
    "answer_shed",
    "pipeline_too_deep",
)


REQUEST_SECONDS_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0, 31.0)


class RequestCounts(Collector):
    """``peerjournal_relay_requests_total{route,method,status}`` and the histogram
    ``peerjournal_relay_request_seconds{route}``, counted in plain numbers and exposed as
    that counter and histogram when collected (the same text as prometheus_client's own).

    Every request counts here, and a labelled Counter and Histogram cost three locked
    increments and several calls each time (about 2.5 % of the relay's CPU in the closed
    loop); the keys are route templates, known methods and statuses, a bounded set. Only the
    event loop counts and collects.
    """

    def __init__(self) -> None:
        self._counts: dict[tuple[str, str, int], int] = {}
        # per route: requests in each bucket (not cumulative, the last one +Inf), then the sum
        self._times: dict[str, list[float]] = {}
        bounds = [floatToGoString(b) for b in REQUEST_SECONDS_BUCKETS]  # type: ignore[no-untyped-call]
        self._bounds = [*bounds, "+Inf"]

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        """Count one request of ``route`` that took ``seconds``."""
        key = (route, method, status)
        self._counts[key] = self._counts.get(key, 0) + 1
        times = self._times.get(route)
        if times is None:
            times = self._times[route] = [0.0] * (len(self._bounds) + 1)
        # the first bucket whose bound is at least the time, as Histogram.observe
        times[bisect_left(REQUEST_SECONDS_BUCKETS, seconds)] += 1
        times[-1] += seconds

    def collect(self) -> Iterator[Metric]:
        """The counter, then the histogram."""
        requests, duration = self._families()
        for (route, method, status), count in self._counts.items():
            requests.add_metric([route, method, str(status)], count)
        for route, times in self._times.items():
            buckets = []
            total = 0.0
            for bound, in_bucket in zip(self._bounds, times[:-1], strict=True):
                total += in_bucket
                buckets.append((bound, total))
            duration.add_metric([route], buckets, times[-1])
        yield requests
        yield duration

    def describe(self) -> Iterator[Metric]:
        """The two families, empty (their names, for the registry)."""
        yield from self._families()

    @staticmethod
    def _families() -> tuple[CounterMetricFamily, HistogramMetricFamily]:
        return (
            CounterMetricFamily(
                "peerjournal_relay_requests",
                "Requests by route template, method and status.",
                labels=["route", "method", "status"],
            ),
            HistogramMetricFamily(
                "peerjournal_relay_request_seconds",
                "Request handling time by route template.",
                labels=["route"],
            ),
        )


class PlainCounter:
    """A counter without labels, counted in a plain number (see :class:`PlainCounters`)."""

    __slots__ = ("documentation", "name", "value")

    def __init__(self, name: str, documentation: str) -> None:
        self.name = name
        self.documentation = documentation
        self.value = 0.0

    def inc(self, amount: float = 1) -> None:
        """Add ``amount`` (never negative)."""
        self.value += amount


class PlainCounters(Collector):
    """Counters of every delivered message (messages and bytes stored, acks that carry a
    fetch), exposed as prometheus_client's own Counters would be when collected: the same
    ``<name>_total`` series, help and type. A prometheus_client Counter takes a lock and
    makes several calls per increment; only the event loop counts and collects these."""

    def __init__(self) -> None:
        self._counters: list[PlainCounter] = []

    def new(self, name: str, documentation: str) -> PlainCounter:
        """A new counter, exposed from now on."""
        counter = PlainCounter(name, documentation)
        self._counters.append(counter)
        return counter

    def collect(self) -> Iterator[Metric]:
        """One family per counter."""
        for counter in self._counters:
            yield CounterMetricFamily(counter.name, counter.documentation, value=counter.value)

    def describe(self) -> Iterator[Metric]:
        """The families (their names, for the registry)."""
        return self.collect()


class RelayMetrics:
    """One registry per relay app, so several apps can live in one process (tests)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = RequestCounts()
        self.registry.register(self.requests)
        self.counters = PlainCounters()
        self.registry.register(self.counters)
        self.messages_stored = self.counters.new(
            "peerjournal_relay_messages_stored", "Envelopes stored (new, not idempotent repeats)."
        )
        self.bytes_stored = self.counters.new(
            "peerjournal_relay_bytes_stored", "Envelope bytes stored."
        )
        self.acks_with_fetch = self.counters.new(
            "peerjournal_relay_acks_with_fetch",
            "Acks that carried the next fetch (limit or wait in the query), each also "
            "counted in requests_total under the ack route.",
        )
        self.swept = Counter(
            "peerjournal_relay_swept",
            "Rows removed by the sweep, by kind.",
            ["kind"],
            registry=self.registry,
        )
        self.errors = Counter(
            "peerjournal_relay_errors",
            "Error answers by protocol error code (auth_failed, rate_limited, mailbox_full, ...).",
            ["code"],
            registry=self.registry,
        )
        self.connection_events = Counter(
            "peerjournal_relay_connection_events",
            "Connections the server closed early: refused_at_cap (503 at the connection cap), "
            "refused_client_cap (503: the relay is working on every connection of that "
            "client address), "
            "evicted_idle (an idle connection closed to make room), evicted_slow_body (with "
            "none idle, one whose request body was still arriving), ended_long_poll (with "
            "none idle, a long-poll answered early and closed), header_timeout, "
            "header_too_large, body_timeout, send_timeout (an answer the client stopped "
            "reading), answer_shed (an answer read too slowly, dropped for another fetch's "
            "room), pipeline_too_deep (more than 16 requests sent "
            "ahead of their answers: those are answered, then the connection closes).",
            ["event"],
            registry=self.registry,
        )
        self.connections = Gauge(
            "peerjournal_relay_connections", "Open client connections now.", registry=self.registry
        )
        self.answers_refused = Counter(
            "peerjournal_relay_answers_refused",
            "Fetches answered 503 because fetch answers waiting to be sent already held "
            "max_answer_bytes_per_client (that client's) or max_answer_bytes (everyone's).",
            registry=self.registry,
        )
        self.answer_bytes = Gauge(
            "peerjournal_relay_answer_bytes",
            "Bytes of fetch answers reserved now (being built or not yet taken by the kernel).",
            registry=self.registry,
        )
        for code in sorted(ERROR_CODES):
            self.errors.labels(code)
        for event in CONNECTION_EVENTS:
            self.connection_events.labels(event)
        self.mailboxes = Gauge(
            "peerjournal_relay_mailboxes", "Mailboxes now.", registry=self.registry
        )
        self.messages = Gauge(
            "peerjournal_relay_messages", "Stored messages now.", registry=self.registry
        )
        self.bytes = Gauge(
            "peerjournal_relay_bytes", "Stored envelope bytes now.", registry=self.registry
        )

    def observe(self, route: str, method: str, status: int, seconds: float) -> None:
        """Count one finished request."""
        self.requests.observe(
            route, method if method in KNOWN_METHODS else "OTHER", status, seconds
        )

    def error(self, code: str) -> None:
        """Count one error answer by its protocol code."""
        if code in ERROR_CODES:
            self.errors.labels(code).inc()

    def connection_event(self, event: str) -> None:
        """Count one connection the server closed early."""
        self.connection_events.labels(event).inc()

    def stored(self, size: int) -> None:
        """Count one newly stored envelope."""
        self.messages_stored.value += 1
        self.bytes_stored.value += size

    def sweep(self, result: SweepResult) -> None:
        """Count what a sweep removed."""
        self.swept.labels("messages").inc(result.messages)
        self.swept.labels("mailboxes").inc(result.mailboxes)
        self.swept.labels("nonces").inc(result.nonces)

    def render(self, totals: Totals) -> bytes:
        """The Prometheus text exposition, with current totals."""
        self.mailboxes.set(totals.mailboxes)
        self.messages.set(totals.messages)
        self.bytes.set(totals.bytes)
        return generate_latest(self.registry)
