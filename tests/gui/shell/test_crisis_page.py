"""Offline crisis page: own country first, search, calm fallback when the list is missing."""

from __future__ import annotations

import pytest

from peerjournal.ui.shell import crisis_page
from peerjournal.ui.shell.crisis_page import CrisisDialog


def _dialog(qtbot, **kwargs) -> CrisisDialog:
    dialog = CrisisDialog(**kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_own_country_comes_first_with_its_emergency_number(qtbot) -> None:
    dialog = _dialog(qtbot, country="de")
    codes = dialog.shown_countries()
    assert codes[0] == "DE"
    assert len(codes) > 10
    assert "112" in dialog.local_number.text()
    assert dialog.local_number.isVisible()
    text = dialog.view.toPlainText()
    assert text.index("TelefonSeelsorge") < text.index("988 Suicide")
    assert "call your local emergency number" in dialog.urgent.text()


def test_search_filters_by_country_name_code_and_service(qtbot) -> None:
    dialog = _dialog(qtbot, country="US")
    dialog.search.setText("japan")
    assert dialog.shown_countries() == ["JP"]
    dialog.search.setText("nz")
    assert dialog.shown_countries() == ["NZ"]
    dialog.search.setText("samaritans")
    assert "GB" in dialog.shown_countries()
    assert "US" not in dialog.shown_countries()
    dialog.search.setText("atlantis")
    assert dialog.shown_countries() == []
    assert "No country matches" in dialog.view.toPlainText()
    dialog.search.clear()
    assert dialog.shown_countries()[0] == "US"


def test_unknown_country_lists_everything_without_a_local_number(qtbot) -> None:
    dialog = _dialog(qtbot, country="")
    assert not dialog.local_number.isVisible()
    assert dialog.shown_countries() == sorted(
        dialog.shown_countries(), key=lambda c: crisis_page.country_names(c)[0].casefold()
    )


def test_links_are_never_opened_by_the_page(qtbot) -> None:
    dialog = _dialog(qtbot, country="GB")
    assert not dialog.view.openLinks()
    assert not dialog.view.openExternalLinks()


def test_missing_list_still_shows_the_emergency_sentence(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path=None):
        raise ValueError("crisis_resources.json: lines[0].phone is not valid")

    monkeypatch.setattr(crisis_page, "load_crisis_resources", broken)
    dialog = _dialog(qtbot, country="DE")
    assert dialog.resources is None
    assert dialog.urgent.isVisible()
    assert "could not be read" in dialog.view.toPlainText()
    assert dialog.shown_countries() == []


def test_an_unknown_country_starts_with_the_worldwide_directories(qtbot) -> None:
    dialog = _dialog(qtbot, country="")
    text = dialog.view.toPlainText()
    first_country = crisis_page.country_names(dialog.shown_countries()[0])[0]
    assert (
        text.index("Wherever you are") < text.index("Find A Helpline") < text.index(first_country)
    )
    assert not text.lstrip().startswith(first_country)  # not Argentina, the first letter


def test_numbers_and_links_open_with_the_keyboard(qtbot) -> None:
    from PySide6.QtCore import QObject, Qt, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    class Catcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []

        @Slot("QUrl")
        def take(self, url) -> None:
            self.urls.append(url.toString())

    catcher = Catcher()
    for scheme in ("tel", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "take")
    try:
        dialog = _dialog(qtbot, country="GB")
        view = dialog.view
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Tab)  # the first link: the emergency number
        qtbot.keyClick(view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(catcher.urls))
        assert catcher.urls[0] == "tel:999"
        qtbot.keyClick(view, Qt.Key.Key_Tab)  # Samaritans: its number, then its website
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(catcher.urls) == 2)
        assert catcher.urls[1] == "tel:116123"
        assert 'href="https://www.samaritans.org"' in view.toHtml()
        view.anchorClicked.emit(QUrl("https://www.samaritans.org"))  # a click on the site
        view.anchorClicked.emit(QUrl("file:///etc/passwd"))  # never anything else
        assert catcher.urls[2:] == ["https://www.samaritans.org"]
    finally:
        for scheme in ("tel", "https"):
            QDesktopServices.unsetUrlHandler(scheme)


def test_japanese_page_for_japan_reads_in_japanese(qtbot, qapp, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs

    prefs = UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prefs.set(LANGUAGE, "ja")
    install_translator(qapp, prefs)
    try:
        dialog = _dialog(qtbot, country="JP")
        assert dialog.shown_countries()[0] == "JP"
        assert dialog.local_number.text() == "日本の緊急番号: 119"
        text = dialog.view.toPlainText()
        assert text.startswith("日本 · あなたの国")
        assert text.index("よりそいホットライン") < text.index("988 Suicide")
        assert "電話 0120-279-338" in text and "24時間年中無休" in text
        assert "2026年" in dialog.footer.text()  # the review date in Japanese order
        # the search finds Japan by its Japanese name too (typed through an input method,
        # which QTest cannot press: QTest's key clicks abort on characters beyond Latin-1)
        dialog.search.insert("日本")
        assert dialog.shown_countries() == ["JP"]
    finally:
        prefs.set(LANGUAGE, "en")
        install_translator(qapp, prefs)


@pytest.mark.parametrize(
    ("language", "country", "said", "not_said"),
    [
        # another country's lines read in the UI language: notes, hours, instructions
        ("de", "GB", ["Die 112 funktioniert auch.", "SMS mit SHOUT an 85258", "Für alle unter 19."],
         ["112 also works.", "Text SHOUT", "For anyone under 19."]),
        ("de", "JP", ["救急・消防 (Rettungsdienst und Feuerwehr)", "Täglich 16:00–21:00"],
         ["(Ambulance and fire)", "Daily 16:00"]),
        ("ja", "AU", ["携帯電話からは 112 でもつながります。", "5歳から25歳向け。"],
         ["112 works from mobiles.", "For ages 5 to 25."]),
        # country names Qt has no locale for come from the catalogue
        ("de", "AR", ["Argentinien"], ["Argentina\n"]),
        ("ja", "AR", ["アルゼンチン"], ["Argentina"]),
        # in Japanese the English glosses of Japanese names are dropped
        ("ja", "JP", ["救急・消防\n", "毎日 16:00〜21:00", "都道府県によって異なります"],
         ["(Ambulance and fire)", "Varies by prefecture", "Free, for anyone under 18"]),
    ],
)  # fmt: skip
def test_the_lists_own_words_read_in_the_ui_language(
    qtbot, qapp, tmp_path, language: str, country: str, said: list[str], not_said: list[str]
) -> None:
    from PySide6.QtCore import QSettings

    from peerjournal.ui.kit.i18n import install_translator
    from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs

    prefs = UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    prefs.set(LANGUAGE, language)
    install_translator(qapp, prefs)
    try:
        dialog = _dialog(qtbot, country=country)
        dialog.search.setText(country)  # that country only
        text = dialog.view.toPlainText()
        for words in said:
            assert words in text, (words, text)
        for words in not_said:
            assert words not in text, (words, text)
    finally:
        prefs.set(LANGUAGE, "en")
        install_translator(qapp, prefs)


def test_every_word_of_the_list_is_handed_to_the_translators() -> None:
    from peerjournal.app.crisis import load_crisis_resources

    resources = load_crisis_resources()
    texts = set(crisis_page.data_texts(resources))
    for line in resources.lines:
        assert {line.name, *(t for t in (line.hours, line.notes) if t)} <= texts
        if line.sms and not line.sms[0].isdigit():
            assert line.sms in texts
        assert not (line.phone and line.phone in texts)  # numbers are never translated
    assert {d.description for d in resources.directories} <= texts
