"""The Linux tarball installed as a user would: per user and with --prefix, validated, started
from the installed menu entry, and removed without a trace."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest

from tests.helpers.packaging import Built

pytestmark = pytest.mark.slow
APP_ID = "io.github.peerjournal.PeerJournal"
HICOLOR = ("16x16", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing; .ci/run installs it")
        pytest.skip(f"{name} is not installed")
    return found


@pytest.fixture
def unpacked(built_bundle: Built, tmp_path: Path) -> Path:
    assert built_bundle.status == 0, built_bundle.err[-3000:]
    with tarfile.open(built_bundle.tarball) as archive:
        archive.extractall(tmp_path / "download", filter="tar")
    (folder,) = (tmp_path / "download").iterdir()
    return folder


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "home of Ana María"  # spaces and accents, as real homes have
    (folder / "Documents").mkdir(parents=True)  # something of the user's own
    (folder / "Documents" / "notes.txt").write_text("mine", encoding="utf-8")
    yield folder


def _env(home: Path, elsewhere: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "PEERJOURNAL_")) and k not in {"DISPLAY", "WAYLAND_DISPLAY"}
    }
    env["HOME"] = str(home)
    env["PATH"] = "/usr/bin:/bin"
    # what the app itself writes when it runs (settings, font cache) is the user's, not the
    # installation's: keep it out of the home so "nothing left behind" is exact
    env["XDG_CONFIG_HOME"] = str(elsewhere / "config")
    env["XDG_CACHE_HOME"] = str(elsewhere / "cache")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _run(command: list[str], env: dict[str, str], cwd: Path | None = None) -> str:
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=cwd, timeout=120, check=False
    )
    assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    return result.stdout


def _exec_line(desktop: Path) -> list[str]:
    for line in desktop.read_text("utf-8").splitlines():
        if line.startswith("Exec="):
            return [part for part in shlex.split(line[5:]) if not part.startswith("%")]
    raise AssertionError("no Exec line")


def _validate(desktop: Path, metainfo: Path) -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _start_from_menu_entry(desktop: Path, env: dict[str, str]) -> None:
    command = _exec_line(desktop)
    assert Path(command[0]).is_absolute()  # works even when ~/.local/bin is not on the PATH
    version = _run([*command, "--version"], env).strip()
    assert version == f"peerjournal {metadata.version('peerjournal')}"
    painted = _run(command, {**env, "PEERJOURNAL_EXIT_AFTER_FIRST_PAINT": "1"})
    assert "first-paint-monotonic" in painted


def test_per_user_install_validates_starts_and_uninstalls_cleanly(
    unpacked: Path, home: Path, tmp_path: Path
) -> None:
    env = _env(home, tmp_path / "app-data")
    before = _snapshot(home)
    out = _run(["sh", str(unpacked / "install.sh")], env, cwd=tmp_path)
    assert "Installed peerjournal" in out and "is not on your PATH" in out

    local = home / ".local"
    launcher = local / "bin" / "peerjournal"
    assert launcher.is_symlink() and os.access(launcher, os.X_OK)
    desktop = local / "share" / "applications" / f"{APP_ID}.desktop"
    metainfo = local / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    icons = local / "share" / "icons" / "hicolor"
    for size in HICOLOR:
        png = icons / size / "apps" / f"{APP_ID}.png"
        assert png.read_bytes().startswith(b"\x89PNG"), size
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert _exec_line(desktop) == [str(launcher)]  # quoted in the file: the home has spaces
    _validate(desktop, metainfo)
    _start_from_menu_entry(desktop, env)
    assert not list(local.rglob("*.part"))

    # installing again (an update) keeps one copy of everything and one list of it
    _run(["sh", str(unpacked / "install.sh")], env, cwd=tmp_path)
    manifest = (local / "lib" / "peerjournal" / "INSTALLED").read_text("utf-8").splitlines()
    assert len(manifest) == len(set(manifest))

    out = _run(["sh", str(local / "lib" / "peerjournal" / "uninstall.sh")], env, cwd=tmp_path)
    assert "Your journal and settings were kept" in out
    assert _snapshot(home) == before
    assert (home / "Documents" / "notes.txt").read_text("utf-8") == "mine"


def test_system_wide_install_with_prefix(unpacked: Path, home: Path, tmp_path: Path) -> None:
    env = _env(home, tmp_path / "app-data")
    prefix = tmp_path / "usr-local"
    (prefix / "share" / "applications").mkdir(parents=True)  # folders the system already has
    (prefix / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    before_prefix, before_home = _snapshot(prefix), _snapshot(home)
    _run(["sh", str(unpacked / "install.sh"), "--prefix", str(prefix)], env, cwd=tmp_path)
    assert (prefix / "bin" / "peerjournal").is_symlink()
    assert (prefix / "lib" / "peerjournal" / "peerjournal").is_file()
    desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    _validate(desktop, prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml")
    _start_from_menu_entry(desktop, env)
    assert _snapshot(home) == before_home  # nothing of a system-wide install in the home
    _run(["sh", str(unpacked / "uninstall.sh"), "--prefix", str(prefix)], env, cwd=tmp_path)
    assert _snapshot(prefix) == before_prefix


def test_uninstall_refuses_a_list_that_is_not_its_own(tmp_path: Path, unpacked: Path) -> None:
    victim = tmp_path / "precious"
    victim.mkdir()
    (victim / "file").write_text("keep", encoding="utf-8")
    fake = tmp_path / "fake" / "INSTALLED"
    fake.parent.mkdir()
    fake.write_text(f"t {victim}\nf {victim / 'file'}\n", encoding="utf-8")
    result = subprocess.run(
        ["sh", str(unpacked / "uninstall.sh"), "--manifest", str(fake)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "nothing removed" in result.stderr
    assert (victim / "file").read_text("utf-8") == "keep"


def test_install_refuses_a_folder_a_menu_entry_cannot_name(unpacked: Path, tmp_path: Path) -> None:
    odd = tmp_path / "cost$HOME"
    odd.mkdir()
    env = _env(odd, tmp_path / "app-data")
    result = subprocess.run(
        ["sh", str(unpacked / "install.sh")], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 1 and "a menu entry cannot name" in result.stderr
    assert not (odd / ".local").exists()  # refused before anything was written


def test_install_refuses_unknown_options(unpacked: Path, home: Path, tmp_path: Path) -> None:
    env = _env(home, tmp_path / "app-data")
    result = subprocess.run(
        ["sh", str(unpacked / "install.sh"), "--prefx", "/tmp/x"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2 and "unknown option: --prefx" in result.stderr
    assert not (home / ".local").exists()
