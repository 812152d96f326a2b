"""Credit evidence from HTML: the byline element nearest the headline, and metadata authors.

Byline text is read by :func:`article_extract._byline.parse_byline` (labels such as بقلم /
كتب / إعداد / بواسطة, "المصدر: …", agency names); a byline *element* without a label still
names people (:func:`article_extract._byline.parse_names`). Which names are usable authors is
decided in :mod:`article_extract._decide.names`; credit lines at the body's edges come from
:mod:`.body`.
"""

from __future__ import annotations

import re

from lxml.etree import _Element

from .._byline import (
    Attribution,
    agency_name,
    credit_before_stamp,
    dateline_credit,
    parse_byline,
    parse_names,
)
from .._dates import find_dates
from .._decide.evidence import Credit
from .._decide.names import is_place_byline, looks_like_name, names_a_role, split_name_place
from .._lexicon import chrome_lexicon
from .._text import clean_text
from .._urls import is_author_page
from .index import TreeIndex
from .metadata import PageMeta
from .nearby import nearby_elements
from .parse import text_content
from .rules import meta_rules

__all__ = ["metadata_credits", "visible_byline"]


def visible_byline(
    index: TreeIndex, anchor: _Element | None, *, headline: bool = False
) -> Credit | None:
    """Authors (or a source) from the byline element nearest the headline (``anchor``, when
    ``headline``; else the body container). An element picked only for sitting by the headline
    (no byline vocabulary in its class) must read as a byline: labelled ("كتب:", "By"), a
    name with its place ("حسام أبو العلا - القاهرة"), or a name linked to the site's page for
    that author."""
    table = meta_rules()
    tried: set[str] = set()  # texts of the candidates picked by position, read once each
    for near in nearby_elements(
        index,
        anchor,
        table.author_tokens,
        table.teaser_tokens,
        extra_attrs=(("itemprop", "author"), ("rel", "author")),
        around_headline=headline,
        headline=headline,
    ):
        if not near.by_vocabulary:  # ranked after every vocabulary match, nearest first
            if near.text in tried:
                continue
            tried.add(near.text)
            if len(tried) > MAX_POSITION_READS:
                break
        attribution = _read_byline(near.element, near.text)
        if attribution is not None and (attribution.authors or attribution.source):
            return Credit("byline", attribution.authors, attribution.source)
        if not near.by_vocabulary:
            if is_place_byline(near.text):
                return Credit("byline", (split_name_place(near.text),))
            if looks_like_name(near.text) and _is_author_link(near.element, near.text):
                return Credit("byline", (near.text,))
            continue
        names = _box_names(near.element, near.text)
        if not names and len(near.element):
            # A name beside the date in one byline box ("أحمد الحربي" + "نشر في: …"): the
            # first piece of its text that reads as names.
            names = next(filter(None, map(_person_names, _pieces(near.element))), ())
        if names:
            return Credit("byline", names)
    return None


def _box_names(element: _Element, text: str) -> tuple[str, ...]:
    """The names a byline element (its text ``text``) gives. Its texts glue together when no
    space separates them in the markup — a name link and a role ("Dana Kowalski" + "Business
    reporter"), an author box's name, bio and link ("سارة المنصوري" + "كاتبة وباحثة في الشؤون
    الاقتصادية" + "جميع مقالات الكاتبة") — so a box of several texts is read apart: all of them
    as one byline when each name reads as a person's, else its first text that does, else (a
    script that writes names without spaces: "渡辺洋介") its first text that is not a label
    ("この記事を書いた人") when that names one person."""
    texts = [t for t in (clean_text(t) for t in element.itertext()) if t]
    if len(texts) < MIN_BOX_TEXTS:
        return parse_names(text)
    names = parse_names(" | ".join(texts))
    if names and all(map(_person_like, names)):
        return names
    found = next(filter(None, map(_person_names, texts)), None)
    if found is not None:
        return found
    lexicon = chrome_lexicon()
    first = next((t for t in texts if not lexicon.is_chrome(t)), "")
    alone = parse_names(first)
    return alone if len(alone) == 1 and not names_a_role(alone[0]) else names


# A byline element holding this many texts is a box of parts, read apart (see _box_names).
MIN_BOX_TEXTS = 2


def _pieces(element: _Element) -> list[str]:
    """The texts of a box's parts: its own text, then each child's (a lone wrapper child is
    looked into)."""
    while len(element) == 1 and not (element.text or "").strip():
        element = element[0]
    return [element.text or "", *(text_content(child) for child in element)]


def _person_names(text: str) -> tuple[str, ...]:
    """The names an unlabelled piece of a byline box holds, when each reads as a person's (not
    a role, not a link's label such as "جميع مقالات الكاتبة")."""
    names = parse_names(clean_text(text))
    if not names or not all(map(_person_like, names)):
        return ()
    return names


def _person_like(name: str) -> bool:
    return looks_like_name(name) and not names_a_role(name) and not chrome_lexicon().is_chrome(name)


_DIGIT_RE = re.compile(r"\d")
# Of the elements picked only for sitting by the headline, a byline is among the first few
# distinct texts (the twelfth at most on the corpus and probe pages, class names hashed or not).
MAX_POSITION_READS = 16


def _read_byline(element: _Element, text: str) -> Attribution | None:
    """:func:`parse_byline` of the element's text, or of one of its pieces of text when that
    names as many people or more: side-by-side parts glue together without a space — a
    byline box holding its date apart ("By Jane Doe and Sam Lee" + "November 5, 2023"), a
    name beside a label ("OMAR KHALIL" + "Updated"), a credit beside the photographer's
    ("كتبت - منى عادل" + "تصوير - كريم فوزي") — and read glued, a name runs into the next
    part. An element without a label may still close a credit with its stamp
    (``credit_before_stamp``: "الخرطوم: عثمان الطيب السبت, 10 أغسطس, 2024")."""
    whole = parse_byline(text)
    if whole is None and _DIGIT_RE.search(text) is not None:
        # Its parts apart: a credit glued to the stamp's label ("دبي - وام" + "تاريخ النشر:
        # …") would hide the label.
        spaced = clean_text(" ".join(element.itertext())) if len(element) else text
        credited = credit_before_stamp(spaced, find_dates(spaced))
        whole = credited[0] if credited is not None else None
    if len(element) == 0:
        return whole  # no part to read apart
    for piece in _pieces(element):
        piece = clean_text(piece)
        found = parse_byline(piece) or dateline_credit(piece)
        if found is not None and (found.authors or found.source):
            if whole is None or (
                len(found.authors) >= len(whole.authors) and found.source == whole.source
            ):
                return found
            break
    return whole


def metadata_credits(meta: PageMeta) -> list[Credit]:
    """JSON-LD ``author``, ``<meta name=author>``, microdata ``author``, in that order. An
    organisation JSON-LD names as the author is no person: a news agency among them is the
    source; any other is the site's own organisation (a site-name candidate, see
    ``metadata._site_names``), neither author nor source."""
    agencies = (agency_name(n) for n in meta.ld_author_organizations())
    credits = [
        Credit("json-ld", tuple(meta.ld_authors()), next(filter(None, agencies), None)),
        Credit("meta", tuple(meta.all("author"))),
    ]
    micro = meta.micro("author")
    if micro:
        credits.append(Credit("microdata", (micro,)))
    return [c for c in credits if c.authors or c.source]


def _is_author_link(element: _Element, text: str) -> bool:
    """Is ``element`` (its text ``text``) a link to one of the site's author pages, inside one,
    or one holding only such a link (a name glued to a place beside it is not a name)?"""
    link = next(element.iterancestors("a"), None) if element.tag != "a" else element
    if link is None:
        link = next(element.iterdescendants("a"), None)
        if link is None or clean_text(text_content(link)) != text:
            return False
    return is_author_page(link.get("href") or "")
