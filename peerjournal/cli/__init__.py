"""The ``peerjournal`` command line: a scriptable front end over :mod:`peerjournal.app`.

``peerjournal`` with no command opens the desktop app; with a command it works on the
vault and exits: 0 on success, 1 for a problem the user can act on (the message of a
:class:`~peerjournal.errors.PeerJournalError`, one line on stderr), 2 for a usage error,
3 for a bug (logged without any journal content), 130 when interrupted.

Command groups
--------------
Each command group is a module in this package with one public function::

    def register(subparsers) -> None:
        parser = subparsers.add_parser("name", help="...")
        parser.add_argument(...)
        parser.set_defaults(handler=cmd_name)

    def cmd_name(args: argparse.Namespace, ctx: Context) -> int: ...

``subparsers`` is the top-level ``argparse`` sub-parser action; a group may add several
commands or one command with its own sub-commands (see :mod:`peerjournal.cli.mood`).
A handler gets the parsed arguments and a :class:`~peerjournal.cli.context.Context`
(``ctx.session()`` opens the vault, asking for the passphrase as needed; ``ctx.out`` and
``ctx.warn`` print; the vault is locked when the handler returns) and returns the exit
status. It raises ``PeerJournalError`` subclasses for user-facing problems and never prints
tracebacks. Heavy imports (the vault, Qt) go inside handlers so start-up stays fast.

To add a group, add its module to ``GROUP_MODULES`` in :mod:`peerjournal.cli.commandline` —
that is the only change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["main"]
#: Submodule names, which the import system looks up as attributes first.
_SUBMODULES = frozenset(
    {"agent", "agent_server", "agent_socket", "backups", "commandline", "context", "dates",
     "editor", "fastpath", "info", "journal", "mood", "output", "parsing", "peers",
     "streams", "templates", "transfer", "vaultcmds"}
)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    A command the unlock agent can answer goes there first with nothing but the socket
    code loaded (:mod:`peerjournal.cli.fastpath`); everything else, and anything the agent
    sends back to be done here, runs through :func:`peerjournal.cli.commandline.main`.
    """
    import sys

    if argv is None and sys.argv[1:] == ["__import-reader__"]:
        # a second process reading a large import file for this program (the packaged
        # app's executable is the only one it has); see peerjournal.importers.ahead
        from peerjournal.importers.ahead import serve

        return serve()

    from peerjournal.cli import streams

    # Every write to standard output goes through one guard: a full disk or a closed
    # stream is a one-line error whatever the command (see peerjournal.cli.streams).
    streams.tolerant_streams()
    guard, original = streams.guard_stdout()
    original_stderr = streams.quiet_stderr()
    try:
        from peerjournal.cli.fastpath import forward

        status = forward(argv)
        if status is None:
            from peerjournal.cli.commandline import main as full

            status = full(argv)
        guard.flush()  # what is still held (the help text) fails here, not at exit
        return status
    except streams.OutputWriteError as exc:
        # the help text or the version: nothing was done
        sys.stderr.write(f"peerjournal: {streams.output_failure(exc, done=False).message}\n")
        return 1
    except BrokenPipeError:
        streams.silence_stdout()
        return 141
    except KeyboardInterrupt:
        # Ctrl-C while the command line was still loading, or waiting for the agent: the
        # handlers below were not in place yet, and no traceback is ever shown.
        sys.stderr.write("\npeerjournal: interrupted.\n")
        return 130
    finally:
        if original is not guard:
            sys.stdout = original
        sys.stderr = original_stderr


def __getattr__(name: str) -> Any:
    """``build_parser``, ``GROUP_MODULES``, ``execute``… live in :mod:`.commandline`
    (loaded on first use, so a command the agent answers never builds a parser)."""
    import importlib

    if name.startswith("__") or name in _SUBMODULES:
        raise AttributeError(name)
    commandline = importlib.import_module("peerjournal.cli.commandline")
    try:
        return getattr(commandline, name)
    except AttributeError:
        raise AttributeError(f"module 'peerjournal.cli' has no attribute {name!r}") from None
