"""Results → records on disk or stdout: JSON Lines, JSON, CSV or Parquet — or documents:
Markdown (``Article.to_markdown()``) or plain text (``Article.to_text()``), one after the
other. Always UTF-8.

Documents are the articles as people read them: each one as its method renders it, separated
by a blank line; a page that is not an article is one line instead, an HTML comment in
Markdown (``<!-- error: INPUT: code: message -->``), ``error: INPUT: code: message`` in text.

Crash safety. JSON Lines and CSV are appended record by record, each record one write ending
in its terminator (``\\n``; ``\\r\\n`` for CSV, whose fields never hold a ``\\r``): after a
crash or ``kill -9`` the file is whole records plus at most one partial record at the end.
:func:`resume` cuts that partial record off and returns the ids already written, so a rerun
appends exactly the missing inputs. JSON and Parquet are not appendable: they are written to a
temporary file beside the target and renamed into place at the end, so a crash leaves the
previous file (or none), never half of one.

Encoding and writing are two steps. An :class:`Encoder` turns a Result into what the output
holds (the bytes of a JSON line, a JSON array item, a CSV row or a document; a row for Parquet):
it is pure and picklable, so the workers run it and the parent, which shares the cores with
them, receives a few bytes per input instead of an Article to unpickle and render. A writer
(:func:`open_writer`) only puts those bytes in place, with the separators, header and
temporary file its format needs.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any, NamedTuple, Protocol, get_args, get_origin

from .._model import Article
from .items import ERROR_FIELDS, RECORD_HEAD, Result

__all__ = [
    "APPENDABLE",
    "DOCUMENT_FORMATS",
    "FORMATS",
    "Encoded",
    "Encoder",
    "RecordData",
    "RecordWriter",
    "article_fields",
    "check_fields",
    "open_writer",
    "record_fields",
    "resume",
]

FORMATS = ("jsonl", "json", "csv", "parquet", "markdown", "text")
# Formats that write each article as a document rather than a record of fields.
DOCUMENT_FORMATS = ("markdown", "text")
APPENDABLE = ("jsonl", "csv")
_TERMINATOR = {"jsonl": b"\n", "csv": b"\r\n"}
# Records per Parquet row group: large enough for good compression, small enough to stream.
PARQUET_ROWS_PER_GROUP = 2000
# Bytes read at a time when looking for the last whole record from the end of a file.
_TAIL_BLOCK = 1 << 16
# The first key of a JSON Lines record as we write it: {"input": "<JSON string>", …
_INPUT_RE = re.compile(rb'\{"input": ("(?:[^"\\]|\\.)*")')
# CSV cells join list fields with this separator.
CSV_LIST_SEPARATOR = "; "


def article_fields() -> tuple[str, ...]:
    """The Article's fields as records carry them (``body`` included), in model order."""
    names = list(Article.model_fields)
    names.insert(names.index("blocks") + 1, "body")
    return tuple(names)


def check_fields(fields: Sequence[str]) -> list[str]:
    """The names in ``fields`` that are not Article fields."""
    known = set(article_fields())
    return [f for f in fields if f not in known]


def record_fields(fmt: str, chosen: Sequence[str] | None) -> tuple[str, ...]:
    """The columns of a record: input, status, the chosen article fields, the error fields.

    Without a choice CSV leaves out ``blocks`` (``body`` holds the same text) and
    ``date_conflicts``; the other formats keep every field."""
    if chosen:
        fields = tuple(chosen)
    elif fmt == "csv":
        fields = tuple(f for f in article_fields() if f not in ("blocks", "date_conflicts"))
    else:
        fields = article_fields()
    return RECORD_HEAD + fields + ERROR_FIELDS


def _document(result: Result, fmt: str) -> bytes:
    """One document of a document format: the article as ``fmt``, or its error as one line."""
    article = result.article
    if article is not None:
        text = (article.to_markdown() if fmt == "markdown" else article.to_text()).rstrip("\n")
        return (text + "\n").encode("utf-8")
    record = result.to_record()
    line = f"error: {record['input']}: {record['error']}: {record['message']}".replace("\n", " ")
    if fmt == "markdown":
        line = f"<!-- {line.replace('--', '- -')} -->"
    return (line + "\n").encode("utf-8")


def _select(record: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    if record["status"] == "ok":
        return {k: record.get(k) for k in fields if k not in ERROR_FIELDS}
    return {k: record[k] for k in RECORD_HEAD + ERROR_FIELDS}


def _csv_row(cells: list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue().encode("utf-8")


# What an output holds for one input: bytes, or a row (field → value) for Parquet.
RecordData = bytes | dict[str, Any]


@dataclass(frozen=True, slots=True)
class Encoded:
    """One input's result as the output holds it, and what the run's tally and messages need:
    the input id, the error code and message (None for an article)."""

    input: str
    error: str | None
    message: str | None
    data: RecordData


@dataclass(frozen=True, slots=True)
class Encoder:
    """Results → :class:`Encoded` records of ``fmt`` with ``fields`` (:func:`record_fields`)."""

    fmt: str
    fields: tuple[str, ...]
    indent: int | None = None

    def __call__(self, result: Result) -> Encoded:
        error = result.error
        return Encoded(
            result.input,
            error.code if error is not None else None,
            error.message if error is not None else None,
            self._data(result),
        )

    def _data(self, result: Result) -> RecordData:
        if self.fmt in DOCUMENT_FORMATS:
            return _document(result, self.fmt)
        record = _select(result.to_record(), self.fields)
        if self.fmt == "parquet":
            return {f: record.get(f) for f in self.fields}
        if self.fmt == "csv":
            return _csv_row([_csv_cell(f, record.get(f)) for f in self.fields])
        text = json.dumps(record, ensure_ascii=False, indent=self.indent).encode("utf-8")
        return text + b"\n" if self.fmt == "jsonl" else text


def _as_bytes(data: RecordData) -> bytes:
    if not isinstance(data, bytes):
        raise TypeError("this format writes bytes: encode the record with its own Encoder")
    return data


class RecordWriter(Protocol):
    def write(self, data: RecordData) -> None: ...
    def close(self) -> None: ...
    def abandon(self) -> None:
        """Stop after an interrupt, leaving no half-written file in place."""


class _Layout(NamedTuple):
    """How a byte format lays its records out: ``opening`` first (a CSV file's header row),
    ``first`` before the first record and ``between`` before each later one, ``closing`` last.
    ``flush``: each record reaches the file in one flushed write (crash safety, module
    docstring)."""

    opening: bytes = b""
    first: bytes = b""
    between: bytes = b""
    closing: bytes = b""
    flush: bool = True


# Documents are separated by a blank line; a JSON array is whole only once closed.
_LAYOUTS = {
    "jsonl": _Layout(),
    "csv": _Layout(),
    "json": _Layout(opening=b"[", first=b"\n", between=b",\n", closing=b"\n]\n", flush=False),
    "markdown": _Layout(between=b"\n"),
    "text": _Layout(between=b"\n"),
}


class _Stream:
    """Records one after the other into ``out``, laid out as ``layout`` says. ``owned``: ``out``
    is this writer's own file, synced to disk and closed with it."""

    def __init__(self, out: IO[bytes], layout: _Layout, *, owned: bool = False) -> None:
        self.out, self.layout, self.owned = out, layout, owned
        self.count = 0
        if layout.opening:
            out.write(layout.opening)
            if layout.flush:
                out.flush()

    def write(self, data: RecordData) -> None:
        layout = self.layout
        self.out.write((layout.between if self.count else layout.first) + _as_bytes(data))
        if layout.flush:
            self.out.flush()
        self.count += 1

    def close(self) -> None:
        self.out.write(self.layout.closing)
        self.out.flush()
        if self.owned:
            os.fsync(self.out.fileno())
            self.out.close()

    def abandon(self) -> None:
        # What was written stays: a JSON Lines or CSV file is resumed from its whole records.
        with contextlib.suppress(OSError):
            self.close()


def _csv_cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name == "blocks":
        text = "\n".join(f"{b['kind']}: {b['text']}" for b in value)
    elif name == "date_conflicts":
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        text = CSV_LIST_SEPARATOR.join(str(v) for v in value)
    else:
        text = str(value)
    # A record ends with \r\n and only there: that is how resume finds the last whole record.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_text_list(field_name: str) -> bool:
    """Is the Article field a tuple of strings (authors, tags, date_flags…)?"""
    info = Article.model_fields.get(field_name)
    if info is None:
        return False
    return get_origin(info.annotation) is tuple and get_args(info.annotation)[:1] == (str,)


def _parquet_schema(fields: tuple[str, ...]) -> Any:
    import pyarrow as pa

    special = {
        "blocks": pa.list_(pa.struct([("kind", pa.string()), ("text", pa.string())])),
        "date_conflicts": pa.list_(
            pa.struct([("origin", pa.string()), ("value", pa.string()), ("role", pa.string())])
        ),
    }
    # Dates stay ISO 8601 strings: a column mixes aware and naive values, which one Arrow
    # timestamp type cannot hold without inventing a zone.
    return pa.schema(
        [
            (f, special.get(f, pa.list_(pa.string()) if _is_text_list(f) else pa.string()))
            for f in fields
        ]
    )


class _Parquet:
    def __init__(self, path: str, fields: tuple[str, ...]) -> None:
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            from .readers import MissingExtra

            raise MissingExtra(
                "writing Parquet needs the 'parquet' extra: pip install 'article-extract[parquet]'"
            ) from exc
        self.fields = fields
        self.schema = _parquet_schema(fields)
        self.rows: list[dict[str, Any]] = []
        self.writer = pq.ParquetWriter(path, self.schema)

    def write(self, data: RecordData) -> None:
        if not isinstance(data, dict):
            raise TypeError("Parquet writes rows: encode the record with its own Encoder")
        self.rows.append(data)
        if len(self.rows) >= PARQUET_ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


class _Replacing:
    """Write to a temporary file beside ``path``; rename it into place on close."""

    def __init__(self, path: str, make: Any) -> None:
        folder = os.path.dirname(os.path.abspath(path))
        handle, self.temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".partial"
        )
        os.close(handle)
        self.path = path
        self.handle: IO[bytes] | None = None
        try:
            self.inner = make(self)
        except BaseException:
            os.unlink(self.temporary)
            raise

    def open(self) -> IO[bytes]:
        self.handle = open(self.temporary, "wb")  # noqa: SIM115 (closed by close())
        return self.handle

    def write(self, data: RecordData) -> None:
        self.inner.write(data)

    def close(self) -> None:
        self.inner.close()
        if self.handle is not None:
            self.handle.close()
        os.replace(self.temporary, self.path)

    def abandon(self) -> None:
        if self.handle is not None:
            self.handle.close()
        if os.path.exists(self.temporary):
            os.unlink(self.temporary)


def open_writer(
    fmt: str,
    path: str | None,
    fields: tuple[str, ...],
    *,
    stdout: IO[bytes] | None = None,
    append: bool = False,
) -> RecordWriter:
    """A writer of ``fmt`` records (made by ``Encoder(fmt, fields)``) to ``path``, or to
    ``stdout`` (bytes) when ``path`` is None.

    ``append`` continues a file :func:`resume` has checked (JSON Lines and CSV only)."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet needs an output file (-o)")
        return _Replacing(path, lambda w: _Parquet(w.temporary, fields))
    layout = _LAYOUTS[fmt]
    resumed = append and path is not None and os.path.exists(path) and os.path.getsize(path) > 0
    if fmt == "csv" and not resumed:  # a resumed file has its header
        layout = layout._replace(opening=_csv_row(list(fields)))
    if path is None:
        assert stdout is not None
        return _Stream(stdout, layout)
    if fmt in APPENDABLE:
        handle = open(path, "ab" if append else "wb")  # noqa: SIM115 (closed by close())
        return _Stream(handle, layout, owned=True)
    return _Replacing(path, lambda w: _Stream(w.open(), layout))


def _last_record_end(handle: IO[bytes], terminator: bytes) -> int:
    """Offset just past the last ``terminator`` in the file (0 when there is none)."""
    size = handle.seek(0, os.SEEK_END)
    position = size
    tail = b""
    while position > 0:
        step = min(_TAIL_BLOCK, position)
        position -= step
        handle.seek(position)
        tail = handle.read(step) + tail[: len(terminator) - 1]
        found = tail.rfind(terminator)
        if found >= 0:
            return position + found + len(terminator)
    return 0


def resume(path: str, fmt: str) -> set[str]:
    """Cut a partial last record off ``path`` and return the input ids it already holds.

    Reads the file as a stream (outputs of big runs are many GB); the caller checks that a
    CSV file's header matches its columns (:func:`csv_header`)."""
    if not os.path.exists(path):
        return set()
    with open(path, "r+b") as handle:
        end = _last_record_end(handle, _TERMINATOR[fmt])
        handle.truncate(end)
    if fmt == "jsonl":
        with open(path, "rb") as lines:
            return {ident for ident in map(_record_input, lines) if ident is not None}
    with open(path, encoding="utf-8", errors="replace", newline="") as rows:
        return {row["input"] for row in csv.DictReader(rows) if row.get("input")}


def _record_input(line: bytes) -> str | None:
    # Records start with their input id: read just that, not the whole (large) record.
    match = _INPUT_RE.match(line)
    if match is not None:
        value = json.loads(match.group(1))
        return value if isinstance(value, str) else None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    value = record.get("input") if isinstance(record, dict) else None
    return value if isinstance(value, str) else None


def csv_header(path: str) -> list[str] | None:
    """The header row of an existing CSV output, or None when the file is empty or absent."""
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return next(csv.reader(handle), None)
