"""Whole-string fast path for the commonest stamp shapes, matched on the raw text.

``[label[:]] [يوم] [weekday[،]] d [من] MONTH[،] Y [era] [sep] [[على] الساعة] [HH:MM[:SS] [am/pm]]``,
the US order ``MONTH d, Y``, numeric ``d/m/Y`` / ``Y/m/d`` with the same optional parts, and
``منذ|قبل [N] UNIT``. One anchored regex built from the same tables as the lexicon (each folded
letter expanded to the raw letters that fold to it, so "إبريل" and "ابريل" need no folding
step) and one dict lookup per name. Anything else, or anything unusual inside these shapes
(harakat, NBSP, a zone, a double month form), fails the match and goes to the token grammar.

The values are built by the same functions as the token grammar's (``_grammar``'s core
constructors, ``_values``), and tests check that both paths agree on every shape, so this is a
shortcut, never a second opinion.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from ._clock import ClockTime, Zone, to_24h
from ._grammar import named_ok, numeric_core
from ._lexicon import Meaning, fold_key, lexicon, table_entries
from ._normalize import fold_plain, fold_with_map
from ._relative import Relative, resolve, step_count
from ._types import Calendar, DateRole, ParsedDate, Precision
from ._values import convert, core_date, settle_weekday, with_clock

__all__ = ["fast_parse"]

_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_ERAS: dict[str, Calendar] = {
    "gregorian": "gregorian",
    "hijri": "hijri",
    "solar_hijri": "solar_hijri",
}


@cache
def _variants() -> dict[str, str]:
    """Folded character → every raw character that folds to it (a regex class body)."""
    groups: dict[str, set[str]] = {}
    for code in [*range(0x20, 0x7F), *range(0x0600, 0x0700)]:
        raw = chr(code)
        folded = fold_with_map(raw).text
        if len(folded) == 1:
            groups.setdefault(folded, set()).add(raw)
    return {f: "".join(sorted(re.escape(c) for c in chars)) for f, chars in groups.items()}


def _units(name: str) -> list[tuple[str, ...]]:
    """Regex units spelling one table entry: its folded form (each letter as the class of raw
    letters that fold to it) and, when different, the raw spelling (harakat included)."""
    variants = _variants()
    folded = tuple(
        "[ ]+" if c == " " else (f"[{variants[c]}]" if c in variants else re.escape(c))
        for c in fold_plain(name)
    )
    raw = tuple("[ ]+" if c == " " else re.escape(c) for c in " ".join(name.split()))
    return list(dict.fromkeys([folded, raw]))


def _trie_regex(spellings: list[tuple[str, ...]]) -> str:
    """One regex for many spellings, factored by common prefix so matching never tries the
    alternatives one by one (Python's ``re`` does not build a trie itself)."""
    trie: dict[str, Any] = {}
    for units in spellings:
        node = trie
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    optional = "" in node
    branches = [unit + _emit(child) for unit, child in sorted(node.items()) if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?"
    return body


def _alternation(field: str, value: object = None) -> str:
    names = {
        name
        for _, name, field_name, entry_value in table_entries()
        if field_name == field and (value is None or entry_value == value)
    }
    return _trie_regex([units for name in sorted(names) for units in _units(name)])


@cache
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = _DIGIT
    # The second name of a double form and the month of the US order are matched as plain
    # words and looked up afterwards (a miss sends the string to the grammar): three copies of
    # the month trie made the regex slow to compile.
    word = r"[^\W\d_]+"
    weekdays, months = _alternation("weekday"), _alternation("month")
    any_month = rf"{word}(?:[ ]*[0-9]|[ ]+{word})?"
    labels, eras, periods = _alternation("label"), _alternation("era"), _alternation("meridiem")
    prefixes = _alternation("zone_prefix")
    zones = "|".join([_alternation("tz"), _alternation("utc")])
    units, deictic, one = _alternation("unit"), _alternation("deictic"), _alternation("number", 1)
    absolute = (
        rf"(?:(?P<label>{labels})[ ]*[:\-]?[ ]*)?"
        rf"(?P<body>(?:(?:يوم[ ]+)?(?P<wd>{weekdays})[ ]*[,،\-]?[ ]*)?"
        rf"(?:(?P<d>{d}{{1,2}})[ ]+(?:من[ ]+)?(?P<m>{months})"
        rf"(?:[ ]*(?P<msep>[/\-(])[ ]*(?P<mx>{any_month})[ ]*(?P<mclose>\))?)?"
        rf"[ ]*[,،]?[ ]*(?P<y>{d}{{4}})"
        rf"|(?P<m2>{any_month})[ ]+(?P<d2>{d}{{1,2}})[ ]*[,،]?[ ]+(?P<y2>{d}{{4}})"
        rf"|(?P<a>{d}{{1,4}})[ ]*(?P<sep>[/.\-])[ ]*(?P<b>{d}{{1,2}})[ ]*(?P=sep)[ ]*"
        rf"(?P<c>{d}{{1,4}}))"
        rf"(?:[ ]*(?P<era>{eras}))?"
        rf"(?:[ ]*(?:[,،\-|][ ]*)?(?:(?:على|في)[ ]+)?(?:الساع[ةه][ ]+)?"
        rf"(?P<h>{d}{{1,2}}):(?P<mi>{d}{{2}})(?::(?P<s>{d}{{2}}))?(?:[ ]*(?P<ap>{periods}))?"
        rf"(?:[ ]*(?P<zp>{prefixes})?[ ]*(?P<zone>{zones}))?)?)"
    )
    relative = (
        rf"(?P<body>(?:منذ|قبل)[ ]+(?:(?P<n>{d}{{1,3}})[ ]+)?(?P<unit>{units})"
        rf"(?:[ ]+(?P<one>{one}))?|(?P<deictic>{deictic}))"
    )
    compiled = re.compile(absolute)
    order = sorted(compiled.groupindex, key=compiled.groupindex.__getitem__)
    if tuple(order) != _GROUPS or compiled.groups != len(_GROUPS):
        raise AssertionError(f"_GROUPS is out of step with the regex: {order}")
    return compiled, re.compile(relative)


@cache
def _names() -> dict[str, Meaning]:
    """Every table spelling, as written and folded (spaces collapsed) → its lexicon meaning.
    Page text usually carries a table spelling exactly, so most lookups need no folding."""
    out: dict[str, Meaning] = {}
    for _, name, _, _ in table_entries():
        key = fold_key(name)
        for entry_key, meaning in lexicon().get(key[0], ()):
            if entry_key == key:
                out[fold_plain(name)] = meaning
                out[" ".join(name.split())] = meaning
    return out


def _meaning(names: dict[str, Meaning], text: str) -> Meaning | None:
    found = names.get(text)
    return found if found is not None else names.get(fold_plain(text))


# Every capturing group of the absolute regex, in pattern order: ``match.groups()`` unpacks
# straight into these (one C call instead of a lookup per name); _regexes() checks the order.
_GROUPS = (
    *("label", "body", "wd", "d", "m", "msep", "mx", "mclose", "y", "m2", "d2", "y2"),
    *("a", "sep", "b", "c", "era", "h", "mi", "s", "ap", "zp", "zone"),
)


_NO_FLAGS: frozenset[str] = frozenset()


def _absolute(
    match: re.Match[str], text: str, offset: int, reference: datetime | None
) -> ParsedDate | None:
    names = _names()
    groups = match.groups()
    label, _, wd, d, m, msep, mx, mclose, y, m2, d2, y2 = groups[:12]
    a, _, b, c, era_text, h, mi, s, ap, zone_prefix, zone_name = groups[12:]
    weekday = None
    if wd:
        wd_meaning = _meaning(names, wd)
        if wd_meaning is None or wd_meaning.weekday is None:
            return None
        weekday = wd_meaning.weekday
    day_value: date | None
    if a is not None:
        era: Calendar | None = None
        if era_text and (era_meaning := _meaning(names, era_text)) is not None:
            era = _ERAS.get(era_meaning.era or "")
        core = numeric_core(0, 0, a, int(b), c, era)
        dated = core_date(core, weekday, reference) if core is not None else None
        if dated is None:
            return None
        day_value, _, flags = dated
        calendar = core.calendar  # type: ignore[union-attr]
    else:
        name, day_text, year_text = (m, d, y) if m else (m2, d2, y2)
        month = _meaning(names, name)
        if month is None or month.month is None:
            return None
        if mx is not None:  # a double form must name one month twice ("آب/اغسطس")
            other = _meaning(names, mx)
            if other is None or other.month != month.month or (mclose and msep != "("):
                return None
        calendar = _ERAS[month.month[0]]
        year, day = int(year_text), int(day_text)
        day_value = convert(calendar, year, month.month[1], day)
        if day_value is None or not named_ok(calendar, year, day):
            return None
        flags = _NO_FLAGS
        if weekday is not None and day_value.weekday() != weekday:
            day_value, flags = settle_weekday(day_value, weekday, None, flags)
    precision: Precision = "day"
    has_offset = False
    if h is None:
        value = datetime(day_value.year, day_value.month, day_value.day)
    else:
        period = None
        if ap and (period_meaning := _meaning(names, ap)) is not None:
            period = period_meaning.meridiem
        hour, minute = to_24h(int(h), period), int(mi)
        second = int(s) if s is not None else None
        if hour is None or hour > 23 or minute > 59 or (second is not None and second > 59):
            return None
        precision = "second" if second is not None else "minute"
        if zone_name is None:
            value = datetime(
                day_value.year, day_value.month, day_value.day, hour, minute, second or 0
            )
        else:
            zone = _zone(names, zone_name, zone_prefix)
            if zone is None:
                return None
            clock = ClockTime(hour, minute, second, 0, precision, 0, period)
            value, has_offset, extra = with_clock(day_value, clock, zone)
            flags = flags | extra if extra else flags
    role: DateRole | None = None
    if label and (label_meaning := _meaning(names, label)) is not None:
        role = "published" if label_meaning.label == "published" else None
        role = "modified" if label_meaning.label == "modified" else role
    span = (offset + match.start("body"), offset + match.end("body"))
    return ParsedDate(value, precision, text, span, has_offset, calendar, role, flags)


def _zone(names: dict[str, Meaning], name: str, prefix: str | None) -> Zone | None:
    meaning = _meaning(names, name)
    if meaning is None:
        return None
    if meaning.utc:
        return Zone(timedelta(0), None, 0)
    if meaning.tz and prefix:
        return Zone(None, meaning.tz, 0)
    return None  # a city without "بتوقيت" is a dateline, not a zone


_RELATIVE = frozenset({"relative"})


def _relative(
    match: re.Match[str], text: str, offset: int, reference: datetime | None
) -> ParsedDate | None:
    if reference is None:
        return None
    names = _names()
    n, unit_text, one, deictic = match.group("n", "unit", "one", "deictic")
    if deictic is not None:
        word = _meaning(names, deictic)
        if word is None or word.deictic is None:
            return None
        relative = Relative(0, 0, (word.deictic,), deictic=True)
    else:
        unit = _meaning(names, unit_text)
        if unit is None or unit.unit is None:
            return None
        if one is not None and (n is not None or unit.unit_count != 1):
            return None  # "3 ساعة واحدة": not a shape the grammar reads either
        count = step_count(int(n) if n is not None else None, unit.unit_count)
        if count is None:
            return None
        relative = Relative(0, 0, ((unit.unit, count),))
    span = (offset + match.start("body"), offset + match.end("body"))
    value = resolve(relative, reference)
    return ParsedDate(value, relative.precision, text, span, False, "gregorian", None, _RELATIVE)


def fast_parse(
    text: str, stripped: str, offset: int, reference: datetime | None
) -> ParsedDate | None:
    """The date of ``stripped`` (``text[offset:]`` without its surrounding spaces) when it has a
    common shape; None means "use the token grammar" (which also decides what is no date)."""
    absolute, relative = _regexes()
    match = absolute.fullmatch(stripped)
    if match is not None:
        return _absolute(match, text, offset, reference)
    match = relative.fullmatch(stripped)
    if match is not None:
        return _relative(match, text, offset, reference)
    return None
