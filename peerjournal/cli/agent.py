"""``peerjournal unlock`` / ``lock``: an optional, time-limited unlocked session for scripts.

Every command normally derives the key with Argon2id (about 0.4 s, on purpose). Like
``ssh-agent``, ``unlock`` starts a small background process that opens the vault once and
keeps it open for a limited idle time (10 minutes by default); while it runs, the journal
and mood commands are passed to it over a Unix socket and answered in a few milliseconds.
``lock`` (or the idle timeout) closes the vault and ends the process.

Safety: the socket lives in a private folder (``$XDG_RUNTIME_DIR`` or a 0700 folder of
this user in the temp folder), is created 0600, and each connection's peer user id is
checked where the system reports it. Anyone who can act as this user can read the journal
while it is unlocked — the same trade as ssh-agent, and why it is opt-in and time-limited.
Nothing is written to disk: requests and answers only cross the socket. Commands that need
files or new secrets (``init``, ``passwd``, ``recover``, ``import``, ``export``, peers) are
not passed on: they run as usual and meet "vault in use" until ``lock``.

Wire format: 4-byte big-endian length, then UTF-8 JSON. Request
``{"argv": [...], "stdin": str, "stdin_tty": bool, "tty": bool}`` or ``{"op": "lock"}``;
answer ``{"status": int, "stdout": str, "stderr": str}``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import socket
import struct
import sys
import time
from pathlib import Path
from typing import Any

from peerjournal.cli.context import Context
from peerjournal.cli.parsing import shown
from peerjournal.errors import InvalidInput, PeerJournalError, Text

FORWARDED = frozenset(
    {"add", "list", "show", "edit", "delete", "restore", "search", "tags", "mood"}
)
DEFAULT_MINUTES = 10.0
MAX_MINUTES = 12 * 60.0
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
CLIENT_TIMEOUT_SECONDS = 300.0
_SOCKET_PATH_LIMIT = 100  # sun_path is 104-108 bytes depending on the system


def register(subparsers: Any) -> None:
    """Add ``unlock`` and ``lock`` to the top-level parser."""
    unlock = subparsers.add_parser(
        "unlock", help="keep the vault open for a while so commands skip the passphrase"
    )
    unlock.add_argument(
        "--minutes",
        type=_minutes,
        default=DEFAULT_MINUTES,
        help=f"lock again after this many idle minutes (default {DEFAULT_MINUTES:g})",
    )
    unlock.set_defaults(handler=cmd_unlock)
    lock = subparsers.add_parser("lock", help="end an unlocked session now")
    lock.set_defaults(handler=cmd_lock)


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(
            f"{shown(text)} is not a number of minutes up to {MAX_MINUTES:g}"
        )
    return value


# -- where the socket lives ------------------------------------------------------------------


def _private_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    info = folder.stat()
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
        raise InvalidInput("cli.agent_folder_not_private", folder=str(folder))
    return folder


def socket_path(vault_folder: Path) -> Path:
    """The agent socket for one vault folder (not created here)."""
    digest = hashlib.sha256(str(vault_folder.expanduser().resolve()).encode()).hexdigest()[:16]
    name = f"pj-agent-{digest}.sock"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and len(os.path.join(runtime, "peerjournal", name)) <= _SOCKET_PATH_LIMIT:
        return Path(runtime) / "peerjournal" / name
    import tempfile

    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"peerjournal-{uid}" / name


# -- the wire --------------------------------------------------------------------------------


def _send(sock: socket.socket, message: dict[str, Any]) -> None:
    data = json.dumps(message, ensure_ascii=False).encode("utf-8")
    sock.sendall(struct.pack(">I", len(data)) + data)


def _receive_exactly(sock: socket.socket, size: int) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = sock.recv(min(remaining, 1 << 20))
        if not chunk:
            raise ConnectionError("the other side closed the connection")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _receive(sock: socket.socket) -> dict[str, Any]:
    (size,) = struct.unpack(">I", _receive_exactly(sock, 4))
    if size > MAX_MESSAGE_BYTES:
        raise ConnectionError("message too large")
    message = json.loads(_receive_exactly(sock, size).decode("utf-8"))
    if not isinstance(message, dict):
        raise ConnectionError("malformed message")
    return message


def supported() -> bool:
    """Whether this system has Unix sockets (Windows builds may not)."""
    return hasattr(socket, "AF_UNIX")


def _connect(path: Path, timeout: float) -> socket.socket | None:
    if not supported() or not path.exists():
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(path))
    except OSError:
        sock.close()
        return None
    return sock


# -- the client side -------------------------------------------------------------------------


def agent_is_running(vault_folder: Path) -> bool:
    """Whether an unlock agent answers for this vault folder."""
    try:
        sock = _connect(socket_path(vault_folder), 5.0)
    except (OSError, PeerJournalError):
        return False
    if sock is None:
        return False
    sock.close()
    return True


def _needs_stdin(args: argparse.Namespace) -> bool:
    if args.command == "add":
        terminal = sys.stdin is not None and sys.stdin.isatty()
        return bool(args.text == "-" or (args.text is None and not terminal))
    return bool(args.command == "edit" and args.body == "-")


def _needs_confirmation(args: argparse.Namespace) -> bool:
    """Commands that ask before deleting for good (the agent cannot ask the terminal)."""
    if getattr(args, "yes", True):
        return False
    if args.command == "delete":
        return bool(args.purge)
    return bool(args.command == "mood" and getattr(args, "mood_command", "") == "delete")


def forward_if_unlocked(args: argparse.Namespace, argv: list[str]) -> int | None:
    """Run the command in the unlock agent if one serves this vault; None to run it here."""
    if args.command not in FORWARDED or not supported():
        return None
    context = Context(args)
    try:
        path = socket_path(context.vault_folder)
    except (OSError, PeerJournalError):
        return None
    sock = _connect(path, CLIENT_TIMEOUT_SECONDS)
    if sock is None:
        return None
    with sock:
        if _needs_confirmation(args) and context.interactive:
            # The agent has no terminal: ask here, and pass the answer on as --yes.
            if not context.confirm(
                "This deletes it for good and cannot be undone. Go on?", yes=False
            ):
                sys.stderr.write(f"peerjournal: {InvalidInput('cli.not_confirmed').message}\n")
                return 1
            argv = [*argv, "--yes"]
        try:
            stdin = context.read_stdin() if _needs_stdin(args) else ""
        except PeerJournalError as exc:
            sys.stderr.write(f"peerjournal: {exc.message}\n")
            return 1
        try:
            _send(
                sock,
                {
                    "argv": argv,
                    "stdin": stdin,
                    "stdin_tty": sys.stdin is not None and sys.stdin.isatty(),
                    "tty": context.stdout_is_tty,
                },
            )
            answer = _receive(sock)
        except (OSError, ConnectionError, ValueError):
            sys.stderr.write(
                "peerjournal: the unlocked session did not answer; run `peerjournal lock`.\n"
            )
            return 1
    try:
        sys.stdout.write(str(answer.get("stdout", "")))
        sys.stdout.flush()
    except BrokenPipeError:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    sys.stderr.write(str(answer.get("stderr", "")))
    return int(answer.get("status", 1))


def cmd_unlock(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal unlock [--minutes M]``: start the agent for this vault."""
    if not supported():
        raise InvalidInput("cli.agent_unsupported")
    folder = ctx.existing_vault_folder()
    path = socket_path(folder)
    live = _connect(path, 5.0)
    if live is not None:
        live.close()
        ctx.out("The vault is already unlocked; `peerjournal lock` ends that session.")
        return 0
    _private_folder(path.parent)
    passphrase = ctx.passphrase()
    import subprocess

    child = subprocess.Popen(
        [sys.executable, "-c", "from peerjournal.cli.agent import agent_main; agent_main()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
        cwd="/",
    )
    if child.stdin is None or child.stdout is None:  # cannot happen: both pipes were asked for
        raise RuntimeError("the agent process has no pipes")
    config = {"folder": str(folder.resolve()), "socket": str(path), "minutes": args.minutes}
    child.stdin.write(json.dumps(dict(config, passphrase=passphrase)).encode("utf-8"))
    child.stdin.close()
    answer = child.stdout.readline().decode("utf-8", "replace").strip()
    child.stdout.close()
    if answer != "ok":
        child.wait(timeout=60)
        raise _agent_error(answer)
    ctx.out(
        f"Unlocked for {args.minutes:g} idle minutes (agent process {child.pid}): commands "
        "skip the passphrase until then or until `peerjournal lock`. Anyone using your "
        "account can read the journal meanwhile."
    )
    return 0


def _agent_error(answer: str) -> PeerJournalError:
    """The error the agent process reported on start (``error: {code, params}``)."""
    try:
        return PeerJournalError.from_text(
            Text.from_json(json.loads(answer.removeprefix("error: ")))
        )
    except (ValueError, TypeError):
        return InvalidInput("cli.agent_not_started")


def cmd_lock(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal lock``: end the agent for this vault."""
    path = socket_path(ctx.vault_folder)
    sock = _connect(path, 30.0)
    if sock is None:
        ctx.out("There is no unlocked session for this vault.")
        return 0
    with sock, contextlib.suppress(OSError, ConnectionError, ValueError):
        _send(sock, {"op": "lock"})
        _receive(sock)
    ctx.out("Locked.")
    return 0


# -- the agent process -----------------------------------------------------------------------


class _Input(io.StringIO):
    """The client's standard input as the agent sees it."""

    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def _peer_is_us(conn: socket.socket) -> bool:
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None or not hasattr(os, "getuid"):
        return True  # the private folder and 0600 socket are the guard here
    data = conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", data)
    return bool(uid == os.getuid())


def _answer(request: dict[str, Any], session: Any) -> dict[str, Any]:
    from peerjournal.cli import UsageError, build_parser, execute

    argv = request.get("argv")
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        return {"status": 2, "stdout": "", "stderr": "peerjournal: malformed request\n"}
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        return {"status": exc.status, "stdout": "", "stderr": f"peerjournal: {exc.message}\n"}
    if args.command not in FORWARDED or getattr(args, "handler", None) is None:
        return {"status": 2, "stdout": "", "stderr": "peerjournal: not a session command\n"}
    out, err = io.StringIO(), io.StringIO()
    context = Context(
        args,
        stdin=_Input(str(request.get("stdin", "")), bool(request.get("stdin_tty"))),
        stdout=out,
        stderr=err,
        tty=bool(request.get("tty")),
    )
    context.adopt(session, borrowed=True)
    status = execute(args, context)
    return {"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()}


def serve(session: Any, server: socket.socket, idle_seconds: float) -> None:
    """Answer requests until ``lock`` or until nothing came for ``idle_seconds``."""
    deadline = time.monotonic() + idle_seconds
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        server.settimeout(remaining)
        try:
            conn, _ = server.accept()
        except TimeoutError:
            return
        with conn:
            conn.settimeout(CLIENT_TIMEOUT_SECONDS)
            try:
                if not _peer_is_us(conn):
                    continue
                request = _receive(conn)
                if request.get("op") == "lock":
                    _send(conn, {"status": 0, "stdout": "", "stderr": ""})
                    return
                _send(conn, _answer(request, session))
            except (OSError, ConnectionError, ValueError):
                continue
        deadline = time.monotonic() + idle_seconds


def _detach_output() -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)


def agent_main() -> None:
    """Entry of the agent process: config JSON on stdin, ``ok``/``error: …`` on stdout."""
    import signal

    from peerjournal.app.session import open_vault

    config = json.loads(sys.stdin.read())
    path = Path(config["socket"])

    def stop(*_: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    try:
        session = open_vault(Path(config["folder"]), config.pop("passphrase"))
    except PeerJournalError as exc:
        print(f"error: {json.dumps(exc.text.to_json())}", flush=True)
        return
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # stale: a live agent would hold the vault, so open_vault failed
        old_umask = os.umask(0o177)
        try:
            server.bind(str(path))
        finally:
            os.umask(old_umask)
        server.listen(8)
        print("ok", flush=True)
        _detach_output()
        serve(session, server, float(config["minutes"]) * 60.0)
    finally:
        server.close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        session.lock()
