"""The unlock agent talks only to its own user, and cannot be kept alive or blocked.

The attacks of issue 9 §1: another local user plants a fake agent where the client looks
(the old shared temp path, a folder of theirs, a socket of theirs moved into ours); the
client sends nothing and says why. Tests that need a second user create one with
``useradd`` (root only; CI runs as root, where they fail rather than skip).
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerjournal.cli.agent_socket import socket_folder, socket_name, socket_path
from tests.helpers.cli import env_for, pj
from tests.integration.test_cli_agent import _alive, agent_pids, unlock, vault, wait_until

__all__ = ["agent_pids", "vault"]  # fixtures shared with test_cli_agent

FAKE_AGENT = Path(__file__).resolve().parent.parent / "helpers" / "fake_agent.py"
OTHER_USER = "pjmallory"


def _require_root() -> None:
    if os.geteuid() == 0:
        return
    if os.environ.get("CI"):
        pytest.fail("needs root to create a second local user (CI runs as root)")
    pytest.skip("needs root to create a second local user")


@pytest.fixture(scope="module")
def other_user() -> Iterator[pwd.struct_passwd]:
    """A second local user, made for these tests and removed afterwards."""
    _require_root()
    try:
        pwd.getpwnam(OTHER_USER)
    except KeyError:
        subprocess.run(["useradd", "--no-create-home", OTHER_USER], check=True, timeout=60)
    yield pwd.getpwnam(OTHER_USER)
    subprocess.run(["userdel", OTHER_USER], check=False, timeout=60)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder both users can reach (the test's own tmp_path is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="pj-shared-", dir="/tmp"))
    folder.chmod(0o711)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


class FakeAgent:
    """The other user's fake agent, listening at ``socket``; ``log`` says what it got."""

    def __init__(self, user: pwd.struct_passwd, socket_file: Path, workdir: Path) -> None:
        workdir.mkdir(exist_ok=True)
        os.chown(workdir, user.pw_uid, user.pw_gid)
        script = workdir / "fake_agent.py"
        shutil.copy(FAKE_AGENT, script)
        os.chown(script, user.pw_uid, user.pw_gid)
        self.log = workdir / "log"
        self.log.touch()
        os.chown(self.log, user.pw_uid, user.pw_gid)
        self.process = subprocess.Popen(
            [
                "runuser",
                "-u",
                user.pw_name,
                "--",
                "/usr/bin/python3",
                str(script),
                str(socket_file),
                str(self.log),
            ],
            start_new_session=True,
        )
        assert wait_until(lambda: "ready" in self.log.read_text()), "the fake did not start"

    def connections(self) -> list[int]:
        """Bytes received on each connection so far."""
        return [int(line.split()[1]) for line in self.log.read_text().split("\n") if " " in line]

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)


@pytest.fixture
def fakes() -> Iterator[list[FakeAgent]]:
    made: list[FakeAgent] = []
    yield made
    for fake in made:
        fake.stop()


def test_a_fake_agent_at_the_old_shared_temp_path_receives_nothing(
    vault: Path, tmp_path: Path, other_user: pwd.struct_passwd, fakes: list[FakeAgent]
) -> None:
    # Before: without XDG_RUNTIME_DIR the client used <tmp>/peerjournal-<uid>/, which
    # another user could create first and listen in.
    planted = Path(tempfile.gettempdir()) / f"peerjournal-{os.getuid()}"
    if planted.exists():
        shutil.rmtree(planted)
    planted.mkdir(mode=0o777)
    planted.chmod(0o777)
    try:
        os.chown(planted, other_user.pw_uid, other_user.pw_gid)
        fakes.append(FakeAgent(other_user, planted / socket_name(vault), planted / "work"))
        done = pj(tmp_path, "list", "--json", XDG_RUNTIME_DIR="")
        assert done.returncode == 0, done.stderr
        assert [e["title"] for e in json.loads(done.stdout)] == ["Walk"]
        assert "FAKE" not in done.stdout
        assert fakes[0].connections() == []
    finally:
        shutil.rmtree(planted, ignore_errors=True)


def test_a_socket_folder_of_another_user_is_refused_before_a_byte_is_sent(
    vault: Path,
    tmp_path: Path,
    other_user: pwd.struct_passwd,
    shared_dir: Path,
    fakes: list[FakeAgent],
) -> None:
    runtime = shared_dir / "run"  # the user's runtime folder
    runtime.mkdir()
    runtime.chmod(0o711)  # for a moment, so the other user can reach in
    planted = runtime / "peerjournal"  # created first by the other user
    planted.mkdir(mode=0o700)
    os.chown(planted, other_user.pw_uid, other_user.pw_gid)
    fakes.append(FakeAgent(other_user, planted / socket_name(vault), shared_dir / "work"))
    runtime.chmod(0o700)  # private again, so the client uses it
    env = {"XDG_RUNTIME_DIR": str(runtime)}
    assert socket_folder_for(env) == planted
    done = pj(tmp_path, "search", "river", **env)
    assert done.returncode == 1
    assert done.stderr == (
        f"peerjournal: Nothing was sent to the unlocked session: its folder {planted} "
        f"belongs to another user (uid {other_user.pw_uid}), who may be posing as it. Remove "
        "that folder, or set XDG_RUNTIME_DIR to a folder of your own.\n"
    )
    assert fakes[0].connections() == []


def socket_folder_for(env: dict[str, str]) -> Path:
    """Where the client in a process with ``env`` looks for the socket."""
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return socket_folder()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _plant_in_our_folder(
    vault: Path, other_user: pwd.struct_passwd, shared_dir: Path, fakes: list[FakeAgent]
) -> Path:
    """The other user's listening socket moved into our own private socket folder."""
    fake_socket = shared_dir / "work" / "agent.sock"
    fakes.append(FakeAgent(other_user, fake_socket, shared_dir / "work"))
    ours = socket_folder()
    ours.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = ours / socket_name(vault)
    os.rename(fake_socket, target)  # a bound socket stays connectable when moved
    return target


def test_a_socket_of_another_user_in_our_folder_is_refused(
    vault: Path,
    tmp_path: Path,
    other_user: pwd.struct_passwd,
    shared_dir: Path,
    fakes: list[FakeAgent],
) -> None:
    target = _plant_in_our_folder(vault, other_user, shared_dir, fakes)
    done = pj(tmp_path, "show", "ffff")
    assert done.returncode == 1
    assert f"its socket {target} belongs to another user (uid {other_user.pw_uid})" in (done.stderr)
    assert fakes[0].connections() == []


def test_a_listener_of_another_user_is_refused_by_its_peer_credentials(
    vault: Path,
    tmp_path: Path,
    other_user: pwd.struct_passwd,
    shared_dir: Path,
    fakes: list[FakeAgent],
) -> None:
    target = _plant_in_our_folder(vault, other_user, shared_dir, fakes)
    os.chown(target, os.getuid(), os.getgid())  # only SO_PEERCRED can tell now
    secret = "my secret entry text"
    done = pj(tmp_path, "add", secret)
    assert done.returncode == 1
    assert f"answering at {target} runs as another user (uid {other_user.pw_uid})" in (done.stderr)
    assert wait_until(lambda: fakes[0].connections() != [])
    assert fakes[0].connections() == [0]  # connected, then not a byte
    lock = pj(tmp_path, "lock")
    assert lock.returncode == 1 and "runs as another user" in lock.stderr
    # the fake logs a connection once it has seen it end, in its own time: wait for it
    assert wait_until(lambda: len(fakes[0].connections()) >= 2)
    assert fakes[0].connections() == [0, 0]
    # The entry was not written elsewhere either: the vault still has only its one entry.
    target.unlink()
    listed = pj(tmp_path, "list", "--json")
    assert [e["title"] for e in json.loads(listed.stdout)] == ["Walk"]


# -- without a second user ------------------------------------------------------------------


def test_without_xdg_runtime_dir_the_socket_lives_under_home_not_in_temp(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    unlock(tmp_path, agent_pids, XDG_RUNTIME_DIR="")
    home = tmp_path / "home"
    folder = home / ".local" / "state" / "peerjournal" / "agent"
    sock = folder / socket_name(vault)
    assert sock.exists() and stat.S_ISSOCK(sock.stat().st_mode)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not (Path(tempfile.gettempdir()) / f"peerjournal-{os.getuid()}").exists()
    listed = pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="", XDG_RUNTIME_DIR="")
    assert listed.returncode == 0 and "Walk" in listed.stdout
    assert pj(tmp_path, "lock", XDG_RUNTIME_DIR="").stdout == "Locked.\n"


def test_a_runtime_dir_others_can_use_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared-run"
    shared.mkdir()
    shared.chmod(0o1777)
    assert socket_folder_for({"XDG_RUNTIME_DIR": str(shared)}) == (
        tmp_path / "home" / ".local" / "state" / "peerjournal" / "agent"
    )
    private = tmp_path / "home" / "run"
    assert socket_folder_for({"XDG_RUNTIME_DIR": str(private)}) == private / "peerjournal"


def _short(path: Path) -> Iterator[str]:
    """A short address for ``path`` (tmp_path is too deep for a socket address)."""
    fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        yield f"/proc/self/fd/{fd}/{path.name}"
    finally:
        os.close(fd)


short = contextlib.contextmanager(_short)


def _listen(path: Path) -> socket.socket:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with short(path) as where:
        server.bind(where)
    server.listen(4)
    server.settimeout(0.2)
    return server


def test_a_socket_folder_others_can_write_is_refused(vault: Path, tmp_path: Path) -> None:
    folder = socket_folder()
    folder.mkdir(parents=True, mode=0o700)
    folder.chmod(0o777)
    server = _listen(folder / socket_name(vault))
    with server:
        done = pj(tmp_path, "list")
        assert done.returncode == 1
        assert f"its folder {folder} can be used by other users (mode 777)" in done.stderr
        with pytest.raises(TimeoutError):
            server.accept()  # not even a connection


def test_a_symlinked_socket_folder_is_refused(vault: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    folder = socket_folder()
    folder.symlink_to(elsewhere)
    server = _listen(elsewhere / socket_name(vault))
    with server:
        done = pj(tmp_path, "list")
        assert done.returncode == 1 and "is not a folder (or is a link)" in done.stderr
        with pytest.raises(TimeoutError):
            server.accept()


def _proc_environ(pid: int) -> bytes:
    return Path(f"/proc/{pid}/environ").read_bytes()


def _status(vault: Path) -> dict[str, object]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)
        with short(socket_path(vault)) as where:
            sock.connect(where)
        data = json.dumps({"op": "status"}).encode()
        sock.sendall(struct.pack(">I", len(data)) + data)
        size = struct.unpack(">I", sock.recv(4))[0]
        body = b""
        while len(body) < size:
            body += sock.recv(size)
    return dict(json.loads(body))


def test_the_agent_keeps_no_secret_in_its_environment_and_cannot_be_dumped(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    unlock(tmp_path, agent_pids, PEERJOURNAL_RECOVERY_CODE="RECOVERY-CODE-IN-ENV")
    pid = agent_pids[0]
    environ = _proc_environ(pid)
    assert b"PEERJOURNAL_PASSPHRASE" not in environ
    assert b"correct horse battery" not in environ
    assert b"RECOVERY-CODE-IN-ENV" not in environ
    limits = Path(f"/proc/{pid}/limits").read_text()
    core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
    assert core.split()[4:6] == ["0", "0"]
    status = _status(vault)
    assert status["pid"] == pid
    assert status["dumpable"] == 0
    assert status["core_limit"] == 0
    assert status["secret_in_environment"] is False


def test_a_silent_client_does_not_block_the_agent_and_is_dropped(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    unlock(tmp_path, agent_pids)
    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with short(socket_path(vault)) as where:
        silent.connect(where)
    silent.sendall(struct.pack(">I", 1000) + b'{"argv": ')  # and then nothing more
    with silent:
        # Served while the silent one is still connected (the old agent read one
        # connection at a time with a 300 s timeout, so this waited for it).
        listed = subprocess.run(
            [str(Path(sys.executable).with_name("peerjournal")), "list"],
            env=env_for(tmp_path, PEERJOURNAL_PASSPHRASE=""),
            capture_output=True,
            text=True,
            timeout=4,
            check=False,
        )
        assert listed.returncode == 0 and "Walk" in listed.stdout
        silent.settimeout(60)
        assert silent.recv(1) == b""  # the agent hung up on it
    assert pj(tmp_path, "lock").stdout == "Locked.\n"


def _poke(vault: Path, payload: bytes | None) -> None:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(10)
            with short(socket_path(vault)) as where:
                sock.connect(where)
            if payload is not None:
                sock.sendall(struct.pack(">I", len(payload)) + payload)
                sock.recv(65536)
    except OSError:
        pass


def test_only_a_served_command_keeps_the_agent_awake(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    unlock(tmp_path, agent_pids, "--minutes", "0.05")  # 3 s idle
    pid = agent_pids[0]
    pokes = [None, b'{"op": "status"}', b'{"argv": ["nonsense"]}', b"not json"]
    end = time.monotonic() + 60
    index = 0
    while _alive(pid) and time.monotonic() < end:
        _poke(vault, pokes[index % len(pokes)])  # connections, status, bad requests
        index += 1
        time.sleep(0.2)
    assert not _alive(pid), "connections that served no command kept the agent alive"
    assert index > 4


def test_the_agent_ends_at_its_absolute_deadline_however_busy(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    unlock(tmp_path, agent_pids, "--minutes", "10", "--max-minutes", "0.05")
    pid = agent_pids[0]
    end = time.monotonic() + 60
    served = 0
    while _alive(pid) and time.monotonic() < end:
        done = pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="")
        served += done.returncode == 0
    assert not _alive(pid)
    assert served >= 1


def test_requests_announcing_more_than_the_agent_holds_together_are_dropped_at_once(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    # Each request may be up to 64 MiB, but 16 connections each announcing that much
    # made the agent hold a gigabyte of this user's bytes (the old open item). The first
    # large announcement is held; the next one that does not fit is dropped at once,
    # long before its own 5-second deadline, while the first stays connected.
    from peerjournal.cli.agent_server import MAX_BUFFERED_BYTES

    unlock(tmp_path, agent_pids)
    first, second = (socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) for _ in range(2))
    with first, second:
        size = MAX_BUFFERED_BYTES * 2 // 3
        with short(socket_path(vault)) as where:
            first.connect(where)
            first.sendall(struct.pack(">I", size) + b'{"argv": ')
            second.connect(where)
            second.sendall(struct.pack(">I", size) + b'{"argv": ')
        second.settimeout(60)
        assert second.recv(1) == b""  # dropped
        first.setblocking(False)
        with pytest.raises(BlockingIOError):  # still connected, waiting for the rest
            first.recv(1)
    listed = pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="")
    assert listed.returncode == 0 and "Walk" in listed.stdout, listed.stderr
    assert pj(tmp_path, "lock").stdout == "Locked.\n"
