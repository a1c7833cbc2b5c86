"""``--vault`` and ``--passphrase-file`` may follow every command and sub-command (issue 9 §8)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerjournal.cli import build_parser, main, parse_command_line


def leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command that runs something: (words, its parser)."""
    subcommands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subcommands:
        yield path, parser
        return
    for action in subcommands:
        for name, child in action.choices.items():
            yield from leaves(child, (*path, name))


ALL = sorted(words for words, _ in leaves(build_parser()))


def test_there_are_many_commands_to_check() -> None:
    assert len(ALL) > 40
    assert ("peers", "invite") in ALL and ("backup", "restore") in ALL and ("mood", "add") in ALL


@pytest.mark.parametrize("words", ALL, ids=" ".join)
def test_every_command_takes_the_global_options_after_its_name(words: tuple[str, ...]) -> None:
    parser = dict(leaves(build_parser()))[words]
    options = {o for action in parser._actions for o in action.option_strings}
    assert {"--vault", "--passphrase-file"} <= options


@pytest.mark.parametrize(
    "argv",
    [
        ["peers", "list"],
        ["peers", "invite", "--relay", "http://127.0.0.1:9"],
        ["peers", "verify", "Sam"],
        ["peers", "remove", "Sam"],
        ["mood", "list"],
        ["backup", "auto"],
        ["template", "show"],
        ["list"],
        ["search", "walk"],
        ["info"],
    ],
    ids=" ".join,
)
def test_vault_after_the_command_is_the_vault_used(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "no vault here"
    args = parse_command_line([*argv, "--vault", str(folder)])
    assert args.vault == str(folder)
    before = parse_command_line(["--vault", str(folder), *argv])
    assert before.vault == str(folder)
    assert main([*argv, "--vault", str(folder)]) == 1
    assert str(folder) in capsys.readouterr().err  # "no vault in <folder>"
