"""Translations: the German catalogue is complete, compiled, and really switches the UI."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings

from peerjournal.ui.kit.i18n import TRANSLATIONS_DIR, current_language, install_translator
from peerjournal.ui.kit.prefs import LANGUAGE, UiPrefs
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.mood.insights import insight_sentences
from peerjournal.ui.shell.settings_dialog import SettingsDialog

PLACEHOLDER = re.compile(r"%n|%\d|\{\d\}")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "", msg)
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


@pytest.fixture
def prefs(tmp_path: Path) -> UiPrefs:
    return UiPrefs(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def _back_to_english(qapp, prefs: UiPrefs) -> Iterator[None]:
    yield
    prefs.set(LANGUAGE, "en")
    install_translator(qapp, prefs)


def test_german_catalogue_is_complete_with_placeholders_kept() -> None:
    messages = _messages(TRANSLATIONS_DIR / "peerjournal_de.ts")
    assert len(messages) > 150
    problems = []
    for context, source, msg in messages:
        translation = msg.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append((context, source, translation.get("type")))
            continue
        forms = (
            [f.text or "" for f in translation.findall("numerusform")]
            if msg.get("numerus") == "yes"
            else [translation.text or ""]
        )
        for text in forms:
            if not text.strip():
                problems.append((context, source, "empty"))
            elif sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append((context, source, f"placeholders differ: {text}"))
    assert problems == []


def test_english_catalogue_has_both_plural_forms() -> None:
    messages = _messages(TRANSLATIONS_DIR / "peerjournal_en.ts")
    assert messages
    for _context, source, msg in messages:
        forms = [f.text for f in msg.find("translation").findall("numerusform")]
        assert len(forms) == 2 and all(forms), source


@pytest.mark.parametrize("lang", ["en", "de"])
def test_compiled_catalogues_match_their_sources(lang: str, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    assert tool, "pyside6-lrelease is part of the dev environment"
    fresh = tmp_path / f"{lang}.qm"
    subprocess.run(
        [tool, "-silent", str(TRANSLATIONS_DIR / f"peerjournal_{lang}.ts"), "-qm", str(fresh)],
        check=True,
    )
    assert fresh.read_bytes() == (TRANSLATIONS_DIR / f"peerjournal_{lang}.qm").read_bytes()


def test_switching_to_german_translates_real_widgets(qtbot, qapp, prefs: UiPrefs) -> None:
    prefs.set(LANGUAGE, "de")
    install_translator(qapp, prefs)
    assert current_language() == "de"
    worker = DbWorker()
    try:
        dialog = SettingsDialog(worker, prefs)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Einstellungen"
        assert dialog.tabs.tabText(0) == "Allgemein"
        assert dialog.theme.itemText(2) == "Dunkel"
    finally:
        worker.shutdown()


def test_german_plural_forms_in_insights(qapp, prefs: UiPrefs) -> None:
    insights = SimpleNamespace(
        daily=[],
        days=12,
        mean=3.5,
        emotions=[],
        activities=[
            SimpleNamespace(
                name="Spaziergang",
                kind="activity",
                mean_with=3.9,
                days_with=12,
                mean_without=3.1,
                days_without=1,
            ),
        ],
    )
    prefs.set(LANGUAGE, "de")
    install_translator(qapp, prefs)
    german = insight_sentences(insights, min_days=1)
    assert german[0] == "An 12 Tagen mit Check-ins lag deine durchschnittliche Stimmung bei 3,5."
    assert german[1] == (
        "An 12 Tagen mit „Spaziergang“ lag deine durchschnittliche Stimmung bei 3,9; "
        "an 1 Tag ohne bei 3,1."
    )
    prefs.set(LANGUAGE, "en")
    install_translator(qapp, prefs)
    english = insight_sentences(insights, min_days=1)
    assert english[1].endswith("on 1 day without it, 3.1.")
