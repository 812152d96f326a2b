"""Every error ``article_extract`` raises on purpose.

Callers catch :class:`ExtractError` to handle any page that could not be turned into an
article; nothing else escapes ``extract()`` for bad *input* (a ``TypeError`` still signals a
programming mistake such as passing an ``int``).

Hierarchy::

    ExtractError                  base class; ``code`` is a stable machine-readable name
    ├── InputError                the bytes/text cannot be read as a page
    │   ├── EmptyInput            nothing but whitespace
    │   ├── BinaryInput           looks like an image, archive, PDF or other non-text data
    │   ├── InputTooLarge         over ``Options.max_input_bytes``
    │   └── UnsupportedSource     an object we do not know how to read (or a missing path)
    ├── NotAnArticle              readable, but a home page, listing, menu-only or error page
    ├── InvalidArticle            extracted fields failed validation (wraps pydantic's errors)
    └── InternalError             a bug in article_extract (the original exception is chained);
                                  raised instead of letting it crash the caller's batch

Every class carries a ``code`` used by the CLI's JSON error records, so batch output stays
stable even if messages are reworded.
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "BinaryInput",
    "EmptyInput",
    "ExtractError",
    "InputError",
    "InputTooLarge",
    "InternalError",
    "InvalidArticle",
    "NotAnArticle",
    "UnsupportedSource",
]


class ExtractError(Exception):
    """Base class: the page could not be turned into an :class:`~article_extract.Article`."""

    code: ClassVar[str] = "extract_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly record, as the CLI writes it."""
        return {"error": self.code, "message": self.message}


class InputError(ExtractError):
    """The input cannot be read as a web page or a text dump."""

    code = "input_error"


class EmptyInput(InputError):
    """The input is empty or whitespace only."""

    code = "empty_input"


class BinaryInput(InputError):
    """The input is binary data (image, archive, PDF…) rather than text."""

    code = "binary_input"


class InputTooLarge(InputError):
    """The input is larger than ``Options.max_input_bytes``."""

    code = "input_too_large"


class UnsupportedSource(InputError):
    """The source object is of a kind ``extract()`` cannot read, or a path does not exist."""

    code = "unsupported_source"


class NotAnArticle(ExtractError):
    """The page was read but holds no article (home page, listing, menu-only dump, error page).

    ``reason`` is a short machine-readable tag (``"no_body"``, ``"listing"``, …).
    """

    code = "not_an_article"

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "reason": self.reason}


class InvalidArticle(ExtractError):
    """Extraction produced fields that fail :class:`~article_extract.Article` validation."""

    code = "invalid_article"

    def __init__(self, message: str, *, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


class InternalError(ExtractError):
    """A bug in article_extract; the original exception is chained as ``__cause__``."""

    code = "internal_error"
