"""One real build of the bundle per test session, shared by the slow packaging tests."""

from __future__ import annotations

import contextlib
import io
import os
import sys

import pytest

from tests.helpers.packaging import Built, load_build

# .ci/run sets this so the session builds into the checkout's dist/ and build/: its bundle
# step then rebuilds from PyInstaller's cache instead of from nothing
IN_TREE = "PEERJOURNAL_TEST_BUNDLE_IN_TREE"


@pytest.fixture(scope="session")
def built_bundle(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Build the real bundle (about 30-60 s) and the Linux tarball once for the session."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle tests build the Linux bundle")
    build = load_build()
    if os.environ.get(IN_TREE) != "1":
        folder = tmp_path_factory.mktemp("bundle")
        build.DIST = folder / "dist"
        build.WORK = folder / "work"
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = build.main(["--smoke"])
    return Built(build, build.DIST, status, out.getvalue(), err.getvalue())
