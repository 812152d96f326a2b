"""Every error ``article_extract`` raises on purpose.

Callers catch :class:`ExtractError` to handle any page that could not be turned into an
article; nothing else escapes ``extract()`` for bad *input* (a ``TypeError`` still signals a
programming mistake such as passing an ``int``).

Hierarchy::

    ExtractError                  base class; ``code`` is a stable machine-readable name
    ├── InputError                the bytes/text cannot be read as a page
    │   ├── EmptyInput            nothing but whitespace
    │   ├── BinaryInput           an image, PDF, office document, archive or other binary data
    │   ├── InputTooLarge         over ``Options.max_input_bytes``
    │   │   └── InputTooComplex   over ``Options.max_tree_elements``, or nested too deeply
    │   └── UnsupportedSource     a source extract() does not read: an unknown object, a missing
    │                             path, a str that is only a file path or a URL, a WARC/ARC
    │                             archive; the message says what to pass instead
    ├── NotAnArticle              readable, but not one article: a home page, listing, error
    │                             page, or not a web page at all (``reason`` says which)
    ├── InvalidArticle            extracted fields failed validation (wraps pydantic's errors)
    ├── ExtractTimeout            a batch worker gave up on the page after its time limit
    └── InternalError             a bug in article_extract (the original exception is chained);
                                  raised instead of letting it crash the caller's batch

Every class carries a ``code`` used by the CLI's JSON error records, so batch output stays
stable even if messages are reworded.

Caller mistakes are named as such: ``extract("/path/page.html")`` and
``extract("https://…")`` raise :class:`UnsupportedSource` ("a str is page content; pass
pathlib.Path(...) to read a file" / "fetch the URL first and pass the response or its bytes"),
and WARC/ARC bytes point at the batch API (``extract_many``, ``article-extract FILE.warc.gz``).
A ``url=`` that is not an absolute http(s) URL is not an error: it is ignored with a logged
warning, and the page is read as if no URL had been given.

Every error pickles (batch workers send them to the parent process, Dask ships them between
machines): :meth:`ExtractError.__reduce__` keeps the message and every attribute, whatever the
subclass's ``__init__`` takes. The chained ``__cause__`` and the traceback stay in the process
that raised.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

__all__ = [
    "BinaryInput",
    "EmptyInput",
    "ExtractError",
    "ExtractTimeout",
    "InputError",
    "InputTooComplex",
    "InputTooLarge",
    "InternalError",
    "InvalidArticle",
    "NotAnArticle",
    "UnsupportedSource",
]


def _restore(cls: type[ExtractError], args: tuple[Any, ...], state: dict[str, Any]) -> ExtractError:
    """Unpickle an error without calling its ``__init__`` (whose signature varies by class)."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ExtractError(Exception):
    """Base class: the page could not be turned into an :class:`~article_extract.Article`."""

    code: ClassVar[str] = "extract_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        # The default pickles ``cls(*args)``, which fails for keyword-only arguments
        # (``NotAnArticle(message, reason=…)``) and drops attributes such as ``errors``.
        return (_restore, (type(self), self.args, dict(self.__dict__)))

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
    """The input is binary data (image, PDF, office document, archive…) rather than text; the
    message names the format when its signature is known."""

    code = "binary_input"


class InputTooLarge(InputError):
    """The input is larger than ``Options.max_input_bytes`` (the message names the limit)."""

    code = "input_too_large"

    @classmethod
    def over(cls, what: str, option: str, limit: int) -> Self:
        """The error for ``what`` ("the input is 31,457,280 bytes") exceeding ``Options.<option>``,
        with a message that says how to raise the limit."""
        return cls(
            f"{what}, over Options.{option}={limit:,}; "
            f"pass Options({option}=...) with a larger value to read it"
        )


class InputTooComplex(InputTooLarge):
    """The page is within the size limit but too complex to read at a bounded cost: more
    elements than ``Options.max_tree_elements``, or nested deeper than the parser can read even
    after flattening. The message names the limit and how to raise it."""

    code = "input_too_complex"


class UnsupportedSource(InputError):
    """``extract()`` does not read this source: an object of an unknown kind, a path that does
    not exist, a ``str`` that is only a file path or a URL (a str is page content), or a
    WARC/ARC archive of many pages. The message says what to pass instead."""

    code = "unsupported_source"

    @classmethod
    def archive(cls, what: str) -> Self:
        """The error for a web archive (``what``: "a WARC web archive"), with the batch API to
        read it by."""
        return cls(
            f"the input is {what}, which holds many pages: read it with "
            "article_extract.extract_many(...) or `article-extract FILE.warc.gz`, not extract()"
        )


class NotAnArticle(ExtractError):
    """The input was read but holds no article.

    ``reason`` is a short machine-readable tag from a documented set: ``home``, ``listing``,
    ``tag``, ``search``, ``error_page``, ``redirect``, ``challenge``, ``no_body``, and
    ``not_a_page`` — a readable file that is not a web page at all: a CSS stylesheet,
    JavaScript, JSON or JSON-LD, an XML feed, sitemap or other XML document, a robots.txt, a
    list of URLs (the message names which).
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


class ExtractTimeout(ExtractError):
    """A batch worker stopped working on the page after the caller's per-input time limit."""

    code = "timeout"


class InternalError(ExtractError):
    """A bug in article_extract; the original exception is chained as ``__cause__``."""

    code = "internal_error"
