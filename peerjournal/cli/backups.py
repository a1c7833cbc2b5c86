"""Backup commands: ``backup create``, ``verify``, ``restore``, ``auto``.

A backup is one encrypted file (the vault header and a copy of the database under the same
key); see docs/cli.md and docs/security.md. ``create`` works while the desktop app has the
vault open. ``verify`` and ``restore`` ask for the passphrase that was current when the
backup was made (or the recovery code with ``--recovery-code``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal.cli.context import Context
from peerjournal.cli.output import counted, local_text, write_json
from peerjournal.cli.parsing import shown

if TYPE_CHECKING:
    from peerjournal.app.backups import AutoSettings, BackupInfo
    from peerjournal.app.session import Session


def _keep(text: str) -> int:
    from peerjournal.app.backups import MAX_KEEP

    value = int(text) if text.strip().isdigit() and len(text.strip()) < 6 else 0
    if not 1 <= value <= MAX_KEEP:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a number from 1 to {MAX_KEEP}")
    return value


def register(subparsers: Any) -> None:
    """Add the ``backup`` command group to the top-level parser."""
    group = subparsers.add_parser("backup", help="encrypted backups of the vault")
    sub = group.add_subparsers(dest="backup_command", metavar="{create,verify,restore,auto}")
    sub.required = True

    create = sub.add_parser("create", help="write an encrypted backup to a new FILE")
    create.add_argument("backup_file", metavar="FILE", help="the backup file to write")
    create.add_argument("--json", action="store_true", help="print the outcome as JSON")
    create.set_defaults(handler=cmd_create)

    verify = sub.add_parser("verify", help="check a backup completely (changes nothing)")
    verify.add_argument("backup_file", metavar="FILE", help="the backup file")
    verify.add_argument(
        "--recovery-code", action="store_true", help="open it with the recovery code"
    )
    verify.add_argument("--recovery-code-file", metavar="FILE", help=argparse.SUPPRESS)
    verify.add_argument("--json", action="store_true", help="print JSON")
    verify.set_defaults(handler=cmd_verify)

    restore = sub.add_parser(
        "restore", help="restore a backup into a new or empty folder (--vault NEWDIR)"
    )
    restore.add_argument("backup_file", metavar="FILE", help="the backup file")
    restore.add_argument(
        "--recovery-code", action="store_true", help="open it with the recovery code"
    )
    restore.add_argument("--recovery-code-file", metavar="FILE", help=argparse.SUPPRESS)
    restore.add_argument("--json", action="store_true", help="print JSON")
    restore.set_defaults(handler=cmd_restore)

    auto = sub.add_parser("auto", help="automatic daily backups: show or change the settings")
    auto.add_argument("--keep", type=_keep, help="keep the newest N automatic backups (7)")
    auto.add_argument("--dir", metavar="DIR", help="where they go (default: backups/ in the vault)")
    switch = auto.add_mutually_exclusive_group()
    switch.add_argument("--off", action="store_true", help="stop making automatic backups")
    switch.add_argument("--on", action="store_true", help="make automatic backups again")
    auto.add_argument("--json", action="store_true", help="print JSON")
    auto.set_defaults(handler=cmd_auto)


def _session_for_backup(ctx: Context) -> Session:
    """The vault, or, while another process (the desktop app) holds it, a read-only view."""
    from peerjournal.errors import VaultInUse

    try:
        return ctx.session()
    except VaultInUse:
        from peerjournal.app.session import open_snapshot

        session = open_snapshot(ctx.existing_vault_folder(), ctx.passphrase())
        ctx.adopt(session)
        return session


def cmd_create(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal backup create FILE``."""
    from peerjournal.app.backups import create_backup

    session = _session_for_backup(ctx)
    target = Path(args.backup_file).expanduser()
    meta = create_backup(session, target)
    ctx.mark_done()
    if args.json:
        write_json(
            {"file": str(target.absolute()), "created": meta.created.isoformat(),
             "bytes": target.stat().st_size},
            ctx.stdout,
        )  # fmt: skip
    else:
        ctx.out(f"Wrote an encrypted backup to {target} ({target.stat().st_size:,} bytes).")
        ctx.out("It opens with the passphrase this vault has now, also after a later change.")
    return 0


def _secret(args: argparse.Namespace, ctx: Context) -> str:
    if args.recovery_code or args.recovery_code_file:
        return ctx.recovery_code()
    return ctx.passphrase("Passphrase of the backup: ")


def info_json(info: BackupInfo) -> dict[str, Any]:
    """The ``backup verify/restore --json`` shape."""
    return {
        "ok": True,
        "created": info.created.isoformat(),
        "entries": info.entries,
        "trashed": info.trashed,
        "mood_logs": info.mood_logs,
        "first": None if info.first is None else info.first.isoformat(),
        "last": None if info.last is None else info.last.isoformat(),
        "schema": info.schema,
        "database_bytes": info.database_bytes,
    }


def _describe(ctx: Context, info: BackupInfo) -> None:
    span = ""
    if info.first is not None and info.last is not None:
        span = f", written {local_text(info.first)[:10]} to {local_text(info.last)[:10]}"
    entries = counted(info.entries, "entry", "entries")
    moods = counted(info.mood_logs, "mood log", "mood logs")
    ctx.out(
        f"Backup made {local_text(info.created)}: {entries}, "
        f"{info.trashed:,} in the trash, {moods}{span}; integrity ok."
    )


def cmd_verify(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal backup verify FILE``: exit 0 only when the backup is whole."""
    from peerjournal.app.backups import verify_backup

    info = verify_backup(
        Path(args.backup_file), _secret(args, ctx), recovery=bool(args.recovery_code)
    )
    if args.json:
        write_json(info_json(info), ctx.stdout)
    else:
        _describe(ctx, info)
    return 0


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal backup restore FILE --vault NEWDIR``."""
    from peerjournal.app.backups import restore_backup

    folder = ctx.vault_folder
    info = restore_backup(
        Path(args.backup_file), _secret(args, ctx), folder, recovery=bool(args.recovery_code)
    )
    ctx.mark_done()
    if args.json:
        write_json(dict(info_json(info), vault=str(folder.absolute())), ctx.stdout)
    else:
        _describe(ctx, info)
        ctx.out(f"Restored into {folder}. It opens with the backup's passphrase.")
    return 0


def _auto_json(settings: AutoSettings, session: Session) -> dict[str, Any]:
    from peerjournal.app.backups import last_auto_backup

    last = last_auto_backup(session)
    return {
        "enabled": settings.enabled,
        "keep": settings.keep,
        "folder": str(settings.where(session.folder)),
        "last": None if last is None else last.isoformat(),
    }


def cmd_auto(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal backup auto [--keep N] [--dir D] [--off|--on]``."""
    from peerjournal.app.backups import auto_settings, set_auto_settings

    changing = args.keep is not None or args.dir is not None or args.off or args.on
    args.writes = changing
    session = ctx.session()
    if changing:
        settings = set_auto_settings(
            session,
            enabled=False if args.off else (True if args.on else None),
            keep=args.keep,
            folder=args.dir,
        )
    else:
        settings = auto_settings(session)
    data = _auto_json(settings, session)
    if args.json:
        write_json(data, ctx.stdout)
        return 0
    state = "on" if settings.enabled else "off"
    ctx.out(f"Automatic backups: {state}; keeping the newest {settings.keep} in {data['folder']}.")
    last = data["last"]
    ctx.out(f"Last automatic backup: {last if last else 'none yet'}.")
    return 0
