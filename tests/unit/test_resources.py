"""Bundled resources: the crisis list, the stylesheets and the icons."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from phonenumbers import shortnumberinfo

from peerjournal.app.crisis import (
    AUDIENCES,
    KINDS,
    default_path,
    is_country_code,
    load_crisis_resources,
    parse_crisis_resources,
)

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"

# Helplines younger than (or missing from) libphonenumber's short-number metadata; each
# was checked by hand against the service's own site (see last_reviewed in the file).
KNOWN_SHORT_CODES = {("NL", "113"), ("IN", "14416"), ("KR", "109"), ("BR", "188"), ("AR", "135")}


# --- crisis resources ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crisis_raw() -> dict[str, Any]:
    data = json.loads((RESOURCES / "crisis" / "crisis_resources.json").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def test_bundled_crisis_list_loads_and_covers_many_countries() -> None:
    resources = load_crisis_resources()
    assert default_path() == RESOURCES / "crisis" / "crisis_resources.json"
    assert len(resources.countries()) >= 25
    assert resources.last_reviewed <= date.today()
    assert "check" in resources.note.lower()
    assert resources.directories and all(
        d.url.startswith("https://") for d in resources.directories
    )


def test_every_line_has_the_required_fields(crisis_raw: dict[str, Any]) -> None:
    for record in crisis_raw["lines"]:
        assert {"country", "name", "kind", "audience"} <= set(record), record
        assert record["kind"] in KINDS
        assert record["audience"] in AUDIENCES
        assert any(record.get(k) for k in ("phone", "sms", "url")), record
        assert set(record) <= {
            "country",
            "name",
            "kind",
            "phone",
            "sms",
            "url",
            "hours",
            "audience",
            "languages",
            "notes",
            "source",
        }


def test_country_codes_are_iso_3166_alpha_2(crisis_raw: dict[str, Any]) -> None:
    codes = {record["country"] for record in crisis_raw["lines"]}
    assert all(is_country_code(code) for code in codes), sorted(codes)
    assert not is_country_code("UK") and not is_country_code("gb") and not is_country_code("ZZ")


def test_no_duplicate_entries(crisis_raw: dict[str, Any]) -> None:
    keys = [(r["country"], r["name"].casefold()) for r in crisis_raw["lines"]]
    assert len(keys) == len(set(keys))
    numbers = [(r["country"], r.get("phone"), r["kind"]) for r in crisis_raw["lines"]]
    numbers = [n for n in numbers if n[1]]
    assert len(numbers) == len(set(numbers))


def test_phone_numbers_are_real_numbers_for_their_country(crisis_raw: dict[str, Any]) -> None:
    """Typos show up here: every number must be valid or a known short code in its country."""
    bad = []
    for record in crisis_raw["lines"]:
        phone, country = record.get("phone"), record["country"]
        if not phone or (country, phone) in KNOWN_SHORT_CODES:
            continue
        number = phonenumbers.parse(phone, country)
        if not (
            phonenumbers.is_valid_number(number)
            or shortnumberinfo.is_valid_short_number_for_region(number, country)
        ):
            bad.append((country, phone))
        if record["kind"] == "emergency" and not shortnumberinfo.is_emergency_number(
            phone, country
        ):
            bad.append((country, phone, "not an emergency number"))
    assert bad == []


def test_well_known_lines_are_present() -> None:
    resources = load_crisis_resources()
    phones = {(line.country, line.phone) for line in resources.lines}
    for expected in [
        ("US", "988"), ("GB", "116 123"), ("IE", "116 123"), ("DE", "0800 111 0 111"),
        ("FR", "3114"), ("AU", "13 11 14"), ("CA", "1-800-668-6868"), ("US", "911"),
    ]:  # fmt: skip
        assert expected in phones


def test_for_country_lists_emergency_numbers_first() -> None:
    lines = load_crisis_resources().for_country(" gb ")
    assert lines[0].kind == "emergency" and lines[0].phone == "999"
    assert [line.kind for line in lines[1:]] == ["helpline"] * (len(lines) - 1)
    assert any(line.audience == "youth" for line in lines)
    assert load_crisis_resources().for_country("AQ") == []


def _valid_document() -> dict[str, Any]:
    return {
        "schema": 1,
        "last_reviewed": "2026-11-24",
        "note": "Check numbers.",
        "lines": [
            {"country": "GB", "name": "A", "kind": "helpline", "phone": "1", "audience": "everyone"}
        ],
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema": 2}, "schema"),
        ({"last_reviewed": "soon"}, "last_reviewed"),
        ({"lines": "x"}, "must be lists"),
        ({"lines": [{"country": "UK", "name": "A", "kind": "helpline", "phone": "1"}]}, "ISO"),
        (
            {"lines": [{"country": "GB", "name": "A", "kind": "hotline", "audience": "everyone"}]},
            "kind",
        ),
        (
            {"lines": [{"country": "GB", "name": "A", "kind": "helpline", "audience": "everyone"}]},
            "at least one",
        ),
        (
            {"lines": [_valid_document()["lines"][0], _valid_document()["lines"][0]]},
            "duplicate",
        ),
        (
            {
                "lines": [
                    {
                        "country": "GB",
                        "name": "A",
                        "kind": "helpline",
                        "url": "http://x",
                        "audience": "everyone",
                    }
                ]
            },
            "https",
        ),
    ],
)
def test_parser_rejects_malformed_documents(change: dict[str, Any], message: str) -> None:
    document = {**_valid_document(), **change}
    with pytest.raises(ValueError, match=message):
        parse_crisis_resources(document)


def test_loader_reads_a_given_file(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps(_valid_document()), encoding="utf-8")
    resources = load_crisis_resources(path)
    assert [line.name for line in resources.lines] == ["A"]
    assert resources.lines[0].languages == ()


# --- stylesheets -------------------------------------------------------------------------------

THEMES = {
    # the window and base colours of peerjournal.ui.kit.theme's palettes
    "light": ("#f6f5f2", "#ffffff", "#2d2f33"),
    "dark": ("#1f2125", "#26292e", "#e4e2dd"),
}
ROLES = (
    "primary",
    "danger",
    "link",
    "muted",
    "heading",
    "error",
    "success",
    "mono",
    "card",
    "chip",
)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _blocks(qss: str) -> list[tuple[str, dict[str, str]]]:
    qss = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    blocks = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", qss):
        props = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                props[name.strip()] = value.strip()
        blocks.append((" ".join(selector.split()), props))
    return blocks


def test_contrast_helper() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_stylesheet_is_well_formed_and_documents_roles(theme: str) -> None:
    qss = (RESOURCES / "styles" / f"{theme}.qss").read_text("utf-8")
    stripped = re.sub(r"/\*.*?\*/", "", qss, flags=re.S)
    assert stripped.count("{") == stripped.count("}")
    header = qss.split("*/", 1)[0]
    selectors = " ".join(selector for selector, _ in _blocks(qss))
    for role in ROLES:
        assert f'role="{role}"' in header
        assert f'[role="{role}"]' in selectors
    for widget in ("QWidget", "QLineEdit", "QTextEdit", "QPushButton", "QListView", "QTabBar"):
        assert re.search(rf"\b{widget}\b", selectors)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_text_contrast_is_at_least_4_5(theme: str) -> None:
    window, base, text = THEMES[theme]
    qss = (RESOURCES / "styles" / f"{theme}.qss").read_text("utf-8")
    failures = []
    for selector, props in _blocks(qss):
        if ":disabled" in selector or "QScrollBar" in selector:
            continue  # WCAG exempts disabled controls; scroll bars carry no text
        pairs = [("color", "background-color"), ("selection-color", "selection-background-color")]
        for fg_name, bg_name in pairs:
            fg = props.get(fg_name)
            bg = props.get(bg_name) or (props.get("background") if fg_name == "color" else None)
            if fg is None and (bg is None or fg_name != "color"):
                continue
            fg = fg or text
            backgrounds = [bg] if bg and bg.startswith("#") else [window, base]
            for background in backgrounds:
                if contrast(fg, background) < 4.5:
                    failures.append((selector, fg, background, round(contrast(fg, background), 2)))
    assert failures == []


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_focus_is_visible(theme: str) -> None:
    _window, base, _text = THEMES[theme]
    qss = (RESOURCES / "styles" / f"{theme}.qss").read_text("utf-8")
    focus = [(s, p) for s, p in _blocks(qss) if ":focus" in s]
    for widget in ("QLineEdit", "QTextEdit", "QPushButton", "QListView", "QTabBar"):
        assert any(widget in selector for selector, _ in focus), widget
    for selector, props in focus:
        border = props.get("border", props.get("border-bottom", ""))
        colour = re.search(r"#[0-9a-fA-F]{6}", border)
        if not border and "background-color" not in props:
            continue  # only adjusts padding for the thicker ring set elsewhere
        if colour is None:
            assert props.get("background-color"), selector
            continue
        assert "2px" in border, selector
        assert contrast(colour.group(), base) >= 3.0, selector  # WCAG non-text contrast


def test_dark_stylesheet_is_generated_from_light() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_dark", RESOURCES / "styles" / "make_dark.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    light = (RESOURCES / "styles" / "light.qss").read_text("utf-8")
    assert module.convert(light) == (RESOURCES / "styles" / "dark.qss").read_text("utf-8")


# --- icons -------------------------------------------------------------------------------------

ICONS = RESOURCES / "icons"
ACTION_ICONS = (
    "new-entry", "search", "lock", "checkin", "settings", "star", "trash", "peers", "mood",
    "journal", "crisis",
)  # fmt: skip
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def test_app_icon_pngs_exist_at_every_size() -> None:
    for size in PNG_SIZES:
        assert _png_size(ICONS / "png" / f"peerjournal-{size}.png") == (size, size)


@pytest.mark.parametrize("name", ["peerjournal", *ACTION_ICONS])
def test_svg_icons_are_well_formed_and_listed(name: str) -> None:
    root = ET.parse(ICONS / f"{name}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox")
    assert f"`{name}.svg`" in (ICONS / "README.md").read_text("utf-8")


def test_action_icons_are_monochrome() -> None:
    for name in ACTION_ICONS:
        colours = set(re.findall(r"#[0-9A-Fa-f]{6}", (ICONS / f"{name}.svg").read_text("utf-8")))
        assert colours == {"#34434D"}, name


def test_dark_variants_match_the_light_icons() -> None:
    for name in ACTION_ICONS:
        light = (ICONS / f"{name}.svg").read_text("utf-8")
        dark = (ICONS / "dark" / f"{name}.svg").read_text("utf-8")
        assert dark == light.replace("#34434D", "#D5DCE0"), name
    assert not (ICONS / "dark" / "peerjournal.svg").exists()  # the app icon has one look


def test_action_icon_colours_stand_out_from_the_window() -> None:
    light_window, dark_window = THEMES["light"][0], THEMES["dark"][0]
    assert contrast("#34434D", light_window) >= 4.5
    assert contrast("#D5DCE0", dark_window) >= 4.5


def test_japan_has_emergency_numbers_and_sourced_helplines() -> None:
    lines = load_crisis_resources().for_country("JP")
    emergency = {line.phone for line in lines if line.kind == "emergency"}
    assert emergency == {"119", "110"}
    phones = {line.phone for line in lines}
    for expected in ["0120-279-338", "0570-783-556", "03-5774-0992", "0120-99-7777"]:
        assert expected in phones
    assert any(line.audience == "youth" for line in lines)
    # every Japanese line names where its number was checked
    assert all(line.source and line.source.startswith("https://") for line in lines)


def test_parser_rejects_a_source_that_is_not_https() -> None:
    record = {**_valid_document()["lines"][0], "source": "http://example.org"}
    with pytest.raises(ValueError, match="'source' must start with https://"):
        parse_crisis_resources({**_valid_document(), "lines": [record]})
