"""Interactive use: passphrases typed at a terminal (getpass is the terminal boundary)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from peerjournal.app.session import vault_exists
from peerjournal.cli import main


class TerminalInput(io.StringIO):
    """Standard input that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Terminal:
    """Answers getpass prompts from a queue and records the prompts asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.monkeypatch = monkeypatch
        self.capsys = capsys
        self.answers: list[str] = []
        self.prompts: list[str] = []
        monkeypatch.setattr("getpass.getpass", self._getpass)

    def _getpass(self, prompt: str = "Password: ") -> str:
        self.prompts.append(prompt)
        if not self.answers:
            raise AssertionError(f"unexpected prompt {prompt!r}")
        return self.answers.pop(0)

    def run(self, *argv: str, answers: tuple[str, ...] = ()) -> tuple[int, str, str]:
        """Run with the given typed answers; all of them must be used."""
        self.answers = list(answers)
        self.prompts = []
        self.capsys.readouterr()
        self.monkeypatch.setattr("sys.stdin", TerminalInput(""))
        status = main(list(argv))
        out, err = self.capsys.readouterr()
        assert self.answers == [], f"prompts not asked: {self.answers}"
        return status, out, err


@pytest.fixture
def terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Terminal:
    """A terminal session with PEERJOURNAL_VAULT in tmp_path and no passphrase in env."""
    monkeypatch.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "vault"))
    return Terminal(monkeypatch, capsys)


def test_init_asks_twice_and_refuses_a_mismatch(terminal: Terminal, tmp_path: Path) -> None:
    status, _, err = terminal.run("init", answers=("one passphrase", "another"))
    assert status == 1 and "differ" in err
    assert not vault_exists(tmp_path / "vault")
    status, _, err = terminal.run("init", answers=("",))
    assert status == 1 and "must not be empty" in err
    status, out, _ = terminal.run("init", answers=("typed twice", "typed twice"))
    assert status == 0 and "WRITE IT DOWN" in out
    assert terminal.prompts == ["New passphrase: ", "Repeat the new passphrase: "]
    status, out, _ = terminal.run("add", "hello", answers=("typed twice",))
    assert status == 0 and terminal.prompts == ["Passphrase: "]


def test_passwd_asks_old_then_new_twice(terminal: Terminal) -> None:
    assert terminal.run("init", answers=("old words", "old words"))[0] == 0
    status, _, err = terminal.run("passwd", answers=("wrong",))
    assert status == 1 and "does not unlock" in err
    status, out, _ = terminal.run("passwd", answers=("old words", "new words", "new words"))
    assert status == 0 and "Passphrase changed" in out
    assert terminal.prompts == [
        "Current passphrase: ",
        "New passphrase: ",
        "Repeat the new passphrase: ",
    ]
    assert terminal.run("list", answers=("old words",))[0] == 1
    assert terminal.run("list", answers=("new words",))[0] == 0


def test_add_without_text_at_a_terminal_explains(terminal: Terminal) -> None:
    assert terminal.run("init", answers=("pw pw pw", "pw pw pw"))[0] == 0
    status, _, err = terminal.run("add")
    assert status == 1 and 'or "-" to read standard input' in err
    assert terminal.prompts == []
