"""House rules: only peerjournal/ui/ imports Qt, each layer imports only the layers below it,
the UI feature folders never import each other, and the package never imports the development
tools."""

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


# --- the layers of the whole package ----------------------------------------------------
#
#   ui, cli -> app -> {sync, vault, anonymise, importers, exporters} -> {crypto, domain,
#   formats} -> {fsutil, buglog, paths} -> errors
#
# Each part of peerjournal/ may import only the parts listed for it (``__init__`` is the
# package's own module, which holds the version). The front ends reach the core only
# through app/ (plus the domain's value types); the parts of one layer never import each
# other; the command line opens the desktop app through ui/app.py alone, and serves as the
# second process of a large import through importers/ahead.py alone (the packaged app has
# one executable: that process is the command line started with a fixed argument).
BOTTOM = {"errors", "__init__"}
BASE = BOTTOM | {"fsutil", "buglog", "paths"}
VALUES = {"crypto", "domain", "formats"}
CORE = {"sync", "vault", "anonymise", "importers", "exporters"}
LAYERS: dict[str, set[str]] = {
    "__main__": {"cli"},
    "cli": BASE | {"app", "domain", "ui.app", "importers.ahead"},
    "ui": BASE | {"app", "domain"},
    "app": BASE | VALUES | CORE,
    **{part: BASE | VALUES for part in CORE},
    **{part: BASE for part in VALUES},
    "fsutil": BOTTOM,
    "buglog": BOTTOM,
    "paths": BOTTOM,
    "errors": {"__init__"},
    "__init__": set(),
}


def _part_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imported_part(name: str) -> str | None:
    """The part of peerjournal/ an imported module name is in (``ui.app`` for the entry)."""
    parts = name.split(".")
    if parts[0] != "peerjournal":
        return None
    if len(parts) == 1 or not (
        (PACKAGE / parts[1]).is_dir() or (PACKAGE / f"{parts[1]}.py").is_file()
    ):
        return "__init__"  # the package itself, or a name defined in it (__version__)
    if parts[1] == "ui" and len(parts) > 2 and parts[2] == "app":
        return "ui.app"
    if parts[1] == "importers" and len(parts) > 2 and parts[2] == "ahead":
        return "importers.ahead"
    return parts[1]


def test_every_part_imports_only_the_layers_below_it() -> None:
    assert {_part_of(path) for path in _modules()} <= set(LAYERS), "a new part needs a layer"
    offenders = []
    for path in _modules():
        home = _part_of(path)
        for name in _absolute_imports(path):
            part = _imported_part(name)
            if part is None or part == home:
                continue
            allowed = LAYERS[home]
            if part not in allowed and not (
                (part == "ui.app" and "ui" in allowed)
                or (part == "importers.ahead" and "importers" in allowed)
            ):
                offenders.append(f"{path.relative_to(PACKAGE).as_posix()} -> {name}")
    assert offenders == []


def test_the_layer_rule_refuses_upward_sideways_and_skipping_arrows() -> None:
    forbidden = [
        ("vault", "peerjournal.app.session"),  # upward
        ("errors", "peerjournal.fsutil"),  # upward from the bottom
        ("sync", "peerjournal.vault.store"),  # sideways in the core
        ("importers", "peerjournal.exporters.peerjournal_json"),  # sideways
        ("domain", "peerjournal.crypto.kdf"),  # sideways among the values
        ("ui", "peerjournal.sync.qr"),  # skipping app
        ("ui", "peerjournal.anonymise"),
        ("cli", "peerjournal.vault.store"),
        ("cli", "peerjournal.importers.daylio"),  # the reader process's door only
        ("ui", "peerjournal.cli"),
        ("app", "peerjournal.ui.kit.worker"),
    ]
    for home, name in forbidden:
        assert _imported_part(name) not in LAYERS[home], (home, name)
    assert _imported_part("peerjournal.ui.app") in LAYERS["cli"]  # the one door to the GUI
    assert _imported_part("peerjournal.importers.ahead") in LAYERS["cli"]
    assert _imported_part("peerjournal.importers.ahead") not in LAYERS["ui"]
    assert _imported_part("peerjournal.__version__") in LAYERS["ui"]


# --- the desktop app's own house: feature folders, the shell, the kit ---------------------

UI = PACKAGE / "ui"
UI_FEATURES = {"journal", "mood", "peers", "export", "transfer"}
UI_FOLDERS = UI_FEATURES | {"shell", "kit"}
# what each part of ui/ may import from the other parts: features use only the kit, the
# kit uses nothing above it, the shell composes the features, ui/app.py starts everything
UI_ALLOWED = {
    **{feature: {"kit"} for feature in UI_FEATURES},
    "kit": set(),
    "shell": UI_FEATURES | {"kit"},
    "app": UI_FOLDERS,
    "__init__": set(),
}


def _absolute_imports(path: Path) -> set[str]:
    """Every module ``path`` imports (at the top or inside functions), relative ones resolved."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    package = package.removesuffix(".__init__")
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            # ``from peerjournal.ui import journal`` names the subpackage, not ui itself
            names.update(f"{base}.{alias.name}" for alias in node.names)
            names.add(base)
    return names


def _ui_part(name: str) -> str | None:
    """The ui folder (or top-level module) an imported name belongs to, if any."""
    parts = name.split(".")
    if parts[:2] != ["peerjournal", "ui"] or len(parts) < 3:
        return None
    return parts[2]


def test_ui_feature_folders_never_import_each_other_and_only_the_shell_composes() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI)
        home = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        for name in _absolute_imports(path):
            part = _ui_part(name)
            if part is None or part == home:
                continue
            if part not in UI_ALLOWED[home]:
                offenders.append(f"ui/{rel.as_posix()} -> {name}")
    assert offenders == []


def test_ui_top_level_holds_only_the_entry_point_and_the_folders() -> None:
    modules = {p.name for p in UI.glob("*.py")}
    folders = {p.name for p in UI.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert modules == {"__init__.py", "app.py"}
    assert folders == UI_FOLDERS
    assert all((UI / folder / "__init__.py").is_file() for folder in folders)


def test_the_package_never_imports_development_tools() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} -> {name}"
        for path in _modules()
        for name in _absolute_imports(path)
        if name.split(".")[0] in {"tools", "bench", "tests"}
    ]
    assert offenders == []
