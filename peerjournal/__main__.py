"""``python -m peerjournal`` runs the command line (no sub-command opens the desktop app)."""

from peerjournal.cli import main

raise SystemExit(main())
