"""``strip_junk``: elements the page hides go (unless they hold much of its text), and the index
it returns describes the cleaned tree. Each case names both sides: a hiding mark that must fire
and a near miss that must not."""

from __future__ import annotations

import pytest

from article_extract._html.parse import parse_page, strip_junk, text_content
from article_extract._inputs import PageInput
from article_extract._model import Options

LONG = "نص المقال الطويل الذي يكفي ليكون أغلب نص الصفحة كلها. " * 6
SHORT = "زر مخفي"


def _cleaned(body: str) -> tuple[str, list[str | None]]:
    """The page's text after ``strip_junk``, and the ids of the elements its index holds."""
    root = parse_page(PageInput(f"<html><body>{body}</body></html>", "html", "utf-8"), Options())
    index = strip_junk(root)
    ids = [e.get("id") for e in root.iter() if e in index.tokens and e.get("id")]
    return " ".join(text_content(root).split()), ids


@pytest.mark.parametrize(
    ("hidden", "dropped"),
    [
        pytest.param("class='hidden'", True, id="hiding-class"),
        pytest.param("class='card sr-only'", True, id="hiding-class-among-others"),
        pytest.param("class='hidden-xs'", False, id="near-miss-class-prefix"),
        pytest.param("hidden", True, id="hidden-attribute"),
        pytest.param("aria-hidden='true'", True, id="aria-hidden-true"),
        pytest.param("aria-hidden='false'", False, id="near-miss-aria-hidden-false"),
        pytest.param("style='display : none'", True, id="display-none"),
        pytest.param("style='VISIBILITY:hidden'", True, id="visibility-hidden"),
        pytest.param("style='display:block'", False, id="near-miss-display-block"),
    ],
)
def test_a_short_element_the_page_hides_is_dropped(hidden: str, dropped: bool) -> None:
    text, ids = _cleaned(f"<p>{LONG}</p><div id='mark' {hidden}>{SHORT}</div>")
    assert (SHORT not in text) is dropped
    assert ("mark" not in ids) is dropped  # the index describes the cleaned tree
    assert LONG.split()[0] in text


@pytest.mark.parametrize(
    ("outer", "inner"),
    [
        pytest.param("style='display:none'", "class='hidden'", id="style-around-class"),
        pytest.param("class='hidden'", "style='display:none'", id="class-around-style"),
        pytest.param("hidden", "aria-hidden='true'", id="attribute-around-attribute"),
    ],
)
def test_a_hidden_element_holding_much_text_stays_and_its_hidden_parts_go(
    outer: str, inner: str
) -> None:
    # The outer box holds 40% of the text, 20% without its hidden part: it is judged on all of
    # its text (its parts are judged after it), so it stays and only the part goes.
    unit = "كلمة " * 10
    body = (
        f"<p>{unit * 6}</p>"
        f"<div id='outer' {outer}>{unit}<span id='inner' {inner}>{unit * 2}ختام</span>"
        f"<b>{unit}بقية</b></div>"
    )
    text, ids = _cleaned(body)
    assert "بقية" in text
    assert "outer" in ids
    assert "ختام" not in text
    assert "inner" not in ids
