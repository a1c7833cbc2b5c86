"""Translations: the German and Japanese catalogues are complete (no source string of the UI
is missing from either), compiled, and really switch the UI, dates and numbers included."""

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


COMPLETE = ["de", "ja"]
ROOT = Path(__file__).resolve().parents[3]


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    tool = str(beside) if beside.exists() else shutil.which(name)
    assert tool, f"{name} is part of the dev environment"
    return tool


@pytest.mark.parametrize("lang", COMPLETE)
def test_catalogue_is_complete_with_placeholders_kept(lang: str) -> None:
    messages = _messages(TRANSLATIONS_DIR / f"peerjournal_{lang}.ts")
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


@pytest.mark.parametrize("lang", COMPLETE)
def test_every_source_string_is_in_the_catalogue(lang: str, tmp_path: Path) -> None:
    # What update.sh does, into a copy: a string added to the code (the error catalogue, the
    # crisis list) without re-running update.sh and translating it shows up here as unfinished.
    catalogue = tmp_path / "error_catalogue.py"
    subprocess.run(
        [sys.executable, "-m", "tools.error_catalogue", str(catalogue)], cwd=ROOT, check=True
    )
    crisis = tmp_path / "crisis_catalogue.py"  # the crisis list's words (resources/crisis)
    subprocess.run(
        [sys.executable, "-m", "tools.crisis_catalogue", str(crisis)], cwd=ROOT, check=True
    )
    copy = tmp_path / f"peerjournal_{lang}.ts"
    shutil.copy(TRANSLATIONS_DIR / f"peerjournal_{lang}.ts", copy)
    sources = sorted(str(p) for p in (ROOT / "peerjournal" / "ui").rglob("*.py"))
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *("-silent", "-no-obsolete", "-locations", "none"),
            *("-source-language", "en", "-target-language", lang),
            *sources,
            str(catalogue),
            str(crisis),
            *("-ts", str(copy)),
        ],
        cwd=ROOT,
        check=True,
    )
    untranslated = [
        (context, source)
        for context, source, msg in _messages(copy)
        if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert untranslated == []
    assert len(_messages(copy)) == len(_messages(TRANSLATIONS_DIR / f"peerjournal_{lang}.ts"))


@pytest.mark.parametrize("lang", ["en", *COMPLETE])
def test_compiled_catalogues_match_their_sources(lang: str, tmp_path: Path) -> None:
    tool = _tool("pyside6-lrelease")
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


def test_switching_to_japanese_translates_widgets_dates_and_numbers(
    qtbot, qapp, prefs: UiPrefs
) -> None:
    from datetime import UTC, datetime

    from peerjournal.ui.journal.dates import short_day

    prefs.set(LANGUAGE, "ja")
    install_translator(qapp, prefs)
    assert current_language() == "ja"
    worker = DbWorker()
    try:
        dialog = SettingsDialog(worker, prefs)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "設定"
        assert dialog.theme.itemText(2) == "ダーク"
        assert "日本語" in [dialog.language.itemText(i) for i in range(dialog.language.count())]
    finally:
        worker.shutdown()
    day = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
    assert short_day(day) == "2026年12月2日(水)"
    insights = SimpleNamespace(daily=[], days=12, mean=3.5, emotions=[], activities=[])
    assert insight_sentences(insights, min_days=1)[0] == (
        "チェックインした12日間の平均の気分は 3.5 でした。"
    )


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


def test_passphrase_advice_from_zxcvbn_is_translated(qtbot, qapp, prefs: UiPrefs) -> None:
    from peerjournal.ui.shell.passphrase import NewPassphraseFields

    prefs.set(LANGUAGE, "ja")
    install_translator(qapp, prefs)
    fields = NewPassphraseFields()
    qtbot.addWidget(fields)
    qtbot.keyClicks(fields.first, "password")
    assert "これは最もよく使われるパスワードの上位10位に入っています。" in fields.advice.text()
    assert "password" not in fields.advice.text().casefold()


def test_default_emotions_and_activities_are_translated_own_names_kept(
    qapp, prefs: UiPrefs
) -> None:
    from peerjournal.domain.models import DEFAULT_ACTIVITIES, DEFAULT_EMOTIONS
    from peerjournal.ui.kit import mood_labels

    # the translatable copy is the domain's list, so no default is left in English
    assert set(mood_labels._DEFAULT_CHIPS) == {*DEFAULT_EMOTIONS, *DEFAULT_ACTIVITIES}
    prefs.set(LANGUAGE, "ja")
    install_translator(qapp, prefs)
    shown = mood_labels.display_chip_names(["walk", "calm", "karaoke"])
    assert shown == ["散歩", "穏やか", "karaoke"]
    prefs.set(LANGUAGE, "de")
    install_translator(qapp, prefs)
    assert mood_labels.display_chip_names(list(DEFAULT_ACTIVITIES))[1] == "Spaziergang"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Wed Dec 2, 2026"), ("de", "Mi., 2. Dez. 2026"), ("ja", "2026年12月2日(水)")],
)
def test_short_dates_follow_each_languages_order(qapp, prefs: UiPrefs, lang, expected) -> None:
    from datetime import UTC, datetime

    from peerjournal.ui.journal.dates import short_day

    prefs.set(LANGUAGE, lang)
    install_translator(qapp, prefs)
    assert short_day(datetime(2026, 12, 2, 12, 0, tzinfo=UTC)) == expected
