"""Command line: ``peerjournal-relay serve`` and ``peerjournal-relay init-config``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .config import ConfigError, Settings, commented_config, load_settings
from .server import bind_socket, make_server

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
    server.run(sockets=[sock])
    return 0 if server.started else 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser."""
    parser = argparse.ArgumentParser(
        prog="peerjournal-relay", description="The PeerJournal end-to-end encrypted relay."
    )
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="run the relay")
    run.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    run.add_argument("--port", type=int, help="port (default 8787; 0 picks a free one)")
    run.add_argument("--data-dir", help="folder for the SQLite database")
    run.add_argument("--database-url", help="postgresql://… to use PostgreSQL")
    run.add_argument("--config", type=Path, help="TOML config file (see init-config)")
    run.add_argument("--log-level", choices=["debug", "info", "warning", "error"])
    commands.add_parser("init-config", help="print a fully commented config file")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``peerjournal-relay`` command."""
    args = build_parser().parse_args(argv)
    if args.command == "init-config":
        sys.stdout.write(commented_config())
        return 0
    try:
        settings = load_settings(
            args.config,
            {
                "host": args.host,
                "port": args.port,
                "data_dir": args.data_dir,
                "database_url": args.database_url,
                "log_level": args.log_level,
            },
        )
    except ConfigError as exc:
        print(f"peerjournal-relay: {exc}", file=sys.stderr)
        return 2
    return serve(settings)


if __name__ == "__main__":
    sys.exit(main())
