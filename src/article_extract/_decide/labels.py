"""The site's name, the article's section, and who wrote it: the first usable candidate wins.

* **Site name**: candidates arrive best first (``og:site_name``, the JSON-LD publisher, the
  ``WebSite`` object, ``application-name``; a dump's unlabelled site line or its document
  title's site part), and handles (``twitter:site``, ``@alyaum``) last: a human name beats a
  handle. Usable: a short name with letters, not a URL or domain, not chrome (a number is
  fine: "France 24", "الراصد 24").
* **Section**: a short label (at most :data:`MAX_SECTION_WORDS` words), without digits, not
  chrome or a widget line ("شاهد كل النتائج", "Copier le lien", "2min").
* **Authors and source**: credits arrive in trust order (a visible byline, credit lines at the
  body's edges, JSON-LD ``author``, ``<meta name=author>``, microdata); the authors are the
  first credit with usable names (:func:`.names.usable_authors`), the source the first one
  stated. A news agency among a credit's names ("By Jane Doe and AFP", a meta author
  "Reuters") is that credit's source, never an author: an agency is not a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .._byline import agency_name
from .._lexicon import chrome_lexicon
from .._text import clean_text
from .evidence import Credit
from .names import clean_name, usable_authors
from .titles import DOMAIN_RE

__all__ = ["MAX_SECTION_WORDS", "choose_authors", "choose_section", "choose_site_name"]

# A site's name is a few words ("صحيفة اليوم", "The Guardian"); more is a slogan or a title.
MAX_SITE_NAME_WORDS = 8
# A section label is short ("عربي ودولي", "Politique").
MAX_SECTION_WORDS = 5
_DIGIT_RE = re.compile(r"\d")
_LETTER_RE = re.compile(r"[^\W\d_]")


def _usable_label(text: str, max_words: int) -> bool:
    if not text or len(text.split()) > max_words or not _LETTER_RE.search(text):
        return False
    if "://" in text or DOMAIN_RE.match(text):
        return False
    return not chrome_lexicon().is_chrome(text)


def choose_site_name(candidates: Iterable[str]) -> str | None:
    """The first usable site name that is not a handle, else the first usable handle (its "@"
    dropped)."""
    # A stable sort: handles after the other names, each group in its own order.
    for candidate in sorted((clean_text(c) for c in candidates), key=lambda n: n.startswith("@")):
        name = candidate.lstrip("@")
        if _usable_label(name, MAX_SITE_NAME_WORDS):
            return name
    return None


def choose_section(candidates: Iterable[str]) -> str | None:
    """The first usable section label."""
    for candidate in candidates:
        label = clean_text(candidate)
        if _DIGIT_RE.search(label) or chrome_lexicon().is_widget(label):
            continue
        if _usable_label(label, MAX_SECTION_WORDS):
            return label
    return None


def choose_authors(
    credits: Sequence[Credit], site_keys: frozenset[str], labels: frozenset[str]
) -> tuple[tuple[str, ...], str | None]:
    """(authors, source) from the credits, by the rule in the module docstring."""
    credits = [_agencies_as_source(c) for c in credits]
    source = next((c.source for c in credits if c.source), None)
    for credit in credits:
        authors = usable_authors(credit.authors, site_keys, labels)
        if authors:
            return authors, source
    return (), source


def _agencies_as_source(credit: Credit) -> Credit:
    """``credit`` with the agencies among its names moved to its source (when it states
    none)."""
    # Read as names first: "Associated Press in Valencia" names the agency, with its place.
    agencies = [agency_name(clean_name(n) or "") for n in credit.authors]
    if not any(agencies):
        return credit
    people = tuple(n for n, agency in zip(credit.authors, agencies, strict=True) if not agency)
    return credit._replace(authors=people, source=credit.source or next(filter(None, agencies)))
