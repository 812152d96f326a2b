"""Bylines and attributions: "بقلم: فلان" → authors, "المصدر بي بي سي" / "--(بترا)" → source.

Rules are data (``data/bylines.toml``): author labels, source labels, agency names and the forms
pages print them in. Matching is token-wise on folded text so harakat, tatweel, hamza and
punctuation variants ("كتب:" / "كتب -" / "كتبَ") all match one entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import NamedTuple

from ._dates import ParsedDate, find_dates, label_start
from ._decide.names import (
    NAME_EDGES,
    clean_name,
    is_desk_name,
    is_place_byline,
    looks_like_name,
    names_a_role,
    split_name_place,
)
from ._text import clean_text, ends_like_sentence, fold, strip_non_word_edges
from .data import load_table

__all__ = [
    "Attribution",
    "agency_name",
    "credit_before_stamp",
    "dateline_credit",
    "is_caption_folded",
    "is_caption_text",
    "is_source_label",
    "leading_credit",
    "may_be_credit",
    "parse_byline",
    "parse_names",
    "read_credit_line",
    "split_trailing_credit",
    "stamp_start",
]

# A byline names people, not sentences: more words than this after the label is body text.
MAX_BYLINE_WORDS = 12
# An attributed source ("المصدر: وكالة الأنباء الأردنية") is a short name, not a sentence.
MAX_SOURCE_WORDS = 8
# A byline joined by a glued "و" splits only when both names keep this many words, and the
# glued word is longer than "و" plus a short particle.
MIN_JOINED_NAME_WORDS = 2
MIN_GLUED_NAME_CHARS = 2
# Captions are a sentence or two; a longer line is prose even if it ends with "(رويترز)".
MAX_CAPTION_WORDS = 60
# A line opening with a caption word is a caption only when short (a paragraph may begin
# "صورة الرئيس …")…
MAX_CAPTION_OPENER_WORDS = 14
# … and, when the word is followed by a space rather than ":" or "/", shorter still
# ("تصوير محمد علي").
MAX_CAPTION_LABEL_WORDS = 4
# A text this long that ends like a sentence before an agency in parentheses is a paragraph
# citing its source; a caption with a stop before its credit is shorter.
MIN_CITING_SENTENCE_WORDS = 12

# "--(بترا)", "(رويترز)", "- رويترز", "(ومع)" at the very end of a paragraph (text is cleaned:
# single spaces). Searched only in the paragraph's last TRAILING_CREDIT_WINDOW characters: a
# credit is short. The dashes before a parenthesised credit are stripped after the match.
TRAILING_CREDIT_WINDOW = 80
_TRAILING_CREDIT_RE = re.compile(
    r"\(\s?([^()]{1,40}?)\s?\)\s?[.،]?\s?$|\s[-–—]+\s?([^\s()][^()]{0,30}?)\s?$"
)
_CREDIT_LEAD_IN = " -–—ـ"
# "(أبوظبي - البيان)": a place and the outlet, the whole line in parentheses.
_DATELINE_CREDIT_RE = re.compile(r"^\(\s?[^()\-–—]{1,30}\s[-–—]+\s([^()\-–—]{1,30}?)\s?\)$")
# "دمشق - سانا", "دمشق-سانا", "ب. سمير / وأج": a place or a reporter's signature, a dash or a
# slash, then the outlet, on a line of their own; the outlet must be a known agency (a name, a
# dash and a place read the same). A photographer's credit ("Andrew Harnik / AP") has the same
# shape: an outlet that closes captions is left to the caption rule.
_SIGNED_CREDIT_RE = re.compile(r"^[^()\-–—/]{1,30}[-–—/]+\s?([^()\-–—/]{1,30})$")
# What parts a signed credit's last word from the outlet glued to it ("دمشق-سانا").
_CREDIT_JOINT_RE = re.compile(r"[-–—/]")
# "عمان (بترا) -", "دمشق، سوريا (CNN) --": a credit in the first 80 characters.
_LEADING_CREDIT_RE = re.compile(r"^[^()]{0,60}\(\s*([^()]{1,40}?)\s*\)\s*[-–—:]")
# A photographer's credit closing a caption, in parentheses: a name of two to four words, "/",
# the outlet in one to four ("(Adel Hana/The Associated Press)", "(AP Photo/Evan Vucci)"). On
# folded text; words hold no digit, so "(24/7)" and "(km/h)" (one word before "/") are not
# credits. Searched only in the text's last PHOTO_CREDIT_WINDOW characters.
_PHOTO_CREDIT_RE = re.compile(
    r"\((?:[^\s()/\d]+ ){1,3}[^\s()/\d]+ ?/ ?(?:[^\s()/\d]+ ){0,3}[^\s()/\d]+\)\s?\.?$"
)
PHOTO_CREDIT_WINDOW = 100
# The caption pattern cannot match a text without one of these (a caption word's colon, a
# credit after "/" or in the final parentheses): such a text skips the search.
_CAPTION_PATTERN_MARK_RE = re.compile("[:：/)]")
# Where a label glued to a name ends: "كتب:محمد", "المصدر-رويترز".
_GLUED_SPLIT_RE = re.compile(r"[:：\-–—]")
# A first word glued to what follows by punctuation: "كتب:محمد", "المصدر-رويترز".
_GLUED_LABEL_RE = re.compile(r"^(\w+[:：\-–—])(?=\w)")
# Labels are at most this many words ("نقلا عن موقع").
_MAX_LABEL_WORDS = 4


class Attribution(NamedTuple):
    """Who wrote a piece and where it came from, as a byline or credit line states it."""

    authors: tuple[str, ...] = ()
    source: str | None = None


def _fold_token(token: str) -> str:
    return strip_non_word_edges(fold(token))


# Labels as folded token tuples, grouped by their first token: a line is checked against only
# the labels its first word could open.
LabelIndex = dict[str, tuple[tuple[str, ...], ...]]


def _label_tokens(labels: list[str]) -> LabelIndex:
    folded = {tuple(t for t in (_fold_token(w) for w in label.split()) if t) for label in labels}
    grouped: dict[str, list[tuple[str, ...]]] = {}
    # Longest first so "مصدر الخبر" wins over "مصدر".
    for label in sorted((f for f in folded if f), key=len, reverse=True):
        grouped.setdefault(label[0], []).append(label)
    return {first: tuple(group) for first, group in grouped.items()}


class _Tables(NamedTuple):
    author_labels: LabelIndex
    source_labels: LabelIndex
    separators_re: re.Pattern[str]
    agencies: dict[str, str]  # folded printed form → canonical name
    latin_names: dict[str, str]  # canonical name → its first spelling in Latin letters
    agency_max_tokens: int
    caption_re: re.Pattern[str]
    caption_openers: tuple[str, ...]  # folded caption words and credits, longest first
    # The first folded words of every label and agency name: a line whose first word is none
    # of them is no byline, credit or source label (unless it opens with a parenthesis).
    credit_openers: frozenset[str]
    credit_closers: frozenset[str]  # the last folded words of every agency name
    # Folded one-word credit roles and caption words ("تصوير", "إعداد", "Photo"): where a
    # byline's names end, another credit starts.
    credit_roles: frozenset[str]


def _caption_pattern(words: list[str], credits: list[str]) -> re.Pattern[str]:
    """On folded text: a caption word with its colon anywhere (rule 2), or a credit closing the
    line after "/" or in the final parentheses (rule 3)."""
    label = "|".join(re.escape(fold(x)) for x in sorted(words, key=len, reverse=True))
    credit = "|".join(re.escape(fold(x)) for x in sorted(credits, key=len, reverse=True))
    return re.compile(
        rf"(?:^|[\s.,;])(?:{label})\s?[:：]|"
        rf"(?:/\s*(?:{credit})[\w\s.]{{0,20}}"
        rf"|(?P<cited>\([^()]{{0,60}}(?<!\w)(?:{credit})(?!\w)[^()]{{0,40}}\)))\s*\.?$"
    )


def _joint_labels(roles: list[str]) -> list[str]:
    """Every two credit roles joined by "و", glued or apart: "تصوير وإعداد", "تصوير و إعداد"."""
    return [f"{a}{joint}{b}" for a in roles for b in roles if a != b for joint in (" و", " و ")]


@cache
def _tables() -> _Tables:
    table = load_table("bylines")
    agencies: dict[str, str] = {}
    latin: dict[str, str] = {}
    for canonical, forms in table["agencies"].items():
        for form in [canonical, *forms]:
            agencies[" ".join(_fold_token(w) for w in form.split())] = canonical
        latin[canonical] = next((f for f in forms if f.isascii()), canonical)
    separators = sorted(table["author_separators"], key=len, reverse=True)
    author_labels = _label_tokens([*table["author_labels"], *_joint_labels(table["joint_roles"])])
    source_labels = _label_tokens(table["source_labels"])
    return _Tables(
        author_labels=author_labels,
        source_labels=source_labels,
        separators_re=re.compile("|".join(re.escape(s) for s in separators), re.IGNORECASE),
        agencies=agencies,
        latin_names=latin,
        agency_max_tokens=max(len(k.split()) for k in agencies),
        caption_re=_caption_pattern(table["captions"]["words"], table["captions"]["credits"]),
        caption_openers=tuple(
            sorted(
                {fold(w) for w in table["captions"]["words"]}
                | {fold(c) + "/" for c in table["captions"]["credits"]},
                key=len,
                reverse=True,
            )
        ),
        credit_openers=frozenset(author_labels)
        | frozenset(source_labels)
        | {name.split(" ")[0] for name in agencies},
        credit_closers=frozenset(name.split(" ")[-1] for name in agencies),
        credit_roles=frozenset(
            _fold_token(w)
            for w in [*table["joint_roles"], *table["captions"]["words"]]
            if " " not in w
        ),
    )


def _after_label(words: list[str], folded: list[str], labels: LabelIndex) -> str | None:
    """The text after a leading label, or None when the words do not start with one."""
    if not folded:
        return None
    head = tuple(folded[:_MAX_LABEL_WORDS])
    for label in labels.get(folded[0], ()):
        if head[: len(label)] == label:
            return " ".join(words[len(label) :]).strip(NAME_EDGES)
    return None


def _words(line: str, line_folded: str | None = None) -> tuple[list[str], list[str]]:
    """The line's words and their folded forms (punctuation stripped), aligned.
    ``line_folded`` is ``fold(line)`` when the caller has it."""
    # "كتب:فلان" — a label glued to the name by a colon or dash: split it off first.
    glued = _GLUED_LABEL_RE.match(line)
    if glued is not None:
        line = f"{line[: glued.end()]} {line[glued.end() :]}"
        line_folded = None
    words = line.split()
    folded = [strip_non_word_edges(w) for w in (line_folded or fold(line)).split()]
    if len(folded) != len(words):  # folding changed the word count (rare NFKC cases)
        folded = [_fold_token(w) for w in words]
    return words, folded


def agency_name(text: str) -> str | None:
    """The canonical agency for a printed credit ("وكالة الأنباء الأردنية" → "بترا"), or None."""
    key = " ".join(t for t in (_fold_token(w) for w in text.split()) if t)
    if not key or len(key.split()) > _tables().agency_max_tokens:
        return None
    return _tables().agencies.get(key)


def agency_for_language(name: str, language: str | None) -> str:
    """A source named by its canonical name (Arabic, the agencies table's keys), as a page in
    ``language`` names it: an agency's international Latin spelling on a page in any other
    language ("أ ب" → "AP" on an English page); any other name as it is."""
    if language is None or language == "ar":
        return name
    return _tables().latin_names.get(name, name)


def is_caption_text(text: str) -> bool:
    """An image caption or photo credit, never body text:

    1. it opens with a caption word ("صورة", "Photo", "Getty Images") or a credit and "/"
       ("Reuters/"), followed by ":", "/" or a comma ("Fotoğraf, AA tarafından…"), by nothing,
       or by a few words ("تصوير محمد علي");
    2. a caption word with its colon stands anywhere in it ("… Albania.Foto: Florion Goga");
    3. it ends with a photo credit after "/" or in parentheses ("BERTRAND GUAY / AFP",
       "(رويترز)"), unless a sentence of :data:`MIN_CITING_SENTENCE_WORDS` words or more ends
       with its stop before the parentheses (a paragraph citing its agency: "… كافية.
       (رويترز)"); a credit is a whole word ("(MAP)" is not AP's);
    4. it ends with a photographer's credit in parentheses, a name and the outlet after "/"
       ("… in April 2022. (Adel Hana/The Associated Press)").

    A line of more than :data:`MAX_CAPTION_WORDS` words is prose whatever it holds, and rule 1
    reads only lines of at most :data:`MAX_CAPTION_OPENER_WORDS` words.
    """
    return is_caption_folded(fold(text), len(text.split()))


def is_caption_folded(folded: str, words: int) -> bool:
    """:func:`is_caption_text` of a text of ``words`` words whose fold is ``folded``."""
    if words > MAX_CAPTION_WORDS:
        return False
    tables = _tables()
    opened = folded.lstrip(" -–—(")
    # One startswith over all the openers rules out most lines before the loop.
    if words <= MAX_CAPTION_OPENER_WORDS and opened.startswith(tables.caption_openers):
        for opener in tables.caption_openers:
            if opened.startswith(opener):
                rest = opened[len(opener) :]
                if opener.endswith("/") or not rest or rest[0] in ":：/,،":
                    return True
                if rest[0] == " " and words <= MAX_CAPTION_LABEL_WORDS:
                    return True
    if _CAPTION_PATTERN_MARK_RE.search(folded) is None:
        return False
    found = tables.caption_re.search(folded)
    if found is not None:
        # A sentence closed by its own stop, then its source in parentheses ("… لم تعد كافية.
        # (رويترز)"), is a paragraph that cites its agency, not a caption.
        cited = found.start("cited")
        return cited < 0 or not (
            words >= MIN_CITING_SENTENCE_WORDS and ends_like_sentence(folded[:cited].rstrip())
        )
    return _PHOTO_CREDIT_RE.search(folded[-PHOTO_CREDIT_WINDOW:]) is not None


def _split_joined(part: str) -> list[str]:
    """Arabic writes "and" glued to the next name: "أحمد علي وسارة محمد" is two authors. A word
    opening with و splits the part when both sides keep at least two words ("محمد وليد" is one
    name)."""
    words = part.split()
    for position in range(MIN_JOINED_NAME_WORDS, len(words) - MIN_JOINED_NAME_WORDS + 1):
        word = words[position]
        if word.startswith("و") and len(word) > MIN_GLUED_NAME_CHARS:
            return [" ".join(words[:position]), " ".join([word[1:], *words[position + 1 :]])]
    return [part]


def _split_authors(text: str) -> tuple[str, ...]:
    parts = [p for part in _tables().separators_re.split(text) for p in _split_joined(part)]
    names: list[str] = []
    for name in filter(None, map(clean_name, parts)):
        names.append(name)
        if names_a_role(name) or is_desk_name(name):
            # A desk signs ("By Staff Reporter | Doha", "La Rédaction, Rabat"): what follows
            # it is the desk's place or outlet, no person (the names before it are people's).
            break
    return tuple(dict.fromkeys(names))


def parse_names(text: str) -> tuple[str, ...]:
    """Author names from an unlabelled byline element ("أحمد علي، منى خالد"); a label such as
    "بقلم" is dropped if present. Empty when the text does not read as names."""
    line = clean_text(text)
    if not line or len(line.split()) > MAX_BYLINE_WORDS:
        return ()
    words, folded = _words(line)
    rest = _after_label(words, folded, _tables().author_labels)
    return _split_authors(line if rest is None else rest)


def unlabelled_names(text: str) -> tuple[str, ...]:
    """The authors an unlabelled byline line names: one name with its place ("حسام أبو العلا -
    القاهرة"), or several joined ("محمد العتيبي، سعد الزهراني (الرياض)"), each reading as a
    person's name; empty otherwise."""
    name = split_name_place(text)
    if looks_like_name(name):
        return (name,)
    names = parse_names(text)
    return names if len(names) > 1 and all(map(looks_like_name, names)) else ()


def may_be_credit(text: str, key: str) -> bool:
    """A cheap first look: could ``text`` (with lexicon key ``key``, see
    ``_lexicon.match_key``) be a byline or credit line? Its first word opens a label, or it is
    short enough to be an agency's name, or it opens with a parenthesis (a dateline credit)."""
    tables = _tables()
    if text.lstrip().startswith("("):
        return True
    words = key.split(maxsplit=tables.agency_max_tokens)
    if not words:
        return False
    if len(words) <= tables.agency_max_tokens:
        return True
    first = _GLUED_SPLIT_RE.split(words[0], maxsplit=1)[0]
    return first in tables.author_labels or first in tables.source_labels


def is_source_label(text: str) -> bool:
    """A source label on a line of its own ("المصدر:", "Kaynak"): the next line names the
    source."""
    return _is_source_label(*_words(clean_text(text)))


def _is_source_label(words: list[str], folded: list[str]) -> bool:
    return _after_label(words, folded, _tables().source_labels) == ""


def parse_byline(text: str) -> Attribution | None:
    """Read a byline or credit line; None when the line is neither.

    "بقلم: أحمد علي" → authors ("أحمد علي",); "المصدر بي بي سي" → source "بي بي سي";
    "--(بترا)" / "رويترز" → source "بترا" / "رويترز"; a dateline credit on its own line,
    "(أبوظبي - البيان)" → source "البيان".
    """
    line = clean_text(text)
    if not _may_be_byline(line) or not _may_open_credit(line, _edge_folded_words(line)):
        return None
    return _byline_of(line, *_words(line))


def _edge_folded_words(line: str) -> list[str]:
    """The first and the last folded words of ``line`` that punctuation does not empty, as
    :func:`_words` splits it (a glued label split off): all :func:`_may_open_credit` reads,
    without folding the whole line (most lines a caller tries are no credit)."""
    glued = _GLUED_LABEL_RE.match(line)
    if glued is not None:
        line = f"{line[: glued.end()]} {line[glued.end() :]}"
    words = line.split()
    first = next(filter(None, map(_fold_token, words)), "")
    last = next(filter(None, map(_fold_token, reversed(words))), "")
    return [first, last]


def read_credit_line(
    line: str, folded: str, *, label_alone: bool
) -> tuple[Attribution | None, bool]:
    """:func:`parse_byline` of a line ``clean_text`` returned, whose fold is ``folded``, and
    when ``label_alone`` (it is short enough to be a label on its own) :func:`is_source_label`:
    the line's words are split and folded once."""
    words, folded_words = _words(line, folded)
    if not _may_open_credit(line, folded_words):
        return None, False
    byline = _byline_of(line, words, folded_words) if _may_be_byline(line) else None
    return byline, label_alone and _is_source_label(words, folded_words)


def _may_open_credit(line: str, folded: list[str]) -> bool:
    """Could :func:`_byline_of` or :func:`_is_source_label` read anything in a line whose
    folded words are ``folded``? A dateline credit opens with "("; a label is found by its
    first word (labels hold no empty word), an agency's name by its first word that
    punctuation did not empty."""
    if line.startswith("("):
        return True
    tables = _tables()
    if next((word for word in folded if word), "") in tables.credit_openers:
        return True
    # A signed credit ends with an agency's name: "دمشق - سانا", "دمشق-سانا".
    last = next((word for word in reversed(folded) if word), "")
    return _CREDIT_JOINT_RE.split(last)[-1] in tables.credit_closers


def _may_be_byline(line: str) -> bool:
    return bool(line) and len(line.split()) <= MAX_BYLINE_WORDS + 2


def _byline_of(line: str, words: list[str], folded: list[str]) -> Attribution | None:
    """:func:`parse_byline` of a cleaned ``line`` whose words are ``words`` and ``folded``."""
    dateline = _DATELINE_CREDIT_RE.match(line)
    if dateline is not None:
        outlet = dateline.group(1)
        return Attribution(source=agency_name(outlet) or outlet)
    signed = _SIGNED_CREDIT_RE.match(line)
    agency = agency_name(signed.group(1)) if signed is not None else None
    if agency is not None and not is_caption_folded(fold(line), len(words)):
        return Attribution(source=agency)
    tables = _tables()
    rest = _after_label(words, folded, tables.source_labels)
    if rest is not None:
        # "المصدر: النهار 19 كانون الأول 2023": the stamp beside it is no part of the name.
        rest = _before_stamp(rest)
        if not rest or len(rest.split()) > MAX_SOURCE_WORDS:
            return None
        return Attribution(source=agency_name(rest) or rest)
    rest = _after_label(words, folded, tables.author_labels)
    if rest is not None:
        rest = _before_next_credit(_before_stamp(rest))
        if len(rest.split()) > MAX_BYLINE_WORDS:
            return None
        authors = _split_authors(rest)
        return Attribution(authors=authors) if authors else None
    if len(folded) <= tables.agency_max_tokens:
        agency = tables.agencies.get(" ".join(f for f in folded if f))
        if agency is not None:
            return Attribution(source=agency)
    return None


# A credit role glued to the name before it ("منى عادلتصوير - كريم فوزي": side-by-side parts
# of a credit box read without a space) is split off when the role has this many letters and
# this many are left for the name's last word (no word of a name ends with "تصوير", but
# "التحرير" and "مرسوم" end with shorter roles or leave less).
MIN_GLUED_ROLE_CHARS = 4
MIN_GLUED_ROLE_REST_CHARS = 3


def _before_next_credit(names: str) -> str:
    """A byline's names up to the next credit on its line ("منى عادل تصوير - كريم فوزي" →
    "منى عادل"): a credit role or caption word after the first word ("تصوير", "إعداد",
    "Photo"), on its own or glued to the end of the word before it."""
    words = names.split()
    roles = _tables().credit_roles
    for position, word in enumerate(words[1:], 1):
        folded = _fold_token(word)
        if folded in roles:
            return " ".join(words[:position]).strip(NAME_EDGES)
        for role in roles:
            glued = len(folded) - len(role)
            if (
                len(role) >= MIN_GLUED_ROLE_CHARS
                and glued >= MIN_GLUED_ROLE_REST_CHARS
                and folded.endswith(role)
            ):
                kept = word[: len(word) - len(role)] if len(word) == len(folded) else word
                return " ".join([*words[:position], kept]).strip(NAME_EDGES)
    return names


def _before_stamp(names: str) -> str:
    """The names of a byline without the stamp printed after them ("محمد علي نشر في 12 مارس
    2023", "أحمد علي - 12 مايو 2024", "Jane Doe · Posted: Aug 8, 2024"): cut where
    :func:`stamp_start` says. Only text holding a digit is read for dates."""
    if _DIGIT_RE.search(names) is None:
        return names
    start = stamp_start(names, find_dates(names, reference=_LOCATING_REFERENCE))
    return names[:start].strip(NAME_EDGES) if start else names


_DIGIT_RE = re.compile(r"\d")
# A relative stamp ("منذ 3 ساعات") is found only against a reference; where a stamp stands is
# all a byline's reading needs, never its value, so any reference will do.
_LOCATING_REFERENCE = datetime(2020, 1, 1)
# What may stand between the dates of a stamp that closes a line, and after the last one:
# spaces and the separators of a meta line ("12 مايو 2024 | 10:30", "السبت، 10 أغسطس").
_STAMP_GAP = NAME_EDGES + "،,"


def stamp_start(line: str, dates: Sequence[ParsedDate]) -> int | None:
    """Where the stamp printed after a credit starts in ``line`` (``dates`` are
    ``find_dates(line)``): at the label of its first labelled date (the date engine's label
    rule: "… نشر في 12 مارس 2023", "… · Posted: …"), else at the first of the dates that close
    the line with nothing but separators between and after them ("بقلم أحمد علي - 12 مايو
    2024", "بواسطة: خالد منصور منذ 3 ساعات"). None when no stamp follows text of the line's
    own: a date inside a sentence is followed by more words, and a line that opens with its
    stamp has no credit before it."""
    labelled = next((d for d in dates if d.role is not None), None)
    if labelled is not None:
        return label_start(line, labelled) or None
    end = len(line)
    start: int | None = None
    for date in sorted(dates, key=lambda d: d.span, reverse=True):
        if line[date.span[1] : end].strip(_STAMP_GAP):
            break
        start = end = date.span[0]
    return start or None


def credit_before_stamp(line: str, dates: Sequence[ParsedDate]) -> tuple[Attribution, int] | None:
    """A credit with a stamp printed after it on one line ("بقلم أحمد علي - 12 مايو 2024",
    "كتب: أحمد علي | 12 مايو 2024", "الخرطوم: عثمان الطيب السبت, 10 أغسطس, 2024", "دبي - وام
    تاريخ النشر: …", "By Jane Doe · Posted: …"): the credit, read from the text before
    :func:`stamp_start` as a byline (:func:`parse_byline`) or a dateline's credit
    (:func:`dateline_credit`), and where the stamp starts. None when the line is not one."""
    start = stamp_start(line, dates)
    if start is None:
        return None
    credit = clean_text(line[:start].strip(_STAMP_GAP))
    if not credit or len(credit.split()) > MAX_BYLINE_WORDS:
        return None
    attribution = parse_byline(credit) or dateline_credit(credit)
    if attribution is None or not (attribution.authors or attribution.source):
        return None
    return attribution, start


def dateline_credit(text: str) -> Attribution | None:
    """An unlabelled credit with its place, a dash or a dateline's colon between them: a news
    agency ("دبي - وام" → source "وام") or a person's name ("الخرطوم: عثمان الطيب", "حسام أبو
    العلا - القاهرة": the name-and-place rule of :func:`is_place_byline`); None otherwise, and
    for a photo credit ("تصوير: كريم فوزي")."""
    parts = _PLACE_PARTS_RE.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    agency = agency_name(parts[1]) or agency_name(parts[0])
    if agency is not None:
        return Attribution(source=agency)
    dashed = " - ".join(parts)  # a colon after the place reads as the dash does
    if is_caption_text(text) or not is_place_byline(dashed):
        return None
    return Attribution(authors=(split_name_place(dashed),))


# A dateline's place and its credit: "دبي - وام", "الخرطوم: عثمان الطيب".
_PLACE_PARTS_RE = re.compile(r"\s[-–—ـ]+\s|(?<=\w)[:：]\s")


def split_trailing_credit(paragraph: str) -> tuple[str, str | None]:
    """Remove an agency credit ending a paragraph: "… الأخيرة. --(بترا)" → ("… الأخيرة.", "بترا").

    Only known agencies count, so a closing parenthesis in running text is left alone.
    """
    offset = max(len(paragraph) - TRAILING_CREDIT_WINDOW, 0)
    match = _TRAILING_CREDIT_RE.search(paragraph, offset)
    if match is None:
        return paragraph, None
    agency = agency_name(match.group(1) or match.group(2) or "")
    if agency is None:
        return paragraph, None
    return paragraph[: match.start()].rstrip(_CREDIT_LEAD_IN), agency


def leading_credit(paragraph: str) -> str | None:
    """The agency in a dateline credit that opens a paragraph ("عمان (بترا) - …"), or None."""
    match = _LEADING_CREDIT_RE.match(paragraph)
    return agency_name(match.group(1)) if match else None
