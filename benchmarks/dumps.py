"""Accuracy and speed on text dumps of pages, in every dump shape (issues 2 and 11).

Run from the repository root::

    python benchmarks/dumps.py                     # all shapes, summary tables
    python benchmarks/dumps.py --per-page          # plus a page × shape table
    python benchmarks/dumps.py --shape w3m,dumps   # some shapes only
    python benchmarks/dumps.py --only ours         # skip the peer rows

Shapes (same pages, same gold ``corpus/pages/<id>.json``):

* ``dumps``: ``corpus/dumps/*.txt``, one block per line, blank lines between (includes the seed);
* ``inscriptis``, ``htmltext``, ``w3m``: ``corpus/dumps-alt/<shape>/*.txt``;
* ``markdown``: ``corpus/dumps-alt/markdown/*.txt`` (html2text: links, images, headings kept).

Ours is called as a user would call it on a saved dump: ``extract(path)`` (no URL unless
``--with-url``). The peers, trafilatura (``bare_extraction``) and boilerpy3 (boilerpipe's
``ArticleExtractor``), read HTML only, so each gets the dump as the HTML a user would hand it:
the Markdown rendered by CommonMark's reference renderer (cmark-gfm), a plain dump with each
line as a paragraph. Everything runs in this process: one warm-up pass, then ``--repeat``
timed passes (median per page; ``pages/s`` from the CPU time of one core).

``URL/markup leaks`` counts pages whose body keeps an address or Markdown syntax the gold body
does not hold (``_scoring.markup_leaks``).
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from statistics import median
from typing import Any

_ROOT = Path(__file__).resolve().parents[1]
for _path in (_ROOT / "src", _ROOT):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from benchmarks._peers import (  # noqa: E402
    MissingLibraryError,
    Output,
    Page,
    error_output,
    load_system,
    text_to_lines,
)
from benchmarks._scoring import (  # noqa: E402
    ACCURACY_HEADERS,
    DUMP_SHAPES,
    PER_PAGE_LEGEND,
    Score,
    accuracy_cells,
    add_corpus_argument,
    corpus,
    fmt_float,
    fmt_rate,
    is_arabic,
    markdown_table,
    per_page_cell,
    percentile,
    score_output,
    summarise,
    use_corpus,
)

SYSTEMS = ("ours", "trafilatura", "boilerpy3")
DEFAULT_REPEAT = 3

Runner = Callable[["DumpCase"], Output]


@dataclass(frozen=True)
class DumpCase:
    """One dump file of one page in one shape, with the page's gold."""

    shape: str
    id: str
    path: Path
    gold: dict[str, Any]

    @property
    def key(self) -> str:
        return f"{self.shape}/{self.id}"

    @property
    def arabic(self) -> bool:
        return is_arabic(self.gold.get("lang"))


def collect_cases(shapes: list[str]) -> list[DumpCase]:
    cases = []
    for shape in shapes:
        for path in sorted((corpus() / DUMP_SHAPES[shape]).glob("*.txt")):
            gold_path = corpus() / "pages" / f"{path.stem}.json"
            if gold_path.exists():
                gold = json.loads(gold_path.read_text("utf-8"))
                cases.append(DumpCase(shape=shape, id=path.stem, path=path, gold=gold))
    return cases


# --- systems -------------------------------------------------------------------------------------


def _ours(with_url: bool) -> Runner:
    from article_extract import ExtractError, extract

    def run(case: DumpCase) -> Output:
        try:
            article = extract(case.path, url=case.gold.get("url") if with_url else None)
        except ExtractError as exc:
            return error_output(exc)
        except Exception as exc:  # extract() promises not to; count it instead of crashing
            escaped = error_output(exc)
            return Output(error=f"escaped:{escaped.error}", detail=escaped.detail)
        published = article.published.isoformat() if article.published else None
        lines = [block.text for block in article.blocks]
        return Output(title=article.title, published=published, lines=lines)

    return run


def as_html(case: DumpCase) -> str:
    """The dump as the HTML a user would hand an HTML extractor: Markdown rendered by a
    CommonMark renderer, a plain dump with each line as a paragraph."""
    return _html_of(case.path, case.shape == "markdown")


@cache
def _html_of(path: Path, markdown: bool) -> str:
    text = path.read_text("utf-8")
    if markdown:
        import cmarkgfm

        body = cmarkgfm.github_flavored_markdown_to_html(text)
    else:
        lines = (line.strip() for line in text.splitlines())
        body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"


def _trafilatura(with_url: bool) -> Runner:
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingLibraryError("trafilatura is not installed") from exc

    def run(case: DumpCase) -> Output:
        try:
            document: Any = trafilatura.bare_extraction(
                as_html(case),
                url=case.gold.get("url") if with_url else None,
                with_metadata=True,
                include_comments=False,
            )
        except Exception as exc:
            return error_output(exc)
        if document is None:
            return Output(error="NoResult")
        published = str(document.date) if document.date else None
        return Output(title=document.title, published=published, lines=text_to_lines(document.text))

    return run


def _boilerpy3(with_url: bool) -> Runner:
    system = load_system("boilerpy3")

    def run(case: DumpCase) -> Output:
        url = case.gold.get("url") if with_url else None
        page = Page(raw=as_html(case).encode("utf-8"), url=url, lang=str(case.gold.get("lang")))
        return system(page)

    return run


def load_runner(name: str, with_url: bool) -> Runner:
    if name == "ours":
        return _ours(with_url)
    return _trafilatura(with_url) if name == "trafilatura" else _boilerpy3(with_url)


def run_all(runner: Runner, cases: list[DumpCase], repeat: int) -> list[Score]:
    for case in cases:  # warm-up
        runner(case)
    outputs: list[Output] = []
    times: list[list[float]] = [[] for _ in cases]
    cpu_times: list[list[float]] = [[] for _ in cases]
    for run in range(repeat):
        for index, case in enumerate(cases):
            start, cpu_start = time.perf_counter(), time.process_time()
            output = runner(case)
            cpu_times[index].append((time.process_time() - cpu_start) * 1000)
            times[index].append((time.perf_counter() - start) * 1000)
            if run == 0:
                outputs.append(output)
    return [
        score_output(
            case.key,
            case.gold,
            title=output.title,
            published=output.published,
            lines=output.lines,
            error=output.error,
            error_detail=output.detail,
            ms=median(spent),
            cpu_ms=median(cpu),
        )
        for case, output, spent, cpu in zip(cases, outputs, times, cpu_times, strict=True)
    ]


# --- printing ------------------------------------------------------------------------------------


def summary_table(
    shapes: list[str], scores: dict[str, dict[str, Score]], *, arabic_only: bool
) -> str:
    rows = []
    for shape in shapes:
        for name, per_case in scores.items():
            chosen = [
                s
                for key, s in per_case.items()
                if key.startswith(f"{shape}/") and (s.arabic or not arabic_only)
            ]
            summary = summarise(chosen)
            markup = fmt_rate(summary.markup_pages, summary.pages)
            cpu = summary.cpu_ms
            per_second = fmt_float(1000 * len(cpu) / sum(cpu), 0) if cpu and sum(cpu) else "-"
            speed = [
                fmt_float(summary.median_ms, 2),
                fmt_float(percentile(summary.ms, 90), 2),
                per_second,
            ]
            rows.append([shape, name, *accuracy_cells(summary), markup, *speed])
    headers = [
        "shape", "system", *ACCURACY_HEADERS, "URL/markup leaks",
        "median ms/page", "p90 ms/page", "pages/s (CPU)",
    ]  # fmt: skip
    return markdown_table(headers, rows)


def per_page_table(cases: list[DumpCase], scores: dict[str, dict[str, Score]]) -> str:
    shapes = list(dict.fromkeys(c.shape for c in cases))
    ids = list(dict.fromkeys(c.id for c in cases))
    langs = {c.id: str(c.gold.get("lang")) for c in cases}
    columns = [(shape, name) for name in scores for shape in shapes]
    headers = ["page", "lang"]
    headers += [shape if name == "ours" else f"{shape} ({name})" for shape, name in columns]
    rows = [
        [page, langs[page]]
        + [per_page_cell(scores[name].get(f"{shape}/{page}")) for shape, name in columns]
        for page in ids
    ]
    return PER_PAGE_LEGEND + "\n\n" + markdown_table(headers, rows)


# --- main --------------------------------------------------------------------------------------


def _pick(value: str | None, allowed: tuple[str, ...], what: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()] if value else list(allowed)
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise SystemExit(f"unknown {what} {unknown}; choose from {', '.join(allowed)}")
    return names


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shape", help=f"comma-separated, from: {', '.join(DUMP_SHAPES)}")
    parser.add_argument("--systems", help=f"comma-separated, from: {', '.join(SYSTEMS)}")
    parser.add_argument("--only", help="same as --systems (e.g. --only ours)")
    parser.add_argument("--per-page", action="store_true", help="also print page × shape")
    parser.add_argument("--with-url", action="store_true", help="pass the gold URL to extract()")
    parser.add_argument("--json", type=Path, help="write the per-page scores here")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="timed passes")
    add_corpus_argument(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    shapes = _pick(args.shape, tuple(DUMP_SHAPES), "shape")
    use_corpus(args.corpus, "pages/*.json", *(f"{DUMP_SHAPES[shape]}/*.txt" for shape in shapes))
    systems = _pick(args.only or args.systems, SYSTEMS, "system")
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    cases = collect_cases(shapes)
    scores: dict[str, dict[str, Score]] = {}
    notes = []
    for name in systems:
        try:
            runner = load_runner(name, args.with_url)
        except MissingLibraryError as exc:
            notes.append(f"- skipped `{name}`: {exc}")
            continue
        started = time.perf_counter()
        scores[name] = {s.case: s for s in run_all(runner, cases, args.repeat)}
        print(f"ran {name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    n_pages = len({c.id for c in cases})
    n_ar = len({c.id for c in cases if c.arabic})
    print(f"# Text dumps: {n_pages} pages ({n_ar} Arabic) × {len(shapes)} shapes")
    print(f"(median of {args.repeat} timed runs after a warm-up; URL passed: {args.with_url})\n")
    print("\n".join(notes))
    print(f"## Arabic pages\n\n{summary_table(shapes, scores, arabic_only=True)}\n")
    print(f"## All pages\n\n{summary_table(shapes, scores, arabic_only=False)}\n")
    if args.per_page:
        print(f"## Per page\n\n{per_page_table(cases, scores)}\n")
    if args.json:
        dump = {name: [asdict(s) for s in per.values()] for name, per in scores.items()}
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
