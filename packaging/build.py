"""Build the one-folder app with PyInstaller into dist/peerjournal/ and check its size.

    python packaging/build.py [--budget-mb 120] [--smoke] [--no-clean]

Prints the bundle size and fails (exit status 1) with a clear message when it is over the
budget or carries a module that is never shipped (the repository's tools/, bench/ and
tests/, the test and build tools). ``--smoke`` also runs the bundle offscreen in a
throwaway home: ``--help``, a CLI round trip on a new encrypted vault, and the GUI up to its
first paint.  Used by ``make package``; see packaging/README.md.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "peerjournal.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
DEFAULT_BUDGET_MB = 120.0  # the design brief's ceiling for the packaged app
# Growth already promised to other work, held back from the budget by the packaging tests
# (tests/unit/packaging/test_spec_and_build.py) so that it still fits when it lands.  Remove
# an entry when its data is in the bundle.
# Issue 10 asked for up to 10 MB of name and place data; 5.8 MB of it is in (the
# anonymiser's data/*.bin 3.5 MB, python-stdnum 2.3 MB).
RESERVED_MB = {"the rest of the anonymiser's name and place data (issue 10)": 4.5}
# Top-level modules that must never be inside the bundle: the repository's development
# folders, the relay (its own project) and what tests, checks and builds the app.
NOT_SHIPPED = frozenset(
    {
        "tools", "bench", "tests", "peerjournal_relay", "sync_server", "uvicorn", "starlette",
        "psycopg", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff", "PyInstaller",
        "pip", "setuptools", "pkg_resources", "distutils", "_distutils_hack", "IPython", "tkinter",
    }
)  # fmt: skip
SMOKE_PASSPHRASE = "smoke test passphrase, not a secret"  # noqa: S105 (throwaway vault)


def bundle_dir(dist: Path | None = None) -> Path:
    """The folder PyInstaller writes (the .app on macOS is built beside it)."""
    return (dist if dist is not None else DIST) / "peerjournal"


def executable(dist: Path | None = None) -> Path:
    """The bundled executable."""
    name = "peerjournal.exe" if sys.platform == "win32" else "peerjournal"
    return bundle_dir(dist) / name


def bundled_modules(dist: Path | None = None) -> set[str]:
    """Every Python module inside the bundle: the executable's scripts and its PYZ archive."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable(dist)))
    names = set(archive.toc)
    for name in archive.toc:
        if name.endswith(".pyz"):
            names.update(archive.open_embedded_archive(name).toc)
    return names


def unshipped_modules(dist: Path | None = None) -> list[str]:
    """The bundled modules that belong to development, never to the product."""
    return sorted(m for m in bundled_modules(dist) if m.split(".")[0] in NOT_SHIPPED)


def tree_size(folder: Path) -> int:
    """Bytes on disk of every regular file under ``folder`` (symlinks counted once, as links)."""
    total = 0
    for dirpath, _dirnames, filenames in os.walk(folder):
        for filename in filenames:
            path = Path(dirpath) / filename
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def run_pyinstaller(*, clean: bool) -> float:
    """Run PyInstaller on the spec; return the seconds it took."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    started = time.monotonic()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.monotonic() - started


def isolated_env(home: Path) -> dict[str, str]:
    """An environment that keeps the bundle away from the real home and display."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PEERJOURNAL_", "XDG_"))
        and key not in {"DISPLAY", "WAYLAND_DISPLAY"}
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _run(arguments: list[str], env: dict[str, str], timeout: float = 60) -> str:
    result = subprocess.run(
        [str(executable()), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        shown = " ".join(arguments) or "(no arguments: the GUI)"
        raise RuntimeError(
            f"bundled `peerjournal {shown}` failed ({result.returncode}):\n{result.stderr[-2000:]}"
        )
    return result.stdout


def package_version() -> str:
    """The version being packaged, from the installed package metadata."""
    return importlib.metadata.version("peerjournal")


def smoke_test() -> list[str]:
    """Prove the bundle works: --help, a vault round trip through the CLI, the GUI's first paint.

    Everything runs offscreen in a throwaway home folder.  Returns one line per check.
    """
    report = []
    with tempfile.TemporaryDirectory(prefix="pj-smoke-") as tmp:
        home = Path(tmp)
        env = isolated_env(home)
        report.append(_run(["--help"], env).splitlines()[0])
        shown = _run(["--version"], env).strip()
        if shown != f"peerjournal {package_version()}":
            raise RuntimeError(
                f"bundled --version says {shown!r}, the package is {package_version()}"
            )
        report.append(f"--version: {shown}")
        env["PEERJOURNAL_PASSPHRASE"] = SMOKE_PASSPHRASE
        vault = str(home / "vault")
        _run(["--vault", vault, "init"], env)
        _run(["--vault", vault, "add", "packaged smoke canary"], env)
        if "canary" not in _run(["--vault", vault, "search", "canary"], env):
            raise RuntimeError("bundled search did not find the entry just added")
        report.append("CLI: init, add and search work on an encrypted vault")
        gui_env = {key: value for key, value in env.items() if key != "PEERJOURNAL_PASSPHRASE"}
        gui_env["PEERJOURNAL_EXIT_AFTER_FIRST_PAINT"] = "1"
        output = _run([], gui_env)
        if "first-paint" not in output:
            raise RuntimeError("the GUI exited without painting its window")
        report.append("GUI: the window painted offscreen")
    return report


def main(argv: list[str] | None = None) -> int:
    """Build, report the size, enforce the budget; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget-mb", type=float, default=DEFAULT_BUDGET_MB)
    parser.add_argument("--smoke", action="store_true", help="run the bundle's --help")
    parser.add_argument("--no-clean", action="store_true", help="reuse PyInstaller's cache")
    parser.add_argument(
        "--no-tarball", action="store_true", help="skip the Linux .tar.gz with install.sh"
    )
    args = parser.parse_args(argv)

    try:
        seconds = run_pyinstaller(clean=not args.no_clean)
    except subprocess.CalledProcessError as exc:
        print(f"build: PyInstaller failed with status {exc.returncode}", file=sys.stderr)
        return 1
    folder = bundle_dir()
    if not executable().is_file():
        print(f"build: no executable at {executable()}", file=sys.stderr)
        return 1
    size_mb = tree_size(folder) / 1_000_000
    print(f"build: {folder} is {size_mb:.1f} MB (built in {seconds:.0f} s)")
    unshipped = unshipped_modules()
    if unshipped:
        print(
            "build: FAILED: development modules are in the bundle: " + ", ".join(unshipped[:20]),
            file=sys.stderr,
        )
        return 1
    print("build: no development modules inside (tools, bench, tests, test and build tools)")
    if args.smoke:
        try:
            for line in smoke_test():
                print(f"build: smoke test ok: {line}")
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            print(f"build: smoke test failed: {exc}", file=sys.stderr)
            return 1
    if size_mb > args.budget_mb:
        print(
            f"build: FAILED: the bundle is {size_mb:.1f} MB, over the budget of "
            f"{args.budget_mb:.0f} MB. Look for new Qt modules or packages pulled in "
            "(see packaging/README.md, 'Keeping it small').",
            file=sys.stderr,
        )
        return 1
    reserved = sum(RESERVED_MB.values())
    print(
        f"build: within the budget of {args.budget_mb:.0f} MB "
        f"({args.budget_mb - size_mb:.1f} MB left, {reserved:.1f} MB of it promised: "
        + "; ".join(RESERVED_MB)
        + ")"
    )
    if sys.platform.startswith("linux") and not args.no_tarball:
        sys.path.insert(0, str(ROOT / "packaging"))
        from tarball import write_tarball

        archive = write_tarball(folder, folder.parent, package_version())
        print(f"build: wrote {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
