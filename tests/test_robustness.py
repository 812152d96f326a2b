"""No input escapes the error hierarchy, and no input is a bug (InternalError).

Property tests feed arbitrary text and bytes, and structured near-pages (dump-like lines, tags),
to extract(): the result is an Article or a typed ExtractError — never another exception, and
never InternalError, which would mean a bug of ours surfaced as a failure.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_extract import Article, ExtractError, InternalError, Options, extract

PHRASES = [
    "الرئيسية",
    "اقرأ أيضا",
    "مقالات ذات صلة",
    "الخميس 06 يناير 2022",
    "منذ 3 ساعات",
    "المصدر بي بي سي",
    "كتب: فلان",
    "وقال المتحدث إن الوزارة ستواصل العمل، وأضاف أن الخطة تمتد لسنوات.",
    "(رويترز)",
    "<p>",
    "</div>",
    "<h1>عنوان</h1>",
    "٢٠٢٢/١١/٢٢",
    "© 2019",
    "",
]
SETTINGS = settings(  # example counts come from the profile in conftest.py
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _check(source: str | bytes) -> None:
    try:
        article = extract(source, options=Options(max_input_bytes=200_000))
    except InternalError as exc:  # pragma: no cover - the assertion message is the point
        pytest.fail(f"internal error on {source!r:.200}: {exc.__cause__!r}")
    except ExtractError:
        return
    assert isinstance(article, Article)
    assert article.title
    assert article.blocks


@SETTINGS
@given(st.text(max_size=3000))
def test_any_text(text: str) -> None:
    _check(text)


@SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    _check(data)


@SETTINGS
@given(st.lists(st.sampled_from(PHRASES) | st.text(max_size=80), max_size=60))
def test_dump_like_lines(lines: list[str]) -> None:
    _check("\n".join(lines))
    _check("\n\n".join(lines).encode("utf-8"))


@SETTINGS
@given(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=40), st.sampled_from(["p", "div"]))
def test_html_like(lines: list[str], tag: str) -> None:
    body = "".join(f"<{tag}>{line}</{tag}>" for line in lines)
    _check(f"<html><head><title>t</title></head><body>{body}</body></html>")


@pytest.mark.parametrize(
    "page",
    [
        "<p>\n\x1f</\n<h1>عنوان</h1>",  # found by hypothesis: a control character in a tail
        "<html><body><h1>عنوان\x0b</h1><div>\x01نص<span>x</span>\x1f</div></body></html>",
        # found by the fuzzer: a character reference the parser turns into a control character,
        # before an element whose tail is moved onto it
        "<html><body><div>&#1;<script>x</script>tail</div><h1>عنوان</h1><p>نص</p></body></html>",
        "<html><body><div><b>x</b>&#xb;<script>x</script>tail</div></body></html>",
        "<html><body><div>&#xFFFE;<style>x</style>&#x1f;</div></body></html>",
    ],
)
def test_control_characters_in_html(page: str) -> None:
    _check(page)


def test_huge_input_is_refused_not_processed() -> None:
    from article_extract import InputTooLarge

    with pytest.raises(InputTooLarge):
        extract("ا" * 1001, options=Options(max_input_bytes=1000))


def test_deeply_nested_html_does_not_crash() -> None:
    page = "<div>" * 50_000 + "نص" + "</div>" * 50_000
    try:
        extract(page)
    except InternalError as exc:  # pragma: no cover
        pytest.fail(f"internal error: {exc.__cause__!r}")
    except ExtractError:
        pass


def test_long_single_line_finishes() -> None:
    line = ("كلمة، " * 200_000).encode("utf-8")
    with contextlib.suppress(ExtractError):
        extract(line)
