"""The HTTP server under the relay: uvicorn with a guarded connection protocol.

Idle sockets must not lock clients out (docs/relay.md, "Connections"):

- a request's line and headers must arrive within ``header_timeout_seconds`` of its first
  byte (and the first request within that long of connecting), so sockets that send nothing
  or trickle a byte at a time are closed;
- the head is at most ``max_header_bytes`` (431 beyond);
- at most ``max_connections`` are open. A newcomer at the cap closes the oldest *idle*
  connection (no request in progress; those that never completed a request go first), so
  idle sockets cannot crowd out clients; with none idle, the oldest that waits on its client
  (a long-poll is answered early, a body still arriving is cut). Only when the relay is
  working on every connection does the newcomer get a 503 ``unavailable`` and the
  connection is closed.
- the cap is lowered at start to fit the open-file limit (``ulimit -n``) with room to spare.

Pipelined requests (several sent before the first answer) are answered one by one, in
order; each head has its own clock from its first byte, also while an earlier request is
being handled. A client that half-closes its side (sends everything, then EOF, as
``printf … | nc -N`` does) still gets every complete request answered in order, the last
with ``connection: close``; long-polls of such a connection answer at once instead of
waiting (nobody can send anything more on it), and an unfinished request is dropped.

The protocol is uvicorn's httptools protocol with these checks added at its hooks.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import resource
import socket
from typing import Any

import httptools
import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .addresses import client_group
from .answers import AnswerLease
from .config import Settings
from .guard import ConnectionGuard
from .ratelimit import Limiter
from .timers import LazyTimer
from .web import Hangup
from .writes import AnswerWriter, OneWriteTransport

log = logging.getLogger("peerjournal_relay")
# uvicorn's protocol logs a warning for every malformed head and every Upgrade request, before
# the rate limiter: client-triggered lines, unlimited. The relay counts those requests in
# errors_total instead and keeps only the protocol's errors (bugs) in its log.
http_log = logging.getLogger("peerjournal_relay.http")
http_log.setLevel(logging.ERROR)
FD_RESERVE = 64  # files the process needs besides client sockets (database, logs, pool)
# Requests parsed ahead while an earlier one is handled. uvicorn parses a whole read (up to
# 256 KiB) at once, so without a bound one read of tiny requests queued ~10,000 of them
# (2 MB of memory per connection, before the rate limiter saw any).
MAX_PIPELINED = 16
# The cyclic garbage collector's first threshold (Python's default is 700). Each request
# allocates a few hundred container objects that live until it is answered; with the default,
# under load, a young-generation collection ran every few requests, promoted the requests in
# flight to the older generations and so made full collections over the whole heap frequent:
# about a quarter of the relay's CPU in the closed-loop benchmark. Almost nothing the relay
# allocates forms a reference cycle, so collecting rarely loses nothing.
GC_YOUNG_THRESHOLD = 20_000
# The kernel's send buffer per connection (it doubles the value asked for). Left to itself
# Linux grows it up to net.ipv4.tcp_wmem's maximum, 4 MiB, so a client that stops reading
# parked about 2.8 MB of each fetch answer in kernel memory that the answer budget
# (answers.py) cannot see. 256 KiB still fills a 100 ms path at over 2 MB/s.
SEND_BUFFER_BYTES = 256 * 1024
# The methods of uvicorn's httptools protocol that GuardedProtocol overrides (uvicorn must
# still call them by these names) or calls. They are uvicorn's internals, not its API:
# sync_server/pyproject.toml pins the uvicorn releases the relay's tests ran on, and a release
# that renamed one would otherwise break the relay at its first answer, not at start.
UVICORN_HOOKS = (
    "on_message_begin",
    "on_headers_complete",
    "on_message_complete",
    "on_response_complete",
    "send_400_response",
    "timeout_keep_alive_handler",
    "_unset_keepalive_if_required",
    "_start_asgi_task",
)


def _error_bytes(status: int, reason: str, code: str, message: str, extra: str = "") -> bytes:
    body = json.dumps({"error": {"code": code, "message": message}}, separators=(",", ":"))
    return (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\ncache-control: no-store\r\n{extra}"
        f"connection: close\r\n\r\n{body}"
    ).encode("ascii")


BUSY = _error_bytes(
    503, "Service Unavailable", "unavailable", "too many connections", "retry-after: 2\r\n"
)
HEAD_TOO_LARGE = _error_bytes(
    431, "Request Header Fields Too Large", "bad_request", "request head too large"
)
MALFORMED = _error_bytes(400, "Bad Request", "bad_request", "malformed HTTP request")
RATE_LIMITED = _error_bytes(
    429, "Too Many Requests", "rate_limited", "too many requests", "retry-after: 1\r\n"
)
HEAD_TIMEOUT = _error_bytes(408, "Request Timeout", "request_timeout", "request head too slow")


class PipelineTooDeep(Exception):
    """More requests arrived ahead of their answers than MAX_PIPELINED."""


class GuardedProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the guard's timeouts, head cap and connection cap."""

    guard: ConnectionGuard

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.logger = http_log
        self.requests_served = 0
        self._head_timer = LazyTimer(self.loop, self._head_late)
        self._idle_timer = LazyTimer(self.loop, self.timeout_keep_alive_handler)
        self._in_head = False
        self._head_bytes = 0
        self._head_too_large = False
        self._admitted = False
        self._body_timer: asyncio.TimerHandle | None = None
        self._message_open = False  # the parser is inside a request (head or body)
        self._head_expired = False  # a pipelined head was late while another was handled
        self.hangup = Hangup()  # set at the client's EOF
        self._input_closed = False  # past MAX_PIPELINED: nothing more is read
        self.guard_address = ""  # the client address the guard counts it under
        self._send_timer: asyncio.TimerHandle | None = None
        self._send_left = 0  # bytes buffered at the last check of a paused answer
        # memory reservations of fetch answers (answers.py): of the request being handled,
        # and of answers written but perhaps still in the transport's buffer
        self._pending: list[AnswerLease] = []
        self._held: list[AnswerLease] = []

    # -- state ----------------------------------------------------------------------------
    def idle(self) -> bool:
        """No request is being handled (waiting for one, or its head is still arriving)."""
        return self.cycle is None or self.cycle.response_complete

    def waiting_on_client(self) -> bool:
        """A request is in progress but waits for its client: its body is still arriving,
        or it is a long-poll waiting for a message."""
        cycle = self.cycle
        if cycle is None or cycle.response_complete or self.transport.is_closing():
            return False
        return (self._message_open and not self._in_head) or self.hangup.waiting

    def end_long_poll(self) -> None:
        """Answer the waiting long-poll now (with what there is), then close."""
        if self.cycle is not None:
            self.cycle.keep_alive = False
        self.hangup.fire()

    def close_now(self) -> None:
        """Close at once (eviction)."""
        self._cancel_head_timer()
        if self.transport is not None and not self.transport.is_closing():
            self.transport.close()

    def _arm_head_timer(self) -> None:
        if not self._head_timer.running:  # a head's clock runs from its first byte
            self._head_timer.start(self.guard.header_timeout)

    def _cancel_head_timer(self) -> None:
        self._head_timer.stop()

    def _unset_keepalive_if_required(self) -> None:
        """A request begins (or the connection ends): the keep-alive wait is over."""
        self._idle_timer.stop()

    def _head_late(self) -> None:
        if self.transport.is_closing():
            return
        if not self.idle():
            # A pipelined head is late while an earlier request is being handled: that
            # one is answered first, then the connection closes (on_response_complete).
            self._head_expired = self._in_head
            return
        self.guard.event("header_timeout")
        if self._in_head:
            self.guard.error("request_timeout")
            self.transport.write(HEAD_TIMEOUT)
        self.transport.close()

    # -- asyncio.Protocol ---------------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Admit or refuse, then start the clock for the first request's head."""
        super().connection_made(transport)
        # every write of this connection (answers, refusals) goes through it, in order
        self.transport = OneWriteTransport(transport)  # type: ignore[assignment]
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER_BYTES)
        if not self.guard.admit(self, client_group(self.client[0]) if self.client else ""):
            self.transport.write(BUSY)
            self.transport.close()
            return
        self._admitted = True
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        """Forget the connection."""
        self._head_timer.close()
        self._idle_timer.close()
        if self._send_timer is not None:
            self._send_timer.cancel()
            self._send_timer = None
        if self._body_timer is not None:
            self._body_timer.cancel()
            self._body_timer = None
        if self._admitted:
            self.guard.closed(self)
        self._held += self._pending
        self._pending = []
        self._release_answers()
        super().connection_lost(exc)

    def pause_writing(self) -> None:
        """The answer waits for the client to read (more than the transport's high-water
        mark is buffered): from now on it must keep moving."""
        super().pause_writing()
        if self._send_timer is None:
            self._send_left = self.transport.get_write_buffer_size()
            self._send_timer = self.loop.call_later(self.guard.send_timeout, self._send_check)

    def resume_writing(self) -> None:
        """The buffer drained (below the low-water mark)."""
        super().resume_writing()
        if self._send_timer is not None:
            self._send_timer.cancel()
            self._send_timer = None
        self._release_answers()

    def _drop_unread_answer(self, event: str = "answer_shed") -> None:
        """Drop the buffered answers with the connection (the answer budget needs room)."""
        if not self.transport.is_closing():
            self.guard.event(event)
            self.transport.abort()

    def _hold_answer(self, lease: AnswerLease) -> None:
        """The handler's answer keeps ``lease`` until it is sent."""
        self._pending.append(lease)

    def _release_answers(self) -> None:
        """The answers written so far are with the kernel (or the connection is gone): give
        their reservations back to the answer budget (answers.py). A later request's answer,
        not written yet, keeps its reservation."""
        if self._held:
            held, self._held = self._held, []
            for lease in held:
                lease.release()

    def _send_check(self) -> None:
        """Every send_timeout_seconds while paused: did the client take anything?"""
        self._send_timer = None
        left = self.transport.get_write_buffer_size()
        if left < self._send_left:  # it did: look again after the next interval
            self._send_left = left
            self._send_timer = self.loop.call_later(self.guard.send_timeout, self._send_check)
            return
        # Nothing taken: drop the buffered answer (up to ~6 MB for a fetch) with the
        # connection. close() would keep it until it was sent.
        self.guard.event("send_timeout")
        self.transport.abort()

    def eof_received(self) -> bool:  # type: ignore[override]
        """The client sent everything it will send (half-close): answer, then close."""
        self.hangup.fire()
        self._close_when_answered()
        return True  # keep our side open for the answers still due

    def _close_when_answered(self) -> None:
        """After the client's EOF: close once every complete request is answered."""
        if self.transport.is_closing() or self.pipeline:
            return
        cycle = self.cycle
        if cycle is not None and not cycle.response_complete:
            if cycle.more_body:  # its body can never arrive now
                self.transport.close()
            else:  # the last answer says connection: close and closes
                cycle.keep_alive = False
            return
        self.transport.close()

    def data_received(self, data: bytes) -> None:
        """A first byte of a new request starts the head clock; the head is counted."""
        if self._input_closed:
            return
        if not self._in_head and not self._message_open:
            # The first bytes of a new request: arrived while idle, or pipelined behind
            # a request still being handled.
            self._in_head = True
            self._head_bytes = 0
            self._arm_head_timer()
        if self._in_head:
            end = data.find(b"\r\n\r\n")
            self._head_bytes += len(data) if end < 0 else end
            if self._head_bytes > self.guard.max_header_bytes:
                self._head_too_large = True
                self.send_400_response("")
                return
        super().data_received(data)
        cycle = self.cycle
        if (
            self._body_timer is None
            and cycle is not None
            and cycle.more_body
            and not cycle.response_complete
        ):
            # The head arrived but the body is still coming: it gets body_timeout_seconds.
            self._body_timer = self.loop.call_later(self.guard.body_timeout, self._body_late)

    def _body_late(self) -> None:
        self._body_timer = None
        if not self.transport.is_closing():
            self.guard.event("body_timeout")
            self.transport.close()

    def on_message_begin(self) -> None:
        """A request starts (its bytes up to the body count as its head, on its own clock)."""
        self._message_open = True
        if not self._in_head:  # a pipelined request that began inside an earlier chunk
            self._in_head = True
            self._head_bytes = 0
        self._arm_head_timer()
        super().on_message_begin()

    def on_message_complete(self) -> None:
        """The whole body arrived: stop its clock."""
        self._message_open = False
        if self._body_timer is not None:
            self._body_timer.cancel()
            self._body_timer = None
        super().on_message_complete()

    # -- parser callbacks -------------------------------------------------------------------
    def on_headers_complete(self) -> None:
        """The head arrived in time: stop its clock (too many queued ahead: stop reading)."""
        if len(self.pipeline) >= MAX_PIPELINED:
            self._input_closed = True
            raise PipelineTooDeep()  # httptools stops parsing; send_400_response follows
        self._in_head = False
        self._head_expired = False
        self._cancel_head_timer()
        self.scope["pj.hangup"] = self.hangup  # type: ignore[typeddict-unknown-key]
        self.scope["pj.hold_answer"] = self._hold_answer  # type: ignore[typeddict-unknown-key]
        super().on_headers_complete()
        # the cycle uvicorn made for this request (queued behind others when pipelined)
        self.scope["pj.answer"] = AnswerWriter(self.cycle)  # type: ignore[typeddict-unknown-key]

    def on_response_complete(self) -> None:
        """Count served requests (the eviction order prefers connections that served none);
        then close if a pipelined head ran out of time meanwhile, or the client is done."""
        # an answer without a body write (HEAD) ends here: its held head goes out now
        self.transport.flush()  # type: ignore[attr-defined]
        self.requests_served += 1
        if self._pending:  # this request's answer is written now
            for lease in self._pending:
                lease.budget.sent(lease, self._drop_unread_answer)
            self._held += self._pending
            self._pending = []
        if not self.flow.write_paused:
            # at most the transport's high-water mark is still buffered: the answer is out
            self._release_answers()
        self._next_request()
        if self.transport.is_closing():
            return
        if self._head_expired and self._in_head:
            self.guard.event("header_timeout")
            self.guard.error("request_timeout")
            self.transport.write(HEAD_TIMEOUT)
            self.transport.close()
        elif self.hangup.done:
            self._close_when_answered()

    def _next_request(self) -> None:
        """uvicorn's ``on_response_complete``, with the keep-alive wait on a LazyTimer:
        start the next pipelined request, or wait up to ``keepalive_timeout_seconds`` for
        one."""
        self.server_state.total_requests += 1
        if self.transport.is_closing():
            return
        self._unset_keepalive_if_required()
        self.flow.resume_reading()
        if self.pipeline:
            cycle, app = self.pipeline.pop()
            self._start_asgi_task(cycle, app)
        else:
            self._idle_timer.start(self.timeout_keep_alive)

    def send_400_response(self, msg: str) -> None:
        """Malformed requests answer in the protocol's error form (431 for a huge head).

        They meet the relay's rate limiter first like every request (an HTTP parser refuses
        them before the application sees them): a client out of tokens gets 429.
        """
        self.flow.pause_reading()
        if self._input_closed:  # PipelineTooDeep
            # Answer the requests already queued, in order, then close; read nothing more.
            self.guard.event("pipeline_too_deep")
            self._in_head = False
            self._cancel_head_timer()
            self.hangup.fire()
            self._close_when_answered()
            return
        answer = HEAD_TOO_LARGE if self._head_too_large else MALFORMED
        if self._head_too_large:
            self.guard.event("header_too_large")
        limiter = self.guard.limiter
        if limiter is None or not self.client:
            self._refuse(answer)
            return
        task = self.loop.create_task(
            self._refuse_after_limit(limiter, client_group(self.client[0]), answer)
        )
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _refuse_after_limit(self, limiter: Limiter, address: str, answer: bytes) -> None:
        wait = await limiter.check(address)
        self._refuse(RATE_LIMITED if wait else answer)

    def _refuse(self, answer: bytes) -> None:
        # the codes of HEAD_TOO_LARGE and MALFORMED are bad_request
        self.guard.error("rate_limited" if answer is RATE_LIMITED else "bad_request")
        if not self.transport.is_closing():
            self.transport.write(answer)
            self.transport.close()


def uvicorn_mismatch() -> str:
    """Why the installed uvicorn cannot carry the relay (one line), or "" when it can."""
    missing = [
        name for name in UVICORN_HOOKS if not callable(getattr(HttpToolsProtocol, name, None))
    ]
    if not missing:
        return ""
    return (
        f"uvicorn {uvicorn.__version__} is not one this relay supports (its httptools protocol "
        f"lacks {', '.join(missing)}); reinstall the relay so pip picks the uvicorn it requires"
    )


def guarded_protocol(guard: ConnectionGuard) -> type[GuardedProtocol]:
    """A protocol class bound to ``guard`` (uvicorn instantiates it per connection)."""
    return type("RelayHttpProtocol", (GuardedProtocol,), {"guard": guard})


def fit_open_files(wanted: int) -> int:
    """Raise the open-file limit as far as allowed; return the cap that fits under it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, wanted + FD_RESERVE)
    if soft != resource.RLIM_INFINITY and soft < wanted + FD_RESERVE and target > soft:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(target, wanted + FD_RESERVE), hard))
        soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    if soft == resource.RLIM_INFINITY:
        return wanted
    fits = max(8, int(soft) - FD_RESERVE)
    if fits < wanted:
        log.warning(
            "max_connections lowered from %d to %d to fit the open-file limit (%d)",
            wanted,
            fits,
            soft,
        )
    return min(wanted, fits)


def tune_garbage_collector() -> None:
    """Freeze what start-up allocated (modules, settings, the app: scanned by no collection
    from now on) and collect young objects every :data:`GC_YOUNG_THRESHOLD` allocations."""
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket for ``host``:``port`` (port 0 picks a free one)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must be IPPROTO_TCP: asyncio only sets TCP_NODELAY on accepted sockets whose
    # listening socket says so, and without it every answer waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def make_server(settings: Settings, app: Any = None) -> Any:
    """A configured ``uvicorn.Server`` for the relay (guarded protocol, access log off)."""
    from .app import Relay

    relay = app if app is not None else Relay(settings)
    limit = fit_open_files(settings.max_connections)
    guard = ConnectionGuard(
        settings.with_overrides({"max_connections": limit}), getattr(relay, "metrics", None)
    )
    if not settings.trust_forwarded_for:
        guard.limiter = getattr(relay, "limiter", None)
    config = uvicorn.Config(
        relay,
        http=guarded_protocol(guard),
        log_config=None,
        access_log=False,
        proxy_headers=False,
        server_header=False,
        date_header=True,
        lifespan="on",
        timeout_keep_alive=int(settings.keepalive_timeout_seconds),
        timeout_graceful_shutdown=5,
        backlog=2048,
    )
    server = uvicorn.Server(config)
    server.relay_guard = guard  # type: ignore[attr-defined]
    return server


__all__ = [
    "ConnectionGuard",
    "bind_socket",
    "httptools",
    "make_server",
    "tune_garbage_collector",
    "uvicorn_mismatch",
]
