"""Text dump → logical lines with the features the classifier needs.

Dumps come in several shapes (see the corpus): one block per line with blank lines between,
indented layout text (inscriptis), bulleted lists, and text browsers' hard-wrapped output
(``w3m -dump``) where one paragraph spans several physical lines. This stage undoes the shape:
strips indentation, bullets and image placeholders, re-joins hard-wrapped paragraphs, and
computes per-line features once, a batch of lines at a time (:func:`lines_with_features`,
shared with the Markdown path, whose lines also carry what the markup says: :class:`Markup`).

A line's features come in two stages. The cheap ones (length, end-of-article markers, sentence
shape) are read for every line: they decide most lines (a paragraph is body, a menu item is
not). The dates and credits a line states (the date engine, the byline reader), whether the
chrome lexicon flags it and whether it is an image caption are read by the page's
:class:`LineReader` the first time a stage asks for them, once per distinct line: the stages
ask only about the lines whose verdict can still depend on them (the body span and the lines
around it, the header), not about a page's menus and footers (on the corpus dumps, the stages
ask whether two lines in five are chrome, one in three whether it is a caption).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from functools import cache
from typing import NamedTuple

from .._byline import (
    MAX_CAPTION_WORDS,
    Attribution,
    credit_before_stamp,
    is_caption_folded,
    may_be_credit,
    read_credit_line,
)
from .._dates import ParsedDate, bare_clock, find_dates, labelled_clock
from .._lexicon import chrome_lexicon, key_of_folded
from .._model import DEFAULT_MAX_LINE_CHARS
from .._text import (
    cjk_letters,
    clean_lines,
    clean_text,
    count_matches,
    count_matches_each,
    ends_like_sentence,
    fold_cleaned,
    fold_lines,
    line_batches,
    line_chunks,
    non_cjk_words,
)

__all__ = [
    "NO_MARKUP",
    "NO_STAMPS",
    "Line",
    "LineReader",
    "Markup",
    "StampReading",
    "display_width",
    "line_features",
    "lines_with_features",
    "prepare_lines",
    "split_physical_lines",
    "wrap_glue",
]

# Bullets and list markers text renderers put before items ("• ", "* ", "● ", "o "), at the
# start of a line: found with the line break before it (see :func:`_without_bullets`), a
# literal the engine scans for quickly, where a multi-line "^" is tried at every character
# (~4x the instructions). The spaces it reads never cross a line break.
_BULLET_RE = re.compile(r"\n(?:[•●▪◦‣∙·*■□➢►▶→]+|[-–—](?=[^\S\n])|o(?=[^\S\n]{1,3}\S))[^\S\n]*")
# Image/link placeholders of text browsers: "[logo]", "[                ]", "[IMG]"; within a
# line.
_PLACEHOLDER_RE = re.compile(r"\[(?:[^\[\]\s]{0,60}|[^\S\n]*)\]")
_INNER_PUNCT_RE = re.compile(r"[،,؛;、，]")


@cache
def _wide_re() -> re.Pattern[str]:
    """East Asian wide and fullwidth characters (two columns in a terminal). Compiled on first
    use: the wide ranges cost ~2.4 ms to compile, paid at import by every caller otherwise."""
    return re.compile(
        "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
        "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
    )


_WORD_RE = re.compile(r"\w+")

# A hard-wrapped dump has many lines that end within this many columns of the wrap width.
_WRAP_SLACK = 25
# ... at least this many of them, and none much wider than the width.
_MIN_WRAPPED_LINES = 5
_WRAP_OVERFLOW = 4
# Widths text browsers use; a dump whose longest lines are wider was not hard-wrapped.
_MAX_WRAP_WIDTH = 200
_MIN_WRAP_WIDTH = 40
# Bylines and credits are read only in lines this short (in words).
MAX_BYLINE_UNITS = 16
# A label on a line of its own is a word or two.
MAX_LABEL_UNITS = 3
# Dates are looked for only in lines this short (in words): headers, datelines, stamps.
MAX_DATE_LINE_UNITS = 30
# A line is a "date line" when the date expression covers this share of its characters.
DATE_LINE_COVERAGE = 0.45
# A line that is only a clock time ("16:40", "4:05 PM EDT") is this short (in words).
MAX_CLOCK_LINE_UNITS = 5
# A line with at least this share of its letters inside links is navigation (Markdown).
NAV_LINK_SHARE = 0.8


class Markup(NamedTuple):
    """What a structured source (Markdown) says about a line; a plain dump says nothing.

    ``heading`` is the heading level (1-6, 0: not a heading); ``linked`` the share of the
    line's letters inside links; ``teaser`` a line that is mostly a link to another article of
    the site; ``menu`` a link-only list item in a run of them; ``caption`` the line under an
    image that repeats its alt text or reads as a label; ``authors`` the names a line links to
    the site's author pages, its byline when its text states none (see ``_markdown``);
    ``table_row`` the line's row number in a table (from 1; 0: not a row), its cells joined by
    `` | ``.
    """

    heading: int = 0
    list_item: bool = False
    quote: bool = False
    linked: float = 0.0
    teaser: bool = False
    menu: bool = False
    caption: bool = False
    authors: tuple[str, ...] = ()  # names linked to the site's author pages: a byline
    table_row: int = 0

    @property
    def nav(self) -> bool:
        """Mostly links: navigation, whatever its length."""
        return self.linked >= NAV_LINK_SHARE

    @property
    def elsewhere(self) -> bool:
        """Points the reader to other pages (a teaser or a menu item): never the article."""
        return self.teaser or self.menu


NO_MARKUP = Markup()


class StampReading(NamedTuple):
    """The dates and the credit a line states."""

    dates: tuple[ParsedDate, ...] = ()
    date_coverage: float = 0.0  # share of the line the dates cover
    attribution: Attribution | None = None
    source_label: bool = False  # a source label alone ("المصدر:", "Kaynak"): the next line names it

    @property
    def is_date_line(self) -> bool:
        """The dates cover enough of the line to make it a date stamp."""
        return bool(self.dates) and self.date_coverage >= DATE_LINE_COVERAGE


NO_STAMPS = StampReading()  # what a long line, or one that points elsewhere, states of its own


class LineReader:
    """Reads the dates and credits the lines of one page state, whether the chrome lexicon flags
    them and whether they are image captions, when a stage first asks, and keeps them: each
    distinct line is read once (a page repeats its menus and stamps). One per page, never shared
    between calls; ``reference`` is the caller's "now"."""

    __slots__ = ("_captions", "_chrome", "_read", "_reference")

    def __init__(self, reference: datetime | None = None) -> None:
        self._reference = reference
        self._read: dict[str, StampReading] = {}
        self._chrome: dict[str, bool] = {}
        self._captions: dict[str, bool] = {}

    def read(self, line: Line) -> StampReading:
        """What ``line`` states of its own: nothing when it is longer than the line heuristics
        read, or points elsewhere (a teaser, a menu item: other pages' dates and bylines)."""
        if not line.short or line.markup.elsewhere:
            return NO_STAMPS
        found = self._read.get(line.text)
        if found is None:
            found = _read_stamps(line.text, line.key, line.units, self._reference)
            self._read[line.text] = found
        return found

    def chrome(self, line: Line) -> bool:
        """Does the chrome lexicon flag ``line``? A line longer than the line heuristics read
        is never chrome. Kept by ``key``: the lexicon reads nothing else of a short line."""
        if not line.short:
            return False
        found = self._chrome.get(line.key)
        if found is None:
            found = chrome_lexicon().is_chrome_key(line.key, tail=line.tail)
            self._chrome[line.key] = found
        return found

    def caption(self, line: Line) -> bool:
        """Is ``line`` an image caption or a photo credit (see ``_byline.is_caption_text``)? A
        line longer than the line heuristics read is not."""
        if not line.short:
            return False
        found = self._captions.get(line.text)
        if found is None:
            words = len(line.text.split())
            # A longer line is prose, whatever it holds (the caption rules read none): its
            # fold is not made.
            found = words <= MAX_CAPTION_WORDS and is_caption_folded(line.folded, words)
            self._captions[line.text] = found
        return found


class Line(NamedTuple):
    """One logical line of a dump and its features (the dates, credits, chrome and caption flags
    read on demand)."""

    position: int  # its place among the dump's lines, from 0
    text: str
    key: str  # the folded form the lexicon matches (see _lexicon.match_key)
    units: float  # length in words; CJK text counts two characters as one word
    terminal: bool  # ends like a sentence
    inner_punct: int  # commas and semicolons inside
    short: bool  # within ``max_line_chars``: the line heuristics read it
    tail: bool  # it opens end-of-article chrome (related, comments…)
    related: bool  # it opens an in-article "اقرأ أيضا" box
    time_of_day: int | None  # the text is a clock time (minutes after midnight): see ``clock``
    reader: LineReader  # the page's reader of its lines' dates, credits, chrome, captions
    markup: Markup = NO_MARKUP

    @property
    def folded(self) -> str:
        """The text's fold (see ``_text.fold``), what the caption rules read: folded when asked,
        as few lines are (a fold kept on every line would be a second copy of the dump)."""
        return fold_cleaned(self.text)

    @property
    def _stamped(self) -> StampReading:
        return self.reader.read(self)

    @property
    def dates(self) -> tuple[ParsedDate, ...]:
        return self._stamped.dates

    @property
    def date_coverage(self) -> float:
        return self._stamped.date_coverage

    @property
    def attribution(self) -> Attribution | None:
        return self._attribution(self._stamped)

    def _attribution(self, stated: StampReading) -> Attribution | None:
        """The credit the line states, else the authors its markup links to."""
        if stated.attribution is None and self.markup.authors:
            return Attribution(self.markup.authors)
        return stated.attribution

    @property
    def source_label(self) -> bool:
        return self._stamped.source_label

    @property
    def clock(self) -> int | None:
        """The line is only a time of day ("16:40"): minutes after midnight. A line with a
        date is more than a clock time (and is read as a stamp already)."""
        return self.time_of_day if self.time_of_day is None or not self.dates else None

    @property
    def is_date_line(self) -> bool:
        return self._stamped.is_date_line

    @property
    def states_meta(self) -> bool:
        """A date line, a credit or a source label (``is_date_line``, ``attribution``,
        ``source_label``): the header's kind of line, read at once."""
        stated = self._stamped
        return stated.is_date_line or self._attribution(stated) is not None or stated.source_label

    @property
    def chrome(self) -> bool:
        """The chrome lexicon flags it."""
        return self.reader.chrome(self)

    @property
    def caption(self) -> bool:
        """An image caption or a photo credit."""
        return self.reader.caption(self)

    @property
    def widget(self) -> bool:
        """A page widget's label ("Duration 12:38", "Artikel zum Hören"). Only body lines are
        asked, so it is read then rather than for every line."""
        return (
            self.short
            and not self.markup.elsewhere
            and chrome_lexicon().is_widget_key(self.key, self.text)
        )

    @property
    def clock_stamp(self) -> bool:
        """A stamp that gives a time of day and no day: a live blog's status ("مباشر آخر
        تحديث: 16:40"), an update time. Only header lines are asked, so it is read then."""
        return self.short and not self.markup.elsewhere and labelled_clock(self.text) is not None

    @property
    def sentence_like(self) -> bool:
        """Reads like running text rather than a label, headline or menu item.

        A " | " marks a document title or a menu ("Headline | Site"), not prose.
        """
        if " | " in self.text:
            return False
        return self.terminal or (self.inner_punct >= 1 and self.units >= 12)


# Builds a Line from a complete tuple of its fields in C (a NamedTuple's own ``__new__`` is a
# Python call): every line of a page pays it.
_new_line = tuple.__new__


def display_width(text: str) -> int:
    """Columns a text browser gives ``text`` (wide CJK characters take two)."""
    return len(text) + count_matches(_wide_re(), text)


def _display_widths(lines: Sequence[str]) -> list[int]:
    """:func:`display_width` of each of ``lines``: their lengths, but in a batch of lines that
    holds a wide character."""
    widths: list[int] = []
    for batch in line_batches(lines):
        wide = _wide_re().search("\n".join(batch)) is not None
        widths += map(display_width if wide else len, batch)
    return widths


def _units(text: str) -> float:
    """Length in words; CJK text counts two characters as one word."""
    cjk = count_matches(cjk_letters(), text)
    if not cjk:
        return count_matches(_WORD_RE, text)
    return count_matches(non_cjk_words(), text) + cjk / 2


def _units_per_line(batch: Sequence[str]) -> list[float]:
    """:func:`_units` of each of ``batch``: its words, but in a batch that holds CJK text."""
    if cjk_letters().search("\n".join(batch)) is None:
        return list(count_matches_each(_WORD_RE, batch))
    return [_units(text) for text in batch]


def split_physical_lines(text: str) -> list[str]:
    """Physical lines with indentation, bullets and image placeholders removed ('' = blank),
    read a chunk of lines at a time."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for chunk in line_chunks(text):
        if "[" in chunk:
            chunk = _PLACEHOLDER_RE.sub(" ", chunk)
        stripped = "\n".join([line.strip() for line in chunk.split("\n")])
        lines += clean_lines(_without_bullets(stripped))
    return lines


def _without_bullets(text: str) -> str:
    """``text`` without the bullet at the start of each line (its first line read after a line
    break put before it)."""
    return _BULLET_RE.sub("\n", "\n" + text)[1:]


def _wrap_width(lines: list[str]) -> int | None:
    """The column width a text browser wrapped at, or None when the dump is not hard-wrapped."""
    if max(map(len, lines), default=0) > _MAX_WRAP_WIDTH:
        return None  # a line wider than any wrap width, whatever its wide characters add
    widths = [width for width in _display_widths(lines) if width]  # a line has one or more
    if not widths:
        return None
    widest = max(widths)
    if not _MIN_WRAP_WIDTH <= widest <= _MAX_WRAP_WIDTH:
        return None
    near = sum(1 for w in widths if w >= widest - _WRAP_SLACK)
    return widest if near >= _MIN_WRAPPED_LINES else None


def _fits(current: str, following: str, width: int) -> bool:
    """Was ``current`` broken by the wrapper because ``following``'s first word did not fit?"""
    first_word = following.split(" ", 1)[0]
    if cjk_letters().search(first_word):
        return display_width(current) >= width - _WRAP_OVERFLOW
    used = display_width(current)
    return used + 1 + display_width(first_word) > width - _WRAP_OVERFLOW and used >= width // 2


def _ends_sentence_before(current: str, following: str) -> bool:
    """A finished sentence, and the next line opens another."""
    return ends_like_sentence(current) and not following[:1].islower()


def _is_wrapped_paragraph(
    run: Sequence[str], width: int, stands_alone: Callable[[str], bool]
) -> bool:
    """Is a run of lines between blank lines one paragraph wrapped at the column: every line
    but the last broken where the next word did not fit, and none a unit of its own?"""
    return all(
        _fits(current, following, width) and not stands_alone(following)
        for current, following in itertools.pairwise(run)
    )


def _stands_alone(line: str) -> bool:
    """A line that is a unit of its own (a date stamp, a byline, chrome), never a wrapped tail."""
    folded = fold_cleaned(line)  # the line is cleaned: its fold is read once, by both lexicons
    if chrome_lexicon().is_chrome_key(key_of_folded(folded)):
        return True
    # ``clean_text`` again, as parse_byline does: it is not idempotent when removing an
    # invisible mark lets a letter and its combining mark compose.
    if read_credit_line(clean_text(line), folded, label_alone=False)[0] is not None:
        return True
    dates, coverage = _line_dates(line, _units(line))
    return bool(dates) and coverage >= DATE_LINE_COVERAGE


def wrap_glue(before: str) -> str:
    """What joins a wrapped line to the text before it: nothing after CJK text, else a space."""
    return "" if cjk_letters().search(before[-1:]) else " "


def _unwrap(lines: list[str]) -> list[str]:
    width = _wrap_width(lines)
    if width is None:
        return lines
    # Each physical line is read at most once (a run may be read again as a whole below).
    stands_alone = cache(_stands_alone)
    out: list[str] = []
    for is_text, group in itertools.groupby(lines, key=bool):
        if not is_text:
            out.extend(group)
            continue
        run = list(group)
        one_paragraph: bool | None = None  # read only when a sentence ends at a wrap point
        # The pieces of the paragraph being joined, joined once at its end: growing one string
        # line by line copies it every time (quadratic in a dump that is one long paragraph).
        pieces = [run[0]]
        for position, (current, following) in enumerate(itertools.pairwise(run), 1):
            joins = _fits(current, following, width) and not stands_alone(following)
            if joins and _ends_sentence_before(current, following):
                # A sentence that ends where the next word would not fit: a paragraph's end
                # more often than a coincidence (a split paragraph costs less than two merged
                # ones), unless every line between the blank lines around it ends at the
                # column: then the wrapper broke one paragraph there. A last line that does
                # not end a sentence is a label or a credit after the paragraph.
                if one_paragraph is None:
                    one_paragraph = _is_wrapped_paragraph(run, width, stands_alone)
                last = position == len(run) - 1
                joins = one_paragraph and (not last or ends_like_sentence(following))
            if joins:
                pieces += (wrap_glue(current), following)
            else:
                out.append("".join(pieces))
                pieces = [following]
        out.append("".join(pieces))
    return out


def _line_dates(
    text: str, units: float, reference: datetime | None = None
) -> tuple[tuple[ParsedDate, ...], float]:
    if units > MAX_DATE_LINE_UNITS:
        return (), 0.0
    dates = tuple(find_dates(text, reference=reference))
    if not dates:
        return (), 0.0
    covered = sum(d.span[1] - d.span[0] for d in dates)
    return dates, min(1.0, covered / len(text))


def _credit_before_stamp(
    text: str, dates: Sequence[ParsedDate]
) -> tuple[Attribution, float] | None:
    """A credit line with a stamp after the credit ("تغطية: فلان وفلانة بدأت التغطية: <date>",
    "بواسطة: خالد منصور منذ 3 ساعات", "دبي - وام تاريخ النشر: <date>") is a credit line and a
    stamp line (``_byline.credit_before_stamp``): the credit, and the share of the stamp part
    its dates cover."""
    credited = credit_before_stamp(text, dates)
    if credited is None:
        return None
    attribution, start = credited
    covered = sum(d.span[1] - d.span[0] for d in dates if d.span[0] >= start)
    return attribution, min(1.0, covered / (len(text) - start))


def _read_stamps(text: str, key: str, units: float, reference: datetime | None) -> StampReading:
    """The dates and the credit a short line of the page's own states."""
    dates, coverage = _line_dates(text, units, reference)
    credited = _credit_before_stamp(text, dates) if dates else None
    if credited is not None:
        attribution, coverage = credited
        return StampReading(dates, coverage, attribution)
    if units <= MAX_BYLINE_UNITS and may_be_credit(text, key):
        byline, source_label = read_credit_line(
            text, fold_cleaned(text), label_alone=units <= MAX_LABEL_UNITS
        )
        return StampReading(dates, coverage, byline, source_label)
    return StampReading(dates, coverage) if dates else NO_STAMPS


def line_features(
    index: int,
    text: str,
    reader: LineReader,
    *,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
    markup: Markup = NO_MARKUP,
) -> Line:
    """One cleaned, non-empty line with its features (see :func:`lines_with_features`)."""
    (line,) = lines_with_features([text], reader, max_line_chars=max_line_chars, markups=[markup])
    return line._replace(position=index) if index else line


def lines_with_features(
    texts: Sequence[str],
    reader: LineReader,
    *,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
    markups: Sequence[Markup] = (),
) -> list[Line]:
    """Cleaned, non-empty lines with their features, at positions from 0 (see
    :func:`prepare_lines`); ``reader`` reads their dates, credits, chrome and caption flags when
    a stage asks for them; ``markups`` (if any) is what the markup says of each line.

    The features are read a batch of lines at a time, each in one pass over the batch's text
    (folds, word and punctuation counts, the lexicon's tail markers) rather than in several
    calls a line. A line whose markup says it points elsewhere (a teaser, a menu item) states
    other pages' dates and bylines: they are not read."""
    lines: list[Line] = []
    for batch in line_batches(texts):
        first = len(lines)
        marked = markups[first : first + len(batch)] or itertools.repeat(NO_MARKUP)
        lines += _batch_features(batch, first, reader, max_line_chars, marked)
    return lines


def _batch_features(
    batch: Sequence[str],
    first: int,
    reader: LineReader,
    max_line_chars: int,
    markups: Iterable[Markup],
) -> list[Line]:
    lexicon = chrome_lexicon()
    # What every lexicon test reads; most Arabic lines (no case, no letter variant) are their
    # own key: one string for both.
    keys = [
        text if key == text else key
        for text, key in zip(batch, map(key_of_folded, fold_lines(batch)), strict=True)
    ]
    columns = zip(
        batch,
        keys,
        _units_per_line(batch),
        count_matches_each(_INNER_PUNCT_RE, batch),
        lexicon.tail_markers(keys),
        markups,
        strict=False,  # ``markups`` may repeat without end
    )
    related = lexicon.inline_related
    return [
        _new_line(
            Line,
            (
                position,
                text,
                key,
                units,
                ends_like_sentence(text),
                inner_punct,
                (short := len(text) <= max_line_chars),
                short and tail,
                key in related,
                bare_clock(text)
                if short and units <= MAX_CLOCK_LINE_UNITS and not markup.elsewhere
                else None,
                reader,
                markup,
            ),
        )
        for position, (text, key, units, inner_punct, tail, markup) in enumerate(columns, first)
    ]


def prepare_lines(
    text: str,
    *,
    reference: datetime | None = None,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
    boilerplate: frozenset[str] = frozenset(),
) -> list[Line]:
    """The dump as logical lines with features (blank lines only separate them).

    ``reference`` is the caller's "now", for relative dates ("منذ 3 ساعات", "أمس"). A line
    longer than ``max_line_chars`` is text: it is never read as chrome, a date or a byline.
    ``boilerplate`` holds ``match_key`` forms of lines known to be this site's chrome: they
    are dropped.
    """
    texts = [line for line in _unwrap(split_physical_lines(text)) if line]
    lines = lines_with_features(texts, LineReader(reference), max_line_chars=max_line_chars)
    if not boilerplate:
        return lines
    # The site's template, unknown to the lexicon: dropped before the layout is read, so that a
    # learned banner inside the article neither splits the body nor costs it as a chrome line
    # would. Lexicon chrome stays: the layout reads the page around it.
    kept = [line for line in lines if line.key not in boilerplate or line.chrome]
    return [line._replace(position=position) for position, line in enumerate(kept)]
