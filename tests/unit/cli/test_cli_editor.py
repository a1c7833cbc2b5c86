"""``add -e`` / ``edit ID -e``: a real editor process on a file that never reaches a disk.

The editor is a shell script set as ``$EDITOR``: it records where its file was and with
which modes, then changes the text (or fails, or is interrupted) as the test asks.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerjournal.cli import editor
from peerjournal.errors import InvalidInput
from tests.helpers.cli import SCRIPT, env_for, pj
from tests.unit.cli.test_cli_journal import Cli, cli, runner, vault

__all__ = ["cli", "runner", "vault"]  # fixtures used by the tests below

FAKE_EDITOR = r"""#!/bin/sh
for last; do :; done
f="$last"
printf '%s %s %s\n' "$(stat -c %a "$f")" "$(stat -c %a "$(dirname "$f")")" "$f" >> "$EDIT_LOG"
case "$FAKE_EDIT" in
  write) printf '%s' "$FAKE_TEXT" > "$f" ;;
  sed) sed -i "$FAKE_SED" "$f" ;;
  swap) printf 'swap' > "$f.swp"; printf '%s' "$FAKE_TEXT" > "$f" ;;
  fail) exit 3 ;;
  interrupt) kill -INT $$ ;;
  hang) printf "%s\n" "$$" > "$EDIT_LOG.pid"; exec sleep 60 ;;
esac
"""


@pytest.fixture
def fake_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """$EDITOR is the script above; returns its log. TMPDIR is a disk folder to watch."""
    script = tmp_path / "fake-editor"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    script.chmod(0o700)
    log = tmp_path / "edit.log"
    disk_tmp = tmp_path / "disk-tmp"
    disk_tmp.mkdir()
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDIT_LOG", str(log))
    monkeypatch.setenv("TMPDIR", str(disk_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(disk_tmp))
    yield log
    assert list(disk_tmp.iterdir()) == [], "something reached the disk temp folder"


def _edited(log: Path) -> list[tuple[str, str, Path]]:
    rows = []
    for line in log.read_text(encoding="utf-8").splitlines():
        file_mode, folder_mode, path = line.split(" ", 2)
        rows.append((file_mode, folder_mode, Path(path)))
    return rows


def _assert_private_and_gone(log: Path) -> Path:
    [(file_mode, folder_mode, path)] = _edited(log)
    assert (file_mode, folder_mode) == ("600", "700")
    assert editor.in_memory(path.parent), f"{path} is not on an in-memory file system"
    assert not path.parent.exists(), "the editing folder was left behind"
    return path


def test_add_e_saves_what_the_editor_wrote_and_leaves_no_file(
    cli: Cli, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_EDIT", "swap")
    monkeypatch.setenv("FAKE_TEXT", "Written in my editor 中文 🙂\n")
    entry = cli.add_edited()
    assert entry["body"] == "Written in my editor 中文 🙂\n"
    _assert_private_and_gone(fake_editor)


def test_edit_e_opens_the_current_body_and_saves_the_change(
    cli: Cli, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    eid = cli.add("It was Tusday by the river.", "--title", "")["id"]
    monkeypatch.setenv("FAKE_EDIT", "sed")
    monkeypatch.setenv("FAKE_SED", "s/Tusday/Tuesday/")
    status, out, err = cli.run("edit", eid, "-e")
    assert status == 0, err
    assert "Changed entry" in out
    assert cli.json("show", eid)["body"] == "It was Tuesday by the river."
    _assert_private_and_gone(fake_editor)


def test_edit_e_without_a_change_changes_nothing(
    cli: Cli, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cli.add("Unchanged.", "--title", "")
    monkeypatch.setenv("FAKE_EDIT", "none")
    status, out, _ = cli.run("edit", before["id"], "-e")
    assert status == 0 and "left as it was" in out
    assert cli.json("show", before["id"])["updated"] == before["updated"]


def test_a_failing_editor_saves_nothing_and_removes_its_folder(
    cli: Cli, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_EDIT", "fail")
    status, _, err = cli.run("add", "-e")
    assert status == 1 and "ended with status 3" in err and err.count("\n") == 1
    assert cli.json("list") == []
    _assert_private_and_gone(fake_editor)


def test_an_interrupted_editor_saves_nothing_and_removes_its_folder(
    cli: Cli, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_EDIT", "interrupt")
    status, _, err = cli.run("add", "-e")
    assert status == 130 and "interrupted" in err
    assert cli.json("list") == []
    _assert_private_and_gone(fake_editor)


def test_an_empty_edit_is_refused_and_nothing_saved(
    cli: Cli, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_EDIT", "write")
    monkeypatch.setenv("FAKE_TEXT", "  \n")
    status, _, err = cli.run("add", "-e")
    assert status == 1 and "empty" in err
    eid = cli.add("keep me", "--title", "")["id"]
    status, _, err = cli.run("edit", eid, "-e")
    assert status == 1 and "--clear-body" in err
    assert cli.json("show", eid)["body"] == "keep me"


def test_without_an_in_memory_folder_a_disk_temp_is_refused_unless_allowed(
    cli: Cli, fake_editor: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(editor, "memory_folders", lambda environ=None: [])
    monkeypatch.setenv("FAKE_EDIT", "write")
    monkeypatch.setenv("FAKE_TEXT", "on disk by consent")
    status, _, err = cli.run("add", "-e")
    assert status == 1
    assert "--allow-disk-temp" in err and "unencrypted" in err and "disk-tmp" in err
    assert not fake_editor.exists(), "the editor was started anyway"
    entry = cli.add_edited("--allow-disk-temp")
    assert entry["body"] == "on disk by consent"
    [(file_mode, folder_mode, path)] = _edited(fake_editor)
    assert (file_mode, folder_mode) == ("600", "700")
    assert path.parent.parent == tmp_path / "disk-tmp" and not path.parent.exists()


def test_a_private_tmpfs_runtime_folder_is_preferred(
    cli: Cli, fake_editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = Path(tempfile.mkdtemp(dir="/dev/shm"))  # 0700, ours, on tmpfs
    try:
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        assert editor.memory_folders()[0] == runtime
        monkeypatch.setenv("FAKE_EDIT", "write")
        monkeypatch.setenv("FAKE_TEXT", "x")
        cli.add_edited()
        path = _assert_private_and_gone(fake_editor)
        assert path.parent.parent == runtime
    finally:
        runtime.rmdir()


def test_a_runtime_folder_on_disk_or_open_to_others_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_disk = tmp_path / "run"
    on_disk.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(on_disk))
    assert on_disk not in editor.memory_folders()
    shared = Path(tempfile.mkdtemp(dir="/dev/shm"))
    try:
        shared.chmod(0o755)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
        assert shared not in editor.memory_folders()
        assert editor.memory_folders() == [Path("/dev/shm")]
    finally:
        shared.rmdir()


def test_no_editor_set_says_how_to_set_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    with pytest.raises(InvalidInput, match=r"\$VISUAL or \$EDITOR"):
        editor.edit_text("x")
    monkeypatch.setenv("EDITOR", "/no/such/editor --wait")
    with pytest.raises(InvalidInput, match="could not be started"):
        editor.edit_text("x")


def test_visual_wins_and_editor_words_are_split_like_a_shell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VISUAL", "code --wait")
    monkeypatch.setenv("EDITOR", "nano")
    assert editor.editor_command() == ["code", "--wait"]
    monkeypatch.setenv("VISUAL", "'my editor' -x")
    assert editor.editor_command() == ["my editor", "-x"]


def test_vim_is_told_to_keep_no_swap_viminfo_undo_or_backup() -> None:
    args = editor._private_args(["/usr/bin/vim", "+1"])
    assert args[:4] == ["/usr/bin/vim", "-n", "-i", "NONE"]
    assert "set noundofile nobackup nowritebackup" in args and args[-1] == "+1"
    assert editor._private_args(["nano"]) == ["nano"]


def test_sigterm_while_editing_removes_the_folder(tmp_path: Path) -> None:
    """A real `peerjournal add -e` process stopped by SIGTERM while its editor runs."""
    assert pj(tmp_path, "init").returncode == 0
    script = tmp_path / "fake-editor"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    script.chmod(0o700)
    log = tmp_path / "edit.log"
    env = env_for(tmp_path, EDITOR=str(script), EDIT_LOG=str(log), FAKE_EDIT="hang")
    process = subprocess.Popen(
        [str(SCRIPT), "add", "-e"], env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        end = time.monotonic() + 60
        while not Path(f"{log}.pid").exists() and time.monotonic() < end:
            time.sleep(0.05)
        [(_, _, path)] = _edited(log)
        assert path.exists()
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    assert not path.parent.exists()
    editor_pid = int(Path(f"{log}.pid").read_text())
    end = time.monotonic() + 10
    while time.monotonic() < end and _running(editor_pid):
        time.sleep(0.05)
    assert not _running(editor_pid), "the editor was left running"


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_the_folder_is_private_and_emptied_in_a_given_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    place = Path(tempfile.mkdtemp(dir="/dev/shm"))
    try:
        script = tmp_path / "ed"
        script.write_text(
            '#!/bin/sh\nfor last; do :; done\nstat -c %a "$(dirname "$last")" > "$OUT"\n'
            'printf "!" >> "$last"\n',
            encoding="utf-8",
        )
        script.chmod(0o700)
        out = tmp_path / "out"
        monkeypatch.setenv("EDITOR", str(script))
        monkeypatch.setenv("OUT", str(out))
        assert editor.edit_text("t", places=[place]) == "t!"
        assert out.read_text().strip() == "700"
        assert list(place.iterdir()) == []
    finally:
        place.rmdir()


def test_text_left_by_a_killed_add_e_is_removed_by_the_next_command(tmp_path: Path) -> None:
    """SIGKILL (``kill -9``, the out-of-memory killer) skips every clean-up: the editing
    folder with the entry's text stayed in /dev/shm until the next reboot."""
    assert pj(tmp_path, "init").returncode == 0
    script = tmp_path / "fake-editor"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    script.chmod(0o700)
    log = tmp_path / "edit.log"
    env = env_for(tmp_path, EDITOR=str(script), EDIT_LOG=str(log), FAKE_EDIT="hang")
    process = subprocess.Popen(
        [str(SCRIPT), "add", "-e"], env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        end = time.monotonic() + 60
        while not Path(f"{log}.pid").exists() and time.monotonic() < end:
            time.sleep(0.05)
        [(_, _, path)] = _edited(log)
        process.kill()
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        # The editor outlives a killed parent (and holds its stderr open): end it too.
        with contextlib.suppress(FileNotFoundError, ProcessLookupError, ValueError):
            os.kill(int(Path(f"{log}.pid").read_text()), signal.SIGKILL)
        process.communicate(timeout=60)
    assert path.parent.exists()  # what the kill left
    assert pj(tmp_path, "list").returncode == 0
    assert not path.parent.exists(), "the killed run's text is still there"


def test_a_live_runs_editing_folder_is_left_alone(tmp_path: Path) -> None:
    place = Path(tempfile.mkdtemp(dir="/dev/shm"))
    try:
        mine = place / f"peerjournal-edit-{os.getpid()}-abc"
        mine.mkdir(mode=0o700)
        unnamed = place / "peerjournal-edit-12345678"
        unnamed.mkdir(mode=0o700)
        editor.remove_stale_edits([place])
        assert mine.exists() and unnamed.exists()
    finally:
        shutil.rmtree(place)
