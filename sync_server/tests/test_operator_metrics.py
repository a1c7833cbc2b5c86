"""The metrics an operator reads: docs/relay.md section 9 and ``/metrics`` agree both ways, and
answers the HTTP server gives itself (before the application runs) are counted too.

Before this test, a client flooding malformed requests got ``429`` from the server while
``errors_total{code="rate_limited"}`` stayed at 0, and ``errors_total{code="request_timeout"}``
never moved: the alerts relay.md suggests could not fire for that traffic.
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings
from prometheus_client import generate_latest
from relay_helpers import RelayThread, closed_by_server, read_answers

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _section(text: str, title: str) -> str:
    start = text.index(title)
    end = text.find("\n## ", start + len(title))
    return text[start : end if end >= 0 else len(text)]


def _documented() -> str:
    return _section((DOCS / "relay.md").read_text(encoding="utf-8"), "## 9. Metrics and logs")


@pytest.fixture
def sqlite_relay(tmp_path: Path) -> Iterator[RelayThread]:
    settings = Settings().with_overrides(
        {
            "port": 0,
            "data_dir": str(tmp_path),
            "min_free_disk_bytes": 0,
            "rate_limit_per_second": 0.01,
            "rate_limit_burst": 6,
            "header_timeout_seconds": 0.3,
        }
    )
    relay = RelayThread(settings.validate()).start()
    yield relay
    relay.stop()


def _metrics(relay: RelayThread) -> str:
    with socket.create_connection(("127.0.0.1", relay.port), timeout=10) as sock:
        sock.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        (answer,) = read_answers(sock, 1)
    assert answer.status == 200
    return answer.body.decode()


def _families(text: str) -> set[str]:
    names = set(re.findall(r"^# TYPE (\S+) \S+$", text, re.M))
    # a counter family is typed by its _total sample; relay.md names it the same way
    return names


def test_every_documented_metric_is_served_and_every_served_one_documented(
    sqlite_relay: RelayThread,
) -> None:
    served = _families(_metrics(sqlite_relay))
    documented = set(re.findall(r"`(peerjournal_relay_\w+)", _documented()))
    assert served == documented


def test_documented_label_values_are_the_served_ones(sqlite_relay: RelayThread) -> None:
    text = _metrics(sqlite_relay)
    codes = set(re.findall(r'^peerjournal_relay_errors_total\{code="(\w+)"\}', text, re.M))
    protocol = _section((DOCS / "protocol.md").read_text(encoding="utf-8"), "## 4. Errors")
    assert codes == set(re.findall(r"^\| \d{3} \| `(\w+)` \|", protocol, re.M))
    events = set(
        re.findall(r'^peerjournal_relay_connection_events_total\{event="(\w+)"\}', text, re.M)
    )
    row = next(
        line
        for line in _documented().splitlines()
        if line.startswith("| `peerjournal_relay_connection_events_total")
    )
    assert events == set(re.findall(r"`([a-z_]+)`", row))


def _answer_of(port: int, request: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answers = read_answers(sock, 1)
    return answers[0].status


def _count(text: str, code: str) -> float:
    match = re.search(rf'^peerjournal_relay_errors_total\{{code="{code}"\}} (\S+)$', text, re.M)
    assert match is not None, code
    return float(match.group(1))


def _registry_text(relay: RelayThread) -> str:
    # read in-process: an HTTP request for /metrics would meet the exhausted rate limit
    return generate_latest(relay.app.metrics.registry).decode()


def test_answers_of_the_http_server_itself_are_counted(sqlite_relay: RelayThread) -> None:
    port = sqlite_relay.port
    before = _registry_text(sqlite_relay)
    # a head that stops half-way: 408 once header_timeout_seconds (0.3 s) has passed
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        (late,) = read_answers(sock, 1)
        assert late.status == 408
        assert closed_by_server(sock, 10)
    statuses = [
        _answer_of(port, b"GET /v1/info HTTP/1.1\r\nX: " + b"a" * 20000 + b"\r\n\r\n"),  # 431
        _answer_of(port, b"GET /v1/info HTTP/1.1\r\nHost: x\r\n\r\n"),
    ]
    deadline = time.monotonic() + 10
    while statuses.count(429) < 3 and time.monotonic() < deadline:
        statuses.append(_answer_of(port, b"ZEBRA /v1/info HTTP/1.1\r\nHost: x\r\n\r\n"))
    # burst 6: the 431, the info, four malformed heads (400 from the parser), then 429s
    # from the server's own limiter check
    assert statuses == [431, 200, 400, 400, 400, 400, 429, 429, 429]
    after = _registry_text(sqlite_relay)
    assert _count(after, "request_timeout") - _count(before, "request_timeout") == 1
    assert _count(after, "bad_request") - _count(before, "bad_request") == 5
    assert _count(after, "rate_limited") - _count(before, "rate_limited") == 3


def test_request_counts_read_as_prometheus_clients_own_counter_and_histogram() -> None:
    """The relay counts requests in plain numbers (metrics.RequestCounts); /metrics shows
    exactly what a labelled Counter and Histogram fed the same requests would."""
    from peerjournal_relay.metrics import REQUEST_SECONDS_BUCKETS, RequestCounts
    from prometheus_client import CollectorRegistry, Counter, Histogram

    ours = CollectorRegistry()
    counts = RequestCounts()
    ours.register(counts)
    theirs = CollectorRegistry()
    requests = Counter(
        "peerjournal_relay_requests",
        "Requests by route template, method and status.",
        ["route", "method", "status"],
        registry=theirs,
    )
    duration = Histogram(
        "peerjournal_relay_request_seconds",
        "Request handling time by route template.",
        ["route"],
        buckets=REQUEST_SECONDS_BUCKETS,
        registry=theirs,
    )
    assert generate_latest(ours) == generate_latest(theirs)
    seen = [
        ("/v1/mailboxes/{recipient_id}/ack", "POST", 200, 0.0004),
        ("/healthz", "GET", 200, 0.001),  # on a bound: in that bucket
        ("/v1/mailboxes/{recipient_id}/ack", "POST", 200, 0.0123),
        ("unmatched", "OTHER", 404, 40.0),  # beyond the last bound: +Inf only
        ("/v1/mailboxes/{recipient_id}/ack", "POST", 401, 0.3),
        ("/healthz", "GET", 200, 0.0),
    ]
    for route, method, status, seconds in seen:
        counts.observe(route, method, status, seconds)
        requests.labels(route, method, str(status)).inc()
        duration.labels(route).observe(seconds)
    assert generate_latest(ours) == generate_latest(theirs)
