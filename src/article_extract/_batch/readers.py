"""Command-line inputs → a lazy stream of :class:`~.items.Input`.

Every input spec is read the same way, whether it was named on the command line, listed in
``--files-from``, or found in a folder:

* ``-``: one page read from standard input;
* a folder: its files, recursively, in sorted order (hidden files and folders skipped),
  filtered by the ``--glob`` patterns;
* ``*.warc`` / ``*.warc.gz``: one input per ``response`` record with an HTML or text payload,
  id ``path#offset``, URL from ``WARC-Target-URI``, crawl time from ``WARC-Date`` (needs the
  ``warc`` extra: warcio);
* ``*.jsonl`` / ``*.jsonl.gz``: one input per non-blank line, a JSON object with the page in
  an ``html`` or ``text`` field, its ``url`` and crawl time (field names configurable), id
  ``path#line``;
* any other file: one page.

A manifest (CSV with a header, or JSON Lines: ``path,url,crawled_at``) lists pages with their
URL and crawl time; relative paths are read from the manifest's folder.

Problems with one input (a missing file, a bad JSON line, a corrupt archive) become an input
whose source is the typed error, so the run records them and goes on.
"""

from __future__ import annotations

import csv
import fnmatch
import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import IO, Any, cast

from .._model import DEFAULT_MAX_INPUT_BYTES
from ..errors import InputError, InputTooLarge, UnsupportedSource
from .items import HttpPayload, Input, path_id

__all__ = [
    "MANY_PAGES",
    "STDIN",
    "InputSpec",
    "MissingExtra",
    "ReadSettings",
    "Reader",
    "iter_warc",
    "parse_time",
]

STDIN = "-"
WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
# Files that hold many pages: a WARC archive, JSON Lines.
MANY_PAGES = WARC_SUFFIXES + JSONL_SUFFIXES
# WARC payload types that are pages; a record without a Content-Type is tried too.
_PAGE_TYPES = ("text/", "application/xhtml")


class MissingExtra(RuntimeError):
    """An input needs an optional dependency that is not installed."""


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """How inputs are found and read."""

    globs: tuple[str, ...] = ()  # file-name patterns for folders; empty: every file
    exclude: frozenset[str] = frozenset()  # absolute paths never read (the run's own output)
    url_field: str = "url"
    html_field: str = "html"
    text_field: str = "text"
    time_field: str = "crawled_at"
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES


@dataclass(frozen=True, slots=True)
class InputSpec:
    """One thing to read: a path (or ``-``), or a manifest."""

    path: str
    manifest: bool = False
    url: str | None = None  # --url, for a single input


def parse_time(text: str) -> datetime | None:
    """A crawl time: ISO 8601 / RFC 3339 (``2024-05-01T10:00:00Z``), as WARC and scrapers write;
    None when ``text`` is not one."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def _is(path: str, suffixes: tuple[str, ...]) -> bool:
    return path.lower().endswith(suffixes)


def _open_text(path: str) -> IO[str]:
    raw = cast(
        IO[bytes],
        gzip.GzipFile(path, "rb") if path.lower().endswith(".gz") else open(path, "rb"),  # noqa: SIM115
    )
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def _error(ident: str, message: str) -> Input:
    return Input(ident, UnsupportedSource(message))


class Reader:
    """Turns input specs into inputs. Iterating it again reads everything again (the
    boilerplate-learning pass reads the inputs twice), so ``specs`` must be re-iterable."""

    def __init__(self, specs: Iterable[InputSpec], settings: ReadSettings) -> None:
        self.specs = specs
        self.settings = settings

    def __iter__(self) -> Iterator[Input]:
        for spec in self.specs:
            if spec.manifest:
                yield from self._manifest(spec.path)
            else:
                yield from self._spec(spec.path, url=spec.url)

    def _spec(self, path: str, *, url: str | None = None) -> Iterator[Input]:
        if path == STDIN:
            data = sys.stdin.buffer.read(self.settings.max_input_bytes + 1)
            yield Input(STDIN, data, url=url)
        elif os.path.isdir(path):
            for found in _walk(path, self.settings):
                yield from self._file(found)
        else:
            yield from self._file(path, url=url)

    def _file(self, path: str, *, url: str | None = None) -> Iterator[Input]:
        if _is(path, WARC_SUFFIXES):
            yield from iter_warc(path, max_bytes=self.settings.max_input_bytes)
        elif _is(path, JSONL_SUFFIXES):
            yield from self._jsonl(path)
        else:
            yield Input(path_id(path), Path(path), url=url)

    def _jsonl(self, path: str) -> Iterator[Input]:
        ident = path_id(path)
        settings = self.settings
        try:
            handle = _open_text(path)
        except OSError as exc:
            yield _error(ident, f"cannot read {ident}: {exc.strerror}")
            return
        with handle:
            try:
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        yield _jsonl_record(f"{ident}#{number}", line, settings)
            except (OSError, EOFError) as exc:  # a truncated .gz
                yield _error(f"{ident}#end", f"{ident} is truncated or corrupt: {exc}")

    def _manifest(self, path: str) -> Iterator[Input]:
        ident = path_id(path)
        base = os.path.dirname(path)
        try:
            handle = _open_text(path)
        except OSError as exc:
            raise UnsupportedSource(f"cannot read the manifest {ident}: {exc.strerror}") from exc
        with handle:
            if _is(path, JSONL_SUFFIXES):
                rows: Iterator[tuple[int, Any]] = (
                    (n, _json_or_none(line)) for n, line in enumerate(handle, 1) if line.strip()
                )
            else:
                rows = enumerate(csv.DictReader(handle), start=2)
            for number, row in rows:
                yield _manifest_row(row, base, f"{ident}#{number}")

    def count(self) -> int | None:
        """How many inputs there are, cheaply (for a progress bar's ETA): files and lines
        are counted, archives would have to be decompressed, so a WARC makes it None."""
        total = 0
        for spec in self.specs:
            if spec.manifest:  # a CSV manifest's first line is its header
                header = 0 if _is(spec.path, JSONL_SUFFIXES) else 1
                total += max(0, _count_lines(spec.path) - header)
                continue
            paths = [spec.path] if not os.path.isdir(spec.path) else _walk(spec.path, self.settings)
            for path in paths:
                if _is(path, WARC_SUFFIXES):
                    return None
                total += _count_lines(path) if _is(path, JSONL_SUFFIXES) else 1
        return total


def _walk(root: str, settings: ReadSettings) -> Iterator[str]:
    """The files of a folder, recursively, sorted, hidden ones skipped, filtered by the globs."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if settings.globs and not any(fnmatch.fnmatch(name, g) for g in settings.globs):
                continue
            path = os.path.join(folder, name)
            if settings.exclude and os.path.abspath(path) in settings.exclude:
                continue
            yield path


def _count_lines(path: str) -> int:
    try:
        with _open_text(path) as handle:
            return sum(1 for line in handle if line.strip())
    except (OSError, EOFError):
        return 0


def _json_or_none(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


def _manifest_row(row: Any, base: str, where: str) -> Input:
    if not isinstance(row, dict) or not row.get("path"):
        return _error(where, f"{where}: the manifest row has no 'path'")
    path = os.path.join(base, str(row["path"]))
    url = row.get("url") or None
    crawled = row.get("crawled_at") or None
    reference = parse_time(str(crawled)) if crawled else None
    if crawled and reference is None:
        return _error(path_id(path), f"{where}: crawled_at {crawled!r} is not ISO 8601")
    return Input(path_id(path), Path(path), url=str(url) if url else None, reference=reference)


def _jsonl_record(ident: str, line: str, settings: ReadSettings) -> Input:
    try:
        record = json.loads(line)
    except ValueError as exc:
        return _error(ident, f"line is not JSON: {exc}")
    if not isinstance(record, dict):
        return _error(ident, "line is not a JSON object")
    page = record.get(settings.html_field)
    if not isinstance(page, str):
        page = record.get(settings.text_field)
    if not isinstance(page, str):
        return _error(
            ident, f"the record has no {settings.html_field!r} or {settings.text_field!r} text"
        )
    url = record.get(settings.url_field)
    crawled = record.get(settings.time_field)
    if not isinstance(crawled, str):  # a number or null: the record states no crawl time
        crawled = None
    reference = parse_time(crawled) if crawled else None
    if crawled and reference is None:
        return _error(ident, f"{settings.time_field} {crawled!r} is not ISO 8601")
    return Input(
        ident, page, url=url if isinstance(url, str) and url else None, reference=reference
    )


def iter_warc(path: str, *, max_bytes: int = DEFAULT_MAX_INPUT_BYTES) -> Iterator[Input]:
    """Inputs of a WARC file: each ``response`` record with an HTML or text payload.

    Payloads are read up to ``max_bytes`` + 1 bytes, so an oversized record is refused by
    ``extract()`` (InputTooLarge) without being held in memory whole.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise MissingExtra(
            "reading WARC files needs the 'warc' extra: pip install 'article-extract[warc]'"
        ) from exc
    ident = path_id(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        yield _error(ident, f"cannot read {ident}: {exc.strerror}")
        return
    with handle:
        records = ArchiveIterator(handle)
        offset = 0
        try:
            for record in records:
                page = _warc_page(record, max_bytes)
                # warcio knows a record's offset once its payload has been read
                offset = records.get_record_offset()
                if page is not None:
                    yield replace(page, id=f"{ident}#{offset}")
        except Exception as exc:  # warcio raises several types on corrupt or truncated data
            yield _error(
                f"{ident}#{offset}-",
                f"the archive is corrupt or truncated after offset {offset}: "
                f"{type(exc).__name__}: {exc}",
            )


def _warc_page(record: Any, max_bytes: int) -> Input | None:
    """The record's page (its id is set by the caller), or None for other records."""
    ident = ""
    if record.rec_type != "response":
        return None
    headers = record.http_headers
    content_type = headers.get_header("Content-Type") if headers is not None else None
    if content_type and not content_type.lower().lstrip().startswith(_PAGE_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    date = record.rec_headers.get_header("WARC-Date")
    reference = parse_time(date) if date else None  # a malformed date only loses the crawl time
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Input(ident, InputTooLarge(f"the record is over the {max_bytes}-byte limit"), url)
    missing = getattr(record.raw_stream, "limit", 0)  # warcio's reader: block bytes never read
    if isinstance(missing, int) and missing > 0:
        return Input(
            ident, InputError(f"the record is truncated: {missing} bytes are missing"), url
        )
    payload_headers = {"Content-Type": content_type} if content_type else {}
    return Input(ident, HttpPayload(url, body, payload_headers), url=url, reference=reference)
