"""The ``article-extract`` command: a thin shell over :func:`article_extract.extract`.

``article-extract FILE...`` prints one JSON Article per input, one per line (JSON Lines).
A page that is not an article prints a JSON error record instead, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from . import __version__
from ._extract import extract
from ._model import Options
from .data import example_path
from .errors import ExtractError

__all__ = ["main"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="article-extract",
        description="Extract clean articles from saved news pages (HTML or text dumps).",
    )
    parser.add_argument("files", nargs="*", type=Path, help="saved pages (HTML or text dumps)")
    parser.add_argument(
        "--example", action="store_true", help="extract the bundled example page and print it"
    )
    parser.add_argument("--url", help="the page's URL (for a single input)")
    parser.add_argument(
        "--reference",
        type=datetime.fromisoformat,
        help="'now' for relative dates such as 'منذ 3 ساعات' (ISO 8601)",
    )
    parser.add_argument("--indent", type=int, default=None, help="pretty-print JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details to stderr")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    files: list[Path] = list(args.files)
    if args.example:
        files.insert(0, Path(example_path()))
    if not files:
        parser.print_usage(sys.stderr)
        print("article-extract: give at least one FILE, or --example", file=sys.stderr)
        return EXIT_USAGE
    options = Options(reference=args.reference)
    status = EXIT_OK
    for path in files:
        try:
            article = extract(path, url=args.url, options=options)
        except ExtractError as exc:
            status = EXIT_SOME_FAILED
            record = {"input": str(path), **exc.to_dict()}
            print(json.dumps(record, ensure_ascii=False), flush=True)
            print(f"article-extract: {path}: {exc.message}", file=sys.stderr)
            continue
        print(article.model_dump_json(indent=args.indent), flush=True)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
