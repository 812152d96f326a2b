"""Text → lxml tree (the one place the tree type is chosen), removal of never-content nodes, and
the index of the cleaned tree (:mod:`.index`).

The pipeline mutates the tree it is given, so a caller's tree is deep-copied first. Parsers are
created per call: lxml parser objects must not be shared between threads. lxml's HTML parser
never touches the network (no DTD, entity or XInclude loading) and expands no entities but
HTML's own.

Bounded work: libxml2 builds no deeper than :data:`~article_extract._model.PARSER_MAX_DEPTH`
levels and silently drops what lies deeper. A page that hits that ceiling (or the caller's
lower ``Options.max_tree_depth``) is flattened — layout-only tags (``div``, ``span``,
``font``…) unwrapped in the markup — and parsed again, so its text is kept; one still too deep,
or with more than ``Options.max_tree_elements`` elements, raises
:class:`~article_extract.errors.InputTooComplex`.
"""

from __future__ import annotations

import copy
import logging
import re

from lxml import etree
from lxml.etree import _Element

from .._inputs import PageInput
from .._model import PARSER_MAX_DEPTH, Options
from ..errors import EmptyInput, InputTooComplex
from .index import (
    ClassAndId,
    TreeIndex,
    attributed_elements,
    class_and_id_values,
    element_positions,
    index_tree,
)
from .rules import chrome_rules

__all__ = [
    "collapsed_length",
    "drop_keep_tail",
    "parse_page",
    "strip_junk",
    "text_content",
    "text_length",
]

logger = logging.getLogger("article_extract")

# lxml refuses str input that carries an XML encoding declaration; it is meaningless once decoded.
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]{0,200}\?>", re.IGNORECASE)
# Characters XML (and so lxml, when text is assigned) refuses: C0 controls but tab/LF/CR, and
# the non-characters U+FFFE/U+FFFF. The HTML parser lets them through, and a later assignment
# of text that holds one raises; they are never visible text, so they go before parsing. Lone
# surrogates (a str may hold them) too: the parser silently drops the rest of the page at one.
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_INVALID_CHARS = tuple(
    chr(code) for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)
# An element the page hides that holds more than this share of the page's text is probably the
# article revealed by script ("show more"), not junk: keep it.
HIDDEN_MAX_SHARE = 0.3
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


# Tags that only lay a page out, unwrapped to flatten a page nested too deeply: a run of them
# (deep nesting is runs of opening, then of closing tags) gives way to one <p> when it holds a
# block tag (a <p> cannot nest: the text on either side stays a block of its own), else to
# nothing; the whitespace between the tags of a run is kept. One <p> per run, not per tag: an
# empty paragraph carries no text, only the memory and time of one more tree element.
_BLOCK_LAYOUT_TAGS = ("div", "section", "article", "center", "blockquote", "main", "aside")
_INLINE_LAYOUT_TAGS = ("span", "font", "b", "i", "u", "em", "strong", "small", "big", "nobr")
# Each tag of a run starts with "<", which neither the whitespace nor a tag's attributes may
# hold: a run ends at one place, so the pattern stays linear. Possessive ("++"): nothing follows
# a run, and the regex engine then keeps no backtracking state per tag (a run of 100,000 tags
# would cost it 20 MB).
_LAYOUT_TAG_RUN_RE = re.compile(
    rf"(?:</?(?:{'|'.join(_BLOCK_LAYOUT_TAGS + _INLINE_LAYOUT_TAGS)})\b[^<>]{{0,2000}}>\s*)++",
    re.IGNORECASE,
)
_TAG_RE = re.compile(r"<[^<>]*>")
_BLOCK_LAYOUT_TAG_RE = re.compile(rf"</?(?:{'|'.join(_BLOCK_LAYOUT_TAGS)})\b", re.IGNORECASE)
# A longer text is split one window at a time: the list of all its words (a str object each)
# would take some ten times its size.
SPLIT_WINDOW_CHARS = 50_000
# libxml2's error type when it stops at its depth ceiling.
_DEPTH_LIMIT_ERROR = "ERR_RESOURCE_LIMIT"


def _new_parser() -> etree.HTMLParser:
    # Plain lxml elements, not lxml.html's: those look up a Python class for every element
    # proxy, a fifth of a walk's cost.
    return etree.HTMLParser(remove_comments=False, remove_pis=True, default_doctype=False)


def parse_page(page: PageInput, options: Options) -> _Element:
    """The page as a fresh, mutable lxml tree (limits in the module docstring)."""
    tree = page.tree
    if isinstance(tree, _Element):
        root = copy.deepcopy(tree)
        if _deeper_than(root, options.max_tree_depth):
            root = _parse(_flatten(etree.tostring(root, encoding="unicode", method="html")))[0]
    else:
        text = _xml_safe(_XML_DECL_RE.sub("", page.text, count=1))
        root, at_ceiling = _parse(text)
        if at_ceiling or _deeper_than(root, options.max_tree_depth):
            logger.debug("the page nests too deeply; flattening layout tags and parsing again")
            root, at_ceiling = _parse(_flatten(text))
            if at_ceiling or _deeper_than(root, options.max_tree_depth):
                raise _too_deep(options.max_tree_depth)
    # count() runs in libxml2: no Python object per element.
    elements = int(root.xpath("count(//*)"))
    if elements > options.max_tree_elements:
        raise InputTooComplex.over(
            f"the page has {elements:,} elements", "max_tree_elements", options.max_tree_elements
        )
    return root


def _xml_safe(text: str) -> str:
    """``text`` without the characters XML refuses. A whole page is first checked by C-level
    scans (one per character, and UTF-8 encoding for lone surrogates), twice as fast as the
    pattern's, which then only runs on the rare page that holds one."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _XML_INVALID_RE.sub("", text)
    if any(char in text for char in _XML_INVALID_CHARS):
        return _XML_INVALID_RE.sub("", text)
    return text


def _too_deep(limit: int) -> InputTooComplex:
    what = "the page nests elements too deeply even with layout tags unwrapped"
    if limit < PARSER_MAX_DEPTH:
        return InputTooComplex.over(what, "max_tree_depth", limit)
    return InputTooComplex(f"{what} (the HTML parser reads at most {PARSER_MAX_DEPTH} levels)")


def _parse(text: str) -> tuple[_Element, bool]:
    """The tree, and whether the parser stopped at its depth ceiling (dropping content)."""
    parser = _new_parser()
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, ValueError) as exc:
        raise EmptyInput(f"the page has no HTML content ({exc})") from exc
    if root is None:
        raise EmptyInput("the page has no HTML content (the document is empty)")
    return root, any(e.type_name == _DEPTH_LIMIT_ERROR for e in parser.error_log)


def _flatten(markup: str) -> str:
    """``markup`` with layout-only tags unwrapped (see :data:`_LAYOUT_TAG_RUN_RE`)."""
    return _LAYOUT_TAG_RUN_RE.sub(_unwrapped_run, markup)


def _unwrapped_run(match: re.Match[str]) -> str:
    run = match.group()
    boundary = "<p>" if _BLOCK_LAYOUT_TAG_RE.search(run) else ""
    return boundary + _TAG_RE.sub("", run)  # the run's whitespace, as it was


def _deeper_than(root: _Element, limit: int) -> bool:
    """Is any element more than ``limit`` levels deep? Only walked when the caller set a limit
    below the parser's own ceiling (the parser reports reaching that one)."""
    if limit >= PARSER_MAX_DEPTH:
        return False
    depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > limit:
            return True
    return False


def text_content(element: _Element) -> str:
    """The text of ``element`` and its descendants (libxml2 collects it, without the tail)."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def text_length(element: _Element) -> int:
    """Characters of visible text under ``element``, whitespace collapsed."""
    return collapsed_length(text_content(element))


def collapsed_length(text: str, window: int = SPLIT_WINDOW_CHARS) -> int:
    """``len(" ".join(text.split()))``, splitting a long text one window at a time."""
    if len(text) <= window:
        return len(" ".join(text.split()))
    letters = words = 0
    for start in range(0, len(text), window):
        chunk = text[start : start + window]
        pieces = chunk.split()
        letters += sum(map(len, pieces))
        words += len(pieces)
        if start and pieces and not chunk[0].isspace() and not text[start - 1].isspace():
            words -= 1  # a word the window's edge cut in two was counted twice
    return letters + max(words - 1, 0)


def _hidden_by_attribute(element: _Element) -> bool:
    """``hidden``, ``aria-hidden="true"``, or an inline ``display:none``/``visibility:hidden``."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    return _HIDDEN_STYLE_RE.search(element.get("style") or "") is not None


def _hidden_elements(
    root: _Element,
    attributed: list[_Element],
    attributes: list[ClassAndId],
    hidden_classes: frozenset[str],
    position: dict[_Element, int],
) -> list[_Element]:
    """Elements under ``root`` that name a hiding class (a whole class name) or carry a hiding
    attribute, in document order (``position``: :func:`.index.element_positions`).
    ``attributed`` are the tree's elements that carry any attribute
    (:func:`.index.attributed_elements`), ``attributes`` its class and id values
    (:func:`.index.class_and_id_values`); each distinct ``class`` value (pages repeat them a lot)
    is split once."""
    values = {classes for _, classes, _ in attributes if classes}
    # Lower-casing the whole value splits the same as lower-casing each name.
    hiding = {value: not hidden_classes.isdisjoint(value.lower().split()) for value in values}
    by_class = [
        node for node, classes, _ in attributes if classes and hiding[classes] and node is not root
    ]
    by_attribute = [e for e in attributed if e is not root and _hidden_by_attribute(e)]
    if not by_class or not by_attribute:
        return by_class or by_attribute
    # In document order: strip_junk judges an element on all its text before its parts.
    return sorted({*by_class, *by_attribute}, key=position.__getitem__)


def strip_junk(root: _Element) -> TreeIndex:
    """Remove scripts, styles, form controls, comments and elements the page itself hides;
    return the index of the cleaned tree, which the later stages only read (and prune).

    An element the page hides is removed unless it holds more than :data:`HIDDEN_MAX_SHARE`
    of the page's text (then it is probably the article, revealed by script)."""
    rules = chrome_rules()
    # libxml2 removes them (never ``root`` itself), each one's tail kept in place.
    etree.strip_elements(
        root, etree.Comment, etree.ProcessingInstruction, *rules.junk_tags, with_tail=False
    )
    # Positions first: the element proxies it creates are the ones every later read reuses.
    position = element_positions(root)
    attributed = attributed_elements(root)
    attributes = class_and_id_values(root, attributed)
    hidden = _hidden_elements(root, attributed, attributes, rules.hidden_classes, position)
    if hidden:
        page_length = max(text_length(root), 1)
        dropped: set[_Element] = set()
        for element in hidden:
            # An element inside one already dropped went with it.
            if dropped.isdisjoint(element.iterancestors()) and (
                text_length(element) <= HIDDEN_MAX_SHARE * page_length
            ):
                dropped.add(element)
                drop_keep_tail(element)
        if dropped:  # positions count the elements left (stages measure distances in them)
            position = element_positions(root)
    return index_tree(root, attributes, position, attributed)


def drop_keep_tail(element: etree._Element) -> None:
    """Remove ``element`` but keep the text that follows it (its tail) in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        # Both sides are cleaned: a caller's own tree never was, and the parser turns character
        # references such as "&#1;" into the very characters the text setter refuses.
        previous = element.getprevious()
        if previous is not None:
            previous.tail = _XML_INVALID_RE.sub("", (previous.tail or "") + tail)
        else:
            parent.text = _XML_INVALID_RE.sub("", (parent.text or "") + tail)
    parent.remove(element)
