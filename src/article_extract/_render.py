"""An Article written out as Markdown or as plain text (``Article.to_markdown()``/``to_text()``).

**Markdown** (CommonMark, tables as GitHub tables)::

    ---
    title: "طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله"
    published: "2020-12-01T02:00:00+03:00"
    authors: ["حسام أبو العلا"]
    source: "رويترز"
    url: "https://www.alyaum.com/articles/6291787/…"
    language: "ar"
    ---

    # طهران تدفن «زادة».. وتتهم المعارضة الإيرانية باغتياله

    First paragraph…

    ## An in-body heading

    > A quote

    - A list item

    | a table row | its cells |
    | --- | --- |

The front matter is YAML whose values are JSON (a string in double quotes, a list of strings
in brackets), so both YAML and JSON readers take it; a key is written only when the Article
has a value for it, in this order: ``title``, ``published``, ``published_text``, ``modified``,
``authors``, ``source``, ``site_name``, ``section``, ``tags``, ``language``, ``url``,
``canonical_url``, ``image``, ``description``. Dates are ISO 8601 as the Article holds them
(with an offset when it is aware). Then the headline as a level-1 heading and the blocks in
order: paragraphs, ``##`` headings, ``>`` quotes, ``-`` list items, table rows (the row before
the first of a run is its header). Characters Markdown would read as markup (``*``, ``_``,
`````, ``[``, ``]``, ``<``, ``&``, ``\\``, a ``#``, ``>``, ``-``, ``+`` or ``1.`` opening a block, a
``|`` in a table cell) are backslash-escaped, so reading the Markdown back
(``extract(article.to_markdown())``) gives the same text.

**Plain text**: the headline, then the blocks, each a paragraph separated by a blank line; list
items start with ``- ``; a table row's cells are separated by `` | ``. No metadata.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from itertools import groupby
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._model import Article, Block

__all__ = ["FRONT_MATTER_KEYS", "escape_markdown", "to_markdown", "to_text"]

# Front matter keys, in the order they are written.
FRONT_MATTER_KEYS = (
    "title", "published", "published_text", "modified", "authors", "source", "site_name",
    "section", "tags", "language", "url", "canonical_url", "image", "description",
)  # fmt: skip
# Characters that are markup wherever they stand (emphasis, code, links, raw HTML, escapes).
_INLINE_MARKUP_RE = re.compile(r"[\\`*_\[\]<]")
# An entity reference ("&amp;", "&#1575;") would be decoded: its "&" is escaped.
_ENTITY_RE = re.compile(r"&(?=#?\w{1,32};)")
# What opens a block when it starts a line: a heading or quote marker, a bullet and a space, a
# thematic break or setext underline, an ordered list number and a space ("1. ", "1) ").
_BLOCK_START_RE = re.compile(r"^(?:[#>]|[-+](?=\s|$)|[-=]{3,}$|(\d{1,9})[.)](?=\s|$))")
_TABLE_CELL_SEPARATOR = " | "
# What opens a block of each kind in Markdown (a paragraph: nothing).
_MARKDOWN_MARKERS = {"heading": "## ", "quote": "> ", "list_item": "- "}


def escape_markdown(text: str) -> str:
    """``text`` with every character Markdown would read as markup backslash-escaped."""
    text = _INLINE_MARKUP_RE.sub(r"\\\g<0>", text)
    text = _ENTITY_RE.sub(r"\\&", text)
    match = _BLOCK_START_RE.match(text)
    if match is None:
        return text
    if match.group(1) is not None:  # "1. …": escape the dot
        end = match.end(1)
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def _front_value(value: object) -> str:
    if isinstance(value, datetime):
        value = value.isoformat()
    if isinstance(value, tuple | list):
        value = [str(v) for v in value]
    return json.dumps(value, ensure_ascii=False)


def _front_matter(article: Article) -> list[str]:
    lines = ["---"]
    for key in FRONT_MATTER_KEYS:
        value = getattr(article, key)
        if value is None or value == () or value == "":
            continue
        lines.append(f"{key}: {_front_value(value)}")
    lines.append("---")
    return lines


def _table(rows: list[str]) -> list[str]:
    cells = [
        [escape_markdown(cell).replace("|", "\\|") for cell in row.split(_TABLE_CELL_SEPARATOR)]
        for row in rows
    ]
    width = max(len(r) for r in cells)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in cells]
    lines.insert(1, "| " + " | ".join(["---"] * width) + " |")
    return lines


def _markdown_blocks(blocks: Iterable[Block]) -> list[str]:
    out: list[str] = []
    for is_table, run in groupby(blocks, key=lambda block: block.kind == "table_row"):
        if is_table:
            out.append("\n".join(_table([row.text for row in run])))
        else:
            out += [_MARKDOWN_MARKERS.get(b.kind, "") + escape_markdown(b.text) for b in run]
    return out


def to_markdown(article: Article) -> str:
    """The Article as Markdown with a front matter block (module docstring)."""
    parts = ["\n".join(_front_matter(article)), f"# {escape_markdown(article.title)}"]
    parts += _markdown_blocks(article.blocks)
    return "\n\n".join(parts) + "\n"


def to_text(article: Article) -> str:
    """The Article as plain text: the headline, then the blocks (module docstring)."""
    parts = [article.title]
    parts += [f"- {b.text}" if b.kind == "list_item" else b.text for b in article.blocks]
    return "\n\n".join(parts) + "\n"
