"""Where a fresh process's import and first extract() go (issue 12).

Run from the repository root::

    python benchmarks/coldstart.py                          # this tree, median of 15
    python benchmarks/coldstart.py --base /tmp/wt-main      # + another tree, interleaved
    python benchmarks/coldstart.py --fresh 31               # more fresh processes

Each figure is the median over ``--fresh`` fresh interpreters, with the bytecode and the
built-table cache written by one unmeasured run first (as an installed package has them). Times
are CPU time (``time.process_time``): on a busy shared machine wall time swings with the other
jobs far more than with the process's own work; ``benchmarks/speed.py --cold`` gives wall time.

Rows, split so that each owner sees their part:

* the floor ``speed.py`` uses: ``lxml.etree`` and ``pydantic.BaseModel`` alone;
* every module outside the package that ``import article_extract`` loads, imported in the
  same order, plus one ``BaseModel`` subclass (the first subclass loads ``pydantic.fields``
  and ``pydantic.types``): what any library on these dependencies pays;
* ``import article_extract``, and the part of it that is the package's own modules (imported
  after those dependencies);
* pydantic's plugin loader (``importlib.metadata`` and a scan of every installed distribution's
  entry points), which the first validator any pydantic model builds pays once per process,
  and the Article validator's own build after it;
* the first ``extract()`` of a corpus page and of a corpus dump, as its time minus a second
  call on the same input.

With ``--base``, the other tree (a checkout's root, e.g. a ``git worktree`` of main) runs in
the same loop, each of its processes next to ours, and the table gets its column and the ratio.
Exits 1 when the corpus is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from statistics import median

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from benchmarks._scoring import add_corpus_argument, markdown_table, use_corpus  # noqa: E402

# The inputs speed.py times its first calls on: a typical ~50 KB Arabic news page and the
# same article as a plain-text dump.
COLD_PAGE = "pages/ar-elbaladtv-eg-2020.html"
COLD_DUMP = "dumps/ar-elbaladtv-eg-2020.txt"

# Prints, in load order, every module outside the package that importing it loads.
DEPENDENCIES_CODE = """
import json, sys
sys.path.insert(0, {src!r})
before = set(sys.modules)
import article_extract
ours = [m for m in sys.modules if m.split(".")[0] == "article_extract"]
print(json.dumps([m for m in sys.modules if m not in before and m not in ours]))
"""
FLOOR_CODE = """
import time
start = time.process_time()
import lxml.etree
from pydantic import BaseModel
print((time.process_time() - start) * 1000)
"""
WITH_DEPENDENCIES_CODE = """
import importlib, time
start = time.process_time()
for name in {modules!r}:
    try:
        importlib.import_module(name)
    except ImportError:  # a module another platform's branch names
        pass
from pydantic import BaseModel
class Model(BaseModel):
    x: int
print((time.process_time() - start) * 1000)
"""
IMPORT_CODE = """
import sys, time
sys.path.insert(0, {src!r})
start = time.process_time()
import article_extract
print((time.process_time() - start) * 1000)
"""
OWN_IMPORT_CODE = """
import importlib, sys, time
for name in {modules!r}:
    try:
        importlib.import_module(name)
    except ImportError:
        pass
from pydantic import BaseModel
class Model(BaseModel):
    x: int
sys.path.insert(0, {src!r})
start = time.process_time()
import article_extract
print((time.process_time() - start) * 1000)
"""
PYDANTIC_CODE = """
import sys, time
sys.path.insert(0, {src!r})
import article_extract
fields = {{"title": "t", "blocks": [{{"text": "x"}}], "input_kind": "html"}}
start = time.process_time()
from pydantic.plugin._loader import get_plugins
list(get_plugins())
loaded = time.process_time()
article_extract.Article.model_validate(fields)
first = time.process_time()
article_extract.Article.model_validate(fields)
again = time.process_time()
print((loaded - start) * 1000, ((first - loaded) - (again - first)) * 1000)
"""
FIRST_CALL_CODE = """
import sys, time
sys.path.insert(0, {src!r})
import article_extract
data = open({path!r}, "rb").read()
start = time.process_time()
article_extract.extract(data)
first = time.process_time()
article_extract.extract(data)
again = time.process_time()
print(((first - start) - (again - first)) * 1000)
"""

ROWS = (
    "floor: lxml.etree + pydantic.BaseModel alone",
    "every dependency module the import loads + one BaseModel subclass",
    "import article_extract",
    "  its own modules (dependencies already loaded)",
    "pydantic's plugin loader (first validator of any model)",
    "Article's validator build (after the plugin loader)",
    "first extract() on a page, ms more than a warm call",
    "first extract() on a dump, ms more than a warm call",
)


def _run(code: str, env: dict[str, str]) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return [float(value) for value in done.stdout.split()]


def _dependencies(src: str, env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", DEPENDENCIES_CODE.format(src=src)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    modules: list[str] = json.loads(done.stdout)
    return modules


def _codes(tree: Path, corpus: Path, env: dict[str, str]) -> list[str]:
    """The programs of one tree, in ROWS order (PYDANTIC_CODE gives two rows)."""
    src = str(tree / "src")
    modules = _dependencies(src, env)
    return [
        FLOOR_CODE,
        WITH_DEPENDENCIES_CODE.format(modules=modules),
        IMPORT_CODE.format(src=src),
        OWN_IMPORT_CODE.format(modules=modules, src=src),
        PYDANTIC_CODE.format(src=src),
        FIRST_CALL_CODE.format(src=src, path=str(corpus / COLD_PAGE)),
        FIRST_CALL_CODE.format(src=src, path=str(corpus / COLD_DUMP)),
    ]


def _measure(trees: list[Path], corpus: Path, runs: int) -> list[list[float]]:
    """Per tree, the median of each row over ``runs`` fresh processes, trees interleaved."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode read back, as installed
        env["ARTICLE_EXTRACT_CACHE"] = str(Path(scratch) / "cache")
        codes = [_codes(tree, corpus, env) for tree in trees]
        for tree_codes in codes:  # writes the bytecode and the table cache
            for code in tree_codes:
                _run(code, env)
        samples: list[list[list[float]]] = [[[] for _ in ROWS] for _ in trees]
        for _ in range(runs):
            for tree_codes, tree_samples in zip(codes, samples, strict=True):
                values = [value for code in tree_codes for value in _run(code, env)]
                for row, value in zip(tree_samples, values, strict=True):
                    row.append(value)
    return [[median(row) for row in tree_samples] for tree_samples in samples]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_corpus_argument(parser)
    parser.add_argument("--fresh", type=int, default=15, help="fresh processes per figure")
    parser.add_argument("--base", type=Path, help="another source tree to measure alongside")
    args = parser.parse_args(argv)
    corpus = use_corpus(args.corpus, COLD_PAGE, COLD_DUMP)
    trees = [_ROOT] if args.base is None else [_ROOT, args.base.resolve()]
    if args.base is not None and not (args.base / "src" / "article_extract").is_dir():
        raise SystemExit(f"--base {args.base}: no src/article_extract there")
    medians = _measure(trees, corpus, args.fresh)
    print(f"# Cold start, CPU ms: median of {args.fresh} fresh processes\n")
    if args.base is None:
        rows = [[name, f"{value:.1f}"] for name, value in zip(ROWS, medians[0], strict=True)]
        print(markdown_table(["measure", "this tree"], rows))
        return 0
    rows = [
        [name, f"{ours:.1f}", f"{base:.1f}", f"{ours / base:.2f}" if base > 0 else "—"]
        for name, ours, base in zip(ROWS, medians[0], medians[1], strict=True)
    ]
    print(markdown_table(["measure", "this tree", f"base ({args.base})", "ratio"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
