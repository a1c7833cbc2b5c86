"""Known errors (and other catalogue texts of the core) in the user's language.

The core's sentences live in one catalogue (:mod:`peerjournal.errors`), in English. The
desktop app renders them through Qt's translator under the context :data:`CONTEXT`, so a
German window shows German error messages. The German entries sit in
``resources/translations/peerjournal_de.ts`` like every other string of the UI; lupdate
sees the catalogue through a source file that ``tools/error_catalogue.py`` writes from
the catalogue itself (``resources/translations/update.sh`` runs it), so no sentence is
copied by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from peerjournal.errors import PeerJournalError, Text

#: The translation context of every catalogue text.
CONTEXT = "errors"


def translate(template: str) -> str:
    """One English catalogue template in the installed language."""
    return QCoreApplication.translate(CONTEXT, template)


def error_text(error: PeerJournalError | Text) -> str:
    """What the user reads for a known error (or a catalogue text), translated."""
    text = error.text if isinstance(error, PeerJournalError) else error
    return text.render(translate)
