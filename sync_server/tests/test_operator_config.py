"""``check-config`` (and ``serve``) against broken, hostile and edge-case config files.

Each case below once printed a traceback, hung, accepted a value the relay then used in a
different form than written (``port = 80.5`` served on 80, ``host = ["a"]`` became the text
``['a']``) or printed a database password. An operator gets one clear line and exit status 2.
The command runs in-process (``cli.main``): the same code path as the installed command,
without a process start per case.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from peerjournal_relay.cli import main
from peerjournal_relay.config import MAX_CONFIG_BYTES


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["check-config", str(path)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("port = 80.5\n", "port must be a whole number"),
        ('port = "80.5"\n', "invalid value for port"),
        ("max_connections = 1e-3\n", "max_connections must be a whole number"),
        ('host = ["127.0.0.1"]\n', "host must be a string"),
        ("host = 1979-05-27\n", "host must be a string"),
        ("data_dir = 7\n", "data_dir must be a string"),
        ("access_log = 1\n", "invalid value for access_log"),
        ("[server]\nport = 1\n", "unknown setting 'server'"),
        ('data_dir = "a\\u0000b"\n', "data_dir must not contain control characters"),
        ('host = "127.0.0.1\\n"\n', "host must not contain control characters"),
        # an empty host listened on every interface, an empty data_dir used the working folder
        ('host = ""\n', "host must not be empty"),
        ('data_dir = ""\n', "data_dir must not be empty"),
        ('database_url = "postgresql://relay@db:99999/relay"\n', "database_url is not a valid"),
        ('database_url = "postgresql://relay:pw@[::1/relay"\n', "database_url is not a valid"),
    ],
)
def test_bad_values_are_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    config = tmp_path / "relay.toml"
    config.write_text(text, encoding="utf-8")
    status, out, err = _check(config, capsys)
    assert status == 2, out
    assert message in err and "Traceback" not in err
    assert err.startswith("peerjournal-relay: ") and err.count("\n") == 1
    assert "pw@" not in err


def test_a_file_that_is_not_utf8_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "relay.toml"
    config.write_bytes(b'host = "\xe9"\n')  # Latin-1, as an old editor may save it
    status, _, err = _check(config, capsys)
    assert status == 2
    assert "is not UTF-8 text" in err and err.count("\n") == 1


def test_a_huge_file_is_refused_without_reading_it_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "relay.toml"
    config.write_bytes(b"# " + b"x" * MAX_CONFIG_BYTES + b"\n")
    status, _, err = _check(config, capsys)
    assert status == 2
    assert "larger than" in err
    # /dev/zero never ends: reading it whole used to hang until memory ran out
    status, _, err = _check(Path("/dev/zero"), capsys)
    assert status == 2 and "larger than" in err


def test_a_byte_order_mark_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "relay.toml"
    config.write_bytes(b"\xef\xbb\xbfport = 9100\n")  # Windows editors write one
    status, out, err = _check(config, capsys)
    assert status == 0, err
    assert tomllib.loads(out.split("# backend")[0])["port"] == 9100


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("PORT", "\u0668\u0660"),  # Arabic-Indic digits: int() took them as 80
        ("PORT", "8_0"),
        ("PORT", "0x50"),
        ("TTL_DAYS", "1_0"),
        ("TTL_DAYS", "\u0661"),
        ("MAX_CONNECTIONS", "1e3x"),
    ],
)
def test_environment_numbers_are_plain_ascii(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    raw: str,
) -> None:
    config = tmp_path / "relay.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("PEERJOURNAL_RELAY_" + name, raw)
    status, _, err = _check(config, capsys)
    assert status == 2
    assert f"invalid value for {name.lower()}" in err


def test_integral_numbers_and_padded_environment_values_still_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "relay.toml"
    config.write_text("max_total_bytes = 2e10\nttl_days = 7\nport = 1_234\n", encoding="utf-8")
    monkeypatch.setenv("PEERJOURNAL_RELAY_MAX_CONNECTIONS", " 500 ")
    monkeypatch.setenv("PEERJOURNAL_RELAY_BODY_TIMEOUT_SECONDS", "2.5e1")
    status, out, err = _check(config, capsys)
    assert status == 0, err
    values = tomllib.loads(out.split("# backend")[0])
    assert values["max_total_bytes"] == 20_000_000_000
    assert values["ttl_days"] == 7.0 and values["port"] == 1234
    assert values["max_connections"] == 500 and values["body_timeout_seconds"] == 25.0


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://relay@db.internal/relay?password=s3cret",
        "postgresql://relay@db.internal/relay?sslmode=require&password=s3cret",
        "postgresql://relay:s3cret@db.internal/relay",
        "postgresql://relay:s3cret@db.internal/relay?password=s3cret",
    ],
)
def test_no_password_in_the_printed_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    config = tmp_path / "relay.toml"
    config.write_text(f'database_url = "{url}"\n', encoding="utf-8")
    status, out, err = _check(config, capsys)
    assert status == 0, err
    assert "s3cret" not in out + err
    printed = tomllib.loads(out.split("# backend")[0])["database_url"]
    assert "***" in printed and printed.startswith("postgresql://relay")
