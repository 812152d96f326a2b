"""Class/id vocabulary matching and the per-call tree index."""

from __future__ import annotations

import pytest
from lxml import html

from article_extract._html.index import index_tree
from article_extract._html.parse import parse_page, strip_junk
from article_extract._html.tokens import TokenRules, element_tokens, split_tokens
from article_extract._inputs import PageInput
from article_extract._model import Options


@pytest.mark.parametrize(
    ("value", "tokens"),
    [
        ("jeg_share_button", ("jeg", "share", "button")),
        ("mostReadWidget", ("most", "read", "widget")),
        ("post-read-more-box", ("post", "read", "more", "box")),
        ("a2a_kit col-12", ("a2a", "kit", "col")),
        ("td-post-content tagdiv-type", ("td", "post", "content", "tagdiv", "type")),
        ("123 456", ()),
        ("", ()),
    ],
)
def test_split_tokens(value: str, tokens: tuple[str, ...]) -> None:
    assert split_tokens(value) == tokens


def test_split_tokens_stays_linear_on_long_digit_runs() -> None:
    assert split_tokens("9" * 100_000 + "x") == ()  # capped, and no backtracking blow-up


RULES = TokenRules(["share", "read more", "related posts", "entry content"], negations=["no"])


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        ("post-read-more-box", "read more"),
        ("read-the-more", None),  # tokens must be contiguous
        ("jeg_share_button", "share"),
        ("no-share", None),  # a negation word cancels the token after it
        ("no-share related-posts", "related posts"),
        ("entry-content share", "entry content"),  # several hits: the first in sort order
        ("sharing", None),  # whole tokens only
        ("", None),
    ],
)
def test_token_rules_match(classes: str, expected: str | None) -> None:
    assert RULES.match(element_tokens(html.fragment_fromstring(f'<div class="{classes}"/>'))) == (
        expected
    )


def test_id_tokens_do_not_run_into_class_tokens() -> None:
    element = html.fragment_fromstring('<div class="post read" id="more"/>')
    assert element_tokens(element) == ("post", "read", "|", "more")
    assert RULES.match(element_tokens(element)) is None


def test_tree_index_matching_is_in_document_order_and_groups_repeats() -> None:
    root = html.fromstring(
        "<html><body>"
        "<div class='share' id='a'></div>"
        "<p class='text'>x</p>"
        "<section><div class='read-more' id='b'></div></section>"
        "<div class='share' id='c'></div>"
        "</body></html>"
    )
    index = index_tree(root)
    hits = index.matching(RULES)
    assert [e.get("id") for e in hits] == ["a", "b", "c"]
    assert index.tokens_of(hits[0]) == ("share", "|", "a")
    paragraph = root.find(".//p")
    assert paragraph is not None
    assert index.tokens_of(paragraph) == ("text", "|")
    detached = html.fragment_fromstring("<div class='read-more'/>")
    assert index.tokens_of(detached) == ("read", "more", "|")  # never indexed: on demand


def test_tree_index_elements_with_tokens_or_tags_under_a_scope() -> None:
    root = html.fromstring(
        "<html><body><div id='scope'>"
        "<p>plain</p>"  # neither: left out
        "<p class='text'>classed</p>"
        "<span><b id='x'>inner</b></span>"
        "<nav>bare tag</nav>"
        "</div><p class='outside'>not under the scope</p></body></html>"
    )
    index = index_tree(root)
    scope = root.get_element_by_id("scope")
    found = index.with_tokens_or_tags(scope, {"nav"})
    assert [e.text for e in found] == ["classed", "inner", "bare tag"]  # document order
    assert scope not in found
    detached = html.fragment_fromstring("<div><em class='read-more'>x</em><i>y</i></div>")
    assert [e.tag for e in index.with_tokens_or_tags(detached, ())] == ["em"]  # on demand


@pytest.mark.parametrize(
    ("attributes", "matches"),
    [
        pytest.param("class='read-more'", True, id="whole-rule"),
        pytest.param("class='box' id='readMore'", True, id="rule-in-the-id"),
        pytest.param("class='more read'", False, id="near-miss-rule-tokens-reversed"),
        pytest.param("class='more'", False, id="near-miss-a-later-token-alone"),
        pytest.param("class='read'", False, id="near-miss-the-first-token-alone"),
        pytest.param("class='no-share'", False, id="near-miss-negated"),
    ],
)
def test_tree_index_matching_reads_every_sequence_holding_a_first_token(
    attributes: str, matches: bool
) -> None:
    root = html.fromstring(f"<html><body><div {attributes}></div><p>y</p></body></html>")
    found = index_tree(root).matching(RULES)
    assert (len(found) == 1) is matches
    assert RULES.first_tokens >= {"share", "read", "related", "entry"}


def test_tree_index_elements_with_an_attribute_leave_out_the_hidden_ones() -> None:
    page = PageInput(
        "<html><body><div itemprop='articleBody' id='a'><p>"
        + "نص المقال كله هنا. " * 20
        + "</p></div>"
        "<span itemprop='author' id='b' style='display:none'>مخفي</span>"
        "<span itemprop='' id='c'>فارغ</span><span id='d'>بلا</span>"
        "<a rel='author' id='e'>كاتب</a></body></html>",
        "html",
        "utf-8",
    )
    index = strip_junk(parse_page(page, Options()))
    assert [e.get("id") for e in index.with_attribute("itemprop")] == ["a", "c"]  # b was hidden
    assert [e.get("id") for e in index.with_attribute("rel")] == ["e"]
    assert index.with_attribute("data-none") == []
