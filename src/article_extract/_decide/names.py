"""What a person's name looks like, and which names can be a page's authors.

One rule for every place names come from: labelled bylines ("بقلم: …", read by
:mod:`article_extract._byline`), unlabelled byline elements, the line under a dump's headline,
and metadata authors (JSON-LD ``author``, ``<meta name=author>``).

* :func:`split_name_place` — "حسام أبو العلا - القاهرة": the part after a spaced dash is a
  place or a role;
* :func:`clean_name` — a byline part as a name, or None (digits, too many words);
* :func:`looks_like_name` — an *unlabelled* short line that reads as a personal name: 2-4
  words of letters, not opening with the article "ال", without prepositions and the like,
  and in scripts with letter case every word but a particle ("von", "de", "al-") capitalised
  ("Kommentare öffnen" is not a name);
* :func:`is_role_line` — a byline's role or a columnist's one-line bio ("Business reporter",
  "كاتبة وباحثة في الشؤون الاقتصادية"): a short line opening with a role word;
* :func:`usable_authors` — names that can be the page's authors: not a URL or e-mail, not a
  role ("Business reporter"), not a desk signing as a whole ("المحرر", "La Rédaction"), not
  the site's own name (meta author "LBCI"), not a section or
  tag label, not site chrome ("Bild vergrößern", "Copiar enlace") and not a widget's label
  ("مشاهدات عالية", "Min read").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .._lexicon import chrome_lexicon
from .._text import clean_text, ends_like_sentence, fold, letters_key
from ..data import load_table

__all__ = [
    "MAX_NAME_WORDS",
    "NAME_EDGES",
    "clean_name",
    "is_desk_name",
    "is_place_byline",
    "is_role_line",
    "looks_like_name",
    "names_a_role",
    "names_the_site",
    "split_name_place",
    "usable_authors",
]

# One author's name (with a title such as "د." or a "بن") rarely runs past this many words.
MAX_NAME_WORDS = 6
# An unlabelled line is read as a name only with this many words.
MIN_BARE_NAME_WORDS = 2
MAX_BARE_NAME_WORDS = 4
# "name (place)": the parentheses hold a few words at most.
MAX_BRACKETED_PLACE_CHARS = 32
# "name - place": a dash with spaces around it (text is cleaned: single spaces).
_PLACE_SEPARATOR_RE = re.compile(r"\s[-–—ـ]+\s")
# Punctuation around a name, or between a byline label and the name: never part of it.
NAME_EDGES = " :：.،,؛;-–—_ـ|/\\()[]«»\"'*•·"
_DIGIT_RE = re.compile(r"\d")
# A site key this long names the site inside a longer text ("alyaum" in "alyaumnews"); a
# shorter one would match inside ordinary words, so it must be the whole text.
MIN_CONTAINED_SITE_KEY_CHARS = 3
_HARAKAT_RE = re.compile("[\u064b-\u065f\u0670\u0640]")


@cache
def _non_name_words() -> frozenset[str]:
    """Words that never occur in a personal name (prepositions, "news"…), compared as written
    but for case and harakat: letter folding would make the preposition "على" the name "علي"."""
    return frozenset(_unmarked(w) for w in load_table("bylines")["non_name_words"])


def _unmarked(word: str) -> str:
    return _HARAKAT_RE.sub("", word).casefold()


@cache
def _name_particles() -> frozenset[str]:
    """Lower-case words inside names ("von", "de", "bin", "al")."""
    return frozenset(load_table("bylines")["name_particles"])


@cache
def _place_prepositions() -> frozenset[str]:
    """Words between a byline's name and its place ("Sam Jones in Madrid")."""
    return frozenset(load_table("bylines")["place_prepositions"])


def split_name_place(text: str) -> str:
    """``text`` without its place: "حسام أبو العلا - القاهرة" → "حسام أبو العلا", "الدمام - فهد
    القحطاني" → "فهد القحطاني" (a one-word place before a longer name), "الوطن اليوم - خالد
    العمري" → "خالد العمري" (an outlet before a name: the part before the dash does not read as
    a person's name, the part after it does), "Sam Jones in Madrid" → "Sam Jones" (a
    preposition before a capitalised word), "سعد الزهراني (الرياض)" → "سعد الزهراني" (a place in
    parentheses after the name; its closing one may be gone already)."""
    opening = text.rfind(" (")
    if opening > 0 and len(text) - opening <= MAX_BRACKETED_PLACE_CHARS:
        place = text[opening + 2 :].removesuffix(")")
        if place and "(" not in place and ")" not in place:
            text = text[:opening]
    parts = _PLACE_SEPARATOR_RE.split(text, maxsplit=1)
    name = parts[0]
    if len(parts) == 2 and _place_first(name, parts[1]):
        name = parts[1]
    words = name.split()
    prepositions = _place_prepositions()
    for position in range(1, len(words) - 1):
        if words[position] in prepositions and words[position + 1][0].isupper():
            return " ".join(words[:position])
    return name


def _place_first(first: str, second: str) -> bool:
    """In "first - second", is ``second`` the name? The Gulf press puts the place first
    ("الدمام - فهد القحطاني": a name has two words or more), and a byline may open with the
    outlet ("الوطن اليوم - خالد العمري", "Sky News - Jane Doe"): a short part that does not
    read as a person's name, before one that does."""
    words = len(first.split())
    if words == 1:
        return len(second.split()) >= MIN_BARE_NAME_WORDS
    return words <= MAX_BARE_NAME_WORDS and not _reads_as_name(first) and _reads_as_name(second)


def clean_name(text: str) -> str | None:
    """A byline part as a name (edges and a trailing place removed), or None."""
    name = split_name_place(clean_text(text).strip(NAME_EDGES)).strip(NAME_EDGES)
    if not name or _DIGIT_RE.search(name) or len(name.split()) > MAX_NAME_WORDS:
        return None
    return name


def looks_like_name(text: str) -> bool:
    """Does an unlabelled line read as a personal name (module docstring)?"""
    return _reads_as_name(split_name_place(text))


def _reads_as_name(name: str) -> bool:
    """:func:`looks_like_name` of a text without a place."""
    words = name.split()
    if not MIN_BARE_NAME_WORDS <= len(words) <= MAX_BARE_NAME_WORDS:
        return False
    if any(_DIGIT_RE.search(w) for w in words):
        return False
    folded = [fold(w) for w in words]
    if folded[0].startswith("ال") or not _non_name_words().isdisjoint(map(_unmarked, words)):
        return False
    if not all(w.replace(".", "").isalpha() for w in folded):
        return False
    return all(w[0].isupper() or w in _name_particles() for w in words if _is_cased(w))


def is_place_byline(text: str) -> bool:
    """A name with its place ("الدمام - فهد القحطاني", "حسام أبو العلا - القاهرة"), and
    nothing else: an unlabelled byline. A bare name-like line is not enough (an unlabelled
    short Arabic phrase reads as one), and a place names no number (a date after the dash is
    a stamp's)."""
    return (
        split_name_place(text) != text and looks_like_name(text) and _DIGIT_RE.search(text) is None
    )


def _is_cased(word: str) -> bool:
    """A word in a script with letter case (Latin, Cyrillic, Greek…)."""
    return word.lower() != word.upper()


@cache
def _role_words() -> frozenset[str]:
    """Words of a byline's role line ("Business reporter", "مراسل"), never of a name."""
    return frozenset(fold(w) for w in load_table("bylines")["role_words"])


def names_a_role(text: str) -> bool:
    """Does ``text`` hold a byline role word ("Business reporter", "مراسل")?"""
    return not _role_words().isdisjoint(fold(text).split())


@cache
def _desk_names() -> frozenset[str]:
    return frozenset(letters_key(n) for n in load_table("bylines")["desk_names"])


def is_desk_name(text: str) -> bool:
    """Is ``text`` a desk or the site's staff signing as a whole ("المحرر", "La Rédaction",
    "Staff"), no person?"""
    return letters_key(text) in _desk_names()


# A role or bio line under a byline is short ("كاتب وباحث في الشؤون الاقتصادية").
MAX_ROLE_LINE_WORDS = 8


def is_role_line(text: str) -> bool:
    """A byline's role or a writer's one-line bio ("Business reporter", "كاتبة وباحثة في
    الشؤون الاقتصادية"): at most :data:`MAX_ROLE_LINE_WORDS` words, the first a role word, no
    digit, not ending like a sentence (a sentence may open with "كاتب": "كاتب سعودي يفوز …"
    is a headline, and is told apart by the callers, which read this line only beside a
    byline or at the body's edge)."""
    words = text.split()
    if not words or len(words) > MAX_ROLE_LINE_WORDS or _DIGIT_RE.search(text):
        return False
    return fold(words[0]).strip(NAME_EDGES) in _role_words() and not ends_like_sentence(text)


def names_the_site(key: str, site_keys: frozenset[str]) -> bool:
    """Does a text whose ``letters_key`` is ``key`` name the site (one of ``site_keys``)?"""
    return any(key == s or (len(s) >= MIN_CONTAINED_SITE_KEY_CHARS and s in key) for s in site_keys)


def _usable(name: str, site_keys: frozenset[str], labels: frozenset[str]) -> bool:
    if "://" in name or "@" in name or name.startswith("www.") or names_a_role(name):
        return False
    if is_desk_name(name):
        return False
    key = letters_key(name)
    if not key or key in labels:
        return False
    if names_the_site(key, site_keys):
        return False
    lexicon = chrome_lexicon()
    return not (lexicon.is_chrome(name) or lexicon.is_widget(name))


def usable_authors(
    names: Iterable[str], site_keys: frozenset[str], labels: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """The names that can be the page's authors (module docstring), cleaned, in order, once."""
    cleaned = (clean_name(n) for n in names)
    return tuple(dict.fromkeys(n for n in cleaned if n and _usable(n, site_keys, labels)))
