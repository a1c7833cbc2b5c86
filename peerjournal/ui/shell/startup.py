"""Before Qt starts: is there a display, and can Qt's X11 plugin load? Say what to do.

Qt's own answer to a missing library is "Could not load the Qt platform plugin xcb"
followed by an abort; to a missing display, a long message. Both are checked here first,
without loading any Qt library: :func:`missing_xcb_libraries` asks ``ldd`` which shared
libraries the xcb plugin cannot find, and :func:`install_hint` names the Debian/Ubuntu
packages (and the exact command) that provide them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: Shared library -> the Debian/Ubuntu package that ships it (Qt 6's xcb plugin needs).
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def xcb_plugin() -> Path | None:
    """Where PySide6 keeps Qt's xcb platform plugin (None if it is not there)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations)))
    plugin = plugin / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as 'not found', in order, without duplicates."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        if "not found" in line and "=>" in line:
            name = line.split("=>", 1)[0].strip()
            if name and name not in missing:
                missing.append(name)
    return missing


def missing_xcb_libraries() -> list[str]:
    """Libraries Qt's xcb plugin needs and cannot find ([] when unknown or all there)."""
    plugin = xcb_plugin()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    try:
        result = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return missing_libraries(result.stdout)


def install_hint(missing: list[str]) -> str:
    """What to tell the user: the missing libraries and the command that installs them."""
    packages = [DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES]
    unknown = [name for name in missing if name not in DEBIAN_PACKAGES]
    lines = [
        "PeerJournal cannot open its window: Qt's X11 support needs system libraries "
        "that are not installed: " + ", ".join(missing) + "."
    ]
    if packages:
        lines.append("On Debian or Ubuntu, install them with:")
        lines.append("    sudo apt-get install " + " ".join(packages))
    if unknown:
        lines.append(
            "Your distribution's package manager can tell which package provides "
            + ", ".join(unknown)
            + "."
        )
    return "\n".join(lines)


def cli_command() -> str:
    """How this user runs the command line right now: a name on PATH, or the real path."""
    if shutil.which("peerjournal"):
        return "peerjournal"
    beside = Path(sys.executable).with_name("peerjournal")
    if beside.is_file() and os.access(beside, os.X_OK):
        try:
            return str(beside.relative_to(Path.cwd()))
        except ValueError:
            return str(beside)
    return f"{sys.executable} -m peerjournal"


def no_display_message() -> str:
    """Why no window opened, and what works without a display."""
    return (
        "PeerJournal needs a graphical desktop to show its window, and none was found "
        "(DISPLAY and WAYLAND_DISPLAY are not set). Start it from a desktop session, or "
        f"use the command line, which needs no display: {cli_command()} --help"
    )
