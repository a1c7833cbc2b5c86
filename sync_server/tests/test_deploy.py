"""The deploy examples are valid for the tools that run them, and check-config works.

``systemd-analyze`` and ``nginx`` are installed on the project's machines (.ci/run installs
them where missing); without them these tests fail in CI and skip elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"


def _tool(name: str) -> str:
    found = shutil.which(name) or next(
        (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/bin") / name) if p.exists()), None
    )
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed in CI (.ci/run installs it)")
        pytest.skip(f"{name} not installed")
    return found


def test_systemd_unit_verifies_clean(tmp_path: Path) -> None:
    analyze = _tool("systemd-analyze")
    unit = (DEPLOY / "peerjournal-relay.service").read_text(encoding="utf-8")
    for needed in (
        "DynamicUser=yes",
        "ProtectSystem=strict",
        "PrivateTmp=yes",
        "NoNewPrivileges=yes",
        "ReadWritePaths=/var/lib/peerjournal-relay",
        "RestrictAddressFamilies=",
        "MemoryMax=",
    ):
        assert needed in unit, needed
    # verify checks that ExecStart exists: point it at this environment's command
    command = Path(sys.executable).with_name("peerjournal-relay")
    assert command.exists()
    local = tmp_path / "peerjournal-relay.service"
    local.write_text(
        unit.replace("/opt/peerjournal-relay/bin/peerjournal-relay", str(command)),
        encoding="utf-8",
    )
    done = subprocess.run(
        [analyze, "verify", str(local)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr  # no "Unknown key", no invalid value


def test_systemd_verify_catches_a_mistake(tmp_path: Path) -> None:
    """The check above would notice a typo (systemd-analyze exits 0 but complains)."""
    analyze = _tool("systemd-analyze")
    command = Path(sys.executable).with_name("peerjournal-relay")
    unit = (DEPLOY / "peerjournal-relay.service").read_text(encoding="utf-8")
    broken = tmp_path / "broken.service"
    broken.write_text(
        unit.replace("/opt/peerjournal-relay/bin/peerjournal-relay", str(command)).replace(
            "ProtectSystem=strict", "ProtectSystm=strict"
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [analyze, "verify", str(broken)], capture_output=True, text=True, check=False
    )
    assert "Unknown key" in done.stderr


def _self_signed(folder: Path) -> tuple[Path, Path]:
    openssl = _tool("openssl")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=relay.example.org",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        capture_output=True,
        check=True,
    )
    return cert, key


def nginx_main_config(folder: Path, site: str, listen_override: str | None = None) -> Path:
    """A complete nginx.conf around the deploy example's server block, for ``nginx -t``
    and for the 3-instance test; everything nginx writes goes under ``folder``."""
    for sub in ("logs", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    proxy = (DEPLOY / "peerjournal-relay-proxy.conf").read_text(encoding="utf-8")
    (folder / "peerjournal-relay-proxy.conf").write_text(proxy, encoding="utf-8")
    site = site.replace(
        "/etc/nginx/peerjournal-relay-proxy.conf", str(folder / "peerjournal-relay-proxy.conf")
    )
    if listen_override is not None:
        site = site.replace("listen 443 ssl;", listen_override).replace("listen [::]:443 ssl;", "")
    (folder / "site.conf").write_text(site, encoding="utf-8")
    main = folder / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""
    main.write_text(
        f"""{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {folder}/tmp/body;
    proxy_temp_path {folder}/tmp/proxy;
    fastcgi_temp_path {folder}/tmp/fastcgi;
    uwsgi_temp_path {folder}/tmp/uwsgi;
    scgi_temp_path {folder}/tmp/scgi;
    include {folder}/site.conf;
}}
""",
        encoding="utf-8",
    )
    return main


def test_nginx_example_passes_nginx_t(tmp_path: Path) -> None:
    nginx = _tool("nginx")
    cert, key = _self_signed(tmp_path)
    site = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/letsencrypt/live/relay.example.org/fullchain.pem", str(cert)).replace(
        "/etc/letsencrypt/live/relay.example.org/privkey.pem", str(key)
    )
    main = nginx_main_config(tmp_path, site, listen_override="listen 127.0.0.1:18443 ssl;")
    done = subprocess.run(
        [nginx, "-t", "-c", str(main), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "syntax is ok" in done.stderr and "test is successful" in done.stderr


def test_dockerfile_and_caddyfile_are_present_and_honest() -> None:
    docker = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert "NOT BUILT" in docker and "USER relay" in docker and "healthz" in docker
    caddy = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert "handle_path /pj/*" in caddy and "header_up X-Forwarded-For {remote_host}" in caddy


def test_check_config_prints_effective_settings(tmp_path: Path) -> None:
    config = tmp_path / "relay.toml"
    config.write_text(
        'port = 9100\nttl_days = 7.0\ndatabase_url = "postgresql://relay:s3cret@db.internal/relay"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "peerjournal_relay", "check-config", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, "PEERJOURNAL_RELAY_MAX_WAIT_SECONDS": "20"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "s3cret" not in done.stdout + done.stderr
    values = tomllib.loads(done.stdout)
    assert values["port"] == 9100 and values["ttl_days"] == 7.0
    assert values["max_wait_seconds"] == 20  # the environment counts too
    assert values["database_url"] == "postgresql://relay:***@db.internal/relay"
    assert set(values) == set(Settings.__dataclass_fields__)
    assert "configuration OK" in done.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("prot = 1\n", "unknown setting 'prot'"),
        ("max_wait_seconds = 99\n", "max_wait_seconds must be between 0 and 30"),
        ("port = 'x'\n", "invalid value for port"),
        ("[[", "not valid TOML"),
    ],
)
def test_check_config_refuses_bad_files(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "relay.toml"
    config.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "peerjournal_relay", "check-config", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
