"""Packaging files: the PyInstaller spec, the launcher, the build script, desktop metadata."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pytest

from tests.helpers.packaging import Built

ROOT = Path(__file__).resolve().parents[3]
PACKAGING = ROOT / "packaging"
TRANSLATIONS = ROOT / "resources" / "translations"
APP_ID = "io.github.peerjournal.PeerJournal"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


# --- the spec, run with recording stand-ins for PyInstaller's build steps ------------------


class _Recorder:
    calls: ClassVar[dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        type(self).calls.setdefault(type(self).__name__, []).append((args, kwargs))
        self.args, self.kwargs = args, kwargs
        # what PyInstaller's Analysis exposes, empty: the spec filters these lists
        self.binaries: list[tuple[str, str, str]] = []
        self.datas: list[tuple[str, str, str]] = []
        self.pure: list[Any] = []
        self.scripts: list[Any] = []


class Analysis(_Recorder):
    pass


class PYZ(_Recorder):
    pass


class EXE(_Recorder):
    pass


class COLLECT(_Recorder):
    pass


class BUNDLE(_Recorder):
    pass


def _run_spec(workpath: Path | None = None) -> dict[str, Any]:
    _Recorder.calls = {}
    namespace: dict[str, Any] = {
        "SPECPATH": str(PACKAGING),
        "workpath": str(workpath) if workpath else None,
        "Analysis": Analysis,
        "PYZ": PYZ,
        "EXE": EXE,
        "COLLECT": COLLECT,
        "BUNDLE": BUNDLE,
        "__name__": "__main__",
    }
    source = (PACKAGING / "peerjournal.spec").read_text("utf-8")
    exec(compile(source, "peerjournal.spec", "exec"), namespace)
    namespace["_calls"] = _Recorder.calls
    return namespace


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return _run_spec()


@pytest.mark.parametrize(
    ("platform", "magic", "suffix"), [("win32", b"\0\0\1\0", ".ico"), ("darwin", b"icns", ".icns")]
)
def test_spec_on_windows_and_macos_renders_its_icon_from_the_svg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, magic: bytes, suffix: str
) -> None:
    """The spec as PyInstaller runs it there (the build itself cannot run here)."""
    # PyInstaller picks its helpers for the running system when imported: import it first
    import PyInstaller.depend.bindepend
    import PyInstaller.utils.hooks  # noqa: F401

    monkeypatch.setattr(sys, "platform", platform)
    namespace = _run_spec(tmp_path)
    calls = namespace["_calls"]
    icons = {kwargs["icon"] for _args, kwargs in calls["EXE"]}
    (icon,) = icons
    assert icon.endswith(suffix) and Path(icon).read_bytes().startswith(magic)
    assert Path(icon).parent == tmp_path / "generated"
    names = [kwargs["name"] for _args, kwargs in calls["EXE"]]
    consoles = [kwargs["console"] for _args, kwargs in calls["EXE"]]
    if platform == "win32":
        # a console program for the command line and a windowed one for the Start menu
        assert names == ["peerjournal", "PeerJournal"] and consoles == [True, False]
        assert "BUNDLE" not in calls
    else:
        assert names == ["peerjournal"]
        ((_args, bundle),) = [call for call in calls["BUNDLE"]]
        assert bundle["bundle_identifier"] == "io.github.peerjournal.PeerJournal"
        assert bundle["info_plist"]["CFBundleShortVersionString"] == metadata.version("peerjournal")
    ((executables, _kwargs),) = calls["COLLECT"]
    assert [e for e in executables if isinstance(e, EXE)] == [e for e in executables[: len(names)]]
    assert len([e for e in executables if isinstance(e, EXE)]) == len(names)


def test_spec_builds_one_folder_app_from_the_launcher(spec: dict[str, Any]) -> None:
    calls = spec["_calls"]
    (analysis_args, _kw) = calls["Analysis"][0]
    assert analysis_args[0] == [str(PACKAGING / "launcher.py")]
    (_args, exe_kwargs) = calls["EXE"][0]
    assert exe_kwargs["name"] == "peerjournal"
    assert exe_kwargs["exclude_binaries"] is True  # one-folder, not one-file
    (_args, collect_kwargs) = calls["COLLECT"][0]
    assert collect_kwargs["name"] == "peerjournal"


def test_spec_bundles_runtime_resources_only(spec: dict[str, Any]) -> None:
    (_args, kwargs) = spec["_calls"]["Analysis"][0]
    targets = {(Path(src).name, dest) for src, dest in kwargs["datas"]}
    assert ("crisis_resources.json", str(Path("resources/crisis"))) in targets
    assert ("light.qss", str(Path("resources/styles"))) in targets
    assert ("dark.qss", str(Path("resources/styles"))) in targets
    assert ("peerjournal.svg", str(Path("resources/icons"))) in targets
    assert ("peerjournal-256.png", str(Path("resources/icons/png"))) in targets
    assert not any(name.endswith((".py", ".ts", ".md")) for name, _dest in targets)
    lists = str(Path("peerjournal/anonymise/data"))
    for name in ("first_names.bin", "places.bin", "words.bin"):
        assert (name, lists) in targets  # the anonymiser's word lists


def test_spec_excludes_heavy_unused_qt_modules(spec: dict[str, Any]) -> None:
    (_args, kwargs) = spec["_calls"]["Analysis"][0]
    excludes = set(kwargs["excludes"])
    for module in ("QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtQuick", "QtQml", "QtPdf"):
        assert f"PySide6.{module}" in excludes
    for used in ("QtCore", "QtGui", "QtWidgets", "QtCharts", "QtSvg"):
        assert f"PySide6.{used}" not in excludes
    assert "phonenumbers.geodata" in excludes
    # its runtime hook would import it at every start; nothing uses a process pool
    assert {"multiprocessing", "doctest", "unittest", "readline"} <= excludes
    assert "_cffi_backend" in kwargs["hiddenimports"]
    assert "peerjournal.ui.app" in kwargs["hiddenimports"]
    assert "peerjournal.anonymise.phones" in kwargs["hiddenimports"]


def test_unused_qt_file_filter(spec: dict[str, Any]) -> None:
    unused = spec["is_unused_qt_file"]
    assert unused("PySide6/Qt/plugins/imageformats/libqpdf.so")
    assert unused("PySide6/Qt/lib/libQt6Quick.so.6")
    assert unused("PySide6/Qt/translations/qtmultimedia_de.qm")
    assert not unused("PySide6/Qt/translations/qtbase_de.qm")
    assert not unused("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not unused("PySide6/Qt/plugins/iconengines/libqsvgicon.so")
    assert not unused("PySide6/Qt/lib/libQt6Charts.so.6")
    assert not unused("resources/styles/light.qss")
    # Qt's catalogues only in the app's own languages
    assert unused("PySide6/Qt/translations/qtbase_fr.qm", ["en", "de"])
    assert not unused("PySide6/Qt/translations/qtbase_fr.qm", ["en", "fr"])
    shipped = sorted(p.stem.split("_", 1)[1] for p in TRANSLATIONS.glob("peerjournal_*.qm"))
    assert "ja" in shipped and spec["app_languages"]() == shipped
    for dropped in (
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/platforms/libqminimal.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so",
        "PySide6\\plugins\\imageformats\\qjpeg.dll",
    ):
        assert unused(dropped), dropped
    for kept in (
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    ):
        assert not unused(kept), kept


def test_host_libraries_come_from_the_system(spec: dict[str, Any]) -> None:
    host = spec["is_host_library"]
    for name in ("libstdc++.so.6", "libX11.so.6", "libfontconfig.so.1", "libz.so.1"):
        assert host(name)
    for name in ("libQt6Core.so.6", "libicuuc.so.73", "libcrypto.so.3", "libdbus-1.so.3"):
        assert not host(name)
    assert not host("PySide6/Qt/lib/libstdc++.so.6")  # only top-level system copies


# --- the launcher -------------------------------------------------------------------------


def test_launcher_with_arguments_is_the_command_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "launcher.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: peerjournal")
    assert "Run without a command" in result.stdout


# --- build.py -----------------------------------------------------------------------------


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pj_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tree_size_counts_files_once(tmp_path: Path) -> None:
    build = _load_build()
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 500)
    (tmp_path / "link").symlink_to(tmp_path / "a")
    assert build.tree_size(tmp_path) == 1500


@pytest.mark.parametrize(("size_mb", "budget", "status"), [(2, 1, 1), (2, 3, 0)])
def test_build_enforces_the_budget(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    size_mb: int,
    budget: int,
    status: int,
) -> None:
    build = _load_build()

    def fake_pyinstaller(*, clean: bool) -> float:
        folder = tmp_path / "peerjournal"
        folder.mkdir(exist_ok=True)
        (folder / "peerjournal").write_bytes(b"\0" * 1000)
        (folder / "blob").write_bytes(b"\0" * (size_mb * 1_000_000))
        return 0.0

    monkeypatch.setattr(build, "DIST", tmp_path)
    monkeypatch.setattr(build, "run_pyinstaller", fake_pyinstaller)
    monkeypatch.setattr(build, "bundled_modules", lambda dist=None: {"peerjournal.ui.app"})
    assert build.main(["--budget-mb", str(budget), "--no-tarball"]) == status
    captured = capsys.readouterr()
    assert f"is {size_mb:.1f} MB" in captured.out
    if status:
        assert "over the budget" in captured.err


def test_build_fails_when_a_development_module_is_bundled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    build = _load_build()

    def fake_pyinstaller(*, clean: bool) -> float:
        (tmp_path / "peerjournal").mkdir(exist_ok=True)
        (tmp_path / "peerjournal" / "peerjournal").write_bytes(b"\0" * 1000)
        return 0.0

    monkeypatch.setattr(build, "DIST", tmp_path)
    monkeypatch.setattr(build, "run_pyinstaller", fake_pyinstaller)
    inside = {"peerjournal.ui.app", "tools.screenshots", "tests.helpers.vault", "pytest"}
    monkeypatch.setattr(build, "bundled_modules", lambda dist=None: inside)
    assert build.main(["--no-tarball"]) == 1
    assert "pytest, tests.helpers.vault, tools.screenshots" in capsys.readouterr().err


@pytest.mark.slow
def test_the_built_bundle_holds_the_product_and_none_of_the_tools(built_bundle: Built) -> None:
    """A real PyInstaller build of the spec, checked as ``make package --smoke`` checks it."""
    build = built_bundle.build
    assert built_bundle.status == 0, built_bundle.err[-3000:]
    assert "no development modules inside" in built_bundle.out
    assert "smoke test ok: GUI" in built_bundle.out  # the bundle runs without any of the tools
    assert f"smoke test ok: --version: peerjournal {metadata.version('peerjournal')}" in (
        built_bundle.out
    )
    # the size check that catches growth: the bundle plus what other work was promised
    size_mb = build.tree_size(build.bundle_dir()) / 1_000_000
    reserved = sum(build.RESERVED_MB.values())
    assert size_mb + reserved <= build.DEFAULT_BUDGET_MB, (
        f"{size_mb:.1f} MB + {reserved:.0f} MB promised > {build.DEFAULT_BUDGET_MB:.0f} MB"
    )
    internal = build.bundle_dir() / "_internal"
    assert not [p for p in internal.rglob("*.py")]  # bytecode only
    translations = {p.name for p in internal.rglob("translations/qtbase_*.qm")}
    shipped = {p.stem.split("_", 1)[1] for p in TRANSLATIONS.glob("peerjournal_*.qm")}
    # Qt's own texts (buttons of standard dialogs) in each language the app is translated to
    assert translations == {f"qtbase_{lang}.qm" for lang in shipped}
    (icu,) = (internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    assert icu.stat().st_size < 8e6  # trimmed (packaging/icu_data.py)
    assert not (internal / "libstdc++.so.6").exists()  # from the host
    assert (internal / "resources" / "licences.json").is_file()
    modules = build.bundled_modules()
    assert {"peerjournal.ui.app", "peerjournal.ui.shell.main_window", "peerjournal.cli"} <= modules
    assert not [m for m in modules if m.split(".")[0] in {"tools", "bench", "tests"}]
    # nor under another name inside the package (the screenshot maker, the demo journal and
    # the unlock probe once lived in peerjournal/)
    tool_names = {p.stem for folder in ("tools", "bench") for p in (ROOT / folder).glob("*.py")}
    tool_names -= {"__init__"}
    assert {"screenshots", "demo", "unlock_probe"} <= tool_names
    ours = [m for m in modules if m.split(".")[0] == "peerjournal"]
    assert not [m for m in ours if m.rsplit(".", 1)[-1] in tool_names]
    assert build.unshipped_modules() == []
    folders = {p.name for p in build.bundle_dir().rglob("*") if p.is_dir()}
    assert not folders & {"tools", "bench", "tests"}


# --- desktop entry and AppStream metadata ---------------------------------------------------


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text("utf-8"))
    return parser["Desktop Entry"]


def test_desktop_file_has_required_keys() -> None:
    entry = _desktop_entry()
    for key in ("Type", "Name", "Exec", "Icon", "Categories", "Comment"):
        assert entry.get(key), key
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "peerjournal"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    for list_key in ("Categories", "Keywords"):
        assert entry[list_key].endswith(";")
    assert entry["Categories"] == "Office;"  # one main category: one place in the menu


def test_metainfo_is_well_formed_and_ids_match() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == _desktop_entry()["Exec"].split()[0]
    assert root.findtext("metadata_license") == "CC0-1.0"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    license_field = pyproject["project"]["license"]  # SPDX string, or the older table form
    spdx = license_field if isinstance(license_field, str) else license_field["text"]
    assert root.findtext("project_license") == spdx
    versions = [release.get("version") for release in root.iter("release")]
    assert pyproject["project"]["version"] in versions


def test_metainfo_describes_privacy_and_rates_content() -> None:
    root = ET.parse(METAINFO).getroot()
    description = " ".join(
        "".join(node.itertext()) for node in root.find("description") or []
    ).lower()
    for word in ("encrypted", "offline", "no account", "telemetry", "redacted"):
        assert word in description, word
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    attributes = {a.get("id"): a.text for a in rating.iter("content_attribute")}
    assert attributes["money-advertising"] == "none"
    assert attributes["social-chat"] in {"none", "mild", "moderate", "intense"}
    assert all(value in {"none", "mild", "moderate", "intense"} for value in attributes.values())


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_appstreamcli_accepts_the_metainfo() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
