"""The command line in process: mood commands, passphrases, recovery and error handling."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path
from typing import Any

import pytest

from peerjournal.buglog import LOG_NAME, log_folder
from peerjournal.cli import journal as journal_commands
from peerjournal.cli import main

PASS = "correct horse battery"
MOOD_KEYS = ["id", "at", "level", "label", "emotions", "activities", "note"]


class Cli:
    """Runs the command line in process and captures what it prints."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.recovery_code = ""

    def run(self, *argv: str, stdin: str = "") -> tuple[int, str, str]:
        """(status, stdout, stderr) of one run."""
        self.capsys.readouterr()
        self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        status = main(list(argv))
        out, err = self.capsys.readouterr()
        return status, out, err

    def json(self, *argv: str) -> Any:
        """The parsed --json output of a successful run."""
        status, out, err = self.run(*argv, "--json")
        assert status == 0, err
        return json.loads(out)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A runner over a fresh vault in tmp_path/vault; keeps the recovery code it showed."""
    monkeypatch.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASS)
    runner = Cli(capsys, monkeypatch)
    status, out, err = runner.run("init")
    assert status == 0, err
    codes = [line.strip() for line in out.splitlines() if line.startswith("    ")]
    assert len(codes) == 1
    runner.recovery_code = codes[0]
    return runner


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_mood_add_list_round_trip(cli: Cli) -> None:
    options = ["--emotion", "anxious", "--emotion", "tired", "--activity", "study"]
    log = cli.json(
        "mood", "add", "2", *options, "--note", "exam tomorrow", "--at", "2024-05-31T21:00"
    )
    assert list(log) == MOOD_KEYS
    assert log["level"] == 2 and log["label"] == "Bad"
    assert log["emotions"] == ["anxious", "tired"] and log["activities"] == ["study"]
    assert log["at"].startswith("2024-05-31T21:00")
    cli.json("mood", "add", "5", "--at", "2024-06-02T09:00")
    listed = cli.json("mood", "list")
    assert [item["level"] for item in listed] == [5, 2]
    assert listed[1] == log
    assert [i["level"] for i in cli.json("mood", "list", "--until", "2024-06-01")] == [2]
    assert [i["level"] for i in cli.json("mood", "list", "--since", "2024-06-01")] == [5]
    status, out, _ = cli.run("mood", "list")
    assert status == 0 and "feeling anxious, tired" in out and "exam tomorrow" in out


def test_mood_stats_json_and_sentences(cli: Cli) -> None:
    days = ["2024-05-06", "2024-05-07", "2024-05-08", "2024-05-09", "2024-05-10", "2024-05-11"]
    for index, day in enumerate(days):
        extra = ["--activity", "walk"] if index % 2 == 0 else []
        level = "4" if index % 2 == 0 else "2"
        assert cli.run("mood", "add", level, *extra, "--at", f"{day}T12:00")[0] == 0
    stats = cli.json("mood", "stats")
    assert list(stats) == [
        "count", "days", "mean", "daily", "weekdays", "activities", "emotions", "sentences",
    ]  # fmt: skip
    assert stats["count"] == 6 and stats["days"] == 6 and stats["mean"] == pytest.approx(3.0)
    assert [w["name"] for w in stats["weekdays"]] == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    assert stats["weekdays"][0] == {"weekday": 0, "name": "Mon", "mean": 4.0, "count": 1}
    walk = next(a for a in stats["activities"] if a["name"] == "walk")
    assert (walk["mean_with"], walk["days_with"], walk["mean_without"], walk["days_without"]) == (
        4.0, 3, 2.0, 3,
    )  # fmt: skip
    assert stats["daily"][0]["day"] == "2024-05-06"
    assert any("walk" in sentence for sentence in stats["sentences"])
    status, out, _ = cli.run("mood", "stats")
    assert status == 0 and "6 mood logs on 6 days" in out
    assert "  walk  4.00 (3 days)  2.00 (3 days)" in out
    empty = cli.json("mood", "stats", "--since", "2030-01-01")
    assert empty["count"] == 0 and empty["mean"] is None


def test_wrong_passphrase_changes_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.run("add", "secret text")[0] == 0
    before = snapshot(tmp_path / "vault")
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", "not it")
    for argv in (["list"], ["add", "more"], ["passwd"], ["export"]):
        status, out, err = cli.run(*argv)
        assert status == 1 and out == ""
        assert err == "peerjournal: That passphrase does not unlock this vault.\n"
    assert snapshot(tmp_path / "vault") == before


def test_missing_vault_and_missing_passphrase(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    status, _, err = cli.run("--vault", str(tmp_path / "nowhere"), "list")
    assert status == 1 and "There is no PeerJournal vault in" in err and "peerjournal init" in err
    assert not (tmp_path / "nowhere").exists()
    monkeypatch.delenv("PEERJOURNAL_PASSPHRASE")
    status, _, err = cli.run("list")
    assert status == 1
    assert "no terminal to ask" in err and "--passphrase-file" in err and err.count("\n") == 1


def test_passphrase_file_option_before_or_after_the_command(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PEERJOURNAL_PASSPHRASE")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    secret.chmod(0o644)
    status, _, err = cli.run("--passphrase-file", str(secret), "add", "via file")
    assert status == 0 and "can be read by other users" in err
    secret.chmod(0o600)
    status, out, err = cli.run("list", "--passphrase-file", str(secret))
    assert status == 0 and "via file" in out and err == ""
    status, _, err = cli.run("list", "--passphrase-file", str(tmp_path / "missing"))
    assert status == 1 and "does not exist" in err


def test_passwd_then_old_fails_and_new_works(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.run("add", "kept through passwd")[0] == 0
    monkeypatch.setenv("PEERJOURNAL_NEW_PASSPHRASE", "a brand new passphrase")
    status, out, _ = cli.run("passwd")
    assert status == 0 and "Passphrase changed" in out
    monkeypatch.delenv("PEERJOURNAL_NEW_PASSPHRASE")
    assert cli.run("list")[0] == 1
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", "a brand new passphrase")
    status, out, _ = cli.run("list")
    assert status == 0 and "kept through passwd" in out


def test_recover_with_the_code(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli.run("add", "kept through recovery")[0] == 0
    code_file = tmp_path / "code.txt"
    code_file.write_text(cli.recovery_code + "\n")
    monkeypatch.delenv("PEERJOURNAL_PASSPHRASE")
    monkeypatch.setenv("PEERJOURNAL_NEW_PASSPHRASE", "after recovery")
    status, _, err = cli.run("recover", "--recovery-code-file", str(tmp_path / "nope"))
    assert status == 1 and "does not exist" in err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE\n")
    before = snapshot(tmp_path / "vault")
    assert cli.run("recover", "--recovery-code-file", str(wrong))[0] == 1
    assert snapshot(tmp_path / "vault") == before
    status, out, _ = cli.run("recover", "--recovery-code-file", str(code_file))
    assert status == 0 and "(1 entry)" in out
    monkeypatch.delenv("PEERJOURNAL_NEW_PASSPHRASE")
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASS)
    assert cli.run("list")[0] == 1
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", "after recovery")
    status, out, _ = cli.run("list")
    assert status == 0 and "kept through recovery" in out


def test_a_bug_is_logged_without_content_and_reported_in_one_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    canary = "CANARY-3b1f-journal-text"

    def broken(args: Any, ctx: Any) -> int:
        ctx.session()
        raise ValueError(f"a message quoting user text: {canary}")

    monkeypatch.setattr(journal_commands, "cmd_show", broken)
    monkeypatch.setattr(journal_commands, "cmd_list", broken)
    status, out, err = cli.run("list")
    assert status == 3 and out == ""
    assert err.startswith("peerjournal: internal error (a bug): ValueError; details in ")
    assert err.count("\n") == 1 and canary not in err and "Traceback" not in err
    log = log_folder() / LOG_NAME
    text = log.read_text()
    assert "builtins.ValueError" in text and "in broken" in text and canary not in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_damaged_and_busy_vaults_give_one_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.app.session import open_vault

    session = open_vault(tmp_path / "vault", PASS)
    try:
        status, out, err = cli.run("list")
        assert status == 1 and out == "" and err.count("\n") == 1
        assert "open in another PeerJournal" in err
    finally:
        session.lock()
    assert cli.run("list")[0] == 0
    header = next(p for p in (tmp_path / "vault").iterdir() if p.suffix == ".json")
    header.write_bytes(b'{"not": "a header"')
    status, out, err = cli.run("list")
    assert status == 1 and out == "" and err.count("\n") == 1
    assert "damaged" in err and "Traceback" not in err


def test_vault_folder_precedence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PEERJOURNAL_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASS)
    monkeypatch.delenv("PEERJOURNAL_VAULT", raising=False)
    runner = Cli(capsys, monkeypatch)
    status, out, _ = runner.run("init")
    default = tmp_path / "home" / ".local" / "share" / "PeerJournal" / "vault"
    assert status == 0 and f"vault in {default}." in out
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "from-env"))
    status, out, _ = runner.run("init")
    assert status == 0 and str(tmp_path / "from-env") in out
    status, out, _ = runner.run("--vault", str(tmp_path / "from-flag"), "init")
    assert status == 0 and str(tmp_path / "from-flag") in out
    assert runner.run("add", "goes to the env vault")[0] == 0
    assert runner.run("list", "--vault", str(tmp_path / "from-flag"), "--json")[1] == "[]\n"
