"""``peerjournal unlock`` / ``lock``: an optional, time-limited unlocked session for scripts.

Every command normally derives the key with Argon2id (about half a second, on purpose).
Like ``ssh-agent``, ``unlock`` starts a small background process that opens the vault once
and keeps it open for a limited idle time (10 minutes by default) and at most an absolute
time (4 hours by default) however busy it is; while it runs, the journal and mood commands
are passed to it over a Unix socket and answered in a few milliseconds. ``lock`` (or either
time limit) closes the vault and ends the process.

Safety (details in :mod:`peerjournal.cli.agent_socket` and
:mod:`peerjournal.cli.agent_server`): the socket lives in a folder private to this user
(never a shared temp folder); before sending a byte the client checks that folder's owner
and mode, the socket's owner and the listening process's user id, and refuses with a clear
message if any is not this user's; the agent checks each caller's user id, is not dumpable,
writes no core file and keeps no secret in its environment. Anyone who can act as this user
can read the journal while it is unlocked — the same trade as ssh-agent, and why it is
opt-in and time-limited. Nothing is written to disk: requests and answers only cross the
socket. Commands that need files or new secrets (``init``, ``passwd``, ``recover``,
``import``, ``export``, peers) are not passed on: they run as usual and meet "vault in use"
until ``lock``.

The editor (``add -e``, ``edit ID -e``) runs here, on the client's side, which has the
terminal: the client asks the agent for the entry's text, lets the user edit it, and sends
the result in ``provided`` (``{"edited": str, "template": str}``).

Request ``{"argv": [...], "stdin": str, "stdin_tty": bool, "tty": bool, "provided": {...}}``,
``{"op": "lock"}`` or ``{"op": "status"}``; answer ``{"status": int, "stdout": str,
"stderr": str, "changed": bool}`` (``changed``: the command changed the vault, for a client
that then cannot print the answer).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from peerjournal.cli.context import SECRET_ENV_NAMES, Context
from peerjournal.cli.parsing import shown
from peerjournal.errors import InvalidInput, PeerJournalError, Text

__all__ = ["agent_is_running", "forward_if_unlocked", "register", "socket_path"]

FORWARDED = frozenset(
    {"add", "list", "show", "edit", "delete", "restore", "search", "tags", "mood", "template"}
)
#: Texts a client may prepare on its side and pass on (see Context.provided).
PROVIDED_KEYS = frozenset({"edited", "template"})
DEFAULT_MINUTES = 10.0
MAX_MINUTES = 12 * 60.0
DEFAULT_MAX_MINUTES = 4 * 60.0
LONGEST_MAX_MINUTES = 24 * 60.0


def register(subparsers: Any) -> None:
    """Add ``unlock`` and ``lock`` to the top-level parser."""
    unlock = subparsers.add_parser(
        "unlock", help="keep the vault open for a while so commands skip the passphrase"
    )
    unlock.add_argument(
        "--minutes",
        type=_minutes(MAX_MINUTES),
        default=DEFAULT_MINUTES,
        help=f"lock again after this many idle minutes (default {DEFAULT_MINUTES:g})",
    )
    unlock.add_argument(
        "--max-minutes",
        type=_minutes(LONGEST_MAX_MINUTES),
        default=DEFAULT_MAX_MINUTES,
        help="lock after this many minutes however busy "
        f"(default {DEFAULT_MAX_MINUTES:g}, at most {LONGEST_MAX_MINUTES:g})",
    )
    unlock.set_defaults(handler=cmd_unlock)
    lock = subparsers.add_parser("lock", help="end an unlocked session now")
    lock.set_defaults(handler=cmd_lock)


def _minutes(limit: float) -> Any:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if not 0 < value <= limit:
            raise argparse.ArgumentTypeError(
                f"{shown(text)} is not a number of minutes up to {limit:g}"
            )
        return value

    return parse


# -- the client side -------------------------------------------------------------------------
# The socket module (socket, hashlib, …) is loaded on first use: ``--help`` never needs it.


def supported() -> bool:
    """Whether this system has Unix sockets (see agent_socket)."""
    from peerjournal.cli import agent_socket

    return agent_socket.supported()


def socket_path(vault_folder: Path) -> Path:
    """The agent socket for one vault folder (see agent_socket)."""
    from peerjournal.cli import agent_socket

    return agent_socket.socket_path(vault_folder)


def connect(vault_folder: Path, timeout: float) -> Any:
    """A checked connection to this user's agent for the vault, or None (agent_socket)."""
    from peerjournal.cli import agent_socket

    return agent_socket.connect(vault_folder, timeout)


def send(sock: Any, message: dict[str, Any]) -> None:
    """Send one framed message (agent_socket)."""
    from peerjournal.cli import agent_socket

    agent_socket.send(sock, message)


def receive(sock: Any) -> dict[str, Any]:
    """Receive one framed message (agent_socket)."""
    from peerjournal.cli import agent_socket

    return agent_socket.receive(sock)


def agent_is_running(vault_folder: Path) -> bool:
    """Whether this user's unlock agent listens for this vault folder (answering or not:
    a stopped one still holds the vault)."""
    from peerjournal.cli import agent_socket

    try:
        sock = connect(vault_folder, agent_socket.CONNECT_SECONDS)
    except (OSError, PeerJournalError):
        return False
    if sock is None:
        return False
    sock.close()
    return True


def exchange(
    vault_folder: Path, request: dict[str, Any], answer_seconds: float | None = None
) -> dict[str, Any] | None:
    """One bounded request to the agent (agent_socket.exchange); None: no agent."""
    from peerjournal.cli import agent_socket

    seconds = agent_socket.ANSWER_SECONDS if answer_seconds is None else answer_seconds
    return agent_socket.exchange(vault_folder, request, answer_seconds=seconds)


def agent_status(vault_folder: Path) -> dict[str, Any] | None:
    """What the running agent says about itself (pid, hardening, time left), or None."""
    with contextlib.suppress(OSError, ConnectionError, ValueError, PeerJournalError):
        return exchange(vault_folder, {"op": "status"})
    return None


def _answer_seconds(args: argparse.Namespace) -> float:
    """How long this command may take in the agent: a change by filter may touch thousands
    of entries; everything else answers in milliseconds."""
    from peerjournal.cli import agent_socket

    if args.command in ("edit", "delete", "restore") and getattr(args, "id", "") is None:
        return agent_socket.BULK_ANSWER_SECONDS
    return agent_socket.ANSWER_SECONDS


def _needs_stdin(args: argparse.Namespace, stdin_tty: bool | None = None) -> bool:
    if args.command == "add":
        if args.edit or args.template:
            return False
        terminal = (
            (sys.stdin is not None and sys.stdin.isatty()) if stdin_tty is None else stdin_tty
        )
        return bool(args.text == ["-"] or (not args.text and not terminal))
    if args.command == "template":
        return bool(getattr(args, "file", None) == "-")
    return bool(args.command == "edit" and args.body == "-")


def _needs_confirmation(args: argparse.Namespace) -> bool:
    """Commands that ask before deleting for good (the agent cannot ask the terminal)."""
    if getattr(args, "yes", True) or getattr(args, "preview", False):
        return False
    if args.command in ("delete", "edit") and getattr(args, "id", "") is None:
        return True  # a bulk change by filter
    if args.command == "delete":
        return bool(args.purge)
    return bool(args.command == "mood" and getattr(args, "mood_command", "") == "delete")


def forward_if_unlocked(args: argparse.Namespace, argv: list[str]) -> int | None:
    """Run the command in the unlock agent if one serves this vault; None to run it here.

    Raises :class:`InvalidInput` (nothing sent) when what answers is not this user's.
    """
    if args.command not in FORWARDED or not supported():
        return None
    from peerjournal.cli import agent_socket

    context = Context(args)
    probe = connect(context.vault_folder, agent_socket.CONNECT_SECONDS)
    if probe is None:
        return None
    with probe:
        agent_socket.check_answering(probe)  # a stopped agent: say so, send nothing
    provided: dict[str, str] = {}
    if getattr(args, "template", None) and args.command == "add":
        # The agent runs in "/" and cannot see the file: read it here.
        provided["template"] = context.read_text_file(args.template, "field.template")
    if args.command == "template" and getattr(args, "file", None) not in (None, "-"):
        provided["template"] = context.read_text_file(args.file, "field.template")
    if getattr(args, "edit", False):
        # Each request gets its own connection (the agent drops one that stays silent):
        # the editor may stay open for an hour.
        try:
            provided["edited"] = _edit_here(args, context)
        except _RelayedError as exc:
            sys.stderr.write(exc.stderr)
            return exc.status
    if _needs_confirmation(args) and context.interactive and getattr(args, "id", "") is None:
        # A bulk change: the agent lists what matches, the question is asked here.
        preview = _ask(context.vault_folder, [*argv, "--preview"])
        sys.stderr.write(str(preview.get("stderr", "")))
        sys.stdout.write(str(preview.get("stdout", "")))
        if preview.get("status") != 0 or preview.get("stdout"):  # refused, or no match
            return int(preview.get("status", 1))
        if not context.confirm("Go on with these entries?", yes=False):
            sys.stderr.write(f"peerjournal: {InvalidInput('cli.not_confirmed').message}\n")
            return 1
        argv = [*argv, "--yes"]
    elif _needs_confirmation(args) and context.interactive:
        # The agent has no terminal: ask here, and pass the answer on as --yes.
        if not context.confirm("This deletes it for good and cannot be undone. Go on?", yes=False):
            sys.stderr.write(f"peerjournal: {InvalidInput('cli.not_confirmed').message}\n")
            return 1
        argv = [*argv, "--yes"]
    reads_stdin = _needs_stdin(args)
    try:
        stdin = context.read_stdin() if reads_stdin else ""
    except PeerJournalError as exc:
        sys.stderr.write(f"peerjournal: {exc.message}\n")
        return 1
    request = {
        "argv": argv,
        "stdin": stdin,
        "stdin_tty": sys.stdin is not None and sys.stdin.isatty(),
        "tty": context.stdout_is_tty,
        "color": context.color,
        "provided": provided,
    }
    try:
        answer = exchange(context.vault_folder, request, _answer_seconds(args))
    except (OSError, ConnectionError, ValueError):
        sys.stderr.write(
            "peerjournal: the unlocked session did not answer; run `peerjournal lock`.\n"
        )
        return 1
    if answer is None:
        if reads_stdin:  # what was read cannot be read again here
            sys.stderr.write(f"peerjournal: {InvalidInput('cli.agent_gone').message}\n")
            return 1
        # The session ended meanwhile: run here (with the text already written, if any).
        args.provided_texts = provided
        return None
    from peerjournal.cli.streams import relay_answer

    return relay_answer(answer)


def _ask(vault_folder: Path, argv: list[str]) -> dict[str, Any]:
    """One command answered by the agent (for what the client needs before editing)."""
    try:
        answer = exchange(
            vault_folder, {"argv": argv, "stdin": "", "stdin_tty": False, "tty": False}
        )
    except (OSError, ConnectionError, ValueError):
        raise InvalidInput("cli.agent_gone") from None
    if answer is None:
        raise InvalidInput("cli.agent_gone")
    return answer


def _edit_here(args: argparse.Namespace, context: Context) -> str:
    """Run the editor on this side for a command the agent will carry out."""
    if args.command == "edit":
        answer = _ask(context.vault_folder, ["show", args.id, "--json"])
        if answer.get("status") != 0:
            raise _RelayedError(str(answer.get("stderr", "")), int(answer.get("status", 1)))
        initial = str(json.loads(str(answer.get("stdout", "{}"))).get("body", ""))
    else:
        template = _vault_template_here(context)
        given = " ".join(args.text) if args.text and args.text != ["-"] else ""
        initial = f"{template}\n{given}" if template and given else template or given
    return context.edit_text(initial)


def _vault_template_here(context: Context) -> str:
    if context.args.template:
        return context.read_text_file(context.args.template, "field.template")
    answer = _ask(context.vault_folder, ["template", "show"])
    return str(answer.get("stdout", "")) if answer.get("status") == 0 else ""


class _RelayedError(Exception):
    """What the agent said when the client's preparing request failed."""

    def __init__(self, stderr: str, status: int) -> None:
        super().__init__(stderr)
        self.stderr = stderr
        self.status = status


def _agent_environment() -> dict[str, str]:
    """The agent's environment: ours without any variable that may hold a secret."""
    return {k: v for k, v in os.environ.items() if k not in SECRET_ENV_NAMES}


def cmd_unlock(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal unlock [--minutes M] [--max-minutes M]``: start the agent for this vault."""
    if not supported():
        raise InvalidInput("cli.agent_unsupported")
    from peerjournal.cli import agent_socket

    folder = ctx.existing_vault_folder()
    live = connect(folder, agent_socket.CONNECT_SECONDS)
    if live is not None:
        with live:
            agent_socket.check_answering(live)  # a stopped one: say so (lock ends it)
        ctx.out("The vault is already unlocked; `peerjournal lock` ends that session.")
        return 0

    sockets = agent_socket.socket_folder()
    with agent_socket.checked_folder(sockets, create=True):
        pass  # made, or found private to us (else InvalidInput says why)
    passphrase = ctx.passphrase()
    import subprocess

    child = subprocess.Popen(
        [sys.executable, "-c", "from peerjournal.cli.agent_server import agent_main; agent_main()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
        cwd="/",
        env=_agent_environment(),
    )
    if child.stdin is None or child.stdout is None:  # cannot happen: both pipes were asked for
        raise RuntimeError("the agent process has no pipes")
    idle = min(args.minutes, args.max_minutes)
    config = {
        "folder": str(folder.resolve()),
        "socket_folder": str(sockets),
        "socket_name": agent_socket.socket_name(folder),
        "minutes": idle,
        "max_minutes": args.max_minutes,
    }
    child.stdin.write(json.dumps(dict(config, passphrase=passphrase)).encode("utf-8"))
    child.stdin.close()
    answer = child.stdout.readline().decode("utf-8", "replace").strip()
    child.stdout.close()
    if answer != "ok":
        child.wait(timeout=60)
        raise _agent_error(answer)
    ctx.mark_done()  # unlocked, whether or not the line below can be printed
    ctx.out(
        f"Unlocked for {idle:g} idle minutes, {args.max_minutes:g} at most (agent process "
        f"{child.pid}): commands skip the passphrase until then or until `peerjournal lock`. "
        "Anyone using your account can read the journal meanwhile."
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
    from peerjournal.cli import agent_socket

    sock = connect(ctx.vault_folder, agent_socket.CONNECT_SECONDS)
    if sock is None:
        ctx.out("There is no unlocked session for this vault.")
        return 0
    answered = False
    with sock:
        pid = agent_socket.peer_pid(sock)
        if pid is None or not agent_socket.stopped(pid):
            with contextlib.suppress(OSError, ConnectionError, ValueError):
                send(sock, {"op": "lock"})
                sock.settimeout(agent_socket.ANSWER_SECONDS)
                receive(sock)
                answered = True
    if answered:
        ctx.mark_done()
        ctx.out("Locked.")
        return 0
    if pid is None or not _is_agent(pid):
        raise InvalidInput("cli.agent_lock_no_answer")
    _end_process(pid)
    ctx.mark_done()
    ctx.out(f"Locked: the unlocked session was not answering, so its process {pid} was ended.")
    return 0


#: Seconds an agent that did not answer ``lock`` has to end after SIGTERM (it closes the
#: vault on the way out) before SIGKILL.
END_SECONDS = 5.0


def _end_process(pid: int) -> None:
    """End an agent that does not answer: SIGTERM (and SIGCONT, so a stopped one runs to
    handle it), then SIGKILL if it is still there. ``pid`` is the process listening on
    this user's checked socket (its user id was checked: SO_PEERCRED)."""
    import signal
    import time

    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
        os.kill(pid, signal.SIGCONT)
        deadline = time.monotonic() + END_SECONDS
        while time.monotonic() < deadline:
            if not _alive(pid):
                return
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)


def _is_agent(pid: int) -> bool:
    """Whether ``pid`` runs PeerJournal's agent (as ``unlock`` starts it), so ``lock`` never
    ends another process that happens to listen there. False where the system does not
    say (no /proc)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            command = handle.read(64 * 1024)
    except OSError:
        return False
    return b"peerjournal.cli.agent_server" in command and b"agent_main" in command


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie, ended but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read(4096).rpartition(b")")[2].split()[:1] != [b"Z"]
    except OSError:
        return True
