"""Turn whatever the caller passed to ``extract()`` into one :class:`PageInput`.

Accepted sources: ``str`` (HTML or a text dump — always content, never a file name or a URL),
``bytes``/``bytearray``/``memoryview`` (raw page, any encoding), ``os.PathLike`` (a saved page),
an lxml element or tree, a BeautifulSoup object, and scraper responses: anything with a
``.url`` and either ``.body`` (Scrapy) or ``.content`` (requests) bytes, or ``.text``.

From a response we take only what the server declared — the bytes, the ``Content-Type``
charset and the URL — and decode the bytes with our own cascade (:mod:`._decode`). Never the
framework's ``.encoding``/``.text``: without a declared charset that is Scrapy's or requests'
guess (requests says ISO-8859-1 for any undeclared ``text/html``), and an Arabic page read
with it is mojibake.

Inputs that are not a page are refused here, before any extraction, with an error that says
what they are (:mod:`._sniff`): a ``str`` that is only a file path or a URL (the caller's
mistake: :class:`~article_extract.errors.UnsupportedSource`, with what to do instead), a
WARC/ARC archive (``UnsupportedSource``, pointing at the batch API), and readable non-pages —
CSS, JavaScript, JSON/JSON-LD, XML feeds and sitemaps, robots.txt (:class:`NotAnArticle` with
``reason="not_a_page"``). Binary formats raise :class:`BinaryInput` in :mod:`._decode`.

Every URL that comes in (``url=``, a response's ``.url``) passes :func:`._urls.caller_url`: one
that is not an absolute http(s) URL is ignored with a logged warning.
"""

from __future__ import annotations

import os
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from ._decode import decode_bytes, normalize_charset
from ._model import InputKind
from ._sniff import detect_kind, sniff_non_page
from ._urls import caller_url
from .errors import EmptyInput, InputTooLarge, NotAnArticle, UnsupportedSource

__all__ = ["PageInput", "read_source"]

# A str longer than this is never just a file path or a URL (PATH_MAX is 4096 on Linux).
_MAX_LOCATION_CHARS = 4096
# Extensions of saved pages and crawl files: a one-word str ending so is a file name.
_FILE_EXTENSIONS = (
    ".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".txt", ".text", ".md", ".xml", ".json",
    ".warc", ".arc", ".gz", ".php", ".asp", ".aspx", ".jsp",
)  # fmt: skip
# How a path starts: POSIX absolute, home, relative, a Windows drive, a UNC share.
_PATH_STARTS = ("/", "~/", "./", "../", "\\\\", ".\\", "..\\", "~\\")
_URL_STARTS = ("http://", "https://", "www.")


class PageInput(NamedTuple):
    """A page ready for the pipeline: decoded text (or a caller's parsed tree) and what we know."""

    text: str
    kind: InputKind
    encoding: str | None
    url: str | None = None
    # An lxml element the caller handed us; the HTML path parses ``text`` otherwise.
    tree: Any = None


def _page_kind(text: str) -> InputKind:
    """``html`` or ``text``; raises for inputs that are not a page at all."""
    non_page = sniff_non_page(text)
    if non_page is None:
        return detect_kind(text)
    if non_page.archive:
        raise UnsupportedSource.archive(non_page.what)
    raise NotAnArticle(f"the input is {non_page.what}, not a web page", reason="not_a_page")


def _from_bytes(data: bytes, *, declared: str | None, url: str | None, max_bytes: int) -> PageInput:
    decoded = decode_bytes(data, declared=declared, max_bytes=max_bytes)
    return PageInput(decoded.text, _page_kind(decoded.text), decoded.encoding, url)


def _location_mistake(text: str) -> str | None:
    """What to do instead when a ``str`` source is only a file path or a URL (one line, one
    word, or a path with spaces that ends in a page's file extension)."""
    if len(text) > _MAX_LOCATION_CHARS or "<" in text:
        return None
    value = text.strip()
    if "\n" in value:
        return None
    lowered = value.lower()
    one_word = len(value.split()) == 1
    if lowered.startswith(_URL_STARTS) and one_word:
        return (
            f"the input is a URL ({value[:200]!r}), but a str is page content: fetch the URL "
            "first and pass the response or its bytes (extract(response) or "
            "extract(response.content, url=...))"
        )
    if lowered.startswith("file://"):
        value = unquote(urlsplit(value).path)
    drive = len(value) > 2 and value[0].isascii() and value[0].isalpha() and value[1] == ":"
    starts_like_path = value.startswith(_PATH_STARTS) or (drive and value[2] in "\\/")
    file_name = lowered.endswith(_FILE_EXTENSIONS)
    # A path may hold spaces ("My Pages/page.html"); a breadcrumb line "/ أخبار / …" is not one.
    if (
        lowered.startswith("file://")
        or (file_name and (one_word or starts_like_path))
        or (starts_like_path and one_word)
    ):
        return (
            f"the input is a file path ({value[:200]!r}), but a str is page content: "
            f"pass pathlib.Path({value[:200]!r}) to read a file"
        )
    return None


def _from_text(text: str, *, url: str | None, max_bytes: int) -> PageInput:
    # len(str) counts code points; a UTF-8 page is at most 4 bytes per code point, and an exact
    # byte count would cost an encode of the whole page.
    if len(text) > max_bytes:
        raise InputTooLarge.over(
            f"the input is {len(text):,} characters", "max_input_bytes", max_bytes
        )
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise EmptyInput("the input is empty")
    mistake = _location_mistake(text)
    if mistake is not None:
        raise UnsupportedSource(mistake)
    return PageInput(text, _page_kind(text), None, url)


def _header(headers: Any, name: str) -> str | None:
    """A header's value from a requests/Scrapy/dict-like headers object, as text."""
    try:
        value = headers.get(name)
    except (AttributeError, TypeError, ValueError):
        return None
    if isinstance(value, list | tuple):  # multi-valued headers: the last one wins (browsers)
        value = value[-1] if value else None
    if isinstance(value, bytes | bytearray):
        value = bytes(value).decode("latin-1")
    return value if isinstance(value, str) else None


def content_type_charset(content_type: str | None) -> str | None:
    """The WHATWG name of the ``charset`` parameter of a ``Content-Type`` value, if known."""
    if not content_type:
        return None
    for parameter in content_type.split(";")[1:]:
        name, equals, value = parameter.partition("=")
        if equals and name.strip().lower() == "charset":
            return normalize_charset(value)
    return None


def read_source(source: object, *, url: object, max_bytes: int) -> PageInput:
    """Read ``source`` into a :class:`PageInput`. Raises InputError subclasses on bad input,
    and NotAnArticle (``not_a_page``) for a readable file that is not a page."""
    page_url = caller_url(url, "url=")
    if isinstance(source, str):
        return _from_text(source, url=page_url, max_bytes=max_bytes)
    if isinstance(source, bytes | bytearray | memoryview):
        return _from_bytes(bytes(source), declared=None, url=page_url, max_bytes=max_bytes)
    if isinstance(source, os.PathLike):
        return _read_path(source, url=page_url, max_bytes=max_bytes)
    tree_input = _from_tree(source, url=page_url, max_bytes=max_bytes)
    if tree_input is not None:
        return tree_input
    return _from_response(source, url=page_url, max_bytes=max_bytes)


def _read_path(path: os.PathLike[str], *, url: str | None, max_bytes: int) -> PageInput:
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputTooLarge.over(
                f"{os.fspath(path)} is {size:,} bytes", "max_input_bytes", max_bytes
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise UnsupportedSource(f"no such file: {os.fspath(path)}") from exc
    except IsADirectoryError as exc:
        raise UnsupportedSource(f"{os.fspath(path)} is a directory, not a page") from exc
    except OSError as exc:
        raise UnsupportedSource(f"cannot read {os.fspath(path)}: {exc.strerror}") from exc
    return _from_bytes(data, declared=None, url=url, max_bytes=max_bytes)


def _from_tree(source: object, *, url: str | None, max_bytes: int) -> PageInput | None:
    """lxml trees are used as they are; BeautifulSoup objects are serialised and re-parsed."""
    module = type(source).__module__
    if module.startswith("bs4"):
        return _from_text(str(source), url=url, max_bytes=max_bytes)
    if module.startswith("lxml"):
        from lxml import etree

        root = source.getroot() if isinstance(source, etree._ElementTree) else source
        if not isinstance(root, etree._Element):
            return None
        text = etree.tostring(root, encoding="unicode", method="html")
        if len(text) > max_bytes:
            raise InputTooLarge.over(
                f"the tree is {len(text):,} characters", "max_input_bytes", max_bytes
            )
        if not text.strip():
            raise EmptyInput("the input is empty")
        return PageInput(text, "html", None, url, tree=root)
    return None


def _from_response(source: object, *, url: str | None, max_bytes: int) -> PageInput:
    # The caller's url= wins; one that was ignored leaves the response's own.
    page_url = url or caller_url(getattr(source, "url", None), "response.url")
    for attribute in ("body", "content"):
        data = getattr(source, attribute, None)
        if isinstance(data, bytes | bytearray):
            # What the server declared (its Content-Type header), never the framework's guess.
            headers = getattr(source, "headers", None)
            declared = content_type_charset(_header(headers, "Content-Type"))
            return _from_bytes(bytes(data), declared=declared, url=page_url, max_bytes=max_bytes)
    text = getattr(source, "text", None)
    if isinstance(text, str):
        return _from_text(text, url=page_url, max_bytes=max_bytes)
    raise UnsupportedSource(
        f"cannot read a {type(source).__name__}: pass str, bytes, a path, an lxml/bs4 tree, "
        "or a response object with .body/.content/.text"
    )
