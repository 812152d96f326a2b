"""A container subtree → raw text blocks in reading order (lxml's iterative walk, no recursion).

Block-level tags and ``<br>`` end a block, so ``<br>``-separated bodies come out as one block
per line. Each block remembers its kind (heading, list item, quote, paragraph) from its nearest
block ancestor and how much of its text sits inside links.

The blocks are held as columns (:class:`Blocks`), one list of plain values per feature, not as
a record per block: pages of many tiny blocks (a ``<br>`` per line, a giant table) would
otherwise hold an object per block that the garbage collector tracks and walks, and that costs
more memory than the block's text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, islice
from operator import eq

from lxml import etree
from lxml.etree import _Element

from .._model import BlockKind
from .._text import clean_text
from .parse import text_content
from .rules import BodyRules

__all__ = ["Blocks", "walk_blocks"]


@dataclass(slots=True)
class Blocks:
    """Text blocks in reading order, one column per feature (index ``i`` of every column is
    block ``i``)."""

    kinds: list[BlockKind] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    link_chars: list[int] = field(default_factory=list)  # characters inside links
    # Cut by a <br> (not by an element boundary), or all its text inside <b>/<strong>: set
    # apart from the text around it, as a subheading is.
    set_apart: list[bool] = field(default_factory=list)
    timed: list[bool] = field(default_factory=list)  # holds a <time>: a stamp when it is short

    def __len__(self) -> int:
        return len(self.texts)

    def append(
        self, kind: BlockKind, text: str, link_chars: int, set_apart: bool, timed: bool
    ) -> None:
        self.kinds.append(kind)
        self.texts.append(text)
        self.link_chars.append(link_chars)
        self.set_apart.append(set_apart)
        self.timed.append(timed)

    def extend(
        self, kind: BlockKind, texts: list[str], link_chars: list[int], set_apart: bool, timed: bool
    ) -> None:
        """Blocks of ``texts`` (``link_chars`` of each), alike in the other columns."""
        count = len(texts)
        self.kinds += [kind] * count
        self.texts += texts
        self.link_chars += link_chars
        self.set_apart += [set_apart] * count
        self.timed += [timed] * count

    @staticmethod
    def joined(parts: Iterable[Blocks]) -> Blocks:
        """The blocks of ``parts`` one after another; a single part is returned as it is (the
        common case: no copy of its columns)."""
        found = list(parts)
        if len(found) == 1:
            return found[0]
        out = Blocks()
        for part in found:
            out.kinds += part.kinds
            out.texts += part.texts
            out.link_chars += part.link_chars
            out.set_apart += part.set_apart
            out.timed += part.timed
        return out

    def repeats(self) -> list[bool]:
        """For each block: is it the block before it again, in every column? Rows are compared
        in C, one pair at a time (none held beyond its comparison)."""
        columns = (self.kinds, self.texts, self.link_chars, self.set_apart, self.timed)
        previous = chain((None,), zip(*columns, strict=True))  # the first block repeats nothing
        return list(map(eq, zip(*columns, strict=True), previous))

    def link_density(self, index: int) -> float:
        return self.link_chars[index] / max(len(self.texts[index]), 1)


_BOLD_TAGS = frozenset({"b", "strong"})
# A data table has at least this many rows, and cells no longer than this…
MIN_DATA_ROWS = 2
MAX_CELL_CHARS = 200
# … holding none of these (a layout table wraps paragraphs, lists or other tables).
_CELL_BLOCKS = ("p", "div", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4")
# A run of <br>-separated lines is cut this many lines at a time.
BR_BATCH_LINES = 1024


class _Collector:
    """Accumulates inline text and cuts it into blocks."""

    def __init__(self, clean: Callable[[str], str]) -> None:
        self.blocks = Blocks()
        self.parts: list[str] = []
        self.link_chars = 0
        self.plain_chars = 0  # characters outside any <b>/<strong>
        self.timed = False  # a <time> element opened since the last cut
        self.kinds: list[BlockKind] = []
        self.link_depth = 0  # open <a> elements
        self.bold_depth = 0  # open <b>/<strong> elements
        self.clean = clean

    def enter(self, tag: str, text: str | None, rules: BodyRules) -> None:
        """An element starts (``text``: the text before its first child)."""
        if tag in rules.block_tags:
            self.flush()
            kind = _kind_of(tag, rules)
            if kind is not None:
                self.kinds.append(kind)
        if tag == "a":
            self.link_depth += 1
        elif tag == "time":
            self.timed = True
        if tag in _BOLD_TAGS:
            self.bold_depth += 1
        self.add(text)

    def leave(self, element: _Element, tag: str, container: _Element, rules: BodyRules) -> None:
        """``element`` (of ``tag``) ends; its tail follows, unless it is the ``container``."""
        if tag == "a":
            self.link_depth -= 1
        if tag in _BOLD_TAGS:
            self.bold_depth -= 1
        if tag in rules.block_tags:
            self.flush()
            if _kind_of(tag, rules) is not None and self.kinds:
                self.kinds.pop()
        if element is not container:
            self.add(element.tail)

    def add(self, text: str | None) -> None:
        if not text:
            return
        self.parts.append(text)
        stripped = len(text.strip())
        if self.link_depth:
            self.link_chars += stripped
        if not self.bold_depth:
            self.plain_chars += stripped

    def flush(self, *, by_br: bool = False) -> None:
        if not self.parts:  # nothing added since the last cut (so the counters are 0 too)
            return
        self._cut(
            ["".join(self.parts)],
            [self.link_chars] if self.link_chars else None,
            by_br or self.plain_chars == 0,
            self.timed,
        )
        self.parts.clear()
        self.link_chars = 0
        self.plain_chars = 0
        self.timed = False

    def add_lines(self, lines: list[str | None]) -> None:
        """Texts with a ``<br>`` on either side, cut as :meth:`add` then ``flush(by_br=True)``
        of each would cut them (nothing is pending: a cut came just before them)."""
        raws = [line for line in lines if line]
        if raws and self.timed:  # a <time> opened, with no text since: the first line holds it
            self.add(raws[0])
            self.flush(by_br=True)
            raws = raws[1:]
        links = [len(raw.strip()) for raw in raws] if self.link_depth else None
        self._cut(raws, links, True, False)

    def _cut(
        self, raws: list[str], link_chars: list[int] | None, set_apart: bool, timed: bool
    ) -> None:
        """A block of each raw text (all cut alike) that cleaning leaves something of;
        ``link_chars`` are the characters of each inside links (None: no link)."""
        clean = self.clean
        # Most cuts hold only the whitespace between tags, which cleaning would reduce to "".
        if link_chars is None:
            texts = [text for raw in raws if not raw.isspace() and (text := clean(raw))]
            links = [0] * len(texts)
        else:
            pairs = [
                (text, min(chars, len(text)))
                for raw, chars in zip(raws, link_chars, strict=True)
                if not raw.isspace() and (text := clean(raw))
            ]
            texts, links = [text for text, _ in pairs], [chars for _, chars in pairs]
        kind = self.kinds[-1] if self.kinds else "paragraph"
        self.blocks.extend(kind, texts, links, set_apart, timed)


def _kind_of(tag: str, rules: BodyRules) -> BlockKind | None:
    if tag in rules.heading_tags:
        return "heading"
    if tag in rules.list_item_tags:
        return "list_item"
    if tag in rules.quote_tags:
        return "quote"
    return None


def _data_rows(table: _Element, clean: Callable[[str], str]) -> list[str] | None:
    """A data table's rows, cells joined by " | "; None for a layout table (cells holding
    paragraphs or long text, nested tables, a single row). ``clean`` is :func:`clean_text`.

    Tables repeat cells and rows: each distinct row is held once, and the cells are found by
    libxml2 (reading an element's tag pins a string to its proxy, which the index keeps)."""
    rows = list(table.iter("tr"))
    if len(rows) < MIN_DATA_ROWS or any(True for _ in table.iter(*_CELL_BLOCKS)):
        return None
    out: list[str] = []
    distinct: dict[str, str] = {}
    for row in rows:
        cells = [clean(text_content(cell)) for cell in row.iterchildren("td", "th")]
        if any(len(cell) > MAX_CELL_CHARS for cell in cells):
            return None
        if any(cells):
            text = " | ".join(cells)
            out.append(distinct.setdefault(text, text))
    return out


def walk_blocks(
    container: _Element, rules: BodyRules, clean: Callable[[str], str] | None = None
) -> Blocks:
    """The container's text as blocks, in document order; a data table's rows become
    ``table_row`` blocks (cells joined by " | "), a layout table is read like any container,
    a figure's caption (``caption_tags``) is left out.
    ``clean`` is a memoised :func:`clean_text` that walks of one page share (pages repeat lines:
    menus, separators, list shapes; and a container walked again after chrome removal holds
    mostly the same lines); one of its own by default.

    lxml's ``iter()`` reports where each element starts, in C; an element ends where the walk
    reaches a node outside it. A run of ``<br>`` siblings is read at its first ``<br>`` and cut
    into its lines in bulk, the walk moved past the rest in C: a ``<br>``-per-line body costs
    no call of ours a line. Comments and processing instructions are not read."""
    out = _Collector(clean or cache(clean_text))
    if container.tag == "br":
        return out.blocks  # a <br> holds no text (and its run would reach outside it)
    nodes = container.iter(etree.Element, etree.Entity)
    # The elements entered and not yet left, innermost last, with their tags.
    open_elements: list[tuple[_Element, str]] = []
    for element in nodes:
        parent = element.getparent()
        while open_elements and open_elements[-1][0] is not parent:
            out.leave(*open_elements.pop(), container, rules)
        tag = element.tag
        if not isinstance(tag, str):  # an entity of a caller's tree
            tag = ""
        if tag == "br":
            out.flush(by_br=True)
            count = 0
            held: list[str | None] = []  # the last batch: its last line has no <br> after it
            for batch in _br_run_tails(element):
                out.add_lines(held)
                count += len(batch)
                held = batch
            out.add_lines(held[:-1])
            out.add(held[-1])  # the text after the run runs on to the next cut
            _skip(nodes, _subtree_size(element) + count - 1)
            continue
        if tag in rules.caption_tags:
            out.flush()
            _skip(nodes, _subtree_size(element))  # left (its tail read) as any element
        elif tag == "table" and (rows := _data_rows(element, out.clean)) is not None:
            out.flush()
            for row in rows:
                out.blocks.append("table_row", row, 0, False, False)
            _skip(nodes, _subtree_size(element))  # left (its tail read) as any element
        else:
            out.enter(tag, element.text, rules)
        open_elements.append((element, tag))
    while open_elements:
        out.leave(*open_elements.pop(), container, rules)
    out.flush()
    return out.blocks


def _br_run_tails(first: _Element) -> Iterator[list[str | None]]:
    """The tails of ``first`` (a ``<br>``) and of the ``<br>`` siblings right after it that hold
    nothing: the run's lines, each read as its ``<br>`` is found (one pass), in batches of
    :data:`BR_BATCH_LINES` (a run of 100,000 lines never holds all its raw texts at once)."""
    batch = [first.tail]
    for sibling in first.itersiblings():
        if sibling.tag != "br" or len(sibling):
            break
        if len(batch) == BR_BATCH_LINES:
            yield batch
            batch = []
        batch.append(sibling.tail)
    yield batch


def _subtree_size(element: _Element) -> int:
    """The nodes under ``element`` that ``iter(etree.Element, etree.Entity)`` reports."""
    return (
        sum(1 for _ in element.iterdescendants(etree.Element, etree.Entity)) if len(element) else 0
    )


def _skip(nodes: Iterator[_Element], count: int) -> None:
    """Move ``nodes`` past its next ``count`` nodes (in C)."""
    next(islice(nodes, count, count), None)
