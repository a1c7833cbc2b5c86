"""One version from the package metadata everywhere; the bundled components and their licences."""

from __future__ import annotations

import email.message
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

import peerjournal
from peerjournal.app import about
from peerjournal.app.about import Component

ROOT = Path(__file__).resolve().parents[3]


def _pyproject_version(path: Path) -> str:
    return str(tomllib.loads(path.read_text("utf-8"))["project"]["version"])


def test_one_version_from_the_metadata_in_app_cli_and_relay() -> None:
    version = _pyproject_version(ROOT / "pyproject.toml")
    assert metadata.version("peerjournal") == version  # the installed metadata is current
    assert peerjournal.__version__ == about.app_version() == version
    # the relay is released with the client under the same number
    assert _pyproject_version(ROOT / "sync_server" / "pyproject.toml") == version
    for command, name in (("peerjournal.cli", "peerjournal"), ("peerjournal_relay.cli", None)):
        code = f"import sys, {command} as m; sys.exit(m.main(['--version']))"
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"{name or 'peerjournal-relay'} {version}"


def test_the_version_is_not_looked_up_on_import() -> None:
    code = "import sys, peerjournal.cli; print('importlib.metadata' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"


def test_unknown_attributes_of_the_package_still_fail() -> None:
    with pytest.raises(AttributeError):
        _ = peerjournal.no_such_thing  # type: ignore[attr-defined]


def _meta(**fields: str | list[str]) -> email.message.Message:
    message = email.message.Message()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = item
    return message


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"License_Expression": "MIT OR Apache-2.0", "License": "whatever"}, "MIT OR Apache-2.0"),
        ({"License": "BSD-3-Clause"}, "BSD-3-Clause"),
        (
            {"License": "Copyright (c) 2024\n\nPermission is hereby granted...", "Classifier": []},
            about.SEE_TEXT,
        ),
        (
            {"Classifier": ["License :: OSI Approved :: MIT License", "Programming Language :: C"]},
            "MIT License",
        ),
        ({}, about.NOT_DECLARED),
    ],
)
def test_licence_of_reads_the_metadata_fields_in_order(
    fields: dict[str, str | list[str]], expected: str
) -> None:
    assert about.licence_of(_meta(**fields)) == expected  # type: ignore[arg-type]


def test_components_are_the_run_time_dependencies_with_their_texts() -> None:
    components = {c.name: c for c in about.components_from_environment()}
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    for requirement in declared["dependencies"]:
        name = requirement.split(">")[0].split("<")[0].split("=")[0].strip()
        assert any(key.lower() == name.lower() for key in components), name
    assert "cffi" in components  # found through PyNaCl's own requirements
    for dev in ("pytest", "hypothesis", "mypy", "ruff", "pyinstaller", "zxing-cpp"):
        assert dev not in {key.lower() for key in components}
    assert "peerjournal" not in components
    assert components["PyNaCl"].licence == "Apache-2.0"
    assert "ISC License" in components["PyNaCl"].text  # libsodium's, the C library inside
    assert components["Python"].licence == "PSF-2.0"
    assert components["sqlcipher3"].text  # no licence field, but its licence file is there


def test_the_bundle_list_round_trips_and_is_preferred(tmp_path: Path) -> None:
    target = tmp_path / "licences.json"
    listed = [Component("Alpha", "1", "MIT", "text ü"), Component("Beta", "2", "ISC", "")]
    about.write_components(listed, target)
    assert about.read_components(target) == listed
    assert about.bundled_components(target) == listed
    missing = tmp_path / "none.json"
    assert {c.name for c in about.bundled_components(missing)} >= {"PySide6", "Python"}


def test_a_list_of_another_format_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "licences.json"
    target.write_text('{"format": 99, "components": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown format"):
        about.read_components(target)


def test_components_without_licence_files_carry_the_standard_text() -> None:
    """The PySide6 and shiboken6 wheels ship no licence file; the LGPL still travels with Qt."""
    components = {c.name.lower(): c for c in about.components_from_environment()}
    qt = [components[name] for name in ("pyside6", "shiboken6") if name in components]
    assert qt, "PySide6 is a run-time dependency"
    for component in qt:
        assert "LGPL-3.0" in component.licence
        assert component.text.startswith(about.QT_NOTE)
        assert "GNU LESSER GENERAL PUBLIC LICENSE" in component.text
        assert "GNU GENERAL PUBLIC LICENSE" in component.text  # the LGPL 3 builds on the GPL 3
    assert all(c.text for c in components.values() if "LGPL-3.0" in c.licence)


@pytest.mark.parametrize(
    ("licence", "first_line"),
    [
        ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", "GNU LESSER GENERAL PUBLIC LICENSE"),
        ("(GPL-3.0-or-later)", "GNU GENERAL PUBLIC LICENSE"),
        ("MIT", None),
        ("GPL-2.0-only", None),  # no text held for it: nothing is made up
    ],
)
def test_standard_text_follows_the_declared_licence(licence: str, first_line: str | None) -> None:
    text = about.standard_text(licence)
    if first_line is None:
        assert text == ""
    else:
        assert text.splitlines()[0].strip() == first_line
