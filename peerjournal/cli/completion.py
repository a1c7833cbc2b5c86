"""``peerjournal completion bash|zsh|fish``: tab completion generated from the parser itself.

Bash and zsh scripts come from ``shtab`` (a small, pure-Python library, imported only by
this command); fish has no shtab backend, so :func:`fish_script` writes its ``complete``
lines from the same parser. Either way the completion knows exactly the commands and
options the program accepts, and a new option needs no second place to be declared in.
Nothing here opens a vault.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peerjournal.cli.context import Context

SHELLS = ("bash", "zsh", "fish")
PROG = "peerjournal"


def register(subparsers: Any) -> None:
    """Add ``completion`` to the top-level parser."""
    completion = subparsers.add_parser(
        "completion",
        help="print a tab-completion script for bash, zsh or fish",
        epilog=(
            "bash: peerjournal completion bash > ~/.local/share/bash-completion/completions/"
            "peerjournal   zsh: peerjournal completion zsh > ~/.zfunc/_peerjournal (with "
            "~/.zfunc in fpath)   fish: peerjournal completion fish > "
            "~/.config/fish/completions/peerjournal.fish"
        ),
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    completion.set_defaults(handler=cmd_completion)


def full_parser() -> argparse.ArgumentParser:
    """The parser with every command built in full (the normal run builds only its own)."""
    from peerjournal.cli.commandline import build_parser

    return build_parser(None)


def script(shell: str, parser: argparse.ArgumentParser | None = None) -> str:
    """The completion script for ``shell``."""
    parser = parser if parser is not None else full_parser()
    if shell == "fish":
        return fish_script(parser)
    import shtab

    return str(shtab.complete(parser, shell=shell))


def cmd_completion(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal completion SHELL``."""
    text = script(args.shell)
    ctx.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, tuple[str, argparse.ArgumentParser]]:
    """``{name: (help, parser)}`` of a parser's sub-commands, in their order."""
    found: dict[str, tuple[str, argparse.ArgumentParser]] = {}
    for action in parser._actions:  # argparse keeps no public list of them
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, child in action.choices.items():
                found[name] = (helps.get(name, ""), child)
    return found


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_options(parser: argparse.ArgumentParser, condition: str) -> list[str]:
    lines = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or not action.option_strings:
            continue
        if action.help == argparse.SUPPRESS:
            continue
        parts = [f"complete -c {PROG} -n {_fish_quote(condition)}"]
        for option in action.option_strings:
            if option.startswith("--"):
                parts.append(f"-l {_fish_quote(option[2:])}")
            elif len(option) == 2:
                parts.append(f"-s {_fish_quote(option[1:])}")
            else:
                parts.append(f"-o {_fish_quote(option[1:])}")
        if action.nargs != 0:
            if action.choices:
                parts.append("-r -f -a " + _fish_quote(" ".join(str(c) for c in action.choices)))
            else:
                parts.append("-r -F")  # a value: files and folders are offered
        if action.help:
            parts.append("-d " + _fish_quote(action.help.split(". ")[0][:80]))
        lines.append(" ".join(parts))
    return lines


def fish_script(parser: argparse.ArgumentParser) -> str:
    """fish ``complete`` lines for every command, sub-command and option of ``parser``."""
    lines = [
        f"# fish completion for {PROG}, generated from its parser by `{PROG} completion fish`",
        f"complete -c {PROG} -f",
    ]
    commands = _subcommands(parser)
    names = " ".join(commands)
    top = "not __fish_seen_subcommand_from " + names
    lines += _fish_options(parser, top)
    for name, (help_text, child) in commands.items():
        lines.append(
            f"complete -c {PROG} -n {_fish_quote(top)} -a {_fish_quote(name)}"
            + (f" -d {_fish_quote(help_text[:80])}" if help_text else "")
        )
        here = f"__fish_seen_subcommand_from {name}"
        nested = _subcommands(child)
        if nested:
            inner = " ".join(nested)
            first = f"{here}; and not __fish_seen_subcommand_from {inner}"
            for sub, (sub_help, grandchild) in nested.items():
                lines.append(
                    f"complete -c {PROG} -n {_fish_quote(first)} -a {_fish_quote(sub)}"
                    + (f" -d {_fish_quote(sub_help[:80])}" if sub_help else "")
                )
                lines += _fish_options(grandchild, f"{here}; and __fish_seen_subcommand_from {sub}")
        else:
            lines += _fish_options(child, here)
            for action in child._actions:
                if not action.option_strings and action.choices and action.nargs != 0:
                    choices = " ".join(str(c) for c in action.choices)
                    lines.append(
                        f"complete -c {PROG} -n {_fish_quote(here)} -a {_fish_quote(choices)}"
                    )
    return "\n".join(lines) + "\n"
