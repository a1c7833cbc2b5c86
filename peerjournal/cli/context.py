"""What every command needs: the vault folder, passphrases, an open session, the streams.

Passphrase sources, in order: ``--passphrase-file``, the ``PEERJOURNAL_PASSPHRASE``
environment variable, then an interactive prompt that never echoes (as restic and borg
do). Without a terminal and without a source, the command stops with a clear message
instead of hanging on a prompt nobody can answer.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from peerjournal.errors import InvalidInput, Text

if TYPE_CHECKING:
    from peerjournal.app.session import Session

PASSPHRASE_ENV = "PEERJOURNAL_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
NEW_PASSPHRASE_ENV = "PEERJOURNAL_NEW_PASSPHRASE"  # noqa: S105
RECOVERY_CODE_ENV = "PEERJOURNAL_RECOVERY_CODE"
#: Environment variables that may hold a secret (never passed on to the unlock agent).
SECRET_ENV_NAMES = (PASSPHRASE_ENV, NEW_PASSPHRASE_ENV, RECOVERY_CODE_ENV)
VAULT_ENV = "PEERJOURNAL_VAULT"
MAX_SECRET_FILE_BYTES = 64 * 1024
MAX_TEXT_FILE_BYTES = 1024 * 1024


def read_secret_file(path: Path, what: str) -> str:
    """A secret from a file: the first line, without its line ending (or a byte-order mark).

    ``what`` is the catalogue code of the secret (``"field.passphrase"``).
    """
    return _read_secret_file(path, what)[0]


def _read_secret_file(path: Path, what: str) -> tuple[str, bool]:
    """The secret, and whether the file began with a byte-order mark (which is dropped:
    editors such as Windows Notepad add one, and it is not part of what was typed)."""
    field, where = Text(what), str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SECRET_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise InvalidInput("cli.secret_file_missing", field=field, path=where) from exc
    except IsADirectoryError as exc:
        raise InvalidInput("cli.secret_file_folder", field=field, path=where) from exc
    except OSError as exc:
        raise InvalidInput(
            "cli.secret_file_unreadable", field=field, path=where, reason=str(exc.strerror)
        ) from exc
    if len(data) > MAX_SECRET_FILE_BYTES:
        raise InvalidInput("cli.secret_file_too_large", field=field, path=where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput("cli.secret_file_not_utf8", field=field, path=where) from exc
    marked = text.startswith("\ufeff")
    lines = text.removeprefix("\ufeff").splitlines()
    secret = lines[0] if lines else ""
    if not secret:
        raise InvalidInput("cli.secret_file_empty", field=field, path=where)
    return secret, marked


class UpgradeProgress:
    """Reports a long vault upgrade (an index build) on stderr: a line updated in place on a
    terminal, a line at the start and one at the end otherwise. Quiet for small vaults."""

    QUIET_BELOW = 5_000

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = False
        self.last = -1
        isatty = getattr(stream, "isatty", None)
        self.tty = bool(isatty and isatty())

    def __call__(self, done: int, total: int) -> None:
        if total < self.QUIET_BELOW:
            return
        percent = done * 100 // max(total, 1)
        if not self.shown:
            self.shown = True
            self.stream.write(
                f"peerjournal: updating the vault's search index ({total:,} entries), once…"
                + ("" if self.tty else "\n")
            )
        elif self.tty and percent != self.last:
            self.stream.write(f"\rpeerjournal: updating the vault's search index: {percent}%  ")
        self.last = percent
        self.stream.flush()

    def finish(self) -> None:
        """End the report (if one was shown)."""
        if self.shown:
            self.stream.write(("\r" if self.tty else "") + "peerjournal: search index ready.\n")
            self.shown = False


_READ_ONLY_NOTICES = ("vault.notice.read_only", "vault.notice.disk_full")
#: How long a command waits for another process to let go of the vault: two commands run
#: at once (a script beside a cron job) both succeed instead of one refusing its text.
#: Commands hold the vault well under a second; the desktop app holds it for hours.
LOCK_WAIT_SECONDS = 3.0


class Context:
    """Resolved global options and the I/O of one command-line run."""

    def __init__(
        self,
        args: argparse.Namespace,
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        tty: bool | None = None,
        color: bool | None = None,
    ) -> None:
        self.args = args
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._tty = tty
        self._color: bool | None = color
        self._session: Session | None = None
        #: A secret read from a file that began with a byte-order mark, with the mark.
        self._marked_secret: str | None = None
        self._borrowed = False
        #: Rows the session had changed when this run took it (see :attr:`changed`).
        self._changes_at_start = 0
        self._changed = False
        #: Seconds this run's unlock took (key derivation and opening), once it happened.
        self.unlock_seconds: float | None = None
        #: Texts the client of the unlock agent prepared on its own side (it has the
        #: terminal and the working folder): ``"edited"`` (what the user saved in the
        #: editor) and ``"template"`` (the text of ``--template FILE``).
        self.provided: dict[str, str] = dict(getattr(args, "provided_texts", None) or {})

    # -- streams ---------------------------------------------------------------------------

    def out(self, text: str = "") -> None:
        """Print a line to standard output."""
        self.stdout.write(text + "\n")

    def warn(self, text: str) -> None:
        """Print ``peerjournal: <text>`` to standard error."""
        self.stderr.write(f"peerjournal: {text}\n")

    @property
    def stdout_is_tty(self) -> bool:
        """Whether standard output is a terminal (for bold highlights)."""
        if self._tty is not None:
            return self._tty
        isatty = getattr(self.stdout, "isatty", None)
        return bool(isatty and isatty())

    @property
    def color(self) -> bool:
        """Whether text output may be coloured: a terminal, and NO_COLOR unset or empty
        (https://no-color.org); the unlock agent is told the client's answer."""
        if self._color is not None:
            return self._color
        return self.stdout_is_tty and not os.environ.get("NO_COLOR")

    @property
    def interactive(self) -> bool:
        """Whether a person can answer prompts (standard input is a terminal)."""
        isatty = getattr(self.stdin, "isatty", None)
        return bool(isatty and isatty())

    def read_stdin(self) -> str:
        """All of standard input as UTF-8 text (for ``add -`` and ``--body -``)."""
        binary = getattr(self.stdin, "buffer", None)
        if binary is None:
            return str(self.stdin.read())
        data = bytes(binary.read())
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput("cli.stdin_not_utf8", position=exc.start) from exc

    def read_text_file(self, name: str, what: str) -> str:
        """A UTF-8 text file the user named (a template), read whole; at most 1 MiB."""
        from peerjournal.errors import Text

        path, field = Path(name).expanduser(), Text(what)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_TEXT_FILE_BYTES + 1)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise InvalidInput(
                "cli.file_unreadable", field=field, path=str(path), reason=reason
            ) from None
        if len(data) > MAX_TEXT_FILE_BYTES:
            raise InvalidInput("cli.file_too_large", field=field, path=str(path))
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput("cli.file_not_utf8", field=field, path=str(path)) from None

    def edit_text(self, initial: str) -> str:
        """The text after the user edited ``initial`` in their editor (see cli.editor)."""
        if "edited" in self.provided:
            return self.provided["edited"]
        from peerjournal.cli.editor import edit_text

        allow_disk = bool(getattr(self.args, "allow_disk_temp", False))
        return edit_text(initial, allow_disk_temp=allow_disk)

    # -- the vault -------------------------------------------------------------------------

    @property
    def vault_folder(self) -> Path:
        """``--vault``, else PEERJOURNAL_VAULT, else the platform default."""
        given = getattr(self.args, "vault", None)
        if given:
            return Path(given).expanduser()
        env = os.environ.get(VAULT_ENV)
        if env:
            return Path(env).expanduser()
        # paths, not app.session: an agent-served command must not load the vault code.
        from peerjournal.paths import default_vault_folder

        return default_vault_folder()

    def _secret_from_file(self, path: Path, what: str) -> str:
        secret, marked = _read_secret_file(path, what)
        if marked:
            # A vault made before the mark was dropped has it in its passphrase.
            self._marked_secret = "\ufeff" + secret
        try:
            loose = os.name == "posix" and path.stat().st_mode & 0o077
        except OSError:
            loose = False
        if loose:
            self.warn(f"{path} can be read by other users; `chmod 600 {path}` is safer.")
        return secret

    def _prompt(self, prompt: str) -> str:
        try:
            import getpass

            return getpass.getpass(prompt)
        except EOFError:
            raise InvalidInput("cli.nothing_typed") from None

    def _secret(self, *, file_option: str, env: str, prompt: str, what: str) -> str:
        path = getattr(self.args, file_option, None)
        if path:
            return self._secret_from_file(Path(path).expanduser(), what)
        value = os.environ.get(env)
        if value:
            return value
        if not self.interactive:
            flag = "--" + file_option.replace("_", "-")
            raise InvalidInput("cli.no_terminal", field=Text(what), flag=flag, env=env)
        return self._prompt(prompt)

    def passphrase(self, prompt: str = "Passphrase: ") -> str:
        """The passphrase that unlocks the vault."""
        return self._secret(
            file_option="passphrase_file",
            env=PASSPHRASE_ENV,
            prompt=prompt,
            what="field.passphrase",
        )

    def new_passphrase(self, *, file_option: str, env: str) -> str:
        """A new passphrase: from a file/env, or typed twice at the terminal."""
        path = getattr(self.args, file_option, None)
        if path:
            return self._secret_from_file(Path(path).expanduser(), "field.passphrase")
        value = os.environ.get(env)
        if value:
            return value
        if not self.interactive:
            flag = "--" + file_option.replace("_", "-")
            raise InvalidInput("cli.no_terminal_new_passphrase", flag=flag, env=env)
        first = self._prompt("New passphrase: ")
        if not first:
            raise InvalidInput("passphrase.empty")
        if self._prompt("Repeat the new passphrase: ") != first:
            raise InvalidInput("passphrase.mismatch")
        return first

    def recovery_code(self) -> str:
        """The recovery code shown when the vault was made."""
        return self._secret(
            file_option="recovery_code_file",
            env=RECOVERY_CODE_ENV,
            prompt="Recovery code: ",
            what="field.recovery_code",
        )

    def existing_vault_folder(self) -> Path:
        """The vault folder, or a clear VaultNotFound when there is no vault there."""
        from peerjournal.app.session import vault_exists
        from peerjournal.errors import VaultNotFound

        folder = self.vault_folder
        if not vault_exists(folder):
            raise VaultNotFound("vault.not_found_in", folder=str(folder))
        return folder

    def session_with(self, passphrase: str) -> Session:
        """Open the vault with a passphrase already read."""
        if self._session is None:
            from peerjournal.app.session import open_vault

            folder = self.existing_vault_folder()
            self._session = self._opened(
                lambda secret: open_vault(folder, secret, lock_wait=LOCK_WAIT_SECONDS),
                passphrase,
            )
            self._changes_at_start = self._session.changes
        return self._session

    def session(self) -> Session:
        """Open the vault (once per run), asking for the passphrase if needed.

        A command that changes the vault (its parser sets ``writes=True``) is refused on
        a read-only vault before the passphrase is asked for and the key derived; a
        reading command opens such a vault read-only. What the vault reports (a ruined
        recovery slot, read-only) is printed once on stderr.
        """
        if self._session is None:
            folder = self.existing_vault_folder()
            from peerjournal.app.session import open_vault, vault_writable

            writes = bool(getattr(self.args, "writes", False))
            if writes and not vault_writable(folder):
                from peerjournal.errors import VaultReadOnly

                raise VaultReadOnly(folder=str(folder))
            passphrase = self.passphrase()
            progress = UpgradeProgress(self.stderr)
            import time

            started = time.perf_counter()
            self._session = self._opened(
                lambda secret: open_vault(
                    folder, secret, progress=progress, lock_wait=LOCK_WAIT_SECONDS
                ),
                passphrase,
            )
            self.unlock_seconds = time.perf_counter() - started
            self._changes_at_start = self._session.changes
            progress.finish()
            from peerjournal.cli.editor import remove_stale_edits

            # Text a killed ``add -e`` left in its editing folder goes now, not at reboot.
            remove_stale_edits()
            for notice in self._session.notices:
                # A write is refused with its own sentence; the notice would repeat it.
                if not writes or notice.code not in _READ_ONLY_NOTICES:
                    self.warn(notice.render())
        return self._session

    def _opened(self, open_it: Callable[[str], Session], passphrase: str) -> Session:
        """Run ``open_it(passphrase)``; "in use" names the unlock agent when it is the
        holder. A passphrase read from a file that began with a byte-order mark is tried
        with the mark too when it does not fit without."""
        from peerjournal.errors import VaultInUse, WrongPassphrase

        try:
            try:
                return open_it(passphrase)
            except WrongPassphrase:
                if self._marked_secret is None:
                    raise
                return open_it(self._marked_secret)
        except VaultInUse:
            from peerjournal.cli.agent import agent_is_running

            if agent_is_running(self.vault_folder):
                raise VaultInUse("vault.in_use_agent") from None
            raise

    def confirm(self, question: str, *, yes: bool) -> bool:
        """True when ``--yes`` was given or the person at the terminal answers y."""
        if yes:
            return True
        if not self.interactive:
            return False
        self.stderr.write(f"{question} [y/N] ")
        self.stderr.flush()
        answer = self.stdin.readline()
        return answer.strip().lower() in {"y", "yes"}

    def adopt(self, session: Session, *, borrowed: bool = False) -> None:
        """Use an already open session: one this run made (init, recover), locked at the
        end, or a ``borrowed`` one (the unlock agent's), left open."""
        self._session = session
        self._borrowed = borrowed
        self._changes_at_start = session.changes

    def mark_done(self) -> None:
        """Say that this run has done its work outside the database (a new passphrase, a
        backup or export file), so a failure to print afterwards does not claim otherwise."""
        self._changed = True

    @property
    def changed(self) -> bool:
        """Whether this run changed something: rows in the vault (counted by the open
        session) or what :meth:`mark_done` reported."""
        session = self._session
        if session is not None and not session.locked:
            self._changed = self._changed or session.changes > self._changes_at_start
        return self._changed

    def after_success(self) -> None:
        """After a command succeeded: the automatic daily backup, if one is due.

        Made after the command's output, so it never delays it; a failure is reported
        on stderr and does not change the command's exit status.
        """
        session = self._session
        if session is None or self._borrowed or session.locked or session.read_only:
            return
        from peerjournal.app.backups import run_auto_backup
        from peerjournal.errors import PeerJournalError

        self.stdout.flush()
        try:
            run_auto_backup(session)
        except PeerJournalError as exc:
            self.warn(f"the automatic backup was not made: {exc.message}")

    def close(self) -> None:
        """Lock the vault if this run opened it."""
        if self._session is not None:
            _ = self.changed  # counted while the session is still open
            session, self._session = self._session, None
            if not self._borrowed:
                session.lock()


@contextmanager
def running(context: Context) -> Iterator[Context]:
    """Run a command and always lock the vault afterwards."""
    try:
        yield context
    finally:
        context.close()
