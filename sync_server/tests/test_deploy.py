"""The deploy examples are valid for the tools that run them, and check-config works.

``systemd-analyze``, ``nginx`` and ``caddy`` are installed on the project's machines (.ci/run
installs them where missing); without them these tests fail in CI and skip elsewhere.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from peerjournal_relay.config import Settings
from relay_helpers import Client, RelayThread, new_key

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


def test_dockerfile_is_present_and_honest() -> None:
    docker = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert "NOT BUILT" in docker and "USER relay" in docker and "healthz" in docker


def _caddy_env(folder: Path) -> dict[str, str]:
    """Caddy's state (certificates, autosave) under ``folder``, never in the real home."""
    home = folder / "caddy-home"
    home.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home),
        "XDG_CONFIG_HOME": str(home),
    }


def test_caddyfile_passes_caddy_validate(tmp_path: Path) -> None:
    caddy = _tool("caddy")
    done = subprocess.run(
        [caddy, "validate", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env=_caddy_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Valid configuration" in done.stdout + done.stderr
    assert '"level":"warn"' not in done.stderr, done.stderr  # e.g. a needless directive
    assert '"level":"error"' not in done.stderr, done.stderr


def test_caddy_validate_catches_a_mistake(tmp_path: Path) -> None:
    caddy = _tool("caddy")
    broken = tmp_path / "Caddyfile"
    text = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    broken.write_text(text.replace("reverse_proxy 127", "reverse_prox 127", 1), encoding="utf-8")
    done = subprocess.run(
        [caddy, "validate", "--config", str(broken), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env=_caddy_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert done.returncode != 0 and "reverse_prox" in done.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_caddy_example_in_front_of_a_relay(tmp_path: Path) -> None:
    """The Caddyfile's site, served on loopback over plain HTTP in front of a real relay:
    /pj/ is stripped before the relay sees it (signatures over /v1/... verify), /metrics is
    refused under both prefixes, and a client's own X-Forwarded-For does not give it fresh
    rate-limit buckets."""
    caddy = _tool("caddy")
    relay = RelayThread(
        Settings()
        .with_overrides(
            {
                "port": 0,
                "data_dir": str(tmp_path / "data"),
                "trust_forwarded_for": True,
                "rate_limit_per_second": 0.01,
                "rate_limit_burst": 12,
                "min_free_disk_bytes": 0,
            }
        )
        .validate()
    ).start()
    port = _free_port()
    site = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert "relay.example.org {" in site
    site = site.replace("relay.example.org {", f"http://127.0.0.1:{port} {{")
    site = site.replace("127.0.0.1:8787 127.0.0.1:8788 127.0.0.1:8789", f"127.0.0.1:{relay.port}")
    config = tmp_path / "Caddyfile"
    assert site.count("{\n\tservers {") == 1  # the global options: add admin off to them
    config.write_text(site.replace("{\n\tservers {", "{\n\tadmin off\n\tservers {", 1))
    process = subprocess.Popen(
        [caddy, "run", "--config", str(config), "--adapter", "caddyfile"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_caddy_env(tmp_path),
    )
    base = f"http://127.0.0.1:{port}"
    client = Client(base)
    try:
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        box_key = new_key()
        created = client.signed(
            "POST", "/pj/v1/mailboxes", box_key, new_key=True, sign_path="/v1/mailboxes"
        )
        assert created.status_code == 201, created.text
        assert client.http.get(base + "/metrics").status_code == 403
        assert client.http.get(base + "/pj/metrics").status_code == 403
        assert client.http.get(base + "/healthz").status_code == 200
        # 12 tokens in all; the create and /healthz took 2 (Caddy itself refused /metrics).
        # Fresh forged addresses buy nothing.
        statuses = [
            client.http.get(
                base + "/pj/healthz", headers={"X-Forwarded-For": f"10.9.{n}.1"}
            ).status_code
            for n in range(15)
        ]
    finally:
        client.close()
        process.terminate()
        _, err = process.communicate(timeout=30)
        relay.stop()
    assert statuses == [200] * 10 + [429] * 5, statuses
    assert "panic" not in err


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
        # each of these started a relay that refused every send or create, or whose sweep
        # failed forever (int(nan))
        ("max_total_messages = 0\n", "max_total_messages must be positive"),
        ("max_mailboxes = -1\n", "max_mailboxes must be positive"),
        ("max_total_bytes = 0\n", "max_total_bytes must be positive"),
        ("min_free_disk_bytes = -5\n", "min_free_disk_bytes must be 0 or more"),
        ("ttl_days = nan\n", "ttl_days must be a finite number"),
        ("idle_mailbox_days = inf\n", "idle_mailbox_days must be a finite number"),
        ("header_timeout_seconds = nan\n", "header_timeout_seconds must be a finite number"),
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
