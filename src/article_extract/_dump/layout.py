"""Where things are in a dump: the body's line span, and the header above it.

A news page's visible text has a stable order whatever the site: chrome (menus, tickers),
then a header cluster (breadcrumb, section, title, date, byline, image caption), then the body
paragraphs, then end-of-article chrome (tags, share, related lists, comments, footer).

* The body is the line span with the highest score, where sentence-like lines score their
  length and everything else (menu items, headlines, dates, chrome) costs a little — the
  maximum-sum segment, cut at end-of-article markers ("مقالات ذات صلة", "التعليقات"…).
  A box inside the body costs as one interruption, not line by line: an "اقرأ أيضا" marker
  and its headlines, an end-of-article marker over a few headlines with the text going on
  after them ("Mehr zum Thema" between two paragraphs: ``_decide.text_roles.inline_box_end``),
  or a short run of chrome between two paragraphs (a newsletter sign-up).
* The search reads what a line states (its dates, credits, chrome and caption flags) only when
  the span's score depends on it: a line whose text does not speak for the body is weighed only
  inside a run with a paragraph after it, and once even a bound from the lines' shapes (every
  line up to the next end-of-article marker speaking for the body) cannot beat the best span,
  the search skips to that marker. The span is the one the plain sum gives.
* The header is read backwards from the body's first line, within a small window.
* Images inside the span: a caption carries a photo credit; a text browser prints the image's
  alt text right above it (:func:`alt_text_lines`), which is no more body text than the caption.
* A live blog's feed (:func:`live_feeds`): entries, each opened by a line that is only a clock
  time ("16:40"), in time order. Those stamps, and the lines every entry repeats (its share
  row: "Share", "نسخ الرابط"), are the feed's furniture: they cost nothing in the span, do not
  end it, and are never text. The body starts at the feed's first entry (its headline), or
  at the key points above the feed: a run of sentences, under a short label ("أبرز
  المستجدات", "Key points"), that only the feed's controls (auto-update, sort order) part from
  the first entry (:func:`_live_blog_start`).

Lines read from Markdown carry their markup (:class:`.lines.Markup`): a teaser or menu line
(other stories, navigation) and a level-1 heading (the headline) cost like a short line
whatever their length, a mostly-linked line that is not a sentence never speaks for the body,
the line under an image that reads as its caption is one, and a table costs as one short line
whatever its rows say.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from .._decide.text_roles import (
    BLOCKS_READ_AFTER_BOX,
    MAX_INLINE_BOX_ITEMS,
    MIN_BOX_PROSE_WORDS,
    BoxRole,
    inline_box_end,
)
from .._text import letters_key
from .lines import MAX_LABEL_UNITS, Line

__all__ = [
    "BodySpan",
    "alt_text_lines",
    "find_body_span",
    "is_caption",
    "line_weight",
    "live_feeds",
    "speaks_for_body",
]

# A paragraph shorter than this (in words) is not enough to anchor the body on its own.
MIN_PARAGRAPH_UNITS = 6
# Sentence-like lines earn their length minus this: headline lists ("…؟", "…!") and one-line
# teasers stay near zero, real paragraphs (15–60 words) dominate.
PARAGRAPH_OFFSET = 6.0
# A question or exclamation this short is a headline (teaser lists), not a paragraph.
MAX_HEADLINE_QUESTION_UNITS = 14
# Cost of a short non-sentence line (menu item, headline, label) inside a candidate span:
# two or three of them between paragraphs (subheadings, a caption) must not split the body.
SHORT_LINE_COST = 3.0
# Cost of a chrome line: one is tolerated inside the body (an inline "اقرأ أيضا"), a run is not.
CHROME_COST = 12.0
# Cost of an in-article "اقرأ أيضا" marker, and of each headline/date line of its box: the box
# interrupts the body but must not split it.
RELATED_MARKER_COST = 2.0
RELATED_ITEM_COST = 0.5
# A related box holds at most this many lines before the body resumes.
MAX_RELATED_BOX_LINES = 10
# A table (Markdown) between paragraphs is part of the text and must not split the body however
# many rows it has: it costs as one short line, its first row, and its other rows nothing. Rows
# never speak for the body: rows alone (a listing's grid, a table of prices) never make one.
TABLE_ROW_COST = 0.0
# A box of chrome inside the body (a newsletter sign-up: heading, blurb, e-mail field, button,
# legal notice) holds at most this many lines: it is one interruption, and costs one chrome
# line; the rest of its chrome lines cost like short lines. A page's end (share row, tags,
# related list, footer) runs longer, or is not followed by a paragraph.
MAX_CHROME_BOX_LINES = 10
# Cost of a date line or a byline inside a candidate span.
META_LINE_COST = 4.0
# Long lines with no sentence punctuation (tickers, headline lists) earn only a share of their
# length, minus a fixed cost, so a list of 15-word headlines never outweighs a paragraph.
UNPUNCTUATED_SHARE = 0.25
UNPUNCTUATED_COST = 4.0
# A span that only begins after an end-of-article marker (comments, "related") is worth less:
# real bodies come before those sections.
AFTER_TAIL_DISCOUNT = 0.5
# The span search skips the lines up to the next end-of-article marker when even their bound
# (every line speaking for the body) stays this far below the best span. Weights are multiples
# of an eighth of a word, so the bound and the sums it bounds are exact; the margin keeps the
# skip safe from rounding all the same.
BOUND_MARGIN = 1.0
# The body must hold at least this many words of paragraph text to be an article.
MIN_BODY_SCORE = 25.0
# A text browser prints an image as its alt text, right above the caption. An alt text that
# describes the picture ("A man stands in front of a market.") is one plain sentence at most
# this long (in words)…
MAX_ALT_TEXT_UNITS = 16
# … above a caption that describes the picture too (at least this many words), not above a
# bare credit line ("Photo: AFP"), which may follow any paragraph.
MIN_DESCRIBED_CAPTION_UNITS = 8
# A caption that repeats the line above it repeats a text, not a word or two.
MIN_REPEATED_ALT_UNITS = 4
# Plain descriptions above captions are alt texts only on a page that shows them above most of
# its described captions, at least this many: a dump without alt texts may have one short
# plain paragraph above an image, not most of them.
MIN_ALT_TEXT_IMAGES = 2
# A live blog's feed holds at least this many entries, each opened by a clock-time line (two
# times in a row are a page's clock and a video's duration as often as a feed).
MIN_LIVE_ENTRIES = 3
# An entry's time stamp and share row are the feed's structure, like the blank line between
# paragraphs.
FEED_FURNITURE_WEIGHT = 0.0
# A line is an entry's furniture when the feed repeats it in at least this share of its
# entries.
FURNITURE_ENTRY_SHARE = 0.5
# The feed's controls between the key points and the first entry (an auto-update toggle, the
# sort-order buttons) are a few short lines.
MAX_FEED_CONTROL_LINES = 3
# ... each at most this long (in words): "Newest first Oldest first".
MAX_FEED_CONTROL_UNITS = 4
# A key-points box above a feed lists at least this many sentences.
MIN_KEY_POINTS = 2
# Quotation marks: a quoted line is someone's words, never a picture's description.
_QUOTE_MARKS = frozenset('"“”„«»')
_SENTENCE_MARKS = ".!?؟。"


class BodySpan(NamedTuple):
    """Lines ``start`` to ``end`` (inclusive) hold the body; ``score`` is the segment's sum."""

    start: int
    end: int
    score: float


def is_caption(line: Line) -> bool:
    """An image caption: a line that carries a photo credit (see ``_byline.is_caption_text``),
    or one the markup places under an image as its caption."""
    return line.caption or line.markup.caption


def alt_text_lines(lines: Sequence[Line], span: BodySpan) -> frozenset[int]:
    """The lines of the span that are images' alt texts, as a text browser prints them above
    each image's caption: a line the caption repeats, and, on a page that shows its alt texts
    (a plain description above most of its described captions), those descriptions."""
    repeated: set[int] = set()
    described: set[int] = set()
    images = 0
    for line in lines[span.start : span.end + 1]:
        below = lines[line.position + 1] if line.position + 1 < len(lines) else None
        if below is None or not is_caption(below) or is_caption(line):
            continue
        if line.units >= MIN_REPEATED_ALT_UNITS and letters_key(below.text).startswith(
            letters_key(line.text)
        ):
            repeated.add(line.position)
            images += 1
        elif below.units >= MIN_DESCRIBED_CAPTION_UNITS:
            images += 1
            if _reads_as_description(line):
                described.add(line.position)
    shown = len(repeated) + len(described)
    if shown >= MIN_ALT_TEXT_IMAGES and 2 * shown > images:
        return frozenset(repeated | described)
    return frozenset(repeated)


def _reads_as_description(line: Line) -> bool:
    """One plain sentence that names no one: no comma, digit or quotation mark, and in a script
    with capitals, no capitalised word after the first ("A seated person gestures while
    speaking."). In a script without capitals a name cannot be told: never a description."""
    text = line.text
    if line.units > MAX_ALT_TEXT_UNITS or line.inner_punct or not any(c.islower() for c in text):
        return False
    if any(c.isdigit() or c in _QUOTE_MARKS for c in text):
        return False
    if any(mark in text[:-1] for mark in _SENTENCE_MARKS):
        return False
    return not any(word[:1].isupper() for word in text.split()[1:])


def line_weight(line: Line) -> float:
    """How much a line speaks for being body text (negative: against)."""
    cost = _stated_cost(line)
    return cost if cost is not None else _own_weight(line, _text_weight(line))


def speaks_for_body(line: Line) -> bool:
    """``line_weight(line) > 0``. Every weight but the text's own is a cost, so a line whose
    text does not speak for the body is answered from its shape alone: its dates and credits
    are not read."""
    return _body_weight(line, _text_weight(line)) > 0


def _body_weight(line: Line, text_weight: float) -> float:
    """:func:`line_weight` of a line that speaks for the body, else 0: the line's costs are
    read only when its text (of weight ``text_weight``) speaks for the body."""
    if text_weight <= 0 or _stated_cost(line) is not None:
        return 0.0
    return max(_own_weight(line, text_weight), 0.0)


def _stated_cost(line: Line) -> float | None:
    """The cost of a line that something besides its text's length marks as no body text (the
    chrome lexicon, a date or credit it states, a caption, the markup), else None."""
    if line.chrome:
        return -CHROME_COST
    if line.states_meta:
        return -META_LINE_COST
    if is_caption(line) or line.markup.elsewhere or line.markup.heading == 1:
        return -SHORT_LINE_COST  # a caption, a link elsewhere, the page's headline
    if line.markup.table_row:
        return -SHORT_LINE_COST if line.markup.table_row == 1 else -TABLE_ROW_COST
    return None


def _own_weight(line: Line, text_weight: float) -> float:
    """A line's weight when only its text speaks: a long run of links that is not a sentence
    is a menu, never body; a linked enumeration ("宮崎県：高鍋町、新富町、宮崎市", every name a
    link) reads as text."""
    return min(text_weight, 0.0) if line.markup.nav and not line.sentence_like else text_weight


def _text_weight(line: Line) -> float:
    if line.text.endswith(("?", "؟", "!")) and line.units <= MAX_HEADLINE_QUESTION_UNITS:
        return -SHORT_LINE_COST / 3
    if line.units >= MIN_PARAGRAPH_UNITS and line.sentence_like:
        return line.units - PARAGRAPH_OFFSET
    if line.units >= 20:
        return line.units * UNPUNCTUATED_SHARE - UNPUNCTUATED_COST
    return -SHORT_LINE_COST


def _box_role(line: Line) -> BoxRole:
    """What a line after an end-of-article marker is (see ``inline_box_end``): a box's entry
    when the markup says it points elsewhere (a linked headline), the article's prose, or
    other. Plain text shows no links, and a box's headlines read as the subheadings the text
    goes on with: there, no line is an entry, and every such marker ends the article."""
    if line.chrome or line.tail:
        return "other"
    if line.markup.elsewhere:
        return "item"
    if line.sentence_like and line.units >= MIN_BOX_PROSE_WORDS and speaks_for_body(line):
        return "prose"
    return "other"


def inline_box_markers(lines: Sequence[Line]) -> frozenset[int]:
    """Positions of the end-of-article markers that head a box inside the article: the text
    goes on after the box. Reads the few lines after each marker that a linked line follows
    (a plain dump has none: its markers' lines are never read here)."""
    reach = MAX_INLINE_BOX_ITEMS + BLOCKS_READ_AFTER_BOX
    return frozenset(
        line.position
        for line, following in itertools.pairwise(lines)
        if line.tail
        and following.markup.elsewhere
        and inline_box_end([_box_role(ln) for ln in lines[line.position + 1 :][:reach]]) is not None
    )


def _opens_box(line: Line, inline: frozenset[int]) -> bool:
    """An in-article box's marker: "اقرأ أيضا", or an end-of-article marker over one."""
    return line.related or line.position in inline


def _ends_article(line: Line, furniture: frozenset[int], inline: frozenset[int]) -> bool:
    """An end-of-article marker that ends the article here (not a live feed's furniture, not
    the marker of a box inside the text)."""
    return line.tail and line.position not in furniture and line.position not in inline


def _related_box_lines(lines: Sequence[Line], inline: frozenset[int]) -> set[int]:
    """Indices of the headline/date lines inside in-article boxes (``_opens_box``)."""
    boxed: set[int] = set()
    for line in lines:
        if not _opens_box(line, inline):
            continue
        for following in lines[line.position + 1 : line.position + 1 + MAX_RELATED_BOX_LINES]:
            if following.chrome or following.tail or speaks_for_body(following):
                break
            boxed.add(following.position)
    return boxed


def _in_span_box(
    line: Line, boxed: set[int], furniture: frozenset[int], inline: frozenset[int]
) -> bool:
    """An in-article box's marker or line, or a live feed's ``furniture``."""
    return _opens_box(line, inline) or line.position in boxed or line.position in furniture


class _SpanWeights:
    """The weights the span search reads, each line's when the search first needs it: what a
    line gains the span when it speaks for the body, and what it costs inside one. One per
    call of :func:`find_body_span`."""

    __slots__ = ("_boxed", "_furniture", "_gains", "_inline", "_lines", "_text_weights")

    def __init__(
        self,
        lines: Sequence[Line],
        text_weights: Sequence[float],
        boxed: set[int],
        furniture: frozenset[int],
        inline: frozenset[int],
    ) -> None:
        self._lines = lines
        self._text_weights = text_weights  # each line's _text_weight
        self._boxed = boxed
        self._furniture = furniture
        self._inline = inline  # end-of-article markers over a box inside the text
        # A line whose text does not speak for the body gains nothing, whatever it states.
        self._gains: list[float | None] = [None if w > 0 else 0.0 for w in text_weights]

    def gain(self, position: int) -> float:
        """The line's weight when it speaks for the body (outside the boxes), else 0."""
        gain = self._gains[position]
        if gain is None:
            line = self._lines[position]
            boxed = _in_span_box(line, self._boxed, self._furniture, self._inline)
            gain = 0.0 if boxed else _body_weight(line, self._text_weights[position])
            self._gains[position] = gain
        return gain

    def speaks(self, position: int) -> bool:
        return self.gain(position) > 0

    def in_span(self, line: Line) -> float:
        """A line's weight inside a candidate span: :func:`line_weight`, with the boxes inside
        the body (in-article related boxes, chrome boxes between paragraphs) costing as boxes,
        and a live feed's ``furniture`` (entry stamps, share rows) costing nothing."""
        if line.chrome and self._repeated_box_chrome(line.position):
            return -SHORT_LINE_COST
        if _opens_box(line, self._inline):
            return -RELATED_MARKER_COST
        if line.position in self._boxed:
            return -RELATED_ITEM_COST
        if line.position in self._furniture:
            return FEED_FURNITURE_WEIGHT
        return line_weight(line)

    def _between_paragraphs(self, position: int) -> bool:
        return not self.speaks(position) and not self._lines[position].tail

    def _repeated_box_chrome(self, position: int) -> bool:
        """Is the chrome line at ``position`` one after the first in a chrome box between two
        paragraphs: a run of at most :data:`MAX_CHROME_BOX_LINES` lines that do not speak for
        the body (no end-of-article marker among them), with a paragraph right before and right
        after it? Reads at most that many lines on each side."""
        if not self._between_paragraphs(position):
            return False  # a paragraph, or a marker (a live feed's, which does not end the span)
        start = position
        while start > 0 and self._between_paragraphs(start - 1):
            start -= 1
            if position - start >= MAX_CHROME_BOX_LINES:
                return False
        end = position + 1
        while end < len(self._lines) and self._between_paragraphs(end):
            end += 1
            if end - start > MAX_CHROME_BOX_LINES:
                return False
        if start == 0 or end == len(self._lines):
            return False
        if not (self.speaks(start - 1) and self.speaks(end)):
            return False
        return any(self._lines[earlier].chrome for earlier in range(start, position))


def _gain_bounds(
    lines: Sequence[Line],
    text_weights: Sequence[float],
    furniture: frozenset[int],
    inline: frozenset[int],
) -> list[float]:
    """For each line, the most the lines from it to the next end-of-article marker can gain a
    span: what their texts (``text_weights``) would weigh if they all spoke for the body (a
    line's shape bounds its weight from above, whatever it states). One backward pass, nothing
    read."""
    bounds = [0.0] * len(lines)
    total = 0.0
    for line, weight in zip(reversed(lines), reversed(text_weights), strict=True):
        if _ends_article(line, furniture, inline):
            total = 0.0
            continue
        if weight > 0:
            total += weight
        bounds[line.position] = total
    return bounds


def find_body_span(lines: Sequence[Line]) -> BodySpan | None:
    """The maximum-score span of lines, never crossing an end-of-article marker.

    Only a line that speaks for the body opens a span or raises its score, so a line against
    it is weighed only inside one, and only once a paragraph follows it there: the lines after
    a span's last paragraph (up to an end-of-article marker or the page's end) cannot change
    which span wins. Once no span up to the next marker can beat the best one, even if all its
    lines spoke for the body (:func:`_gain_bounds`), the search skips to that marker. The dates
    and credits of a page's menus (short lines) and of the footers it skips are never read."""
    best: BodySpan | None = None
    best_value = 0.0
    run_start = 0
    run_score = 0.0
    after_tail = False
    skipping = False  # nothing before the next end-of-article marker can beat the best span
    feeds = live_feeds(lines)
    furniture = _feed_furniture(lines, feeds)
    text_weights = [_text_weight(line) for line in lines]
    inline = inline_box_markers(lines)
    boxed = _related_box_lines(lines, inline)
    weights = _SpanWeights(lines, text_weights, boxed, furniture, inline)
    bounds = _gain_bounds(lines, text_weights, furniture, inline)
    waiting: list[Line] = []  # the run's lines since its last paragraph, not yet weighed
    for line in lines:
        if _ends_article(line, furniture, inline):
            run_score, run_start = 0.0, line.position + 1
            after_tail, skipping = True, False
            waiting.clear()
            continue
        if skipping:
            continue
        discount = AFTER_TAIL_DISCOUNT if after_tail else 1.0
        reach = (run_score + bounds[line.position]) * discount  # the run's score is never < 0 here
        if best is not None and reach + BOUND_MARGIN <= best_value:
            skipping = True
            continue
        gain = weights.gain(line.position)
        if gain <= 0.0:  # the line does not speak for the body
            if run_score > 0.0:
                waiting.append(line)
            continue
        # A paragraph: the lines before it in the run are weighed now, in order, until the run
        # dies. None of them could raise the best (their weights are costs).
        for between in waiting:
            if run_score <= 0.0:
                break
            run_score += weights.in_span(between)
        waiting.clear()
        if run_score <= 0.0:
            run_score, run_start = 0.0, line.position
        run_score += gain
        value = run_score * discount
        if value > best_value:
            best_value = value
            best = BodySpan(run_start, line.position, run_score)
    if best is None or best.score < MIN_BODY_SCORE:
        return None
    return _live_blog_start(lines, _trim(lines, best), feeds)


def _trim(lines: Sequence[Line], span: BodySpan) -> BodySpan:
    """Drop non-paragraph lines at both ends of the span (they only reduced its score)."""
    start, end = span.start, span.end
    while start < end and not speaks_for_body(lines[start]):
        start += 1
    while end > start and not speaks_for_body(lines[end]):
        end -= 1
    return BodySpan(start, end, span.score)


def live_feeds(lines: Sequence[Line]) -> list[tuple[int, ...]]:
    """The live-blog feeds of a page: runs of at least :data:`MIN_LIVE_ENTRIES` entry stamps
    (lines that are only a clock time, see ``Line.clock``) in time order, newest or oldest
    first, each followed by the entry's text (a line that reads as a sentence) before the next
    stamp. A playlist's durations have no text between them, and no order. One linear pass."""
    feeds: list[tuple[int, ...]] = []
    run: list[int] = []
    direction = 0  # +1 oldest first, -1 newest first, 0 not known yet
    texted = False  # the run's last stamp is followed by text

    def close() -> None:
        stamps = run if texted else run[:-1]
        if len(stamps) >= MIN_LIVE_ENTRIES:
            feeds.append(tuple(stamps))

    for line in lines:
        if line.clock is None:
            texted = texted or (bool(run) and _entry_text(line))
            continue
        if run:
            previous = lines[run[-1]].clock
            assert previous is not None
            step = (line.clock > previous) - (line.clock < previous)
            if texted and (not step or not direction or step == direction):
                direction = direction or step
                run.append(line.position)
                texted = False
                continue
            close()
        run, direction, texted = [line.position], 0, False
    close()
    return feeds


def _feed_furniture(lines: Sequence[Line], feeds: Sequence[tuple[int, ...]]) -> frozenset[int]:
    """The lines of the feeds that are no entry's text: the entry stamps, and the lines that
    do not speak for the body and that the feed repeats in at least
    :data:`FURNITURE_ENTRY_SHARE` of its entries (a share row under each). The last entry is
    read as long as the longest other one."""
    found: set[int] = set()
    for feed in feeds:
        found.update(feed)
        longest = max(b - a for a, b in itertools.pairwise(feed))
        region = lines[feed[0] : min(len(lines), feed[-1] + longest)]
        counts = Counter(line.key for line in region if not speaks_for_body(line))
        repeated = {key for key, n in counts.items() if n >= FURNITURE_ENTRY_SHARE * len(feed)}
        found.update(
            line.position
            for line in region
            if line.key in repeated and line.clock is None and not speaks_for_body(line)
        )
    return frozenset(found)


def _entry_text(line: Line) -> bool:
    return not line.chrome and (line.sentence_like or speaks_for_body(line))


def _live_blog_start(
    lines: Sequence[Line], span: BodySpan, feeds: Sequence[tuple[int, ...]]
) -> BodySpan:
    """A live blog's body starts at its first entry, not at the first entry long enough to
    anchor the span (the entry's headline is body text), and at the key points above the feed
    when only the feed's controls part them from it: a run of at least :data:`MIN_KEY_POINTS`
    sentences, with the short label above them ("أبرز المستجدات", "Key points")."""
    feed = next((f for f in feeds if any(span.start <= i <= span.end for i in f)), None)
    if feed is None:
        return span
    start = min(span.start, feed[0] + 1)
    position = feed[0] - 1
    controls = 0
    while position >= 0 and controls < MAX_FEED_CONTROL_LINES and _feed_control(lines[position]):
        position -= 1
        controls += 1
    points = 0
    while position >= 0 and _key_point(lines[position]):
        position -= 1
        points += 1
    if points >= MIN_KEY_POINTS:
        label = lines[position] if position >= 0 else None
        start = min(start, position if label is not None and _box_label(label) else position + 1)
    return BodySpan(start, span.end, span.score)


def _header_like(line: Line) -> bool:
    """A line of the header's furniture: a stamp, a credit, a caption, an end-of-page marker
    (a key point may mention a date: "Schools stay shut on 12 and 13 February.")."""
    return line.states_meta or line.tail or is_caption(line)


def _feed_control(line: Line) -> bool:
    """A live feed's control above its entries: a button, a toggle, a short label."""
    if _header_like(line):
        return False
    return (
        line.chrome
        or line.widget
        or (not line.sentence_like and line.units <= MAX_FEED_CONTROL_UNITS)
    )


def _key_point(line: Line) -> bool:
    return line.sentence_like and not (line.chrome or line.widget or _header_like(line))


def _box_label(line: Line) -> bool:
    """A box's label: a word or three that do not end a sentence ("Key points")."""
    return (
        line.units <= MAX_LABEL_UNITS
        and not line.terminal
        and not (line.chrome or line.widget or line.clock is not None or _header_like(line))
    )
