"""docs/relay.md's settings table names every setting of config.py, with its real default.

The table once listed only "the settings an operator most often changes": nine settings
(``max_body_bytes``, ``pool_size``, ``max_wait_seconds``, ``log_level`` among them) were
found only by running ``init-config``, and nothing kept the defaults it shows in step with
the code.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

from peerjournal_relay.config import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"
UNITS = {"": 1, "KiB": 1024, "MiB": 1024**2, "GiB": 1024**3, "M": 1_000_000}


def _table() -> dict[str, str]:
    text = (DOCS / "relay.md").read_text(encoding="utf-8")
    start = text.index("## 2. Configure")
    section = text[start : text.index("\n## ", start + 1)]
    documented: dict[str, str] = {}
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        names_cell, default_cell = (cell.strip() for cell in line.strip("|").split("|")[:2])
        names = re.findall(r"`([a-z_]+)`", names_cell)
        defaults = [value.strip() for value in default_cell.split(",")]
        assert len(names) == len(defaults), line
        for name, default in zip(names, defaults, strict=True):
            assert name not in documented, f"{name} is in the table twice"
            documented[name] = default
    return documented


def _value(text: str, like: Any) -> Any:
    """The documented default in the setting's type ('16 MiB', '2 M', 'empty', 'false')."""
    if isinstance(like, bool):
        return {"true": True, "false": False}[text]
    if isinstance(like, str):
        return "" if text == "empty" else text.strip("`")
    match = re.fullmatch(r"(\d+(?:\.\d+)?) ?(KiB|MiB|GiB|M)?", text)
    assert match, f"not a number: {text!r}"
    number = float(match.group(1)) * UNITS[match.group(2) or ""]
    return type(like)(number)


def test_every_setting_is_in_the_table() -> None:
    documented = _table()
    names = [f.name for f in fields(Settings)]
    assert sorted(set(names) - set(documented)) == []
    assert sorted(set(documented) - set(names)) == []  # nothing that is no setting


def test_the_table_shows_each_default_as_the_code_has_it() -> None:
    defaults = Settings()
    wrong = {
        name: (text, getattr(defaults, name))
        for name, text in _table().items()
        if _value(text, getattr(defaults, name)) != getattr(defaults, name)
    }
    assert wrong == {}
