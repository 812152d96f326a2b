"""A Markdown document's YAML front matter: the metadata a Markdown file states about itself.

``Article.to_markdown()`` writes one (see :mod:`article_extract._render`), and static site
generators (Hugo, Jekyll, Astro…) keep articles that way. Only the subset those files use is
read, without a YAML library: one ``key: value`` per line, where a value is a JSON string or
list (``"…"``, ``["…", "…"]``), a plain or single-quoted scalar, or a block list (``key:``
followed by ``- item`` lines). Anything else (nested mappings, multi-line strings) is skipped.

Keys are matched case-insensitively, with the names common generators use:

=============  =========================================================================
field          keys
=============  =========================================================================
title          ``title``, ``headline``
published      ``published``, ``date``, ``published_at``, ``publishdate``, ``pubdate``
modified       ``modified``, ``lastmod``, ``updated``, ``date_modified``
authors        ``authors``, ``author``
source         ``source``
site_name      ``site_name``, ``site``
section        ``section``, ``category``, ``categories`` (the first)
tags           ``tags``, ``keywords``
language       ``language``, ``lang``
url            ``url``, ``link``, ``permalink`` (absolute http(s) only)
canonical_url  ``canonical_url``, ``canonical``
image          ``image``, ``cover``, ``thumbnail``
description    ``description``, ``summary``
published_text ``published_text``
=============  =========================================================================
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .._sniff import FRONT_MATTER_MAX_LINES, has_front_matter

__all__ = ["FrontMatter", "split_front_matter"]

_ALIASES: dict[str, str] = {
    "title": "title",
    "headline": "title",
    "published": "published",
    "date": "published",
    "published_at": "published",
    "publishdate": "published",
    "pubdate": "published",
    "modified": "modified",
    "lastmod": "modified",
    "updated": "modified",
    "date_modified": "modified",
    "authors": "authors",
    "author": "authors",
    "source": "source",
    "site_name": "site_name",
    "site": "site_name",
    "section": "section",
    "category": "section",
    "categories": "section",
    "tags": "tags",
    "keywords": "tags",
    "language": "language",
    "lang": "language",
    "url": "url",
    "link": "url",
    "permalink": "url",
    "canonical_url": "canonical_url",
    "canonical": "canonical_url",
    "image": "image",
    "cover": "image",
    "thumbnail": "image",
    "description": "description",
    "summary": "description",
    "published_text": "published_text",
}
# Fields that hold several values; the others keep the first.
_LISTS = frozenset({"authors", "tags"})


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The fields a front matter block states (see the module docstring)."""

    values: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def first(self, name: str) -> str | None:
        found = self.values.get(name)
        return found[0] if found else None

    def all(self, name: str) -> tuple[str, ...]:
        return self.values.get(name, ())


def _scalar(raw: str) -> tuple[str, ...]:
    """The values a front matter value states (no value: empty)."""
    raw = raw.strip()
    if not raw:
        return ()
    if raw[0] in '"[':
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw
        if isinstance(value, list):
            return tuple(str(v).strip() for v in value if str(v).strip())
        return (str(value).strip(),) if str(value).strip() else ()
    if len(raw) >= 2 and raw[0] == raw[-1] == "'":
        raw = raw[1:-1].replace("''", "'")
    return (raw,)


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """The front matter opening ``text`` (None when it has none) and the Markdown after it."""
    if not has_front_matter(text):
        return None, text
    lines = text.lstrip().split("\n", FRONT_MATTER_MAX_LINES + 1)
    values: dict[str, list[str]] = {}
    current: str | None = None  # the field a block list ("- item" lines) belongs to
    end = len(lines)
    for position, line in enumerate(lines[1:], start=1):
        stripped = line.strip()
        if stripped in ("---", "..."):
            end = position
            break
        if stripped.startswith("- ") and current is not None:
            values.setdefault(current, []).extend(_scalar(stripped[2:]))
            continue
        key, colon, value = line.partition(":")
        name = _ALIASES.get(key.strip().lower()) if colon and not line[:1].isspace() else None
        current = name
        if name is not None:
            values.setdefault(name, []).extend(_scalar(value))
    rest = "\n".join(lines[end + 1 :])
    fields = {
        name: tuple(found) if name in _LISTS else tuple(found[:1])
        for name, found in values.items()
        if found
    }
    return FrontMatter(fields), rest
