"""The unlock agent process: holds one open vault and answers this user's commands.

Started by ``peerjournal unlock`` (see :mod:`peerjournal.cli.agent`). Hardening, in order:
the passphrase arrives on a pipe and is never in its environment (the environment it was
started with holds none of the secret variables, and they are removed again here); the
process is made non-dumpable (``prctl(PR_SET_DUMPABLE, 0)``: other processes of the user
cannot read its memory through ``ptrace`` or ``/proc``) with no core file
(``RLIMIT_CORE`` 0); it ends after ``minutes`` without a served command *and* at an
absolute deadline however busy it is; a connection that does not deliver its whole request
within :data:`REQUEST_SECONDS` is dropped, and connections are read side by side, so one
silent client never blocks another; only a served command counts as activity.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import selectors
import socket
import struct
import sys
import time
from pathlib import Path
from typing import Any

from peerjournal.cli import agent_socket
from peerjournal.cli.context import SECRET_ENV_NAMES as SECRET_ENV
from peerjournal.errors import PeerJournalError

#: Seconds a caller has to deliver its whole request.
REQUEST_SECONDS = 5.0
#: Seconds a caller has to take its answer.
ANSWER_SECONDS = 10.0
#: Connections read at once; more wait in the listen queue.
MAX_CONNECTIONS = 16
#: Request bytes the agent holds for all the connections being read, together. One
#: request may be as large as the largest entry needs (agent_socket.MAX_MESSAGE_BYTES),
#: but 16 connections each announcing that much made the agent hold a gigabyte; one that
#: announces more than what is left is dropped at once.
MAX_BUFFERED_BYTES = agent_socket.MAX_MESSAGE_BYTES
_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


def harden() -> None:
    """No secrets in the environment, no core file, not dumpable (where the system can)."""
    for name in SECRET_ENV:
        os.environ.pop(name, None)
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def status() -> dict[str, Any]:
    """What the agent can say about its own hardening (for ``info`` and the tests)."""
    dumpable: int | None = None
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            dumpable = int(ctypes.CDLL(None).prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))
    core: int | None = None
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        core = resource.getrlimit(resource.RLIMIT_CORE)[1]
    return {
        "pid": os.getpid(),
        "dumpable": dumpable,
        "core_limit": core,
        "secret_in_environment": any(name in os.environ for name in SECRET_ENV),
    }


class _Input(io.StringIO):
    """The client's standard input as the agent sees it."""

    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def _refused(message: str, status: int = 2) -> dict[str, Any]:
    return {"status": status, "stdout": "", "stderr": f"peerjournal: {message}\n"}


def answer(request: dict[str, Any], session: Any) -> tuple[dict[str, Any], bool]:
    """The answer to one command request, and whether a command was served."""
    from peerjournal.cli import UsageError, execute, parse_command_line
    from peerjournal.cli.agent import FORWARDED, PROVIDED_KEYS
    from peerjournal.cli.context import Context

    argv = request.get("argv")
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        return _refused("malformed request"), False
    try:
        args = parse_command_line(argv)
    except UsageError as exc:
        return _refused(exc.message, exc.status), False
    if args.command not in FORWARDED or getattr(args, "handler", None) is None:
        if request.get("fast"):
            return {"need": "local"}, False
        return _refused("not a session command"), False
    if request.get("fast"):
        from peerjournal.cli.agent import _needs_confirmation, _needs_stdin

        stdin_tty = bool(request.get("stdin_tty"))
        if (
            getattr(args, "edit", False)
            or getattr(args, "template", None)
            or (args.command == "template" and getattr(args, "file", None) not in (None, "-"))
            or (_needs_confirmation(args) and stdin_tty)
        ):
            return {"need": "local"}, False
        if _needs_stdin(args, stdin_tty) and not request.get("stdin_given"):
            return {"need": "stdin"}, False
    out, err = io.StringIO(), io.StringIO()
    context = Context(
        args,
        stdin=_Input(str(request.get("stdin", "")), bool(request.get("stdin_tty"))),
        stdout=out,
        stderr=err,
        tty=bool(request.get("tty")),
        color=bool(request.get("color")),
    )
    provided = request.get("provided")
    if isinstance(provided, dict):
        context.provided = {
            key: value
            for key, value in provided.items()
            if key in PROVIDED_KEYS and isinstance(value, str)
        }
    context.adopt(session, borrowed=True)
    status_code = execute(args, context)
    reply = {"status": status_code, "stdout": out.getvalue(), "stderr": err.getvalue()}
    # whether the vault changed, so a client that cannot print the answer says so
    reply["changed"] = context.changed
    return reply, True


class _Caller:
    """One connection being read: bytes so far and the moment it must be complete by."""

    def __init__(self, conn: socket.socket, deadline: float) -> None:
        self.conn = conn
        self.deadline = deadline
        self.data = bytearray()

    def announced(self) -> int | None:
        """The size the request says it has (None until its first 4 bytes arrived)."""
        if len(self.data) < 4:
            return None
        return int(struct.unpack(">I", self.data[:4])[0])

    def holds(self) -> int:
        """The bytes this caller may make the agent hold: what it announced, else so far."""
        size = self.announced()
        return len(self.data) if size is None else size

    def request(self) -> dict[str, Any] | None:
        """The whole request once it has arrived (ValueError if it is malformed)."""
        size = self.announced()
        if size is None:
            return None
        if size > agent_socket.MAX_MESSAGE_BYTES:
            raise ValueError("message too large")
        if len(self.data) < 4 + size:
            return None
        return agent_socket.decode(bytes(self.data[4 : 4 + size]))


class Server:
    """The agent's loop: accept, read requests side by side, answer one at a time."""

    def __init__(
        self, session: Any, server: socket.socket, idle_seconds: float, max_seconds: float
    ) -> None:
        self.session = session
        self.server = server
        self.idle_seconds = idle_seconds
        now = time.monotonic()
        self.end_at = now + max_seconds
        self.idle_at = min(now + idle_seconds, self.end_at)
        self.callers: dict[int, _Caller] = {}
        self.selector = selectors.DefaultSelector()
        self.stopped = False

    def run(self) -> None:
        """Serve until ``lock``, the idle time or the absolute deadline."""
        self.server.setblocking(False)
        self.selector.register(self.server, selectors.EVENT_READ)
        try:
            while not self.stopped:
                now = time.monotonic()
                wake = min([self.idle_at, *(c.deadline for c in self.callers.values())])
                if now >= self.idle_at:
                    return
                for key, _ in self.selector.select(timeout=max(0.0, wake - now)):
                    if key.fileobj is self.server:
                        self._accept()
                    else:
                        self._read(self.callers[key.fd])
                    if self.stopped:
                        return
                self._drop_late()
        finally:
            for caller in list(self.callers.values()):
                self._drop(caller)
            self.selector.close()

    def _accept(self) -> None:
        try:
            conn, _ = self.server.accept()
        except (BlockingIOError, InterruptedError):
            return
        if len(self.callers) >= MAX_CONNECTIONS or agent_socket.peer_uid(conn) not in (
            None,
            os.getuid(),
        ):
            conn.close()
            return
        conn.setblocking(False)
        caller = _Caller(conn, time.monotonic() + REQUEST_SECONDS)
        self.callers[conn.fileno()] = caller
        self.selector.register(conn, selectors.EVENT_READ)

    def _drop(self, caller: _Caller) -> None:
        self.callers.pop(caller.conn.fileno(), None)
        with contextlib.suppress(KeyError, ValueError):
            self.selector.unregister(caller.conn)
        caller.conn.close()

    def _drop_late(self) -> None:
        now = time.monotonic()
        for caller in [c for c in self.callers.values() if c.deadline <= now]:
            self._drop(caller)

    def _read(self, caller: _Caller) -> None:
        try:
            chunk = caller.conn.recv(1 << 20)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._drop(caller)
            return
        if not chunk:
            self._drop(caller)
            return
        caller.data += chunk
        held = sum(c.holds() for c in self.callers.values())
        try:
            if held > MAX_BUFFERED_BYTES:
                raise ValueError("requests too large together")
            request = caller.request()
        except ValueError:
            self._drop(caller)
            return
        if request is None:
            return
        self.selector.unregister(caller.conn)
        self.callers.pop(caller.conn.fileno(), None)
        with caller.conn as conn:
            reply = self._serve(request)
            conn.setblocking(True)
            conn.settimeout(ANSWER_SECONDS)
            with contextlib.suppress(OSError):
                agent_socket.send(conn, reply)

    def _serve(self, request: dict[str, Any]) -> dict[str, Any]:
        op = request.get("op")
        if op == "lock":
            self.stopped = True
            return {"status": 0, "stdout": "", "stderr": ""}
        if op == "status":
            now = time.monotonic()
            return dict(
                status(),
                status=0,
                idle_seconds_left=round(self.idle_at - now, 1),
                seconds_left=round(self.end_at - now, 1),
            )
        reply, served = answer(request, self.session)
        if served:
            self.idle_at = min(time.monotonic() + self.idle_seconds, self.end_at)
        return reply


def _detach_output() -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)


def agent_main() -> None:
    """Entry of the agent process: config JSON on stdin, ``ok``/``error: …`` on stdout."""
    import signal

    harden()
    from peerjournal.app.session import open_vault

    config = json.loads(sys.stdin.read())
    folder = Path(config["socket_folder"])
    name = str(config["socket_name"])

    def stop(*_: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    try:
        session = open_vault(Path(config["folder"]), config.pop("passphrase"))
    except PeerJournalError as exc:
        print(f"error: {json.dumps(exc.text.to_json())}", flush=True)
        return
    try:
        with agent_socket.checked_folder(folder, create=True) as fd:
            assert fd is not None  # created above
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            with contextlib.suppress(FileNotFoundError):
                # Stale: a live agent would hold the vault, so open_vault would have failed.
                os.unlink(name, dir_fd=fd)
            old_umask = os.umask(0o177)
            try:
                server.bind(agent_socket.address(fd, folder, name))
            finally:
                os.umask(old_umask)
    except PeerJournalError as exc:
        session.lock()
        print(f"error: {json.dumps(exc.text.to_json())}", flush=True)
        return
    try:
        server.listen(MAX_CONNECTIONS)
        print("ok", flush=True)
        _detach_output()
        minutes = float(config["minutes"]) * 60.0
        Server(session, server, minutes, float(config["max_minutes"]) * 60.0).run()
    finally:
        server.close()
        with (
            contextlib.suppress(OSError, PeerJournalError),
            agent_socket.checked_folder(folder) as fd,
        ):
            if fd is not None:
                os.unlink(name, dir_fd=fd)
        session.lock()
