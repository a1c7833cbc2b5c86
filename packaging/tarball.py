"""The Linux download: ``dist/peerjournal-VERSION-linux-ARCH.tar.gz``.

It holds one folder of the same name with::

    peerjournal/                      the PyInstaller bundle (dist/peerjournal/)
    share/applications/<id>.desktop   the menu entry
    share/icons/hicolor/*/apps/<id>.png, scalable/apps/<id>.svg   rendered from the SVG
    share/metainfo/<id>.metainfo.xml  AppStream metadata (software centres)
    install.sh, uninstall.sh          per-user or ``--prefix`` installation (packaging/linux/)
    README.txt

Used by packaging/build.py after a successful build on Linux.
"""

from __future__ import annotations

import os
import platform
import shutil
import tarfile
from pathlib import Path

import icons

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.peerjournal.PeerJournal"
EXECUTABLES = {"install.sh", "uninstall.sh"}
README = """\
PeerJournal {version} for Linux ({arch})

Install for yourself (no administrator rights needed):
    ./install.sh
Install for everyone on this computer:
    sudo ./install.sh --prefix /usr/local
Or run it from here without installing:
    ./peerjournal/peerjournal            (the desktop app)
    ./peerjournal/peerjournal --help     (the command line)

Remove it again with the uninstall.sh that install.sh puts next to the app (it prints
where). Your journal is never part of the installation and is kept.
The app needs glibc {glibc} or newer and, for its window, X11 (libxcb-cursor0) or Wayland.
"""


def tarball_name(version: str, arch: str | None = None) -> str:
    """``peerjournal-VERSION-linux-ARCH`` (the folder inside is named the same)."""
    return f"peerjournal-{version}-linux-{arch or platform.machine()}"


def stage(bundle: Path, folder: Path, version: str) -> Path:
    """Lay the tarball's contents out in ``folder`` (made anew)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copytree(bundle, folder / "peerjournal", symlinks=True)
    share = folder / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(PACKAGING / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir()
    shutil.copyfile(
        PACKAGING / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml"
    )
    icons.write_hicolor(share, APP_ID)
    for script in sorted(EXECUTABLES):
        shutil.copyfile(PACKAGING / "linux" / script, folder / script)
        (folder / script).chmod(0o755)
    glibc = "-".join(platform.libc_ver()) or "of the build machine"
    (folder / "README.txt").write_text(
        README.format(version=version, arch=platform.machine(), glibc=glibc.replace("glibc-", "")),
        encoding="utf-8",
    )
    return folder


def _normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # no build machine's user names or ids in the download; group/other read, never write
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    if info.isdir():
        info.mode = 0o755
    elif info.isfile():
        info.mode = 0o755 if info.mode & 0o111 else 0o644
    return info


def write_tarball(bundle: Path, dist: Path, version: str) -> Path:
    """Write ``dist/peerjournal-VERSION-linux-ARCH.tar.gz`` from the built ``bundle``."""
    name = tarball_name(version)
    folder = stage(bundle, dist / f".{name}", version)
    target = dist / f"{name}.tar.gz"
    partial = target.with_name(target.name + ".part")
    try:
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            archive.add(folder, arcname=name, filter=_normalised)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
    return target
