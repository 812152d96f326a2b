"""Coverage-guided fuzzing of ``extract()`` (bytes and str) and the date engine, with atheris.

One command (see ``fuzz/README.md``)::

    python fuzz/fuzz.py extract -max_total_time=1800      # or: dates
    python fuzz/fuzz.py extract --seeds-only              # just (re)write the seed corpus

Targets:

* ``extract``: the first byte chooses how the rest reaches ``extract()``: as bytes, as a str
  decoded from UTF-8 (with ``surrogatepass``, so lone surrogates reach us), or as a str
  decoded as windows-1256.
* ``dates``: the input, decoded from UTF-8, goes to ``parse_date`` and ``find_dates`` with and
  without a reference time.

Every input must give an ``Article`` or a library ``ExtractError`` other than ``InternalError``
(for the date engine: a value or ``None``), within ``0.5 s + 2 s/MB``. Anything else is a
*finding*: the input and the traceback are written to ``fuzz/findings/<target>/`` (one file per
distinct failure site) and the fuzzer goes on, so one run collects every kind of failure it meets;
``--stop-on-finding`` raises instead (libFuzzer then saves ``crash-*`` and stops).

The seed corpus (``fuzz/corpus/<target>/``, not committed) is written on the first run from the
golden fixture inputs (cut to ``SEED_MAX_BYTES``), the hostile shapes of
``tests/hostile_inputs.py`` at small sizes, and seeded draws of its generators.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import hostile_inputs  # noqa: E402  (the shared generators live beside the tests)

with atheris.instrument_imports(include=["article_extract"]):
    from article_extract import ExtractError, InternalError, extract, find_dates, parse_date

# Fuzzing whole pages is slow; seeds are cut to this many bytes (and libFuzzer's -max_len
# defaults to it), which keeps a few hundred executions per second.
SEED_MAX_BYTES = 32 * 1024
# Generated seeds per target, on top of the fixtures and the shapes.
GENERATED_SEEDS = 300
SEED = 7
REFERENCE = datetime(2022, 1, 6, 12, 0)
FINDINGS = ROOT / "fuzz" / "findings"
CORPUS = ROOT / "fuzz" / "corpus"

_MODES = ("bytes", "utf-8 str", "windows-1256 str")


class SlowInput(Exception):
    """An input that took longer than ``hostile_inputs.time_bound`` allows."""


def _extract_one(data: bytes) -> None:
    if not data:
        return
    mode, payload = _MODES[data[0] % len(_MODES)], data[1:]
    source: str | bytes = payload
    if mode == "utf-8 str":
        source = payload.decode(
            "utf-8", "surrogatepass" if _valid_surrogates(payload) else "replace"
        )
    elif mode == "windows-1256 str":
        source = payload.decode("windows-1256", "replace")
    try:
        extract(source)
    except InternalError:
        raise
    except ExtractError:
        pass


def _valid_surrogates(payload: bytes) -> bool:
    try:
        payload.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def _dates_one(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    for reference in (None, REFERENCE):
        parse_date(text, reference=reference)
        find_dates(text, reference=reference)


TARGETS = {"extract": _extract_one, "dates": _dates_one}


def _record(target: str, data: bytes, exc: BaseException) -> None:
    """Keep one example input per distinct failure site (exception type + innermost frame)."""
    cause = exc.__cause__ or exc
    frames = traceback.extract_tb(cause.__traceback__) or traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "article_extract" in f.filename] or frames
    site = f"{type(cause).__name__}@{_where(ours[-1])}<-{_where(frames[-1])}"
    key = hashlib.sha1(site.encode()).hexdigest()[:12]
    folder = FINDINGS / target
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / f"{key}.input").exists() and len(data) >= (folder / f"{key}.input").stat().st_size:
        return  # keep the smallest example of each site
    (folder / f"{key}.input").write_bytes(data)
    details = "".join(traceback.format_exception(cause))
    (folder / f"{key}.txt").write_text(f"{site}\ninput: {len(data)} bytes\n\n{details}")
    print(f"\n[finding] {site} ({len(data)} bytes) -> {folder / key}.input", flush=True)


def _where(frame: traceback.FrameSummary) -> str:
    return f"{Path(frame.filename).name}:{frame.lineno}"


def _harness(target: str, stop: bool) -> object:
    run = TARGETS[target]

    def test_one_input(data: bytes) -> None:
        started = time.thread_time()
        try:
            run(data)
            elapsed = time.thread_time() - started
            if elapsed > hostile_inputs.time_bound(len(data)):
                raise SlowInput(f"{elapsed:.2f} s for {len(data)} bytes")
        except Exception as exc:
            if stop:
                raise
            _record(target, data, exc)

    return test_one_input


def write_seeds(target: str) -> Path:
    """The seed corpus of ``target`` (rewritten each time; libFuzzer adds its own files)."""
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    pages = hostile_inputs.fixture_pages()
    seeds: list[bytes] = []
    if target == "extract":
        for _, page in pages:
            seeds.append(b"\x00" + page[:SEED_MAX_BYTES])
            seeds.append(b"\x01" + page[:SEED_MAX_BYTES])
        for shape in hostile_inputs.SHAPES:
            made = shape.make(max(1, shape.n // 20))
            seeds.append(b"\x01" + (made.encode("utf-8") if isinstance(made, str) else made))
        for _ in range(GENERATED_SEEDS):
            made = hostile_inputs.random_input(rng, pages)
            encoded = made.encode("utf-8", "surrogatepass") if isinstance(made, str) else made
            seeds.append((b"\x01" if isinstance(made, str) else b"\x00") + encoded)
    else:
        seeds.extend(p.encode("utf-8") for p in hostile_inputs.PHRASES if p)
        for _ in range(GENERATED_SEEDS):
            seeds.append(hostile_inputs.random_unicode(rng, 200).encode("utf-8", "replace"))
    for seed in seeds:
        seed = seed[:SEED_MAX_BYTES]
        (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=sorted(TARGETS))
    parser.add_argument("--seeds-only", action="store_true", help="write the seeds and stop")
    parser.add_argument("--stop-on-finding", action="store_true", help="raise on a finding")
    args, libfuzzer_args = parser.parse_known_args()
    corpus = write_seeds(args.target)
    if args.seeds_only:
        print(f"{len(os.listdir(corpus))} seeds in {corpus}")
        return
    if not any(a.startswith("-max_len") for a in libfuzzer_args):
        libfuzzer_args.append(f"-max_len={SEED_MAX_BYTES}")
    if not any(a.startswith("-timeout") for a in libfuzzer_args):
        libfuzzer_args.append("-timeout=60")  # a hang, not a slow input (those are findings)
    atheris.Setup(
        [sys.argv[0], *libfuzzer_args, str(corpus)], _harness(args.target, args.stop_on_finding)
    )
    atheris.Fuzz()


if __name__ == "__main__":
    main()
