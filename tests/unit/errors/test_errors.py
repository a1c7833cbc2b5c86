"""The error model: codes, parameters and one catalogue, with the tree drawn in the docstring."""

from __future__ import annotations

import ast
import pickle
import re
import textwrap
from pathlib import Path

import pytest

import peerjournal.errors as errors
from peerjournal.errors import (
    ImportExportError,
    InvalidInput,
    NotFound,
    PeerJournalError,
    RateLimited,
    RelayRejected,
    SyncError,
    Text,
    VaultCorrupt,
    WrongPassphrase,
)
from peerjournal.errors.base import codes_of, owner_of, template_fields

PACKAGE = Path(errors.__file__).resolve().parents[1]


def _classes() -> list[type[PeerJournalError]]:
    found: list[type[PeerJournalError]] = []
    pending: list[type[PeerJournalError]] = [PeerJournalError]
    while pending:
        kind = pending.pop(0)
        if kind.__module__.startswith("peerjournal.errors"):
            found.append(kind)
            pending.extend(kind.__subclasses__())
    return found


def draw_tree() -> str:
    """The tree as the errors docstring must draw it: each class with its own codes."""
    lines: list[str] = []

    def walk(kind: type[PeerJournalError], prefix: str, last: bool, top: bool) -> None:
        children = sorted(
            (c for c in kind.__subclasses__() if c.__module__.startswith("peerjournal.errors")),
            key=lambda c: c.__name__,
        )
        head = kind.__name__ if top else prefix + ("└── " if last else "├── ") + kind.__name__
        below = "" if top else prefix + ("    " if last else "│   ")
        wrapped = textwrap.wrap(", ".join(codes_of(kind)), 68) or [""]
        lines.append(f"{head:<28}{wrapped[0]}".rstrip())
        for more in wrapped[1:]:
            lines.append(f"{below + ('│   ' if children else '    '):<28}{more}")
        for i, child in enumerate(children):
            walk(child, below, i == len(children) - 1, False)

    walk(PeerJournalError, "", True, True)
    return "\n".join("    " + line for line in lines)


def test_the_docstring_draws_the_whole_tree_with_every_code() -> None:
    expected = draw_tree()
    assert expected in (errors.__doc__ or ""), "the tree in peerjournal/errors/__init__.py " + (
        "should read:\n" + expected
    )


def test_every_class_is_exported_and_every_code_has_one_owner() -> None:
    for kind in _classes():
        assert getattr(errors, kind.__name__) is kind
        for code in codes_of(kind):
            assert owner_of(code) is kind
    assert len(errors.catalogue()) > 150


def test_an_error_carries_code_params_and_the_english_sentence() -> None:
    exc = InvalidInput("text.nul", field=Text("field.title"))
    assert exc.code == "text.nul"
    assert exc.params == {"field": Text("field.title")}
    assert exc.message == str(exc) == "The title contains a NUL character."
    assert VaultCorrupt().code == "vault.corrupt"  # a class's first code is its default
    assert RateLimited(retry_after=3).retry_after == 3 and RateLimited().status == 429


def test_a_translation_renders_every_level_and_falls_back_on_a_broken_one() -> None:
    german = {
        "The {field} contains a NUL character.": "Das Feld „{field}“ enthält ein NUL-Zeichen.",
        "title": "Titel",
    }
    exc = InvalidInput("text.nul", field=Text("field.title"))
    assert (
        exc.text.render(lambda t: german.get(t, t)) == "Das Feld „Titel“ enthält ein NUL-Zeichen."
    )
    broken = {"The {field} contains a NUL character.": "Das Feld {feld} ist kaputt."}
    assert exc.text.render(lambda t: broken.get(t, t)) == exc.message


def test_codes_belong_to_their_class_and_parameters_match_the_sentence() -> None:
    with pytest.raises(TypeError, match="cannot carry"):
        NotFound("vault.corrupt")
    with pytest.raises(TypeError, match="takes the parameters"):
        InvalidInput("text.nul")
    with pytest.raises(TypeError, match="takes the parameters"):
        InvalidInput("text.nul", field="x", extra="y")
    with pytest.raises(TypeError, match="no catalogue text"):
        Text("no.such.code")
    with pytest.raises(TypeError):
        InvalidInput("text.nul", field=object())  # type: ignore[arg-type]
    # a base may not say what only a subclass says; a subclass may use its bases' codes
    with pytest.raises(TypeError):
        SyncError("relay.rate_limited")
    assert RateLimited("relay.rejected").code == "relay.rejected"


def test_a_code_declared_twice_is_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="declared twice"):

        class _Again(VaultCorrupt):
            messages = {"vault.corrupt": "again"}  # noqa: RUF012


def test_errors_survive_pickling_and_json_between_processes() -> None:
    exc = ImportExportError(
        "import.record_refused",
        where=Text("import.where.entry", number=3),
        reason=InvalidInput("tag.too_long").text,
    )
    again = pickle.loads(pickle.dumps(exc))
    assert type(again) is ImportExportError and again.text == exc.text
    rebuilt = PeerJournalError.from_text(Text.from_json(exc.text.to_json()))
    assert type(rebuilt) is ImportExportError and rebuilt.message == exc.message
    assert type(PeerJournalError.from_text(Text("vault.wrong_passphrase"))) is WrongPassphrase
    relay = RelayRejected("relay.auth_failed", relay_code="auth_failed", status=403)
    assert pickle.loads(pickle.dumps(relay)).relay_code == "auth_failed"


def test_every_template_names_its_fields() -> None:
    for code, template in errors.catalogue().items():
        assert template.strip() == template and template, code
        template_fields(template)  # raises for positional "{}" fields


def test_a_count_is_never_followed_by_a_noun_that_would_read_wrong_for_one() -> None:
    """ "{count} entries" says "1 entries": a count stands after a label ("Entries: {count}"),
    which reads right for every number in English, German and Japanese alike."""
    before_a_noun = re.compile(r"\{count[^}]*\} \w")
    for code, template in errors.catalogue().items():
        assert not before_a_noun.search(template), code
    one = InvalidInput("cli.bulk_needs_yes", count=1).message
    assert one.startswith("Entries that match: 1. ") and "1 entries" not in one


def _error_names() -> set[str]:
    return {kind.__name__ for kind in _classes()}


def _raised_codes() -> list[tuple[str, str, ast.Call]]:
    """Every ``SomeError(...)`` call in peerjournal/ with the class name and where it is."""
    names = _error_names()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "errors" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
            ):
                where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
                found.append((node.func.id, where, node))
    return found


def test_every_error_raised_in_the_code_uses_a_catalogue_code_of_its_class() -> None:
    problems = []
    for name, where, call in _raised_codes():
        kind = getattr(errors, name)
        if not call.args:
            continue  # the class's default
        first = call.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            if isinstance(first, ast.Name | ast.Subscript | ast.Attribute):
                continue  # a code chosen from a table (checked where the table is)
            problems.append(f"{where}: {name} without a literal code")
            continue
        owner = owner_of(first.value)
        if owner is None or not issubclass(kind, owner):
            problems.append(f"{where}: {name}({first.value!r}) is not a code of {name}")
            continue
        given = {k.arg for k in call.keywords if k.arg is not None}
        if issubclass(kind, RelayRejected):
            given -= {"relay_code", "status", "retry_after"}
        needed = template_fields(errors.catalogue()[first.value])
        if not any(k.arg is None for k in call.keywords) and given != needed:
            problems.append(f"{where}: {first.value} takes {sorted(needed)}, got {sorted(given)}")
    assert problems == []
