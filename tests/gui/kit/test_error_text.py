"""Known errors reach the screen in the user's language, from the one core catalogue."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest

from peerjournal.errors import InvalidInput, Text, WrongPassphrase, catalogue
from peerjournal.errors.base import template_fields
from peerjournal.ui.kit.error_text import CONTEXT, error_text
from peerjournal.ui.kit.i18n import TRANSLATIONS_DIR, install_translator
from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
from tools.error_catalogue import lupdate_source


@pytest.fixture
def german(qapp, ui_prefs: UiPrefs) -> Iterator[UiPrefs]:
    ui_prefs.set(LANGUAGE, "de")
    install_translator(qapp, ui_prefs)
    yield ui_prefs
    ui_prefs.set(LANGUAGE, "en")
    install_translator(qapp, ui_prefs)


def _german_catalogue() -> dict[str, ET.Element]:
    root = ET.parse(TRANSLATIONS_DIR / "peerjournal_de.ts").getroot()
    return {
        msg.findtext("source") or "": msg
        for ctx in root.iter("context")
        if ctx.findtext("name") == CONTEXT
        for msg in ctx.iter("message")
    }


def test_every_catalogue_text_has_a_german_translation_with_the_same_fields() -> None:
    german = _german_catalogue()
    problems = []
    for code, english in catalogue().items():
        msg = german.get(english)
        translation = None if msg is None else msg.find("translation")
        if translation is None or translation.get("type") or not (translation.text or "").strip():
            problems.append(f"{code}: not translated (run resources/translations/update.sh)")
        elif template_fields(translation.text or "") != template_fields(english):
            problems.append(f"{code}: the German text has other {{fields}}")
    assert problems == []
    assert set(german) == set(catalogue().values())  # nothing stale either


def test_the_lupdate_source_lists_every_catalogue_text_once() -> None:
    source = lupdate_source()
    namespace: dict[str, object] = {}
    exec(compile(source, "error_catalogue.py", "exec"), namespace)  # what lupdate reads
    assert namespace["TEXTS"] == tuple(catalogue().values())
    assert source.count(f'QT_TRANSLATE_NOOP("{CONTEXT}", ') == len(catalogue())


def test_error_text_is_english_by_default_and_german_in_a_german_ui(german: UiPrefs) -> None:
    nested = InvalidInput("text.nul", field=Text("field.title"))
    assert error_text(WrongPassphrase()) == "Diese Passphrase öffnet diesen Tresor nicht."
    assert error_text(nested) == "„Titel“ enthält ein NUL-Zeichen."
    assert nested.message == "The title contains a NUL character."  # the CLI's sentence
