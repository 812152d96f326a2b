"""The article body: find its container, then turn it into clean blocks.

Container, first usable hit wins:

1. the ordered rules of ``data/html_body.toml`` (``itemprop=articleBody``, CMS/theme class
   vocabulary, ``<article>``, ``<main>``); a hit is usable when it holds at least
   :data:`MIN_CONTAINER_CHARS` of text with link density at most :data:`MAX_CONTAINER_LINK_DENSITY`;
   among hits of one rule the one with the most text wins;
2. a score over the chrome-stripped page (Readability-style): every paragraph-like element
   gives its parent points for length and for commas — Arabic ، ؛ ؟ included — and half to its
   grandparent; scores are scaled down by link density; the best element wins.

Blocks are then filtered (see :func:`filter_blocks`); if filtering ate most of the text the
unfiltered blocks are used instead (the safety valve, logged at DEBUG).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import NamedTuple

from lxml.etree import _Element

from .._byline import (
    Attribution,
    agency_name,
    credit_before_stamp,
    is_caption_folded,
    leading_credit,
    may_be_credit,
    read_credit_line,
    split_trailing_credit,
)
from .._dates import find_dates, is_date_label
from .._decide.evidence import BlockDraft, Credit
from .._decide.names import is_place_byline, is_role_line, looks_like_name, split_name_place
from .._decide.text_roles import (
    BLOCKS_READ_AFTER_BOX,
    MAX_INLINE_BOX_ITEMS,
    MIN_BOX_PROSE_WORDS,
    TEASER_LINK_SHARE,
    BoxRole,
    Prose,
    headings_without_text,
    inline_box_end,
    is_stamp_line,
    is_subheading,
    prose_of,
    teaser_runs,
)
from .._lexicon import chrome_lexicon, key_of_folded, match_key
from .._model import DEFAULT_MAX_LINE_CHARS, BlockKind
from .._text import clean_text, ends_like_sentence, fold, letters_key
from . import rules as tables
from .blocks import Blocks, walk_blocks
from .chrome import remove_chrome
from .index import TreeIndex
from .nearby import elements_after
from .parse import collapsed_length, text_content, text_length
from .rules import BodyRules, ContainerRule

__all__ = [
    "Body",
    "Column",
    "Container",
    "extract_body",
    "find_container",
    "scored_container",
    "with_standfirst",
]

logger = logging.getLogger("article_extract")

# A nested container hit holding this share of the outer hit's text is preferred to it.
INNER_CONTAINER_SHARE = 0.75
# A container hit with this many siblings of its own kind is one entry of a feed (a live
# blog's updates): the next rule finds the article around them.
MIN_REPEATED_SIBLINGS = 3
# A further part of a split body (a lead box, a later text box) holds at least this much text.
MIN_PART_CHARS = 40
# A standfirst under the headline (:func:`with_standfirst`) sits within this many elements of
# it (a kicker, a byline row and share buttons may come first)…
STANDFIRST_WINDOW = 30
# … and reads as prose: this many words, ending like a sentence, or this many without.
MIN_STANDFIRST_WORDS = 8
MIN_UNPUNCTUATED_STANDFIRST_WORDS = 15
# A paragraph in an element this many levels up whose class names an author is a bio.
AUTHOR_BOX_LEVELS = 3
# A paragraph inside these is a caption or the page's furniture, not the standfirst.
_STANDFIRST_OUTSIDE = frozenset({"figure", "figcaption", "nav", "aside", "footer", "li"})
# Less text than this is a teaser or a caption box, not an article container.
MIN_CONTAINER_CHARS = 140
# A container that is mostly link text is a list of links (related, menus).
MAX_CONTAINER_LINK_DENSITY = 0.5
# Paragraph-like elements shorter than this carry no signal for the score.
MIN_SCORED_CHARS = 25
# Score points per 100 characters of a paragraph, capped (Readability's rule).
MAX_LENGTH_POINTS = 3
# A block whose text is mostly inside links is navigation or a related-article teaser.
MAX_BLOCK_LINK_DENSITY = 0.6
# Bylines, credits and captions are short; a longer line is prose.
MAX_CREDIT_WORDS = 14
# The source named after a label alone ("المصدر:") is a name, not a sentence…
MAX_SOURCE_NAME_WORDS = 6
# … and the label itself a word or two.
MAX_SOURCE_LABEL_WORDS = 3
# A date's field label alone is a few words ("آخر تحديث", "Zuletzt aktualisiert am").
MAX_LABEL_WORDS = 4
# Only blocks this close to either end of the body are read as byline/credit lines.
EDGE_BLOCKS = 2
# A chrome line this short is a box heading ("اقرأ أيضا"): the linked lines after it are its…
MAX_CHROME_HEADING_WORDS = 8
# … when link text is more than this share of them (a paragraph with a linked name is text).
AFTER_CHROME_LINK_DENSITY = 0.3
# Tail markers ("مقالات ذات صلة") end the body only after this much prose was kept.
MIN_CHARS_BEFORE_TAIL = 150
# A mostly linked block of this many words is a teaser headline (a share bar's or a
# breadcrumb's links are a word or two).
MIN_TEASER_WORDS = 3
# Safety valve: if filtering keeps less than this share of the container's text, undo it.
SAFETY_VALVE_SHARE = 0.3

_COMMAS = ",،؛;"
_LETTER_RE = re.compile(r"[^\W\d_]")
_SCORED_TAGS = ("p", "td", "pre", "blockquote", "div", "section", "li")
# Inline children, whose text counts as their parent's own.
_INLINE_TAGS = ("a", "span", "b", "strong", "em", "i", "font")


class Column(NamedTuple):
    """The container's text as the page serves it (before chrome removal), each distinct text
    once: all of it, the part in blocks that are mostly links (teasers, one-link items), and
    the prose before its first linked teaser headline."""

    chars: int = 0
    linked_chars: int = 0
    lead: Prose = Prose(0, 0.0, 0)


class Body(NamedTuple):
    """The body's blocks, the credit lines (bylines, agency credits) found at its edges, and
    the shape of the column they came from (for the article-or-not verdict)."""

    blocks: tuple[BlockDraft, ...]
    credits: tuple[Credit, ...]
    column: Column = Column()


def _link_chars(element: _Element) -> int:
    return sum(len(" ".join(text_content(a).split())) for a in element.iter("a"))


def _usable(element: _Element) -> bool:
    length = text_length(element)
    if length < MIN_CONTAINER_CHARS:
        return False
    return _link_chars(element) / length <= MAX_CONTAINER_LINK_DENSITY


def _rule_hits(rule: ContainerRule, index: TreeIndex) -> list[_Element]:
    """Every element the rule names, in document order."""
    if rule.tag is not None:
        return list(index.root.iter(rule.tag))
    if rule.tokens is not None:
        return index.matching(rule.tokens)
    if rule.attribute is not None:
        attribute, wanted = rule.attribute, (rule.value or "").lower()
        return [
            e
            for e in index.with_attribute(attribute)
            if wanted in (e.get(attribute) or "").lower().split()
        ]
    return []


class Container(NamedTuple):
    """The body's container: one element, or several parts of one article in document order
    (themes that split the text into sibling "rich text" boxes). No part is inside another."""

    primary: _Element
    parts: tuple[_Element, ...]
    origin: str


def find_container(index: TreeIndex) -> Container | None:
    """The first usable container by the ordered rules; None when no rule hits.

    An element that several rules name counts as a hit of the first of them only."""
    rules = tables.body_rules()
    claimed: set[_Element] = set()
    for number, rule in enumerate(rules.containers):
        matches = [e for e in _rule_hits(rule, index) if e not in claimed]
        claimed.update(matches)
        usable = [e for e in matches if _usable(e)]
        if usable:
            primary = _innermost(max(usable, key=text_length), usable)
            if _repeated(primary, matches):
                continue  # the rule names the items of a feed (a live blog's entries)
            parts = _sibling_parts(primary, matches)
            lead = _lead_part(primary, parts, rules, index)
            if lead is not None:
                parts.append(lead)
            parts.sort(key=lambda e: index.position.get(e, 0))
            return Container(primary, tuple(parts), f"rule{number}")
    return None


def _repeated(primary: _Element, hits: list[_Element]) -> bool:
    """Does ``primary`` have :data:`MIN_REPEATED_SIBLINGS` siblings among the rule's hits, of
    its own tag and class? Then the rule found the entries of a feed, not the article."""
    parent = primary.getparent()
    if parent is None:
        return False
    shape = (primary.tag, primary.get("class"))
    siblings = sum(
        1
        for h in hits
        if h is not primary and h.getparent() is parent and (h.tag, h.get("class")) == shape
    )
    return siblings >= MIN_REPEATED_SIBLINGS


def _innermost(best: _Element, hits: list[_Element]) -> _Element:
    """A hit nested in ``best`` that holds nearly all its text is the tighter container
    ("main-article-content" around "main-article-body" plus the title and the photo)."""
    total = text_length(best)
    inner = [h for h in hits if h is not best and best in h.iterancestors()]
    inner = [h for h in inner if text_length(h) >= INNER_CONTAINER_SHARE * total]
    return max(inner, key=lambda h: sum(1 for _ in h.iterancestors())) if inner else best


def _lead_part(
    primary: _Element,
    parts: list[_Element],
    rules: BodyRules,
    index: TreeIndex,
) -> _Element | None:
    """The standfirst above the body in the same ``<article>``, when it is outside every part."""
    scope = next((a for a in primary.iterancestors() if a.tag == "article"), None)
    if scope is None:
        return None
    position = index.position
    start = position.get(primary, 0)
    for element in scope.iter():
        if element is primary or position.get(element, start) >= start:
            break
        if not isinstance(element.tag, str) or rules.lead.match(index.tokens_of(element)) is None:
            continue
        length = text_length(element)
        if not MIN_PART_CHARS <= length <= rules.lead_max_chars or element.find(".//a") is not None:
            continue
        if any(
            p in set(element.iterancestors()) or element in set(p.iterancestors()) for p in parts
        ):
            continue
        return element
    return None


def with_standfirst(container: Container, headline: _Element, index: TreeIndex) -> Container:
    """``container`` with the standfirst printed right under the displayed headline, above the
    container and outside it, as its first part (a theme that prints the lead in the header,
    beside the headline, with no telling class name).

    The standfirst is the first ``<p>`` among the :data:`STANDFIRST_WINDOW` elements after
    the headline that reads as prose (at least :data:`MIN_STANDFIRST_WORDS` words, ending like
    a sentence or :data:`MIN_UNPUNCTUATED_STANDFIRST_WORDS` long), holds no link, is not chrome
    and sits in no figure or page furniture."""
    position = index.position
    start = min((position.get(part, 0) for part in container.parts), default=0)
    here = position.get(headline)
    if here is None or here >= start:
        return container
    for element in islice(elements_after(headline), STANDFIRST_WINDOW):
        if position.get(element, start) >= start:
            break
        if element.tag == "p" and _reads_as_standfirst(element, container, index):
            return container._replace(parts=(element, *container.parts))
    return container


def _reads_as_standfirst(element: _Element, container: Container, index: TreeIndex) -> bool:
    if element.find(".//a") is not None:
        return False
    if any(a.tag in _STANDFIRST_OUTSIDE for a in element.iterancestors()):
        return False
    # A writer's bio in an author box ("author-bio", inside "author-box") is not the lead.
    author = tables.meta_rules().author_tokens
    boxes = (element, *islice(element.iterancestors(), AUTHOR_BOX_LEVELS))
    if any(author.match(index.tokens_of(box)) is not None for box in boxes):
        return False
    text = clean_text(text_content(element))
    words = len(text.split())
    if not MIN_PART_CHARS <= len(text) <= tables.body_rules().lead_max_chars:
        return False
    if words < MIN_STANDFIRST_WORDS or (
        words < MIN_UNPUNCTUATED_STANDFIRST_WORDS and not ends_like_sentence(text)
    ):
        return False
    if chrome_lexicon().is_chrome(text) or is_stamp_line(text) or is_role_line(text):
        return False
    return not any(element in set(part.iterancestors()) for part in container.parts)


def _sibling_parts(primary: _Element, hits: list[_Element]) -> list[_Element]:
    """Other hits of the same rule inside the same ``<article>`` as ``primary``."""
    scope = next((a for a in primary.iterancestors() if a.tag == "article"), None)
    if scope is None:
        return [primary]
    parts = [primary]
    for hit in hits:
        if hit is primary or scope not in hit.iterancestors():
            continue
        ancestors = set(hit.iterancestors())
        if primary in ancestors or any(p in ancestors for p in parts):
            continue
        if hit in set(primary.iterancestors()):
            continue
        if text_length(hit) >= MIN_PART_CHARS:
            parts = [p for p in parts if hit not in set(p.iterancestors())] + [hit]
    return parts


def _own_text_length(element: _Element, at_most: int | None = None) -> int:
    """Text directly in the element (not in child blocks), whitespace collapsed: its text, its
    children's tails, then its inline children's text (what a <br>-body div holds).

    With ``at_most``, a longer text counts as ``at_most``, and the tails are read only until
    those read hold that much (such a div may have 100,000 children): the text read so far is
    measured each time its raw length doubles past ``at_most``, and can only grow."""
    parts = [element.text or ""]
    raw = len(parts[0])
    measure_at = at_most or 0
    for child in element:
        if at_most is not None and raw >= measure_at:
            if collapsed_length("".join(parts)) >= at_most:
                return at_most
            measure_at = 2 * raw
        tail = child.tail
        if tail:
            parts.append(tail)
            raw += len(tail)
    parts += [text_content(c) for c in element.iterchildren(*_INLINE_TAGS)]
    length = len(" ".join("".join(parts).split()))
    return length if at_most is None else min(length, at_most)


def score_container(root: _Element) -> _Element | None:
    """The element with the best paragraph score (module docstring, rule 2)."""
    scores: dict[_Element, float] = {}
    for element in root.iter(*_SCORED_TAGS):
        if element.tag in ("div", "section", "li"):
            length = _own_text_length(element, at_most=100 * MAX_LENGTH_POINTS)
        else:
            length = text_length(element)
        if length < MIN_SCORED_CHARS:
            continue
        text = text_content(element)
        points = 1 + sum(text.count(c) for c in _COMMAS) + min(length // 100, MAX_LENGTH_POINTS)
        parent = element.getparent()
        if element.tag in ("div", "section"):
            scores[element] = scores.get(element, 0.0) + points
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + points
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0.0) + points / 2
    best: _Element | None = None
    best_score = 0.0
    for element, score in scores.items():
        length = max(text_length(element), 1)
        final = score * (1 - min(_link_chars(element) / length, 1.0))
        if final > best_score:
            best, best_score = element, final
    return best


def scored_container(index: TreeIndex, best_as_it_came: _Element | None) -> Container | None:
    """The best-scored element (rule 2), after removing chrome from the whole page (so the
    stages that read the page as it came must run before this one); None when nothing scores.

    ``best_as_it_came`` is :func:`score_container` of the page before that removal: a page that
    loses nothing to it scores the same, and is not scored again."""
    removed = remove_chrome(index.root, tables.chrome_rules(), index)
    best = score_container(index.root) if removed else best_as_it_came
    return Container(best, (best,), "score") if best is not None else None


def _has_letters(text: str) -> bool:
    return _LETTER_RE.search(text) is not None


def _has_digits(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


class _LineReading(NamedTuple):
    """What a block's text says as a line, read once per distinct text."""

    line: bool  # a line of prose (a data table's row is not)
    folded: str
    key: str  # the lexicon key (``_lexicon.match_key``)
    words: int
    stamp: bool  # a date stamp
    byline: Attribution | None  # read when the line may be a byline or a credit
    source_label: bool  # a source label alone ("المصدر:"): the next block names the source


def _read_line(text: str, line: bool) -> _LineReading:
    """The reading of a block's ``text``; ``line`` is False for a data table's row."""
    folded = fold(text)
    key = key_of_folded(folded)
    words = len(text.split())
    if not line:
        return _LineReading(line, folded, key, words, False, None, False)
    # Byline and source-label readings from one split of the line's words.
    may_credit = words <= MAX_CREDIT_WORDS and may_be_credit(text, key)
    byline, source_label = None, False
    if may_credit or words <= MAX_SOURCE_LABEL_WORDS:
        byline, source_label = read_credit_line(
            text, folded, label_alone=words <= MAX_SOURCE_LABEL_WORDS
        )
    byline = byline if may_credit else None
    # A stamp's field label on its own ("آخر تحديث") counts as one.
    stamp = is_stamp_line(text) or (words <= MAX_LABEL_WORDS and is_date_label(text))
    if stamp and byline is None and _has_digits(text):
        # A credit the stamp closes, unlabelled ("الرباط - نبض المغرب | 2024-01-22 12:00").
        credited = credit_before_stamp(text, find_dates(text))
        byline = credited[0] if credited is not None else None
    return _LineReading(line, folded, key, words, stamp, byline, source_label)


@dataclass(slots=True)
class _FilterState:
    kept: list[BlockDraft] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    kept_chars: int = 0
    credits: list[Credit] = field(default_factory=list)
    after_chrome_heading: bool = False
    named_by_label: int = -1  # the block a source label ("المصدر:") named


def filter_blocks(
    raw: Blocks,
    title: str | None,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
) -> Body:
    """Drop chrome, captions, credits, bylines and repeats; label subheadings. A block longer
    than ``max_line_chars`` is text: never chrome, a caption, a stamp or a byline.

    Returns the kept blocks and the credits read on byline and credit lines.
    """
    lexicon = chrome_lexicon()
    title_k = letters_key(title) if title else ""
    state = _FilterState()
    count = len(raw)
    # A page repeats its labels, menus and separators: each distinct text is read once (these
    # caches live for this call only). Folding is the costly part of a reading.
    read_line = cache(_read_line)
    is_chrome, is_tail = cache(lexicon.is_chrome_key), cache(lexicon.is_tail_marker_key)
    is_widget, is_caption = cache(lexicon.is_widget_key), cache(is_caption_folded)
    has_letters, place_byline = cache(_has_letters), cache(is_place_byline)
    texts = raw.texts
    # A data table's row is not a line: never a stamp, a byline or a source label.
    lines = [kind != "table_row" for kind in raw.kinds]
    readings = list(map(read_line, texts, lines))  # the cache's lookups run in C
    teasers = teaser_runs(texts, [r.stamp or r.byline is not None for r in readings]).lines
    repeats = raw.repeats()
    teaser_positions = sorted(teasers)
    repeat = -1  # the last block dropped as a repeat of a kept one
    positions = iter(range(count))
    for index in positions:
        if index in teasers:
            continue
        if (
            repeat == index - 1
            and index < count - EDGE_BLOCKS
            and index != state.named_by_label
            and repeats[index]
        ):
            # The block before it again, read in the same state (dropping a repeat changes
            # none) and away from the end, where rules read the position: a repeat too, and
            # so is each block after it that repeats it, up to that end or the next teaser.
            repeat = _run_end(repeats, index, count - EDGE_BLOCKS, teaser_positions) - 1
            _skip(positions, repeat - index)
            continue
        text = texts[index]
        reading = readings[index]
        # No letters: a separator or a counter, unless a data table's row of numbers.
        if not has_letters(text) and (reading.line or not _has_digits(text)):
            continue
        key = reading.key
        # Line-role tests read prose lines: a data table's row is neither chrome nor a stamp.
        short = len(text) <= max_line_chars and reading.line
        if short and state.kept_chars >= MIN_CHARS_BEFORE_TAIL and is_tail(key):
            after = range(
                index + 1, min(index + 1 + MAX_INLINE_BOX_ITEMS + BLOCKS_READ_AFTER_BOX, count)
            )
            box = inline_box_end([_box_role(raw, readings[i], i in teasers, i) for i in after])
            if box is None:
                break
            _skip(positions, box)  # a box of links inside the article: the text goes on
            continue
        if short and is_chrome(key):
            state.after_chrome_heading = reading.words <= MAX_CHROME_HEADING_WORDS
            continue
        if short and is_widget(key, text):  # "Duration 1:30", "Artikel zum Hören"
            continue
        link_density = raw.link_density(index)
        if link_density > MAX_BLOCK_LINK_DENSITY:
            continue
        if state.after_chrome_heading and link_density > AFTER_CHROME_LINK_DENSITY:
            continue
        state.after_chrome_heading = False
        at_edge = len(state.kept) < EDGE_BLOCKS or index >= count - EDGE_BLOCKS
        attribution = reading.byline
        if short and reading.stamp:
            if at_edge and attribution is not None:
                # A credit with its stamp ("تصوير وإعداد: محمد علي — نشر في 12 مارس 2023"):
                # read as both (the date from the page's stamp evidence).
                state.credits.append(Credit("body", attribution.authors, attribution.source))
            continue
        if short and is_caption(reading.folded, reading.words):
            continue
        if index == state.named_by_label:
            continue
        if short and reading.source_label:  # the next block names the source
            named = texts[index + 1] if index + 1 < count else ""
            if named and len(named.split()) <= MAX_SOURCE_NAME_WORDS:
                state.credits.append(Credit("body", source=agency_name(named) or named))
                state.named_by_label = index + 1
            continue
        if short and at_edge and attribution is not None:
            state.credits.append(Credit("body", attribution.authors, attribution.source))
            continue
        if short and at_edge and raw.timed[index] and reading.words <= MAX_CREDIT_WORDS:
            # A short line around a <time> element at the body's edge is the page's stamp
            # ("آخر تحديث: 16:40", "بدأت التغطية: …"), whatever its label says.
            continue
        if short and at_edge and place_byline(text):
            # An unlabelled byline with its place: "الدمام - فهد القحطاني".
            state.credits.append(Credit("body", (split_name_place(text),)))
            continue
        if short and at_edge and _bio_of_byline(texts, readings, index):
            continue
        if index >= count - EDGE_BLOCKS:
            text, agency = split_trailing_credit(text)
            if agency:
                state.credits.append(Credit("body", source=agency))
                if not _has_letters(text):
                    continue
                key = match_key(text)
        if title_k and len(state.kept) < EDGE_BLOCKS and letters_key(text) == title_k:
            continue
        if key in state.seen:
            repeat = index
            continue
        state.seen.add(key)
        following = texts[index + 1] if index + 1 < count else None
        kind = raw.kinds[index]
        subheading = is_subheading(text, following, set_apart=raw.set_apart[index])
        if kind == "paragraph" and state.kept and subheading:
            kind = "heading"
        state.kept.append(BlockDraft(kind, text))
        state.kept_chars += len(text)
    stray = headings_without_text([block.kind for block in state.kept])
    kept = [block for position, block in enumerate(state.kept) if position not in stray]
    if kept:
        opening = leading_credit(kept[0].text)
        if opening is not None:
            state.credits.append(Credit("body", source=opening))
    return Body(tuple(kept), tuple(state.credits))


def _bio_of_byline(texts: Sequence[str], readings: Sequence[_LineReading], index: int) -> bool:
    """Is block ``index`` the role or one-line bio of the byline beside it (an author box's
    "كاتبة وباحثة في الشؤون الاقتصادية" under the name)? Only beside a block that reads as a
    person's name or a byline: alone, a short line may open with "كاتب" and be the text's."""
    if not is_role_line(texts[index]):
        return False
    beside = (i for i in (index - 1, index + 1) if 0 <= i < len(texts))
    return any(readings[i].byline is not None or looks_like_name(texts[i]) for i in beside)


def _lead(blocks: dict[str, tuple[BlockKind, int]]) -> Iterator[tuple[BlockKind, str]]:
    """The kind and text of the ``blocks`` (text → kind and link characters, in order) before
    the first linked teaser headline."""
    for text, (kind, link_chars) in blocks.items():
        if link_chars >= TEASER_LINK_SHARE * len(text) and len(text.split()) >= MIN_TEASER_WORDS:
            return
        yield kind, text


def _box_role(raw: Blocks, reading: _LineReading, teaser: bool, index: int) -> BoxRole:
    """What block ``index`` is after an end-of-article marker (see ``inline_box_end``)."""
    link_density = raw.link_density(index)
    if teaser or link_density > AFTER_CHROME_LINK_DENSITY:
        return "item"
    text = raw.texts[index]
    if (
        raw.kinds[index] == "paragraph"
        and reading.words >= MIN_BOX_PROSE_WORDS
        and ends_like_sentence(text)
    ):
        return "prose"
    return "other"


def _run_end(repeats: list[bool], start: int, stop: int, teasers: list[int]) -> int:
    """The first block after ``start`` that does not repeat the one before it, is a teaser
    (``teasers``: sorted) or is ``stop`` (``repeats``: :meth:`Blocks.repeats`)."""
    later = bisect_right(teasers, start)
    if later < len(teasers):
        stop = min(stop, teasers[later])
    try:
        return repeats.index(False, start + 1, stop)  # a scan in C
    except ValueError:
        return stop


def _skip(positions: Iterator[int], count: int) -> None:
    """Move ``positions`` past its next ``count`` positions."""
    next(islice(positions, count, count), None)


def extract_body(
    title: str | None,
    container: Container,
    index: TreeIndex,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
) -> Body:
    """The body from ``container`` (module docstring). Removes chrome from the container's
    parts: stages that read the tree as the page gave it run before this one."""
    body_rules, chrome_rules = tables.body_rules(), tables.chrome_rules()
    clean = cache(clean_text)  # each distinct line cleaned once, whichever walk reads it
    unfiltered = [walk_blocks(part, body_rules, clean) for part in container.parts]
    removed = [remove_chrome(part, chrome_rules, index) for part in container.parts]
    # Parts never nest (see Container), so a part that lost nothing reads as before.
    raw = Blocks.joined(
        walk_blocks(part, body_rules, clean) if count else blocks
        for part, count, blocks in zip(container.parts, removed, unfiltered, strict=True)
    )
    body = filter_blocks(raw, title, max_line_chars)
    origin = container.origin
    # Prose, not links: a container that is half related-links legitimately loses that half.
    # Each distinct text once (its first block): repeats are layout (filtering drops them), not
    # text lost.
    prose: dict[str, tuple[BlockKind, int]] = {}
    for blocks in unfiltered:
        for kind, text, link_chars in zip(
            blocks.kinds, blocks.texts, blocks.link_chars, strict=True
        ):
            if text not in prose and _has_letters(text):
                prose[text] = (kind, link_chars)
    before = sum(len(text) - link_chars for text, (_, link_chars) in prose.items())
    after = sum(len(b.text) for b in body.blocks)
    column = Column(
        sum(map(len, prose)),
        sum(
            len(text)
            for text, (_, link_chars) in prose.items()
            if link_chars > MAX_BLOCK_LINK_DENSITY * len(text)
        ),
        prose_of(_lead(prose)),
    )
    if before and after < SAFETY_VALVE_SHARE * before:
        # The valve undoes removal that went too far (a class name that looked like chrome, a
        # label opening every paragraph); a notice (cookies, copyright) is never text.
        is_notice = chrome_lexicon().is_notice
        restorable = {t: kind_links for t, kind_links in prose.items() if not is_notice(t)}
        before = sum(len(text) - link_chars for text, (_, link_chars) in restorable.items())
        if before and after < SAFETY_VALVE_SHARE * before:
            logger.debug(
                "chrome removal kept %d of %d characters in the %s container; using it unfiltered",
                after,
                before,
                origin,
            )
            return Body(
                tuple(BlockDraft(kind, text) for text, (kind, _) in restorable.items()),
                body.credits,
                column,
            )
    return body._replace(column=column)
