"""Write the ``peerjournal(1)`` man page, generated from the command line's own parser.

``python -m tools.manpage [OUT]`` (default ``dist/peerjournal.1``); ``make man`` runs it, and
``man -l dist/peerjournal.1`` shows it. Every command, sub-command and option in the page
comes from :func:`peerjournal.cli.commandline.build_parser`, so the page cannot drift from the
program. The date is ``SOURCE_DATE_EPOCH``'s when set (reproducible builds), else today's.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "dist" / "peerjournal.1"


def manpage_text() -> str:
    """The man page as roff text."""
    from argparse_manpage.manpage import Manpage

    import peerjournal
    from peerjournal.cli.commandline import build_parser

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    data = {
        "project_name": "peerjournal",
        "version": peerjournal.__version__,
        "manual_title": "PeerJournal Manual",
        "manual_section": "1",
        "date": when.strftime("%Y-%m-%d"),
        "description": "an encrypted, offline journal and mood log",
    }
    return str(Manpage(build_parser(None), _data=data))


def main(argv: list[str] | None = None) -> int:
    """Write the page; returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(manpage_text(), encoding="utf-8")
    tmp.replace(out)
    print(f"manpage: wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
