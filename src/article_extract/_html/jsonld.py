"""JSON-LD blocks, read tolerantly: ``@graph``, lists, nesting, and the malformed JSON pages ship.

Repairs, in order, until one parses: as is; without HTML comments / CDATA wrappers; with raw
control characters allowed (``strict=False``); without trailing commas; with several top-level
objects wrapped in a list. Values keep their structure; string values are HTML-unescaped
(``&quot;`` inside JSON strings is common).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.etree import _Element

from .._model import DEFAULT_MAX_JSONLD_CHARS, DEFAULT_MAX_JSONLD_DEPTH

__all__ = [
    "JsonObject",
    "iter_objects",
    "ld_names",
    "ld_names_by_kind",
    "ld_text",
    "parse_jsonld",
    "read_jsonld",
    "types_of",
]

JsonObject = dict[str, Any]


_WRAPPER_RE = re.compile(r"^\s*(?:<!--|<!\[CDATA\[|//\s*<!\[CDATA\[)|(?:-->|\]\]>|//\s*\]\]>)\s*$")
_TRAILING_COMMA_RE = re.compile(r",(\s*[}\]])")
_OBJECT_SEAM_RE = re.compile(r"}\s*{")


def _loads(text: str) -> Any:
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None


def parse_jsonld(text: str, max_chars: int = DEFAULT_MAX_JSONLD_CHARS) -> Any:
    """The parsed JSON value of one ``<script type="application/ld+json">``, or None (also when
    it is longer than ``max_chars``, or nested deeper than JSON's own recursion limit)."""
    if not text or len(text) > max_chars:
        return None
    attempts = (
        lambda t: t,
        lambda t: _WRAPPER_RE.sub("", t.strip()),
        lambda t: _TRAILING_COMMA_RE.sub(r"\1", _WRAPPER_RE.sub("", t.strip())),
        lambda t: "[" + _OBJECT_SEAM_RE.sub("},{", _TRAILING_COMMA_RE.sub(r"\1", t.strip())) + "]",
    )
    for attempt in attempts:
        value = _loads(attempt(text))
        if value is not None:
            return value
    return None


def _unescape(value: str) -> str:
    return html.unescape(value) if "&" in value else value


def iter_objects(value: Any, max_depth: int = DEFAULT_MAX_JSONLD_DEPTH) -> Iterator[JsonObject]:
    """Every JSON object inside ``value`` (lists, ``@graph``, nested values) at most
    ``max_depth`` levels down, depth-first."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    pending: list[JsonObject] = []
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            continue
        if isinstance(item, list):
            stack.extend((child, depth + 1) for child in reversed(item))
        elif isinstance(item, dict):
            pending.append(item)
            children = [v for v in item.values() if isinstance(v, dict | list)]
            stack.extend((child, depth + 1) for child in reversed(children))
    yield from pending


def types_of(obj: JsonObject) -> tuple[str, ...]:
    """The ``@type`` values of an object (a string or a list), without a schema.org prefix."""
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return tuple(v.rsplit("/", 1)[-1] for v in values if isinstance(v, str))


def read_jsonld(
    root: _Element,
    max_chars: int = DEFAULT_MAX_JSONLD_CHARS,
    max_depth: int = DEFAULT_MAX_JSONLD_DEPTH,
) -> tuple[JsonObject, ...]:
    """All JSON-LD objects on the page, in document order (see :func:`ld_text` for strings)."""
    found: list[JsonObject] = []
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json":
            continue
        value = parse_jsonld(script.text or "", max_chars)
        if value is None:
            continue
        found.extend(iter_objects(value, max_depth))
    return tuple(found)


def ld_text(value: Any) -> str | None:
    """A JSON-LD value as text: strings unescaped, ``{"name": …}``/``{"@value": …}`` unwrapped,
    the first usable item of a list."""
    if isinstance(value, list):
        for item in value:
            text = ld_text(item) if not isinstance(item, list) else None
            if text:
                return text
        return None
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "@id"):
            inner = value.get(key)
            if isinstance(inner, str) and inner.strip():
                return _unescape(inner).strip()
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = _unescape(str(value)).strip()
        return text or None
    return None


def ld_names(value: Any) -> list[str]:
    """Names from an author/creator value: a string, an object with ``name``, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, str):
            names.append(_unescape(item).strip())
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, str):
                names.append(_unescape(name).strip())
            elif isinstance(name, list):
                names.extend(_unescape(n).strip() for n in name if isinstance(n, str))
    return [n for n in names if n]


def ld_names_by_kind(value: Any, organization_types: frozenset[str]) -> tuple[list[str], list[str]]:
    """:func:`ld_names` of an author value split in two: the people's names, and the names of
    the items typed as one of ``organization_types`` (an untyped item or a plain string counts
    as a person: pages type their organisations, rarely their people)."""
    items = value if isinstance(value, list) else [value]
    people: list[str] = []
    organizations: list[str] = []
    for item in items:
        types = types_of(item) if isinstance(item, dict) else ()
        typed = "Person" not in types and not organization_types.isdisjoint(types)
        (organizations if typed else people).extend(ld_names(item))
    return people, organizations
