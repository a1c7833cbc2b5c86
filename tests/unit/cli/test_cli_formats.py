"""``--format md|txt|json`` for list, show and search, and colours that respect NO_COLOR and a
non-terminal stdout."""

from __future__ import annotations

import io
import json

import pytest

from peerjournal.cli import execute, parse_command_line
from peerjournal.cli.context import Context
from tests.unit.cli.test_cli_journal import Cli, cli, runner, vault

__all__ = ["cli", "runner", "vault"]  # fixtures used by the tests below

ESC = "\x1b["


def _run_on_terminal(*argv: str) -> str:
    """Output of one command as if stdout were a terminal."""
    args = parse_command_line(list(argv))
    out = io.StringIO()
    assert execute(args, Context(args, stdout=out, stderr=io.StringIO(), tty=True)) == 0
    return out.getvalue()


def test_markdown_json_and_text_formats(cli: Cli) -> None:
    entry = cli.add("Walked by the *river*.", "--title", "Walk [1]", "--tag", "out", "--star")
    status, listed, _ = cli.run("list", "--format", "md")
    assert status == 0
    assert listed.startswith("- **Walk \\[1\\]** ★ — ") and "`#out`" in listed
    status, shown, _ = cli.run("show", entry["id"], "--format", "md")
    assert shown.startswith("# Walk [1]\n\n") and "★ · `#out`" in shown
    assert shown.rstrip().endswith("Walked by the *river*.")  # the body stays Markdown
    status, found, _ = cli.run("search", "river", "--format", "md")
    assert "**river**" in found and found.startswith("- **Walk")
    assert json.loads(cli.run("list", "--format", "json")[1]) == cli.json("list")
    status, text, _ = cli.run("list", "--format", "txt")
    assert entry["id"][:8] in text and ESC not in text
    status, _, err = cli.run("list", "--format", "html")
    assert status == 2 and "invalid choice" in err


def test_colours_only_on_a_terminal_without_no_color(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.add("by the river", "--tag", "walk", "--star")
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = _run_on_terminal("list")
    assert "\x1b[36m" in coloured and "\x1b[32m#walk" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _run_on_terminal("list")
    assert ESC not in plain
    monkeypatch.setenv("NO_COLOR", "")  # empty means unset (no-color.org)
    assert ESC in _run_on_terminal("list")
    assert ESC not in cli.run("list")[1]  # captured stdout is not a terminal
    assert ESC not in cli.run("search", "river")[1] and "[river]" in cli.run("search", "river")[1]
