"""parse_markdown: cmark's UTF-8 read as is, and blocks nested past MAX_BLOCK_NESTING found by the
walk (the page is then read again with the deepest list and quote tags removed)."""

from __future__ import annotations

import pytest

from article_extract._markdown import cmark
from article_extract._markdown import parse as parse_module
from article_extract._markdown.parse import MAX_BLOCK_NESTING, MarkdownLine, parse_markdown

EXTENSIONS = ("table", "strikethrough")


@pytest.mark.parametrize(
    "markdown",
    ["# عنوان\n\n[رابط](https://example.com/%D8%A7) 日本語 😀", "a | b\n--|--\n1 | 2\n", ""],
)
def test_utf8_renderer_gives_the_html_as_utf8(markdown: str) -> None:
    html = cmark.markdown_renderer(EXTENSIONS)(markdown)
    assert cmark.markdown_utf8_renderer(EXTENSIONS)(markdown) == html.encode("utf-8")


def test_utf8_renderer_falls_back_to_cmarkgfm_when_the_library_cannot_be_called(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(path: str) -> None:
        raise OSError(f"cannot load {path}")

    monkeypatch.setattr(cmark.ctypes, "CDLL", refuse)
    fallback = cmark.markdown_renderer.__wrapped__(EXTENSIONS)
    monkeypatch.setattr(cmark, "markdown_renderer", lambda extensions: fallback)
    render = cmark.markdown_utf8_renderer.__wrapped__(EXTENSIONS)
    assert render("**عربي** text") == "<p><strong>عربي</strong> text</p>\n".encode()


def test_lists_nested_past_the_limit_are_read_at_the_limit() -> None:
    """Past MAX_BLOCK_NESTING levels the list items are one line (their tags removed), read in
    the quotes and lists around them; the text after the nesting is all there."""
    markdown = "> " * (MAX_BLOCK_NESTING + 20) + "deep words\n\nafter the nesting\n"
    lines = parse_markdown(markdown)
    assert [line.text for line in lines] == ["deep words", "after the nesting"]
    assert lines[0].quote
    assert not lines[1].quote


def test_a_page_read_again_gives_each_line_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table inside lists nested just under the limit counts more blocks than the limit (the
    rows, the table): the page is read again, unchanged, and each line comes once."""
    depth = MAX_BLOCK_NESTING // 2  # a list item is two levels: <ul><li>
    indent = "  " * depth
    nested = "".join("  " * level + "- item\n" for level in range(depth))
    markdown = nested + f"\n{indent}| a | b |\n{indent}|---|---|\n{indent}| 1 | 2 |\n\nend words\n"
    html = parse_module._renderer()(markdown).decode("utf-8")
    assert parse_module._nesting_depth(html) <= MAX_BLOCK_NESTING
    flattened: list[str] = []
    flatten = parse_module._flatten
    monkeypatch.setattr(
        parse_module, "_flatten", lambda html: flattened.append(html) or flatten(html)
    )
    lines = parse_markdown(markdown)
    assert len(flattened) == 1  # read again
    assert [line.text for line in lines].count("end words") == 1
    rows = [line for line in lines if line.table_row]
    assert rows == [MarkdownLine("a | b", table_row=True), MarkdownLine("1 | 2", table_row=True)]
    assert len(lines) == depth + 3
