"""``backup verify/restore`` refusals say what happened and what to do, name the file, and
change nothing; an empty file name is refused as empty (not as "/ already exists")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.cli.test_cli_journal import Cli, cli, runner, vault

__all__ = ["cli", "runner", "vault"]  # fixtures used by the tests below


@pytest.fixture
def backup(cli: Cli, tmp_path: Path) -> Path:
    path = tmp_path / "b.pjbackup"
    cli.add("by the river")
    status, _, err = cli.run("backup", "create", str(path))
    assert status == 0, err
    return path


def _one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("peerjournal: "), err
    assert "bug" not in err
    return err


def test_a_wrong_passphrase_says_which_passphrase_a_backup_keeps(
    cli: Cli, backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", "not the one")
    status, _, err = cli.run("backup", "restore", str(backup), "--vault", str(tmp_path / "new"))
    assert status == 1
    line = _one_line(err)
    assert "That passphrase does not open this backup; nothing was changed." in line
    assert "when the backup was made" in line and "try the earlier one" in line
    assert not (tmp_path / "new").exists()


def test_a_wrong_recovery_code_is_named_as_a_recovery_code(
    cli: Cli, backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERJOURNAL_RECOVERY_CODE", "ABCD-EFGH-IJKL-MNOP-QRST-UVWX")
    for command in ("verify", "restore"):
        argv = ["backup", command, str(backup), "--recovery-code"]
        if command == "restore":
            argv += ["--vault", str(tmp_path / "new")]
        status, _, err = cli.run(*argv)
        assert status == 1
        assert "That recovery code does not open this backup" in _one_line(err), command
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty, so it is not a backup"),
        (b"hello, I am a shopping list\n", "is not a PeerJournal backup"),
        (b"x" * 10, "is not a PeerJournal backup"),
    ],
)
def test_a_file_that_is_not_a_backup_is_named_and_the_way_out_given(
    cli: Cli, tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes(content)
    status, _, err = cli.run("backup", "restore", str(path), "--vault", str(tmp_path / "new"))
    assert status == 1
    line = _one_line(err)
    assert f"{path} {words}" in line and "nothing was changed" in line
    assert not (tmp_path / "new").exists()


def test_a_folder_given_as_the_backup_says_it_is_a_folder(cli: Cli, tmp_path: Path) -> None:
    status, _, err = cli.run("backup", "verify", str(tmp_path))
    assert status == 1
    assert f"{tmp_path} is a folder, not a backup file" in _one_line(err)


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (("backup", "create", ""), "FILE"),
        (("backup", "verify", ""), "FILE"),
        (("backup", "restore", "", "--vault", "x"), "FILE"),
        (("list", "--vault", ""), "--vault"),
        (("export", "-o", ""), "--output"),
        (("import", "--format", "jrnl", ""), "FILE"),
    ],
)
def test_an_empty_file_name_is_refused_as_empty(
    cli: Cli, argv: tuple[str, ...], option: str, tmp_path: Path
) -> None:
    status, out, err = cli.run(*argv)
    assert status == 1 and out == ""
    assert f"The name given for {option} is empty" in _one_line(err)


@pytest.mark.parametrize("name", ["/dev/null", "folder"])
def test_a_backup_into_a_folder_or_device_asks_for_a_new_file_name(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name if name == "folder" else Path(name)
    if name == "folder":
        target.mkdir()
    status, _, err = cli.run("backup", "create", str(target))
    assert status == 1
    line = _one_line(err)
    assert f"{target} is a folder, a device or a pipe" in line and "new file name" in line
