"""The real ``peerjournal`` console script in subprocesses, as users and scripts run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.cli import SCRIPT, env_for, pj


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """A vault made by ``peerjournal init`` in a subprocess."""
    done = pj(tmp_path, "init")
    assert done.returncode == 0, done.stderr
    assert "WRITE IT DOWN" in done.stdout
    return tmp_path / "vault"


def test_console_script_is_installed() -> None:
    assert SCRIPT.exists(), "run .venv/bin/pip install -e . first"


def test_write_list_search_show_as_a_script_would(vault: Path, tmp_path: Path) -> None:
    added = pj(tmp_path, "add", "-", "--title", "Exam", "--tag", "school", "--json",
               stdin="Revised chemistry all evening.\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    entry = json.loads(added.stdout)
    listed = json.loads(pj(tmp_path, "list", "--json").stdout)
    assert [item["id"] for item in listed] == [entry["id"]]
    found = pj(tmp_path, "search", "chemistry")
    assert found.returncode == 0 and "[chemistry]" in found.stdout and "\x1b" not in found.stdout
    shown = json.loads(pj(tmp_path, "show", entry["id"][:8], "--json").stdout)
    assert shown["body"] == "Revised chemistry all evening.\n" and shown["tags"] == ["school"]
    mood = pj(tmp_path, "mood", "add", "4", "--emotion", "calm", "--json")
    assert mood.returncode == 0 and json.loads(mood.stdout)["label"] == "Good"
    stats = json.loads(pj(tmp_path, "mood", "stats", "--json").stdout)
    assert stats["count"] == 1


def test_wrong_passphrase_one_line_and_vault_unchanged(vault: Path, tmp_path: Path) -> None:
    assert pj(tmp_path, "add", "text").returncode == 0
    before = {p.name: p.read_bytes() for p in vault.iterdir() if p.is_file()}
    done = pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="wrong")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == "peerjournal: That passphrase does not unlock this vault.\n"
    assert {p.name: p.read_bytes() for p in vault.iterdir() if p.is_file()} == before


def test_no_passphrase_and_no_terminal_fails_fast(vault: Path, tmp_path: Path) -> None:
    done = pj(tmp_path, "list", PEERJOURNAL_PASSPHRASE="")
    assert done.returncode == 1 and "no terminal to ask" in done.stderr
    assert done.stderr.count("\n") == 1


def test_missing_vault(tmp_path: Path) -> None:
    done = pj(tmp_path, "--vault", str(tmp_path / "none"), "search", "x")
    assert done.returncode == 1
    assert done.stderr.startswith("peerjournal: There is no PeerJournal vault in ")
    assert "Traceback" not in done.stderr


def test_export_import_round_trip_between_vaults(vault: Path, tmp_path: Path) -> None:
    for body in ("one", "two", "three"):
        assert pj(tmp_path, "add", body, "--tag", "t").returncode == 0
    first = pj(tmp_path, "export")
    assert first.returncode == 0 and "NOT encrypted" in first.stderr
    dump = tmp_path / "dump.json"
    dump.write_text(first.stdout)
    other = {"PEERJOURNAL_VAULT": str(tmp_path / "other")}
    assert pj(tmp_path, "init", **other).returncode == 0
    done = pj(tmp_path, "import", "--format", "json", str(dump), **other)
    assert done.stdout == "Imported 3 entries and 0 mood logs.\n"
    assert pj(tmp_path, "export", **other).stdout == first.stdout


def test_broken_pipe_is_quiet(vault: Path, tmp_path: Path) -> None:
    source = tmp_path / "many.json"
    entries = [
        {"title": f"Entry {i}. " + "a long walk by the river " * 5, "body": "word " * 50,
         "date": "2024-01-01",
         "time": f"{i // 60 % 24:02d}:{i % 60:02d}", "tags": [], "starred": False}
        for i in range(1200)
    ]  # fmt: skip
    source.write_text(json.dumps({"tags": {}, "entries": entries}))
    assert pj(tmp_path, "import", "--format", "jrnl", str(source)).returncode == 0
    for command in ("export", "list --limit 1200"):
        shell = f"'{SCRIPT}' {command} | head -c 100 >/dev/null; echo \"status=${{PIPESTATUS[0]}}\""
        done = subprocess.run(
            ["bash", "-c", shell],
            capture_output=True,
            text=True,
            env=env_for(tmp_path),
            timeout=120,
            check=False,
        )
        assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
        assert "internal error" not in done.stderr
        # One big write may be cut short by the kernel without an error (status 0);
        # output that does not fit the pipe's buffer (64 KiB here; the list is about 200 KB)
        # meets the closed pipe and exits with 141 (128 + SIGPIPE).
        assert done.stdout in ("status=0\n", "status=141\n")
        if command.startswith("list"):
            assert done.stdout == "status=141\n"


def test_commands_do_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom peerjournal.cli import main\n"
        "status = main(['--help'])\n"
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT', status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env_for(tmp_path),
        timeout=120,
        check=False,
    )
    assert done.stdout.strip().endswith("NO-QT 0"), done.stderr


def test_no_command_opens_the_desktop_app_or_says_why_not(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    done = subprocess.run(
        [str(SCRIPT), "--vault", str(tmp_path / "v")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    said = done.stderr
    assert "needs a graphical desktop" in said or "desktop app is not available" in said
    assert "Traceback" not in done.stderr


def test_text_encodings_at_the_edges(vault: Path, tmp_path: Path) -> None:
    bad = subprocess.run(
        [str(SCRIPT), "add", "-"],
        input=b"bad \xff byte",
        capture_output=True,
        env=env_for(tmp_path),
        timeout=120,
        check=False,
    )
    assert bad.returncode == 1 and b"not UTF-8" in bad.stderr
    c_locale = env_for(tmp_path, LC_ALL="C", PYTHONUTF8="0", PYTHONIOENCODING="ascii")
    done = subprocess.run(
        [str(SCRIPT), "add", "Über naïve", "--title", "Ünïcode", "--json"],
        capture_output=True,
        env=c_locale,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(pj(tmp_path, "list", "--json").stdout)
    assert [(e["title"], e["first_line"]) for e in shown] == [("Ünïcode", "Über naïve")]
    exported = subprocess.run(
        [str(SCRIPT), "export"], capture_output=True, env=c_locale, timeout=120, check=False
    )
    assert "Ünïcode".encode() in exported.stdout


def test_canary_never_reaches_any_file_through_the_cli(vault: Path, tmp_path: Path) -> None:
    canary = "CanaryXq7Zp"
    steps = [
        ["add", f"body {canary}", "--title", f"title {canary}", "--tag", canary, "--json"],
        ["search", canary],
        ["mood", "add", "3", "--note", f"note {canary}", "--emotion", canary],
        ["list", "--tag", canary],
        ["show", "--json", "PLACEHOLDER"],
        ["edit", "PLACEHOLDER", "--body", "-"],
        ["delete", "PLACEHOLDER"],
        ["list", "--trash", "--json"],
        ["show", canary],  # an error path: the id is the canary itself
    ]
    entry_id = ""
    for argv in steps:
        argv = [entry_id if a == "PLACEHOLDER" else a for a in argv]
        done = pj(tmp_path, *argv, stdin=f"edited {canary}")
        if argv[0] == "add":
            entry_id = json.loads(done.stdout)["id"]
        assert "Traceback" not in done.stderr
    leaks = [
        str(path)
        for path in tmp_path.rglob("*")
        if path.is_file() and canary.encode() in path.read_bytes()
    ]
    assert leaks == []
