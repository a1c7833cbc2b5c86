"""The offline crisis-resources page.

Reads the bundled list through :mod:`peerjournal.app.crisis` (no network, works while the
vault is locked). The emergency sentence is always shown first, even when the list cannot
be read; lines for the user's own country come next, then every other country. A search
field filters by country (code or name, in English or the UI language) or service name.
Numbers and links are links: a click (or Tab to it and Return) hands a ``tel:``,
``sms:`` or ``https:`` address to the system, which asks the user's phone app or browser;
the page itself never goes online. With no known country, the international
directories come first, not the first country of the alphabet.

The list is English data (one file, reviewed on one date). Its words for people — service
names with their English glosses, hours, notes, text-message instructions and the
directories' descriptions — are translated through the app's catalogue in the context
:data:`DATA_CONTEXT` (``tools/crisis_catalogue.py`` hands them to lupdate, so the test
that every string has its German and Japanese translation covers them); numbers and
addresses are never translated.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peerjournal.app.crisis import CrisisLine, CrisisResources, load_crisis_resources
from peerjournal.ui.kit.focus import fit_to_screen
from peerjournal.ui.kit.theme import MOOD_COLOURS

log = logging.getLogger(__name__)

DATA_CONTEXT = "CrisisLines"  # the translation context of the list's own words


def data_texts(resources: CrisisResources) -> list[str]:
    """Every text of the list a person reads as words (not numbers or addresses), once each."""
    texts: list[str] = []
    for code in resources.countries():  # names Qt may not have in the UI language
        texts.append(QLocale.territoryToString(QLocale.codeToTerritory(code)))
    for line in resources.lines:
        texts.append(line.name)
        texts.extend(t for t in (line.hours, line.notes) if t)
        if line.sms and not line.sms[:1].isdigit():
            texts.append(line.sms)  # "Text HOME to 741741"
    for directory in resources.directories:
        texts.append(directory.description)
    return list(dict.fromkeys(t for t in texts if t))


def data_text(text: str) -> str:
    """One of the list's own texts in the UI language (unchanged where it has none)."""
    return QCoreApplication.translate(DATA_CONTEXT, text)


def locale_country() -> str:
    """The user's country code from the system locale ("" when unknown)."""
    territory = QLocale.system().territory()
    if territory == QLocale.Country.AnyTerritory:
        return ""
    return QLocale.territoryToCode(territory).upper()


def country_names(code: str) -> tuple[str, str]:
    """(name in the UI language, English name) of a country code."""
    territory = QLocale.codeToTerritory(code)
    english = QLocale.territoryToString(territory)
    # A locale of the UI language in that country gives its native territory name.
    ui_language = QLocale().language()
    candidate = QLocale(ui_language, territory)
    local = candidate.nativeTerritoryName()
    # Qt has no table of every country name in every language; where the UI language is
    # not spoken in that country (no such locale), the catalogue has the name (the list's
    # countries are among its texts), else the English name stays.
    if (
        candidate.territory() != territory
        or candidate.language() != ui_language
        or not local
        or ui_language == QLocale.Language.English
    ):
        local = data_text(english)
    return local, english


def _dial(number: str) -> str:
    """A number as a tel:/sms: address wants it: digits and a leading +."""
    return "".join(ch for ch in number if ch.isdigit() or (ch == "+" and number.startswith(ch)))


def _link(address: str, text: str) -> str:
    """An HTML link (both parts escaped)."""
    return f'<a href="{html.escape(address, quote=True)}">{html.escape(text)}</a>'


class _Banner(QFrame):
    """A softly tinted, rounded panel for the emergency sentence."""

    def paintEvent(self, event: QPaintEvent) -> None:
        """Warm tint that reads as important without alarming colours."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(MOOD_COLOURS[5])
        fill.setAlpha(60)
        border = QColor(MOOD_COLOURS[5])
        border.setAlpha(170)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        painter.end()


class CrisisDialog(QDialog):
    """Crisis lines for the user's country first, searchable, fully offline."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        country: str | None = None,
        resources: CrisisResources | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help right now"))
        self.setObjectName("crisis")
        self.resize(620, 640)  # bounded by the screen when shown (showEvent)
        self.country = (country if country is not None else locale_country()).upper()

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.urgent = QLabel(
            self.tr(
                "If you are in danger right now, call your local emergency number. "
                "You deserve support, and reaching out is a strong thing to do."
            )
        )
        self.urgent.setWordWrap(True)
        self.urgent.setObjectName("crisisUrgent")
        font = self.urgent.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.urgent.setFont(font)
        self.local_number = QLabel()
        self.local_number.setTextFormat(Qt.TextFormat.PlainText)
        self.local_number.hide()
        banner = _Banner()
        banner_layout = QVBoxLayout(banner)
        banner_layout.setContentsMargins(16, 12, 16, 12)
        banner_layout.addWidget(self.urgent)
        banner_layout.addWidget(self.local_number)
        layout.addWidget(banner)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by country or service"))
        self.search.setAccessibleName(self.tr("Search by country or service"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        self.view = QTextBrowser()
        self.view.setOpenLinks(False)  # the page never goes online by itself: a click does
        self.view.setOpenExternalLinks(False)
        self.view.anchorClicked.connect(self.open_link)
        self.view.setAccessibleName(self.tr("Crisis lines"))
        layout.addWidget(self.view, 1)

        self.footer = QLabel()
        self.footer.setWordWrap(True)
        self.footer.setObjectName("hint")
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.footer)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.resources: CrisisResources | None = resources
        if self.resources is None:
            try:
                self.resources = load_crisis_resources()
            except (OSError, ValueError):
                # A packaging bug: log it, but keep the emergency sentence on screen.
                log.exception("crisis resources could not be read")
        self._show_local_number()
        self.search.textChanged.connect(self._render)
        self._render()
        self.search.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Never taller than the screen (1280×720 at 150 % leaves 432 pixels): the list of
        lines scrolls, the emergency sentence and Close stay on screen."""
        super().showEvent(event)
        fit_to_screen(self)

    # -- links ------------------------------------------------------------------------
    def open_link(self, url: QUrl) -> None:
        """Hand a number or a website the user chose to the system (phone app, browser)."""
        if url.scheme() in ("tel", "sms", "https"):
            QDesktopServices.openUrl(url)

    # -- content ----------------------------------------------------------------------
    def _show_local_number(self) -> None:
        if self.resources is None or not self.country:
            return
        for line in self.resources.for_country(self.country):
            if line.kind == "emergency" and line.phone:
                local, _english = country_names(self.country)
                self.local_number.setText(
                    self.tr("Emergency number in %1: %2")
                    .replace("%1", local)
                    .replace("%2", line.phone)
                )
                self.local_number.show()
                return

    def shown_countries(self) -> list[str]:
        """Country codes listed for the current search, in display order."""
        if self.resources is None:
            return []
        query = self.search.text().strip().casefold()
        codes = self.resources.countries()
        names = {code: country_names(code) for code in codes}
        codes.sort(key=lambda c: (c != self.country, names[c][0].casefold()))
        if not query:
            return codes
        if query.upper() in codes:
            return [query.upper()]  # a country code ("nz") means that country only
        out = []
        for code in codes:
            haystack = [code.casefold(), *(n.casefold() for n in names[code])]
            for line in self.resources.for_country(code):
                haystack += [line.name.casefold(), data_text(line.name).casefold()]
            if any(query in text for text in haystack):
                out.append(code)
        return out

    def _render(self) -> None:
        if self.resources is None:
            self.view.setHtml(
                "<p>"
                + html.escape(
                    self.tr(
                        "The list of helplines could not be read. Please look up a helpline "
                        "for your country, or call your local emergency number."
                    )
                )
                + "</p>"
            )
            self.footer.clear()
            return
        parts: list[str] = []
        codes = self.shown_countries()
        if not codes:
            parts.append(
                "<p>"
                + html.escape(
                    self.tr(
                        "No country matches that search. The directories below list "
                        "helplines in many more countries."
                    )
                )
                + "</p>"
            )
        for code in codes:
            local, _english = country_names(code)
            title = html.escape(local)
            if code == self.country:
                title += " · " + html.escape(self.tr("your country"))
            parts.append(f"<h3>{title}</h3>")
            parts.extend(self._line_html(line) for line in self.resources.for_country(code))
        directories = self._directories_html()
        if not self.country:
            # we do not know where the user is: the worldwide directories come first
            intro = html.escape(
                self.tr(
                    "Wherever you are, these directories list helplines in your country. "
                    "Countries follow below."
                )
            )
            title = html.escape(self.tr("Wherever you are"))
            parts[0:0] = [f"<h3>{title}</h3><p>{intro}</p>"]
            parts[1:1] = directories
        else:
            others = html.escape(self.tr("Other countries"))
            parts.append(f"<h3>{others}</h3>")
            parts.extend(directories)
        self.view.setHtml("".join(parts))
        day = self.resources.last_reviewed
        reviewed = QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )
        # The list's own note is English data; the same advice is given here in the UI
        # language so the page reads in one language.
        self.footer.setText(
            self.tr(
                "Numbers and hours change, so check them on the service's own website before "
                "relying on one. PeerJournal never calls or contacts anyone by itself."
            )
            + " "
            + self.tr("This list was last checked on %1.").replace("%1", reviewed)
        )

    def _directories_html(self) -> list[str]:
        assert self.resources is not None
        return [
            f"<p><b>{html.escape(d.name)}</b><br>{html.escape(data_text(d.description))}<br>"
            f"{_link(d.url, d.url)}</p>"
            for d in self.resources.directories
        ]

    def _line_html(self, line: CrisisLine) -> str:
        details: list[str] = []
        if line.phone:
            number = _link("tel:" + _dial(line.phone), line.phone)
            details.append(self.tr("Call %1").replace("%1", number))
        if line.sms:
            sms = html.escape(data_text(line.sms))
            if line.sms[:1].isdigit():
                details.append(
                    self.tr("Text %1").replace("%1", _link("sms:" + _dial(line.sms), line.sms))
                )
            else:
                details.append(sms)
        if line.hours:
            details.append(html.escape(data_text(line.hours)))
        if line.audience == "youth":
            details.append(html.escape(self.tr("for young people")))
        extra = ""
        if line.url:
            extra += f"<br>{_link(line.url, line.url)}"
        if line.notes:
            extra += f"<br><i>{html.escape(data_text(line.notes))}</i>"
        name = html.escape(data_text(line.name))
        return f"<p><b>{name}</b><br>{' · '.join(details)}{extra}</p>"
