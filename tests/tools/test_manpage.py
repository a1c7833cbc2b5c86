"""The man page comes from the parser: every command is in it, and man renders it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from peerjournal.cli import completion
from tools import manpage


def test_the_man_page_names_every_command_and_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # 2025-12-02: reproducible
    out = tmp_path / "peerjournal.1"
    assert manpage.main([str(out)]) == 0
    text = out.read_text("utf-8")
    assert text.startswith('.TH PEERJOURNAL "1" "2025\\-12\\-02"')
    for name in completion._subcommands(completion.full_parser()):
        assert "\\fI\\," + name.replace("-", "\\-") + "\\/\\fR" in text, name
    assert manpage.manpage_text() == text  # the same parser, the same page
    assert not list(tmp_path.glob("*.tmp"))
    groff = shutil.which("groff")
    if groff is None:
        pytest.fail("groff is part of the machine (Debian's groff-base)")
    shown = subprocess.run(
        [groff, "-man", "-Tutf8", str(out)], capture_output=True, text=True, timeout=60, check=True
    )
    assert "PeerJournal Manual" in shown.stdout and "peerjournal search" in shown.stdout
