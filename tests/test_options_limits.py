"""Options: validated at construction; every limit bounds work and is named when it refuses."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from article_extract import (
    Article,
    InputTooComplex,
    InputTooLarge,
    Options,
    extract,
)
from article_extract._html.jsonld import iter_objects, parse_jsonld
from article_extract._html.parse import _flatten, parse_page
from article_extract._inputs import read_source
from article_extract._model import PARSER_MAX_DEPTH

PARAGRAPH = "وقال المتحدث باسم الوزارة إن الخطة تمتد لسنوات، وأضاف أن العمل سيتواصل في المشروع. "
HEADLINE = "الحكومة تعلن خطة جديدة لدعم المشاريع الصغيرة"


def _page(body: str, head: str = "") -> str:
    return (
        f"<html><head><title>{HEADLINE}</title>{head}</head><body>"
        f"<h1>{HEADLINE}</h1>{body}</body></html>"
    )


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"reference": "2022-01-06T12:00"}, TypeError),
        ({"reference": 1641470400}, TypeError),
        ({"default_tz": "Asia/Riyadh"}, TypeError),
        ({"max_input_bytes": "20MB"}, TypeError),
        ({"max_input_bytes": True}, TypeError),
        ({"max_input_bytes": 0}, ValueError),
        ({"max_tree_depth": 10_000}, ValueError),
        ({"max_tree_depth": 3}, ValueError),
        ({"max_tree_elements": -1}, ValueError),
        ({"max_line_chars": 5}, ValueError),
        ({"max_jsonld_depth": 0}, ValueError),
    ],
)
def test_invalid_options_fail_at_construction(kwargs: dict[str, Any], error: type) -> None:
    with pytest.raises(error, match=next(iter(kwargs))):
        Options(**kwargs)


def test_valid_options_construct() -> None:
    options = Options(
        reference=datetime(2022, 1, 6, 12, tzinfo=UTC),
        default_tz=UTC,
        max_tree_depth=64,
        max_line_chars=500,
    )
    assert options.max_tree_depth == 64


@pytest.mark.parametrize("depth", [300, 5_000, 100_000])
def test_deep_nesting_is_flattened_and_keeps_the_text(depth: int) -> None:
    # libxml2 alone would drop everything below 255 levels, the whole article with it.
    body = "<div>" * depth + f"<p>{PARAGRAPH * 4}</p>" + "</div>" * depth
    article = extract(_page(body))
    assert article.title == HEADLINE
    assert "الخطة تمتد لسنوات" in article.body


def test_flattening_keeps_blocks_apart() -> None:
    body = "<span>" * 400 + "".join(f"<div>{PARAGRAPH}{i}</div>" for i in range(3))
    article = extract(_page(body))
    assert len(article.blocks) == 3


@pytest.mark.parametrize(
    ("markup", "flattened"),
    [
        # A run of layout tags is one block boundary, however long.
        ("<div><div><section>a</section></div></div>b", "<p>a<p>b"),
        ("<div>" * 1_000 + "a" + "</div>" * 1_000, "<p>a<p>"),
        # Only inline tags in the run: no boundary, and the whitespace between them stays.
        ("<b>a</b> <span><i>b</i></span>", "a b"),
        ('<div class="x">\n  <span>a</span>\n</div>', "<p>\n  a<p>\n"),
        # Near misses: tags that are not layout-only, and names that only start like one.
        ("<p><ul><li>a</li></ul></p>", "<p><ul><li>a</li></ul></p>"),
        ("<bdi>a</bdi><divx>b</divx>", "<bdi>a</bdi><divx>b</divx>"),
    ],
)
def test_flattening_unwraps_each_run_of_layout_tags_once(markup: str, flattened: str) -> None:
    assert _flatten(markup) == flattened


def test_flattened_deep_nesting_costs_no_element_per_level() -> None:
    body = "<div>" * 20_000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 20_000
    root = parse_page(read_source(_page(body), url=None, max_bytes=10**8), Options())
    assert sum(1 for _ in root.iter()) < 20


def test_nesting_that_cannot_be_flattened_is_refused_with_the_reason() -> None:
    body = "<ul><li>" * (PARSER_MAX_DEPTH + 50) + f"<p>{PARAGRAPH * 4}</p>"
    with pytest.raises(InputTooComplex, match="levels"):
        extract(_page(body))


def test_a_lower_depth_limit_flattens_earlier() -> None:
    body = "<div>" * 40 + f"<p>{PARAGRAPH * 4}</p>" + "</div>" * 40
    assert "الخطة" in extract(_page(body), options=Options(max_tree_depth=16)).body
    lists = "<ul><li>" * 40 + f"<p>{PARAGRAPH * 4}</p>"
    with pytest.raises(InputTooComplex, match="max_tree_depth=16"):
        extract(_page(lists), options=Options(max_tree_depth=16))


def test_too_many_elements_is_refused_naming_the_option() -> None:
    body = f"<p>{PARAGRAPH}</p>" * 300
    assert isinstance(extract(_page(body)), Article)
    with pytest.raises(InputTooComplex, match=r"max_tree_elements=200") as caught:
        extract(_page(body), options=Options(max_tree_elements=200))
    assert isinstance(caught.value, InputTooLarge)
    assert caught.value.code == "input_too_complex"


def test_input_size_refusal_names_the_option() -> None:
    with pytest.raises(InputTooLarge, match=r"max_input_bytes=1,000; pass Options"):
        extract("ا" * 1001, options=Options(max_input_bytes=1000))


def test_jsonld_over_the_size_limit_is_skipped() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2022-01-06T10:00:00+03:00", "headline": "' + HEADLINE + '"}</script>'
    )
    page = _page(f"<p>{PARAGRAPH * 4}</p>", head=ld)
    assert extract(page).published is not None
    assert extract(page, options=Options(max_jsonld_chars=50)).published is None


def test_jsonld_nesting_is_bounded() -> None:
    nested: Any = {"@type": "NewsArticle"}
    for _ in range(30):
        nested = {"child": nested}
    assert not [o for o in iter_objects(nested, max_depth=12) if o.get("@type")]
    assert [o for o in iter_objects(nested, max_depth=40) if o.get("@type")]
    assert parse_jsonld("[" * 10_000 + "]" * 10_000) is None  # deeper than JSON's recursion


def test_a_line_longer_than_the_limit_is_text_not_chrome() -> None:
    # A sentence that mentions a chrome phrase ("جميع الحقوق محفوظة") is chrome while short;
    # beyond max_line_chars no line heuristic reads it.
    mention = "وأكد أن جميع الحقوق محفوظة للمواطنين " + PARAGRAPH * 3
    dump = (
        f"{HEADLINE}\n\nالخميس 06 يناير 2022\n\n{PARAGRAPH * 3}\n\n{mention}\n\n{PARAGRAPH * 2}\n"
    )
    assert mention.strip() not in extract(dump).body
    assert mention.strip() in extract(dump, options=Options(max_line_chars=200)).body
    page = _page(f"<p>{PARAGRAPH * 3}</p><p>{mention}</p><p>{PARAGRAPH * 2}</p>")
    assert mention.strip() not in extract(page).body
    assert mention.strip() in extract(page, options=Options(max_line_chars=200)).body
