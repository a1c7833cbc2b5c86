"""Start-up imports only what a command needs: ``--help`` and an agent-served command load
no Qt, no key derivation, no anonymiser, no vault or sync code (checked in a real process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.cli import env_for, pj
from tests.integration.test_cli_agent import agent_pids, unlock

__all__ = ["agent_pids"]  # fixture used below

#: Never needed to print help or to pass a command to the unlocked session.
HEAVY = ("PySide6", "shiboken6", "nacl", "nacl.pwhash", "peerjournal.anonymise", "sqlcipher3",
         "peerjournal.vault", "peerjournal.app", "peerjournal.sync", "peerjournal.importers",
         "peerjournal.exporters", "requests", "phonenumbers", "dateparser")  # fmt: skip

PROBE = (
    "import json, sys\n"
    "from peerjournal.cli import main\n"
    "status = main(sys.argv[2:])\n"
    "open(sys.argv[1], 'w').write(json.dumps({'status': status, 'modules': sorted(sys.modules)}))\n"
)


def _modules_after(tmp_path: Path, *argv: str, **extra: str) -> tuple[int, set[str]]:
    out = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), *argv],
        env=env_for(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.exists(), done.stderr
    report = json.loads(out.read_text())
    return int(report["status"]), set(report["modules"])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m in HEAVY or m.split(".")[0] in {"PySide6", "nacl"})


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    status, modules = _modules_after(tmp_path, "--help")
    assert status == 0
    assert "peerjournal.cli" in modules  # the probe did run the command line
    assert _heavy(modules) == []
    assert not any(m.startswith(("subprocess", "tempfile", "shlex")) for m in modules)


def test_an_agent_served_command_imports_nothing_heavy(
    tmp_path: Path, agent_pids: list[int]
) -> None:
    assert pj(tmp_path, "init").returncode == 0
    assert pj(tmp_path, "add", "by the river").returncode == 0
    unlock(tmp_path, agent_pids)
    for argv in (["list"], ["search", "river"], ["add", "from the agent"], ["show", "zzzz"]):
        status, modules = _modules_after(tmp_path, *argv, PEERJOURNAL_PASSPHRASE="")
        assert status in (0, 1), argv
        assert "peerjournal.cli.agent_socket" in modules, argv  # it went to the agent
        assert _heavy(modules) == [], argv
        # The short way: no parser built here, no command group loaded.
        assert "peerjournal.cli.commandline" not in modules, argv
        assert "argparse" not in modules and "peerjournal.cli.journal" not in modules, argv


def test_a_command_without_the_agent_does_load_the_vault(tmp_path: Path) -> None:
    """The check above can fail: a command run here loads the key derivation."""
    assert pj(tmp_path, "init").returncode == 0
    status, modules = _modules_after(tmp_path, "list")
    assert status == 0
    assert "nacl.pwhash" in modules and "sqlcipher3" in modules
    assert "PySide6" not in modules and "peerjournal.anonymise" not in modules
    assert "peerjournal.sync" not in modules and "peerjournal.importers" not in modules
