"""Authors and the attributed source: a visible byline near the headline, credit lines at the
edges of the body, then JSON-LD ``author``, then ``<meta name=author>``.

Byline text is read by :func:`article_extract._byline.parse_byline` (labels such as بقلم / كتب /
إعداد / بواسطة, "المصدر: …", agency names). A byline *element* without a label still names
people: :func:`article_extract._byline.parse_names` reads it. Names that are the site itself
(meta author "LBCI", "akhbarelyom"), URLs and e-mail addresses are not authors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml.html import HtmlElement

from .._byline import parse_byline, parse_names
from .._text import clean_text
from .index import TreeIndex
from .metadata import PageMeta
from .nearby import nearby_elements
from .rules import meta_rules
from .title import title_key

__all__ = ["Credits", "choose_credits", "visible_byline"]

# A person's name, even with a title and a "بن", stays under this many words.
MAX_AUTHOR_WORDS = 6


@dataclass(frozen=True, slots=True)
class Credits:
    authors: tuple[str, ...]
    source: str | None


def _usable_name(name: str, site_keys: set[str], label_keys: set[str]) -> bool:
    if not name or "://" in name or "@" in name or name.startswith("www."):
        return False
    if len(name.split()) > MAX_AUTHOR_WORDS:
        return False
    key = title_key(name)
    if not key or key in label_keys:
        return False
    return not any(key == s or (len(s) >= 3 and s in key) for s in site_keys)


def _clean(names: Iterable[str], site_keys: set[str], label_keys: set[str]) -> list[str]:
    out = (clean_text(n) for n in names)
    return list(dict.fromkeys(n for n in out if _usable_name(n, site_keys, label_keys)))


def visible_byline(index: TreeIndex, anchor: HtmlElement | None) -> tuple[list[str], str | None]:
    """Authors (or a source) from the byline element nearest the headline."""
    table = meta_rules()
    for near in nearby_elements(
        index,
        anchor,
        table.author_tokens,
        table.teaser_tokens,
        extra_attrs=(("itemprop", "author"), ("rel", "author")),
    ):
        attribution = parse_byline(near.text)
        if attribution is not None and (attribution.authors or attribution.source):
            return list(attribution.authors), attribution.source
        names = parse_names(near.text)
        if names:
            return list(names), None
    return [], None


def choose_credits(
    meta: PageMeta,
    byline: tuple[list[str], str | None],
    site_keys: set[str],
    label_keys: set[str],
    body_authors: list[str],
    body_source: str | None,
) -> Credits:
    """Authors and source, by the order in the module docstring. ``label_keys`` are the keys
    (:func:`title_key`) of the section and tag names: a byline box that shows one is a label."""
    visible, visible_source = byline
    source = body_source or visible_source
    for names in (visible, body_authors, meta.ld_authors(), meta.all("author")):
        authors = _clean(names, site_keys, label_keys)
        if authors:
            return Credits(tuple(authors), source)
    micro = meta.micro("author")
    authors = _clean([micro] if micro else [], site_keys, label_keys)
    return Credits(tuple(authors), source)
