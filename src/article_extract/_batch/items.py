"""What a batch converts (:class:`Input`) and what it yields for each input (:class:`Result`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from .._model import Article
from ..errors import ExtractError, NotAnArticle

__all__ = ["ERROR_FIELDS", "RECORD_HEAD", "HttpPayload", "Input", "Result", "path_id", "site_of"]

# Every output record starts with these; error records then carry ERROR_FIELDS.
RECORD_HEAD = ("input", "status")
ERROR_FIELDS = ("error", "reason", "message")


def path_id(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A file name as valid UTF-8 text, whatever bytes the file system holds.

    Bytes that are not UTF-8 (a Latin-1 or windows-1256 name) are written as ``\\xNN``
    escapes, so the id is printable, JSON-safe and the same on every run (``--resume``).
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(frozen=True, slots=True)
class HttpPayload:
    """A page as an HTTP response delivered it (a WARC record): body bytes, headers, URL.

    ``extract()`` reads it as a scraper response: the ``Content-Type`` charset is the
    declared encoding.
    """

    url: str | None
    body: bytes
    headers: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Input:
    """One page for :func:`~article_extract.extract_many`.

    ``id`` names the input in its :class:`Result` (a path, ``archive.warc.gz#1234``…);
    ``source`` is anything :func:`~article_extract.extract` accepts; ``url`` is the page's
    address; ``reference`` is its crawl time (``Options.reference`` for this page: "now" for
    relative dates and the upper bound for plausible ones). ``site`` groups pages for
    boilerplate learning; by default the URL's host, else the input's folder.

    A reader that could not even produce the page (a corrupt archive record, a bad JSON line)
    passes the :class:`~article_extract.ExtractError` as ``source``: the input is then
    recorded as that error, so it is still accounted for.
    """

    id: str
    source: object
    url: str | None = None
    reference: datetime | None = None
    site: str | None = None


def site_of(item: Input) -> str:
    """The site an input belongs to: explicit, else the URL's host, else its folder."""
    if item.site is not None:
        return item.site
    if item.url:
        host = urlsplit(item.url).hostname
        if host:
            return host.removeprefix("www.")
    return os.path.dirname(item.id.split("#", 1)[0])


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome for one input: its ``input`` id and either the ``article`` or the ``error``."""

    input: str
    article: Article | None = None
    error: ExtractError | None = None

    def __post_init__(self) -> None:
        if (self.article is None) == (self.error is None):
            raise ValueError("a Result holds exactly one of article and error")

    @property
    def ok(self) -> bool:
        return self.article is not None

    @property
    def status(self) -> Literal["ok", "error"]:
        return "ok" if self.article is not None else "error"

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record: ``input``, ``status``, then the Article's fields (JSON mode) or
        ``error`` (the code), ``reason`` (``NotAnArticle``'s, else None) and ``message``."""
        record: dict[str, Any] = {"input": self.input, "status": self.status}
        if self.article is not None:
            record.update(self.article.model_dump(mode="json"))
        elif self.error is not None:
            record["error"] = self.error.code
            record["reason"] = self.error.reason if isinstance(self.error, NotAnArticle) else None
            record["message"] = self.error.message
        return record
