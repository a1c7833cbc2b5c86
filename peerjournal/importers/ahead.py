"""Reading a large import file in a second process while this one writes the vault.

An import is two halves of about the same size: reading and checking the file (Python, per
record) and writing the records (SQLite, encryption, the search indexes). One process can
only do one after the other, and a thread does not help (Python's lock held the writer back
after every statement, docs/benchmarks.md). :class:`AheadSource` runs the format's reader
(:func:`peerjournal.importers.open_source`) in a child process of the same program and
yields what it sends, so the two halves run on two cores.

The child is started with :data:`READER_ARG` as its only argument (``peerjournal
__import-reader__``: the packaged app's executable, or this Python running the package) and gets
the format, the path and the options on its standard input, never on its command line (a
file name is private), and this process's environment without the variables that carry a
passphrase or recovery code. It opens no vault, holds no key and makes no connection: it
opens the file, reads it with the same reader as ever and writes frames to its standard
output, each a 4-byte length and a pickle of one message:

- ``("items", bytes_done, bytes_total, [Item | Problem, ...])``, in file order;
- ``("end", state)``: the source's notices, vocabulary, unmapped mood names and sizes;
- ``("error", exc)``: a :class:`~peerjournal.errors.PeerJournalError` about the file (the
  same message as when reading in-process);
- ``("bug", kind, report)``: an unexpected error, as a type name and its frames (no
  message, which could quote the file; :func:`peerjournal.buglog.describe`).

The pipe carries plaintext from the file being imported (it is already on the disk as
plaintext) between two processes of the same user, in kernel memory; nothing is written
anywhere. The pipe is the only buffer: the child blocks when this process falls behind, so
memory stays flat. The frames are pickles made by this program's own code from records it
checked; a hostile file can only put text into them, never pickle opcodes.

A cancel, a fatal problem or the end of the import closes the source, which kills the child
if it still runs. Should it stop without its last frame (killed, out of memory), the import
fails with "The file could not be read", and nothing is applied.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from peerjournal.errors import ImportExportError, PeerJournalError
from peerjournal.importers.source import ImportOptions, ImportSource, Item, Problem

#: The child's only command-line argument (``peerjournal.cli.main`` looks for it first).
READER_ARG = "__import-reader__"
#: Files from this size on are read in a second process. Below it, starting the child (a
#: Python interpreter and the format's reader, about 0.1 s) and the pickles cost more than
#: the overlap saves: 10,000 entries (3-5 MB) took 0.15-0.2 s longer read ahead, 30,000
#: (9-14 MB) some 10 % less (docs/benchmarks.md).
AHEAD_MIN_BYTES = 8 * 1024 * 1024
#: Records per frame: large enough that a frame's cost is the records', small enough that
#: progress and a cancel stay prompt. A frame also ends once its records hold
#: :data:`FRAME_CHARS` characters of text (an entry may hold five million).
FRAME_RECORDS = 500
FRAME_CHARS = 1_000_000
#: Bytes of frames the child may be ahead of the writer (500 ordinary records are some
#: 200 KB): more is not needed to keep both busy, and memory stays bounded.
AHEAD_BYTES = 32 * 1024 * 1024
_LENGTH = struct.Struct("<I")
#: Environment variables the command line reads secrets from, kept from the reader.
_SECRETS = frozenset(
    {"PEERJOURNAL_PASSPHRASE", "PEERJOURNAL_NEW_PASSPHRASE", "PEERJOURNAL_RECOVERY_CODE"}
)
#: A frame larger than this is not one the child sends (at most a million characters of
#: text before its last record, which holds at most five million, at four bytes each).
_MAX_FRAME = 64 * 1024 * 1024


class ReaderBug(RuntimeError):
    """The reader process hit an unexpected error; :attr:`report` has its type and frames."""

    def __init__(self, kind: str, report: str) -> None:
        super().__init__(kind)
        self.report = report


def reads_ahead(path: Path) -> bool:
    """Whether an import of ``path`` is worth a second process (a large regular file)."""
    try:
        return path.is_file() and path.stat().st_size >= AHEAD_MIN_BYTES
    except OSError:
        return False


def reader_command() -> list[str]:
    """The command that starts a reader process of this same program."""
    if getattr(sys, "frozen", False):  # the packaged app: its executable runs the CLI
        return [sys.executable, READER_ARG]
    # this very package, wherever it was imported from here (a source tree, a venv)
    root = str(Path(__file__).resolve().parents[2])
    code = (
        f"import sys\nif {root!r} not in sys.path: sys.path.insert(0, {root!r})\n"
        "from peerjournal.cli import main\nraise SystemExit(main())"
    )
    return [sys.executable, "-c", code, READER_ARG]


class AheadSource(ImportSource):
    """The format's reader run in a child process; iterate it like the reader itself."""

    def __init__(self, format_name: str, path: Path, options: ImportOptions | None = None) -> None:
        super().__init__(path, options)
        self.format = format_name
        self.format_name = format_name
        self._process: subprocess.Popen[bytes] | None = None
        self._drain: threading.Thread | None = None
        self._frames = _Frames(AHEAD_BYTES)

    def read(self) -> Iterator[Item | Problem]:
        """Start the child and yield its records as they arrive."""
        try:
            process = self._start()
        except OSError:
            # no second process to be had (a limit on processes, no memory for one): the
            # file is read here, as a small one is
            yield from self._read_here()
            return
        stream = process.stdout
        assert stream is not None
        # A thread takes the frames off the pipe as they come (it waits in the kernel,
        # without Python's lock), so the child reads on while this process writes; the
        # buffer bounds how far ahead it gets.
        frames = self._frames
        self._drain = threading.Thread(
            target=_drain, args=(stream, frames), name="import-reader", daemon=True
        )
        self._drain.start()
        try:
            while True:
                message = _message(frames.get())
                kind = message[0]
                if kind == "items":
                    _kind, self.bytes_done, self.bytes_total, records = message
                    yield from records
                elif kind == "end":
                    self._finish(message[1])
                    return
                elif kind == "error":
                    raise message[1]
                else:
                    raise ReaderBug(str(message[1]), str(message[2]))
        finally:
            self.close()

    def close(self) -> None:
        """Stop the child if it still runs (a cancel, a problem) and reap it."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        drain, self._drain = self._drain, None
        if drain is not None:
            # the pipe ends with the child: the thread sees its end, and one waiting for
            # room in the buffer is let go
            self._frames.abandon()
            drain.join()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()

    def _start(self) -> subprocess.Popen[bytes]:
        # the environment as it is (the time zone places local times the same way), less
        # what could open the vault: the reader needs no passphrase and no recovery code
        env = {name: value for name, value in os.environ.items() if name not in _SECRETS}
        process = subprocess.Popen(
            reader_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self._process = process
        assert process.stdin is not None
        request = (self.format_name, str(self.path), self.options)
        try:
            process.stdin.write(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
            process.stdin.close()
        except OSError:
            pass  # the child is gone already: reading says so
        return process

    def _read_here(self) -> Iterator[Item | Problem]:
        from peerjournal import importers

        source = importers.open_source(self.format_name, self.path, self.options)
        for record in source:
            self.bytes_done, self.bytes_total = source.bytes_done, source.bytes_total
            yield record
        self._finish(_state(source))

    def _finish(self, state: dict[str, Any]) -> None:
        self.format = state["format"]
        self.bytes_done = state["bytes_done"]
        self.bytes_total = state["bytes_total"]
        self.notices = list(state["notices"])
        self.vocabulary = state["vocabulary"]
        self.unmapped_moods = dict(state["unmapped_moods"])


class _Frames:
    """Frames between the thread that reads the pipe and the import: first in, first out,
    at most ``limit`` bytes of them (one larger frame alone is let through)."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._items: collections.deque[bytes | None] = collections.deque()
        self._bytes = 0
        self._abandoned = False
        self._changed = threading.Condition()

    def put(self, body: bytes | None) -> None:
        """Add a frame (None: the pipe ended), waiting while the buffer is full."""
        size = len(body) if body is not None else 0
        with self._changed:
            while self._items and self._bytes + size > self._limit and not self._abandoned:
                self._changed.wait()
            if self._abandoned:
                return
            self._items.append(body)
            self._bytes += size
            self._changed.notify_all()

    def get(self) -> bytes | None:
        """The next frame, waiting for it."""
        with self._changed:
            while not self._items:
                self._changed.wait()
            body = self._items.popleft()
            self._bytes -= len(body) if body is not None else 0
            self._changed.notify_all()
            return body

    def abandon(self) -> None:
        """Drop what is held, and let a waiting :meth:`put` return (the import stopped)."""
        with self._changed:
            self._abandoned = True
            self._items.clear()
            self._bytes = 0
            self._changed.notify_all()


def _drain(stream: IO[bytes], frames: _Frames) -> None:
    """Move whole frames from the pipe to the buffer; None when the pipe ends (also when
    this thread fails: the import must not wait for a frame that never comes)."""
    try:
        while True:
            head = stream.read(_LENGTH.size)
            if len(head) != _LENGTH.size:
                break
            (size,) = _LENGTH.unpack(head)
            if size > _MAX_FRAME:
                break
            body = stream.read(size)
            if len(body) != size:
                break
            frames.put(body)
    except (OSError, ValueError):
        pass  # the pipe was closed under the thread (the import stopped)
    finally:
        frames.put(None)


def _message(body: bytes | None) -> tuple[Any, ...]:
    if body is not None:
        try:
            message = pickle.loads(body)  # noqa: S301 - made by this program (module doc)
        except (pickle.UnpicklingError, EOFError, ValueError):
            message = None
        if isinstance(message, tuple) and message:
            return message
    # the child stopped before its last frame (killed, out of memory, a crash)
    raise ImportExportError("import.failed")


def serve() -> int:
    """The child's side: read the request, run the reader, send frames; the exit status."""
    # A Ctrl-C at a terminal reaches the whole process group: the parent decides what a
    # cancel means (it stops this process), so the reader does not stop on its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the records it makes hold no reference cycles: the collector runs now and then only
    gc.set_threshold(100_000, 20, 100)
    out = os.fdopen(os.dup(1), "wb")
    # Nothing else may write into the frames: stray output goes where stderr goes.
    os.dup2(2, 1)
    try:
        # the descriptors, not sys.stdin/stdout: a windowed app's Python may have none
        with os.fdopen(os.dup(0), "rb") as given:
            request = pickle.loads(given.read())  # noqa: S301 - from the parent
        format_name, path, options = request
        _send_all(out, format_name, Path(path), options)
    except BrokenPipeError:
        return 1  # the parent stopped reading (a cancel): nothing to tell it
    finally:
        with contextlib.suppress(OSError):
            out.close()
    return 0


def _send_all(out: IO[bytes], format_name: str, path: Path, options: ImportOptions) -> None:
    from peerjournal import importers
    from peerjournal.buglog import describe

    try:
        source = importers.open_source(format_name, path, options)
        if not source.checks_records:
            raise TypeError(f"{type(source).__name__} does not check its records")
        batch: list[Item | Problem] = []
        chars = 0
        for record in source:
            batch.append(record)
            chars += _chars(record)
            if len(batch) >= FRAME_RECORDS or chars >= FRAME_CHARS:
                _send(out, ("items", source.bytes_done, source.bytes_total, batch))
                batch, chars = [], 0
        _send(out, ("items", source.bytes_done, source.bytes_total, batch))
        _send(out, ("end", _state(source)))
    except BrokenPipeError:
        raise
    except PeerJournalError as exc:
        exc.__traceback__ = None
        _send(out, ("error", exc))
    except Exception as exc:  # every bug is reported to the parent
        kind = type(exc)
        _send(out, ("bug", f"{kind.__module__}.{kind.__qualname__}", describe(exc)))


def _chars(record: Item | Problem) -> int:
    """About how much text ``record`` holds (its body, title and note)."""
    if isinstance(record, Problem):
        return 0
    size = 0
    if record.entry is not None:
        size += len(record.entry.body) + len(record.entry.title)
    if record.mood is not None:
        size += len(record.mood.note)
    return size


def _state(source: ImportSource) -> dict[str, Any]:
    """What the import reads off a source after its records."""
    return {
        "format": source.format,
        "bytes_done": source.bytes_done,
        "bytes_total": source.bytes_total,
        "notices": source.notices,
        "vocabulary": source.vocabulary,
        "unmapped_moods": source.unmapped_moods,
    }


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_LENGTH.pack(len(body)))
    out.write(body)
    out.flush()
