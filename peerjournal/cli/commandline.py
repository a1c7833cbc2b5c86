"""The full command line: the parser of every command group, and running a handler.

See the package docstring (:mod:`peerjournal.cli`) for the contract of a command group.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any, NoReturn, TextIO

from peerjournal.cli import (
    agent,
    backups,
    completion,
    info,
    journal,
    mood,
    peers,
    templates,
    transfer,
    vaultcmds,
)
from peerjournal.cli.context import Context, running
from peerjournal.cli.streams import OutputWriteError, output_failure
from peerjournal.errors import InvalidInput, PeerJournalError

#: The command groups, in the order ``--help`` lists them. Add new groups here.
GROUP_MODULES: tuple[ModuleType, ...] = (
    vaultcmds, agent, info, journal, templates, mood, transfer, backups, peers, completion,
)  # fmt: skip

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


class UsageError(Exception):
    """Raised by the parser instead of exiting, so ``main`` returns a status."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


#: argparse quotes the value it refuses ("invalid choice: '…'"); a value of 100 KB would
#: make a message of 100 KB. Quoted values longer than this are cut.
_QUOTED_VALUE = re.compile(r"'([^'\n]{60})[^'\n]+'")


def _shorten_values(message: str) -> str:
    return _QUOTED_VALUE.sub(lambda match: f"'{match.group(1)}…'", message)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and never calls sys.exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{_shorten_values(message)} (see: {self.prog} --help)")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise UsageError("", status)


def _global_options(parser: argparse.ArgumentParser, *, default: Any) -> None:
    parser.add_argument(
        "--vault",
        metavar="DIR",
        default=default,
        help="the vault folder (default: $PEERJOURNAL_VAULT or the platform data folder)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help="read the passphrase from the first line of FILE "
        "(else $PEERJOURNAL_PASSPHRASE, else a prompt)",
    )


class _Sink:
    """Stands in for the parser of a command this run does not use: it takes every call
    and keeps nothing, so start-up does not build some 300 options nobody will parse."""

    def __getattr__(self, _name: str) -> Any:
        return self

    def __call__(self, *_args: Any, **_kwargs: Any) -> Any:
        return self


def _share_global_options(
    subparsers: Any, common: argparse.ArgumentParser, selected: str | None = None
) -> None:
    """Every command and sub-command (``mood list``, ``backup restore``) accepts the global
    options after its name too. ``selected``: build only this top-level command fully
    (the others get a name and help line only); None builds all."""
    original_add = subparsers.add_parser

    def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if selected is not None and name != selected:
            original_add(name, help=kwargs.get("help"), add_help=False)
            return _Sink()  # type: ignore[return-value]
        kwargs.setdefault("parents", [common])
        kwargs.setdefault("description", kwargs.get("help"))
        child: argparse.ArgumentParser = original_add(name, **kwargs)
        original_nested = child.add_subparsers

        def add_subparsers(**nested: Any) -> Any:
            nested.setdefault("parser_class", _Parser)
            action = original_nested(**nested)
            _share_global_options(action, common)
            return action

        child.add_subparsers = add_subparsers  # type: ignore[method-assign,assignment,unused-ignore]
        return child

    subparsers.add_parser = add_parser


class _VersionAction(argparse.Action):
    """``--version``: looks the version up only when asked (it reads the package metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show the version and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        import peerjournal

        sys.stdout.write(f"peerjournal {peerjournal.__version__}\n")
        parser.exit()


def command_of(argv: Sequence[str]) -> str | None:
    """The command word of a command line (after any global options), if there is one."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in _GLOBAL_WITH_VALUE else 1
    return argv[i] if i < len(argv) else None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every registered command group.

    ``only``: the command this run will parse; the other commands are listed (for
    ``--help`` and "invalid choice") but not built. None builds every command in full (for
    completion scripts, the man page and tests).
    """
    parser = _Parser(
        prog="peerjournal",
        description="PeerJournal: an encrypted, offline journal and mood log. "
        "Run without a command to open the desktop app.",
    )
    parser.add_argument("--version", action=_VersionAction)
    _global_options(parser, default=None)
    # The same options are accepted after the command too (`peerjournal list --vault X`);
    # SUPPRESS keeps a sub-parser from overwriting a value given before the command.
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, default=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _share_global_options(subparsers, common, only)
    for module in GROUP_MODULES:
        module.register(subparsers)
    return parser


def launch_gui(vault: str | None = None) -> int:
    """Open the desktop app (Qt is imported only now, so the CLI starts fast)."""
    try:
        from peerjournal.ui.app import main as gui_main
    except ImportError:
        sys.stderr.write(
            "peerjournal: the desktop app is not available in this installation; "
            "see `peerjournal --help` for the commands.\n"
        )
        return EXIT_USAGE
    result = gui_main(["--vault", vault] if vault else [])
    return int(result) if isinstance(result, int) else EXIT_OK


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the final flush cannot fail."""
    from peerjournal.cli.streams import silence_stdout

    silence_stdout()


def _tolerant_streams() -> None:
    """See :func:`peerjournal.cli.streams.tolerant_streams`."""
    from peerjournal.cli.streams import tolerant_streams

    tolerant_streams()


def _argument_text(argument: str) -> str:
    """Arguments are UTF-8 whatever the locale says; bytes that are not UTF-8 stay as
    surrogate escapes (a file name may hold them) until :func:`_refuse_undecodable`."""
    try:
        argument.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(argument).decode("utf-8", "surrogateescape")
    return argument


#: Options whose values are file or folder names, which may be any bytes on POSIX.
PATH_OPTIONS = frozenset(
    {"vault", "passphrase_file", "recovery_code_file", "new_passphrase_file", "output",
     "file", "dir", "backup_file"}
)  # fmt: skip


def _undecodable(value: object) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, list | tuple):
        return any(_undecodable(item) for item in value)
    return False


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """Text given on the command line must be UTF-8, as on standard input (never U+FFFD)."""
    for name, value in vars(args).items():
        if name not in PATH_OPTIONS and _undecodable(value):
            raise InvalidInput("cli.argument_not_utf8", option=name.replace("_", "-"))


#: Path options where an empty value has a meaning: ``backup auto --dir ""`` goes back to
#: the default folder.
EMPTY_MEANS_DEFAULT = frozenset({"dir"})
#: Positional file arguments, named in messages as the help shows them.
_POSITIONAL_NAMES = {"backup_file": "FILE", "file": "FILE"}


def _option_name(name: str) -> str:
    return _POSITIONAL_NAMES.get(name, "--" + name.replace("_", "-"))


#: The longest file name (one path component, in bytes) and path that common file
#: systems take (NAME_MAX, PATH_MAX on Linux; macOS and Windows allow no more).
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 4096


def _refuse_unusable_paths(args: argparse.Namespace) -> None:
    """A file or folder name no file system can hold is refused in one line, before any
    command tries it (each would otherwise fail its own way: ENAMETOOLONG)."""
    for name, value in vars(args).items():
        if name not in PATH_OPTIONS or not isinstance(value, str):
            continue
        if not value:
            if name in EMPTY_MEANS_DEFAULT:
                continue
            # "" is no file: Path("") is the working folder, and --vault "" the default vault
            raise InvalidInput("cli.path_empty", option=_option_name(name))
        raw = os.fsencode(value)
        if len(raw) > MAX_PATH_BYTES or any(len(part) > MAX_NAME_BYTES for part in raw.split(b"/")):
            raise InvalidInput("cli.path_too_long", option=_option_name(name), limit=MAX_NAME_BYTES)


#: Commands whose positional words are free text (``search walk -river``, ``add Title. Body``):
#: a word starting with "-" that is not one of the command's options is text, not an option.
FREE_TEXT_COMMANDS = frozenset({"search", "add"})
_GLOBAL_WITH_VALUE = frozenset({"--vault", "--passphrase-file"})


def _free_text(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``argv`` with a free-text command's words moved behind ``--``, in their order."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in _GLOBAL_WITH_VALUE else 1
    if i >= len(argv) or argv[i] not in FREE_TEXT_COMMANDS:
        return argv
    choices = getattr(parser, "_subparsers", None)
    command = choices._group_actions[0].choices[argv[i]] if choices else None
    if command is None:
        return argv
    takes_value = {
        option: action.nargs != 0 for action in command._actions for option in action.option_strings
    }
    kept: list[str] = []
    words: list[str] = []
    rest = argv[i + 1 :]
    j = 0
    while j < len(rest):
        word = rest[j]
        if word == "--":
            words += rest[j + 1 :]
            break
        name = word.split("=", 1)[0]
        if word.startswith("-") and name in takes_value:
            kept.append(word)
            if "=" not in word and takes_value[name] and j + 1 < len(rest):
                kept.append(rest[j + 1])
                j += 1
        else:
            words.append(word)
        j += 1
    return [*argv[: i + 1], *kept, *(["--", *words] if words else [])]


def parse_command_line(arguments: list[str]) -> argparse.Namespace:
    """Parse a command line (UsageError on a bad one), free-text words included."""
    command = command_of(arguments)
    # Only a known command word narrows the build; anything else (an abbreviated option,
    # a typo) gets the whole parser and so argparse's usual answer.
    if command is None:
        parser = build_parser(only="")  # --help, --version, the app: names only
    else:
        parser = build_parser(only=command if command in _command_names() else None)
    return parser.parse_args(_free_text(parser, arguments))


def _command_names() -> frozenset[str]:
    names: set[str] = set()

    class _Names:
        def add_parser(self, name: str, **_kwargs: Any) -> Any:
            names.add(name)
            return _Sink()

    for module in GROUP_MODULES:
        module.register(_Names())
    return frozenset(names)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _tolerant_streams()
    arguments = [_argument_text(a) for a in (sys.argv[1:] if argv is None else argv)]
    try:
        args = parse_command_line(arguments)
    except UsageError as exc:
        if exc.message:
            sys.stderr.write(f"peerjournal: {_one_line(exc.message)}\n")
        return exc.status
    except OutputWriteError:
        raise  # the help text could not be printed: the top level says so
    except Exception as exc:  # a value's parser failed: a bug, never a traceback
        return _report_bug(exc, argparse.Namespace(command=command_of(arguments)), sys.stderr)
    try:
        _refuse_undecodable(args)
        _refuse_unusable_paths(args)
    except PeerJournalError as exc:
        sys.stderr.write(f"peerjournal: {_one_line(exc.message)}\n")
        return EXIT_ERROR
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.command is None:
            return launch_gui(args.vault)
        sys.stderr.write(f"peerjournal: {args.command} needs a sub-command (see --help)\n")
        return EXIT_USAGE
    try:
        forwarded = agent.forward_if_unlocked(args, arguments)
    except PeerJournalError as exc:
        sys.stderr.write(f"peerjournal: {_one_line(exc.message)}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("\npeerjournal: interrupted.\n")
        return EXIT_INTERRUPTED
    except OutputWriteError as exc:  # a preview the unlocked session sent: nothing done
        sys.stderr.write(f"peerjournal: {_one_line(output_failure(exc, done=False).message)}\n")
        return EXIT_ERROR
    except Exception as exc:
        return _report_bug(exc, args, sys.stderr)
    if forwarded is not None:
        return forwarded
    return execute(args, Context(args))


def _report_bug(exc: BaseException, args: argparse.Namespace, stderr: TextIO) -> int:
    """Log a bug without journal content and say so in one line."""
    from peerjournal.buglog import record_bug

    log = record_bug(exc, str(args.command))
    where = f"; details in {log}" if log else ""
    stderr.write(f"peerjournal: internal error (a bug): {type(exc).__name__}{where}\n")
    return EXIT_BUG


def execute(args: argparse.Namespace, context: Context) -> int:
    """Run a parsed command's handler; errors become one line on ``context.stderr``."""
    handler = args.handler
    try:
        with running(context):
            status = handler(args, context)
            if status == 0:
                context.after_success()
        context.stdout.flush()
        return int(status)
    except PeerJournalError as exc:
        context.stderr.write(f"peerjournal: {_one_line(exc.message)}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        context.stderr.write("\npeerjournal: interrupted; nothing more was done.\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OutputWriteError as exc:
        failure = output_failure(exc, done=context.changed)
        context.stderr.write(f"peerjournal: {_one_line(failure.message)}\n")
        return EXIT_ERROR
    except Exception as exc:
        return _report_bug(exc, args, context.stderr)
