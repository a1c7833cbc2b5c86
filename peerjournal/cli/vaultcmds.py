"""Vault commands: ``init``, ``passwd``, ``recover``."""

from __future__ import annotations

import argparse
from typing import Any

from peerjournal.cli.context import NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, Context
from peerjournal.cli.output import counted

_NEW_HELP = f"read the new passphrase from FILE (or set {NEW_PASSPHRASE_ENV})"


def register(subparsers: Any) -> None:
    """Add the vault commands to the top-level parser."""
    init = subparsers.add_parser("init", help="create a new encrypted vault")
    init.set_defaults(handler=cmd_init)

    passwd = subparsers.add_parser("passwd", help="change the vault passphrase")
    passwd.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=_NEW_HELP,
    )
    passwd.set_defaults(handler=cmd_passwd, writes=True)

    recover = subparsers.add_parser(
        "recover", help="unlock with the recovery code and set a new passphrase"
    )
    recover.add_argument(
        "--recovery-code-file", metavar="FILE", help="read the recovery code from FILE"
    )
    recover.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help=_NEW_HELP,
    )
    recover.set_defaults(handler=cmd_recover, writes=True)

    code = subparsers.add_parser(
        "new-recovery-code", help="replace the recovery code (the old one stops working)"
    )
    code.set_defaults(handler=cmd_new_recovery_code, writes=True)


def _show_recovery_code(ctx: Context, first: str, code: str, *, failed: str) -> None:
    """Print a recovery code; ``failed``: the OutputFailed code saying what was done when
    it cannot be printed (the code exists only in this run's memory)."""
    from peerjournal.cli.streams import OutputWriteError

    try:
        _print_recovery_code(ctx, code, first)
        ctx.stdout.flush()
    except OutputWriteError as exc:
        from peerjournal.errors import OutputFailed

        raise OutputFailed(failed, reason=exc.reason) from None


def _print_recovery_code(ctx: Context, code: str, first: str) -> None:
    ctx.out(first)
    ctx.out()
    ctx.out("Your recovery code — WRITE IT DOWN now and keep it somewhere safe:")
    ctx.out()
    ctx.out(f"    {code}")
    ctx.out()
    ctx.out("It is shown only this once. If you forget your passphrase, this code is the")
    ctx.out("only way back in (peerjournal recover). Nobody else can reset it for you.")


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal init``: create a vault and show the recovery code once."""
    from peerjournal.app.session import create_vault, vault_exists
    from peerjournal.errors import VaultExists

    folder = ctx.vault_folder
    if vault_exists(folder):
        raise VaultExists("vault.exists_in", folder=str(folder))
    passphrase = ctx.new_passphrase(file_option="passphrase_file", env=PASSPHRASE_ENV)
    session, code = create_vault(folder, passphrase)
    ctx.adopt(session)
    ctx.mark_done()
    created = f"Created a new encrypted vault in {folder}."
    _show_recovery_code(ctx, created, code, failed="output.init_code_not_shown")
    return 0


def cmd_new_recovery_code(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal new-recovery-code``: seal a new recovery slot and show its code once."""
    code = ctx.session().new_recovery_code()
    ctx.mark_done()
    made = "A new recovery code now opens this vault; the old one no longer does."
    _show_recovery_code(ctx, made, code, failed="output.new_code_not_shown")
    return 0


def cmd_passwd(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal passwd``: old passphrase, then the new one twice."""
    from peerjournal.app.session import vault_writable

    if not vault_writable(ctx.existing_vault_folder()):
        from peerjournal.errors import VaultReadOnly

        raise VaultReadOnly(folder=str(ctx.vault_folder))
    old = ctx.passphrase("Current passphrase: ")
    session = ctx.session_with(old)
    new = ctx.new_passphrase(file_option="new_passphrase_file", env=NEW_PASSPHRASE_ENV)
    session.change_passphrase(old, new)
    ctx.mark_done()
    ctx.out("Passphrase changed. The old passphrase no longer opens this vault.")
    return 0


def cmd_recover(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal recover``: recovery code, then a new passphrase twice."""
    from peerjournal.app.session import recover_vault, vault_writable

    folder = ctx.existing_vault_folder()
    if not vault_writable(folder):
        from peerjournal.errors import VaultReadOnly

        raise VaultReadOnly(folder=str(folder))
    code = ctx.recovery_code()
    new = ctx.new_passphrase(file_option="new_passphrase_file", env=NEW_PASSPHRASE_ENV)
    session = recover_vault(folder, code, new)
    ctx.adopt(session)
    ctx.mark_done()
    for notice in session.notices:
        ctx.warn(notice.render())
    count = counted(session.journal.count(), "entry", "entries")
    ctx.out(f"Vault recovered: the new passphrase now opens {folder} ({count}).")
    ctx.out("Your recovery code stays the same; keep it safe.")
    return 0
