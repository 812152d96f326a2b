"""Batch conversion at scale: ``article-extract``, 1 and 2 workers, vs trafilatura's CLI (issue 10).

Run from the repository root (takes ~10 minutes on 2 cores; needs the ``warc`` extra and, for
the peer row, trafilatura from the ``bench`` extra)::

    python benchmarks/batch.py                       # 20,000 inputs, and a 2,000-input run
    python benchmarks/batch.py --inputs 5000 --small 1000 --skip-peer   # quicker

It builds a tree by repeating the development corpus (``--corpus DIR``): HTML pages and
non-article pages, text dumps in four shapes, one WARC archive of a few hundred records, and
about 1% broken files (empty, binary, truncated, over the size limit, not pages). Page files
are hard links to one copy each, so the tree costs little disk. Then it runs, one after another:

* ``article-extract TREE --workers 1`` and ``--workers 2`` (``--stats`` gives the peak memory
  of the parent and of each worker, and their CPU time);
* ``trafilatura --input-dir TREE --output-dir OUT --parallel 2`` on the same tree;
* ``article-extract`` with 2 workers on a 2,000-input tree of the same mix: memory must not
  grow with the number of inputs.

It prints one markdown table plus the targets (records == inputs with every broken input a
typed error, speed-up ≥ 1.8×, wall time ≤ 0.5× trafilatura's, flat memory) as PASS/FAIL.
Wall times on a shared machine are noisy: the load average before and after is printed, and
CPU seconds per page show what the work cost regardless of contention. "total CPU" is every
process a run started (on Linux this script adopts them, so a fork server's and its workers'
CPU counts too); 2 × total CPU(1 worker) / total CPU(2 workers) bounds the speed-up that two
cores can give, whatever else runs on the machine.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = _ROOT.parent / "shared" / "corpus"
DEFAULT_INPUTS = 20_000
DEFAULT_SMALL = 2_000
# Records in the WARC archive (each counts as one input).
WARC_RECORDS = 300
# Share of broken files among the inputs.
BROKEN_SHARE = 0.01
# The plain-text dump shapes of the corpus, as folders inside it.
TEXT_DUMP_FOLDERS = ("dumps", "dumps-alt/inscriptis", "dumps-alt/htmltext", "dumps-alt/w3m")
# Over the library's 20 MiB default limit: InputTooLarge.
HUGE_BYTES = 21 * 1024 * 1024
# How many huge files (each is written once and hard-linked).
HUGE_FILES = 4
# Per-run limit: a run this slow is broken, not slow.
RUN_TIMEOUT_SECONDS = 3600
SPEEDUP_TARGET = 1.8
PEER_RATIO_TARGET = 0.5
# Peak memory may differ this much between 2,000 and 20,000 inputs and still count as flat.
FLAT_MEMORY_SLACK = 1.15
# prctl option: this process becomes the reaper of its orphaned descendants (Linux).
PR_SET_CHILD_SUBREAPER = 36
# How long a run's processes may outlive it before the run counts as leaking them.
REAP_SECONDS = 30


@dataclass
class Tree:
    root: Path
    inputs: int = 0  # what article-extract should account for (WARC records counted one by one)
    files: int = 0  # files in the tree (what trafilatura sees)
    broken: list[str] = field(default_factory=list)  # ids of the broken inputs


def _sources(corpus: Path) -> tuple[list[Path], list[Path]]:
    html = sorted((corpus / "pages").glob("*.html")) + sorted(
        (corpus / "nonarticles").glob("*.html")
    )
    dumps = [p for shape in TEXT_DUMP_FOLDERS for p in sorted((corpus / shape).glob("*.txt"))]
    if not html or not dumps:
        raise SystemExit(f"benchmark data missing in {corpus}: pages/*.html and dumps (--corpus)")
    return html, dumps


def _broken_files(folder: Path, html: list[Path], count: int, tree: Tree) -> None:
    folder.mkdir(parents=True)
    huge = folder / "huge-0.html"
    with huge.open("wb") as handle:  # a real page padded past the limit
        handle.write(html[0].read_bytes())
        handle.write(b"<!-- padding -->" * (HUGE_BYTES // 16))
    page = html[0].read_bytes()
    kinds = {
        "empty": (".html", b""),
        "binary": (".jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 64),
        "truncated": (".html", page[:400]),
        "stylesheet": (".css", b"body { margin: 0; }\n.menu a { color: #333; }\n" * 40),
        "json": (".json", json.dumps({"items": list(range(500))}).encode()),
    }
    first: dict[str, Path] = {}  # the one real copy of each kind; the others are hard links
    made = 0
    while made < count:
        for name, (suffix, data) in kinds.items():
            if made >= count:
                break
            path = folder / f"{name}-{made}{suffix}"
            if name in first and name != "truncated":
                os.link(first[name], path)
            else:
                path.write_bytes(data)
                first.setdefault(name, path)
            tree.broken.append(str(path))
            made += 1
        if made < count and sum(1 for b in tree.broken if "huge-" in b) < HUGE_FILES:
            path = folder / f"huge-{made}.html"
            os.link(huge, path)
            tree.broken.append(str(path))
            made += 1
    huge.unlink()


def _warc(path: Path, html: list[Path], dumps: list[Path], records: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n in range(records):
            source = html[n % len(html)] if n % 2 == 0 else dumps[n % len(dumps)]
            kind = "text/html" if source.suffix == ".html" else "text/plain; charset=utf-8"
            http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://example.org/{n}/{source.stem}",
                "response",
                payload=io.BytesIO(source.read_bytes()),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2026-01-01T00:00:00Z"},
            )
            writer.write_record(record)


def build_tree(root: Path, corpus: Path, inputs: int) -> Tree:
    """``inputs`` inputs: a WARC, ~1% broken files, the rest HTML and dumps half and half."""
    html, dumps = _sources(corpus)
    tree = Tree(root)
    originals = root / "originals"  # one copy of each page, hard-linked from the tree
    originals.mkdir(parents=True)
    linked: dict[Path, Path] = {}
    for source in [*html, *dumps]:
        target = originals / f"{len(linked):03}-{source.parent.name}-{source.name}"
        shutil.copyfile(source, target)
        linked[source] = target
    warc_records = min(WARC_RECORDS, inputs // 10)
    (root / "tree").mkdir()
    _warc(root / "tree" / "archive.warc.gz", html, dumps, warc_records)
    broken = max(1, round(inputs * BROKEN_SHARE))
    _broken_files(root / "tree" / "broken", html, broken, tree)
    pages = inputs - warc_records - broken
    for n in range(pages):
        source = html[(n // 2) % len(html)] if n % 2 == 0 else dumps[(n // 2) % len(dumps)]
        folder = root / "tree" / ("html" if n % 2 == 0 else "dumps") / f"{n // 1000:03}"
        folder.mkdir(parents=True, exist_ok=True)
        os.link(linked[source], folder / f"{n:06}{source.suffix}")
    tree.root = root / "tree"
    tree.inputs = inputs
    tree.files = pages + broken + 1
    return tree


@dataclass
class RunResult:
    name: str
    wall: float
    records: int
    stats: dict[str, object] = field(default_factory=dict)
    peak_children_mib: float = 0.0  # the largest process of the run (ru_maxrss of children)
    typed_broken: int | None = None
    total_cpu: float | None = None  # seconds, every process of the run (Linux)


def _children_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _adopt_descendants() -> bool:
    """Become the reaper of the processes our runs leave behind (Linux): then RUSAGE_CHILDREN
    holds every process of a run, a fork server and its workers too, once they are reaped."""
    if sys.platform != "linux":
        return False
    import ctypes

    return bool(ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _reap_all() -> None:
    """Wait for every process the run left; fail loudly if one outlives it for long."""
    deadline = time.monotonic() + REAP_SECONDS
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > deadline:
                raise SystemExit("a run left processes running after it ended")
            time.sleep(0.05)


def run_ours(tree: Tree, workers: int, out_dir: Path) -> RunResult:
    out = out_dir / f"ours-{workers}-{tree.inputs}.jsonl"
    stats = out_dir / f"ours-{workers}-{tree.inputs}.stats.json"
    command = [
        sys.executable,
        "-m",
        "article_extract",
        str(tree.root),
        "--workers",
        str(workers),
        "-o",
        str(out),
        "--stats",
        str(stats),
        "-q",
    ]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, timeout=RUN_TIMEOUT_SECONDS, check=False)
    wall = time.perf_counter() - started
    _reap_all()
    total_cpu = _children_cpu() - cpu_before
    if done.returncode not in (0, 1):
        raise SystemExit(f"article-extract failed with status {done.returncode}")
    records = {}
    with out.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records[record["input"]] = (record["status"], record.get("error"))
    typed = sum(1 for b in tree.broken if records.get(b, ("ok", None))[0] == "error")
    result = RunResult(f"article-extract, {workers} worker{'s' * (workers > 1)}", wall, 0)
    with out.open("rb") as handle:
        result.records = sum(1 for _ in handle)
    result.stats = json.loads(stats.read_text("utf-8"))
    result.typed_broken = typed
    result.total_cpu = total_cpu
    return result


def run_trafilatura(tree: Tree, out_dir: Path) -> RunResult | None:
    binary = shutil.which("trafilatura")
    if binary is None:
        print(
            "trafilatura is not installed (pip install -e '.[bench]'): no peer row", file=sys.stderr
        )
        return None
    target = out_dir / "trafilatura"
    before = _children_peak_mib()
    cpu_before = _children_cpu()
    started = time.perf_counter()
    subprocess.run(
        # --keep-dirs: one output file per input it extracted (by default it names outputs by a
        # hash of their content, so the tree's repeated pages would share files)
        [
            binary,
            "--input-dir",
            str(tree.root),
            "--output-dir",
            str(target),
            "--parallel",
            "2",
            "--keep-dirs",
        ],
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    _reap_all()
    records = sum(1 for p in target.rglob("*") if p.is_file()) if target.exists() else 0
    result = RunResult("trafilatura CLI, --parallel 2", wall, records)
    result.total_cpu = _children_cpu() - cpu_before
    result.peak_children_mib = max(before, _children_peak_mib())
    return result


def _load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def _cpu_per_page(run: RunResult, inputs: int) -> str:
    cpu = run.stats.get("worker_cpu_seconds") or []
    total = float(sum(cpu)) + float(run.stats.get("parent_cpu_seconds", 0.0))  # type: ignore[arg-type]
    return f"{1000 * total / inputs:.1f}" if total else "-"


def _total_cpu_per_page(run: RunResult, inputs: int, adopted: bool) -> str:
    """Every process of the run, and the parent's share of it."""
    if not adopted or run.total_cpu is None:
        return "- | -"
    parent = run.stats.get("parent_cpu_seconds")
    share = f"{1000 * float(parent) / inputs:.2f}" if parent is not None else "-"  # type: ignore[arg-type]
    return f"{1000 * run.total_cpu / inputs:.1f} | {share}"


def table(
    tree: Tree,
    runs: list[RunResult],
    small: RunResult | None,
    small_inputs: int,
    small_broken: int,
    adopted: bool,
) -> str:
    lines = [
        "| run | inputs | records | broken → typed error | wall s | pages/s | CPU ms/page "
        "| total CPU ms/page | of which parent | peak MiB parent | peak MiB per worker |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        total = _total_cpu_per_page(run, tree.inputs, adopted)
        if run.stats:
            workers = run.stats.get("worker_peak_mib") or []
            per_worker = ", ".join(f"{w:.0f}" for w in workers) or "(in-process)"  # type: ignore[union-attr]
            parent = f"{float(run.stats['parent_peak_mib']):.0f}"  # type: ignore[arg-type]
            typed = f"{run.typed_broken}/{len(tree.broken)}"
            inputs = tree.inputs
            cpu = _cpu_per_page(run, inputs)
        else:
            per_worker = f"{run.peak_children_mib:.0f} (largest process)"
            parent, typed, inputs, cpu = "-", "-", tree.files, "-"
        lines.append(
            f"| {run.name} | {inputs} | {run.records} | {typed} | {run.wall:.1f} | "
            f"{tree.inputs / run.wall:.1f} | {cpu} | {total} | {parent} | {per_worker} |"
        )
    if small is not None:
        workers = ", ".join(f"{w:.0f}" for w in small.stats.get("worker_peak_mib") or [])  # type: ignore[union-attr]
        lines.append(
            f"| {small.name} | {small_inputs} | {small.records} | "
            f"{small.typed_broken}/{small_broken} | {small.wall:.1f} | "
            f"{small_inputs / small.wall:.1f} | "
            f"{_cpu_per_page(small, small_inputs)} | "
            f"{_total_cpu_per_page(small, small_inputs, adopted)} | "
            f"{float(small.stats['parent_peak_mib']):.0f} | {workers} |"  # type: ignore[arg-type]
        )
    return "\n".join(lines)


def targets(
    tree: Tree, runs: list[RunResult], peer: RunResult | None, small: RunResult | None
) -> list[str]:
    one, two = runs[0], runs[1]
    verdict = lambda ok: "PASS" if ok else "FAIL"  # noqa: E731
    out = []
    complete = all(r.records == tree.inputs and r.typed_broken == len(tree.broken) for r in runs)
    out.append(
        f"- records == inputs ({tree.inputs}) and every broken input a typed error: "
        f"{verdict(complete)}"
    )
    speedup = one.wall / two.wall
    out.append(
        f"- speed-up 1 → 2 workers: {speedup:.2f}× (target ≥ {SPEEDUP_TARGET}×): "
        f"{verdict(speedup >= SPEEDUP_TARGET)}"
    )
    if one.total_cpu and two.total_cpu:
        out.append(
            f"  (CPU bound on it, 2 × total CPU with 1 worker / with 2: "
            f"{2 * one.total_cpu / two.total_cpu:.2f}×)"
        )
    if peer is not None:
        ratio = two.wall / peer.wall
        out.append(
            f"- wall time vs trafilatura's CLI, both 2 processes: {ratio:.2f}× "
            f"(target ≤ {PEER_RATIO_TARGET}×): {verdict(ratio <= PEER_RATIO_TARGET)}"
        )
    if small is not None:
        big = max([float(two.stats["parent_peak_mib"]), *two.stats["worker_peak_mib"]])  # type: ignore[arg-type, list-item]
        little = max([float(small.stats["parent_peak_mib"]), *small.stats["worker_peak_mib"]])  # type: ignore[arg-type, list-item]
        out.append(
            f"- peak memory, 2 workers, {tree.inputs} vs small-tree inputs: {big:.0f} vs "
            f"{little:.0f} MiB (flat within {FLAT_MEMORY_SLACK:.2f}×): "
            f"{verdict(big <= little * FLAT_MEMORY_SLACK)}"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="DIR")
    parser.add_argument("--inputs", type=int, default=DEFAULT_INPUTS)
    parser.add_argument("--small", type=int, default=DEFAULT_SMALL, help="0: no memory run")
    parser.add_argument("--skip-peer", action="store_true", help="no trafilatura run")
    parser.add_argument("--workdir", type=Path, help="build the trees here (default: a temp dir)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="batch-bench-", dir=args.workdir))
    adopted = _adopt_descendants()
    try:
        print(f"load average before: {_load()}", file=sys.stderr)
        tree = build_tree(work / "big", args.corpus, args.inputs)
        out_dir = work / "out"
        out_dir.mkdir()
        runs = []
        for workers in (1, 2):
            runs.append(run_ours(tree, workers, out_dir))
            print(f"ran {runs[-1].name}: {runs[-1].wall:.1f} s", file=sys.stderr)
        peer = None if args.skip_peer else run_trafilatura(tree, out_dir)
        small = None
        small_broken = 0
        if args.small:
            small_tree = build_tree(work / "small", args.corpus, args.small)
            small = run_ours(small_tree, 2, out_dir)
            small.name += f", {small_tree.inputs} inputs"
            small_broken = len(small_tree.broken)
        print(f"load average after: {_load()}", file=sys.stderr)
        print(
            f"### Batch: {tree.inputs} inputs ({len(tree.broken)} broken, a WARC of "
            f"{min(WARC_RECORDS, tree.inputs // 10)} records, HTML and dumps half and half)\n"
        )
        print(
            table(
                tree, [*runs, *([peer] if peer else [])], small, args.small, small_broken, adopted
            )
        )
        print()
        print("\n".join(targets(tree, runs, peer, small)))
        print("\n(load average before/after the runs is on stderr; 2-core machine)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
