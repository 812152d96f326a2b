"""How close extract() runs to the parser's own cost (issue 12).

Run from the repository root::

    python benchmarks/speed.py                 # the tables and targets
    python benchmarks/speed.py --per-page      # + one row per HTML page
    python benchmarks/speed.py --profile       # + cProfile's top entries over the corpus
    python benchmarks/speed.py --calls 10000   # memory over more calls (default 10,000)
    python benchmarks/speed.py --dumps-only    # the dump path alone (+ --profile: its profile)

Per HTML page (corpus pages and the HTML golden fixtures), in this process: our
``extract(bytes, url=…)`` and lxml's own ``document_fromstring`` of the same bytes, each the
best of ``--repeat`` runs, and their ratio; trafilatura's ``bare_extraction`` when installed.
In fresh processes (median of ``--fresh`` runs, bytecode compiled as an installed package has
it): ``import article_extract``, next to its floor (importing lxml and pydantic alone), and the
first ``extract()`` of a corpus page and of a corpus dump, each as its time minus a second, warm
call on the same input in the same process (``--cold`` prints only these). The dump path: pages
per second over every corpus dump, one core. Memory: a subprocess's ``ru_maxrss`` after 1,000
calls and after ``--calls`` calls (cycling the HTML pages and every dump, Markdown included):
flat means no growth with the number of calls.

Targets: median ratio to lxml ≤ 3; first call ≤ 25 ms; import ≤ 100 ms; dumps ≥ 300 pages/s;
memory growth from 1,000 to 10,000 calls ≤ 5 MB. Timings are noisy on a shared machine: compare
ratios within one run. Exits 1 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import median

_ROOT = Path(__file__).resolve().parents[1]
for _path in (_ROOT / "src", _ROOT):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from benchmarks._scoring import (  # noqa: E402
    FIXTURES,
    add_corpus_argument,
    corpus,
    markdown_table,
    use_corpus,
)

TARGET_LXML_RATIO = 3.0
TARGET_FIRST_CALL_MS = 25.0
TARGET_IMPORT_MS = 100.0
TARGET_DUMP_PAGES_PER_S = 300.0
TARGET_MEMORY_GROWTH_MB = 5.0
WARMUP_CALLS = 1_000


def _pages() -> list[tuple[str, bytes, str | None]]:
    pages = []
    for html in sorted((corpus() / "pages").glob("*.html")):
        gold = json.loads(html.with_suffix(".json").read_text("utf-8"))
        pages.append((html.stem, html.read_bytes(), gold.get("url")))
    for html in sorted(FIXTURES.glob("*/input.html")):
        expected = json.loads((html.parent / "expected.json").read_text("utf-8"))
        if "error" not in expected and "xfail" not in expected:
            pages.append((f"fixture:{html.parent.name}", html.read_bytes(), expected.get("url")))
    return pages


def _dump_paths() -> list[Path]:
    paths = sorted((corpus() / "dumps").glob("*.txt"))
    return paths + sorted((corpus() / "dumps-alt").glob("*/*.txt"))


def _dumps() -> list[bytes]:
    return [p.read_bytes() for p in _dump_paths()]


def _best(call: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _ours(data: bytes, url: str | None) -> Callable[[], object]:
    from article_extract import ExtractError, extract

    def run() -> object:
        try:
            return extract(data, url=url)
        except ExtractError as exc:
            return exc

    return run


def _trafilatura(data: bytes, url: str | None) -> Callable[[], object] | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return lambda: trafilatura.bare_extraction(data, url=url, with_metadata=True)


# Fresh-process figures: the page and the dump each first call is timed on (typical corpus
# inputs: a ~50 KB Arabic news page, and the same article as a plain-text dump).
COLD_PAGE = "pages/ar-elbaladtv-eg-2020.html"
COLD_DUMP = "dumps/ar-elbaladtv-eg-2020.txt"
# Prints import, first-call and warm-call ms of one input, in a fresh interpreter.
COLD_CODE = """
import sys, time
sys.path.insert(0, {src!r})
page = open({path!r}, "rb").read()
start = time.perf_counter()
import article_extract
imported = time.perf_counter()
article_extract.extract(page)
first = time.perf_counter()
article_extract.extract(page)
again = time.perf_counter()
print((imported - start) * 1000, (first - imported) * 1000, (again - first) * 1000)
"""
# The floor under our import time: our dependencies' own imports, nothing of ours.
DEPENDENCIES_CODE = """
import time
start = time.perf_counter()
import lxml.etree
from pydantic import BaseModel
print((time.perf_counter() - start) * 1000)
"""


@dataclass(frozen=True)
class ColdStart:
    """Medians over fresh interpreters (ms): ``first_extra`` is the first call minus the second
    (warm) call on the same input, in the same process: what the first call costs on top."""

    import_ms: float
    dependencies_ms: float
    page_first_extra: float
    dump_first_extra: float
    page_first: float
    dump_first: float
    page_first_extra_no_cache: float  # the first process on a machine: built-table cache empty


def _fresh_env(scratch: Path, cache: str = "cache") -> dict[str, str]:
    """A fresh interpreter as an installed package runs: bytecode compiled once and then read
    (pip compiles on install; with PYTHONDONTWRITEBYTECODE set, as in some shells, every import
    would compile its source again: twice the import time), and the built-table cache in the
    scratch folder's ``cache`` subfolder."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    env["ARTICLE_EXTRACT_CACHE"] = str(scratch / cache)
    return env


def _run_fresh(code: str, env: dict[str, str]) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return [float(value) for value in done.stdout.split()]


def _cold_start(runs: int) -> ColdStart:
    """Import and first-call costs, each the median of ``runs`` fresh interpreters, after one
    unmeasured interpreter has written the bytecode and the built-table cache; and the first
    call with an empty cache folder each time."""
    src = str(_ROOT / "src")
    page_code = COLD_CODE.format(src=src, path=str(corpus() / COLD_PAGE))
    dump_code = COLD_CODE.format(src=src, path=str(corpus() / COLD_DUMP))
    with tempfile.TemporaryDirectory() as scratch:
        env = _fresh_env(Path(scratch))
        for code in (page_code, dump_code, DEPENDENCIES_CODE):
            _run_fresh(code, env)
        pages, dumps, dependencies, no_cache = [], [], [], []
        for run in range(runs):  # interleaved, so a burst of load elsewhere hits them all
            pages.append(_run_fresh(page_code, env))
            dumps.append(_run_fresh(dump_code, env))
            dependencies.append(_run_fresh(DEPENDENCIES_CODE, env)[0])
            no_cache.append(_run_fresh(page_code, _fresh_env(Path(scratch), f"empty-{run}")))
    return ColdStart(
        import_ms=median(run[0] for run in pages + dumps),
        dependencies_ms=median(dependencies),
        page_first_extra=median(first - again for _, first, again in pages),
        dump_first_extra=median(first - again for _, first, again in dumps),
        page_first=median(first for _, first, _ in pages),
        dump_first=median(first for _, first, _ in dumps),
        page_first_extra_no_cache=median(first - again for _, first, again in no_cache),
    )


MEMORY_CODE = """
import json, resource, sys; sys.path.insert(0, {src!r})
from article_extract import ExtractError, extract
pages = [open(p, "rb").read() for p in json.loads({paths!r})]
def rss(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
for i in range({warmup}):
    try: extract(pages[i % len(pages)])
    except ExtractError: pass
after_warmup = rss()
for i in range({calls} - {warmup}):
    try: extract(pages[i % len(pages)])
    except ExtractError: pass
print(json.dumps([after_warmup, rss()]))
"""


def _memory(calls: int) -> tuple[float, float]:
    # Every input kind the library reads (HTML, plain-text and Markdown dumps): a leak in any
    # one path shows as growth.
    pages = sorted((corpus() / "pages").glob("*.html")) + _dump_paths()
    paths = [str(p) for p in pages]
    code = MEMORY_CODE.format(
        src=str(_ROOT / "src"), paths=json.dumps(paths), warmup=WARMUP_CALLS, calls=calls
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, last = json.loads(out.stdout)
    return first, last


def _profile(pages: list[tuple[str, bytes, str | None]], top: int) -> str:
    profiler = cProfile.Profile()
    calls = [_ours(data, url) for _, data, url in pages]
    profiler.enable()
    for call in calls:
        call()
    profiler.disable()
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(top)
    return buffer.getvalue()


def _cold_rows(cold: ColdStart) -> list[list[str]]:
    return [
        ["import article_extract (ms, fresh process)", f"{cold.import_ms:.0f}"],
        ["  its floor: lxml.etree + pydantic.BaseModel alone", f"{cold.dependencies_ms:.0f}"],
        ["first extract() on a page, ms more than a warm call", f"{cold.page_first_extra:.0f}"],
        ["first extract() on a dump, ms more than a warm call", f"{cold.dump_first_extra:.0f}"],
        [
            "  the same on the page, table cache empty (a machine's first process)",
            f"{cold.page_first_extra_no_cache:.0f}",
        ],
        [
            "first extract() call, ms (page / dump)",
            f"{cold.page_first:.0f} / {cold.dump_first:.0f}",
        ],
    ]


def _cold_targets(cold: ColdStart) -> list[tuple[str, bool]]:
    first_extra = max(cold.page_first_extra, cold.dump_first_extra)
    return [
        (f"first call ≤ {TARGET_FIRST_CALL_MS:g} ms", first_extra <= TARGET_FIRST_CALL_MS),
        (f"import ≤ {TARGET_IMPORT_MS:g} ms", cold.import_ms <= TARGET_IMPORT_MS),
    ]


def _dump_rate(dumps: list[bytes]) -> float:
    """Pages per second over the dumps: each the best of 3 runs, after a warm-up run."""
    calls = [_ours(d, None) for d in dumps]
    for call in calls:
        call()
    dump_ms = [_best(call, 3) for call in calls]
    return 1000 / (sum(dump_ms) / len(dump_ms))


def _dumps_only(profile: bool) -> int:
    dumps = _dumps()
    rate = _dump_rate(dumps)
    print(f"# Speed: {len(dumps)} dumps (plain text and Markdown, every shape)\n")
    print(markdown_table(["measure", "value"], [["dumps, pages/s (one core)", f"{rate:.0f}"]]))
    verdict = "PASS" if rate >= TARGET_DUMP_PAGES_PER_S else "FAIL"
    target = f"dumps ≥ {TARGET_DUMP_PAGES_PER_S:g} pages/s"
    print("\n" + markdown_table(["target", "verdict"], [[target, verdict]]))
    if profile:
        print("\n```\n" + _profile([("dump", d, None) for d in dumps], 25) + "```")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_corpus_argument(parser)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per page (best of)")
    parser.add_argument("--fresh", type=int, default=5, help="fresh processes per cold figure")
    parser.add_argument("--calls", type=int, default=10_000, help="calls for the memory check")
    parser.add_argument("--per-page", action="store_true", help="one row per HTML page")
    parser.add_argument("--profile", action="store_true", help="cProfile's top entries")
    parser.add_argument(
        "--cold", action="store_true", help="only the fresh-process figures (import, first call)"
    )
    parser.add_argument("--dumps-only", action="store_true", help="the dump path alone")
    args = parser.parse_args(argv)
    use_corpus(args.corpus, "pages/*.html", "dumps/*.txt", COLD_PAGE, COLD_DUMP)
    if args.dumps_only:
        return _dumps_only(args.profile)
    if args.cold:
        cold = _cold_start(args.fresh)
        print(f"# Cold start: median of {args.fresh} fresh processes\n")
        print(markdown_table(["measure", "value"], _cold_rows(cold)))
        verdicts = [[target, "PASS" if ok else "FAIL"] for target, ok in _cold_targets(cold)]
        print("\n" + markdown_table(["target", "verdict"], verdicts))
        return 0
    from lxml.html import document_fromstring

    pages = _pages()
    for _, data, url in pages:  # warm-up: tables, validators, caches
        _ours(data, url)()
    rows: list[list[str]] = []
    ratios: list[float] = []
    ours_ms: list[float] = []
    lxml_ms: list[float] = []
    peer_ms: list[float] = []
    for name, data, url in pages:
        ours = _best(_ours(data, url), args.repeat)
        parse = _best(lambda data=data: document_fromstring(data), args.repeat)
        peer = _trafilatura(data, url)
        peer_time = _best(peer, max(1, args.repeat // 2)) if peer is not None else None
        ours_ms.append(ours)
        lxml_ms.append(parse)
        ratios.append(ours / parse)
        if peer_time is not None:
            peer_ms.append(peer_time)
        rows.append(
            [
                name,
                f"{ours:.1f}",
                f"{parse:.2f}",
                f"{ours / parse:.1f}",
                f"{peer_time:.1f}" if peer_time is not None else "—",
            ]
        )
    dumps = _dumps()
    dump_rate = _dump_rate(dumps)
    cold = _cold_start(args.fresh)
    after_warmup, after_all = _memory(args.calls)
    growth = after_all - after_warmup

    print(f"# Speed: {len(pages)} HTML pages, {len(dumps)} dumps (best of {args.repeat})\n")
    summary = [
        ["median ms/page, ours", f"{median(ours_ms):.1f}"],
        ["median ms/page, lxml parse", f"{median(lxml_ms):.2f}"],
        ["median ratio ours / lxml parse", f"{median(ratios):.1f}"],
        ["median ms/page, trafilatura", f"{median(peer_ms):.1f}" if peer_ms else "—"],
        *_cold_rows(cold),
        ["dumps, pages/s (one core)", f"{dump_rate:.0f}"],
        [
            f"ru_maxrss after {WARMUP_CALLS:,} / {args.calls:,} calls (MB)",
            f"{after_warmup:.0f} / {after_all:.0f}",
        ],
    ]
    print(markdown_table(["measure", "value"], summary))
    targets: list[tuple[str, bool]] = [
        (f"median ratio to lxml ≤ {TARGET_LXML_RATIO:g}", median(ratios) <= TARGET_LXML_RATIO),
        *_cold_targets(cold),
        (f"dumps ≥ {TARGET_DUMP_PAGES_PER_S:g} pages/s", dump_rate >= TARGET_DUMP_PAGES_PER_S),
        (f"memory growth ≤ {TARGET_MEMORY_GROWTH_MB:g} MB", growth <= TARGET_MEMORY_GROWTH_MB),
    ]
    verdicts = [[target, "PASS" if ok else "FAIL"] for target, ok in targets]
    print("\n" + markdown_table(["target", "verdict"], verdicts))
    if args.per_page:
        headers = ["page", "ours ms", "lxml ms", "ratio", "trafilatura ms"]
        print("\n" + markdown_table(headers, rows))
    if args.profile:
        print("\n```\n" + _profile(pages, 25) + "```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
