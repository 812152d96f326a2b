"""article_extract: scraped news pages (HTML or text dumps, any encoding) → validated Articles.

>>> from article_extract import extract
>>> article = extract(page_bytes_or_text_or_path)   # doctest: +SKIP
>>> article.title, article.published, article.body  # doctest: +SKIP

Only the names in ``__all__`` are public; modules whose names start with ``_`` are private.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from ._dates import ParsedDate, find_dates, parse_date
from ._extract import extract
from ._model import Article, Block, DateCandidate, Options, article_json_schema
from .errors import (
    BinaryInput,
    EmptyInput,
    ExtractError,
    ExtractTimeout,
    InputError,
    InputTooComplex,
    InputTooLarge,
    InternalError,
    InvalidArticle,
    NotAnArticle,
    UnsupportedSource,
)

if TYPE_CHECKING:
    from ._batch.items import Input, Result
    from ._batch.run import extract_many

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BinaryInput",
    "Block",
    "DateCandidate",
    "EmptyInput",
    "ExtractError",
    "ExtractTimeout",
    "Input",
    "InputError",
    "InputTooComplex",
    "InputTooLarge",
    "InternalError",
    "InvalidArticle",
    "NotAnArticle",
    "Options",
    "ParsedDate",
    "Result",
    "UnsupportedSource",
    "__version__",
    "article_json_schema",
    "extract",
    "extract_many",
    "find_dates",
    "parse_date",
]

# The batch API (and the process pool behind it) loads on first use: a scraper that only calls
# extract() never pays for it. Name → the module that defines it.
_ON_FIRST_USE = {"Input": "._batch.items", "Result": "._batch.items", "extract_many": "._batch.run"}


def __getattr__(name: str) -> object:
    module = _ON_FIRST_USE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


# A library only adds a NullHandler; applications (and our CLI) configure logging.
logging.getLogger(__name__).addHandler(logging.NullHandler())
