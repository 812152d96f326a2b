"""Whole-string fast path: the token grammar's commonest shapes, recognised by one regex.

``[label[:]] [يوم] [weekday[،]] d [من] MONTH[،] Y [era] [sep] [joiners] HH:MM[:SS[.f]] [period]
[[prefix] zone|offset]``, the US order ``MONTH d, Y`` and numeric ``d/m/Y``, ``Y-m-d`` and ISO 8601
(``T``, fractions, offsets, ``Z``) with the same optional parts; ``منذ|قبل [N] UNIT``; a deictic
word alone ("أمس"). Anything else, or anything unusual inside these shapes (a bracket, a dotted
time), fails the match and goes to the token grammar.

The regexes read the text the grammar reads: folded (``fold_with_map``: digits ASCII, letter
variants unified, lower-cased, harakat and tatweel gone), so every word list is a trie of
plain letters, and a span maps back to the caller's text as the grammar's spans do.

Generated, not hand-kept: every word class in the regex is the trie of a lexicon field
(``spelling_regex`` over the ``data/dates_*.toml`` tables) or a plain word that the lexicon
looks up after the match (months, deictic words), and every value is built by the
grammar's own constructors (``numeric_core``/``named_core``, ``clock_time``, ``named_zone``,
``utc_offset``, ``absolute_value``, ``label_role``, ``step_count``, ``resolve_step``). The regex
only says where the parts are; where the grammar would read a part another way, this path
answers None and the grammar decides. It exists for speed alone (a stamp in a quarter of the
grammar's time: the date benchmark's margin over dateparser rests on it), and the tests build
strings from every table spelling and check that it never answers differently from the grammar.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache

from ._clock import Zone, clock_time, named_zone, utc_offset
from ._grammar import DateCore, named_core, numeric_core
from ._lexicon import Meaning, fold_key, lexicon, spelling_regex, spellings, table_entries
from ._normalize import Folded, fold_plain
from ._relative import resolve_step, step_count
from ._types import Calendar, ParsedDate, Precision
from ._values import absolute_value, label_role

__all__ = ["fast_parse"]

_DIGIT = "[0-9]"  # folding makes every digit the grammar reads an ASCII one
_RELATIVE = frozenset({"relative"})


def _words(*fields: str) -> str:
    return spelling_regex(set().union(*(spellings(field) for field in fields)))


@cache
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = _DIGIT
    # Months, relative units and deictic words are matched as plain words and looked up
    # afterwards (a miss sends the string to the grammar): as tries (the months and units are
    # the longest lists, in many languages) they would add ~50% to the regex's compile time,
    # paid by the first extract() of every process. No other word list is tried in their
    # place, so a failed lookup hides no reading the grammar would take. The lists that decide
    # where a word or phrase belongs stay tries: labels, weekdays (else "كانون الثاني 6, 2022"
    # reads as weekday "كانون", month "الثاني"), "يوم", "من", era, meridiem, and the zone after
    # an optional prefix ("التوقيت العالمي" is a UTC name, "التوقيت" a prefix).
    # A word is a whole token (possessive: never a part of one).
    word = r"[^\W\d_]++"
    # A digit group ends where the grammar's number token ends: "144303:30" is no year.
    n = f"(?!{d})"
    any_month = rf"{word}(?:[ ]*[0-9]|[ ]+{word})?"
    offset = rf"[+\-](?:{d}{{4}}|{d}{{1,2}}(?::{d}{{2}})?)"
    absolute = (
        rf"(?:(?P<label>{_words('label')})[ ]*(?:[:\-][ ]*)?)?"
        rf"(?P<body>(?:(?:{_words('before_weekday')}[ ]+)?"
        rf"(?P<wd>{_words('weekday')})[ ]*(?:[,،\-][ ]*)?)?"
        rf"(?:(?P<d>{d}{{1,2}})[ ]+(?:{_words('day_month_joiner')}[ ]+)?(?P<m>{any_month})"
        rf"(?:[ ]*(?P<msep>[/\-(])[ ]*(?P<mx>{any_month})(?:[ ]*(?P<mclose>\)))?)?"
        rf"[ ]*(?:[,،][ ]*)?(?P<y>{d}{{4}}){n}"
        rf"|(?P<m2>{any_month})[ ]+(?P<d2>{d}{{1,2}})(?:[ ]*[,،])?[ ]+(?P<y2>{d}{{4}}){n}"
        rf"|(?P<a>{d}{{1,4}})[ ]*(?P<sep>[/.\-])[ ]*(?P<b>{d}{{1,2}})[ ]*(?P=sep)[ ]*"
        # "1-2-2020-3" is a run of numbers, not a date (_grammar._in_longer_run).
        rf"(?P<c>{d}{{1,4}}){n}(?!(?P=sep)[ ]*{d}))"
        # (?!\Z): at the end of the string, skip an optional tail without entering it.
        rf"(?:(?!\Z)[ ]*(?P<era>{_words('era')}))?"
        rf"(?:(?!\Z)(?:[ ]*(?:[,،\-|][ ]*)?(?:{_words('time_joiner')}[ ]+){{0,2}}|t(?={d}))"
        rf"(?P<h>{d}{{1,2}}):(?P<mi>{d}{{2}})(?::(?P<s>{d}{{2}})(?:[.,](?P<f>{d}{{1,9}}))?)?"
        rf"(?:[ ]*(?P<ap>{_words('meridiem')}))?"
        rf"(?:[ ]*(?:(?:(?P<zp>{_words('zone_prefix')})[ ]*)?"
        rf"(?P<zone>{_words('tz', 'utc', 'offset')})(?P<zoff>{offset})?|(?P<off>{offset})))?)?)"
    )
    relative = (
        rf"(?P<body>{_words('rel_prep')}[ ]+(?:(?P<n>{d}{{1,3}})[ ]+)?(?P<unit>{word})"
        rf"(?:[ ]+(?P<one>{spelling_regex(spellings('number', 1))}))?"
        rf"|(?P<deictic>{word}(?:[ ]+{word})*))"
    )
    return _checked(absolute, _GROUPS), _checked(relative, _RELATIVE_GROUPS)


def _checked(pattern: str, groups: tuple[str, ...]) -> re.Pattern[str]:
    compiled = re.compile(pattern)
    order = sorted(compiled.groupindex, key=compiled.groupindex.__getitem__)
    if tuple(order) != groups or compiled.groups != len(groups):
        raise AssertionError(f"group names are out of step with the regex: {order}")
    return compiled


# Every capturing group of each regex, in pattern order: ``match.groups()`` unpacks straight
# into these (one C call instead of a lookup per name); _regexes() checks the order.
_GROUPS = (
    *("label", "body", "wd", "d", "m", "msep", "mx", "mclose", "y", "m2", "d2", "y2"),
    *("a", "sep", "b", "c", "era", "h", "mi", "s", "f", "ap", "zp", "zone", "zoff", "off"),
)
_RELATIVE_GROUPS = ("body", "n", "unit", "one", "deictic")
# The number of the ``body`` group (the span of a result) in each regex.
_BODY, _RELATIVE_BODY = _GROUPS.index("body") + 1, _RELATIVE_GROUPS.index("body") + 1


@cache
def _names() -> dict[str, Meaning]:
    """Every table spelling, folded (spaces collapsed) → its lexicon meaning."""
    out: dict[str, Meaning] = {}
    for _, name, _, _ in table_entries():
        key = fold_key(name)
        for entry_key, meaning in lexicon().get(key[0], ()):
            if entry_key == key:
                out[fold_plain(name)] = meaning
    return out


_NOTHING = Meaning()
_CALENDARS: dict[str | None, Calendar] = {c: c for c in ("gregorian", "hijri", "solar_hijri")}


def _meaning(word: str) -> Meaning:
    """The meaning of a matched (folded) word; a name of several words may be matched with
    runs of spaces ("كانون  الثاني"). A word is a table spelling of its slot's field, or any
    word in a slot the lookup decides (months, deictic words): a miss (an empty Meaning)
    means no date."""
    names = _names()
    found = names.get(word)
    return found if found is not None else names.get(" ".join(word.split()), _NOTHING)


def _offset(text: str) -> Zone | None:
    """``+0300``, ``-05:00``, ``+3`` as a fixed zone (what the grammar's ``_read_offset`` reads)."""
    body = text[1:]
    if ":" in body:
        hours, minutes = body.split(":")
    else:
        hours, minutes = (body[:2], body[2:]) if len(body) == 4 else (body, "0")
    delta = utc_offset(text[0], int(hours), int(minutes))
    return Zone(delta, None, 0) if delta is not None else None


def _zone(
    prefix: str | None, name: str | None, name_offset: str | None, bare: str | None
) -> Zone | None:
    if bare is not None:
        return _offset(bare)
    meaning = _meaning(name) if name is not None else _NOTHING
    zone = named_zone(meaning, prefix is not None, 0)
    if zone is None or name_offset is None:
        return zone
    return _offset(name_offset) if meaning.utc else None  # only a UTC name takes an offset


def _absolute(
    match: re.Match[str], text: str, folded: Folded, offset: int, reference: datetime | None
) -> ParsedDate | None:
    (label, _, wd, d, m, msep, mx, mclose, y, m2, d2, y2, a, _, b, c,
     era_text, h, mi, s, f, ap, zp, zone_name, zone_offset, bare) = match.groups()  # fmt: skip
    weekday = _meaning(wd).weekday if wd is not None else None
    if wd is not None and weekday is None:
        return None
    era = _CALENDARS.get(_meaning(era_text).era) if era_text is not None else None
    core: DateCore | None
    if a is not None:
        core = numeric_core(0, 0, a, int(b), c, era)
    else:
        name, day, year = (m, d, y) if m is not None else (m2, d2, y2)
        month = _meaning(name).month
        if month is None or (mx is not None and _meaning(mx).month != month):
            return None  # a double form names one month twice ("آب/اغسطس")
        if mclose is not None and msep != "(":
            return None
        calendar = _CALENDARS[month[0]]
        core = named_core(0, 0, calendar, int(year), month[1], int(day), era)
    if core is None:
        return None
    clock = zone = None
    if h is not None:
        precision: Precision = "second" if s is not None else "minute"
        micro = int(f[:6].ljust(6, "0")) if f is not None else 0
        period = _meaning(ap).meridiem if ap is not None else None
        sec = int(s) if s is not None else None
        if (clock := clock_time(int(h), int(mi), sec, micro, precision, 0, period)) is None:
            return None
        named = zone_name is not None or bare is not None
        if named and (zone := _zone(zp, zone_name, zone_offset, bare)) is None:
            return None
    valued = absolute_value(core, weekday, clock, zone, reference)
    if valued is None:
        return None
    value, precision, has_offset, flags = valued
    role = label_role(_meaning(label).label) if label is not None else None
    span = folded.span(offset + match.start(_BODY), offset + match.end(_BODY))
    return ParsedDate(value, precision, text, span, has_offset, core.calendar, role, flags)


def _relative(
    match: re.Match[str], text: str, folded: Folded, offset: int, reference: datetime | None
) -> ParsedDate | None:
    if reference is None:
        return None
    _, n, unit_text, one, deictic = match.groups()
    if deictic is not None:
        step = _meaning(deictic).deictic
        if step is None:
            return None
        unit, count = step
    else:
        meaning = _meaning(unit_text)
        if meaning.unit is None:
            return None
        if one is not None and (n is not None or meaning.unit_count != 1):
            return None  # "3 ساعة واحدة": not a shape the grammar reads either
        steps = step_count(int(n) if n is not None else None, meaning.unit_count)
        if steps is None:
            return None
        unit, count = meaning.unit, steps
    span = folded.span(offset + match.start(_RELATIVE_BODY), offset + match.end(_RELATIVE_BODY))
    value, precision = resolve_step(unit, count, reference)
    return ParsedDate(value, precision, text, span, False, "gregorian", None, _RELATIVE)


def fast_parse(text: str, folded: Folded, reference: datetime | None) -> ParsedDate | None:
    """The date of ``folded`` (a head of ``text``, folded), spaces around it aside, when it has
    a common shape; None means "use the token grammar" (which also decides what is no date)."""
    stripped = folded.text.strip()
    if not stripped:
        return None
    offset = folded.text.index(stripped[0])
    absolute, relative = _regexes()
    # The two regexes accept disjoint strings (an absolute stamp has two or three digit runs, a
    # relative one at most one). A relative stamp starts with a letter, so a string starting
    # with a digit only tries the absolute regex; otherwise the relative one goes first, as it
    # rejects at the first character where the absolute one backtracks.
    if not stripped[0].isdigit():
        match = relative.fullmatch(stripped)
        if match is not None:
            return _relative(match, text, folded, offset, reference)
    match = absolute.fullmatch(stripped)
    if match is not None:
        return _absolute(match, text, folded, offset, reference)
    return None
