"""Standard output that fails as a known error: a full disk, an I/O error, a closed stream.

``peerjournal list > /dev/full`` (ENOSPC), an output file on a failing disk (EIO) and a
closed standard output (``>&-``) are the user's to fix, not bugs. :func:`guard_stdout`
puts a :class:`GuardedOutput` in front of ``sys.stdout`` once, for every command, the
help text and what the unlock agent sends back; a failed write raises
:class:`OutputWriteError`, which the callers turn into one line with
:func:`output_failure` (saying whether the command had already done its work). A broken
pipe (``| head``) is not a failure: it stays :class:`BrokenPipeError`, the quiet ending.

Loaded on every start, so it imports nothing beyond ``os``, ``errno`` and ``contextlib``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO, cast

if TYPE_CHECKING:
    from peerjournal.errors import PeerJournalError

#: What the user reads when standard output was closed before the program started.
CLOSED = "standard output is closed"


class OutputWriteError(Exception):
    """Standard output could not be written (not a broken pipe). ``reason``: lower-case
    words such as "no space left on device"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def reason_of(exc: OSError) -> str:
    """The system's words for a failed write, as a sentence continues them."""
    words = os.strerror(exc.errno) if exc.errno else (exc.strerror or type(exc).__name__)
    return words[:1].lower() + words[1:]


def silence_stdout() -> None:
    """Point file descriptor 1 at the null device, so later flushes (at exit too) succeed
    instead of failing again or printing Python's "Exception ignored" lines."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, 1)
    except OSError:
        pass
    finally:
        if devnull != 1:
            os.close(devnull)


class _Closed:
    """Stands in for a standard output that was closed (``>&-``)."""

    encoding = "utf-8"
    errors = "strict"
    buffer = None

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, CLOSED)

    def flush(self) -> None:
        """Nothing is ever held."""

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, CLOSED)


class GuardedOutput:
    """A text stream in front of standard output: what it cannot write raises
    :class:`OutputWriteError` (once; later writes are dropped), a broken pipe stays a
    :class:`BrokenPipeError`; everything else is the stream's own."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.failed: str | None = None

    def _fail(self, exc: OSError) -> OutputWriteError:
        closed = isinstance(self.stream, _Closed)
        self.failed = CLOSED if closed else reason_of(exc)
        if not closed:
            silence_stdout()
        return OutputWriteError(self.failed)

    def write(self, text: str) -> int:
        """Write ``text``; OutputWriteError if it cannot be."""
        if self.failed is not None:
            return len(text)
        try:
            return int(self.stream.write(text))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from exc

    def writelines(self, lines: Any) -> None:
        """Write each line (as :meth:`write`)."""
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Flush; OutputWriteError if what was held cannot be written."""
        if self.failed is not None:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._fail(exc) from exc
        except ValueError:  # the stream was closed meanwhile: nothing left to flush
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class QuietErrors:
    """Standard error that never fails: with ``2>/dev/full`` or a reader gone there is
    nowhere to say anything, so a message that cannot be written is dropped and the exit
    status still tells (a failed warning must not turn a good command into an error)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text``, or drop it when standard error cannot take it."""
        try:
            return int(self.stream.write(text))
        except (OSError, ValueError):
            return len(text)

    def flush(self) -> None:
        """Flush, or drop what standard error cannot take."""
        with contextlib.suppress(OSError, ValueError):
            self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _reserve_descriptors() -> None:
    """A standard stream closed at start (``<&-``, ``>&-``, ``2>&-``) gets the null device
    on its file descriptor, so the vault's database or an editor's file can never be
    opened as descriptor 0, 1 or 2 and receive what is printed (or a child's output)."""
    for fd, name, mode in ((0, "stdin", os.O_RDONLY), (1, "stdout", os.O_WRONLY),
                           (2, "stderr", os.O_WRONLY)):  # fmt: skip
        if getattr(sys, name) is not None:
            continue
        try:
            os.fstat(fd)
        except OSError:
            try:
                opened = os.open(os.devnull, mode)
            except OSError:
                continue
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
        if name == "stdin":
            sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 (lives for the run)
        elif name == "stderr":
            sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def tolerant_streams() -> None:
    """Print what the terminal can instead of failing on a character: on a terminal that
    is not UTF-8, unknown characters become "?"; on a UTF-8 one, a file name that is not
    UTF-8 (``bk\\xff``, kept as surrogate escapes) is printed as its own bytes, as ``ls``
    prints it, where Python's strict default would fail after the command did its work."""
    for stream in (sys.stdout, sys.stderr):
        stream = getattr(stream, "stream", stream)  # a GuardedOutput's own stream
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        errors = getattr(stream, "errors", "strict")
        try:
            if encoding != "utf8":
                reconfigure(errors="replace")
            elif errors == "strict":
                reconfigure(errors="surrogateescape")
        except (ValueError, OSError):
            pass


def quiet_stderr() -> TextIO:
    """Put :class:`QuietErrors` in front of ``sys.stderr``; returns the stream to put back."""
    original = sys.stderr
    if not isinstance(original, QuietErrors):
        sys.stderr = cast(TextIO, QuietErrors(original))
    return original


def guard_stdout() -> tuple[TextIO, TextIO | None]:
    """Put a :class:`GuardedOutput` in front of ``sys.stdout`` (see the module doc);
    returns it and the stream to put back afterwards."""
    _reserve_descriptors()
    original = sys.stdout
    if isinstance(original, GuardedOutput):
        return cast(TextIO, original), cast(TextIO, original)
    guard = GuardedOutput(_Closed() if original is None else original)
    sys.stdout = cast(TextIO, guard)
    return cast(TextIO, guard), original


def output_failure(exc: OutputWriteError, *, done: bool) -> PeerJournalError:
    """The known error for a failed output: ``done`` when the command had already changed
    something (a write command whose confirmation line did not print)."""
    from peerjournal.errors import OutputFailed

    code = "output.failed_after_change" if done else "output.failed"
    return OutputFailed(code, reason=exc.reason)


def relay_answer(answer: dict[str, Any]) -> int:
    """Print what the unlock agent answered (its standard output, then its standard
    error) and return the command's exit status; a failed output is reported as here."""
    try:
        sys.stdout.write(str(answer.get("stdout", "")))
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return 141
    except OutputWriteError as exc:
        sys.stderr.write(str(answer.get("stderr", "")))
        failure = output_failure(exc, done=bool(answer.get("changed")))
        sys.stderr.write(f"peerjournal: {' '.join(failure.message.split())}\n")
        return 1
    sys.stderr.write(str(answer.get("stderr", "")))
    return int(answer.get("status", 1))
