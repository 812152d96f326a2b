"""The date lexicon: every word of the ``data/dates_*.toml`` tables, folded, with its meaning.

Built once on first use (``functools.cache``) and read-only afterwards, so sharing it between
threads is safe. One word may carry several meanings ("م" is both the era suffix and "p.m.",
"شهر" both a unit and a joiner); the grammar decides from position which one applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any, NamedTuple

from ..data import load_table
from ._normalize import fold_plain, fold_with_map, is_spaceless

__all__ = ["Meaning", "fold_key", "lexicon", "spelling_regex", "spellings", "table_entries"]


class Meaning(NamedTuple):
    """What a (possibly multi-word) token can mean around a date."""

    month: tuple[str, int] | None = None  # (calendar, month number)
    weekday: int | None = None  # Monday = 0
    meridiem: str | None = None  # am / pm / noon / afternoon / night / dawn
    hour_word: bool = False  # "Uhr" after a clock time: "20.15 Uhr", "20 Uhr"
    era: str | None = None  # calendar named by a suffix after the year
    zone_prefix: bool = False  # "بتوقيت"
    utc: bool = False  # "غرينتش", "GMT": may stand alone, may take an offset
    tz: str | None = None  # IANA name for a city/country after a zone prefix
    offset: int | None = None  # minutes east of UTC named by an abbreviation ("EDT" = -240)
    label: str | None = None  # published / modified / neutral
    time_joiner: bool = False
    calendar_joiner: bool = False
    day_month_joiner: bool = False
    ordinal_suffix: bool = False  # "th" in "4th": read with the day number it is glued to
    before_weekday: bool = False
    month_year_joiner: bool = False
    ordinal: int | None = None  # "الأول" … "الحادي والثلاثين" as a day of the month
    approximately: bool = False  # "حوالي" between "منذ" and the count
    duration: tuple[str, int] | None = None  # "نصف ساعة" = 30 minutes
    half: bool = False  # "ونصف" after a unit
    past: bool = False  # "الماضي" after a weekday
    day_word: int | None = None  # "غرة" = day 1, needs no "من"
    range_joiner: bool = False  # "6 و 7 يناير": a day range sharing one month
    rel_prep: bool = False
    unit: str | None = None
    unit_count: int | None = None  # 1 singular, 2 dual, None = needs a number
    number: int | None = None
    deictic: tuple[str, int] | None = None
    # Chinese, Japanese, Korean:
    suffix_unit: str | None = None  # what the number before counts: "年" year … "秒" second
    leading_meridiem: str | None = None  # a period before the clock time: "午後", "오후"
    weekday_letter: int | None = None  # "月" in "（月）" right after a date (Monday = 0)
    era_start: tuple[int, int] | None = None  # "平成" → (1989, 31): its year 1, its last year
    year_word: int | None = None  # "元" = an era's year 1
    numeral: int | None = None  # "七" = 7, "〇" = 0, "十" = 10 in "二〇二四年七月三日"
    rel_post: bool = False  # "前", "전" after a count and a unit: "3時間前"


def fold_key(name: str) -> tuple[str, ...]:
    """The lexicon key of a table entry: folded exactly like page text, then split in tokens."""
    from ._tokens import split

    return split(fold_with_map(name).text.strip())


@cache
def table_entries() -> tuple[tuple[str, str, str, Any], ...]:
    """Every table entry as (table, spelling, field, value); the integrity test reads this too."""
    out: list[tuple[str, str, str, Any]] = []
    for region in load_table("dates_months")["region"]:
        for number, names in region["months"].items():
            for name in names:
                out.append(("months", name, "month", (region["calendar"], int(number))))
    for number, names in load_table("dates_weekdays")["weekdays"].items():
        out.extend(("weekdays", name, "weekday", int(number)) for name in names)
    for role, names in load_table("dates_labels")["labels"].items():
        out.extend(("labels", name, "label", role) for name in names)
    zones = load_table("dates_zones")
    out.extend(("zones", name, "zone_prefix", True) for name in zones["prefixes"])
    out.extend(("zones", name, "utc", True) for name in zones["utc"])
    out.extend(("zones", name, "tz", tz) for name, tz in zones["tz"].items())
    out.extend(("zones", name, "offset", _minutes(text)) for name, text in zones["offsets"].items())
    markers = load_table("dates_markers")
    for period, names in markers["meridiem"].items():
        out.extend(("markers", name, "meridiem", period) for name in names)
    for calendar, names in markers["era"].items():
        out.extend(("markers", name, "era", calendar) for name in names)
    joiners = markers["joiners"]
    out.extend(("markers", name, "time_joiner", True) for name in joiners["time"])
    out.extend(("markers", name, "hour_word", True) for name in joiners["hour_word"])
    out.extend(("markers", name, "calendar_joiner", True) for name in joiners["calendar"])
    out.extend(("markers", name, "day_month_joiner", True) for name in joiners["day_month"])
    out.extend(("markers", name, "ordinal_suffix", True) for name in joiners["ordinal_suffix"])
    out.extend(("markers", name, "before_weekday", True) for name in joiners["before_weekday"])
    out.extend(("markers", name, "month_year_joiner", True) for name in joiners["month_year"])
    for number, names in markers["ordinals"].items():
        out.extend(("markers", name, "ordinal", int(number)) for name in names)
    for number, names in markers["day_words"].items():
        out.extend(("markers", name, "day_word", int(number)) for name in names)
    out.extend(("markers", name, "range_joiner", True) for name in joiners["range"])
    for unit, names in markers["suffix_units"].items():
        out.extend(("markers", name, "suffix_unit", unit) for name in names)
    for period, names in markers["meridiem_before"].items():
        out.extend(("markers", name, "leading_meridiem", period) for name in names)
    for number, names in markers["weekday_letters"].items():
        out.extend(("markers", name, "weekday_letter", int(number)) for name in names)
    for name, (first, last) in markers["era_names"].items():
        out.append(("markers", name, "era_start", (int(first), int(last))))
    for number, names in markers["year_words"].items():
        out.extend(("markers", name, "year_word", int(number)) for name in names)
    for number, names in markers["numerals"].items():
        out.extend(("markers", name, "numeral", int(number)) for name in names)
    relative = load_table("dates_relative")
    out.extend(("relative", name, "rel_prep", True) for name in relative["prepositions"])
    out.extend(("relative", name, "rel_post", True) for name in relative["postpositions"])
    out.extend(("relative", name, "approximately", True) for name in relative["approximately"])
    for unit, forms in relative["units"].items():
        out.extend(("relative", name, "unit", (unit, 1)) for name in forms["one"])
        out.extend(("relative", name, "unit", (unit, 2)) for name in forms["two"])
        out.extend(("relative", name, "unit", (unit, None)) for name in forms["many"])
    for unit, names in relative["count_units"].items():
        out.extend(("relative", name, "unit", (unit, None)) for name in names)
    for number, names in relative["numbers"].items():
        out.extend(("relative", name, "number", int(number)) for name in names)
    out.extend(("relative", name, "half", True) for name in relative["half"])
    out.extend(("relative", name, "past", True) for name in relative["past"])
    for name, (unit, count) in relative["durations"].items():
        out.extend([("relative", name, "duration", (unit, int(count)))])
    for name, (unit, count) in relative["deictic"].items():
        out.extend([("relative", name, "deictic", (unit, int(count)))])
    return tuple(out)


def _minutes(offset: str) -> int:
    """``"+03:30"`` → 210, ``"-04:00"`` → -240."""
    hours, minutes = offset[1:].split(":")
    total = int(hours) * 60 + int(minutes)
    return -total if offset[0] == "-" else total


@cache
def lexicon() -> dict[str, tuple[tuple[tuple[str, ...], Meaning], ...]]:
    """First token → candidate entries (longest first), each a token-tuple key and its meaning."""
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    for table, name, field_name, value in table_entries():
        key = fold_key(name)
        slot = merged.setdefault(key, {})
        if field_name == "unit":
            unit, count = value
            slot["unit"] = unit
            slot["unit_count"] = count
            continue
        previous = slot.get(field_name)
        if previous is not None and previous != value:
            raise ValueError(f"dates_{table}: {name!r} means both {previous!r} and {value!r}")
        slot[field_name] = value
    known = set(Meaning._fields)
    by_first: dict[str, list[tuple[tuple[str, ...], Meaning]]] = {}
    for key, slot in merged.items():
        assert set(slot) <= known
        by_first.setdefault(key[0], []).append((key, Meaning(**slot)))
    return {
        first: tuple(sorted(entries, key=lambda entry: -len(entry[0])))
        for first, entries in by_first.items()
    }


def spellings(field: str, value: object = None) -> set[str]:
    """Every table spelling of a lexicon field (with that value, when given), as written."""
    return {
        name
        for _, name, field_name, entry_value in table_entries()
        if field_name == field and (value is None or entry_value == value)
    }


def spelling_regex(names: Iterable[str]) -> str:
    """One regex for table ``names`` as whole tokens of *folded* text (the grammar looks up whole
    tokens, so "ومنذ" is no "منذ"): each name is folded as page text is, so the pattern is made
    of plain letters, and text must be folded (``fold_with_map``) before it is matched. The
    names are factored by common prefix (Python's ``re`` tries alternatives one by one; a trie
    tries one letter per position). A space in a name matches a run of spaces.

    A Han or kana character is a token by itself (``_normalize.SPACELESS``): a name that starts
    (ends) with one needs no bound on that side ("発表昨日の" holds "昨日"). A name in another
    script keeps the letter bounds, so next to a Han or kana character ("記事yesterday") it is
    not matched, though the tokenizer splits there: the one place where these regexes are
    stricter than the grammar (the class of every Han character would cost ~5 ms to compile
    per word list)."""
    folded = {fold_plain(name) for name in names}
    trie: dict[str, Any] = {}
    for name in folded:
        node = trie
        for char in name:
            node = node.setdefault("[ ]+" if char == " " else re.escape(char), {})
        node[""] = {}
    spaceless_first = {name[0] for name in folded if is_spaceless(name[0])}
    spaceless_last = {name[-1] for name in folded if is_spaceless(name[-1])}
    start = _TOKEN_START
    if spaceless_first:
        start = f"(?:(?={_char_class(spaceless_first)})|{start})"
    end = _TOKEN_END
    if spaceless_last:
        end = f"(?:(?<={_char_class(spaceless_last)})|{end})"
    return f"{start}{_emit(trie)}{end}"


# Token bounds: no letter just before or after (folded text holds no tatweel or harakat).
_TOKEN_START = "(?<![^\\W\\d_])"
_TOKEN_END = "(?![^\\W\\d_])"


def _char_class(chars: Iterable[str]) -> str:
    """A regex class for ``chars``, consecutive code points as ranges; one char as a literal."""
    points = sorted({ord(c) for c in chars})
    if len(points) == 1:
        return re.escape(chr(points[0]))
    runs: list[list[int]] = []
    for point in points:
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    parts = (
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs
    )
    return "[" + "".join(parts) + "]"


def _emit(node: dict[str, Any]) -> str:
    optional = "" in node
    branches = [unit + _emit(child) for unit, child in sorted(node.items()) if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if optional else body
