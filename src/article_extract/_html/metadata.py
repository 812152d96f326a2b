"""What the page says about itself: ``<meta>``, OpenGraph/Twitter, JSON-LD, microdata, links.

:func:`read_metadata` runs on the whole parsed tree before any cleaning (JSON-LD lives in
``<script>``, OpenGraph in ``<head>``) and returns a :class:`PageMeta`: raw statements grouped by
where they came from, with small accessors. Choosing between them is the later stages' job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any, NamedTuple

from lxml import etree
from lxml.etree import _Element

from .._byline import agency_name
from .._model import Options
from .._text import clean_text
from .._urls import normalize_url
from .jsonld import JsonObject, ld_names, ld_names_by_kind, ld_text, read_jsonld, types_of
from .parse import text_content
from .rules import meta_rules

__all__ = ["PageMeta", "read_metadata"]

# An itemprop element's text is its value only when short (not articleBody and the like).
MAX_MICRODATA_TEXT_CHARS = 200
# A meta value longer than this is not a title, name or date (some CMSs dump the body there).
MAX_META_VALUE_CHARS = 2000


class PageMeta(NamedTuple):
    """The page's own statements about itself, grouped by origin."""

    meta: Mapping[str, tuple[str, ...]]  # <meta name|property|http-equiv> → values, in order
    microdata: Mapping[str, tuple[str, ...]]  # itemprop → values (content/datetime/text)
    article: JsonObject | None  # the JSON-LD object describing this article
    title_tag: str | None
    canonical: str | None
    html_lang: str | None
    html_dir: str | None
    base_url: str | None
    listing_jsonld: bool = False
    site_names: tuple[str, ...] = field(default=())

    def first(self, field_name: str) -> str | None:
        """The first non-empty ``<meta>`` value for the keys configured for ``field_name``."""
        for key in meta_rules().keys[field_name]:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None

    def all(self, field_name: str) -> list[str]:
        """Every ``<meta>`` value for the configured keys, best key first."""
        return [v for key in meta_rules().keys[field_name] for v in self.meta.get(key, ()) if v]

    def micro(self, prop: str) -> str | None:
        values = self.microdata.get(prop.lower(), ())
        return values[0] if values else None

    def ld(self, key: str) -> str | None:
        """A text field of the article's JSON-LD object."""
        return ld_text(self.article.get(key)) if self.article is not None else None

    def ld_raw(self, key: str) -> Any:
        return self.article.get(key) if self.article is not None else None

    def ld_authors(self) -> list[str]:
        """The people the article's JSON-LD names as its authors (organisations left out)."""
        return _ld_authors(self.article)[0]

    def ld_author_organizations(self) -> list[str]:
        """The organisations the article's JSON-LD names as its author (``@type``
        Organization and the like): not people, so never authors."""
        return _ld_authors(self.article)[1]


def _ld_authors(article: JsonObject | None) -> tuple[list[str], list[str]]:
    if article is None:
        return [], []
    value = article.get("author") or article.get("creator")
    return ld_names_by_kind(value, meta_rules().organization_types)


def _add(store: dict[str, list[str]], key: str, value: str | None) -> None:
    if not key or value is None:
        return
    value = clean_text(value[:MAX_META_VALUE_CHARS])
    if value:
        store.setdefault(key.strip().lower(), []).append(value)


def _pick_article(objects: tuple[JsonObject, ...]) -> JsonObject | None:
    ranked: list[tuple[int, int, JsonObject]] = []
    order = meta_rules().article_types
    for index, obj in enumerate(objects):
        types = types_of(obj)
        ranks = [order.index(t) for t in types if t in order]
        if ranks:
            ranked.append((min(ranks), index, obj))
    if ranked:
        return min(ranked, key=lambda r: (r[0], r[1]))[2]
    # No article type: a WebPage that states a publication date still speaks for the article.
    for obj in objects:
        if "WebPage" in types_of(obj) and obj.get("datePublished"):
            return obj
    return None


def _site_names(objects: tuple[JsonObject, ...], article: JsonObject | None) -> list[str]:
    """The publisher's name, then the names of the site's ``WebSite`` and organisation objects,
    then those of an organisation the article names as its author. A news agency's name is
    none of them: an agency credited as author is the article's source (``_html.credits``),
    not the site."""
    names: list[str] = []
    if article is not None:
        names.extend(ld_names(article.get("publisher")))
    site_types = meta_rules().site_types
    authors = _author_objects(article)
    for obj in objects:
        if set(types_of(obj)) & site_types and id(obj) not in authors:
            name = obj.get("name")
            if isinstance(name, str):
                names.append(name)
            alternate = obj.get("alternateName")
            if isinstance(alternate, str):
                names.append(alternate)
    # An organisation credited as the author that is not an agency is the one behind the site
    # (CMSs fill the author field with it when no writer is named): its name is the site's
    # name when nothing better states one.
    names.extend(n for n in _ld_authors(article)[1] if agency_name(n) is None)
    return names


def _author_objects(article: JsonObject | None) -> set[int]:
    """The identities of the objects the article's ``author`` value holds."""
    if article is None:
        return set()
    value = article.get("author") or article.get("creator")
    items = value if isinstance(value, list) else [value]
    return {id(item) for item in items if isinstance(item, dict)}


# Explicit axes: libxml2 evaluates "//body//*" by merging a node set per step, which grows
# faster than the page on pages of many thousand elements. The attribute nodes, not the
# elements with a predicate: libxml2 evaluates a predicate on every element, several times the
# cost of the attribute step. Compiled once (an XPath object serialises its own evaluations).
_ITEMPROPS_IN_BODY = etree.XPath("descendant::body/descendant::*/@itemprop")


def _itemprop_elements(root: _Element) -> list[_Element]:
    """The elements in the page's body that carry ``itemprop``, in document order."""
    return [attribute.getparent() for attribute in _ITEMPROPS_IN_BODY(root)]


def read_metadata(root: _Element, url: str | None, options: Options) -> PageMeta:
    """Collect the page's metadata (see the module docstring)."""
    meta: dict[str, list[str]] = {}
    microdata: dict[str, list[str]] = {}
    canonical: str | None = None
    base_url = url
    for element in root.iter("meta", "link", "base"):
        tag = element.tag
        if tag == "meta":
            content = element.get("content")
            key = element.get("property") or element.get("name") or element.get("http-equiv")
            if key:
                _add(meta, key, content)
            prop = element.get("itemprop")
            if prop:
                _add(microdata, prop, content)
        elif tag == "link":
            rel = (element.get("rel") or "").lower().split()
            if "canonical" in rel and canonical is None:
                canonical = element.get("href")
        elif tag == "base" and element.get("href"):
            base_url = normalize_url(element.get("href"), url) or base_url
    for element in _itemprop_elements(root):
        if element.tag == "meta":
            continue
        prop = element.get("itemprop") or ""
        value = element.get("content") or element.get("datetime")
        if value is None and not element.get("itemscope"):
            text = clean_text(text_content(element))
            value = text if len(text) <= MAX_MICRODATA_TEXT_CHARS else None
        if value is not None:
            for name in prop.split():
                _add(microdata, name, value)
    objects = read_jsonld(root, options.max_jsonld_chars, options.max_jsonld_depth)
    article = _pick_article(objects)
    listing_types = meta_rules().listing_types
    listing = any(set(types_of(o)) & listing_types for o in objects if o.get("@type"))
    title_element = root.find(".//title")
    title_tag = clean_text(text_content(title_element)) if title_element is not None else None
    body = root.find("body")
    html_dir = root.get("dir") or (body.get("dir") if body is not None else None)
    return PageMeta(
        meta={k: tuple(v) for k, v in meta.items()},
        microdata={k.lower(): tuple(v) for k, v in microdata.items()},
        article=article,
        title_tag=title_tag or None,
        canonical=normalize_url(canonical, base_url),
        html_lang=(root.get("lang") or root.get("xml:lang") or "").strip() or None,
        html_dir=(html_dir or "").strip().lower() or None,
        base_url=base_url,
        listing_jsonld=listing and article is None,
        site_names=tuple(dict.fromkeys(clean_text(n) for n in _site_names(objects, article) if n)),
    )
