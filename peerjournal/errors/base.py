"""The machinery of known errors: stable codes, parameters and the one catalogue.

A :class:`Text` is a sentence the user reads, held as a catalogue code and its parameters.
Rendering looks the code up in the catalogue (English) and, when a ``translate`` function is
given (the GUI passes one backed by Qt), translates the English template before filling in
the parameters. A parameter may itself be a :class:`Text` (a field name, where in a file a
problem is, the reason behind a refusal): it is rendered with the same function.

Every :class:`PeerJournalError` subclass declares the sentences it may carry in a
``messages`` class attribute, ``{code: English template}``. Declaring a class registers its
codes in the catalogue; a code declared twice is a programming error raised at import time.
Texts that are not errors but are used inside them (field names) or beside them (import
notices) are registered with :func:`register_texts`.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar, Union

#: What a Text's parameters may hold: plain values, or other Texts rendered in place.
Param = Union[str, int, float, "Text"]
#: Turns an English template into the user's language (identity for English).
Translate = Callable[[str], str]

_CATALOGUE: dict[str, str] = {}
_OWNERS: dict[str, type[PeerJournalError]] = {}
_FIELDS: dict[str, frozenset[str]] = {}
#: Parameter types taken without further checks (bool, an int subclass, is refused).
_PLAIN = frozenset({str, int, float})


def _english(template: str) -> str:
    return template


def template_fields(template: str) -> frozenset[str]:
    """The names of the ``{name}`` fields of a template."""
    names = set()
    for _literal, name, _spec, _conversion in string.Formatter().parse(template):
        if name is not None:
            if not name.isidentifier():
                raise TypeError(f"catalogue fields are named: {template!r}")
            names.add(name)
    return frozenset(names)


def _register(code: str, template: str, owner: type[PeerJournalError] | None) -> None:
    if not isinstance(code, str) or not code or code != code.strip().lower():
        raise TypeError(f"a catalogue code is lower-case text: {code!r}")
    if code in _CATALOGUE:
        raise TypeError(f"the catalogue code {code!r} is declared twice")
    _FIELDS[code] = template_fields(template)
    _CATALOGUE[code] = template
    if owner is not None:
        _OWNERS[code] = owner


def register_texts(texts: Mapping[str, str]) -> None:
    """Add texts that are not errors (field names, notices) to the catalogue."""
    for code, template in texts.items():
        _register(code, template, None)


def catalogue() -> Mapping[str, str]:
    """Every code and its English template, in declaration order (read-only view)."""
    return _CATALOGUE.copy()


def owner_of(code: str) -> type[PeerJournalError] | None:
    """The error class that declared ``code`` (None for texts that are not errors)."""
    return _OWNERS.get(code)


class Text:
    """A user-facing sentence: a catalogue code and its parameters."""

    __slots__ = ("code", "params")

    code: str
    params: Mapping[str, Param]

    def __init__(self, code: str, /, **params: Param) -> None:
        expected = _FIELDS.get(code)
        if expected is None:
            raise TypeError(f"no catalogue text has the code {code!r}")
        if params.keys() != expected:
            raise TypeError(
                f"{code!r} takes the parameters {sorted(expected)}, not {sorted(params)}"
            )
        for name, value in params.items():
            # the common types first: an import makes a Text per record (where it is)
            if type(value) not in _PLAIN and (
                isinstance(value, bool) or not isinstance(value, str | int | float | Text)
            ):
                raise TypeError(f"parameter {name!r} of {code!r} is {type(value).__name__}")
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)  # **params is this call's own dict

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Text is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_make_text, (self.code, dict(self.params)))

    def render(self, translate: Translate = _english) -> str:
        """The sentence, translated by ``translate`` (English when none is given).

        A translation that does not fit the parameters falls back to English rather than
        hiding the message.
        """
        values = {
            name: value.render(translate) if isinstance(value, Text) else value
            for name, value in self.params.items()
        }
        template = _CATALOGUE[self.code]
        translated = translate(template) or template
        try:
            return translated.format_map(values)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            return template.format_map(values)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form (for passing an error between processes)."""
        params = {k: v.to_json() if isinstance(v, Text) else v for k, v in self.params.items()}
        return {"code": self.code, "params": params}

    @classmethod
    def from_json(cls, doc: object) -> Text:
        """The inverse of :meth:`to_json`; TypeError for anything else."""
        if not isinstance(doc, dict) or not isinstance(doc.get("params"), dict):
            raise TypeError("not a catalogue text")
        params: dict[str, Param] = {}
        for name, value in doc["params"].items():
            params[str(name)] = cls.from_json(value) if isinstance(value, dict) else value
        return cls(str(doc.get("code")), **params)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Text({self.code!r}{args})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return self.code == other.code and self.params == other.params

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items(), key=lambda kv: kv[0]))))


def _make_text(code: str, params: dict[str, Param]) -> Text:
    return Text(code, **params)


class PeerJournalError(Exception):
    """Root of every known error: a catalogue code and parameters, never free prose.

    ``PeerJournalError(code, **params)`` with a code declared in ``messages`` of the class
    or one of its bases; without a code the class's first own code (its default) is used.
    ``message`` is the English sentence (the command line prints it); the GUI renders
    ``text`` through Qt's translator instead.
    """

    messages: ClassVar[Mapping[str, str]] = {"error": "Something went wrong."}
    default_code: ClassVar[str] = "error"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("messages", {})
        for code, template in own.items():
            _register(code, template, cls)
        if own and "default_code" not in cls.__dict__:
            cls.default_code = next(iter(own))

    def __init__(self, code: str | None = None, /, **params: Param) -> None:
        code = code or type(self).default_code
        owner = _OWNERS.get(code)
        if owner is None or not isinstance(self, owner):
            raise TypeError(f"{type(self).__name__} cannot carry the message code {code!r}")
        self.text = Text(code, **params)
        super().__init__(code)

    @property
    def code(self) -> str:
        """The stable code of this error (``"vault.not_found"``)."""
        return self.text.code

    @property
    def params(self) -> Mapping[str, Param]:
        """The values the sentence is built from."""
        return self.text.params

    @property
    def message(self) -> str:
        """The English sentence for the user."""
        return self.text.render()

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception pickles its args (just the code); the parameters live in __dict__.
        return (_blank, (type(self),), self.__dict__)

    @classmethod
    def from_text(cls, text: Text) -> PeerJournalError:
        """Rebuild the error that carries ``text`` (its declaring class, or ``cls``)."""
        owner = _OWNERS.get(text.code)
        kind = owner if owner is not None and issubclass(owner, cls) else cls
        return kind(text.code, **text.params)


def _blank(kind: type[PeerJournalError]) -> PeerJournalError:
    return kind.__new__(kind)


for _code, _template in PeerJournalError.messages.items():
    _register(_code, _template, PeerJournalError)


def codes_of(kind: type[PeerJournalError]) -> Iterator[str]:
    """The codes ``kind`` itself declares, in order."""
    yield from kind.__dict__.get("messages", {})
