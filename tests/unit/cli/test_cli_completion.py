"""Tab completion generated from the parser: real bash completes commands and options; the
zsh and fish scripts name every command and option the parser has."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys

import pytest

from peerjournal.cli import completion
from tests.helpers.cli import SCRIPT, env_for


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    return list(completion._subcommands(parser))


def _bash_complete(script: str, words: list[str]) -> list[str]:
    """Run the generated completion function in a real bash for the words typed so far."""
    line = " ".join(words)
    program = (
        f"{script}\n"
        f"COMP_WORDS=({' '.join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}; "
        f"COMP_LINE={line!r}; COMP_POINT={len(line)}; _shtab_peerjournal; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    return done.stdout.split()


def test_bash_completes_commands_sub_commands_and_options() -> None:
    if shutil.which("bash") is None:
        pytest.fail("bash is part of the machine")
    script = completion.script("bash")
    assert _bash_complete(script, ["peerjournal", "sea"]) == ["search"]
    assert set(_bash_complete(script, ["peerjournal", "mood", ""])) >= {"add", "list", "edit"}
    assert "--limit" in _bash_complete(script, ["peerjournal", "search", "--li"])
    # a command added to the parser is completed with no second declaration
    assert set(_bash_complete(script, ["peerjournal", ""])) >= set(
        _commands(completion.full_parser())
    )


def test_zsh_and_fish_scripts_cover_every_command_and_option() -> None:
    parser = completion.full_parser()
    zsh = completion.script("zsh", parser)
    fish = completion.script("fish", parser)
    assert zsh.startswith("#compdef peerjournal")
    for name, (_help, child) in completion._subcommands(parser).items():
        assert f"-a '{name}'" in fish, name
        assert name in zsh, name
        for action in child._actions:
            if action.help == argparse.SUPPRESS:
                continue  # internal options are not offered
            for option in action.option_strings:
                if option.startswith("--"):
                    assert f"-l '{option[2:]}'" in fish, (name, option)
    # fish reads \' and \\ as the only escapes inside single quotes
    assert completion._fish_quote("file's \\ text") == "'file\\'s \\\\ text'"


def test_the_command_prints_the_script_without_a_vault(tmp_path: object) -> None:
    env = env_for(tmp_path)  # type: ignore[arg-type]
    env["PEERJOURNAL_VAULT"] = str(tmp_path) + "/no-vault-here"
    for shell in completion.SHELLS:
        done = subprocess.run(
            [str(SCRIPT), "completion", shell],
            capture_output=True, text=True, env=env, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "peerjournal" in done.stdout and done.stdout.endswith("\n")
    refused = subprocess.run(
        [str(SCRIPT), "completion", "tcsh"],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert refused.returncode == 2 and "invalid choice" in refused.stderr


def test_completion_imports_nothing_of_the_vault_or_qt() -> None:
    code = (
        "import sys, io\n"
        "from peerjournal.cli import completion\n"
        "completion.script('fish')\n"
        "heavy = [m for m in ('PySide6', 'nacl.pwhash', 'sqlcipher3') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
