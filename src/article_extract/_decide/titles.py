"""The headline: one rule for every input kind.

Paths gather evidence: the headlines a page *shows* (``<h1>``s and headline-like headings in
HTML, candidate lines in a dump), best first by their own layout evidence, and the titles its
metadata *states* (JSON-LD ``headline``, ``og:title``/``twitter:title``, microdata, ``<title>``;
a dump's first line when it reads "Headline - Site"). :func:`choose_title` decides, first hit
wins:

1. a shown headline that a metadata title confirms — equal, or covering at least half of it
   (the rest is the site's name); a heading (``h2``/``h3``…) counts only when confirmed, and a
   headline inside page chrome (a sticky bar) only when equal;
2. the first shown headline in the article's header (right above the body, next to its date
   or byline) that reads as a headline: readers and our gold take the displayed headline when
   metadata words it differently (a heading counts when it is the one nearest above the body:
   themes that print the headline as an ``<h2>``, old CMSs' ``td.title``);
3. the first metadata title other than ``<title>``, site-name prefixes/suffixes removed;
4. the only shown headline that reads as one;
5. ``<title>`` with its affixes removed;
6. a headline inside page chrome (a sticky bar that repeats it) of at least
   :data:`MIN_CHROME_HEADLINE_WORDS` words: a page that states no title anywhere else (a saved
   body without its head) still has the one it shows.

"Reads as a headline": not empty or too long, not chrome (the phrase lexicon), not the site's
name, not a section or tag label, not a widget (share or count line, image label, live-blog
status…), and — unless metadata confirms it — not a person's name (the byline under a dump's
headline). Site names are recognised by their keys (:func:`letters_key` of every name the page
gives itself and of its host name's labels).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple

from .._lexicon import chrome_lexicon
from .._text import FIRST_CJK, cjk_letters, clean_text, letters_key
from .names import looks_like_name

__all__ = [
    "DOMAIN_RE",
    "MAX_TITLE_CHARS",
    "MIN_HEADLINE_WORDS",
    "MetadataTitle",
    "ShownKind",
    "ShownTitle",
    "TitleDecision",
    "choose_title",
    "copyright_holder",
    "headline_words",
    "is_headline_text",
    "site_keys",
    "split_document_title",
    "strip_site_affixes",
    "title_affixes",
    "titles_match",
]

# A headline is at most a few sentences; longer "titles" are teaser paragraphs.
MAX_TITLE_CHARS = 400
# A shown headline must cover this share of a metadata title it is matched against (the rest
# is the site's name), and the reverse.
MIN_TITLE_COVERAGE = 0.5
# A shown headline with fewer words than this is a label ("أخبار", "Politics") rather than a
# headline that overrides the metadata's wording (CJK text counts two characters as a word).
MIN_HEADLINE_WORDS = 2
# A headline found only in page chrome is taken when it is at least this long: a site's logo or
# a section's label in a bar is a word or two.
MIN_CHROME_HEADLINE_WORDS = 4
# A byline role ("Correspondent", "Role") before the outlet's name is this short.
MAX_ROLE_WORDS = 2
# Separators between a headline and a site name: spaced (a bare "-" is part of words), one or
# two characters ("--", "::", "»»"), or a bar. A match starts only where a whitespace run
# starts (lookbehind), so a long run is tried once.
SEPARATOR_RE = re.compile(r"(?<!\s)\s+[|\-–—•·»«:/]{1,2}\s+|(?<!\s)\s*[|｜]\s*")
# A bare domain name ("alyaum.com"): a site's address, never a headline, section or name.
DOMAIN_RE = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.IGNORECASE)
# Host name labels that are not the site's name.
_HOST_NOISE = frozenset({"www", "m", "amp", "com", "net", "org", "co", "news"})

ShownKind = Literal["h1", "heading", "line"]
MetadataOrigin = Literal["json-ld", "meta", "microdata", "title"]


class ShownTitle(NamedTuple):
    """A headline the page shows, as its path found it."""

    text: str
    kind: ShownKind
    in_header: bool  # in the article's header: above the body, next to its date or byline
    in_chrome: bool = False  # inside nav/footer/aside (a sticky bar repeating the headline)


class MetadataTitle(NamedTuple):
    origin: MetadataOrigin
    text: str


class TitleDecision(NamedTuple):
    text: str
    shown: int | None  # index of the chosen shown headline (the page's anchor), None: metadata
    rule: int  # the module docstring's rule that chose it
    affixes: tuple[str, ...]  # metadata-title segments around the headline: the site's name
    kind: ShownKind | None = None  # the chosen shown headline's kind

    @property
    def affix_keys(self) -> frozenset[str]:
        """Keys of the affixes (see :func:`title_affixes`)."""
        return frozenset(letters_key(affix) for affix in self.affixes)


def site_keys(names: Iterable[str], host: str | None) -> frozenset[str]:
    """Keys of every name the site gives itself, and of its host name's labels."""
    keys = {letters_key(name.lstrip("@")) for name in names}
    labels = [p for p in (host or "").lower().split(".") if p not in _HOST_NOISE]
    keys.update(letters_key(p) for p in labels if len(p) >= 3)
    return frozenset(k for k in keys if k)


# "جميع الحقوق محفوظة © 2024 نبض المغرب", "© 2010-2024 Le Matin": the holder after the sign
# and its years, up to a separator or the end of the line.
_COPYRIGHT_HOLDER_RE = re.compile(r"©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([^|©•·.،,]+)")
# A holder is the site's name: a few words (a longer tail is a sentence or more notices).
MAX_HOLDER_WORDS = 4


def copyright_holder(line: str) -> str | None:
    """The holder a copyright line names, the site's own name ("جميع الحقوق محفوظة © 2024 نبض
    المغرب" → "نبض المغرب"), or None."""
    if "©" not in line:
        return None
    match = _COPYRIGHT_HOLDER_RE.search(line)
    if match is None:
        return None
    holder = clean_text(match.group(1)).strip(" -–—:")
    words = holder.split()
    if not words or len(words) > MAX_HOLDER_WORDS or not any(c.isalpha() for c in holder):
        return None
    return holder


def _is_site_segment(segment: str, keys: frozenset[str]) -> bool:
    key = letters_key(segment)
    if not key or DOMAIN_RE.match(segment.strip()):
        return True
    return any(key == s or (len(s) >= 3 and (s in key or key in s)) for s in keys)


def strip_site_affixes(title: str, keys: frozenset[str]) -> str:
    """``title`` without leading/trailing segments that name the site."""
    title = clean_text(title)
    parts = SEPARATOR_RE.split(title)
    if len(parts) < 2:
        return title
    separators = SEPARATOR_RE.findall(title)
    start, end = 0, len(parts)
    while end - start > 1 and _is_site_segment(parts[end - 1], keys):
        end -= 1
    while end - start > 1 and _is_site_segment(parts[start], keys):
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    out = parts[start]
    for index in range(start + 1, end):
        out += separators[index - 1] + parts[index]
    return out.strip()


def split_document_title(line: str) -> tuple[str, str | None]:
    """A document title without known site names: "headline - Site" → ("headline", "Site");
    the longer end is the headline."""
    parts = [p.strip() for p in SEPARATOR_RE.split(line) if p.strip()]
    if len(parts) < 2:
        return line, None
    head, tail = parts[0], parts[-1]
    if len(tail) < len(head):
        return " - ".join(parts[:-1]), tail
    return tail, head


def title_affixes(metadata: Iterable[MetadataTitle], headline: str) -> tuple[str, ...]:
    """Metadata-title segments around the headline: the site's name as the page writes it
    ("أميركا … - المدينة نيوز" → "المدينة نيوز"), one per distinct key, in metadata order. A
    segment counts when the rest of its title is the headline (or begins it, or it begins the
    rest): a first line "رئيس التحرير : فلان" frames no headline."""
    head = letters_key(headline)
    found: dict[str, str] = {}
    for title in metadata:
        parts = SEPARATOR_RE.split(title.text)
        if len(parts) < 2:
            continue
        for part, rest in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
            key, rest_key = letters_key(part), letters_key(" ".join(rest))
            if not key or key == head or key in head or head in key:
                continue
            if rest_key and (head.startswith(rest_key) or rest_key.startswith(head)):
                found.setdefault(key, clean_text(part))
    return tuple(found.values())


def titles_match(candidate_key: str, metadata_keys: Iterable[str]) -> bool:
    """Equal keys, or one covering at least :data:`MIN_TITLE_COVERAGE` of the other."""
    if not candidate_key:
        return False
    for key in metadata_keys:
        if candidate_key == key:
            return True
        shorter, longer = sorted((candidate_key, key), key=len)
        if shorter and shorter in longer and len(shorter) >= MIN_TITLE_COVERAGE * len(longer):
            return True
    return False


def headline_words(text: str) -> float:
    """Words in ``text``; CJK text counts two characters as one word."""
    if max(text, default="") < FIRST_CJK:
        return len(text.split())
    cjk = len(cjk_letters().findall(text))
    return len(cjk_letters().sub(" ", text).split()) + cjk / 2


def is_headline_text(
    text: str,
    keys: frozenset[str],
    labels: frozenset[str] = frozenset(),
    *,
    confirmed: bool = False,
) -> bool:
    """Does ``text`` read as a headline (module docstring)? ``keys`` are the site's name keys,
    ``labels`` the keys of the page's section and tag names; a ``confirmed`` headline (metadata
    states it) may look like a name."""
    if not text or len(text) > MAX_TITLE_CHARS:
        return False
    key = letters_key(text)
    if not key or key in keys or key in labels:
        return False
    lexicon = chrome_lexicon()
    if lexicon.is_chrome(text) or lexicon.is_widget(text) or _is_role_label(text, keys):
        return False
    return confirmed or not looks_like_name(text)


def _is_role_label(text: str, keys: frozenset[str]) -> bool:
    """A byline's role line, "<role>, <the site's name>" ("Role, بي بي سي نيوز")."""
    comma = max(text.rfind(","), text.rfind("،"))
    if comma <= 0:
        return False
    role, outlet = text[:comma], text[comma + 1 :]
    if not outlet.strip() or len(role.split()) > MAX_ROLE_WORDS:
        return False
    return _is_site_segment(outlet, keys)


def _metadata_keys(metadata: Sequence[MetadataTitle], keys: frozenset[str]) -> list[str]:
    found = [letters_key(m.text) for m in metadata]
    found += [letters_key(strip_site_affixes(m.text, keys)) for m in metadata]
    # The headline part of a "Headline - Site" title, when the site's names are not known.
    found += [letters_key(split_document_title(m.text)[0]) for m in metadata]
    return [k for k in dict.fromkeys(found) if k and k not in keys]


def choose_title(
    shown: Sequence[ShownTitle],
    metadata: Sequence[MetadataTitle],
    keys: frozenset[str],
    labels: frozenset[str] = frozenset(),
) -> TitleDecision | None:
    """The headline by the rules in the module docstring; None when the page has none."""
    decision = _choose(shown, metadata, keys, labels)
    if decision is None:
        return None
    text, index, rule = decision
    kind = shown[index].kind if index is not None else None
    return TitleDecision(text, index, rule, title_affixes(metadata, text), kind)


def _choose(
    shown: Sequence[ShownTitle],
    metadata: Sequence[MetadataTitle],
    keys: frozenset[str],
    labels: frozenset[str],
) -> tuple[str, int | None, int] | None:
    metadata_keys = _metadata_keys(metadata, keys)
    for index, title in enumerate(shown):
        key = letters_key(title.text)
        # A headline in page chrome (a sticky bar) counts only when it states the title exactly.
        confirmed = key in metadata_keys if title.in_chrome else titles_match(key, metadata_keys)
        if confirmed and is_headline_text(title.text, keys, labels, confirmed=True):
            return title.text, index, 1
    # Displayed headlines only (other headings count when metadata confirms them, above),
    # read in order up to the first that rule 2 takes.
    readable: list[tuple[int, ShownTitle]] = []
    for index, title in enumerate(shown):
        if (title.kind == "heading" and not title.in_header) or title.in_chrome:
            continue
        if not is_headline_text(title.text, keys, labels):
            continue
        if title.in_header and headline_words(title.text) >= MIN_HEADLINE_WORDS:
            return title.text, index, 2
        readable.append((index, title))
    for entry in metadata:
        stripped = strip_site_affixes(entry.text, keys)
        if entry.origin != "title" and is_headline_text(stripped, keys, confirmed=True):
            return stripped, None, 3
    alone = [(i, t) for i, t in readable if t.kind != "heading"]
    if len(alone) == 1:
        return alone[0][1].text, alone[0][0], 4
    for entry in metadata:
        stripped = strip_site_affixes(entry.text, keys)
        if is_headline_text(stripped, keys, confirmed=True):
            return stripped, None, 5
    for index, title in enumerate(shown):
        in_bar = title.in_chrome and title.kind == "h1"
        long_enough = headline_words(title.text) >= MIN_CHROME_HEADLINE_WORDS
        if in_bar and long_enough and is_headline_text(title.text, keys, labels):
            return title.text, index, 6
    return None
