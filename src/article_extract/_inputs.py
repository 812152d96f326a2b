"""Turn whatever the caller passed to ``extract()`` into one :class:`PageInput`.

Inputs that are not a page are refused here, with an error that says what they are
(:mod:`._sniff`): a WARC/ARC archive (:class:`~article_extract.errors.UnsupportedSource`,
pointing at the batch API) and readable non-pages — CSS, JavaScript, JSON/JSON-LD, XML feeds
and sitemaps, robots.txt (:class:`~article_extract.errors.NotAnArticle`,
``reason="not_a_page"``). Binary formats raise ``BinaryInput`` in :mod:`._decode`.

Accepted sources: ``str`` (HTML or a text dump — always content, never a file name),
``bytes``/``bytearray``/``memoryview`` (raw page, any encoding), ``os.PathLike`` (a saved page),
an lxml element or tree, a BeautifulSoup object, and scraper responses: anything with a
``.url`` and either ``.body`` (Scrapy) or ``.content`` (requests) bytes, or ``.text``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ._decode import decode_bytes, normalize_charset
from ._model import InputKind
from ._sniff import detect_kind, sniff_non_page
from ._urls import caller_url
from .errors import EmptyInput, InputTooLarge, NotAnArticle, UnsupportedSource

__all__ = ["PageInput", "read_source"]


@dataclass(frozen=True, slots=True)
class PageInput:
    """A page ready for the pipeline: decoded text (or a caller's parsed tree) and what we know."""

    text: str
    kind: InputKind
    encoding: str | None
    url: str | None = None
    tree: Any = (
        None  # an lxml element the caller handed us; the HTML path parses ``text`` otherwise
    )


def _page_kind(text: str) -> InputKind:
    """``html`` or ``text``; raises for inputs that are not a page at all."""
    non_page = sniff_non_page(text)
    if non_page is None:
        return detect_kind(text)
    if non_page.archive:
        raise UnsupportedSource(
            f"the input is {non_page.what}, which holds many pages: read it with "
            "article_extract.extract_many(...) or `article-extract FILE.warc.gz`, not extract()"
        )
    raise NotAnArticle(f"the input is {non_page.what}, not a web page", reason="not_a_page")


def _from_bytes(data: bytes, *, declared: str | None, url: str | None, max_bytes: int) -> PageInput:
    decoded = decode_bytes(data, declared=declared, max_bytes=max_bytes)
    return PageInput(decoded.text, _page_kind(decoded.text), decoded.encoding, url)


def _from_text(text: str, *, url: str | None, max_bytes: int, encoding: str | None) -> PageInput:
    # len(str) counts code points; a UTF-8 page is at most 4 bytes per code point, and an exact
    # byte count would cost an encode of the whole page.
    if len(text) > max_bytes:
        raise InputTooLarge(f"the input is {len(text)} characters, over the {max_bytes} limit")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise EmptyInput("the input is empty")
    return PageInput(text, _page_kind(text), encoding, url)


def _response_declared_encoding(source: Any) -> str | None:
    headers = getattr(source, "headers", None)
    content_type: Any = None
    if headers is not None:
        try:
            content_type = headers.get("Content-Type") or headers.get(b"Content-Type")
        except (AttributeError, TypeError):
            content_type = None
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1", "replace")
    if isinstance(content_type, str) and "charset=" in content_type.lower():
        label = content_type.lower().split("charset=", 1)[1].split(";")[0]
        return normalize_charset(label)
    return None


def read_source(source: object, *, url: object, max_bytes: int) -> PageInput:
    """Read ``source`` into a :class:`PageInput`. Raises InputError subclasses on bad input.

    ``url`` (and a response's ``.url``) passes :func:`._urls.caller_url`: one that is not an
    absolute http(s) URL is ignored with a logged warning."""
    url = caller_url(url, "url=")
    if isinstance(source, str):
        return _from_text(source, url=url, max_bytes=max_bytes, encoding=None)
    if isinstance(source, bytes | bytearray | memoryview):
        return _from_bytes(bytes(source), declared=None, url=url, max_bytes=max_bytes)
    if isinstance(source, os.PathLike):
        return _read_path(source, url=url, max_bytes=max_bytes)
    tree_input = _from_tree(source, url=url, max_bytes=max_bytes)
    if tree_input is not None:
        return tree_input
    return _from_response(source, url=url, max_bytes=max_bytes)


def _read_path(path: os.PathLike[str], *, url: str | None, max_bytes: int) -> PageInput:
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputTooLarge(f"{os.fspath(path)} is {size} bytes, over the {max_bytes} limit")
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
        return _from_text(str(source), url=url, max_bytes=max_bytes, encoding=None)
    if module.startswith("lxml"):
        from lxml import etree

        root = source.getroot() if isinstance(source, etree._ElementTree) else source
        if not isinstance(root, etree._Element):
            return None
        text = etree.tostring(root, encoding="unicode", method="html")
        page = _from_text(text, url=url, max_bytes=max_bytes, encoding=None)
        return PageInput(page.text, "html", None, url, tree=root)
    return None


def _from_response(source: object, *, url: str | None, max_bytes: int) -> PageInput:
    # The caller's url= wins; one that was ignored leaves the response's own.
    page_url = url or caller_url(getattr(source, "url", None), "response.url")
    for attribute in ("body", "content"):
        data = getattr(source, attribute, None)
        if isinstance(data, bytes | bytearray):
            declared = _response_declared_encoding(source) or normalize_charset(
                getattr(source, "encoding", None)
            )
            return _from_bytes(bytes(data), declared=declared, url=page_url, max_bytes=max_bytes)
    text = getattr(source, "text", None)
    if isinstance(text, str):
        return _from_text(text, url=page_url, max_bytes=max_bytes, encoding=None)
    raise UnsupportedSource(
        f"cannot read a {type(source).__name__}: pass str, bytes, a path, an lxml/bs4 tree, "
        "or a response object with .body/.content/.text"
    )
