"""Without any display the app explains itself and exits 2 before touching Qt."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from peerjournal.ui.app import EXIT_NO_DISPLAY, has_display, uses_xcb
from peerjournal.ui.shell import startup


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux-only")
def test_no_display_prints_a_clear_message_and_exits_2() -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    code = (
        "import sys\n"
        "from peerjournal.ui.app import main\n"
        "status = main([])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'Qt was loaded'\n"
        "raise SystemExit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == EXIT_NO_DISPLAY, result.stderr
    message = result.stderr.strip()
    assert "needs a graphical desktop" in message
    # never an invisible offscreen window, and only a command this user can really run
    assert "offscreen" not in message and "QT_QPA_PLATFORM" not in message
    command = message.rsplit(": ", 1)[1].removesuffix(" --help")
    program = shlex.split(command)[0]
    assert shutil.which(program) or Path(program).is_file(), command
    if shutil.which("peerjournal") is None:
        assert not command.startswith("peerjournal")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux-only")
def test_make_run_without_a_display_says_so_through_make(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "MAKEFLAGS"}
    }
    result = subprocess.run(
        ["make", "-s", "run", f"VENV={Path(sys.executable).parents[1]}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "needs a graphical desktop" in result.stderr
    assert "offscreen" not in result.stderr
    assert "Could not load the Qt platform plugin" not in result.stderr


def test_missing_xcb_libraries_name_the_exact_install_command() -> None:
    ldd = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x7f)\n"
        "\tlibxcb-cursor.so.0 => not found\n"
        "\tlibxkbcommon-x11.so.0 => not found\n"
        "\tlibxcb-cursor.so.0 => not found\n"
        "\tlibweird.so.9 => not found\n"
    )
    missing = startup.missing_libraries(ldd)
    assert missing == ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libweird.so.9"]
    hint = startup.install_hint(missing)
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in hint
    assert "libweird.so.9" in hint and "Could not load" not in hint


@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd is part of glibc on Linux")
def test_this_machine_has_every_library_the_xcb_plugin_needs() -> None:
    assert startup.xcb_plugin() is not None
    assert startup.missing_xcb_libraries() == []  # CI installs them (.ci/run)


def test_xcb_is_expected_only_for_x11_on_linux() -> None:
    assert uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0"}, "darwin")


def test_display_detection() -> None:
    assert not has_display({}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({}, "win32")


def test_exit_after_first_paint_prints_a_timestamp(tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PEERJOURNAL_EXIT_AFTER_FIRST_PAINT="1")
    result = subprocess.run(
        [sys.executable, "-c", "from peerjournal.ui.app import main; raise SystemExit(main())",
         "--vault", str(tmp_path / "vault")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("first-paint-monotonic ")]
    assert len(lines) == 1 and float(lines[0].split()[1]) > 0
    assert not (tmp_path / "vault").exists()  # showing the first-run screen creates nothing


def test_start_up_loads_neither_the_mood_nor_the_peers_screens(tmp_path) -> None:
    """The shell opens mood (QtCharts) and peers lazily: the first paint loads neither."""
    code = (
        "import sys\n"
        "from peerjournal.ui.app import main\n"
        "status = main(['--vault', sys.argv[1]])\n"
        "watched = ('peerjournal.ui.journal', 'peerjournal.ui.mood', 'peerjournal.ui.peers',\n"
        "           'PySide6.QtCharts')\n"
        "print('loaded', *sorted({m.rsplit('.', 1)[0] if m.count('.') > 2 else m\n"
        "                         for m in sys.modules if m.startswith(watched)}))\n"
        "raise SystemExit(status)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PEERJOURNAL_EXIT_AFTER_FIRST_PAINT="1")
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "vault")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    loaded = next(ln for ln in result.stdout.splitlines() if ln.startswith("loaded")).split()[1:]
    assert loaded == ["peerjournal.ui.journal"]  # the journal is part of the first screen
