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
