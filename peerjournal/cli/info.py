"""``peerjournal info``: the vault's key-derivation cost and how long this unlock took,
its schema version and counts, and whether an unlocked session serves it."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peerjournal.cli.context import Context


def register(subparsers: Any) -> None:
    """Add ``info`` to the top-level parser."""
    info = subparsers.add_parser(
        "info", help="key-derivation cost, measured unlock time, counts, schema version"
    )
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=cmd_info)


def _mib(value: int) -> str:
    return f"{value / (1024 * 1024):g} MiB"


def cmd_info(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal info [--json]``."""
    from peerjournal.app.vault_info import vault_info
    from peerjournal.cli.output import write_json

    session = ctx.session()
    facts = vault_info(session)
    unlock = ctx.unlock_seconds
    kdf = facts.passphrase_kdf
    recovery = facts.recovery_kdf
    if args.json:
        write_json(
            {
                "vault": str(facts.folder),
                "kdf": {"algorithm": "argon2id", "opslimit": kdf.opslimit,
                        "memlimit": kdf.memlimit},
                "recovery_kdf": None
                if recovery is None
                else {"algorithm": "argon2id", "opslimit": recovery.opslimit,
                      "memlimit": recovery.memlimit},
                "unlock_seconds": None if unlock is None else round(unlock, 3),
                "header_authenticated": facts.header_authenticated,
                "schema": facts.schema,
                "schema_latest": facts.schema_latest,
                "entries": facts.entries,
                "trashed": facts.trashed,
                "starred": facts.starred,
                "mood_logs": facts.mood_logs,
                "tags": facts.tags,
                "database_bytes": facts.database_bytes,
            },
            ctx.stdout,
        )  # fmt: skip
        return 0
    ctx.out(f"vault:            {facts.folder}")
    ctx.out(f"key derivation:   Argon2id, opslimit {kdf.opslimit}, memlimit {_mib(kdf.memlimit)}")
    if recovery is not None:
        ctx.out(
            f"recovery code:    Argon2id, opslimit {recovery.opslimit}, "
            f"memlimit {_mib(recovery.memlimit)}"
        )
    if unlock is not None:
        ctx.out(f"unlock took:      {unlock:.2f} s (this run: key derivation and opening)")
    ctx.out(f"header MAC:       {'yes' if facts.header_authenticated else 'not yet'}")
    ctx.out(f"schema version:   {facts.schema} (this program writes {facts.schema_latest})")
    ctx.out(
        f"entries:          {facts.entries:,} ({facts.starred:,} starred), "
        f"{facts.trashed:,} in the trash"
    )
    ctx.out(f"mood logs:        {facts.mood_logs:,}")
    ctx.out(f"tags:             {facts.tags:,}")
    ctx.out(f"database:         {facts.database_bytes / (1024 * 1024):.1f} MiB (encrypted)")
    return 0
