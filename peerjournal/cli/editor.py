"""Editing text in the user's own editor (``$VISUAL``/``$EDITOR``) without it touching the disk.

An editor needs a file. This one lives in a private in-memory place: a fresh 0700 folder
in ``$XDG_RUNTIME_DIR`` when that is the user's own private tmpfs, else in ``/dev/shm``
(tmpfs on Linux), holding one 0600 file. The folder is removed with everything in it
(swap and backup files editors make beside the file) when the editor ends, when it fails,
on Ctrl-C and on SIGTERM/SIGHUP. Where no in-memory file system exists (macOS, Windows,
a system without ``/dev/shm``) the text would land on a disk unencrypted, so that is
refused unless the caller allows a disk temp folder (``--allow-disk-temp``), and the
message says why.

Editors also keep text of their own: vim and neovim are started with no swap file, no
viminfo/shada, no undo or backup files (``-n -i NONE`` plus ``set`` options); for other
editors docs/cli.md says which settings to check.

While the editor runs, Ctrl-C goes to the editor (as git does): an editor that ends on it
ends the command with "interrupted", one that handles it (vim) keeps going.

For other commands (``share --edit``)::

    from peerjournal.cli.editor import add_disk_temp_option, edit_text
    add_disk_temp_option(parser)                 # adds --allow-disk-temp
    text = edit_text(initial, allow_disk_temp=args.allow_disk_temp)
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal.errors import InvalidInput

if TYPE_CHECKING:
    import argparse
    from types import FrameType

# shlex, shutil, subprocess and tempfile are imported where used: the command line imports
# this module for its option at every start, and most commands never open an editor.

#: Longest text read back from the editor (characters), as for standard input.
MAX_EDIT_CHARS = 5_000_000
#: File systems that keep their files in memory only.
MEMORY_FILESYSTEMS = frozenset({"tmpfs", "ramfs"})
_VIM_LIKE = frozenset({"vim", "nvim", "gvim", "mvim", "vimx"})
_PREFIX = "peerjournal-edit-"
_VIM_PRIVATE = ["-n", "-i", "NONE", "--cmd", "set noundofile nobackup nowritebackup"]


class _Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived while the editor ran (handled like Ctrl-C)."""


def add_disk_temp_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--allow-disk-temp`` to a command that opens the editor."""
    parser.add_argument(
        "--allow-disk-temp",
        action="store_true",
        help="with -e: allow the editor's file in a disk temp folder when this system "
        "has no in-memory one (the text is then written to disk unencrypted)",
    )


def editor_command(environ: dict[str, str] | None = None) -> list[str]:
    """``$VISUAL``, else ``$EDITOR``, split like a shell would; InvalidInput when unset."""
    import shlex

    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                words = []
            if not words:
                raise InvalidInput("cli.editor_unusable", name=name)
            return words
    raise InvalidInput("cli.editor_none")


def _private_args(command: list[str]) -> list[str]:
    """Options that keep vim and neovim from writing the text anywhere else."""
    if Path(command[0]).name in _VIM_LIKE:
        return [command[0], *_VIM_PRIVATE, *command[1:]]
    return command


def _mount_points() -> list[tuple[str, str]]:
    """``(mount point, file system type)`` of every mount (Linux), longest path first."""
    try:
        text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            point = fields[1].replace("\\040", " ").replace("\\011", "\t")
            mounts.append((point, fields[2]))
    return sorted(mounts, key=lambda m: len(m[0]), reverse=True)


def filesystem_type(path: Path) -> str | None:
    """The type of the file system holding ``path`` (``tmpfs``, ``ext4``), if known."""
    try:
        real = os.path.realpath(path)
    except OSError:
        return None
    for point, kind in _mount_points():
        if real == point or real.startswith(point.rstrip("/") + "/") or point == "/":
            return kind
    return None


def in_memory(path: Path) -> bool:
    """Whether ``path`` is on a file system that keeps files in memory only."""
    return filesystem_type(path) in MEMORY_FILESYSTEMS


def _own_private_folder(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & 0o077
        and os.access(path, os.W_OK | os.X_OK)
    )


def _sticky_shared_folder(path: Path) -> bool:
    """A world-writable folder with the sticky bit (``/dev/shm``): others cannot remove
    or replace our private sub-folder."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and bool(info.st_mode & stat.S_ISVTX)


def memory_folders(environ: dict[str, str] | None = None) -> list[Path]:
    """The in-memory places where a private editing folder may be made, best first."""
    if not hasattr(os, "getuid"):
        return []
    env = os.environ if environ is None else environ
    found: list[Path] = []
    runtime = env.get("XDG_RUNTIME_DIR", "")
    candidates = [Path(runtime)] if runtime else []
    candidates.append(Path(f"/run/user/{os.getuid()}"))
    for folder in candidates:
        if folder.is_absolute() and _own_private_folder(folder) and in_memory(folder):
            found.append(folder)
    # The private 0700 sub-folder made in it (mkdtemp) is what holds the file.
    shm = Path("/dev/shm")  # noqa: S108
    if _sticky_shared_folder(shm) and in_memory(shm) and os.access(shm, os.W_OK | os.X_OK):
        found.append(shm)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process has that number now: not ours to judge
        return True
    return True


def stale_edit_places() -> list[Path]:
    """Where an editing folder of an earlier run may be left (no mount table read)."""
    import tempfile

    places = [Path(f"/run/user/{os.getuid()}"), Path("/dev/shm"), Path(tempfile.gettempdir())]  # noqa: S108
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime):
        places.insert(0, Path(runtime))
    return places


def remove_stale_edits(places: Sequence[Path] | None = None) -> None:
    """Remove editing folders that a run killed while its editor was open left behind.

    Only this user's folders (0700, named with the pid of the run that made them) whose
    run has ended: a SIGKILL (the out-of-memory killer, ``kill -9``) skips the clean-up,
    and the text would otherwise stay readable there until the next reboot.
    """
    if not hasattr(os, "getuid"):
        return
    import shutil

    for place in stale_edit_places() if places is None else places:
        try:
            names = [n for n in os.listdir(place) if n.startswith(_PREFIX)]
        except OSError:
            continue
        for name in names:
            pid_text, dash, _ = name[len(_PREFIX) :].partition("-")
            folder = Path(place) / name
            if not (dash and pid_text.isdigit()):
                continue  # not named by us with a pid
            if not _alive(int(pid_text)) and _own_private_folder(folder):
                shutil.rmtree(folder, ignore_errors=True)


def _parent_folder(allow_disk_temp: bool, places: Sequence[Path] | None) -> Path:
    import tempfile

    folders = memory_folders() if places is None else list(places)
    if folders:
        return folders[0]
    disk = Path(tempfile.gettempdir())
    if not allow_disk_temp:
        raise InvalidInput("cli.editor_no_memory_folder", folder=str(disk))
    return disk


@contextlib.contextmanager
def _signals(handlers: dict[int, Any]) -> Iterator[None]:
    """Install signal handlers for a while (only the main thread can; elsewhere they stay)."""
    import signal

    previous: dict[int, Any] = {}
    try:
        for signum, handler in handlers.items():
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise _Stopped(signum)


def _termination_signals() -> dict[int, Any]:
    """SIGTERM and SIGHUP end us through ``finally`` blocks (the folder is removed)."""
    import signal

    if sys.platform == "win32":
        return {}
    return {signal.SIGTERM: _stop, signal.SIGHUP: _stop}


def _run_editor(command: list[str], path: Path) -> None:
    import shlex
    import signal
    import subprocess

    name = shlex.join(command)
    try:
        child = subprocess.Popen([*_private_args(command), str(path)])
    except OSError as exc:
        raise InvalidInput(
            "cli.editor_not_started", editor=name, reason=exc.strerror or type(exc).__name__
        ) from None
    try:
        # Ctrl-C at the terminal reaches the editor too; it decides (as under git). The
        # editor was started before this, so it does not inherit the ignoring.
        with _signals({signal.SIGINT: signal.SIG_IGN}):
            status = child.wait()
    except BaseException:
        with contextlib.suppress(OSError):
            child.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired, OSError):
            child.wait(timeout=5)
        raise
    if status < 0 and -status in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        raise KeyboardInterrupt
    if status != 0:
        raise InvalidInput("cli.editor_failed", editor=name, status=status)


def _read_back(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_EDIT_CHARS * 4 + 1)
    except FileNotFoundError:
        raise InvalidInput("cli.editor_file_gone") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput("cli.editor_not_utf8", position=exc.start) from None
    if len(text) > MAX_EDIT_CHARS:
        raise InvalidInput("cli.stdin_too_long", limit=MAX_EDIT_CHARS)
    return text


def edit_text(
    text: str,
    *,
    allow_disk_temp: bool = False,
    suffix: str = ".md",
    places: Sequence[Path] | None = None,
) -> str:
    """Open ``text`` in the user's editor and return what they saved.

    The file lives in a private in-memory folder (see the module doc) that is removed
    whatever happens. Raises :class:`InvalidInput` with a plain message when no editor is
    set or it cannot start, when it ends with an error status (nothing is kept), when
    there is no in-memory folder and ``allow_disk_temp`` is False, or when the saved text
    is not UTF-8; ``KeyboardInterrupt`` when the editor (or this process) was interrupted.
    ``places``: the candidate in-memory folders (default :func:`memory_folders`).
    """
    import shutil
    import tempfile

    command = editor_command()
    parent = _parent_folder(allow_disk_temp, places)
    remove_stale_edits([parent])
    with _signals(_termination_signals()):
        folder = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=parent))
        try:
            os.chmod(folder, 0o700)
            path = folder / f"entry{suffix}"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(path, flags, 0o600), "w", encoding="utf-8") as handle:
                handle.write(text)
            _run_editor(command, path)
            return _read_back(path)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
