"""Key derivation and wrapping: parameters, purpose separation, recovery codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerjournal.app.session import create_vault, open_vault
from peerjournal.crypto import kdf
from peerjournal.errors import WrongPassphrase
from peerjournal.vault import INSECURE_TEST_KDF_ENV, KdfParams
from peerjournal.vault.header import HEADER_NAME


def test_default_cost_is_at_least_64_mib() -> None:
    default = KdfParams.default()
    assert default.memlimit >= 64 * 1024 * 1024
    assert default.opslimit >= 2
    assert KdfParams.recovery_default().memlimit >= 64 * 1024 * 1024
    assert KdfParams.for_tests().memlimit < default.memlimit


def test_params_round_trip_and_validation() -> None:
    params = KdfParams(opslimit=3, memlimit=1 << 20)
    assert KdfParams.from_json(params.to_json()) == params
    for bad in (
        {"alg": "scrypt", "opslimit": 3, "memlimit": 1 << 20},
        {"alg": "argon2id13", "opslimit": 0, "memlimit": 1 << 20},
        {"alg": "argon2id13", "opslimit": 3, "memlimit": 10},
        {"alg": "argon2id13", "opslimit": "3", "memlimit": 1 << 20},
        {"alg": "argon2id13", "opslimit": 3, "memlimit": 1 << 40},
        {"alg": "argon2id13", "opslimit": 1 << 30, "memlimit": 1 << 20},
        None,
    ):
        with pytest.raises((TypeError, ValueError)):
            KdfParams.from_json(bad)


def test_wrap_unwrap_and_wrong_key() -> None:
    params = KdfParams.for_tests()
    salt = kdf.new_salt()
    data_key = kdf.new_data_key()
    kek = kdf.derive(b"pass", salt, params, kdf.PURPOSE_PASSPHRASE_WRAP)
    wrapped = kdf.wrap_key(kek, data_key)
    assert len(wrapped) == 72
    assert kdf.unwrap_key(kek, wrapped) == data_key
    with pytest.raises(WrongPassphrase):
        kdf.unwrap_key(kdf.derive(b"pasS", salt, params, kdf.PURPOSE_PASSPHRASE_WRAP), wrapped)
    tampered = bytearray(wrapped)
    tampered[-1] ^= 1
    with pytest.raises(WrongPassphrase):
        kdf.unwrap_key(kek, bytes(tampered))


def test_purposes_give_different_keys() -> None:
    params, salt = KdfParams.for_tests(), kdf.new_salt()
    a = kdf.derive(b"same", salt, params, kdf.PURPOSE_PASSPHRASE_WRAP)
    b = kdf.derive(b"same", salt, params, kdf.PURPOSE_RECOVERY_WRAP)
    assert a != b and len(a) == len(b) == 32
    with pytest.raises(ValueError):
        kdf.subkey(a, b"x" * 17)


def test_recovery_codes() -> None:
    codes = {kdf.new_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    code = codes.pop()
    assert len(code) == 29 and code.count("-") == 4
    canonical = kdf.normalise_recovery_code(code)
    assert kdf.normalise_recovery_code(code.lower().replace("-", " ")) == canonical
    assert kdf.normalise_recovery_code(code.replace("O", "0").replace("I", "1")) == canonical
    for bad in ("", "short", code + "A", code.replace(code[0], "!")):
        with pytest.raises(WrongPassphrase):
            kdf.normalise_recovery_code(bad)


def test_zero_clears_buffer() -> None:
    key = kdf.new_data_key()
    kdf.zero(key)
    assert key == bytearray(32)


def test_no_slot_is_sealed_below_the_default_cost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(INSECURE_TEST_KDF_ENV, raising=False)
    params = KdfParams(opslimit=1, memlimit=64 * 1024 * 1024)
    session, _ = create_vault(tmp_path / "v", "pw", kdf=params)
    session.lock()
    header = json.loads((tmp_path / "v" / HEADER_NAME).read_text())
    assert header["passphrase"]["kdf"]["memlimit"] == KdfParams.default().memlimit
    assert header["passphrase"]["kdf"]["opslimit"] == KdfParams.default().opslimit
    assert header["recovery"]["kdf"]["opslimit"] >= KdfParams.recovery_default().opslimit


def test_insecure_env_only_affects_creation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(INSECURE_TEST_KDF_ENV, "1")
    session, _ = create_vault(tmp_path / "v", "pw")
    session.lock()
    header = json.loads((tmp_path / "v" / HEADER_NAME).read_text())
    assert header["passphrase"]["kdf"]["memlimit"] == KdfParams.for_tests().memlimit
    # Without the variable, the first unlock raises the slot to the real default cost.
    monkeypatch.delenv(INSECURE_TEST_KDF_ENV)
    open_vault(tmp_path / "v", "pw").lock()
    header = json.loads((tmp_path / "v" / HEADER_NAME).read_text())
    assert header["passphrase"]["kdf"]["memlimit"] == KdfParams.default().memlimit


def test_unusable_passphrase_characters(tmp_path: Path) -> None:
    from peerjournal.errors import InvalidInput

    with pytest.raises(InvalidInput):
        create_vault(tmp_path / "v", "bad \ud800", kdf=KdfParams.for_tests())
    assert not (tmp_path / "v").exists()
