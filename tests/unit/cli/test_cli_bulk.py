"""Bulk actions by filter: the matches are shown first, nothing changes without a yes, and
the change is all the matching entries or none."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from peerjournal.app.session import Session, open_vault
from peerjournal.cli import main
from tests.helpers.vault import PASSPHRASE, make_session

UTC = UTC


class Terminal(io.StringIO):
    """Standard input that says it is a terminal (a person can answer)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    session = make_session(tmp_path)
    for day in (1, 2, 3):
        session.journal.add(
            f"walk {day}", tags=["work"], created=datetime(2024, 1, day, 12, tzinfo=UTC)
        )
    session.journal.add("at home", tags=["home"], created=datetime(2024, 1, 2, 12, tzinfo=UTC))
    session.lock()
    monkeypatch.setenv("PEERJOURNAL_VAULT", str(tmp_path / "vault"))
    monkeypatch.setenv("PEERJOURNAL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("TZ", "UTC")
    return tmp_path


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: io.StringIO,
        *argv: str) -> tuple[int, str, str]:  # fmt: skip
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", stdin)
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def open_session(tmp_path: Path) -> Session:
    return open_vault(tmp_path / "vault", PASSPHRASE)


def _live(tmp_path: Path) -> dict[str, tuple[tuple[str, ...], bool]]:
    session = open_session(tmp_path)
    try:
        return {e.first_line: (e.tags, e.starred) for e in session.journal.list(limit=100)}
    finally:
        session.lock()


@pytest.mark.parametrize("answer", ["n\n", "\n"])
def test_delete_by_filter_shows_the_matches_and_a_no_changes_nothing(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], answer: str
) -> None:
    before = _live(vault)
    status, _out, err = run(monkeypatch, capsys, Terminal(answer),
                            "delete", "--tag", "work", "--until", "2024-01-02")  # fmt: skip
    assert status == 1 and "Not confirmed" in err
    assert "2 entries match:" in err and "walk 1" in err and "walk 2" in err
    assert "walk 3" not in err and "at home" not in err  # the filter, not more
    assert "[y/N]" in err
    assert _live(vault) == before


def test_delete_by_filter_after_yes_moves_exactly_the_matches_to_the_trash(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _err = run(monkeypatch, capsys, Terminal("y\n"),
                            "delete", "--tag", "work", "--until", "2024-01-02")  # fmt: skip
    assert status == 0 and "Moved 2 entries to the trash" in out
    assert set(_live(vault)) == {"walk 3", "at home"}
    session = open_session(vault)
    try:
        assert {e.first_line for e in session.journal.list(trashed=True)} == {"walk 1", "walk 2"}
    finally:
        session.lock()


def test_a_script_needs_yes_for_a_bulk_change(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _live(vault)
    status, _out, err = run(monkeypatch, capsys, io.StringIO(""),
                            "edit", "--tag", "work", "--add-tag", "outside")  # fmt: skip
    assert status == 1 and "add --yes" in err and "3 entries match" in err
    assert _live(vault) == before
    status, out, _err = run(monkeypatch, capsys, io.StringIO(""),
                            "edit", "--tag", "work", "--on", "2024-01-03", "--add-tag",
                            "outside", "--untag", "work", "--star", "--yes")  # fmt: skip
    assert status == 0 and "Changed 1 of 1" in out
    after = _live(vault)
    assert after["walk 3"] == (("outside",), True)
    assert after["walk 1"] == (("work",), False) and after["at home"] == (("home",), False)


def test_edit_with_an_id_keeps_tag_meaning_add(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session = open_session(vault)
    entry = session.journal.list(tag="home")[0]
    session.lock()
    status, _out, err = run(monkeypatch, capsys, io.StringIO(""),
                            "edit", entry.id[:8], "--tag", "calm", "--add-tag", "tea")  # fmt: skip
    assert status == 0, err
    assert _live(vault)["at home"] == (("home", "calm", "tea"), False)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["delete"], "Give an entry ID, or a filter"),
        (["edit", "--add-tag", "x"], "Give an entry ID, or a filter"),
        (["delete", "--purge", "--tag", "work", "--yes"], "one entry at a time"),
        (["edit", "--tag", "work", "--title", "x", "--yes"], "tags and stars only"),
        (["edit", "--tag", "work", "--yes"], "Nothing to change"),
        (["delete", "--tag", "work", "--tag", "home", "--yes"], "one tag at a time"),
        (["delete", "abcd", "--since", "2024-01-01"], "not both"),
    ],
)
def test_unclear_bulk_requests_are_refused_and_change_nothing(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    argv: list[str], message: str,
) -> None:  # fmt: skip
    before = _live(vault)
    status, _out, err = run(monkeypatch, capsys, io.StringIO(""), *argv)
    assert status == 1 and message in err and err.count("\n") == 1
    assert _live(vault) == before


def test_no_match_is_said_and_changes_nothing(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _err = run(monkeypatch, capsys, io.StringIO(""),
                            "delete", "--tag", "nope", "--yes")  # fmt: skip
    assert status == 0 and out == "No entries match; nothing was changed.\n"


@pytest.mark.parametrize(
    ("argv", "count"), [(("--tag", "home"), 1), (("--tag", "work", "--until", "2024-01-02"), 2)]
)
def test_a_refusal_and_a_bulk_delete_read_right_for_one_entry_as_for_two(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...], count: int,
) -> None:  # fmt: skip
    status, _out, err = run(monkeypatch, capsys, io.StringIO(""), "delete", *argv)
    assert status == 1 and f"Entries that match: {count}. " in err and "add --yes" in err
    assert "1 entries" not in err
    status, out, _err = run(monkeypatch, capsys, io.StringIO(""), "delete", *argv, "--yes")
    noun = "entry" if count == 1 else "entries"
    assert status == 0 and out.startswith(f"Moved {count} {noun} to the trash")
