"""The relay builds as a wheel that installs and serves in a clean venv: no Qt, no SQLCipher.

The clean environment installs the wheel's dependencies from the package index (or pip's
cache) as an operator would; the desktop app's packages must not come along.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest
from relay_helpers import spawn_relay

PROJECT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_serves_in_a_clean_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(
        PROJECT,
        source,
        ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__", ".*"),
    )
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    wheels = list(dist.glob("peerjournal_relay-*.whl"))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert all(n.startswith(("peerjournal_relay/", "peerjournal_relay-")) for n in names)
    assert "peerjournal_relay/storage/migrations.py" in names
    requires = " ".join(line for line in metadata.splitlines() if line.startswith("Requires-Dist"))
    for forbidden in ("PySide6", "sqlcipher", "peerjournal "):
        assert forbidden.lower() not in requires.lower(), forbidden

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheels[0])],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    listed = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=json"],
        capture_output=True,
        text=True,
        check=True,
    )
    packages = {p["name"].lower() for p in json.loads(listed.stdout)}
    assert "peerjournal-relay" in packages
    assert not packages & {"pyside6", "pyside6-essentials", "sqlcipher3", "peerjournal"}

    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL"))}
    process, url, _ = spawn_relay(
        tmp_path / "data",
        command=[str(env_dir / "bin" / "peerjournal-relay")],
        env=clean_env,
        inherit_env=False,
        cwd=tmp_path,
    )
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=10) as answer:
            assert json.loads(answer.read()) == {"status": "ok"}
        with urllib.request.urlopen(url + "/v1/info", timeout=10) as answer:
            assert json.loads(answer.read())["protocol"] == 1
    finally:
        process.terminate()
        process.communicate(timeout=30)
