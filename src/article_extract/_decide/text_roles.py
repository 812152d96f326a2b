"""What a short piece of text is, by its wording: a date stamp or an in-body subheading.

The input paths ask these questions of their lines and blocks, so the answers are defined
once here (captions and credit lines: :mod:`article_extract._byline`):

* :func:`is_stamp_line` — a short line that is mostly a date ("تم نشره الجمعة 24 أبريل 2020
  09:22 مساءً", "Bruselas - 15 oct 2024 - 08:22"), carries a labelled one ("Posted: …") or
  closes a credit with one ("بقلم أحمد علي - 12 مايو 2024", read by
  ``_byline.credit_before_stamp``), not a sentence that mentions one;
* :func:`is_subheading` — a short line set apart from the text (its own line, bold, or cut by
  ``<br>``) that does not end like a sentence and introduces a longer paragraph;
* :func:`teaser_runs` — lists of other stories inside or after the text, whatever their
  markup: a run of short headline lines each followed by its date or byline line;
* :data:`TEASER_LINK_SHARE` — a heading or line that is at least this much link text is a
  linked teaser headline (HTML headings, Markdown lines);
* :func:`headings_without_text` — in-body headings that introduce no text: a run of them (a
  tag cloud, a menu set as headings) or those after the body's last paragraph;
* :func:`prose_of` / :func:`is_thin` — how much of a body reads as prose (sentences and
  words of its paragraphs, quotes and list items), and whether that is less than a body;
* :func:`inline_box_end` — whether an end-of-article marker ("Mehr zum Thema", "Related
  articles") heads a box inside the article instead: a few linked headlines, then the text
  goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import pairwise
from typing import Literal, NamedTuple

from .._byline import credit_before_stamp
from .._dates import ParsedDate, find_dates
from .._text import ends_like_sentence
from .titles import headline_words

__all__ = [
    "BLOCKS_READ_AFTER_BOX",
    "MAX_INLINE_BOX_ITEMS",
    "MAX_STAMP_WORDS",
    "MAX_SUBHEADING_WORDS",
    "MIN_BODY_SENTENCES",
    "MIN_BODY_WORDS",
    "MIN_BOX_PROSE_WORDS",
    "MIN_TEASER_RUN",
    "TEASER_LINK_SHARE",
    "BoxRole",
    "Prose",
    "Teasers",
    "headings_without_text",
    "inline_box_end",
    "is_stamp_line",
    "is_subheading",
    "is_thin",
    "prose_of",
    "stamp_coverage",
    "teaser_runs",
]

# A date stamp is one short line; a longer one is a sentence that mentions a date.
MAX_STAMP_WORDS = 24
# Share of a short line its dates must cover for it to be a stamp rather than a sentence.
STAMP_COVERAGE = 0.45
# An in-body subheading is short.
MAX_SUBHEADING_WORDS = 12
# ... and the paragraph after it at least this many times longer.
SUBHEADING_FOLLOWER_RATIO = 2
# A teaser headline is short…
MAX_TEASER_HEADLINE_WORDS = 20
# … and it takes this many headline-and-date (or byline) pairs in a row to make a list.
MIN_TEASER_RUN = 3
# A teaser's date and byline lines: at most this many under each headline.
MAX_TEASER_META_LINES = 2
# A heading or line whose text is at least this share link text is a linked teaser headline.
TEASER_LINK_SHARE = 0.7
# This many headings in a row, with no text between them, are not the article's outline.
MIN_HEADING_RUN = 3
# A box of related links inside the article holds at most this many entries…
MAX_INLINE_BOX_ITEMS = 8
# … and the article goes on after it: of the next blocks read, this many are its prose and
# none is another entry (a teaser list alternates linked headlines and their summaries).
PROSE_AFTER_BOX = 2
BLOCKS_READ_AFTER_BOX = 3
# Prose there: an unlinked paragraph of at least this many words that ends like a sentence.
MIN_BOX_PROSE_WORDS = 8
# A subheading ending in one of these is a clause or a list lead-in, not a heading.
_CLAUSE_ENDS = frozenset(",،;؛")
# A body is prose: at least this many sentences, or this many words of them (one long
# sentence of a paywalled teaser). A video's one-line description, a writer's bio, a table's
# note or a gallery's captions are less.
MIN_BODY_SENTENCES = 2
MIN_BODY_WORDS = 40
# A block is prose when it ends like a sentence and has this many words, or is this long
# whatever its end (sites that leave the final stop out)…
MIN_SENTENCE_WORDS = 4
MIN_UNPUNCTUATED_PROSE_WORDS = 15
# Sentences and words are counted in a block's first this many characters: more than the
# thresholds above ever need, and a block of megabytes is not split into every word.
PROSE_READ_CHARS = 2000

# A sentence ends at one of these marks before a space, a closing quote or the text's end (a
# decimal point or an abbreviation's dot inside a word is no end); CJK full stops end one
# wherever they stand.
_SENTENCE_END_RE = re.compile(r"[.!?؟…](?=[\s\"'”’»)\]]|$)|[。！？]")
_PROSE_KINDS = frozenset({"paragraph", "quote", "list_item"})


def stamp_coverage(text: str, dates: Sequence[ParsedDate]) -> float:
    """Share of ``text`` that the date expressions (found in ``text``) cover."""
    covered = sum(d.span[1] - d.span[0] for d in dates)
    return min(1.0, covered / len(text)) if text else 0.0


def is_stamp_line(text: str, dates: Sequence[ParsedDate] | None = None) -> bool:
    """Is ``text`` a date stamp — mostly a date, a short line (byline and all) with a
    labelled date ("Jane Doe · CBC News · Posted: Aug 08, 2024 4:00 AM EDT | Updated …") that
    does not end like a sentence, or a credit with the dates that close the line after it
    ("كتب: أحمد علي | 12 مايو 2024")? ``dates`` are ``find_dates(text)`` when the caller has
    them."""
    if len(text.split()) > MAX_STAMP_WORDS:
        return False
    if dates is None:
        if not any(ch.isdigit() for ch in text):
            return False
        dates = find_dates(text)
    if not dates:
        return False
    if stamp_coverage(text, dates) >= STAMP_COVERAGE:
        return True
    if any(d.role for d in dates) and not ends_like_sentence(text):
        return True
    # A credit and the stamp after it ("بقلم أحمد علي - 12 مايو 2024", "الرباط - نبض المغرب |
    # 2024-01-22 12:00"): a sentence that ends with a date opens with no credit.
    return credit_before_stamp(text, dates) is not None


def is_subheading(text: str, following: str | None, *, set_apart: bool) -> bool:
    """Is ``text`` an in-body subheading before the block ``following``?"""
    words = text.split()
    if not set_apart or not words or len(words) > MAX_SUBHEADING_WORDS:
        return False
    if ends_like_sentence(text) or text[-1] in _CLAUSE_ENDS:
        return False
    return following is not None and len(following) >= SUBHEADING_FOLLOWER_RATIO * len(text)


def _teaser_headline(text: str) -> bool:
    # Split no further than the limit: a line of megabytes would be held as every word at once.
    words = len(text.split(maxsplit=MAX_TEASER_HEADLINE_WORDS))
    return 0 < words <= MAX_TEASER_HEADLINE_WORDS and not ends_like_sentence(text)


class Teasers(NamedTuple):
    """What :func:`teaser_runs` found: the positions of every line of the teasers (headline,
    meta lines, summary) and how many teasers they are."""

    lines: frozenset[int]
    total: int


_NO_TEASERS = Teasers(frozenset(), 0)


def teaser_runs(
    lines: Sequence[str],
    meta: Sequence[bool],
    stamps: Sequence[datetime | None] | None = None,
) -> Teasers:
    """Lists of other stories: at least :data:`MIN_TEASER_RUN` teasers in a row, each a short
    headline line followed by one or two meta lines (``meta[i]``: line ``i`` is a date stamp or
    a byline) and, when the next teaser follows it, the teaser's summary (a line that is no
    headline: a section front's or a search's results). The last teaser's summary is not
    taken: an article's headline and stamp after a list of teasers open its text.

    ``stamps[i]``, when given, is the time meta line ``i`` states (naive): a run whose every
    teaser is dated later than the one before is a chronology — a timeline's entries, a live
    blog read oldest first —, not a list (lists put the newest first). One linear pass."""
    if not any(meta):  # most bodies: no teaser without a meta line, and no line to read
        return _NO_TEASERS
    found: set[int] = set()
    count = len(lines)
    starts = _teaser_starts(lines, meta)
    run: list[int] = []
    heads: list[int] = []
    total = 0

    def close() -> None:
        nonlocal total
        if len(heads) >= MIN_TEASER_RUN and not _chronology(heads, stamps):
            found.update(run)
            total += len(heads)
        run.clear()
        heads.clear()

    position = 0
    while position < count:
        following = starts.get(position)
        if following is not None:
            # A summary between this teaser and the next one is the teaser's.
            if following + 1 in starts and not _teaser_headline(lines[following]):
                following += 1
            run.extend(range(position, following))
            heads.append(position)
            position = following
            continue
        close()
        position += 1
    close()
    return Teasers(frozenset(found), total)


def _chronology(heads: Sequence[int], stamps: Sequence[datetime | None] | None) -> bool:
    """Is every teaser (headline at each of ``heads``, its meta lines below) dated later than
    the one before?"""
    if stamps is None:
        return False
    below = range(1, MAX_TEASER_META_LINES + 1)
    times = [
        next((t for t in (stamps[h + at] for at in below if h + at < len(stamps)) if t), None)
        for h in heads
    ]
    return all(
        earlier is not None and later is not None and later > earlier
        for earlier, later in pairwise(times)
    )


def _teaser_starts(lines: Sequence[str], meta: Sequence[bool]) -> dict[int, int]:
    """Where a teaser's headline stands, and where the line after its meta lines does: a short
    headline line followed by one or two meta lines. Only the lines before a meta line are
    read (most lines have none after them)."""
    starts: dict[int, int] = {}
    for at in range(1, len(lines)):
        if not meta[at] or meta[at - 1]:
            continue
        following = at + 1
        while following < len(lines) and following - at < MAX_TEASER_META_LINES:
            if not meta[following]:
                break
            following += 1
        if _teaser_headline(lines[at - 1]):
            starts[at - 1] = following
    return starts


# What a block after an end-of-article marker is, for :func:`inline_box_end`: an ``item`` of a
# box (a linked headline, a teaser), ``prose`` of the article (an unlinked paragraph of
# :data:`MIN_BOX_PROSE_WORDS` that ends like a sentence), or ``other`` (a subheading, a caption…).
BoxRole = Literal["item", "prose", "other"]


def inline_box_end(roles: Sequence[BoxRole]) -> int | None:
    """Where the article resumes after an end-of-article marker, given the ``roles`` of the
    blocks after it (at least ``MAX_INLINE_BOX_ITEMS + BLOCKS_READ_AFTER_BOX`` of them, when
    the page has as many): the position of the first block after the marker's box when the
    marker heads 1 to :data:`MAX_INLINE_BOX_ITEMS` items followed by the article's prose;
    None when the marker ends the article. Sites put "Mehr zum Thema" or "Related" boxes
    between two paragraphs, and the same words under the text."""
    items = 0
    while items < len(roles) and roles[items] == "item":
        items += 1
    if not 1 <= items <= MAX_INLINE_BOX_ITEMS:
        return None
    after = roles[items : items + BLOCKS_READ_AFTER_BOX]
    if not after or after[0] != "prose" or "item" in after:
        return None
    return items if after.count("prose") >= PROSE_AFTER_BOX else None


def headings_without_text(kinds: Sequence[str]) -> set[int]:
    """Positions of the headings (``kinds[i] == "heading"``) among a body's blocks that
    introduce no text: each of a run of :data:`MIN_HEADING_RUN` or more (the page's tags or a
    menu set as headings), and each after the last block that is not a heading. A subheading
    introduces the paragraph after it, as :func:`is_subheading` asks of a line."""
    stray: set[int] = set()
    run: list[int] = []
    for position, kind in enumerate((*kinds, "")):  # "" ends the last run
        if kind == "heading":
            run.append(position)
            continue
        if len(run) >= MIN_HEADING_RUN or (run and position == len(kinds)):
            stray.update(run)
        run = []
    return stray


class Prose(NamedTuple):
    """How much of a body reads as prose: sentences, words (CJK: two characters a word) and
    characters of its prose blocks."""

    sentences: int
    words: float
    chars: int


def prose_of(blocks: Iterable[tuple[str, str]], enough_words: float = MIN_BODY_WORDS) -> Prose:
    """The prose in ``blocks`` (kind and text of each): paragraphs, quotes and list items that
    read as sentences, and headings that are a long sentence (a standfirst set as one); table
    rows, captions, headlines and headline lines are none. Sentences and words are counted in
    each block's first :data:`PROSE_READ_CHARS` characters, and blocks only until the body is
    prose by both measures (:data:`MIN_BODY_SENTENCES` sentences and ``enough_words`` words: a
    caller that compares the words with a higher bound says so)."""
    sentences, words, chars = 0, 0.0, 0
    for kind, text in blocks:
        if kind not in _PROSE_KINDS and kind != "heading":
            continue
        text = text.strip()
        head = text[:PROSE_READ_CHARS]
        count = headline_words(head)
        sentence = ends_like_sentence(text)
        if kind == "heading":
            # A standfirst set as a heading is a long sentence; a headline is neither.
            if not (sentence and count >= MIN_UNPUNCTUATED_PROSE_WORDS):
                continue
        elif count < MIN_UNPUNCTUATED_PROSE_WORDS and not (
            sentence and count >= MIN_SENTENCE_WORDS
        ):
            continue
        sentences += max(1, len(_SENTENCE_END_RE.findall(head)))
        words += count
        chars += len(text)
        if sentences >= MIN_BODY_SENTENCES and words >= enough_words:
            break  # prose by every measure: a long body is not read to its end
    return Prose(sentences, words, chars)


def is_thin(prose: Prose) -> bool:
    """Is ``prose`` less than a body: under :data:`MIN_BODY_SENTENCES` sentences and
    :data:`MIN_BODY_WORDS` words?"""
    return prose.sentences < MIN_BODY_SENTENCES and prose.words < MIN_BODY_WORDS
