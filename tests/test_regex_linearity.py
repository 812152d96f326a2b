"""Every regular expression the library compiles runs in linear time on hostile text.

The patterns are collected, not listed: every compiled pattern in a module-level global of
``article_extract`` and its submodules, plus the patterns the cached table builders compile
(lexicons, bylines, dates). Each is run (``search``, and every match of ``finditer``) over
long runs of the characters that make backtracking blow up — punctuation, spaces, dashes,
brackets, digits, Arabic and Latin letters — alone, alternating, after a prefix that starts a
match, and followed by a character that breaks the match at the very end. A pattern that is
slow on the long input is then timed on an input an eighth as long: linear work grows about
8×, quadratic work about 64×.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import time
from collections import deque
from collections.abc import Callable, Iterator

import pytest

import article_extract

# Characters around which backtracking patterns go wrong.
HOSTILE_CHARS = [".", " ", "-", "a", "ا", "1", "[", "(", "<", "/", ":", "،", "\n", "_", "|"]
HOSTILE_CHARS += ["'", "ـ", "\t", "x1"]
LONG = 16_000
SHORT = LONG // 8
# Only an operation slower than this on the long input is checked for growth: linear ones take
# a few milliseconds at most per 16,000 characters (a match object per character included),
# quadratic ones hundreds.
SLOW_SECONDS = 0.03
# Growth for 8× the input: linear is ~8, quadratic ~64; the margin absorbs a busy machine.
MAX_GROWTH = 24.0


def _modules() -> Iterator[object]:
    yield article_extract
    for info in pkgutil.walk_packages(article_extract.__path__, "article_extract."):
        if info.name.endswith(".dask") or ".fuzz" in info.name:
            continue  # optional extras
        try:
            yield importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue


def _cached_patterns() -> Iterator[re.Pattern[str]]:
    """Patterns compiled by the cached table builders (not module globals)."""
    from article_extract import _byline, _lexicon

    tables = _byline._tables()
    yield tables.separators_re
    yield tables.caption_re
    yield _lexicon.chrome_lexicon().contains


def _all_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[tuple[str, int], tuple[str, re.Pattern[str]]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = (f"{module.__name__}.{name}", value)
            elif callable(value) and hasattr(value, "cache_info"):
                # an lru_cache'd zero-argument builder of one pattern (e.g. _wide_re)
                try:
                    built = value()
                except TypeError:
                    continue
                if isinstance(built, re.Pattern) and isinstance(built.pattern, str):
                    found[(built.pattern, built.flags)] = (f"{module.__name__}.{name}()", built)
    for pattern in _cached_patterns():
        found[(pattern.pattern, pattern.flags)] = (f"table:{pattern.pattern[:40]}", pattern)
    return sorted(found.values(), key=lambda item: item[0])


# Starts that get a pattern past its first token before the run (URL, tag, label patterns),
# and ends that break a match at the last character.
PREFIXES = ["", "ب", "http://"]
SUFFIXES = ["", "ب", " ", "!"]


def _hostile_texts(length: int) -> Iterator[str]:
    for char in HOSTILE_CHARS:
        run = char * (length // len(char))
        for prefix in PREFIXES:
            for suffix in SUFFIXES:
                yield prefix + run + suffix
        yield (char + "ب") * (length // (len(char) + 1))


def _best_time(operation: Callable[[str], object], text: str, rounds: int = 3) -> float:
    """Best of ``rounds`` in this thread's CPU time (other processes on a busy machine do not
    count), with the garbage collector paused: its passes grow with the heap, not with the
    pattern's work, and would blur the ratio."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(rounds):
            start = time.thread_time()
            operation(text)
            best = min(best, time.thread_time() - start)
    finally:
        gc.enable()
    return best


def _every_match(pattern: re.Pattern[str]) -> Callable[[str], object]:
    return lambda text: deque(pattern.finditer(text), maxlen=0)


PATTERNS = _all_patterns()


def test_patterns_were_collected() -> None:
    # The collection itself must work, or every case below passes vacuously.
    names = [name for name, _ in PATTERNS]
    assert len(PATTERNS) > 30, names
    assert any("_byline" in name for name in names)


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_linear(name: str, pattern: re.Pattern[str]) -> None:
    operations: list[Callable[[str], object]] = [pattern.search, _every_match(pattern)]
    for text, short_text in zip(_hostile_texts(LONG), _hostile_texts(SHORT), strict=True):
        for operation in operations:
            if _best_time(operation, text, rounds=1) < SLOW_SECONDS:
                continue
            # The least growth of two measurements: a busy machine only ever adds time.
            growth = min(
                _best_time(operation, text) / max(_best_time(operation, short_text), 1e-6)
                for _ in range(2)
            )
            assert growth < MAX_GROWTH, (
                f"{name} ({pattern.pattern[:80]!r}) grows {growth:.1f}× for 8× input "
                f"on {text[:12]!r}…{text[-3:]!r}"
            )
