"""Does one page give the same answers read as HTML and as a text dump? (issue 8)

For every corpus page that has both ``pages/<id>.html`` and dumps, extract the HTML and each
dump shape (``dumps``, ``inscriptis``, ``htmltext``, ``w3m``, ``markdown`` when present) and
compare, pair by pair, HTML against dump on:

* ``title``: equal after NFC/whitespace cleaning;
* ``day``: the publication day — *agree* (same day), *both missing*, *one missing* (the dump
  has no date where the HTML has one, or the reverse) or *disagree* (two different days:
  the target is zero);
* ``language``: equal language tags (the primary subtag);
* ``authors``: equal author lists (order kept).

Every extraction gets the gold URL, as a scraper would pass it (``--no-url`` to leave it out
of the dump calls). Prints one summary row per shape and overall, and ``--per-page`` the
disagreements. Exits 1 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
for _path in (_ROOT / "src", _ROOT):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from article_extract import Article, ExtractError, extract  # noqa: E402
from article_extract._text import clean_text  # noqa: E402
from benchmarks._scoring import (  # noqa: E402
    DUMP_SHAPES,
    add_corpus_argument,
    day_of,
    load_gold,
    markdown_table,
    use_corpus,
)

FIELDS = ("title", "day", "language", "authors")
TARGETS = {"title": 0.90, "language": 1.0}


@dataclass(frozen=True)
class Reading:
    """What one extraction said about a page (None fields: nothing, or an error)."""

    title: str | None
    day: str | None
    language: str | None
    authors: tuple[str, ...]
    error: str | None = None


def _read(source: Path, url: str | None, gold_published: str | None) -> Reading:
    try:
        article: Article = extract(source, url=url)
    except ExtractError as exc:
        return Reading(None, None, None, (), exc.code)
    day = day_of(article.published.isoformat() if article.published else None, gold_published)
    language = (article.language or "").split("-")[0] or None
    return Reading(clean_text(article.title), day, language, article.authors)


def _day_verdict(html: Reading, dump: Reading) -> str:
    if html.day is None and dump.day is None:
        return "both missing"
    if html.day is None or dump.day is None:
        return "one missing"
    return "agree" if html.day == dump.day else "disagree"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_argument(parser)
    parser.add_argument("--per-page", action="store_true", help="list every disagreement")
    parser.add_argument("--no-url", action="store_true", help="call extract() on dumps without url")
    args = parser.parse_args(argv)
    corpus = use_corpus(args.corpus, "pages/*.html", "pages/*.json")
    html_pages = sorted((corpus / "pages").glob("*.html"))
    shapes = {name: corpus / folder for name, folder in DUMP_SHAPES.items()}
    rows: list[list[str]] = []
    details: list[list[str]] = []
    totals: Counter[str] = Counter()
    for shape, folder in shapes.items():
        counts: Counter[str] = Counter()
        for html_path in html_pages:
            dump_path = folder / f"{html_path.stem}.txt"
            if not dump_path.exists():
                continue
            gold = load_gold(html_path.stem)
            url = gold.get("url")
            html = _read(html_path, url, gold.get("published"))
            dump = _read(dump_path, None if args.no_url else url, gold.get("published"))
            counts["pairs"] += 1
            same = {
                "title": html.title is not None and html.title == dump.title,
                "language": html.language is not None and html.language == dump.language,
                "authors": html.authors == dump.authors,
            }
            for field, agrees in same.items():
                counts[field] += agrees
            verdict = _day_verdict(html, dump)
            counts[f"day {verdict}"] += 1
            for field in ("title", "language", "authors"):
                if not same[field]:
                    html_value = repr(getattr(html, field) or html.error)
                    dump_value = repr(getattr(dump, field) or dump.error)
                    details.append([shape, html_path.stem, field, html_value, dump_value])
            if verdict in ("disagree", "one missing"):
                what = f"day ({verdict})"
                details.append([shape, html_path.stem, what, str(html.day), str(dump.day)])
        if not counts["pairs"]:
            print(f"consistency.py: no dumps in {folder}", file=sys.stderr)
            continue
        totals.update(counts)
        rows.append(_row(shape, counts))
    if not totals["pairs"]:
        print("consistency.py: no page has both HTML and a dump", file=sys.stderr)
        return 1
    rows.append(_row("**all**", totals))
    print(f"# HTML vs dump agreement ({totals['pairs']} pairs; URL given to dumps: "
          f"{not args.no_url})\n")  # fmt: skip
    headers = ["shape", "pairs", "title", "language", "authors", "day agree",
               "day disagree", "day one missing", "day both missing"]  # fmt: skip
    print(markdown_table(headers, rows))
    print("\nTargets: title ≥ 90%, language 100%, days that disagree 0.")
    title_share = totals["title"] / totals["pairs"]
    language_share = totals["language"] / totals["pairs"]
    print(f"title {title_share:.0%} {'PASS' if title_share >= TARGETS['title'] else 'FAIL'}; "
          f"language {language_share:.0%} "
          f"{'PASS' if language_share >= TARGETS['language'] else 'FAIL'}; "
          f"days disagreeing {totals['day disagree']} "
          f"{'PASS' if totals['day disagree'] == 0 else 'FAIL'}")  # fmt: skip
    if args.per_page and details:
        print()
        print(markdown_table(["shape", "page", "field", "HTML", "dump"], details))
    return 0


def _row(name: str, counts: Counter[str]) -> list[str]:
    pairs = counts["pairs"]

    def share(key: str) -> str:
        return f"{counts[key]}/{pairs} ({counts[key] / pairs:.0%})"

    return [name, str(pairs), share("title"), share("language"), share("authors"),
            str(counts["day agree"]), str(counts["day disagree"]), str(counts["day one missing"]),
            str(counts["day both missing"])]  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
