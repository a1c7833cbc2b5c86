"""The relay builds as a wheel that installs and serves in a clean venv: no Qt, no SQLCipher.

Offline, like every test: the wheel is built without build isolation (from the setuptools
already installed), and the clean venv installs it with ``pip install --no-index
--find-links WHEELHOUSE``. ``.ci/run`` fills the wheelhouse from the package index before
the tests (``PEERJOURNAL_RELAY_WHEELHOUSE``), as an operator's ``pip install`` would get
them; without it (a developer's machine) the test packs the wheelhouse from the
distributions installed in this environment. Every pip and build call runs with the
package index switched off and a dead proxy, so an accidental download fails the test
instead of reaching the network.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
import venv
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from relay_helpers import spawn_relay

PROJECT = Path(__file__).resolve().parents[1]
WHEELHOUSE_ENV = "PEERJOURNAL_RELAY_WHEELHOUSE"
DEAD_PROXY = "http://127.0.0.1:9"  # nothing listens there: a download attempt fails at once
OFFLINE = {
    "PIP_NO_INDEX": "1",
    "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    "PIP_NO_CACHE_DIR": "1",
    "PIP_PROXY": DEAD_PROXY,
    "HTTP_PROXY": DEAD_PROXY,
    "HTTPS_PROXY": DEAD_PROXY,
    "http_proxy": DEAD_PROXY,
    "https_proxy": DEAD_PROXY,
    "NO_PROXY": "",
    "no_proxy": "",
}


def dependency_closure(name: str) -> list[metadata.Distribution]:
    """The installed distributions ``name`` needs at run time (no extras), ``name`` excluded."""
    environment = {**default_environment(), "extra": ""}
    seen: dict[str, metadata.Distribution] = {}
    todo = [
        Requirement(text)
        for text in metadata.requires(name) or []
        if Requirement(text).marker is None or Requirement(text).marker.evaluate(environment)
    ]
    while todo:
        requirement = todo.pop()
        key = canonicalize_name(requirement.name)
        if key in seen:
            continue
        dist = metadata.distribution(requirement.name)
        seen[key] = dist
        for text in dist.requires or []:
            child = Requirement(text)
            if child.marker is None or child.marker.evaluate(environment):
                todo.append(child)
    return list(seen.values())


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode("ascii")


def repack(dist: metadata.Distribution, into: Path) -> Path:
    """A wheel of the installed distribution ``dist`` (its files as pip recorded them)."""
    wheel_info = dist.read_text("WHEEL") or ""
    tags = re.findall(r"^Tag: *(\S+)$", wheel_info, re.MULTILINE) or ["py3-none-any"]
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    version = dist.version
    info = f"{name}-{version}.dist-info"
    target = into / f"{name}-{version}-{tags[0]}.whl"
    skip = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
    records: list[str] = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
        for file in dist.files or []:
            parts = file.parts
            if parts[0] == ".." or "__pycache__" in parts:
                continue  # console scripts are made again from entry_points.txt
            arcname = "/".join(parts)
            if parts[0].endswith(".dist-info"):
                if parts[-1] in skip:
                    continue
                arcname = "/".join((info, *parts[1:]))
            data = Path(str(dist.locate_file(file))).read_bytes()
            wheel.writestr(arcname, data)
            records.append(f"{arcname},{_record_hash(data)},{len(data)}")
        records.append(f"{info}/RECORD,,")
        wheel.writestr(f"{info}/RECORD", "\n".join(records) + "\n")
    return target


def wheelhouse(tmp_path: Path) -> Path:
    """The folder of dependency wheels: the one ``.ci/run`` prepared, or packed here."""
    given = os.environ.get(WHEELHOUSE_ENV, "")
    if given:
        folder = Path(given)
        assert folder.is_dir() and any(folder.glob("*.whl")), f"{WHEELHOUSE_ENV}={given} is empty"
        return folder
    if os.environ.get("CI"):
        pytest.fail(f"{WHEELHOUSE_ENV} is not set in CI (.ci/run prepares the wheelhouse)")
    folder = tmp_path / "wheelhouse"
    folder.mkdir()
    for dist in dependency_closure("peerjournal-relay"):
        repack(dist, folder)
    return folder


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL", "PIP_"))}
    return subprocess.run(
        args,
        capture_output=True,
        text=True,
        env={**env, **OFFLINE},
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def _get(url: str) -> object:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy
    with opener.open(url, timeout=10) as answer:
        return json.loads(answer.read())


@pytest.mark.slow
def test_wheel_installs_and_serves_in_a_clean_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(
        PROJECT,
        source,
        ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__", ".*"),
    )
    built = _run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(source),
        ],
        timeout=600,
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheels = list(dist.glob("peerjournal_relay-*.whl"))
    assert len(wheels) == 1
    with zipfile.ZipFile(wheels[0]) as archive:
        names = archive.namelist()
        metadata_text = archive.read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert all(n.startswith(("peerjournal_relay/", "peerjournal_relay-")) for n in names)
    assert "peerjournal_relay/storage/migrations.py" in names
    requires = " ".join(
        line for line in metadata_text.splitlines() if line.startswith("Requires-Dist")
    )
    for forbidden in ("PySide6", "sqlcipher", "peerjournal "):
        assert forbidden.lower() not in requires.lower(), forbidden

    wheels_dir = wheelhouse(tmp_path)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)  # ensurepip: no download
    python = env_dir / "bin" / "python"
    pip_install = [str(python), "-m", "pip", "install", "--quiet", "--no-index"]
    installed = _run(
        [*pip_install, "--find-links", str(wheels_dir), str(wheels[0])],
        timeout=900,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    listed = _run([str(python), "-m", "pip", "list", "--format=json"])
    assert listed.returncode == 0, listed.stderr
    packages = {p["name"].lower() for p in json.loads(listed.stdout)}
    assert {"peerjournal-relay", "starlette", "uvicorn", "pynacl"} <= packages
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
        assert _get(url + "/healthz") == {"status": "ok"}
        info = _get(url + "/v1/info")
        assert isinstance(info, dict) and info["protocol"] == 1
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_the_packed_wheelhouse_holds_exactly_the_runtime_dependencies(tmp_path: Path) -> None:
    """The local stand-in for .ci/run's wheelhouse: every run-time dependency, repacked with
    a valid RECORD, and nothing of the desktop app or the dev tools."""
    names = {canonicalize_name(d.metadata["Name"]) for d in dependency_closure("peerjournal-relay")}
    assert {"starlette", "uvicorn", "httptools", "pynacl", "prometheus-client", "cffi"} <= names
    assert not names & {"pyside6", "sqlcipher3", "peerjournal", "pytest", "schemathesis", "psycopg"}
    wheel = repack(metadata.distribution("starlette"), tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        record = archive.read(next(n for n in archive.namelist() if n.endswith("RECORD")))
        for line in record.decode().splitlines():
            arcname, digest, size = line.rsplit(",", 2)
            if digest:
                data = archive.read(arcname)
                assert digest == _record_hash(data) and int(size) == len(data)
    assert wheel.name.startswith(f"starlette-{metadata.version('starlette')}-")
