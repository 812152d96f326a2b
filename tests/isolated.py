"""Run one extraction in a forked child with a hard deadline and report what happened.

A hostile input that hangs or eats memory must fail its test, not hang the suite: the child is
killed at the deadline. The child inherits the warm parent (imports, tables), so the deadline
measures the extraction, not Python's start-up.
"""

from __future__ import annotations

import math
import multiprocessing
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["Outcome", "run_isolated"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one isolated run did."""

    kind: str  # "article", an ExtractError code, "exception:<Type>", "timeout" or "died"
    seconds: float  # wall time of the call in the child (the deadline when it timed out)
    detail: Any = None  # the child's summary of the result (see run_isolated), or a message
    peak_rss_growth: int = 0  # bytes: the child's peak RSS over its RSS before the call
    cpu_seconds: float = 0.0  # CPU time of the call in the child (what a loaded machine keeps)


def _rss_bytes() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize()


def _child(
    call: Callable[[], Any],
    summarise: Callable[[Any], Any],
    connection: Any,
    cpu_limit: float | None,
) -> None:  # pragma: no cover - runs in the child
    from article_extract import ExtractError

    if cpu_limit is not None:  # the kernel ends the child (SIGXCPU) past this much CPU time
        seconds = math.ceil(cpu_limit)
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))

    before = _rss_bytes()
    cpu_started = time.process_time()
    started = time.perf_counter()
    try:
        value = call()
        kind, detail = "article", summarise(value)
    except ExtractError as exc:
        kind, detail = exc.code, exc.message
    except BaseException as exc:  # the point is to report anything at all
        kind, detail = f"exception:{type(exc).__name__}", repr(exc)[:500]
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    connection.send(Outcome(kind, seconds, detail, max(0, peak - before), cpu))
    connection.close()


def run_isolated(
    call: Callable[[], Any],
    *,
    timeout: float,
    summarise: Callable[[Any], Any] = lambda value: None,
    cpu_limit: float | None = None,
) -> Outcome:
    """Run ``call()`` in a forked child; kill it after ``timeout`` seconds of wall time, or let
    the kernel end it after ``cpu_limit`` seconds of CPU time (a busy machine stretches wall
    time, not CPU time)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(call, summarise, sender, cpu_limit), daemon=True)
    process.start()
    sender.close()
    try:
        if receiver.poll(timeout):
            try:
                return receiver.recv()  # type: ignore[no-any-return]
            except EOFError:
                return Outcome("died", timeout, f"exit code {process.exitcode}")
        return Outcome("timeout", timeout)
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
