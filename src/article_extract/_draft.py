"""The intermediate result both pipelines (HTML and text dump) hand to ``_build``.

A plain frozen dataclass: cheap to create, no validation yet. ``_build`` turns it into the
validated public :class:`~article_extract.Article`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._dates import ParsedDate
from ._model import BlockKind, DateOrigin

__all__ = ["ArticleDraft", "BlockDraft", "DatedCandidate"]


@dataclass(frozen=True, slots=True)
class BlockDraft:
    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class DatedCandidate:
    """A date found somewhere on the page, and where."""

    date: ParsedDate
    origin: DateOrigin


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """Fields as extracted, before validation. Text is already cleaned by the producing stage."""

    title: str
    blocks: tuple[BlockDraft, ...]
    input_kind: str
    published: DatedCandidate | None = None
    published_text: str | None = None
    modified: DatedCandidate | None = None
    date_conflicts: tuple[DatedCandidate, ...] = ()
    authors: tuple[str, ...] = ()
    source: str | None = None
    site_name: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    direction: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    description: str | None = None
    image: str | None = None
    encoding: str | None = None
