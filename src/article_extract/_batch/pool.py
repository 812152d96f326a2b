"""A process pool that accounts for every item, even when a worker hangs or dies.

``concurrent.futures.ProcessPoolExecutor`` gives up on the whole pool when one worker dies
(``BrokenProcessPool``) and cannot stop a task that hangs. Here each worker has its own pipe,
so the parent always knows which items a worker holds:

* items go out in chunks (fewer messages), one chunk to a worker at a time, and only inside a
  window of items ahead of the oldest unfinished one: memory stays flat however many items
  come, and the reorder buffer of an ordered run stays bounded;
* a worker enforces the per-item time limit itself (``SIGALRM``), and answers with
  ``fail(item, ExtractTimeout)``; if it is stuck in C code and does not answer within a grace
  period, the parent kills it, records the item the same way and starts a new worker;
* a worker that dies (killed by the OOM killer, a crash) costs the item it was working on an
  ``InternalError`` record; the rest of its chunk goes to the new worker.

So every item yields exactly one result: ``fn(item)`` or ``fail(item, error)``.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Any, Generic, TypeVar

from ..errors import ExtractError, ExtractTimeout, InternalError

__all__ = ["DEFAULT_CHUNK_SIZE", "PoolStats", "in_process", "run_pool", "time_limit_works"]

T = TypeVar("T")
R = TypeVar("R")

# Items per message: ~10 ms of work each, so a chunk costs one round trip per ~0.1 s of work.
DEFAULT_CHUNK_SIZE = 8
# Chunks a run may be ahead of its oldest unfinished item, per worker: enough to keep every
# worker busy while one item is slow, small enough that memory does not grow with the run.
WINDOW_CHUNKS_PER_WORKER = 4
# A worker that has not answered this long after its own time limit is stuck in C code.
KILL_GRACE_SECONDS = 2.0
# How long a finishing worker gets to report its memory and exit before it is terminated.
SHUTDOWN_SECONDS = 5.0


class _Deadline(BaseException):
    """Raised by the alarm inside a worker. A BaseException, so that ``extract()``'s own
    ``except Exception`` (which turns bugs into InternalError) does not swallow it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Deadline


def time_limit_works() -> bool:
    """Can this thread enforce a time limit with ``SIGALRM`` (Unix, main thread)?"""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _call_with_limit(
    fn: Callable[[T], R], fail: Callable[[T, ExtractError], R], item: T, limit: float | None
) -> R:
    if not limit:
        return fn(item)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return fn(item)
    except _Deadline:
        return fail(item, ExtractTimeout(f"gave up after the {limit:g} s time limit"))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def in_process(
    fn: Callable[[T], R],
    fail: Callable[[T, ExtractError], R],
    items: Iterable[T],
    limit: float | None,
) -> Iterator[R]:
    """The pool's contract without processes (``workers=1``): the limit needs the main thread."""
    for item in items:
        yield _call_with_limit(fn, fail, item, limit)


def _peak_rss_bytes() -> int:
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _worker_main(
    conn: Connection,
    fn: Callable[[T], R],
    fail: Callable[[T, ExtractError], R],
    limit: float | None,
) -> None:
    """A worker: receive a chunk, answer each item as it is done; ``None`` ends the worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            chunk = conn.recv()
        except EOFError:  # the parent is gone
            return
        if chunk is None:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            conn.send(("peak", _peak_rss_bytes(), usage.ru_utime + usage.ru_stime))
            return
        for seq, item in chunk:
            conn.send((seq, _call_with_limit(fn, fail, item, limit)))


@dataclass
class PoolStats:
    """What a pool run cost: per worker that exited cleanly, its peak memory (bytes) and CPU
    seconds; and how many workers had to be replaced."""

    worker_peak_bytes: list[int] = field(default_factory=list)
    worker_cpu_seconds: list[float] = field(default_factory=list)
    replaced: int = 0


@dataclass(eq=False)  # workers are compared by identity
class _Worker(Generic[T]):
    process: BaseProcess
    conn: Connection
    pending: deque[tuple[int, T]] = field(default_factory=deque)
    last_progress: float = 0.0  # when it last answered, or got its chunk


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers start from a clean, preloaded server process (fast, and safe when the
    # parent runs threads, unlike fork); spawn where there is no forkserver (Windows).
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["article_extract._batch.run"])
        return context
    return multiprocessing.get_context("spawn")


class _Pool(Generic[T, R]):
    def __init__(
        self,
        fn: Callable[[T], R],
        fail: Callable[[T, ExtractError], R],
        workers: int,
        limit: float | None,
        stats: PoolStats,
    ) -> None:
        self.fn, self.fail, self.limit, self.stats = fn, fail, limit, stats
        self.context = _context()
        self.workers: list[_Worker[T]] = [self._start() for _ in range(workers)]

    def _start(self) -> _Worker[T]:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]
            target=_worker_main,
            args=(child_end, self.fn, self.fail, self.limit),
            daemon=True,
            name="article-extract-worker",
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def replace(self, worker: _Worker[T]) -> _Worker[T]:
        """Stop ``worker`` (kill it if it still runs) and start a new one in its place."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        position = next(i for i, w in enumerate(self.workers) if w is worker)
        self.workers[position] = new = self._start()
        self.stats.replaced += 1
        return new

    def lose(self, worker: _Worker[T], error: ExtractError) -> tuple[tuple[int, R], list[Any]]:
        """Replace a worker that holds items: the current one fails with ``error``; the rest
        is handed back to be sent again."""
        self.replace(worker)
        seq, item = worker.pending[0]
        return (seq, self.fail(item, error)), list(worker.pending)[1:]

    def close(self, *, graceful: bool) -> None:
        for worker in self.workers:
            if graceful and worker.process.is_alive():
                try:
                    worker.conn.send(None)
                    if worker.conn.poll(SHUTDOWN_SECONDS):
                        kind, peak, cpu = worker.conn.recv()
                        if kind == "peak":
                            self.stats.worker_peak_bytes.append(peak)
                            self.stats.worker_cpu_seconds.append(cpu)
                except (OSError, EOFError):
                    pass
                worker.process.join(SHUTDOWN_SECONDS)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()


def run_pool(
    fn: Callable[[T], R],
    fail: Callable[[T, ExtractError], R],
    items: Iterable[T],
    *,
    workers: int,
    limit: float | None = None,
    ordered: bool = True,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    stats: PoolStats | None = None,
) -> Iterator[R]:
    """``fn(item)`` for every item in ``workers`` processes; one result per item.

    ``fn`` and ``fail`` must pickle (module-level functions or partials of them). Results come
    in input order when ``ordered``, else as they finish.
    """
    pool: _Pool[T, R] = _Pool(fn, fail, workers, limit, stats or PoolStats())
    source = iter(items)
    next_seq = 0  # the seq the next item from ``source`` gets
    exhausted = False
    retry: deque[tuple[int, T]] = deque()  # items handed back by a replaced worker: first out
    done: dict[int, R] = {}  # ordered: results waiting for an older one
    next_out = 0  # ordered: the next seq to yield
    window = chunk_size * WINDOW_CHUNKS_PER_WORKER * workers
    graceful = False
    try:
        while True:
            for worker in list(pool.workers):
                if worker.pending:
                    continue
                if not worker.process.is_alive():  # died while idle: nothing to account for
                    worker = pool.replace(worker)
                chunk: list[tuple[int, T]] = []
                while retry and len(chunk) < chunk_size:
                    chunk.append(retry.popleft())
                while not exhausted and len(chunk) < chunk_size:
                    if ordered and next_seq >= next_out + window:
                        break
                    try:
                        chunk.append((next_seq, next(source)))
                    except StopIteration:
                        exhausted = True
                        break
                    next_seq += 1
                if chunk:
                    worker.conn.send(chunk)
                    worker.pending.extend(chunk)
                    worker.last_progress = time.monotonic()
            busy = [w for w in pool.workers if w.pending]
            if not busy:
                if exhausted and not retry:
                    break
                continue  # the window is full only while something is pending, so: retry
            timeout = None
            if limit:
                oldest = min(w.last_progress for w in busy)
                timeout = max(0.0, oldest + limit + KILL_GRACE_SECONDS - time.monotonic())
            by_handle: dict[Any, _Worker[T]] = {}
            for worker in busy:
                by_handle[worker.conn] = worker
                by_handle[worker.process.sentinel] = worker
            ready = wait(list(by_handle), timeout)
            finished: list[tuple[int, R]] = []
            for handle in ready:
                worker = by_handle[handle]
                if not any(w is worker for w in pool.workers):
                    continue  # already replaced through its other handle
                died = handle is worker.process.sentinel
                try:
                    while worker.pending and (not died or worker.conn.poll()):
                        seq, result = worker.conn.recv()
                        worker.pending.popleft()
                        worker.last_progress = time.monotonic()
                        finished.append((seq, result))
                        if not worker.conn.poll():
                            break
                except (EOFError, OSError):
                    died = True
                if died and worker.pending:
                    worker.process.join()
                    code = worker.process.exitcode
                    failed, rest = pool.lose(
                        worker,
                        InternalError(f"the worker process died (exit code {code}) on this input"),
                    )
                    finished.append(failed)
                    retry.extendleft(reversed(rest))
            if limit:
                now = time.monotonic()
                for worker in list(pool.workers):
                    if worker.pending and now > worker.last_progress + limit + KILL_GRACE_SECONDS:
                        failed, rest = pool.lose(
                            worker,
                            ExtractTimeout(
                                f"gave up after the {limit:g} s time limit (worker killed)"
                            ),
                        )
                        finished.append(failed)
                        retry.extendleft(reversed(rest))
            if not ordered:
                for _, result in finished:
                    yield result
                continue
            done.update(finished)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
        graceful = True
    finally:
        pool.close(graceful=graceful)


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
