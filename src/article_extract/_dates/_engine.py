"""``parse_date`` and ``find_dates``: scan tokens for date cores, extend them, build results.

One left-to-right pass over the tokens of the folded text. At each token an absolute core is
tried first (so "قبل 5 يونيو" is June 5, not "5 … ago"), then a relative expression. A core is
extended left (weekday, "يوم") and right (clock time, zone), then Hijri/Gregorian pairs on one
line are merged (the Gregorian part wins: it reflects the local sighting). Everything is a pure
function of the input; the lexicon is read-only after first use.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, tzinfo
from functools import cache
from typing import NamedTuple

from ._clock import ClockTime, Zone, named_zone, read_time, read_zone
from ._fast import fast_parse
from ._grammar import DateCore, may_follow_number, read_core, suffix_unit
from ._lexicon import fold_key, spellings
from ._normalize import Folded, fold_with_map
from ._relative import Relative, read_deictic, read_relative, read_relative_after, resolve
from ._tokens import NL, NUM, PUNCT, WORD, Token, split, tokenize
from ._types import DateRole, ParsedDate
from ._values import absolute_value, label_role, with_clock

__all__ = [
    "DIGIT_FREE_STARTS",
    "bare_clock",
    "find_dates",
    "label_start",
    "labelled_clock",
    "may_hold_date",
    "parse_date",
]

# parse_date reads at most this much: a labelled stamp with a Hijri and a Gregorian part and a
# zone is under 120 characters; longer input is running text and find_dates is the tool for it.
MAX_PARSE_CHARS = 300
# Tokens allowed between a date and its clock time ("، آخر تحديث", "على الساعة", " - ").
MAX_TIME_GAP = 4
# Tokens allowed between a Hijri and a Gregorian date on one line ("هـ الموافق لـ", " - ").
MAX_CALENDAR_GAP = 3
# A time before its date spans at most "10 : 30 : 15 صباحاً بتوقيت مكة المكرمة" in tokens.
MAX_TIME_BEFORE_TOKENS = 9
# "من 28 فبراير إلى 3 مارس 2020": at most this many tokens between a yearless day and the
# full date it takes its year from.
MAX_YEAR_BORROW_GAP = 3
# How far before a date a label may stand ("تم نشره يوم الجمعة …").
MAX_LABEL_LOOKBACK = 6
# A clock line, bare or labelled ("آخر تحديث: 06:00 صباحاً بتوقيت مكة المكرمة"), is at most this
# long.
MAX_CLOCK_LINE_CHARS = 60

_RELATIVE = frozenset({"relative"})
_WEEKDAY_GAP = frozenset([",", "،", "-", "|", ":"])
_TIME_GAP = frozenset([",", "،", "-", "|", "@", "/", "(", "_", "•", "·"])
_CALENDAR_GAP = frozenset(["-", "(", ")", "/", "،", ",", "|", "="])

# The lexicon fields of the words at which the scan can start a date that has no digit in it:
# "منذ ساعة", "أمس", "الأحد الماضي", "الأول من يناير" (with a reference), "七月三日" (Chinese
# numerals). A month name always needs a number after it (a day or a year); labels, zones and
# markers only extend a date.
DIGIT_FREE_STARTS = ("rel_prep", "deictic", "weekday", "ordinal", "day_word", "numeral")
# The fields of which a date written with digits needs one word: a month name ("6 يناير"),
# a counted unit ("2025年", "令和7年") and the "ago" that closes "3時間前". Without such a word,
# digits make a date only as d/m/Y or Y/m/d: three numbers (``_grammar._numeric``).
DIGIT_ANCHORS = ("month", "suffix_unit", "era_start", "rel_post")
NUMBERS_OF_A_NUMERIC_DATE = 3


@cache
def _date_word_tokens() -> frozenset[str]:
    """The first tokens of those fields' entries, folded as page text is."""
    fields = DIGIT_FREE_STARTS + DIGIT_ANCHORS
    return frozenset(fold_key(name)[0] for field in fields for name in spellings(field))


# A run of digits of any script (folding maps them all to ASCII digits, and never splits one).
_NUMBER = re.compile(r"\d+")
# Three runs of digits (NUMBERS_OF_A_NUMERIC_DATE): a digit that ends a run, then two more runs.
# Digits and non-digits alternate, so each stretch of the text is read at most twice.
_THREE_NUMBERS = re.compile(r"\d\D+\d+\D+\d")


def may_hold_date(text: str) -> bool:
    """The pre-filter: three numbers, or a token that is the first token of a lexicon entry of
    a DIGIT_FREE_STARTS or DIGIT_ANCHORS field. Text it rejects cannot hold a date ("سطر رقم
    5": one number and no date word)."""
    return _folded_may_hold_date(fold_with_map(text).text)


def _folded_may_hold_date(folded: str) -> bool:
    """:func:`may_hold_date` of folded text. It reads the grammar's own tokens, so it sees a
    word exactly as the grammar does (marks, tatweel, Han and kana included)."""
    if _THREE_NUMBERS.search(folded) is not None:
        return True
    return not _date_word_tokens().isdisjoint(split(folded))


class _Match(NamedTuple):
    """A located expression: token bounds and its parts, before values are computed."""

    start: int
    end: int
    core: DateCore | None = None
    relative: Relative | None = None
    weekday: int | None = None
    time: ClockTime | None = None
    zone: Zone | None = None


def _has(tok: Token, attr: str) -> bool:
    return tok.meaning is not None and bool(getattr(tok.meaning, attr))


def _is_weekday_gap(tok: Token) -> bool:
    """Between a weekday and its date: "الأحد، 11 …", "يوم الخميس الموافق 6 يناير …"."""
    return tok.text in _WEEKDAY_GAP or _has(tok, "calendar_joiner")


def _is_time_gap(tokens: list[Token], k: int) -> bool:
    tok = tokens[k]
    if tok.kind == PUNCT:
        # A colon glued to the date's end: "05 نوفمبر ,2023: 12:40 م".
        return tok.text in _TIME_GAP or (tok.text == ":" and tokens[k - 1].end == tok.start)
    if tok.kind != WORD:
        return False
    if tok.meaning is not None and (tok.meaning.time_joiner or tok.meaning.label):
        return True
    # ISO's "T" between date and time: glued to both sides.
    return (
        tok.text == "t"
        and tokens[k - 1].end == tok.start
        and k + 1 < len(tokens)
        and tokens[k + 1].start == tok.end
    )


def _time_after(tokens: list[Token], end: int) -> tuple[ClockTime, Zone | None] | None:
    k, gap = end, 0
    while k < len(tokens) and gap < MAX_TIME_GAP and _is_time_gap(tokens, k):
        k += 1
        gap += 1
    bare = k > end and tokens[k - 1].text.endswith("الساعه")
    clock = read_time(tokens, k, bare_hour=bare, after_date=True)
    if clock is None:
        return None
    return clock, read_zone(tokens, clock.end)


def _time_before(
    tokens: list[Token], start: int, floor: int
) -> tuple[int, ClockTime, Zone | None] | None:
    """A clock time (and zone) written before the date: "٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠",
    "الساعة 10:30 صباحاً بتوقيت مكة، الخميس 6 يناير 2022"; (first token, time, zone)."""
    j = start - 1
    while j >= floor and (tokens[j].text in _TIME_GAP or _has(tokens[j], "day_month_joiner")):
        j -= 1
    for first in range(max(floor, j - MAX_TIME_BEFORE_TOKENS), j + 1):
        clock = read_time(tokens, first)
        if clock is None:
            continue
        zone = read_zone(tokens, clock.end)
        if clock.end != j + 1 and (zone is None or zone.end != j + 1):
            continue
        zone = zone if clock.end != j + 1 else None
        while first - 1 >= floor and _has(tokens[first - 1], "time_joiner"):
            first -= 1  # "على الساعة 10:30 …"
        return first, clock, zone
    return None


def _weekday_after(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """A weekday right after the date, as East Asian stamps print it: in parentheses after any
    date ("2025年1月13日（月）", "2025. 1. 13.(월)"), or bare after a date whose day carries its
    unit ("2024年7月3日 星期三", "2025년 1월 13일 월요일"); (weekday, index after it)."""
    if end >= len(tokens):
        return None
    tok = tokens[end]
    if tok.text == "(" and end + 2 < len(tokens) and tokens[end + 2].text == ")":
        inner = tokens[end + 1].meaning
        if inner is not None and inner.weekday is not None:
            return inner.weekday, end + 3
        if inner is not None and inner.weekday_letter is not None:
            return inner.weekday_letter, end + 3
        return None
    weekday = tok.meaning.weekday if tok.meaning is not None else None
    if weekday is not None and suffix_unit(tokens, end - 1) == "day":
        return weekday, end + 1
    return None


def _zone_before(tokens: list[Token], start: int, floor: int) -> Zone | None:
    """A zone named just before the date, for the time after it: "北京时间2024年7月3日18时"."""
    j = start - 1
    if j < floor or (meaning := tokens[j].meaning) is None or meaning.offset is None:
        return None
    return named_zone(meaning, False, start)


def _extend_absolute(tokens: list[Token], core: DateCore, floor: int) -> _Match:
    start, end = core.start, core.end
    weekday: int | None = None
    j = start - 1
    while j >= floor and j > start - 3 and _is_weekday_gap(tokens[j]):
        j -= 1
    if j >= floor and (meaning := tokens[j].meaning) is not None and meaning.weekday is not None:
        weekday, start = meaning.weekday, j
        if j - 1 >= floor and _has(tokens[j - 1], "before_weekday"):
            start = j - 1
    if core.day is None:
        return _Match(start, end, core=core, weekday=weekday)
    if (written_after := _weekday_after(tokens, end)) is not None:
        if weekday is None:
            weekday = written_after[0]
        end = written_after[1]
    after = _time_after(tokens, end)
    if after is not None:
        clock, zone = after
        if zone is None and (zone := _zone_before(tokens, start, floor)) is not None:
            return _Match(start - 1, clock.end, core, None, weekday, clock, zone)
        return _Match(start, zone.end if zone else clock.end, core, None, weekday, clock, zone)
    before = _time_before(tokens, start, floor)
    if before is not None:
        first, clock, zone = before
        return _Match(first, end, core, None, weekday, clock, zone)
    return _Match(start, end, core=core, weekday=weekday)


def _on_stamp_line(tokens: list[Token], start: int, end: int) -> bool:
    """True when nothing but labels, punctuation, a weekday or a time shares the line."""

    def quiet(tok: Token) -> bool:
        if tok.kind == PUNCT:
            return True
        m = tok.meaning
        return m is not None and bool(
            m.label or m.weekday is not None or m.before_weekday or m.time_joiner or m.meridiem
        )

    k = start - 1
    while k >= 0 and tokens[k].kind != NL:
        if not quiet(tokens[k]):
            return False
        k -= 1
    k = end
    while k < len(tokens) and tokens[k].kind != NL:
        if not quiet(tokens[k]):
            return False
        k += 1
    return True


def _extend_relative(tokens: list[Token], rel: Relative) -> _Match | None:
    end = rel.end
    clock: ClockTime | None = None
    zone: Zone | None = None
    if rel.deictic and rel.steps[0][0] in ("day", "weekday"):
        after = _time_after(tokens, end)  # "أمس على الساعة 12:00"
        if after is not None:
            clock, zone = after
            end = zone.end if zone else clock.end
        elif rel.steps[0][0] == "weekday" and not rel.explicit:
            return None  # a weekday alone is no date; with a time it is last week's stamp
    if rel.deictic and not _on_stamp_line(tokens, rel.start, end):
        return None
    return _Match(rel.start, end, None, rel, None, clock, zone)


def _scan(tokens: list[Token]) -> list[_Match]:
    found: list[_Match] = []
    i, floor, n = 0, 0, len(tokens)
    while i < n:
        tok = tokens[i]
        match: _Match | None = None
        if (tok.kind == NUM and may_follow_number(tokens[i + 1] if i + 1 < n else None)) or (
            tok.meaning is not None
            and (
                tok.meaning.month is not None
                or tok.meaning.ordinal is not None
                or tok.meaning.day_word is not None
                or tok.meaning.era_start is not None
                or tok.meaning.numeral is not None
            )
        ):
            core = read_core(tokens, i)
            if core is not None:
                match = _extend_absolute(tokens, core, floor)
            elif tok.kind == NUM and (rel := read_relative_after(tokens, i)) is not None:
                match = _extend_relative(tokens, rel)  # "3時間前"
        meaning = tok.meaning
        if (
            match is None
            and meaning is not None
            and (meaning.rel_prep or meaning.deictic is not None or meaning.weekday is not None)
        ):
            rel = read_relative(tokens, i) or read_deictic(tokens, i)
            if rel is not None:
                match = _extend_relative(tokens, rel)
        if match is None:
            i += 1
            continue
        found.append(match)
        i = floor = match.end
    return found


def _role(tokens: list[Token], match: _Match, floor: int) -> DateRole | None:
    """The role a label gives: inside the expression first, else the nearest one before it."""
    for k in range(match.start, match.end):
        if (role := _label_role(tokens[k])) is not None:
            return role
    before = _label_before(tokens, match.start, floor)
    return _label_role(tokens[before]) if before is not None else None


def _label_before(tokens: list[Token], start: int, floor: int) -> int | None:
    """The index of the role-giving label nearest before token ``start`` on its line, within
    ``MAX_LABEL_LOOKBACK`` tokens and not before ``floor`` (the previous date's end)."""
    k = start - 1
    while k >= max(floor, start - MAX_LABEL_LOOKBACK) and tokens[k].kind != NL:
        if _label_role(tokens[k]) is not None:
            return k
        k -= 1
    return None


def label_start(text: str, date: ParsedDate) -> int | None:
    """Where, in ``text``, the label that gives ``date`` (one of ``find_dates(text)``) its role
    starts, when that label stands before the date ("بقلم فلان نشر في: 12 فبراير 2024" → the
    offset of "نشر"); None when no label before it gives one. The rule is :func:`_role`'s."""
    if date.role is None:
        return None
    folded = fold_with_map(text[: date.span[0]])
    tokens = tokenize(folded.text)
    k = _label_before(tokens, len(tokens), 0)
    return folded.span(tokens[k].start, tokens[k].end)[0] if k is not None else None


# A date label alone is a few words ("تاريخ آخر تحديث", "Zuletzt aktualisiert am").
MAX_LABEL_CHARS = 40


def is_date_label(text: str) -> bool:
    """Is ``text`` a date label and nothing else ("آخر تحديث", "Published:", "تاريخ النشر"):
    a field's label printed apart from the stamp it names?"""
    return date_label(text) is not None


def date_label(text: str) -> str | None:
    """The role ("published", "modified", "neutral") of the date label ``text`` is, when it
    is one and nothing else; None otherwise."""
    if len(text) > MAX_LABEL_CHARS:
        return None
    words = [t for t in tokenize(fold_with_map(text).text) if t.kind != PUNCT]
    if len(words) != 1 or words[0].meaning is None:
        return None
    return words[0].meaning.label


def bare_clock(text: str) -> int | None:
    """The time of day (minutes after midnight) of a text that is one clock time and nothing
    else but its period and zone ("16:40", "4:05 PM", "06:00 صباحاً", "16.40 GMT"), as the
    date grammar reads clock times; None for anything else ("16:40 وصل الوفد", "2024", "16.40"
    alone: a decimal number)."""
    if not (_may_be_clock_line(text) and _may_open_clock(text)):
        return None
    tokens = _clock_tokens(text)
    return _clock_to_end(tokens, 0) if tokens else None


@cache
def _clock_openers() -> frozenset[str]:
    """The first tokens of the periods a clock time may open with ("午後", "오후")."""
    return frozenset(fold_key(name)[0] for name in spellings("leading_meridiem"))


@cache
def _clock_opener_letters() -> frozenset[str]:
    return frozenset(opener[0] for opener in _clock_openers())


def _may_open_clock(text: str) -> bool:
    """Does the text start as a clock time does (its hour, or a period before it)? Most short
    lines do not, and are not tokenized (a label, a menu item, "سطر رقم 5"); the head's first
    token is read only when its first character may start a period word. A first character
    that folding keeps as it is opens the folded head too: the head is folded only when that
    character may open a period word, or when folding would change it."""
    first = text[:1]
    if first and not first.isspace() and fold_with_map(first).text == first:
        if first.isdigit():
            return True
        if first not in _clock_opener_letters():
            return False
    head = fold_with_map(text[:MAX_CLOCK_LINE_CHARS]).text.lstrip()
    if head[:1].isdigit():
        return True
    first = head[:1]
    return bool(first) and first in _clock_opener_letters() and split(head)[0] in _clock_openers()


def labelled_clock(text: str) -> int | None:
    """The time of day of a text that ends with a date label and a clock time, and so states
    no day: a live blog's status or an update stamp ("مباشر آخر تحديث: 16:40", "Last updated
    at 4:05 PM EDT"). None for anything else ("آخر تحديث: 12 فبراير 2024", "16:40")."""
    tokens = _clock_tokens(text)
    if not tokens:
        return None
    for k in range(len(tokens) - 1, -1, -1):  # a short text: a few tokens
        meaning = tokens[k].meaning
        if meaning is not None and meaning.label is not None:
            j = k + 1
            while j < len(tokens) and (tokens[j].kind == PUNCT or _has(tokens[j], "time_joiner")):
                j += 1
            return _clock_to_end(tokens, j)
    return None


def _clock_tokens(text: str) -> list[Token]:
    """The tokens of a short text that holds a digit (a clock line), else none."""
    if not _may_be_clock_line(text):
        return []
    return [t for t in tokenize(fold_with_map(text).text) if t.kind != NL]


def _may_be_clock_line(text: str) -> bool:
    """Short enough for a clock line, and holding a digit (every clock time has its hour)."""
    return len(text) <= MAX_CLOCK_LINE_CHARS and _NUMBER.search(text) is not None


def _clock_to_end(tokens: list[Token], start: int) -> int | None:
    """Minutes after midnight of the clock time (period, zone) at token ``start`` when it
    ends the text (but for punctuation)."""
    clock = read_time(tokens, start)
    if clock is None:
        return None
    zone = read_zone(tokens, clock.end)
    end = zone.end if zone is not None else clock.end
    if any(t.kind != PUNCT for t in tokens[end:]):
        return None
    return clock.hour * 60 + clock.minute


def _label_role(tok: Token) -> DateRole | None:
    return label_role(tok.meaning.label) if tok.meaning is not None else None


def _build(
    folded: Folded,
    tokens: list[Token],
    match: _Match,
    floor: int,
    reference: datetime | None,
) -> ParsedDate | None:
    span = folded.span(tokens[match.start].start, tokens[match.end - 1].end)
    role = _role(tokens, match, floor)
    if match.relative is not None:
        if reference is None:
            return None  # never "now" implicitly
        value = resolve(match.relative, reference)
        precision = match.relative.precision
        rel_flags = _RELATIVE
        has_offset = False
        if match.time is not None:
            value, has_offset, extra = with_clock(value.date(), match.time, match.zone)
            if not has_offset and reference.tzinfo is not None:
                value = value.replace(tzinfo=reference.tzinfo)
            precision = match.time.precision
            rel_flags |= extra
        return ParsedDate(
            value, precision, folded.original, span, has_offset, "gregorian", role, rel_flags
        )
    assert match.core is not None
    valued = absolute_value(match.core, match.weekday, match.time, match.zone, reference)
    if valued is None:
        return None
    value, precision, has_offset, flags = valued
    return ParsedDate(
        value, precision, folded.original, span, has_offset, match.core.calendar, role, flags
    )


def _calendar_gap(tokens: list[Token], left: _Match, right: _Match) -> bool:
    gap = right.start - left.end
    if gap > MAX_CALENDAR_GAP:
        return False
    for k in range(left.end, right.start):
        tok = tokens[k]
        if tok.kind == PUNCT and tok.text in _CALENDAR_GAP:
            continue
        if _has(tok, "calendar_joiner"):
            continue
        return False
    return True


def _merge(
    folded: Folded,
    tokens: list[Token],
    left: tuple[_Match, ParsedDate],
    right: tuple[_Match, ParsedDate],
) -> ParsedDate | None:
    """One line with a Hijri and a Gregorian date: the Gregorian one, spanning both."""
    (lm, lp), (rm, rp) = left, right
    greg, other = (lp, rp) if lp.calendar == "gregorian" else (rp, lp)
    gm, om = (lm, rm) if greg is lp else (rm, lm)
    if greg.calendar != "gregorian" or other.calendar == "gregorian":
        return None
    if greg.precision in ("year", "month") or other.precision in ("year", "month"):
        return None
    flags = set(greg.flags) | {"mixed_calendar"}
    if other.value.date() != greg.value.date():
        flags.add("calendar_disagreement")  # local sighting differs from Umm al-Qura
    value, precision, has_offset = greg.value, greg.precision, greg.has_offset
    if gm.time is None and om.time is not None:
        value, has_offset, extra = with_clock(greg.value.date(), om.time, om.zone)
        precision = om.time.precision
        flags |= extra
    weekday = lm.weekday if lm.weekday is not None else rm.weekday
    flags.discard("weekday_mismatch")
    if weekday is not None and weekday != value.weekday():
        flags.add("weekday_mismatch")
    end_tok = rm.end
    opened = any(tokens[k].text == "(" for k in range(lm.end, rm.start))
    if opened and end_tok < len(tokens) and tokens[end_tok].text == ")":
        end_tok += 1
    span = folded.span(tokens[lm.start].start, tokens[end_tok - 1].end)
    return ParsedDate(
        value,
        precision,
        folded.original,
        span,
        has_offset,
        "gregorian",
        lp.role or rp.role,
        frozenset(flags),
    )


def _borrow_years(tokens: list[Token], matches: list[_Match]) -> list[_Match]:
    """A day with no year just before a full date takes that date's year: "من 28 فبراير إلى
    3 مارس 2020" (the year before when the month is later: "28 ديسمبر - 3 يناير 2021")."""
    out = list(matches)
    for k in range(len(out) - 1):
        core, nxt = out[k].core, out[k + 1].core
        if core is None or core.year is not None or nxt is None or nxt.year is None:
            continue
        if core.calendar != nxt.calendar or out[k + 1].start - out[k].end > MAX_YEAR_BORROW_GAP:
            continue
        if not all(_is_borrow_gap(tokens[g]) for g in range(out[k].end, out[k + 1].start)):
            continue
        year = nxt.year if core.month <= nxt.month else nxt.year - 1
        flags = core.flags | {"year_from_context"}
        out[k] = out[k]._replace(core=core._replace(year=year, flags=flags))
    return out


def _is_borrow_gap(tok: Token) -> bool:
    return tok.kind == PUNCT or _has(tok, "range_joiner") or _has(tok, "day_month_joiner")


def _dates(folded: Folded, reference: datetime | None) -> list[ParsedDate]:
    tokens = tokenize(folded.text)
    built: list[tuple[_Match, ParsedDate]] = []
    floor = 0
    for match in _borrow_years(tokens, _scan(tokens)):
        parsed = _build(folded, tokens, match, floor, reference)
        floor = match.end
        if parsed is not None:
            built.append((match, parsed))
    out: list[ParsedDate] = []
    k = 0
    while k < len(built):
        if k + 1 < len(built) and _calendar_gap(tokens, built[k][0], built[k + 1][0]):
            merged = _merge(folded, tokens, built[k], built[k + 1])
            if merged is not None:
                out.append(merged)
                k += 2
                continue
        out.append(built[k][1])
        k += 1
    return out


def _attach(parsed: ParsedDate, default_tz: tzinfo | None) -> ParsedDate:
    if default_tz is None or parsed.value.tzinfo is not None:
        return parsed
    return replace(parsed, value=parsed.value.replace(tzinfo=default_tz))


def _best(found: list[ParsedDate]) -> ParsedDate:
    """The date a one-expression string means: the first absolute one; on a line that also has
    a Gregorian date (not merged with it), a Hijri date yields to it (local sighting)."""
    absolute = [p for p in found if "relative" not in p.flags]
    if not absolute:
        return found[0]
    first = absolute[0]
    if first.calendar != "gregorian":
        gregorian = [p for p in absolute if p.calendar == "gregorian" and p.precision != "month"]
        if gregorian:
            return replace(gregorian[0], flags=gregorian[0].flags | {"mixed_calendar"})
    return first


def parse_date(
    text: str, *, reference: datetime | None = None, default_tz: tzinfo | None = None
) -> ParsedDate | None:
    """Parse one date expression (possibly labelled, with weekday, time and zone) or return None.

    ``text`` is mostly one date ("نشر في: الخميس 06 يناير 2022 - 10:30 م", a metadata value such
    as "2020-12-24T23:59:50+00:00"); only its first ``MAX_PARSE_CHARS`` characters are read. When
    it holds several dates the first absolute one wins (a Hijri+Gregorian pair counts as one,
    valued by its Gregorian part). Relative dates need ``reference``; without it they give None.
    ``default_tz`` is attached to values that state no zone. Year-only strings ("© 2019") and
    impossible dates give None; guesses are reported in ``flags``.
    """
    head = text[:MAX_PARSE_CHARS]
    folded = fold_with_map(head)
    fast = fast_parse(text, folded, reference)
    if fast is not None:
        return fast if default_tz is None else _attach(fast, default_tz)
    if not _folded_may_hold_date(folded.text):
        return None
    found = _dates(folded, reference)
    if found:
        best = _best(found)
        if best.text is not text:
            best = replace(best, text=text)
        return _attach(best, default_tz)
    from ._fallback import fallback

    parsed_fb = fallback(head, reference)
    if parsed_fb is None:
        return None
    return _attach(replace(parsed_fb, text=text), default_tz)


def find_dates(
    text: str, *, reference: datetime | None = None, default_tz: tzinfo | None = None
) -> list[ParsedDate]:
    """Every date expression inside ``text`` (a line, a block, a whole dump), in order.

    Spans index ``text``. Linear in the length of the text; text without three numbers or a
    word that a date needs (:func:`may_hold_date`) is rejected before the grammar runs. Bare
    words such as "اليوم" or "أمس" count only on a line that is a date stamp (labels,
    punctuation, weekday or time around them), since they are everyday words in running text.
    Relative dates need ``reference``.
    """
    folded = fold_with_map(text)
    if not _folded_may_hold_date(folded.text):
        return []
    return [_attach(p, default_tz) for p in _dates(folded, reference)]
