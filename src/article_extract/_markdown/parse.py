"""Markdown text → the page's lines as the markup gives them, read by a CommonMark parser.

The parser is cmark-gfm (the library ``cmarkgfm`` ships, called by :mod:`.cmark`): the
CommonMark reference implementation, in C, with GitHub's tables and strikethrough — the dialect
Markdown producers target (html2text, markdownify, crawl4ai, Firecrawl…). It is loaded on first
use, so that ``import article_extract`` does not pay for it. Its document tree (rendered as
HTML, which CommonMark defines element for element, and read back with lxml) gives the block
structure — headings and their level, list items, block quotes, paragraphs, code, tables —
and, inside each block, links with their targets, images with their alt text, emphasis and
entities. Raw HTML is never passed through (cmark's safe mode omits it). This stage keeps what
a reader sees:

* one :class:`MarkdownLine` per paragraph, heading, list item, table row or code line; a hard
  line break (``"  \\n"``, ``<br>``) starts a new line, a soft break (a wrapped line) joins;
* the text without markup: link text kept and its target recorded (:class:`Link`); images,
  emphasis markers, heading hashes, list bullets and quote markers gone; entities and
  backslash escapes resolved;
* a table row (GitHub tables) is one line, its cells joined by `` | ``;
* an image outside a link stands apart: it gives a line with no text and its alt text, so the
  next stage can read the line under it as a caption (html2text glues a gallery's images and
  captions on one line); an image inside a link (a teaser card) is part of the link;
* lists and quotes nested deeper than :data:`MAX_BLOCK_NESTING` are read at that depth, so no
  input loses text to the tree builder's depth limit;
* html2text indents nested lists by four spaces, which CommonMark reads as an indented code
  block once a blank line has closed the list: a code block without a language is parsed again
  as Markdown, to :data:`MAX_CODE_REPARSE_DEPTH` levels (deeper, its lines are text).

Text that is a link target written out (an autolink ``<https://…>``, a link whose text is its
URL, a bare address alone on a line) is a target, not text; an address inside a sentence is
text. A link the parser refused (html2text writes a ``mailto:`` target with spaces) and
delimiter runs it could not pair (an empty ``<i>`` icon written ``__``) are cleaned from the
text, so a literal ``[text](target)`` in the text reads as a link (its target dropped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import accumulate, compress
from typing import TYPE_CHECKING, NamedTuple

from .._dump.lines import wrap_glue
from .._text import clean_text, without_surrogates
from .cmark import markdown_utf8_renderer

if TYPE_CHECKING:
    from lxml.etree import _Element

__all__ = ["MAX_CODE_REPARSE_DEPTH", "Link", "MarkdownLine", "parse_markdown"]

# How deep a code block is parsed again as Markdown (see the module docstring).
MAX_CODE_REPARSE_DEPTH = 3
# Lists and block quotes nested deeper than this are read as if they were this deep: libxml2
# stops building a tree (and drops the rest of the document) about 255 elements down.
MAX_BLOCK_NESTING = 100
# The block elements cmark nests (its HTML is well formed: every tag is closed in order).
_NESTING_TAG_RE = re.compile(r"<(/?)(?:ul|ol|li|blockquote)(?=[\s>])[^<>]{0,200}>")
# What an opening ("") and a closing ("/") nesting tag do to the depth.
_STEPS = {"": 1, "/": -1}
# GitHub's extensions to CommonMark that Markdown producers write. Not "autolink": an address
# written in the text stays text, as the page shows it.
_EXTENSIONS = ("table", "strikethrough")
# Runs of emphasis delimiters left unpaired in the text (two or more: a single "*" is text,
# "日南市*").
_DELIMITER_RUN_RE = re.compile(r"[*_]{2,}")
# A link or image the parser did not take as one: text, then target, each bounded and unable to
# run into the next "[" (one pass over the line). A title in quotes may hold one level of
# parentheses ("… (صور)"); the two alternatives cannot match the same character.
_UNPARSED_LINK_RE = re.compile(
    r"(!?)\[([^\[\]\n]{0,500})\]\((?:[^()\[\]\n]|\([^()\[\]\n]{0,200}\)){0,4000}\)"
)
# The closing half of a link whose "[" opened in an earlier block or before an image (a target
# and maybe a title, as above).
_ORPHAN_TARGET_RE = re.compile(r"\]\((?:[^()\[\]\n]|\([^()\[\]\n]{0,200}\)){1,4000}\)")
# Heading hashes left at the start of a line once an unpaired delimiter before them is gone
# ("__##### name": an empty icon, then a heading html2text could not start a line with).
_LEADING_HASHES_RE = re.compile(r"^\s*#{1,6}(?:\s|$)")
# Link text that is only an address: the target written out, not words.
_ADDRESS_RE = re.compile(r"^(?:https?://|www\.|mailto:)\S*$", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W_]")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# What cmark's safe mode writes in place of raw HTML.
_OMITTED_HTML = b"<!-- raw HTML omitted -->"
# Elements that end the line before them and after them.
_BLOCKS = frozenset({"p", "li", "blockquote", "pre", "table", "tr", "hr", "ul", "ol", *_HEADINGS})
# The block elements that change where the text inside them stands (:class:`_Context`).
_CONTEXT_BLOCKS = frozenset({"li", "blockquote", *_HEADINGS})


class Link(NamedTuple):
    """A link on a line: its visible text and its target as written (relative or absolute)."""

    text: str
    target: str


class MarkdownLine(NamedTuple):
    """One line of the page as the markup gives it."""

    text: str  # visible text, cleaned ("" for an image or a line of icons)
    heading: int = 0  # heading level 1-6; 0 when not a heading
    list_item: bool = False
    quote: bool = False
    linked: float = 0.0  # share of the letters of ``text`` inside links
    links: tuple[Link, ...] = ()
    images: tuple[str, ...] = ()  # alt texts of the images on the line
    image: bool = False  # the line is an image (no text): the line under it may be its caption
    table_row: bool = False  # a table row; its cells joined by " | "
    # A line with no text still carries its links (icons, share buttons).


def _renderer() -> Callable[[str], bytes]:
    """CommonMark + GitHub extensions → HTML (UTF-8), loaded on first use."""
    return markdown_utf8_renderer(_EXTENSIONS)


def _flatten(html: str) -> str:
    """``html`` without the list and quote tags nested deeper than MAX_BLOCK_NESTING (their
    content kept). One pass over the tags."""
    if _nesting_depth(html) <= MAX_BLOCK_NESTING:  # the common case: nothing to remove
        return html
    pieces: list[str] = []
    kept: list[bool] = []  # per open tag: written out
    depth = 0
    position = 0
    for match in _NESTING_TAG_RE.finditer(html):
        if match.group(1):  # a closing tag
            if kept and not kept.pop():
                pieces.append(html[position : match.start()])
                position = match.end()
            depth = max(0, depth - 1)
            continue
        depth += 1
        kept.append(depth <= MAX_BLOCK_NESTING)
        if not kept[-1]:
            pieces.append(html[position : match.start()])
            position = match.end()
    if not pieces:
        return html
    pieces.append(html[position:])
    return "".join(pieces)


def _nesting_depth(html: str) -> int:
    """How deep the list and quote tags of ``html`` nest (counted in C: a page holds hundreds
    of list items). Closing tags without an opening one (never in cmark's output) count as
    deep: the walk in :func:`_flatten` then reads them as it always did."""
    steps = list(accumulate(map(_STEPS.__getitem__, _NESTING_TAG_RE.findall(html))))
    if not steps:
        return 0
    return max(steps) if min(steps) >= 0 else MAX_BLOCK_NESTING + 1


def _tree(html: bytes) -> _Element:
    from lxml import etree

    # cmark writes raw HTML as a comment ("<!-- raw HTML omitted -->"), which the walk below
    # does not visit: it stands for a tag, a word boundary ("one<br>two" is two words), and
    # the text after it is kept.
    html = html.replace(_OMITTED_HTML, b" ")
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True)
    document = etree.fromstring(b"<html><body>" + html + b"</body></html>", parser)
    body = document.find("body") if document is not None else None
    return body if body is not None else etree.Element("body")


def _unparsed_link_text(match: re.Match[str]) -> str:
    text = match.group(2)
    return "" if match.group(1) or _ADDRESS_RE.match(text.strip()) else text


def _letters(text: str) -> int:
    """Letters and digits in ``text``: the characters ``[^\\W_]`` matches (``str.isalnum``)."""
    return sum(map(str.isalnum, text))


class _Context(NamedTuple):
    """Where the text being read stands: its heading level, list and quote depths (a tuple: one
    is made for every heading, list item and quote the walk enters)."""

    heading: int = 0
    list_depth: int = 0
    quote_depth: int = 0


_TOP = _Context()


class _LineBuilder:
    """Accumulates the text of the current block into lines."""

    __slots__ = (
        "_cleaned",
        "images",
        "lines",
        "linked",
        "links",
        "open_at",
        "parts",
        "row",
        "target",
    )

    def __init__(self) -> None:
        self.lines: list[MarkdownLine] = []
        self.row: list[MarkdownLine] | None = None  # the cells of the table row being read
        # clean_text of each distinct text: a page repeats its menus, and a line that is one
        # link is cleaned as the link's text and as the line's.
        self._cleaned: dict[str, str] = {}
        self._reset()

    def clean(self, text: str) -> str:
        found = self._cleaned.get(text)
        if found is None:
            found = self._cleaned[text] = clean_text(text)
        return found

    def _reset(self) -> None:
        self.parts: list[str] = []
        self.linked: list[bool] = []  # per part: inside a link
        self.links: list[Link] = []
        self.images: list[str] = []
        self.open_at: int | None = None  # index of the first part of the open link
        self.target = ""

    def add_text(self, text: str | None) -> None:
        if not text or (not self.parts and text.isspace()):  # a line starts at its first letter
            return
        if "\n" in text:  # soft breaks: a wrapped line joins the text before it
            pieces = text.split("\n")
            text = pieces[0]
            for piece in pieces[1:]:
                before = text or (self.parts[-1] if self.parts else "")
                text += (wrap_glue(before) if before.strip() else "") + piece.lstrip()
        self.parts.append(text)
        self.linked.append(self.open_at is not None)

    def open_link(self, target: str) -> None:
        self.open_at = len(self.parts)  # CommonMark links do not nest
        self.target = target

    def close_link(self) -> None:
        if self.open_at is None:
            return
        start, self.open_at = self.open_at, None
        text = "".join(self.parts[start:])
        if _ADDRESS_RE.match(text.strip()):  # the target written out: not text
            del self.parts[start:]
            del self.linked[start:]
            text = ""
        self.links.append(Link(self.clean(text), self.target))

    def add_image(self, alt: str, context: _Context) -> None:
        """An image inside a link is part of it (a teaser card); elsewhere it stands apart: the
        text before it is a line, and the text after it is the line under the image."""
        if self.open_at is not None:
            if alt:
                self.images.append(alt)
            return
        if self.parts:
            self.end_line(context)
        self.images.append(alt)
        self.end_line(context, image=True)

    def _linked_share(self, text: str) -> float:
        """The share of the letters of ``text`` (the line, cleaned, with letters) inside links."""
        if all(self.linked):  # links only (a menu item): cleaning adds no letter, so all of them
            return 1.0
        linked = "".join(compress(self.parts, self.linked))
        if not linked:
            return 0.0
        if linked == text:
            return 1.0
        return min(1.0, _letters(linked) / _letters(text))

    @property
    def idle(self) -> bool:
        """Nothing read since the last line ended: ending one now would do nothing."""
        return not (self.parts or self.links or self.images)

    def end_line(self, context: _Context, *, image: bool = False) -> None:
        if not (self.parts or image or self.links):
            self.images.clear()
            return
        raw = "".join(self.parts)
        if "](" in raw:
            raw = _UNPARSED_LINK_RE.sub(_unparsed_link_text, raw)
            raw = _ORPHAN_TARGET_RE.sub("", raw)
        if "_" in raw or "*" in raw:
            raw, runs = _DELIMITER_RUN_RE.subn(" ", raw)
            if runs:
                raw = _LEADING_HASHES_RE.sub("", raw)
        text = self.clean(raw)
        if _ADDRESS_RE.match(text):  # a bare address on its own: a target, not text
            text = ""
        has_letters = _WORD_RE.search(text) is not None
        if has_letters or image or self.links:
            line = MarkdownLine(  # positional: one is made for every line of the page
                text if has_letters else "",
                context.heading,
                context.list_depth > 0,
                context.quote_depth > 0,
                self._linked_share(text) if has_letters else 0.0,
                tuple(self.links),
                tuple(filter(None, self.images)) if self.images else (),
                image,
            )
            (self.row if self.row is not None else self.lines).append(line)
        open_at = self.open_at
        target = self.target
        self._reset()
        if open_at is not None:  # a line break inside a link: the link goes on
            self.open_at, self.target = 0, target


def _table_row(cells: Sequence[MarkdownLine]) -> MarkdownLine | None:
    filled = [cell for cell in cells if cell.text]
    if not filled:
        return None
    letters = [_letters(cell.text) for cell in filled]
    linked = sum(cell.linked * n for cell, n in zip(filled, letters, strict=True))
    return MarkdownLine(
        text=" | ".join(cell.text for cell in filled),
        linked=linked / sum(letters) if sum(letters) else 0.0,
        links=tuple(link for cell in cells for link in cell.links),
        table_row=True,
    )


def _code_lines(element: _Element, context: _Context, depth: int) -> list[MarkdownLine]:
    """A code block: Markdown again when it names no language (see the module docstring)."""
    code = element.find("code")
    content = "".join((code if code is not None else element).itertext())
    if depth < MAX_CODE_REPARSE_DEPTH and not (code is not None and code.get("class")):
        found = parse_markdown(content, depth + 1)
    else:
        found = [
            MarkdownLine(cleaned)
            for cleaned in (clean_text(line) for line in content.splitlines())
            if _WORD_RE.search(cleaned)
        ]
    return [_in_context(line, context) for line in found]


def _in_context(line: MarkdownLine, context: _Context) -> MarkdownLine:
    """``line`` inside the list or quote the code block stands in."""
    list_item = line.list_item or context.list_depth > 0
    quote = line.quote or context.quote_depth > 0
    if (list_item, quote) == (line.list_item, line.quote):
        return line
    return line._replace(list_item=list_item, quote=quote)


def _entered(context: _Context, tag: str) -> _Context:
    """The context inside a block element ``tag`` opened in ``context``."""
    return _Context(
        _HEADINGS.get(tag, context.heading),
        context.list_depth + (tag == "li"),
        context.quote_depth + (tag == "blockquote"),
    )


def parse_markdown(text: str, depth: int = 0) -> list[MarkdownLine]:
    """The lines of a Markdown text, in order (module docstring)."""
    html = _render(text)
    lines = _read(_tree(html), depth, nesting_limit=MAX_BLOCK_NESTING)
    if lines is not None:
        return lines
    # Lists or quotes nested too deep, maybe: read again without the deepest. Found by the walk,
    # not by scanning every page's tags first: the tree holds the first MAX_BLOCK_NESTING levels
    # whole (the builder stops some 255 elements down).
    flattened = _tree(_flatten(html.decode("utf-8")).encode("utf-8"))
    return _read(flattened, depth, nesting_limit=None) or []


def _render(text: str) -> bytes:
    """cmark's HTML of ``text``. A lone surrogate (a ``str`` may hold one, UTF-8 cannot) is
    read as U+FFFD, as ``clean_text`` makes it on every other path; found by the encoder, so a
    page without one is not scanned for it."""
    try:
        return _renderer()(text)
    except UnicodeEncodeError:
        return _renderer()(without_surrogates(text))


def _read(body: _Element, depth: int, nesting_limit: int | None) -> list[MarkdownLine] | None:
    """The lines of the tree under ``body``: one walk, iterative (the tree's depth costs no
    stack). None when blocks nest deeper than ``nesting_limit`` (counting paragraphs, table
    rows…: the lists and quotes may nest less, which :func:`_flatten` reads exactly)."""
    from lxml import etree

    builder = _LineBuilder()
    context = _TOP
    saved: list[_Context] = []
    skipped: _Element | None = None  # a code block, read whole at its start
    # The walk visits every element twice: the cheap tests (is there text to add, a line to
    # end?) are made here rather than by a call.
    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag
        if skipped is not None:
            if event == "end" and element is skipped:
                skipped = None
                builder.add_text(element.tail)
            continue
        if event == "start":
            if tag in _BLOCKS:
                if not builder.idle:
                    builder.end_line(context)
                if tag == "pre":
                    builder.lines += _code_lines(element, context, depth)
                    skipped = element
                    continue
                saved.append(context)
                if nesting_limit is not None and len(saved) > nesting_limit:
                    return None
                if tag in _CONTEXT_BLOCKS:
                    context = _entered(context, tag)
                if tag == "tr":
                    builder.row = []
            elif tag == "a":
                builder.open_link(element.get("href", ""))
            elif tag == "img":
                builder.add_image(builder.clean(element.get("alt", "")), context)
            elif tag in ("br", "td", "th") and not builder.idle:
                builder.end_line(context)
            inner = element.text
            if inner:
                builder.add_text(inner)
            continue
        if tag in _BLOCKS:
            if not builder.idle:
                builder.end_line(context)
            if tag == "tr" and builder.row is not None:
                row = _table_row(builder.row)
                builder.row = None
                if row is not None:
                    builder.lines.append(row)
            context = saved.pop() if saved else _TOP
        elif tag == "a":
            builder.close_link()
        elif tag in ("td", "th") and not builder.idle:
            builder.end_line(context)
        tail = element.tail
        if tail:
            builder.add_text(tail)
    builder.end_line(context)
    return builder.lines
