"""docs/benchmarks.md: a run replaces only the reports it made, between their markers."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_all() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "bench" / "run_all.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOC = """# Benchmarks

<!-- bench:search -->
## search

old search table
<!-- /bench:search -->

Why search is fast: written by hand.

<!-- bench:export -->
## Export

old export table
<!-- /bench:export -->

Export analysis, by hand.
"""


def test_a_run_replaces_only_its_own_report_and_keeps_the_analysis() -> None:
    merged = run_all().merge(DOC, {"export": "## Export\n\nnew export table\n"})
    assert "new export table" in merged and "old export table" not in merged
    assert "old search table" in merged
    assert "Why search is fast: written by hand." in merged
    assert merged.endswith("<!-- /bench:export -->\n\nExport analysis, by hand.\n")


def test_a_new_benchmark_is_added_at_the_end() -> None:
    merged = run_all().merge(DOC, {"import": "## Import\n\nrows\n"})
    assert merged.startswith(DOC.rstrip("\n"))
    assert merged.endswith("<!-- bench:import -->\n## Import\n\nrows\n<!-- /bench:import -->\n")


def test_merging_twice_gives_the_same_document() -> None:
    module = run_all()
    once = module.merge(DOC, {"search": "## search\n\nnew\n"})
    assert module.merge(once, {"search": "## search\n\nnew\n"}) == once


@pytest.mark.parametrize(
    "damaged",
    [
        DOC.replace("<!-- /bench:search -->", ""),
        DOC.replace("<!-- bench:search -->", ""),
        DOC + "<!-- bench:search -->\n",
    ],
)
def test_damaged_markers_are_refused_not_guessed(damaged: str) -> None:
    with pytest.raises(ValueError, match="search"):
        run_all().merge(damaged, {"search": "## search\n\nnew\n"})


def test_the_stamp_goes_under_the_heading() -> None:
    stamped = run_all().stamp("## Export\n\ntable\n")
    heading, blank, note, *rest = stamped.splitlines()
    assert heading == "## Export" and blank == ""
    assert note.startswith("_Measured ") and "load average" in note
    assert rest == ["", "table"]


def test_the_document_in_the_tree_has_whole_markers() -> None:
    doc = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    module = run_all()
    names = {
        line[len("<!-- bench:") : -len(" -->")]
        for line in doc.splitlines()
        if line.startswith("<!-- bench:")
    }
    assert "machine" in names
    for name in names:
        module.merge(doc, {name: "x"})  # raises on a damaged pair
