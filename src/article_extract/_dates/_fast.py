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
from datetime import datetime, timedelta
from functools import cache
from typing import Any, NamedTuple, TypeVar

from ._clock import Zone, to_24h
from ._grammar import calendar_years, numeric_core
from ._lexicon import Meaning, fold_key, lexicon, table_entries
from ._normalize import fold_plain, fold_with_map
from ._relative import resolve_step, step_count
from ._types import Calendar, DateRole, ParsedDate, Precision
from ._values import convert, core_date, settle_weekday, with_zone

__all__ = ["fast_parse"]

_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_T = TypeVar("_T")
_ERAS: dict[str, Calendar] = {
    "gregorian": "gregorian",
    "hijri": "hijri",
    "solar_hijri": "solar_hijri",
}


@cache
def _variants() -> dict[str, frozenset[str]]:
    """Folded character → every raw character that folds to it."""
    groups: dict[str, set[str]] = {}
    for code in [*range(0x20, 0x7F), *range(0x0600, 0x0700)]:
        raw = chr(code)
        folded = fold_with_map(raw).text
        if len(folded) == 1:
            groups.setdefault(folded, set()).add(raw)
    return {f: frozenset(chars) for f, chars in groups.items()}


def _units(name: str) -> list[tuple[str, ...]]:
    """Regex units spelling one table entry: its folded form (each letter as the class of raw
    letters that fold to it) and, when that does not already match it, the raw spelling
    (harakat, tatweel). Never both for one string: a duplicate path doubles the work of every
    rejected match."""
    variants = _variants()
    folded, spelled = fold_plain(name), " ".join(name.split())
    units = tuple(
        "[ ]+" if c == " " else (_char_class(variants[c]) if c in variants else re.escape(c))
        for c in folded
    )
    covered = len(folded) == len(spelled) and all(
        r == f or r in variants.get(f, ()) for r, f in zip(spelled, folded, strict=True)
    )
    if covered:
        return [units]
    return [units, tuple("[ ]+" if c == " " else re.escape(c) for c in spelled)]


def _char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(sorted(re.escape(c) for c in chars)) + "]"


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
    """The trie of every spelling of a table field, behind a lookahead for its possible first
    characters: at any other character one class test rejects it, instead of a test per
    first-level branch (the label and weekday tries start every absolute match)."""
    names = {
        name
        for _, name, field_name, entry_value in table_entries()
        if field_name == field and (value is None or entry_value == value)
    }
    variants = _variants()
    first: set[str] = set()
    for name in names:
        folded = fold_plain(name)[0]
        first |= variants.get(folded, {folded})
        first.add(name.strip()[0])
    trie = _trie_regex([units for name in sorted(names) for units in _units(name)])
    return f"(?={_char_class(frozenset(first))}){trie}"


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
        rf"(?:(?P<label>{labels})[ ]*(?:[:\-][ ]*)?)?"
        rf"(?P<body>(?:(?:يوم[ ]+)?(?P<wd>{weekdays})[ ]*(?:[,،\-][ ]*)?)?"
        rf"(?:(?P<d>{d}{{1,2}})[ ]+(?:من[ ]+)?(?P<m>{months})"
        rf"(?:[ ]*(?P<msep>[/\-(])[ ]*(?P<mx>{any_month})[ ]*(?P<mclose>\))?)?"
        rf"[ ]*(?:[,،][ ]*)?(?P<y>{d}{{4}})"
        rf"|(?P<m2>{any_month})[ ]+(?P<d2>{d}{{1,2}})[ ]*[,،]?[ ]+(?P<y2>{d}{{4}})"
        rf"|(?P<a>{d}{{1,4}})[ ]*(?P<sep>[/.\-])[ ]*(?P<b>{d}{{1,2}})[ ]*(?P=sep)[ ]*"
        rf"(?P<c>{d}{{1,4}}))"
        # (?!\Z): at the end of the string, skip an optional tail without entering it.
        rf"(?:(?!\Z)[ ]*(?P<era>{eras}))?"
        rf"(?:(?!\Z)[ ]*(?:[,،\-|][ ]*)?(?:(?:على|في)[ ]+)?(?:الساع[ةه][ ]+)?"
        rf"(?P<h>{d}{{1,2}}):(?P<mi>{d}{{2}})(?::(?P<s>{d}{{2}}))?(?:[ ]*(?P<ap>{periods}))?"
        rf"(?:[ ]*(?:(?P<zp>{prefixes})[ ]*)?(?P<zone>{zones}))?)?)"
    )
    relative = (
        rf"(?P<body>(?:منذ|قبل)[ ]+(?:(?P<n>{d}{{1,3}})[ ]+)?(?P<unit>{units})"
        rf"(?:[ ]+(?P<one>{one}))?|(?P<deictic>{deictic}))"
    )
    return _checked(absolute, _GROUPS), _checked(relative, _RELATIVE_GROUPS)


def _checked(pattern: str, groups: tuple[str, ...]) -> re.Pattern[str]:
    compiled = re.compile(pattern)
    order = sorted(compiled.groupindex, key=compiled.groupindex.__getitem__)
    if tuple(order) != groups or compiled.groups != len(groups):
        raise AssertionError(f"group names are out of step with the regex: {order}")
    return compiled


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


class _Tables(NamedTuple):
    """The two regexes and, per match group, spelling → the one value that group needs (so a
    lookup is one dict access, not a Meaning to pick apart). Built once, read-only after."""

    absolute: re.Pattern[str]
    relative: re.Pattern[str]
    weekdays: dict[str, int]
    months: dict[str, tuple[Calendar, int, range]]  # calendar, month, plausible years
    eras: dict[str, Calendar]
    periods: dict[str, str]
    labels: dict[str, str]
    units: dict[str, tuple[str, int | None]]
    deictics: dict[str, tuple[str, int]]
    names: dict[str, Meaning]  # zones: rare, and they need several fields


@cache
def _tables() -> _Tables:
    absolute, relative = _regexes()
    names = _names()
    return _Tables(
        absolute,
        relative,
        weekdays={k: m.weekday for k, m in names.items() if m.weekday is not None},
        months={
            k: (_ERAS[m.month[0]], m.month[1], calendar_years(m.month[0]))
            for k, m in names.items()
            if m.month is not None
        },
        eras={k: _ERAS[m.era] for k, m in names.items() if m.era in _ERAS},
        periods={k: m.meridiem for k, m in names.items() if m.meridiem is not None},
        labels={k: m.label for k, m in names.items() if m.label is not None},
        units={k: (m.unit, m.unit_count) for k, m in names.items() if m.unit is not None},
        deictics={k: m.deictic for k, m in names.items() if m.deictic is not None},
        names=names,
    )


def _lookup(table: dict[str, _T], text: str) -> _T | None:
    """The value of ``text`` as written, else of its folded spelling ("ابريل" for "إبريل")."""
    found = table.get(text)
    return found if found is not None else table.get(fold_plain(text))


# Every capturing group of each regex, in pattern order: ``match.groups()`` unpacks straight
# into these (one C call instead of a lookup per name); _regexes() checks the order.
_GROUPS = (
    *("label", "body", "wd", "d", "m", "msep", "mx", "mclose", "y", "m2", "d2", "y2"),
    *("a", "sep", "b", "c", "era", "h", "mi", "s", "ap", "zp", "zone"),
)
_RELATIVE_GROUPS = ("body", "n", "unit", "one", "deictic")
# The number of the ``body`` group (the span of a result) in each regex.
_BODY, _RELATIVE_BODY = _GROUPS.index("body") + 1, _RELATIVE_GROUPS.index("body") + 1
_ROLES: dict[str, DateRole] = {"published": "published", "modified": "modified"}
_NO_FLAGS: frozenset[str] = frozenset()


def _absolute(
    tables: _Tables, match: re.Match[str], text: str, offset: int, reference: datetime | None
) -> ParsedDate | None:
    (label, _, wd, d, m, msep, mx, mclose, y, m2, d2, y2,
     a, _, b, c, era_text, h, mi, s, ap, zone_prefix, zone_name) = match.groups()  # fmt: skip
    weekday = None
    if wd is not None and (weekday := _lookup(tables.weekdays, wd)) is None:
        return None
    hour = minute = second = 0
    precision: Precision = "day"
    if h is not None:
        hour24: int | None = int(h)
        if ap is not None:
            hour24 = to_24h(int(h), _lookup(tables.periods, ap))
        minute = int(mi)
        if s is not None:
            second, precision = int(s), "second"
        else:
            precision = "minute"
        if hour24 is None or hour24 > 23 or minute > 59 or second > 59:
            return None
        hour = hour24
    flags = _NO_FLAGS
    if a is not None:
        era = _lookup(tables.eras, era_text) if era_text is not None else None
        core = numeric_core(0, 0, a, int(b), c, era)
        dated = core_date(core, weekday, reference) if core is not None else None
        if dated is None:
            return None
        day, _, flags = dated
        calendar = core.calendar  # type: ignore[union-attr]
        value = datetime(day.year, day.month, day.day, hour, minute, second)
    else:
        name, day_text, year_text = (m, d, y) if m is not None else (m2, d2, y2)
        month = _lookup(tables.months, name)
        if month is None:
            return None
        double = mx is not None  # a double form must name one month twice ("آب/اغسطس")
        if double and (_lookup(tables.months, mx) != month or (mclose and msep != "(")):
            return None
        calendar, number, years = month
        year, day_number = int(year_text), int(day_text)
        if year not in years or not 1 <= day_number <= 31:  # _grammar.named_ok, inlined
            return None
        if calendar == "gregorian":  # one constructor both checks the day and builds the value
            try:
                value = datetime(year, number, day_number, hour, minute, second)
            except ValueError:
                return None
        else:
            converted = convert(calendar, year, number, day_number)
            if converted is None:
                return None
            value = datetime(converted.year, converted.month, converted.day, hour, minute, second)
        if weekday is not None and value.weekday() != weekday:
            flags = settle_weekday(value, weekday, None, flags)[1]  # no other reading: flagged
    has_offset = False
    if zone_name is not None:
        zone = _zone(tables.names, zone_name, zone_prefix)
        if zone is None:
            return None
        value, has_offset, extra = with_zone(value, zone)
        flags = flags | extra if extra else flags
    role = _ROLES.get(_lookup(tables.labels, label) or "") if label is not None else None
    span = match.span(_BODY)
    if offset:
        span = (offset + span[0], offset + span[1])
    return ParsedDate(value, precision, text, span, has_offset, calendar, role, flags)


def _zone(names: dict[str, Meaning], name: str, prefix: str | None) -> Zone | None:
    meaning = _lookup(names, name)
    if meaning is None:
        return None
    if meaning.utc:
        return Zone(timedelta(0), None, 0)
    if meaning.tz and prefix:
        return Zone(None, meaning.tz, 0)
    return None  # a city without "بتوقيت" is a dateline, not a zone


_RELATIVE = frozenset({"relative"})


def _relative(
    tables: _Tables, match: re.Match[str], text: str, offset: int, reference: datetime | None
) -> ParsedDate | None:
    if reference is None:
        return None
    _, n, unit_text, one, deictic = match.groups()
    if deictic is not None:
        step = _lookup(tables.deictics, deictic)
        if step is None:
            return None
        unit, count = step
    else:
        found = _lookup(tables.units, unit_text)
        if found is None:
            return None
        unit, unit_count = found
        if one is not None and (n is not None or unit_count != 1):
            return None  # "3 ساعة واحدة": not a shape the grammar reads either
        steps = step_count(int(n) if n is not None else None, unit_count)
        if steps is None:
            return None
        count = steps
    span = match.span(_RELATIVE_BODY)
    if offset:
        span = (offset + span[0], offset + span[1])
    value, precision = resolve_step(unit, count, reference)
    return ParsedDate(value, precision, text, span, False, "gregorian", None, _RELATIVE)


def fast_parse(
    text: str, stripped: str, offset: int, reference: datetime | None
) -> ParsedDate | None:
    """The date of ``stripped`` (``text[offset:]`` without its surrounding spaces) when it has a
    common shape; None means "use the token grammar" (which also decides what is no date)."""
    tables = _tables()
    # The two regexes accept disjoint strings (an absolute stamp has two or three digit runs, a
    # relative one at most one). A relative stamp starts with a letter, so a string starting
    # with a digit only tries the absolute regex; otherwise the relative one goes first, as it
    # rejects at the first character where the absolute one backtracks ~0.6 µs on "منذ".
    if not stripped[0].isdigit():
        match = tables.relative.fullmatch(stripped)
        if match is not None:
            return _relative(tables, match, text, offset, reference)
    match = tables.absolute.fullmatch(stripped)
    if match is not None:
        return _absolute(tables, match, text, offset, reference)
    return None
