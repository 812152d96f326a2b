"""The ``article-extract`` command: a thin shell over the batch API (:mod:`._batch`).

It parses arguments, then wires readers (inputs) → ``run_job`` (the same engine as
:func:`article_extract.extract_many`) → writers (records), with a progress bar and a summary.
No extraction logic lives here.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import __version__
from ._batch.boilerplate import learn_boilerplate
from ._batch.items import Input
from ._batch.readers import MANY_PAGES, STDIN, InputSpec, MissingExtra, Reader, ReadSettings
from ._batch.report import Tally
from ._batch.run import Job, run_job
from ._batch.writers import (
    APPENDABLE,
    DOCUMENT_FORMATS,
    FORMATS,
    Encoded,
    Encoder,
    RecordWriter,
    check_fields,
    csv_header,
    open_writer,
    record_fields,
    resume,
)
from ._model import Options
from .data import example_path

__all__ = ["main"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C

# Without --timeout, one input may take this long: extract() stays well under a second on real
# pages, so this only stops a pathological page from stalling a night's run.
DEFAULT_TIMEOUT_SECONDS = 60.0

EPILOG = """\
inputs: files; folders (recursive, hidden files skipped, --glob to filter); - (one page on
stdin); .warc/.warc.gz archives (one input per HTML/text response record; needs the 'warc'
extra); .jsonl files (one page per line: url, html or text, crawled_at); --files-from and
--manifest lists.

records: one per input, with "input" (its id) and "status" ("ok" or "error"), then the
article's fields, or "error" (the code), "reason" and "message".

exit status:
  0    every input gave an article
  1    some inputs failed (or --on-error fail stopped the run, or the output pipe closed)
  2    usage error: bad arguments, an unreadable list or manifest, a missing extra
  130  interrupted (Ctrl-C); rerun with --resume to finish
"""


class _UsageError(Exception):
    """Bad arguments or setup: exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-extract",
        description="Extract clean articles from saved news pages (HTML or text dumps), "
        "one record per input.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="a page file, a folder, a .warc/.warc.gz, a .jsonl file, or - for stdin",
    )
    add = parser.add_argument_group("inputs").add_argument
    add("--example", action="store_true", help="extract the bundled example page")
    add(
        "--glob",
        action="append",
        default=[],
        metavar="PATTERN",
        help="only files whose name matches, in folders (repeatable; default: every file)",
    )
    add("--files-from", metavar="FILE", help="read inputs from FILE, one per line (- for stdin)")
    add(
        "--manifest",
        action="append",
        default=[],
        metavar="FILE",
        help="CSV or JSONL rows path,url,crawled_at: pages with their URL and crawl time",
    )
    add(
        "--jsonl-fields",
        default="",
        metavar="KEY=NAME,...",
        help="field names in .jsonl inputs (defaults: url=url,html=html,text=text,time=crawled_at)",
    )
    add = parser.add_argument_group("pages").add_argument
    add("--url", help="the page's URL (only with a single input)")
    add(
        "--reference",
        type=datetime.fromisoformat,
        metavar="ISO-DATETIME",
        help="'now' for relative dates such as 'منذ 3 ساعات', for inputs without a crawl time",
    )
    add(
        "--default-tz",
        metavar="ZONE",
        help="zone for dates that state none (Asia/Riyadh, UTC, +03:00)",
    )
    add(
        "--learn-boilerplate",
        action="store_true",
        help="first learn lines repeated across each site's pages, then drop them as chrome",
    )
    add = parser.add_argument_group("output").add_argument
    add("-o", "--output", metavar="FILE", help="write records to FILE (default: stdout)")
    add(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="record format (default: jsonl), or markdown/text: each article as a document",
    )
    add("--fields", metavar="NAME,...", help="article fields to write (input, status always)")
    add("--indent", type=int, default=None, help="pretty-print JSON records")
    add(
        "--on-error",
        choices=("record", "skip", "fail"),
        default="record",
        help="record errors (default), skip them, or stop at the first one",
    )
    add(
        "--resume",
        action="store_true",
        help="continue an interrupted run: skip inputs already in -o (jsonl or csv)",
    )
    add("--stats", metavar="FILE", help="write the run's summary as JSON to FILE")
    add = parser.add_argument_group("run").add_argument
    add("--workers", type=int, default=None, help="worker processes (default: every core)")
    add(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"time limit per input (default: {DEFAULT_TIMEOUT_SECONDS:g})",
    )
    add("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    add("-v", "--verbose", action="store_true", help="debug logging and one line per error")
    add("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _zone(text: str) -> tzinfo:
    if text.upper() in ("UTC", "Z"):
        return UTC
    if text[:1] in "+-":
        try:
            offset = datetime.strptime(text.replace(":", ""), "%z").utcoffset()
        except ValueError as exc:
            raise _UsageError(f"--default-tz {text!r} is not an offset like +03:00") from exc
        return timezone(offset or timedelta(0))
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise _UsageError(f"--default-tz {text!r} is not a known time zone") from exc


def _read_settings(args: argparse.Namespace, options: Options) -> ReadSettings:
    names = {"url": "url", "html": "html", "text": "text", "time": "crawled_at"}
    for pair in filter(None, (p.strip() for p in args.jsonl_fields.split(","))):
        key, _, name = pair.partition("=")
        if key not in names or not name:
            raise _UsageError(f"--jsonl-fields: {pair!r} is not one of url=, html=, text=, time=")
        names[key] = name
    return ReadSettings(
        globs=tuple(args.glob),
        url_field=names["url"],
        html_field=names["html"],
        text_field=names["text"],
        time_field=names["time"],
        max_input_bytes=options.max_input_bytes,
        # a folder that holds the run's own output must not read it back as input
        exclude=frozenset(os.path.abspath(p) for p in (args.output, args.stats) if p),
    )


class _ListedInputs:
    """``--files-from FILE``: the listed paths, read again on each iteration."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lines: list[bytes] | None = None
        if path == STDIN:  # stdin can be read only once: keep its lines
            self.lines = sys.stdin.buffer.read().splitlines()
        elif not os.path.isfile(path):
            raise _UsageError(f"--files-from: no such file: {path}")

    def __iter__(self) -> Iterator[InputSpec]:
        if self.lines is None:
            with open(self.path, "rb") as handle:
                yield from self._specs(handle)
        else:
            yield from self._specs(self.lines)

    @staticmethod
    def _specs(lines: Iterable[bytes]) -> Iterator[InputSpec]:
        for line in lines:
            if line.strip():
                yield InputSpec(os.fsdecode(line.strip()))


class _Specs:
    """Every input spec of the command line, in order: INPUTs, --files-from, --manifest."""

    def __init__(self, args: argparse.Namespace) -> None:
        paths = [example_path(), *args.inputs] if args.example else args.inputs
        self.direct = [InputSpec(p, url=args.url) for p in paths]
        self.listed = _ListedInputs(args.files_from) if args.files_from else None
        self.manifests = [InputSpec(m, manifest=True) for m in args.manifest]
        for manifest in args.manifest:
            if not os.path.isfile(manifest):
                raise _UsageError(f"--manifest: no such file: {manifest}")
        if not self.direct and self.listed is None and not self.manifests:
            raise _UsageError("give at least one INPUT (file, folder, archive or -), or --example")

    def __iter__(self) -> Iterator[InputSpec]:
        yield from self.direct
        if self.listed is not None:
            yield from self.listed
        yield from self.manifests


def _check_usage(args: argparse.Namespace) -> None:
    given = len(args.inputs) + bool(args.example)
    if args.url is not None:
        many = args.files_from or args.manifest or given != 1
        single = args.inputs[0] if args.inputs else None
        if single not in (None, STDIN):  # a file of one page, not a folder or a file of many
            many = many or not os.path.isfile(single) or single.lower().endswith(MANY_PAGES)
        if many:
            raise _UsageError("--url gives the URL of one page: use it with a single input")
    if args.inputs.count(STDIN) > 1 or (STDIN in args.inputs and args.files_from == STDIN):
        raise _UsageError("standard input (-) can be read only once")
    if args.format == "parquet" and not args.output:
        raise _UsageError("--format parquet needs an output file (-o)")
    if args.format in DOCUMENT_FORMATS and (args.fields or args.indent is not None):
        raise _UsageError(f"--format {args.format} writes whole articles: drop --fields/--indent")
    if args.resume:
        if not args.output:
            raise _UsageError("--resume needs the output file (-o) of the interrupted run")
        if args.format not in APPENDABLE:
            raise _UsageError("--resume works with --format jsonl or csv")
        if args.indent is not None:
            raise _UsageError("--resume reads one record per line: drop --indent")
    if args.workers is not None and args.workers < 1:
        raise _UsageError("--workers must be at least 1")
    if args.timeout is not None and args.timeout <= 0:
        raise _UsageError("--timeout must be positive")
    if args.learn_boilerplate and STDIN in args.inputs:
        raise _UsageError("--learn-boilerplate reads the inputs twice: it cannot use stdin (-)")


def _chosen_fields(args: argparse.Namespace) -> tuple[str, ...]:
    chosen = [f.strip() for f in args.fields.split(",") if f.strip()] if args.fields else None
    if chosen:
        chosen = [f for f in chosen if f not in ("input", "status")]
        unknown = check_fields(chosen)
        if unknown:
            raise _UsageError(f"--fields: unknown field(s): {', '.join(unknown)}")
    return record_fields(args.format, chosen)


class _Progress:
    """A tqdm bar on a terminal: inputs, pages/s, errors, and an ETA once a thread has counted
    the inputs; ``done`` inputs are already in the output (--resume).

    The bar and its threads (tqdm's monitor, the count) start with the first record, when the
    workers run: forked from a process of one thread, they start quicker (``_batch.pool``)."""

    def __init__(self, args: argparse.Namespace, reader: Reader, done: int) -> None:
        self.shown = not args.quiet and sys.stderr.isatty()
        self.reader, self.done = reader, done
        self.bar: Any = None

    def _start(self) -> Any:
        from tqdm import tqdm

        bar = tqdm(
            unit=" pages", file=sys.stderr, dynamic_ncols=True, smoothing=0.05, initial=self.done
        )

        def count() -> None:
            total = self.reader.count()
            if total is not None:
                bar.total = total
                bar.refresh()

        threading.Thread(target=count, daemon=True, name="count-inputs").start()
        return bar

    def add(self, failed: int | None) -> None:
        """One more record; ``failed``: the run's error count when this record is an error."""
        if not self.shown:
            return
        if self.bar is None:
            self.bar = self._start()
        self.bar.update(1)
        if failed is not None:
            self.bar.set_postfix_str(f"errors={failed}", refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _skip_done(inputs: Iterable[Input], done: set[str], tally: Tally) -> Iterator[Input]:
    for item in inputs:
        if item.id in done:
            tally.skipped += 1
            continue
        yield item


def _run(
    args: argparse.Namespace,
    records: Iterator[Encoded],
    writer: RecordWriter,
    tally: Tally,
    progress: _Progress,
) -> bool:
    """Write every record; False when --on-error fail stopped the run."""
    try:
        for record in records:
            tally.add(record.error)
            progress.add(tally.failed if record.error is not None else None)
            if record.error is not None and args.verbose:
                print(f"article-extract: {record.input}: {record.message}", file=sys.stderr)
            if record.error is None or args.on_error != "skip":
                writer.write(record.data)
            if record.error is not None and args.on_error == "fail":
                return False
        return True
    finally:
        progress.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or argparse's own usage errors
        return int(exc.code or 0)
    if isinstance(sys.stderr, io.TextIOWrapper):
        # Messages name inputs (Arabic file names…): never fail on a narrow stderr encoding.
        sys.stderr.reconfigure(errors="backslashreplace")
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return _main(args)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"article-extract: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MissingExtra as exc:
        print(f"article-extract: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _main(args: argparse.Namespace) -> int:
    _check_usage(args)
    options = Options(
        reference=args.reference,
        default_tz=_zone(args.default_tz) if args.default_tz else None,
    )
    fields = _chosen_fields(args)
    reader = Reader(_Specs(args), _read_settings(args, options))
    tally = Tally()
    done: set[str] = set()
    if args.resume:
        if args.format == "csv":
            header = csv_header(args.output)
            if header is not None and tuple(header) != fields:
                raise _UsageError(f"--resume: {args.output} has other columns than this run's")
        done = resume(args.output, args.format)
    boilerplate: dict[str, frozenset[str]] = {}
    if args.learn_boilerplate:
        boilerplate = learn_boilerplate(
            reader, options=options, workers=args.workers, timeout=args.timeout
        )
        if not args.quiet:
            lines = sum(len(keys) for keys in boilerplate.values())
            print(
                f"article-extract: learned {lines} boilerplate lines on {len(boilerplate)} sites",
                file=sys.stderr,
            )
    results = run_job(
        Job(options, boilerplate),
        _skip_done(reader, done, tally),
        Encoder(args.format, fields, args.indent),
        workers=args.workers,
        timeout=args.timeout,
        stats=tally.pool,
    )
    stdout = sys.stdout.buffer if args.output is None else None
    try:
        writer = open_writer(args.format, args.output, fields, stdout=stdout, append=args.resume)
    except OSError as exc:
        raise _UsageError(f"cannot write {args.output}: {exc.strerror}") from exc
    completed = False
    try:
        finished = _run(args, results, writer, tally, _Progress(args, reader, len(done)))
        completed = True
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        writer.abandon()
        if not args.quiet:
            print(tally.summary() + "\narticle-extract: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        results.close()  # stop the workers
        if completed:
            _close(writer)
    _finish(args, tally)
    if not finished or tally.failed:
        return EXIT_SOME_FAILED
    return EXIT_OK


def _close(writer: RecordWriter) -> None:
    try:
        writer.close()
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that the interpreter's final flush
    does not print a second traceback (the documented Python idiom)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _finish(args: argparse.Namespace, tally: Tally) -> None:
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as handle:
            json.dump(tally.to_dict(), handle, ensure_ascii=False, indent=2)
            handle.write("\n")
    if not args.quiet:
        print(tally.summary(), file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
