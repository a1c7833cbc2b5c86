"""Building the real bundle once per test session (tests/unit/packaging/)."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load_build() -> ModuleType:
    """packaging/build.py as a fresh module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("pj_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Built:
    """The outcome of ``packaging/build.py --smoke`` into a temporary dist folder."""

    build: ModuleType  # the build module, pointed at that folder
    dist: Path
    status: int
    out: str
    err: str

    @property
    def tarball(self) -> Path:
        found = sorted(self.dist.glob("peerjournal-*-linux-*.tar.gz"))
        assert len(found) == 1, (found, self.err[-2000:])
        return found[0]
