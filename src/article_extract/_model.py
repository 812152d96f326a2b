"""The public data model: ``Article``, ``Block``, ``DateCandidate`` and ``Options``.

Pydantic lives only here and in ``_build``: the pipeline passes immutable records around and the
Article is validated once, at the boundary. Validation is deterministic: the only notion of
"now" is the caller's ``Options.reference``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    computed_field,
    field_validator,
    model_validator,
)

from ._render import to_markdown, to_text
from ._text import clean_text

__all__ = [
    "DEFAULT_MAX_INPUT_BYTES",
    "EARLIEST_PLAUSIBLE",
    "FUTURE_TOLERANCE",
    "LANG_RE",
    "PARSER_MAX_DEPTH",
    "URL_RE",
    "Article",
    "Block",
    "BlockKind",
    "DateCandidate",
    "DateOrigin",
    "DatePrecision",
    "Options",
    "article_json_schema",
    "instant",
]

BlockKind = Literal["paragraph", "heading", "quote", "list_item", "table_row"]
DateOrigin = Literal["json-ld", "meta", "time", "microdata", "visible", "url"]
DatePrecision = Literal["year", "month", "day", "hour", "minute", "second"]
InputKind = Literal["html", "text", "markdown"]
Direction = Literal["rtl", "ltr"]

# News on the web starts in the 1990s; anything earlier is a misread (a founding year, "© 1944").
EARLIEST_PLAUSIBLE = datetime(1990, 1, 1)
# A page may be stamped a little ahead of the caller's clock (time zones, scheduled posts).
FUTURE_TOLERANCE = timedelta(days=2)
# Large enough for any real article page (the biggest in our corpus is ~0.5 MB), small enough
# that one hostile input cannot exhaust a batch worker's memory.
DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024
# libxml2's HTML parser stops building the tree at this depth (and drops what lies deeper).
PARSER_MAX_DEPTH = 255
# Real article pages have a few thousand elements (the corpus's largest ~9,000); a million is
# a generated or hostile page whose per-element work would hold a worker for seconds.
DEFAULT_MAX_TREE_ELEMENTS = 1_000_000
# A page's JSON-LD is a few kilobytes; a megabyte is a data dump we do not need to read.
DEFAULT_MAX_JSONLD_CHARS = 1_000_000
# Real article graphs are 3-5 levels deep.
DEFAULT_MAX_JSONLD_DEPTH = 12
# Headlines, bylines, stamps, captions and menu lines are short; a longer line is text.
DEFAULT_MAX_LINE_CHARS = 2_000
# (field, lowest, highest) accepted for each limit.
_LIMIT_RANGES = (
    ("max_input_bytes", 1, 1 << 40),
    ("max_tree_depth", 16, PARSER_MAX_DEPTH),
    ("max_tree_elements", 100, 1 << 40),
    ("max_jsonld_chars", 0, 1 << 40),
    ("max_jsonld_depth", 1, 100),
    ("max_line_chars", 100, 1 << 40),
)

# The host part, then nothing or a path/query/fragment: the two parts cannot overlap, so a long
# URL followed by a space fails in one pass. No lone surrogate (a str can hold one, JSON cannot).
URL_RE = re.compile(
    r"^https?://[^\s/?#\ud800-\udfff]+(?:[/?#][^\s\ud800-\udfff]*)?$", re.IGNORECASE
)
LANG_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")


def instant(value: datetime) -> datetime:
    """The naive UTC wall clock of an aware value; a naive value as it is."""
    offset = value.utcoffset()
    return value.replace(tzinfo=None) - offset if offset is not None else value


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for :func:`~article_extract.extract`; every field has a safe default, and a value
    of the wrong type or range raises ``TypeError``/``ValueError`` here, at construction.

    ``reference`` is the caller's "now" (an aware or naive ``datetime``): relative dates
    ("منذ 3 ساعات") are resolved against it, and a page date more than two days after it is
    kept but flagged. Without it, relative dates are left unresolved and no upper bound is
    applied, so results never depend on the wall clock. ``default_tz`` is attached to dates
    that state no offset (give every page of a batch the same one to compare datetimes).

    The ``max_*`` limits bound the work one page can cost. An input over ``max_input_bytes``
    or with more than ``max_tree_elements`` elements is refused with
    :class:`~article_extract.errors.InputTooLarge` (or its subclass
    :class:`~article_extract.errors.InputTooComplex`), whose message names the limit to
    raise. HTML nested deeper than ``max_tree_depth`` is flattened (layout-only tags such as
    ``<div>``/``<span>``/``<font>`` are unwrapped) before it is read; the parser itself cannot
    go deeper than :data:`PARSER_MAX_DEPTH`. A JSON-LD block longer than ``max_jsonld_chars`` is
    skipped, and objects nested deeper than ``max_jsonld_depth`` are not read. A line (dumps)
    or block (HTML) longer than ``max_line_chars`` is always body text: never read as a
    headline, byline, date stamp, caption or menu.

    ``strict`` trades recall for precision in the article-or-not verdict: by default a page
    with no article evidence (no article metadata, no stated date, no displayed headline) is
    refused only when its text is a list or short; with ``strict=True`` it is always refused,
    so a crawl that mixes listings with undated, unmarked articles loses those articles
    rather than keeping listings.

    ``boilerplate`` holds lines known to be one site's chrome, as ``_lexicon.match_key`` folds
    them (``article-extract --learn-boilerplate`` learns them from lines repeated across the
    site's pages): text dumps drop such lines before their layout is read, HTML bodies drop
    such blocks.
    """

    reference: datetime | None = None
    default_tz: tzinfo | None = None
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    max_tree_depth: int = PARSER_MAX_DEPTH
    max_tree_elements: int = DEFAULT_MAX_TREE_ELEMENTS
    max_jsonld_chars: int = DEFAULT_MAX_JSONLD_CHARS
    max_jsonld_depth: int = DEFAULT_MAX_JSONLD_DEPTH
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS
    strict: bool = False
    boilerplate: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.reference is not None and not isinstance(self.reference, datetime):
            raise TypeError(
                f"Options.reference must be a datetime or None, not {type(self.reference).__name__}"
                f" ({self.reference!r:.60}); parse strings first, e.g. datetime.fromisoformat()"
            )
        if self.default_tz is not None and not isinstance(self.default_tz, tzinfo):
            raise TypeError(
                f"Options.default_tz must be a tzinfo (e.g. zoneinfo.ZoneInfo('Asia/Riyadh') or "
                f"datetime.timezone.utc) or None, not {type(self.default_tz).__name__}"
            )
        if not isinstance(self.boilerplate, frozenset):
            raise TypeError(
                f"Options.boilerplate must be a frozenset, not {type(self.boilerplate).__name__}"
            )
        if not isinstance(self.strict, bool):
            raise TypeError(f"Options.strict must be a bool, not {type(self.strict).__name__}")
        for name, low, high in _LIMIT_RANGES:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"Options.{name} must be an int, not {type(value).__name__}")
            if not low <= value <= high:
                raise ValueError(f"Options.{name} must be between {low} and {high}, not {value}")


class _Frozen(BaseModel):
    # defer_build: the validators are built on first use (the first extract() call), not at
    # import: ~20 ms of import time, and pydantic's plugin loader (importlib.metadata) with it.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Block(_Frozen):
    """One unit of the article body, in reading order."""

    kind: BlockKind = "paragraph"
    text: str

    @field_validator("text")
    @classmethod
    def _clean(cls, value: str) -> str:
        value = clean_text(value)
        if not value:
            raise ValueError("block text is empty")
        return value


class DateCandidate(_Frozen):
    """A date the page states that was *not* chosen, kept so callers can audit the choice."""

    origin: DateOrigin
    value: datetime
    role: Literal["published", "modified"] = "published"


def _cleaned_or_none(value: str) -> str | None:
    return clean_text(value) or None


def _cleaned_list(values: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = (clean_text(v) for v in values)
    return tuple(dict.fromkeys(v for v in cleaned if v))


def _absolute_http_url(value: str) -> str:
    value = value.strip()
    if not URL_RE.match(value):
        raise ValueError(f"not an absolute http(s) URL: {value!r}")
    return value


def _language_tag(value: str) -> str:
    value = value.strip().replace("_", "-").lower()
    if not LANG_RE.match(value):
        raise ValueError(f"not a language tag: {value!r}")
    return value


def _plausible_date(value: datetime) -> datetime:
    if instant(value) < EARLIEST_PLAUSIBLE:
        raise ValueError(f"date {value.isoformat()} is before {EARLIEST_PLAUSIBLE.year}")
    return value


# Field types with their rule; an optional field's rule never sees its None.
_Text = Annotated[str, AfterValidator(_cleaned_or_none)]
_TextList = Annotated[tuple[str, ...], AfterValidator(_cleaned_list)]
_Url = Annotated[str, AfterValidator(_absolute_http_url)]
_Date = Annotated[datetime, AfterValidator(_plausible_date)]


class Article(_Frozen):
    """A news article extracted from one page. Immutable; ``body`` is derived from ``blocks``."""

    title: _Text
    blocks: tuple[Block, ...]
    published: _Date | None = None
    published_text: _Text | None = None
    modified: _Date | None = None
    date_origin: DateOrigin | None = None
    date_precision: DatePrecision | None = None
    date_flags: tuple[str, ...] = ()
    date_conflicts: tuple[DateCandidate, ...] = ()
    authors: _TextList = ()
    source: _Text | None = None
    site_name: _Text | None = None
    url: _Url | None = None
    canonical_url: _Url | None = None
    language: Annotated[str, AfterValidator(_language_tag)] | None = None
    direction: Direction | None = None
    section: _Text | None = None
    tags: _TextList = ()
    description: _Text | None = None
    image: _Url | None = None
    input_kind: InputKind
    encoding: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def body(self) -> str:
        """The blocks' text joined by blank lines."""
        return "\n\n".join(block.text for block in self.blocks)

    def to_markdown(self) -> str:
        """The article as Markdown: a YAML front matter block (title, dates, authors, source,
        site, language, URLs…), the headline as ``#``, then the body (``##`` headings, ``>``
        quotes, ``-`` list items). ``extract()`` reads it back to the same title, date and body.
        The format is documented in the README."""
        return to_markdown(self)

    def to_text(self) -> str:
        """The article as plain text: the headline, then the body's blocks, separated by blank
        lines (list items start with ``- ``)."""
        return to_text(self)

    @field_validator("blocks", mode="after")
    @classmethod
    def _has_blocks(cls, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        if not blocks:
            raise ValueError("the article body is empty")
        return blocks

    @model_validator(mode="after")
    def _title_present(self) -> Article:
        if not self.title:
            raise ValueError("the title is empty")
        return self


def article_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Article` as serialised by ``model_dump_json``: public contract."""
    return Article.model_json_schema(mode="serialization")
