"""Huge values on the command line get a short one-line refusal that names the option as
``--help`` does, never a message as long as the value."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.unit.cli.test_cli_journal import Cli, cli, runner, vault

__all__ = ["cli", "runner", "vault"]  # fixtures used by the tests below

HUGE = "x" * 120_000  # about the most one argument can be on Linux (128 KiB)


@pytest.mark.parametrize(
    "argv",
    [("share", "abcd", "--peer", "p", "--text", HUGE), ("completion", HUGE),
     ("list", "--format", HUGE), ("export", "--format", HUGE)],
    ids=["share --text", "completion", "list --format", "export --format"],
)  # fmt: skip
def test_a_huge_invalid_choice_is_refused_in_a_short_line(cli: Cli, argv: tuple[str, ...]) -> None:
    status, out, err = cli.run(*argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and len(err) < 400, err[:200]
    assert "invalid choice: 'xxxx" in err and "…'" in err


@pytest.mark.parametrize(
    ("argv", "option"),
    [(("--vault", HUGE, "list"), "--vault"), (("backup", "create", HUGE), "FILE"),
     (("template", "set", HUGE), "FILE"), (("export", "-o", HUGE), "--output")],
)  # fmt: skip
def test_a_name_too_long_for_any_file_system_names_its_option(
    cli: Cli, argv: tuple[str, ...], option: str
) -> None:
    status, out, err = cli.run(*argv)
    assert status == 1 and out == ""
    assert f"The name given for {option} is too long for any file system" in err
    assert len(err) < 400


@pytest.mark.parametrize("kind", ["jrnl", "json", "dayone", "daylio", "markdown"])
@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_importing_a_device_or_a_pipe_is_refused_at_once(
    cli: Cli, tmp_path: Path, kind: str, source: str
) -> None:
    # is_zipfile read /dev/zero for ever (and a FIFO nobody writes blocked) for Day One
    path = Path(source)
    if source == "fifo":
        path = tmp_path / "fifo"
        os.mkfifo(path)
    status, out, err = cli.run("import", "--format", kind, str(path))
    assert status == 1 and out == ""
    assert err == f"peerjournal: {path} is not a file. Nothing was imported.\n"
