"""Reading inputs is linear in their size: decoding, sniffing and URL normalisation, timed on
hostile inputs of size n and 8n.

A ratio, not an absolute time, so the test holds on a loaded machine: linear work grows ~8×,
quadratic work ~64×; the bound sits well between. Each size is timed in batches long enough to
measure (calibrated on the small input), alternately, a few times; the fastest batch counts.
The clock is this process's CPU time, so other work on a shared machine does not count.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from article_extract._decode import decode_bytes
from article_extract._sniff import SNIFF_WINDOW, detect_kind, sniff_non_page
from article_extract._urls import MAX_URL_CHARS, normalize_url
from article_extract.errors import ExtractError

# 8× the input may cost at most this many times the time (quadratic would be ~64×).
GROWTH = 8
MAX_GROWTH = 24.0
REPEATS = 4
# A batch of calls on the small input lasts at least this long (timer and scheduler noise are
# well under it), with at most this many calls.
MIN_BATCH_SECONDS = 0.004
MAX_BATCH_CALLS = 200


def _call(function: Callable[[object], object], value: object) -> None:
    with contextlib.suppress(ExtractError):  # refusing an input is a result too
        function(value)


def _batch(function: Callable[[object], object], value: object, calls: int) -> float:
    start = time.process_time()
    for _ in range(calls):
        _call(function, value)
    return (time.process_time() - start) / calls


def _growth(function: Callable[[object], object], make: Callable[[int], object], n: int) -> float:
    small, large = make(n), make(GROWTH * n)
    start = time.process_time()
    _call(function, small)  # also warms caches (tables load on first use)
    once = max(time.process_time() - start, 1e-7)
    calls = max(1, min(MAX_BATCH_CALLS, int(MIN_BATCH_SECONDS / once)))
    # Small and large batches alternate, so a burst of load on the machine hits both.
    small_time = large_time = float("inf")
    for _ in range(REPEATS):
        small_time = min(small_time, _batch(function, small, calls))
        large_time = min(large_time, _batch(function, large, calls))
    return large_time / small_time


# The sniffers read a bounded window; inputs sized inside it test the work within the window.
SNIFF_N = SNIFF_WINDOW // 9
SNIFF_CASES: dict[str, Callable[[int], str]] = {
    "open-braces": lambda n: "{" * n,
    "open-brackets": lambda n: "[" * n,
    "json-keys": lambda n: '{"a":' * (n // 5),
    "json-unclosed-string": lambda n: '["' + "a" * n,
    "css-preludes": lambda n: "a{" * (n // 2),
    "css-declarations": lambda n: "a{" + "b:c;" * (n // 4),
    "css-unclosed-comments": lambda n: "a{b:c}" + "/*" * (n // 2),
    "css-unclosed-url": lambda n: "a{b:url(" * (n // 8),
    "css-quotes": lambda n: "a{b:'" * (n // 5),
    "js-parens": lambda n: "var x = " + "(" * n,
    "js-comment-lines": lambda n: "//\n" * (n // 3) + "var x = 1;",
    "robots-lines": lambda n: "User-agent: *\n" * (n // 14),
    "xml-prolog": lambda n: "<?xml " + "a" * n,
    "xml-comments": lambda n: "<!--" * (n // 4),
    "xml-doctype-subset": lambda n: "<!DOCTYPE x [" + "<" * n,
    "tags": lambda n: "<a" * (n // 2),
    "long-tag": lambda n: "<a " + "x" * n,
    "scripts-unclosed": lambda n: "<script>" * (n // 8),
    "json-ld-blob": lambda n: '<script type="application/ld+json">' + "[" * n + "</script><p>x</p>",
    "punctuation": lambda n: "." * n + "x",
    "words": lambda n: "كلمة " * (n // 5),
}


@pytest.mark.parametrize("make", SNIFF_CASES.values(), ids=SNIFF_CASES.keys())
def test_sniffing_is_linear(make: Callable[[int], str]) -> None:
    for function in (sniff_non_page, detect_kind):
        growth = _growth(function, make, SNIFF_N)  # type: ignore[arg-type]
        assert growth < MAX_GROWTH, f"{function.__name__}: {GROWTH}x input took {growth:.1f}x"


DECODE_N = 128 * 1024
DECODE_CASES: dict[str, Callable[[int], bytes]] = {
    "cp1256-undeclared": lambda n: (
        "وقال المتحدث إن الوزارة ستواصل العمل، ".encode("cp1256") * (n // 38)
    ),
    "broken-utf8": lambda n: b"\xd8\xa7\xff" * (n // 3),
    "meta-tags": lambda n: b"<meta" * (n // 5),
    "meta-without-charset": lambda n: b"<meta " + b"a" * n,
    "meta-charset-spaces": lambda n: b"<meta charset=" + b" " * n,
    "xml-declaration": lambda n: b"<?xml " + b"a" * n,
    "high-bytes": lambda n: b"\xff" * n,
}


@pytest.mark.parametrize("make", DECODE_CASES.values(), ids=DECODE_CASES.keys())
def test_decoding_is_linear(make: Callable[[int], bytes]) -> None:
    growth = _growth(decode_bytes, make, DECODE_N)  # type: ignore[arg-type]
    assert growth < MAX_GROWTH, f"{GROWTH}x input took {growth:.1f}x"


URL_N = MAX_URL_CHARS // 9
URL_CASES: dict[str, Callable[[int], str]] = {
    "percents": lambda n: "http://x.test/" + "%" * n,
    "escapes": lambda n: "http://x.test/?" + "%4" * (n // 2),
    "arabic-path": lambda n: "http://x.test/" + "أ" * n,
    "spaces": lambda n: "http://x.test/" + " a" * (n // 2),
    "long-host": lambda n: "http://" + "a" * n + ".test/",
    "brackets": lambda n: "http://[" + ":" * n,
}


@pytest.mark.parametrize("make", URL_CASES.values(), ids=URL_CASES.keys())
def test_url_normalising_is_linear(make: Callable[[int], str]) -> None:
    growth = _growth(normalize_url, make, URL_N)
    assert growth < MAX_GROWTH, f"{GROWTH}x input took {growth:.1f}x"
