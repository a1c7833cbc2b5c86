"""Command line: ``peerjournal-relay serve | init-config | check-config | backup | restore``."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import fields
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .backup import BackupError, backup, restore
from .config import ConfigError, Settings, commented_config, load_settings, toml_value
from .server import (
    bind_socket,
    fit_open_files,
    make_server,
    tune_garbage_collector,
    uvicorn_mismatch,
)

log = logging.getLogger("peerjournal_relay")


def describe_backend(settings: Settings) -> str:
    """Where the data lives, without any password from the database URL."""
    if settings.database_url:
        parts = urlsplit(settings.database_url)
        host = parts.hostname or "local socket"
        port = f":{parts.port}" if parts.port else ""
        return f"PostgreSQL at {host}{port}{parts.path or ''}"
    return f"SQLite at {Path(settings.data_dir).resolve() / 'relay.sqlite3'}"


def serve(settings: Settings) -> int:
    """Run the relay until interrupted."""
    mismatch = uvicorn_mismatch()
    if mismatch:
        print(f"peerjournal-relay: {mismatch}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        sock = bind_socket(settings.host, settings.port)
    except OSError as exc:
        print(
            f"peerjournal-relay: cannot listen on {settings.host}:{settings.port}: {exc.strerror}",
            file=sys.stderr,
        )
        return 2
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(
        f"peerjournal-relay {__version__} listening on http://{shown}:{port} "
        f"({describe_backend(settings)})",
        flush=True,
    )
    server = make_server(settings)
    tune_garbage_collector()
    server.run(sockets=[sock])
    return 0 if server.started else 1


def masked_url(url: str) -> str:
    """``url`` with any password (``user:pw@`` or libpq's ``?password=``) shown as ``***``."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.split(':', 1)[0]}:***@{host}"
    query = "&".join(
        f"{name}=***" if name.lower() == "password" else piece
        for piece in parts.query.split("&")
        for name in [piece.split("=", 1)[0]]
    )
    return parts._replace(netloc=netloc, query=query).geturl()


def effective_config(settings: Settings) -> str:
    """The settings in force, as TOML, with any database password masked."""
    lines = []
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if f.name == "database_url" and value:
            value = masked_url(value)
        if f.name == "rate_limit_key" and value:
            value = "(set, not shown)"
        lines.append(f"{f.name} = {toml_value(value)}")
    return "\n".join(lines) + "\n"


def check_config(settings: Settings) -> int:
    """Print the effective settings and what they mean for this machine."""
    sys.stdout.write(effective_config(settings))
    fits = fit_open_files(settings.max_connections)
    print(f"# backend: {describe_backend(settings)}")
    if fits < settings.max_connections:
        print(
            f"# warning: the open-file limit allows {fits} connections, not "
            f"{settings.max_connections}; raise it (LimitNOFILE= in the systemd unit)"
        )
    print("# configuration OK")
    return 0


def _connection_flags(command: argparse.ArgumentParser) -> None:
    command.add_argument("--config", type=Path, help="TOML config file (see init-config)")
    command.add_argument("--data-dir", help="folder for the SQLite database")
    command.add_argument("--database-url", help="postgresql://… to use PostgreSQL")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser."""
    parser = argparse.ArgumentParser(
        prog="peerjournal-relay", description="The PeerJournal end-to-end encrypted relay."
    )
    parser.add_argument("--version", action="version", version=f"peerjournal-relay {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="run the relay")
    run.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    run.add_argument("--port", type=int, help="port (default 8787; 0 picks a free one)")
    _connection_flags(run)
    run.add_argument("--log-level", choices=["debug", "info", "warning", "error"])
    commands.add_parser("init-config", help="print a fully commented config file")
    check = commands.add_parser(
        "check-config", help="validate a config file and print the effective settings"
    )
    check.add_argument("file", type=Path, help="the TOML config file")
    save = commands.add_parser("backup", help="write a backup (the relay may keep running)")
    _connection_flags(save)
    save.add_argument("--to", type=Path, required=True, help="new backup file")
    load = commands.add_parser("restore", help="restore a backup (stop the relay first)")
    _connection_flags(load)
    load.add_argument("--from", dest="source", type=Path, required=True, help="backup file")
    load.add_argument("--force", action="store_true", help="replace existing relay data")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``peerjournal-relay`` command."""
    args = build_parser().parse_args(argv)
    if args.command == "init-config":
        sys.stdout.write(commented_config())
        return 0
    flags = {
        "host": getattr(args, "host", None),
        "port": getattr(args, "port", None),
        "data_dir": getattr(args, "data_dir", None),
        "database_url": getattr(args, "database_url", None),
        "log_level": getattr(args, "log_level", None),
    }
    config = args.file if args.command == "check-config" else args.config
    try:
        settings = load_settings(config, flags)
    except ConfigError as exc:
        print(f"peerjournal-relay: {exc}", file=sys.stderr)
        return 2
    if args.command == "check-config":
        return check_config(settings)
    if args.command in ("backup", "restore"):
        try:
            if args.command == "backup":
                print(backup(settings, args.to))
            else:
                print(restore(settings, args.source, force=args.force))
        except (BackupError, OSError) as exc:
            print(f"peerjournal-relay: {exc}", file=sys.stderr)
            return 1
        return 0
    return serve(settings)


if __name__ == "__main__":
    sys.exit(main())
