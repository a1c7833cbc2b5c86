"""Run the real ``peerjournal`` console script in a subprocess, isolated in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("peerjournal")
PASS = "correct horse battery"


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment in tmp_path with the fast test KDF; ``NAME=""`` in extra unsets NAME."""
    home = tmp_path / "home"
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_RUNTIME_DIR=str(home / "run"),
        PEERJOURNAL_VAULT=str(tmp_path / "vault"),
        PEERJOURNAL_PASSPHRASE=PASS,
        PEERJOURNAL_INSECURE_TEST_KDF="1",
        PYTHONWARNINGS="error",
    )
    env.pop("QT_QPA_PLATFORM", None)  # as a user's shell: the CLI must not need Qt
    env.update(extra)
    return {k: v for k, v in env.items() if v != ""}


def pj(
    tmp_path: Path, *argv: str, stdin: str = "", **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run the console script with no terminal attached."""
    return subprocess.run(
        [str(SCRIPT), *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env_for(tmp_path, **extra),
        timeout=120,
        check=False,
    )
