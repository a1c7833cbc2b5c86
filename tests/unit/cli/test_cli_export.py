"""The export command at a terminal and in a script: the warning, the question, --yes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from peerjournal.cli import main
from tests.helpers.vault import PASSPHRASE, make_session


class Terminal(io.StringIO):
    """Standard input that says it is a terminal (a person can answer)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    session = make_session(tmp_path)
    session.journal.add("hello", title="One")
    session.lock()
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASSPHRASE)
    return tmp_path


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: io.StringIO,
        *argv: str) -> tuple[int, str, str]:  # fmt: skip
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", stdin)
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(("answer", "written"), [("n\n", False), ("\n", False), ("y\n", True)])
def test_at_a_terminal_it_warns_and_asks(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    answer: str, written: bool,
) -> None:  # fmt: skip
    target = vault / "out.md"
    status, out, err = run(monkeypatch, capsys, Terminal(answer), "export", "--format", "md",
                           "--single-file", "-o", str(target))  # fmt: skip
    assert "NOT encrypted" in err and "[y/N]" in err
    assert target.exists() is written and status == (0 if written else 1)
    if written:
        assert out == f"Exported 1 entry to {target} (mode 0600, not encrypted).\n"
    else:
        assert "Nothing was written." in err and not target.exists()
        assert not [n for n in os.listdir(vault) if n.startswith(".")]  # no temp file


def test_a_script_is_warned_and_yes_asks_nothing(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = vault / "first"
    status, out, err = run(monkeypatch, capsys, io.StringIO(""), "export", "--format", "md",
                           "-o", str(first))  # fmt: skip
    # no one to ask: the warning before writing, then the file (scripts keep working)
    assert status == 0 and "[y/N]" not in err and "NOT encrypted" in err
    assert [p.name.endswith("-one.md") for p in first.iterdir()] == [True]
    target = vault / "folder"
    status, out, err = run(monkeypatch, capsys, io.StringIO(""), "export", "--format", "md",
                           "--yes", "-o", str(target))  # fmt: skip
    assert status == 0 and "[y/N]" not in err and "backup create" in err
    assert out == f"Exported 1 entry to {target} (a folder, files mode 0600, not encrypted).\n"
    assert [p.name.endswith("-one.md") for p in target.iterdir()] == [True]


def test_a_script_never_replaces_a_file_without_yes(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = vault / "accounts.txt"  # someone's other file, named by a typo
    target.write_text("precious\n")
    target.chmod(0o644)
    status, out, err = run(monkeypatch, capsys, io.StringIO(""), "export", "-o", str(target))
    assert status == 1 and out == ""
    assert err == f"peerjournal: {target} already exists. Give --yes to replace it, or " \
        "choose a new name.\n"  # fmt: skip
    assert target.read_text() == "precious\n" and (target.stat().st_mode & 0o777) == 0o644
    status, out, err = run(monkeypatch, capsys, io.StringIO(""), "export", "--yes", "-o",
                           str(target))  # fmt: skip
    assert status == 0 and '"format": "peerjournal-export"' in target.read_text()


@pytest.mark.parametrize(("answer", "replaced"), [("n\n", False), ("\n", False), ("y\n", True)])
def test_at_a_terminal_replacing_a_file_is_a_question_of_its_own(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    answer: str, replaced: bool,
) -> None:  # fmt: skip
    target = vault / "old-export.json"
    target.write_text("last week's\n")
    status, _, err = run(monkeypatch, capsys, Terminal(answer), "export", "-o", str(target))
    assert f"{target} already exists. Replace it with a plaintext export? [y/N]" in err
    assert status == (0 if replaced else 1)
    assert (target.read_text() == "last week's\n") is not replaced


def test_a_link_a_device_or_a_pipe_is_not_a_place_for_an_export(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = vault / "real.txt"
    real.write_text("kept\n")
    link = vault / "link.json"
    link.symlink_to(real)
    fifo = vault / "pipe"
    os.mkfifo(fifo)
    status, out, err = run(monkeypatch, capsys, io.StringIO(""), "export", "--yes", "-o",
                           str(link))  # fmt: skip
    assert status == 1 and out == ""
    assert err == f"peerjournal: {link} is a link or not an ordinary file; choose a new name.\n"
    for target in (fifo, Path("/dev/null")):
        status, out, err = run(monkeypatch, capsys, io.StringIO(""), "export", "--yes", "-o",
                               str(target), "--format", "csv")  # fmt: skip
        assert status == 1 and out == ""
        assert err == (
            f"peerjournal: {target} is a pipe or a device; to write the export into it, leave "
            f"out --output and redirect standard output: peerjournal export --format csv > "
            f"{target}\n"
        )
    status, out, err = run(monkeypatch, capsys, io.StringIO(""), "export", "--yes", "-o",
                           str(fifo), "--format", "pdf")  # fmt: skip
    assert status == 1 and err == f"peerjournal: {fifo} is a pipe or a device, not a file; " \
        "a pdf export needs a file name.\n"  # fmt: skip
    assert real.read_text() == "kept\n" and link.is_symlink()
    assert Path("/dev/null").is_char_device()


def test_the_export_sentence_groups_its_digits_and_says_one_entry_in_the_singular() -> None:
    from peerjournal.app.export import ExportReport
    from peerjournal.cli.export import summary

    many = summary(ExportReport("json", "/tmp/out.json", 100_000, 12_345))
    assert "Exported 100,000 entries and 12,345 mood logs to /tmp/out.json" in many
    one = summary(ExportReport("pdf", "/tmp/out.pdf", 1, 1))
    assert "Exported 1 entry and 1 mood log to /tmp/out.pdf" in one
