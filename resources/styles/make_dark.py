"""Derive dark.qss from light.qss by mapping each light colour to its dark partner.

Edit light.qss, then run ``python3 resources/styles/make_dark.py``.  Text drawn on the
accent colour (``color: #ffffff`` in light) becomes near-black in dark, because the dark
accent is a light blue.  tests/unit/test_resources.py checks the contrast of both files.
"""

from __future__ import annotations

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

LIGHT_TO_DARK = {
    "#2d2f33": "#e4e2dd",  # text
    "#f6f5f2": "#1f2125",  # window
    "#ffffff": "#26292e",  # base (inputs, lists)
    "#cfccc4": "#41454c",  # border
    "#a9a59b": "#5b6069",  # border on hover
    "#36689a": "#8ab8e0",  # accent, focus ring
    "#2f5b87": "#a3c8e8",  # accent hover
    "#1d3a57": "#e4e2dd",  # focus ring on accent
    "#5f6368": "#9ea2aa",  # disabled text (4.5:1 on the disabled background, as in light)
    "#efeee9": "#2c2f35",  # disabled / subtle background
    "#ecebe6": "#30343a",  # button
    "#e3e1da": "#383c43",  # button hover
    "#d9d6cd": "#42464e",  # button pressed
    "#a2332b": "#f0a39a",  # error text
    "#8a2b24": "#c9766c",  # danger border
    "#2e6a48": "#8fd1a8",  # success text
    "#f7f6f2": "#2a2d32",  # alternate rows
    "#dedbd3": "#3a3e45",  # soft border
    "#eef2f6": "#2f3640",  # item hover
    "#595d64": "#a3a7ae",  # muted text
    "#e2dfd8": "#363a40",  # panel border
    "#e1e8ef": "#2f3b48",  # checked tool button
    "#c4d3e1": "#46586b",  # checked tool button border
    "#c9c6be": "#4a4e56",  # scroll bar handle
}
ON_ACCENT = "#14161a"
DANGER_BACKGROUND = "#e08b80"
PALETTE_COMMENT = """ * Palette: window #1f2125, base #26292e, text #e4e2dd, muted #a3a7ae, accent #8ab8e0
 *          (dark text #14161a on it), border #41454c, error #f0a39a, success #8fd1a8.
 */"""


def convert(light: str) -> str:
    """The dark stylesheet for the text of light.qss."""
    lines = []
    selector = ""
    for line in light.splitlines():
        if "{" in line:
            selector = line
        text_on_accent = re.match(r"(\s*)(color|selection-color):\s*#ffffff;", line)
        if text_on_accent:
            line = f"{text_on_accent.group(1)}{text_on_accent.group(2)}: {ON_ACCENT};"
        elif 'role="danger"' in selector and "background-color: #a2332b" in line:
            line = line.replace("#a2332b", DANGER_BACKGROUND)
        else:
            line = re.sub(r"#[0-9a-f]{6}", lambda m: LIGHT_TO_DARK.get(m.group(), m.group()), line)
        lines.append(line)
    dark = "\n".join(lines) + "\n"
    dark = dark.replace("PeerJournal — light theme.", "PeerJournal — dark theme.")
    dark = dark.replace("/check-light.svg", "/check-dark.svg")
    dark = dark.replace("the light\n * QPalette", "the dark\n * QPalette")
    return re.sub(r" \* Palette: .*?\*/", lambda _m: PALETTE_COMMENT, dark, count=1, flags=re.S)


if __name__ == "__main__":
    (HERE / "dark.qss").write_text(convert((HERE / "light.qss").read_text("utf-8")), "utf-8")
