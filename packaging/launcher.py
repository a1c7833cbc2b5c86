"""Entry point of the packaged app: no arguments open the desktop app, arguments run the CLI."""

from __future__ import annotations

import sys

from peerjournal.cli import main

if __name__ == "__main__":
    sys.exit(main())
