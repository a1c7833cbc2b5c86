"""``recover`` with a wrong recovery code says it is the recovery code that does not fit
(not "That passphrase does not unlock this vault") and what to check; text that is no
recovery code at all says what one looks like. Nothing is changed either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.cli.test_cli_journal import PASS, Cli, cli, runner, vault

__all__ = ["cli", "runner", "vault"]  # fixtures used by the tests below


@pytest.mark.parametrize(
    ("code", "words"),
    [("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", "That recovery code does not unlock this vault; "
      "nothing was changed."),
     ("hello", "That is not a recovery code: one has 25 letters and digits")],
)  # fmt: skip
def test_a_wrong_recovery_code_is_named_and_changes_nothing(
    cli: Cli, vault: Path, monkeypatch: pytest.MonkeyPatch, code: str, words: str
) -> None:
    before = (vault / "vault.json").read_bytes()
    monkeypatch.setenv("PEERJOURNAL_RECOVERY_CODE", code)
    monkeypatch.setenv("PEERJOURNAL_NEW_PASSPHRASE", "a brand new passphrase")
    status, out, err = cli.run("recover")
    assert status == 1 and out == ""
    assert err.startswith(f"peerjournal: {words}") and err.count("\n") == 1
    assert "passphrase does not unlock" not in err
    assert (vault / "vault.json").read_bytes() == before
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASS)
    assert cli.run("list")[0] == 0  # the old passphrase still opens it
