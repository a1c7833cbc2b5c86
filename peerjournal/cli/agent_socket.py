"""Where the unlock agent's socket lives, how both sides check each other, and the wire.

**The folder.** The socket lives in a folder that only this user can use:
``$XDG_RUNTIME_DIR/peerjournal`` when ``XDG_RUNTIME_DIR`` is a private folder of this user
(as the XDG spec requires), else ``/run/user/<uid>/peerjournal`` when that is one, else
``$XDG_STATE_HOME/peerjournal/agent`` (``~/.local/state/peerjournal/agent``) under the home
folder. Never a shared, guessable folder such as the temp folder: another local user could
create it first and pose as the agent.

**The checks, before a byte is sent.** The client opens the socket folder itself (not a
symlink), checks on the open folder that this user owns it and that no one else may enter
or write it, checks that the socket file in it is a socket owned by this user, connects
*through the open folder* (``/proc/self/fd/N/name``, so a folder swapped in after the check
is never used, and long paths fit), and checks the server's peer credentials
(``SO_PEERCRED``: the process that listens runs as this user). Any failure refuses with a
clear message and nothing is sent. The agent checks each caller's peer credentials too.

**The wire.** 4-byte big-endian length, then UTF-8 JSON; one request and one answer per
connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import stat
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peerjournal.errors import InvalidInput

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
#: Seconds a client waits to reach the agent (connect and peer checks).
CONNECT_SECONDS = 3.0
#: Seconds a client waits for the answer of a command: served commands take milliseconds,
#: so an agent silent this long hangs (or another client's long command holds it).
ANSWER_SECONDS = 10.0
#: ... for a change by filter (``delete --tag walk --yes`` over thousands of entries).
BULK_ANSWER_SECONDS = 120.0
_SOCKET_PATH_LIMIT = 100  # sun_path is 104-108 bytes depending on the system
_PROC_FD = Path("/proc/self/fd")


def supported() -> bool:
    """Whether this system has Unix sockets and user ids (Windows builds may not)."""
    return hasattr(socket, "AF_UNIX") and hasattr(os, "getuid")


def _private(path: str) -> bool:
    """Whether ``path`` is a real folder (not a symlink) of ours that no one else may use."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def socket_folder() -> Path:
    """The folder of this user's agent sockets (not created here)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and _private(runtime):
        return Path(runtime) / "peerjournal"
    system = f"/run/user/{os.getuid()}"
    if _private(system):
        return Path(system) / "peerjournal"
    state = os.environ.get("XDG_STATE_HOME", "")
    base = Path(state) if state and os.path.isabs(state) else Path.home() / ".local" / "state"
    return base / "peerjournal" / "agent"


def socket_name(vault_folder: Path) -> str:
    """The socket's file name for one vault folder."""
    resolved = str(Path(vault_folder).expanduser().resolve())
    return f"pj-agent-{hashlib.sha256(os.fsencode(resolved)).hexdigest()[:16]}.sock"


def socket_path(vault_folder: Path) -> Path:
    """The agent socket for one vault folder (not created here)."""
    return socket_folder() / socket_name(vault_folder)


# -- checking the folder, on the open folder -------------------------------------------------


def _check_folder_fd(fd: int, folder: Path) -> None:
    info = os.fstat(fd)
    if info.st_uid != os.getuid():
        raise InvalidInput("cli.agent_folder_foreign", folder=str(folder), owner=info.st_uid)
    if info.st_mode & 0o077:
        raise InvalidInput(
            "cli.agent_folder_open", folder=str(folder), mode=f"{stat.S_IMODE(info.st_mode):o}"
        )


def _open_folder(folder: Path) -> int | None:
    """The socket folder opened (None if missing); InvalidInput if it is not ours alone."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(folder, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise InvalidInput("cli.agent_folder_not_folder", folder=str(folder)) from exc
        raise InvalidInput("cli.agent_folder_not_private", folder=str(folder)) from exc
    try:
        _check_folder_fd(fd, folder)
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextlib.contextmanager
def checked_folder(folder: Path, *, create: bool = False) -> Iterator[int | None]:
    """The socket folder, checked and held open for the block (None: it does not exist).

    With ``create`` a missing folder is made (0700, parents too).
    """
    if create:
        with contextlib.suppress(FileExistsError):
            folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            folder.mkdir(mode=0o700)
    fd = _open_folder(folder)
    try:
        yield fd
    finally:
        if fd is not None:
            os.close(fd)


def address(fd: int, folder: Path, name: str) -> str:
    """A path to ``name`` inside the open folder ``fd`` that ``connect``/``bind`` accept.

    Through ``/proc/self/fd`` where the system has it: the folder that was checked is the
    one used, and the path stays short however deep the folder is.
    """
    if (_PROC_FD / str(fd)).is_dir():
        return f"{_PROC_FD}/{fd}/{name}"
    full = str(folder / name)
    if len(full.encode()) > _SOCKET_PATH_LIMIT:
        raise InvalidInput("cli.agent_path_too_long", folder=str(folder))
    return full


def _peer_credentials(sock: socket.socket) -> tuple[int, int] | None:
    """(pid, uid) of the process at the other end, where the system reports them."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    data = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    pid, uid, _gid = struct.unpack("3i", data)
    return int(pid), int(uid)


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the process at the other end, where the system reports it."""
    credentials = _peer_credentials(sock)
    return None if credentials is None else credentials[1]


def peer_pid(sock: socket.socket) -> int | None:
    """The process id at the other end (the agent), where the system reports it."""
    credentials = _peer_credentials(sock)
    return None if credentials is None or credentials[0] <= 0 else credentials[0]


def stopped(pid: int) -> bool:
    """Whether process ``pid`` is stopped (SIGSTOP, Ctrl-Z, a debugger): it would take a
    connection and never answer. False where the system does not say (no /proc)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            data = handle.read(4096)
    except OSError:
        return False
    state = data.rpartition(b")")[2].split()[:1]  # the name before it may hold anything
    return state in ([b"T"], [b"t"])


def check_answering(sock: socket.socket) -> None:
    """InvalidInput (``cli.agent_stopped``), before anything is sent, when the agent's
    process is stopped; otherwise the answer's timeout is the bound."""
    pid = peer_pid(sock)
    if pid is not None and stopped(pid):
        raise InvalidInput("cli.agent_stopped", pid=pid)


def connect(vault_folder: Path, timeout: float) -> socket.socket | None:
    """A connection to this user's agent for ``vault_folder``, every check passed.

    None when no agent listens there (no folder, no socket, nobody answering). Raises
    InvalidInput, having sent nothing, when something there is not this user's.
    """
    if not supported():
        return None
    folder, name = socket_folder(), socket_name(vault_folder)
    with checked_folder(folder) as fd:
        if fd is None:
            return None
        try:
            info = os.stat(name, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            return None
        where = str(folder / name)
        if not stat.S_ISSOCK(info.st_mode):
            raise InvalidInput("cli.agent_socket_not_socket", socket=where)
        if info.st_uid != os.getuid():
            raise InvalidInput("cli.agent_socket_foreign", socket=where, owner=info.st_uid)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(address(fd, folder, name))
        except OSError:
            sock.close()
            return None
    uid = peer_uid(sock)
    if uid is not None and uid != os.getuid():
        sock.close()
        raise InvalidInput("cli.agent_peer_foreign", socket=where, uid=uid)
    return sock


def exchange(
    vault_folder: Path, request: dict[str, Any], *, answer_seconds: float = ANSWER_SECONDS
) -> dict[str, Any] | None:
    """Send one request to the agent and return its answer (None: no agent there).

    Bounded: CONNECT_SECONDS to reach it, ``answer_seconds`` for the answer. InvalidInput
    ``cli.agent_stopped`` (nothing sent) when its process is stopped, ``cli.agent_no_answer``
    when it took the request and stayed silent (it may still carry it out later).
    """
    sock = connect(vault_folder, CONNECT_SECONDS)
    if sock is None:
        return None
    with sock:
        check_answering(sock)
        try:
            send(sock, request)
            sock.settimeout(answer_seconds)
            return receive(sock)
        except TimeoutError:
            raise InvalidInput("cli.agent_no_answer", seconds=round(answer_seconds)) from None


# -- the wire --------------------------------------------------------------------------------


def send(sock: socket.socket, message: dict[str, Any]) -> None:
    """One framed JSON message."""
    # surrogatepass: a file name that is not UTF-8 (kept as surrogate escapes) crosses too
    data = json.dumps(message, ensure_ascii=False).encode("utf-8", "surrogatepass")
    sock.sendall(struct.pack(">I", len(data)) + data)


def _receive_exactly(sock: socket.socket, size: int) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = sock.recv(min(remaining, 1 << 20))
        if not chunk:
            raise ConnectionError("the other side closed the connection")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def decode(data: bytes) -> dict[str, Any]:
    """A message body (after its length) as a JSON object; ValueError otherwise."""
    message = json.loads(data.decode("utf-8", "surrogatepass"))
    if not isinstance(message, dict):
        raise ValueError("malformed message")
    return message


def receive(sock: socket.socket) -> dict[str, Any]:
    """One framed JSON message (blocking, with the socket's timeout)."""
    (size,) = struct.unpack(">I", _receive_exactly(sock, 4))
    if size > MAX_MESSAGE_BYTES:
        raise ConnectionError("message too large")
    return decode(_receive_exactly(sock, size))
