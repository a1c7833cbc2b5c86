"""The editor with an unlocked session: it runs on the client's side, which has the terminal."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.cli import pj
from tests.integration.test_cli_agent import agent_pids, unlock, vault
from tests.unit.cli.test_cli_editor import FAKE_EDITOR

__all__ = ["agent_pids", "vault"]  # fixtures used below


def test_add_e_and_edit_e_through_the_unlocked_session(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    unlock(tmp_path, agent_pids)
    script = tmp_path / "fake-editor"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    script.chmod(0o700)
    log = tmp_path / "edit.log"
    env = {"PEERJOURNAL_PASSPHRASE": "", "EDITOR": str(script), "EDIT_LOG": str(log)}
    added = pj(
        tmp_path, "add", "-e", "--json", FAKE_EDIT="write", FAKE_TEXT="from the editor", **env
    )
    assert added.returncode == 0, added.stderr
    entry = json.loads(added.stdout)
    assert entry["body"] == "from the editor"
    changed = pj(tmp_path, "edit", entry["id"], "-e", FAKE_EDIT="sed", FAKE_SED="s/the/my/", **env)
    assert changed.returncode == 0, changed.stderr
    shown = pj(tmp_path, "show", entry["id"], "--json", **env)
    assert json.loads(shown.stdout)["body"] == "from my editor"
    missing = pj(tmp_path, "edit", "ffffffff", "-e", FAKE_EDIT="write", FAKE_TEXT="x", **env)
    assert missing.returncode == 1 and "no entry" in missing.stderr.lower()
    paths = [Path(line.split(" ", 2)[2]) for line in log.read_text().splitlines()]
    assert len(paths) == 2 and not any(p.parent.exists() for p in paths)


def test_templates_and_quick_add_through_the_unlocked_session(
    vault: Path, tmp_path: Path, agent_pids: list[int]
) -> None:
    unlock(tmp_path, agent_pids)
    no_secret = {"PEERJOURNAL_PASSPHRASE": ""}
    template = tmp_path / "t.md"  # a relative path is read by the client, not the agent
    template.write_text("Today I noticed:\n", encoding="utf-8")
    kept = pj(tmp_path, "template", "set", str(template), **no_secret)
    assert kept.returncode == 0, kept.stderr
    script = tmp_path / "fake-editor"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    script.chmod(0o700)
    env = dict(no_secret, EDITOR=str(script), EDIT_LOG=str(tmp_path / "log"))
    added = pj(tmp_path, "add", "-e", "--json", FAKE_EDIT="sed", FAKE_SED="s/:/: snow/", **env)
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["body"] == "Today I noticed: snow\n"
    quick = pj(tmp_path, "add", "yesterday:", "Walk.", "By", "the", "-river", "--json", **no_secret)
    assert quick.returncode == 0, quick.stderr
    entry = json.loads(quick.stdout)
    assert (entry["title"], entry["body"]) == ("Walk.", "By the -river")
    assert "T09:00:00" in entry["created"]
