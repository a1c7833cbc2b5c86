"""What the About dialog and ``--version`` say: the version and the bundled components' licences.

The version comes from the installed package's metadata (``pyproject.toml`` is its only
source).  The components are PeerJournal's run-time dependencies, found by walking the
``Requires-Dist`` of the installed distributions, each with the licence its metadata
declares and the licence files it ships.  The packaged app cannot walk its environment
(it has none), so ``packaging/peerjournal.spec`` writes the same list, computed at build
time from the build environment, to ``resources/licences.json`` inside the bundle, and
:func:`bundled_components` reads that file when it is there.
"""

from __future__ import annotations

import json
import platform
import re
import sysconfig
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "peerjournal"
LICENCES_FILE = Path(__file__).resolve().parents[2] / "resources" / "licences.json"
# Standard licence texts, for components whose distributions ship none (the PySide6 and
# shiboken6 wheels declare LGPL-3.0 but carry no licence file, and the LGPL must travel
# with the libraries).  Copied verbatim from the FSF's texts.
STANDARD_TEXTS = Path(__file__).resolve().parents[2] / "resources" / "licences"
# The licence PeerJournal uses a component under when it offers several, first match wins,
# and the texts that licence needs (the LGPL 3 is a set of permissions on top of the GPL 3).
CHOSEN_LICENCES = (("LGPL-3.0", ("LGPL-3.0.txt", "GPL-3.0.txt")), ("GPL-3.0", ("GPL-3.0.txt",)))
QT_NOTE = (
    "PeerJournal uses Qt (through PySide6 and shiboken6) under the GNU Lesser General Public "
    "License version 3. Qt's libraries are shared libraries in the app's folder, unmodified: "
    "you may replace them with your own build of the same Qt version. Qt's source code is at "
    "https://download.qt.io/official_releases/qt/ and PySide6's at "
    "https://download.qt.io/official_releases/QtForPython/."
)
_QT_DISTRIBUTIONS = frozenset({"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"})
FORMAT = 1
# Licence texts longer than this are cut (the GPL is about 35,000 characters).
MAX_TEXT = 60_000
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_CLASSIFIER = "License :: OSI Approved :: "
SEE_TEXT = "see the licence text"
NOT_DECLARED = "not declared"


@dataclass(frozen=True)
class Component:
    """One bundled component: a Python distribution, or the Python runtime itself."""

    name: str
    version: str
    licence: str  # an SPDX expression where the metadata gives one, else its own words
    text: str  # the licence files the component ships, joined; may be empty


def app_version() -> str:
    """PeerJournal's version, from the installed package metadata ("unknown" if not installed)."""
    import peerjournal

    return str(peerjournal.__version__)


def licence_of(meta: metadata.PackageMetadata) -> str:
    """The licence a distribution declares: License-Expression, License, or its classifiers."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    declared = _field(meta, "License")
    if declared and "\n" not in declared and len(declared) <= 80:
        return declared
    classifiers = [
        c.removeprefix(_CLASSIFIER)
        for c in meta.get_all("Classifier") or []
        if c.startswith(_CLASSIFIER)
    ]
    if classifiers:
        return " OR ".join(classifiers)
    return SEE_TEXT if declared else NOT_DECLARED


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_text(dist: metadata.Distribution) -> str:
    """The licence files a distribution ships (PEP 639 ``licenses/`` or the older places)."""
    texts = []
    for name in dist.metadata.get_all("License-File") or []:
        for candidate in (f"licenses/{name}", name, f"license_files/{name}"):
            text = dist.read_text(candidate)
            if text:
                texts.append(text.strip())
                break
    if not texts:
        declared = _field(dist.metadata, "License")
        if "\n" in declared or len(declared) > 80:
            texts.append(declared)
    joined = "\n\n".join(texts)
    return joined if len(joined) <= MAX_TEXT else joined[:MAX_TEXT] + "\n…"


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    """The names of a distribution's requirements that are not tied to one of its extras.

    A requirement limited by another marker (``; sys_platform != "win32"``) is listed too:
    the walk only follows names that are installed, which is what applies here.
    """
    names = []
    for line in dist.requires or []:
        requirement, _, marker = line.partition(";")
        if re.search(r"\bextra\b", marker):
            continue
        match = _NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def components_from_environment(root: str = DISTRIBUTION) -> list[Component]:
    """PeerJournal's run-time dependencies as installed here, with the Python runtime."""
    seen: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        key = _normalise(name)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        pending.extend(_requirement_names(dist))
    components = [_component(dist) for key, dist in seen.items() if key != _normalise(root)]
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    components.append(
        Component(
            name="Python",
            version=platform.python_version(),
            licence="PSF-2.0",
            text=python_licence.read_text("utf-8") if python_licence.is_file() else "",
        )
    )
    return sorted(components, key=lambda c: c.name.lower())


def _component(dist: metadata.Distribution) -> Component:
    name = str(dist.metadata["Name"])
    text = licence_text(dist)
    licence = licence_of(dist.metadata)
    if not text:
        text = standard_text(licence)
        if text and _normalise(name) in _QT_DISTRIBUTIONS:
            text = QT_NOTE + "\n\n" + text
    if licence == NOT_DECLARED and text:
        licence = SEE_TEXT
    return Component(name, dist.version, licence, text)


def standard_text(licence: str, folder: Path = STANDARD_TEXTS) -> str:
    """The standard text(s) of the licence a component is used under, for a declared SPDX
    expression (``"LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"`` gives the LGPL 3 with the
    GPL 3 it builds on); empty when PeerJournal holds no text for it."""
    offered = {part.strip().removesuffix("-only").removesuffix("-or-later") for part in
               re.split(r"\s+OR\s+", licence.strip("() "))}  # fmt: skip
    for spdx, files in CHOSEN_LICENCES:
        if spdx in offered:
            texts = [(folder / file).read_text("utf-8").strip() for file in files]
            return "\n\n".join(texts)
    return ""


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def write_components(components: list[Component], target: Path) -> None:
    """Write the list for the bundle (used by the PyInstaller spec at build time)."""
    payload = {"format": FORMAT, "components": [asdict(c) for c in components]}
    target.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")


def read_components(source: Path) -> list[Component]:
    """Read a list written by :func:`write_components`."""
    payload = json.loads(source.read_text(encoding="utf-8"))
    if payload.get("format") != FORMAT:
        raise ValueError(f"{source.name}: unknown format {payload.get('format')!r}")
    return [Component(**record) for record in payload["components"]]


def bundled_components(source: Path = LICENCES_FILE) -> list[Component]:
    """The components of this installation: the bundle's list, else the environment's."""
    if source.is_file():
        return read_components(source)
    return components_from_environment()


def app_licence() -> str:
    """PeerJournal's own licence, from its package metadata."""
    try:
        return licence_of(metadata.metadata(DISTRIBUTION))
    except metadata.PackageNotFoundError:
        return NOT_DECLARED
