"""Adapters that run each system on one raw HTML page and return the same small record.

Every adapter gets the page bytes exactly as stored, the page URL and its language, and returns
a :class:`Output`: title, publication date (as the library gives it, serialised to a string),
the body as lines, and the error if the system raised. Adapters never touch the network
(image fetching, meta-refresh and read-more following are off) and never raise: a system that
throws on a page yields an empty :class:`Output` carrying the exception type.

Each peer is called the way its documentation recommends for offline use on saved HTML, with
the settings that give it its best result on news pages:

* ``trafilatura``: ``bare_extraction(raw_bytes, url=…, with_metadata=True,
  include_comments=False)`` with htmldate's "original date, extensive search" parameters.
* ``newspaper``: ``Article(url, fetch_images=False)`` + ``download(input_html=…)`` +
  ``parse()``; the language comes from the page's ``<html lang>``/meta (English fallback).
* ``newspaper-lang``: the same with ``language=<the page's gold language>``.
* ``goose3``: ``Goose({enable_image_fetching: False, target_language: <lang>}).extract(
  url=…, raw_html=…)``; goose3 still prefers the page's meta language when it states one.
* ``readability``: ``Document(raw_bytes, url=…)``: ``short_title()`` and the text of
  ``summary()`` split on block elements; it extracts no date.
* ``boilerpy3``: ``ArticleExtractor(raise_on_failure=False).get_doc(decoded)``: ``.title`` and
  ``.content`` (boilerpipe's article extractor, ported); it extracts no date.

Libraries are imported lazily: :func:`load_system` raises :class:`MissingLibraryError` when one
is not installed, so the caller can skip it with a note.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

__all__ = [
    "SYSTEM_NAMES",
    "MissingLibraryError",
    "Output",
    "Page",
    "System",
    "error_output",
    "html_to_lines",
    "load_system",
    "system_version",
    "text_to_lines",
]


@dataclass(frozen=True)
class Page:
    """One input page: its bytes as stored, its URL, language tag and the caller's "now"."""

    raw: bytes
    url: str | None
    lang: str
    reference: str | None = None


@dataclass(frozen=True)
class Output:
    """What one system produced for one page."""

    title: str | None = None
    published: str | None = None
    lines: list[str] = field(default_factory=list)
    error: str | None = None
    detail: str | None = None  # the exception's message, for the --json dump


class System(Protocol):
    """A loaded system: call it on one page."""

    def __call__(self, page: Page) -> Output: ...


class MissingLibraryError(RuntimeError):
    """The library behind a system is not installed (or cannot be imported)."""


# The package each system needs, for the "not installed" note and the version column.
_DISTRIBUTIONS = {
    "ours": "article-extract",
    "trafilatura": "trafilatura",
    "newspaper": "newspaper4k",
    "newspaper-lang": "newspaper4k",
    "goose3": "goose3",
    "readability": "readability-lxml",
    "boilerpy3": "boilerpy3",
}
SYSTEM_NAMES: tuple[str, ...] = tuple(_DISTRIBUTIONS)

_BLOCK_TAGS = (
    "p", "div", "section", "article", "li", "ul", "ol", "blockquote", "pre", "table", "tr",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "figure", "figcaption", "dd", "dt",
)  # fmt: skip
_SPACES = re.compile(r"\s+")
# newspaper4k and goose3 need some URL; gold without one (a test fixture) gets this.
PLACEHOLDER_URL = "https://example.invalid/article"
# Enough of an exception message to recognise the failure in the --json dump.
DETAIL_CHARS = 300


def system_version(name: str) -> str:
    try:
        return importlib.metadata.version(_DISTRIBUTIONS[name])
    except importlib.metadata.PackageNotFoundError:
        pass
    if name == "ours":  # run from a source checkout (PYTHONPATH=src) rather than installed
        import article_extract

        return f"{article_extract.__version__} (src)"
    return "?"


def text_to_lines(text: str | None) -> list[str]:
    """One text blob → its non-empty lines, whitespace collapsed."""
    if not text:
        return []
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def html_to_lines(fragment: str | None) -> list[str]:
    """An HTML fragment → the text of its blocks, one per line (for readability's summary)."""
    if not fragment or not fragment.strip():
        return []
    import lxml.html

    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*_BLOCK_TAGS, "br"):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    return text_to_lines(root.text_content())


def _decode(raw: bytes) -> str:
    """Bytes → str as newspaper4k itself decodes (bs4 UnicodeDammit), for APIs that take str."""
    from bs4 import UnicodeDammit

    return UnicodeDammit(raw, is_html=True).unicode_markup or raw.decode("utf-8", "replace")


def _date_string(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def error_output(exc: BaseException) -> Output:
    """An empty Output for a page the system raised on: our ``ExtractError.code`` or the type."""
    code = getattr(exc, "code", None)
    name = code if isinstance(code, str) else type(exc).__name__
    return Output(error=name, detail=str(exc)[:DETAIL_CHARS])


def _guarded(run: Callable[[Page], Output]) -> System:
    """Wrap an adapter so that any exception becomes an empty Output naming its type."""

    def guarded(page: Page) -> Output:
        try:
            return run(page)
        except Exception as exc:  # a peer's bug on one page is a data point, not a crash
            return error_output(exc)

    return guarded


def _load_ours() -> System:
    try:
        from article_extract import Options, extract
    except ImportError as exc:
        raise MissingLibraryError(f"article_extract not importable: {exc}") from exc

    def run(page: Page) -> Output:
        reference = datetime.fromisoformat(page.reference) if page.reference else None
        article = extract(page.raw, url=page.url, options=Options(reference=reference))
        return Output(
            title=article.title,
            published=_date_string(article.published),
            lines=[block.text for block in article.blocks],
        )

    return _guarded(run)


def _load_trafilatura() -> System:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingLibraryError("trafilatura is not installed") from exc
    date_params = {
        "original_date": True,
        "extensive_search": True,
        "max_date": datetime.now().strftime("%Y-%m-%d"),
    }

    def run(page: Page) -> Output:
        document: Any = trafilatura.bare_extraction(
            page.raw,
            url=page.url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=date_params,
        )
        if document is None:
            return Output(error="NoResult")
        return Output(
            title=document.title,
            published=_date_string(document.date),
            lines=text_to_lines(document.text),
        )

    return _guarded(run)


def _load_newspaper(*, with_language: bool) -> System:
    try:
        from newspaper import Article
        from newspaper.languages import get_available_languages
    except ImportError as exc:
        raise MissingLibraryError("newspaper4k is not installed") from exc
    supported = set(get_available_languages())

    def run(page: Page) -> Output:
        settings: dict[str, Any] = {"fetch_images": False, "follow_meta_refresh": False}
        if with_language:
            code = page.lang.split("-")[0]
            if code not in supported:
                return Output(error=f"UnsupportedLanguage:{code}")
            settings["language"] = code
        article = Article(page.url or PLACEHOLDER_URL, **settings)
        article.download(input_html=_decode(page.raw), ignore_read_more=True)
        article.parse()
        return Output(
            title=article.title or None,
            published=_date_string(article.publish_date),
            lines=text_to_lines(article.text),
        )

    return _guarded(run)


def _load_goose3() -> System:
    try:
        from goose3 import Goose
    except ImportError as exc:
        raise MissingLibraryError("goose3 is not installed") from exc
    clients: dict[str, Any] = {}

    def client(lang: str) -> Any:
        code = lang.split("-")[0]
        if code not in clients:
            clients[code] = Goose(
                {"enable_image_fetching": False, "use_meta_language": True, "target_language": code}
            )
        return clients[code]

    def run(page: Page) -> Output:
        url = page.url or PLACEHOLDER_URL
        article = client(page.lang).extract(url=url, raw_html=_decode(page.raw))
        published = article.publish_date or article.publish_datetime_utc
        return Output(
            title=article.title or None,
            published=_date_string(published),
            lines=text_to_lines(article.cleaned_text),
        )

    return _guarded(run)


def _load_readability() -> System:
    try:
        from readability import Document
    except ImportError as exc:
        message = "readability-lxml (and lxml_html_clean) is not installed"
        raise MissingLibraryError(message) from exc

    def run(page: Page) -> Output:
        document = Document(page.raw, url=page.url)
        return Output(
            title=document.short_title() or None,
            published=None,
            lines=html_to_lines(document.summary(html_partial=True)),
        )

    return _guarded(run)


def _load_boilerpy3() -> System:
    try:
        from boilerpy3 import extractors
    except ImportError as exc:
        raise MissingLibraryError("boilerpy3 is not installed") from exc
    extractor = extractors.ArticleExtractor(raise_on_failure=False)

    def run(page: Page) -> Output:
        document = extractor.get_doc(_decode(page.raw))
        return Output(
            title=document.title or None,
            published=None,
            lines=text_to_lines(document.content),
        )

    return _guarded(run)


_LOADERS: dict[str, Callable[[], System]] = {
    "ours": _load_ours,
    "trafilatura": _load_trafilatura,
    "newspaper": lambda: _load_newspaper(with_language=False),
    "newspaper-lang": lambda: _load_newspaper(with_language=True),
    "goose3": _load_goose3,
    "readability": _load_readability,
    "boilerpy3": _load_boilerpy3,
}


def load_system(name: str) -> System:
    """Import the library behind ``name`` and return its adapter.

    Raises :class:`MissingLibraryError` when the library is not installed.
    """
    if name not in _LOADERS:
        raise KeyError(f"unknown system {name!r}; choose from {', '.join(SYSTEM_NAMES)}")
    return _LOADERS[name]()
