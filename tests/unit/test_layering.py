"""House rule: only peerjournal/ui/ imports Qt, and lower layers never import upper ones."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "peerjournal"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_package_has_modules() -> None:
    assert len(_modules()) > 5


def test_only_ui_imports_qt() -> None:
    offenders = []
    for path in _modules():
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_core_layers_do_not_import_app_ui_or_cli() -> None:
    core = {"vault", "domain", "crypto", "sync", "anonymise", "importers", "exporters"}
    offenders = []
    for path in _modules():
        parts = path.relative_to(PACKAGE).parts
        if parts[0] not in core:
            continue
        for name in _imports(path):
            if name.startswith(("peerjournal.ui", "peerjournal.app", "peerjournal.cli")):
                offenders.append(f"{'/'.join(parts)} -> {name}")
    assert offenders == []


def test_app_layer_does_not_import_ui() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if path.relative_to(PACKAGE).parts[0] == "app"
        and any(name.startswith("peerjournal.ui") for name in _imports(path))
    ]
    assert offenders == []
