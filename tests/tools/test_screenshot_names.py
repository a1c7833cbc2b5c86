"""Every screenshot the README and docs show is one ``make screenshots`` writes, and the
committed folder holds exactly what it writes (no picture made once by hand goes stale)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import screenshot_names

ROOT = Path(__file__).resolve().parents[2]


def test_every_screenshot_the_docs_show_is_made_by_the_tool() -> None:
    shown = screenshot_names.referenced(ROOT)
    assert "checkin-filled-light.png" in shown  # the README's check-in picture
    assert screenshot_names.missing(ROOT) == {}


def test_the_committed_folder_is_what_the_tool_writes() -> None:
    committed = {path.name for path in (ROOT / "docs" / "screenshots").glob("*.png")}
    assert committed == screenshot_names.expected()


def test_the_makers_refuse_a_name_not_listed() -> None:
    screenshot_names.check_name("journal-dark")
    with pytest.raises(ValueError, match="screenshot_names"):
        screenshot_names.check_name("mood-page-de-light")
