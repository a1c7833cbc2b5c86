"""``peerjournal info``: the real key-derivation cost, the measured unlock, counts, schema."""

from __future__ import annotations

from nacl.pwhash import argon2id

from peerjournal.vault import migrations
from tests.unit.cli.test_cli_journal import Cli, cli, runner, vault

__all__ = ["cli", "runner", "vault"]  # fixtures used by the tests below


def test_info_reports_cost_unlock_counts_and_schema(cli: Cli) -> None:
    cli.add("one", "--star")
    cli.add("two")
    gone = cli.add("three")
    assert cli.run("delete", gone["id"])[0] == 0
    assert cli.run("mood", "add", "4")[0] == 0
    facts = cli.json("info")
    assert facts["kdf"] == {
        "algorithm": "argon2id",
        "opslimit": argon2id.OPSLIMIT_MIN,  # the vault fixture's test-only cost
        "memlimit": argon2id.MEMLIMIT_MIN,
    }
    assert 0 < facts["unlock_seconds"] < 60
    assert facts["schema"] == facts["schema_latest"] == migrations.latest_version()
    assert (facts["entries"], facts["starred"], facts["trashed"]) == (2, 1, 1)
    assert facts["mood_logs"] == 1 and facts["header_authenticated"] is True
    status, out, _ = cli.run("info")
    assert status == 0 and "unlock took:" in out and "Argon2id, opslimit" in out
    assert "entries:          2 (1 starred), 1 in the trash" in out
