"""Without any display the app explains itself and exits 2 before touching Qt."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from peerjournal.ui.app import DISPLAY_MESSAGE, EXIT_NO_DISPLAY, has_display


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
    assert result.stderr.strip() == DISPLAY_MESSAGE
    assert "needs a graphical display" in result.stderr


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
