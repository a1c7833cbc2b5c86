"""How the server writes answers: each answer's head and body in one write, and the answers
the relay builds itself in one piece, past uvicorn's per-message handling."""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, RequestResponseCycle


class OneWriteTransport:
    """The connection's transport, writing an answer's head together with its body.

    uvicorn writes a response in two calls, the status line and headers, then the body;
    each is a send() and a TCP segment of its own on a no-delay socket. Here the head waits
    for the next write (the body), the end of the answer (a HEAD answer writes no body) or
    the close, and goes out with it in one call: one system call and one segment per answer
    instead of two, the bytes unchanged and in the same order. An interim ``100 Continue``
    is not held (the client waits for it before sending the body). Everything else is the
    transport's.
    """

    __slots__ = ("_head", "_transport")

    def __init__(self, transport: asyncio.Transport) -> None:
        self._transport = transport
        self._head: bytes | None = None

    def write(self, data: bytes) -> None:
        """Hold an answer's head; write anything else (after a held head, with it)."""
        head = self._head
        if head is not None:
            self._head = None
            self._transport.write(head + data)
        elif data.startswith(b"HTTP/1.1 ") and not data.startswith(b"HTTP/1.1 1"):
            self._head = bytes(data)
        else:
            self._transport.write(data)

    def write_whole(self, data: bytes) -> None:
        """Write a whole answer (head and body) as it is."""
        self.flush()
        self._transport.write(data)

    def flush(self) -> None:
        """Write a held head now."""
        head = self._head
        if head is not None:
            self._head = None
            self._transport.write(head)

    def close(self) -> None:
        """Write what is held, then close."""
        self.flush()
        self._transport.close()

    def is_closing(self) -> bool:
        """The transport's own answer."""
        return self._transport.is_closing()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


NO_STORE_LINE = b"cache-control: no-store\r\n"
CLOSE_LINE = b"connection: close\r\n"


class AnswerWriter:
    """An answer the relay built (status, headers, whole body) written in one piece for one
    request's cycle: the bytes uvicorn's ``send`` writes for the same two ASGI messages
    (status line, the server's date header, the answer's headers, ``Cache-Control:
    no-store``, ``Connection: close`` when the connection ends), without checking and
    re-encoding headers the relay made itself. Two answers per delivered message take it."""

    __slots__ = ("_cycle",)

    def __init__(self, cycle: RequestResponseCycle) -> None:
        self._cycle = cycle

    def __call__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> bool:
        """Write the answer and complete the cycle; False (nothing written) when the ASGI
        messages must carry it instead: the answer has begun, the client reads too slowly,
        or it is an answer without a body."""
        cycle = self._cycle
        if cycle.disconnected:  # nobody to write to: uvicorn's send does nothing either
            return True
        if (
            cycle.response_started
            or cycle.flow.write_paused
            or status < 200
            or status in (204, 304)
            or cycle.scope["method"] == "HEAD"
        ):
            return False
        cycle.response_started = True
        cycle.response_complete = True
        cycle.waiting_for_100_continue = False
        parts = [STATUS_LINE[status]]
        for name, value in cycle.default_headers:
            parts += (name, b": ", value, b"\r\n")
        for name, value in headers:
            parts += (name, b": ", value, b"\r\n")
        parts.append(NO_STORE_LINE)
        if not cycle.keep_alive:
            parts.append(CLOSE_LINE)
        parts += (b"\r\n", body)
        cycle.transport.write_whole(b"".join(parts))  # type: ignore[attr-defined]
        cycle.message_event.set()
        if not cycle.keep_alive:
            cycle.transport.close()
        cycle.on_response()
        return True
