"""Relative dates ("منذ 3 ساعات", "قبل يومين", "قبل شهر و 2 أسبوع", "أمس", "العام السابق", and
the count-first "3時間前", "3시간 전").

Read from tokens into a list of (unit, count) steps; resolved only against a reference the
caller gives. Minute/hour/second steps keep the clock time; day/week/month/year steps give a
date only. Month and year steps are calendar arithmetic (the day is clamped, like dateutil's
``relativedelta``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from ._calendars import add_months
from ._tokens import NUM, Token
from ._types import Precision

__all__ = [
    "Relative",
    "read_deictic",
    "read_relative",
    "read_relative_after",
    "resolve",
    "resolve_step",
    "step_count",
]

# More steps than "a month and 2 weeks and 3 days" is not a date stamp.
MAX_STEPS = 3
# A count beyond this is a quantity, not a time ago ("منذ 1500 عام" is history, not a stamp).
MAX_COUNT = 500

_PRECISION: dict[str, Precision] = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "day",
    "month": "day",
    "year": "day",
    "weekday": "day",
}
# What "ونصف" adds after a unit.
_HALF = {"hour": ("minute", 30), "minute": ("second", 30)}
# Finest first: the finest step sets the precision; steps apply coarsest first.
_ORDER = ("second", "minute", "hour", "day", "weekday", "week", "month", "year")
_RANK = {unit: rank for rank, unit in enumerate(_ORDER)}
# Units of a fixed length.
_FIXED = {
    "second": timedelta(seconds=1),
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
}
# Units counted in calendar months.
_MONTHS = {"month": 1, "year": 12}


class Relative(NamedTuple):
    """Steps back from the reference, with token bounds ``[start, end)`` (a NamedTuple: the
    fast path builds one per relative stamp, and a frozen dataclass costs ~4× as much)."""

    start: int
    end: int
    steps: tuple[tuple[str, int], ...]  # (unit, count back)
    deictic: bool = False  # a bare word like "أمس" (only trusted on a date-stamp line)
    explicit: bool = False  # a weekday that says "last" ("الأحد الماضي") needs no clock time

    @property
    def precision(self) -> Precision:
        steps = self.steps
        finest = steps[0] if len(steps) == 1 else min(steps, key=_finest_first)
        return _PRECISION[finest[0]]


def _finest_first(step: tuple[str, int]) -> int:
    return _RANK[step[0]]


def _coarsest_first(step: tuple[str, int]) -> int:
    return -_RANK[step[0]]


def _count_then_unit(tokens: list[Token], i: int) -> tuple[str, int, int] | None:
    """``[N|number word] UNIT [واحد]`` → (unit, count, end)."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    count: int | None = None
    if tok.kind == NUM and len(tok.text) <= 3:
        count, i = tok.value, i + 1
    elif tok.meaning is not None and tok.meaning.number is not None and tok.meaning.unit is None:
        count, i = tok.meaning.number, i + 1
    if i >= len(tokens):
        return None
    meaning = tokens[i].meaning
    if meaning is None or meaning.unit is None:
        return None
    unit, implied = meaning.unit, meaning.unit_count
    i += 1
    if count is None and implied == 1:
        follower = tokens[i].meaning if i < len(tokens) else None
        if follower is not None and follower.number == 1:
            i += 1  # "ساعة واحدة"
    steps = step_count(count, implied)
    return (unit, steps, i) if steps is not None else None


def step_count(written: int | None, implied: int | None) -> int | None:
    """How many units back: the number written, else the one the word implies (dual → 2)."""
    if written is None:
        return implied  # None for "منذ ساعات": some hours ago, nothing to compute with
    if implied == 2:
        return None  # "3 ساعتين" is not Arabic; refuse rather than guess
    return written if 0 < written <= MAX_COUNT else None


def read_relative(tokens: list[Token], i: int) -> Relative | None:
    """``منذ|قبل`` then one or more ``N UNIT`` steps joined by "و"."""
    meaning = tokens[i].meaning
    if meaning is None or not meaning.rel_prep:
        return None
    k = i + 1
    if k < len(tokens) and (approx := tokens[k].meaning) is not None and approx.approximately:
        k += 1  # "منذ حوالي ساعتين"
    first = _step(tokens, k)
    if first is None:
        return None
    steps = [first[:2]]
    end = first[2]
    while len(steps) < MAX_STEPS and end < len(tokens):
        meaning = tokens[end].meaning
        if meaning is not None and meaning.half and steps[-1][0] in _HALF:
            steps.append(_HALF[steps[-1][0]])  # "منذ ساعتين ونصف"
            end += 1
            continue
        if tokens[end].text != "و":
            break
        nxt = _step(tokens, end + 1)
        if nxt is None:
            break
        steps.append(nxt[:2])
        end = nxt[2]
    return Relative(i, end, tuple(steps))


def read_relative_after(tokens: list[Token], i: int) -> Relative | None:
    """``N UNIT [半] 前``: the count first and "ago" last, as Chinese, Japanese and Korean write
    it ("3時間前", "3小时前", "3시간 전", "1時間半前"). The count is written in digits."""
    if tokens[i].kind != NUM:
        return None
    step = _count_then_unit(tokens, i)
    if step is None:
        return None
    unit, count, end = step
    steps = [(unit, count)]
    if end < len(tokens) and (meaning := tokens[end].meaning) is not None and meaning.half:
        if unit not in _HALF:
            return None
        steps.append(_HALF[unit])
        end += 1
    if end >= len(tokens) or (after := tokens[end].meaning) is None or not after.rel_post:
        return None
    return Relative(i, end + 1, tuple(steps))


def _step(tokens: list[Token], i: int) -> tuple[str, int, int] | None:
    """One step back: a fixed duration ("نصف ساعة") or a count and a unit."""
    if i < len(tokens) and (meaning := tokens[i].meaning) is not None and meaning.duration:
        return meaning.duration[0], meaning.duration[1], i + 1
    return _count_then_unit(tokens, i)


def read_deictic(tokens: list[Token], i: int) -> Relative | None:
    """A word that is a date by itself: "أمس", "اليوم", "البارحة", "العام السابق"; or a bare
    weekday, which the engine accepts only with a clock time ("الأحد عند الساعة 12:00" is how
    pages print last Sunday)."""
    meaning = tokens[i].meaning
    if meaning is None:
        return None
    if meaning.deictic is not None:
        unit, count = meaning.deictic
        return Relative(i, i + 1, ((unit, count),), deictic=True)
    if meaning.weekday is not None:
        step = (("weekday", meaning.weekday),)
        nxt = tokens[i + 1].meaning if i + 1 < len(tokens) else None
        if nxt is not None and nxt.past:
            return Relative(i, i + 2, step, deictic=True, explicit=True)  # "الأحد الماضي"
        return Relative(i, i + 1, step, deictic=True)
    return None


def resolve(relative: Relative, reference: datetime) -> datetime:
    """``reference`` minus the steps, truncated to the relative expression's precision."""
    steps = relative.steps
    if len(steps) == 1:
        return resolve_step(*steps[0], reference)[0]
    value = reference
    for unit, count in sorted(steps, key=_coarsest_first):
        value = _back(value, unit, count, reference)
    return _truncated(value, relative.precision)


def resolve_step(unit: str, count: int, reference: datetime) -> tuple[datetime, Precision]:
    """One step back ("منذ 3 ساعات", "أمس") and its precision: what ``resolve`` gives for a
    one-step Relative, for callers that need not build one (the fast path)."""
    precision = _PRECISION[unit]
    return _truncated(_back(reference, unit, count, reference), precision), precision


def _back(value: datetime, unit: str, count: int, reference: datetime) -> datetime:
    if unit == "weekday":  # the last such weekday before the reference day (1-7 days)
        return value - timedelta(days=(reference.weekday() - count) % 7 or 7)
    if unit in _MONTHS:
        return add_months(value, -_MONTHS[unit] * count)
    return value - _FIXED[unit] * count


def _truncated(value: datetime, precision: Precision) -> datetime:
    """``value`` without what is finer than ``precision`` (an hour keeps its minutes: "منذ 3
    ساعات" is three hours before the reference minute). The constructor costs half of
    ``replace()`` with keywords; a subclass (pandas' Timestamp) keeps its type via ``replace``."""
    hour, minute = (0, 0) if precision == "day" else (value.hour, value.minute)
    second = value.second if precision == "second" else 0
    if type(value) is not datetime:
        return value.replace(hour=hour, minute=minute, second=second, microsecond=0)
    y, m, d, tz = value.year, value.month, value.day, value.tzinfo
    return datetime(y, m, d, hour, minute, second, 0, tz, fold=value.fold)
