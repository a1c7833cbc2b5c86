"""The short way to the unlock agent: pass the command line as it is, build no parser.

Most of an agent-served command was start-up: importing the command groups and building
their parsers took longer than the agent's answer. Here the client loads only the socket
code: when the command word is one the agent serves and a checked agent socket exists
for the vault, the raw arguments go to the agent, which parses them itself. The agent may
answer ``{"need": "stdin"}`` (the command reads standard input: it is read here and the
request sent again) or ``{"need": "local"}`` (it must ask at the terminal, open the
editor or read a file: the ordinary path runs it, see :mod:`peerjournal.cli.agent`).
Anything unusual (``--help``, no agent, no Unix sockets) returns None: the ordinary path.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Command words the agent serves (as peerjournal.cli.agent.FORWARDED).
SERVED = frozenset(
    {"add", "list", "show", "edit", "delete", "restore", "search", "tags", "mood", "template"}
)
_GLOBAL_WITH_VALUE = frozenset({"--vault", "--passphrase-file"})
_LOCAL_ONLY = frozenset({"-h", "--help", "--version", "-e", "--edit", "--template"})


def _text(argument: str) -> str:
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(argument).decode("utf-8", "surrogateescape")
    return argument


def command_word(argv: Sequence[str]) -> str | None:
    """The command word after any global options."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in _GLOBAL_WITH_VALUE else 1
    return argv[i] if i < len(argv) else None


def vault_folder(argv: Sequence[str]) -> Path | None:
    """The vault as the parser would resolve it: the last ``--vault`` (before ``--``),
    else $PEERJOURNAL_VAULT, else the platform default. None when unclear."""
    chosen: str | None = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--vault":
            if i + 1 >= len(argv):
                return None
            chosen = argv[i + 1]
        elif word.startswith("--vault="):
            chosen = word.split("=", 1)[1]
        elif word.startswith("--va") and "--vault".startswith(word.split("=", 1)[0]):
            return None  # an abbreviation: let argparse decide
    if chosen:
        return Path(chosen).expanduser()
    env = os.environ.get("PEERJOURNAL_VAULT")
    if env:
        return Path(env).expanduser()
    from peerjournal.paths import default_vault_folder

    return default_vault_folder()


def _stdin_text() -> str | int:
    data = sys.stdin.buffer.read() if sys.stdin is not None else b""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from peerjournal.errors import InvalidInput

        sys.stderr.write(f"peerjournal: {InvalidInput('cli.stdin_not_utf8', position=exc.start)}\n")
        return 1


#: Commands that may change many entries by a filter, and so take longer in the agent.
_MAY_BE_BULK = frozenset({"edit", "delete", "restore"})


def _exchange(folder: Path, request: dict[str, Any]) -> dict[str, Any] | None:
    """One bounded exchange (agent_socket.exchange): a stopped or silent agent is said so."""
    from peerjournal.cli import agent_socket

    bulk = command_word(request["argv"]) in _MAY_BE_BULK
    seconds = agent_socket.BULK_ANSWER_SECONDS if bulk else agent_socket.ANSWER_SECONDS
    return agent_socket.exchange(folder, request, answer_seconds=seconds)


def forward(argv: Sequence[str] | None) -> int | None:
    """The exit status of the command served by the agent, or None to run it the ordinary
    way (nothing has been read from stdin or written then)."""
    arguments = [_text(a) for a in (sys.argv[1:] if argv is None else argv)]
    try:
        "".join(arguments).encode("utf-8")
    except UnicodeEncodeError:
        return None  # bytes that are not UTF-8: the ordinary path explains
    if command_word(arguments) not in SERVED or _LOCAL_ONLY.intersection(arguments):
        return None
    from peerjournal.cli import agent_socket

    if not agent_socket.supported():
        return None
    folder = vault_folder(arguments)
    if folder is None:
        return None
    stdout_tty = bool(getattr(sys.stdout, "isatty", None) and sys.stdout.isatty())
    request: dict[str, Any] = {
        "argv": arguments,
        "fast": True,
        "stdin_tty": bool(sys.stdin is not None and sys.stdin.isatty()),
        "tty": stdout_tty,
        "color": stdout_tty and not os.environ.get("NO_COLOR"),
    }
    from peerjournal.errors import PeerJournalError

    try:
        answer = _exchange(folder, request)
        if answer is not None and answer.get("need") == "stdin":
            text = _stdin_text()
            if isinstance(text, int):
                return text
            answer = _exchange(folder, dict(request, stdin=text, stdin_given=True))
            if answer is None:  # the session ended between the two requests
                sys.stderr.write("peerjournal: the unlocked session ended; nothing was saved.\n")
                return 1
    except PeerJournalError as exc:  # the socket is not this user's: nothing was sent
        sys.stderr.write(f"peerjournal: {' '.join(exc.message.split())}\n")
        return 1
    except (OSError, ConnectionError, ValueError):
        sys.stderr.write(
            "peerjournal: the unlocked session did not answer; run `peerjournal lock`.\n"
        )
        return 1
    if answer is None or answer.get("need") == "local":
        return None
    from peerjournal.cli.streams import relay_answer

    return relay_answer(answer)
