"""The headline: the article's ``<h1>`` when metadata confirms it, else a metadata title with the
site name cut off. Never the site name alone.

Rules, first hit wins:

1. an ``<h1>`` (outside nav/footer/aside) whose text matches a metadata title
   (JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``<title>``…) — equal, or contained
   in it as the non-site part; then an ``<h1>`` anywhere that equals one exactly;
2. a heading-like element (``h2``/``h3`` or a ``title``/``headline`` class) that matches the
   same way — themes that print the headline without ``<h1>``;
3. the best metadata title with site-name prefixes/suffixes removed;
4. the single plausible ``<h1>``;
5. ``<title>`` with affixes removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .._lexicon import chrome_lexicon
from .._text import clean_text, fold
from .index import TreeIndex
from .metadata import PageMeta
from .tokens import TokenRules

__all__ = ["TitleChoice", "choose_title", "site_name", "strip_site_affixes", "title_key"]

# A headline is at most a few sentences; longer "titles" are teaser paragraphs.
MAX_TITLE_CHARS = 400
# An h1 must cover this share of a metadata title it is matched against (the rest is the site).
MIN_TITLE_COVERAGE = 0.5
# Separators between a headline and a site name, spaced (a bare "-" is part of words). A match
# starts only where a whitespace run starts (lookbehind), so a long run is tried once.
_SEPARATOR_RE = re.compile(r"(?<!\s)\s+(?:[|\-–—•·»«:/]|::)\s+|(?<!\s)\s*[|｜]\s*")
_NOT_TITLE_ANCESTORS = frozenset({"nav", "footer", "aside"})
_HEADLINE_TOKENS = TokenRules(["title", "headline", "heading", "post title", "entry title"])
_DOMAIN_RE = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TitleChoice:
    text: str
    element: HtmlElement | None  # the headline element on the page, when there is one
    origin: str
    affix_keys: frozenset[str] = frozenset()  # title segments that name the site


def title_key(text: str) -> str:
    """Letters and digits only, folded: what two spellings of one headline share."""
    return "".join(filter(str.isalnum, fold(text)))


def _keys_of_names(names: Iterable[str]) -> set[str]:
    return {k for k in (title_key(n) for n in names) if k}


def _is_site_segment(segment: str, site_keys: set[str]) -> bool:
    key = title_key(segment)
    if not key:
        return True
    if _DOMAIN_RE.match(segment.strip()):
        return True
    return any(key == s or (len(s) >= 3 and (s in key or key in s)) for s in site_keys)


def strip_site_affixes(title: str, site_keys: set[str]) -> str:
    """``title`` without leading/trailing segments that name the site."""
    title = clean_text(title)
    parts = _SEPARATOR_RE.split(title)
    if len(parts) < 2:
        return title
    separators = _SEPARATOR_RE.findall(title)
    start, end = 0, len(parts)
    while end - start > 1 and _is_site_segment(parts[end - 1], site_keys):
        end -= 1
    while end - start > 1 and _is_site_segment(parts[start], site_keys):
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    out = parts[start]
    for index in range(start + 1, end):
        out += separators[index - 1] + parts[index]
    return out.strip()


def _metadata_titles(meta: PageMeta) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    headline = meta.ld("headline") or meta.ld("name")
    if headline:
        found.append(("json-ld", headline))
    for value in meta.all("title"):
        found.append(("meta", value))
    micro = meta.micro("headline")
    if micro:
        found.append(("microdata", micro))
    if meta.title_tag:
        found.append(("title", meta.title_tag))
    return [(o, clean_text(t)) for o, t in found if clean_text(t)]


def site_keys(meta: PageMeta, url: str | None) -> set[str]:
    names = [*meta.site_names, *meta.all("site_name")]
    keys = _keys_of_names(n.lstrip("@") for n in names)
    host = urlsplit(url or meta.canonical or "").hostname or ""
    labels = [p for p in host.split(".") if p not in ("www", "m", "amp", "com", "net", "org")]
    keys.update(title_key(p) for p in labels if len(p) >= 3)
    return {k for k in keys if k}


def site_name(meta: PageMeta) -> str | None:
    """The site's name as the page states it (never a URL)."""
    for value in [*meta.all("site_name"), *meta.site_names]:
        value = clean_text(value).lstrip("@")
        if value and "://" not in value and not _DOMAIN_RE.match(value):
            return value
    return None


def _matches(candidate_key: str, meta_keys: list[str]) -> bool:
    for key in meta_keys:
        if candidate_key == key:
            return True
        if (
            candidate_key
            and candidate_key in key
            and len(candidate_key) >= MIN_TITLE_COVERAGE * len(key)
        ):
            return True
        if key and key in candidate_key and len(key) >= MIN_TITLE_COVERAGE * len(candidate_key):
            return True
    return False


def _outside_chrome(element: HtmlElement) -> bool:
    node = element.getparent()
    while node is not None:
        if node.tag in _NOT_TITLE_ANCESTORS:
            return False
        node = node.getparent()
    return True


def _plausible(text: str, skeys: set[str]) -> bool:
    if not text or len(text) > MAX_TITLE_CHARS:
        return False
    if chrome_lexicon().is_chrome(text):
        return False
    key = title_key(text)
    return bool(key) and key not in skeys


def _heading_candidates(index: TreeIndex) -> Iterable[HtmlElement]:
    for element in index.root.iter("h2", "h3", "div", "span", "p"):
        if element.tag in ("h2", "h3") or _HEADLINE_TOKENS.match(index.tokens_of(element)):
            yield element


def _affix_keys(metas: list[tuple[str, str]], headline: str) -> frozenset[str]:
    """Keys of metadata-title segments around the headline: the site's name as the page writes it
    ("أميركا … - المدينة نيوز" → "المدينة نيوز")."""
    head = title_key(headline)
    keys: set[str] = set()
    for _, text in metas:
        parts = _SEPARATOR_RE.split(text)
        if len(parts) < 2:
            continue
        for part in (parts[0], parts[-1]):
            key = title_key(part)
            if key and key != head and key not in head and head not in key:
                keys.add(key)
    return frozenset(keys)


def choose_title(index: TreeIndex, meta: PageMeta, url: str | None) -> TitleChoice | None:
    """Pick the headline by the rules in the module docstring; None when the page has none."""
    choice = _choose(index, meta, url)
    if choice is None:
        return None
    metas = _metadata_titles(meta)
    return TitleChoice(choice.text, choice.element, choice.origin, _affix_keys(metas, choice.text))


def _choose(index: TreeIndex, meta: PageMeta, url: str | None) -> TitleChoice | None:
    root = index.root
    skeys = site_keys(meta, url)
    metas = _metadata_titles(meta)
    meta_keys = [title_key(t) for _, t in metas]
    meta_keys += [title_key(strip_site_affixes(t, skeys)) for _, t in metas]
    meta_keys = [k for k in dict.fromkeys(meta_keys) if k and k not in skeys]
    all_h1s = [(h, clean_text(h.text_content())) for h in root.iter("h1")]
    all_h1s = [(h, t) for h, t in all_h1s if _plausible(t, skeys)]
    h1s = [(h, t) for h, t in all_h1s if _outside_chrome(h)]
    for element, text in h1s:
        if _matches(title_key(text), meta_keys):
            return TitleChoice(text, element, "h1")
    # A sticky bar's <h1> (inside <nav>) that states the metadata title exactly is the headline.
    for element, text in all_h1s:
        if title_key(text) in meta_keys:
            return TitleChoice(text, element, "h1")
    if meta_keys:
        for element in _heading_candidates(index):
            text = clean_text(element.text_content())
            if (
                len(text) <= MAX_TITLE_CHARS
                and _plausible(text, skeys)
                and _matches(title_key(text), meta_keys[:4])
            ):
                return TitleChoice(text, element, "heading")
    for origin, text in metas:
        if origin == "title":
            continue
        stripped = strip_site_affixes(text, skeys)
        if _plausible(stripped, skeys):
            return TitleChoice(stripped, None, origin)
    if len(h1s) == 1:
        return TitleChoice(h1s[0][1], h1s[0][0], "h1")
    for origin, text in metas:
        stripped = strip_site_affixes(text, skeys)
        if _plausible(stripped, skeys):
            return TitleChoice(stripped, None, origin)
    return None
