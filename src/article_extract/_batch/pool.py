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

The parent's own work per item is kept small, since it runs on the same cores as the workers:
one selector, made once, watches every worker's pipe and process; and workers are forked from
the parent where that is safe, so they start without importing the package again.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import selectors
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from types import FrameType
from typing import Generic, TypeVar

from ..errors import ExtractError, ExtractTimeout, InternalError

__all__ = [
    "PoolStats",
    "cpu_seconds",
    "in_process",
    "peak_rss_bytes",
    "run_pool",
    "time_limit_works",
]

T = TypeVar("T")
R = TypeVar("R")

# Items per message: ~10 ms of work each, so a chunk costs one round trip per ~0.1 s of work.
CHUNK_SIZE = 8
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
) -> Generator[R, None, None]:
    """The pool's contract without processes (``workers=1``): the limit needs the main thread."""
    for item in items:
        yield _call_with_limit(fn, fail, item, limit)


def peak_rss_bytes() -> int:
    """This process's peak memory (resident set size) so far."""
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def cpu_seconds() -> float:
    """This process's CPU time so far, user and system."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _worker_main(
    conn: Connection,
    parent_ends: list[Connection],
    fn: Callable[[T], R],
    fail: Callable[[T, ExtractError], R],
    limit: float | None,
) -> None:
    """A worker: receive a chunk, answer each item as it is done; ``None`` ends the worker.

    ``parent_ends``: the parent's ends of the workers' pipes, which a forked worker holds
    copies of. It closes them, or its own pipe would never tell it that the parent is gone."""
    for end in parent_ends:
        end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # What the worker starts with (imported modules, a forked parent's objects) lives as long as
    # it does: the cyclic GC need not scan it again, nor copy a forked parent's pages doing so.
    gc.freeze()
    while True:
        try:
            chunk = conn.recv()
        except EOFError:  # the parent is gone
            return
        if chunk is None:
            conn.send(("peak", peak_rss_bytes(), cpu_seconds()))
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


def _can_fork() -> bool:
    """Is forking this process safe: Linux (macOS's system libraries are not fork-safe), and
    one thread, Python's or native (a lock another thread held would stay locked in the child)?"""
    if sys.platform != "linux":
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _context() -> multiprocessing.context.BaseContext:
    # fork where it is safe: the worker starts at once with what the parent has imported (a new
    # interpreter importing the package costs each run ~0.6 s before the first page, and CPU).
    # Else forkserver: workers start from a clean, preloaded server process, which is safe when
    # the parent runs threads; spawn where there is neither (Windows). Chosen for each worker
    # started, since the caller may start a thread while the pool runs.
    if _can_fork():
        return multiprocessing.get_context("fork")
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
        # Watches every worker's pipe (an answer) and process sentinel (it died); made once, not
        # for each wait, since the parent waits once per item.
        self.selector = selectors.DefaultSelector()
        self.workers: list[_Worker[T]] = []
        for _ in range(workers):
            self.workers.append(self._start())

    def _start(self) -> _Worker[T]:
        context = _context()
        parent_end, child_end = context.Pipe()
        forked = context.get_start_method() == "fork"
        parent_ends = [parent_end, *(w.conn for w in self.workers)] if forked else []
        process = context.Process(  # type: ignore[attr-defined]
            target=_worker_main,
            args=(child_end, parent_ends, self.fn, self.fail, self.limit),
            daemon=True,
            name="article-extract-worker",
        )
        process.start()
        child_end.close()
        worker: _Worker[T] = _Worker(process, parent_end)
        self.selector.register(parent_end, selectors.EVENT_READ, worker)
        self.selector.register(process.sentinel, selectors.EVENT_READ, worker)
        return worker

    def _stop(self, worker: _Worker[T]) -> None:
        """Kill ``worker`` if it still runs, and let go of its process and pipe."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        self.selector.unregister(worker.conn)
        self.selector.unregister(worker.process.sentinel)
        worker.conn.close()

    def ready(self, timeout: float | None) -> list[tuple[_Worker[T], bool]]:
        """The workers that answered or died within ``timeout`` seconds, each with whether
        its process ended."""
        return [
            (key.data, key.fileobj is not key.data.conn) for key, _ in self.selector.select(timeout)
        ]

    def replace(self, worker: _Worker[T]) -> _Worker[T]:
        """Stop ``worker`` (kill it if it still runs) and start a new one in its place."""
        self._stop(worker)
        self.workers[self.workers.index(worker)] = new = self._start()
        self.stats.replaced += 1
        return new

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
            self._stop(worker)
        self.selector.close()


class _Scheduler(Generic[T, R]):
    """The parent's bookkeeping: which items each worker holds, what to send next, what to
    yield next."""

    def __init__(self, pool: _Pool[T, R], items: Iterable[T], *, ordered: bool) -> None:
        self.pool, self.ordered = pool, ordered
        self.source = iter(items)
        self.next_seq = 0  # the seq the next item from ``source`` gets
        self.exhausted = False
        self.retry: deque[tuple[int, T]] = deque()  # handed back by a replaced worker: first out
        self.done: dict[int, R] = {}  # ordered: results waiting for an older one
        self.next_out = 0  # ordered: the next seq to yield
        self.window = CHUNK_SIZE * WINDOW_CHUNKS_PER_WORKER * len(pool.workers)

    def _chunk(self) -> list[tuple[int, T]]:
        chunk: list[tuple[int, T]] = []
        while self.retry and len(chunk) < CHUNK_SIZE:
            chunk.append(self.retry.popleft())
        while not self.exhausted and len(chunk) < CHUNK_SIZE:
            if self.ordered and self.next_seq >= self.next_out + self.window:
                break
            try:
                chunk.append((self.next_seq, next(self.source)))
            except StopIteration:
                self.exhausted = True
                break
            self.next_seq += 1
        return chunk

    def fill(self) -> list[_Worker[T]]:
        """Send a chunk to every idle worker; return the workers holding items."""
        for worker in list(self.pool.workers):
            if worker.pending:
                continue
            if not worker.process.is_alive():  # died while idle: nothing to account for
                worker = self.pool.replace(worker)
            chunk = self._chunk()
            if chunk:
                worker.conn.send(chunk)
                worker.pending.extend(chunk)
                worker.last_progress = time.monotonic()
        return [w for w in self.pool.workers if w.pending]

    def drained(self) -> bool:
        return self.exhausted and not self.retry

    def _lost(self, worker: _Worker[T], error: ExtractError) -> tuple[int, R]:
        """Replace a worker that holds items: the current one fails with ``error``; the rest
        are sent again first."""
        self.pool.replace(worker)
        seq, item = worker.pending.popleft()
        self.retry.extendleft(reversed(worker.pending))
        return seq, self.pool.fail(item, error)

    def collect(self, ready: list[tuple[_Worker[T], bool]]) -> list[tuple[int, R]]:
        """Results from the workers that answered or died (:meth:`_Pool.ready`)."""
        finished: list[tuple[int, R]] = []
        for worker, died in ready:
            if worker not in self.pool.workers:
                continue  # already replaced through its other handle
            try:
                # one answer per wake (the selector reports the pipe again if more are
                # waiting); a worker that died may have left several before it went
                while worker.pending and (not died or worker.conn.poll()):
                    seq, result = worker.conn.recv()
                    worker.pending.popleft()
                    worker.last_progress = time.monotonic()
                    finished.append((seq, result))
                    if not died:
                        break
            except (EOFError, OSError):
                died = True
            if died and worker.pending:
                worker.process.join()
                code = worker.process.exitcode
                error = InternalError(f"the worker process died (exit code {code}) on this input")
                finished.append(self._lost(worker, error))
        return finished

    def reap_stuck(self, limit: float) -> list[tuple[int, R]]:
        """Kill the workers that have not answered within the limit and its grace period."""
        now = time.monotonic()
        finished: list[tuple[int, R]] = []
        for worker in list(self.pool.workers):
            if worker.pending and now > worker.last_progress + limit + KILL_GRACE_SECONDS:
                error = ExtractTimeout(f"gave up after the {limit:g} s time limit (worker killed)")
                finished.append(self._lost(worker, error))
        return finished

    def emit(self, finished: list[tuple[int, R]]) -> Iterator[R]:
        if not self.ordered:
            for _, result in finished:
                yield result
            return
        self.done.update(finished)
        while self.next_out in self.done:
            yield self.done.pop(self.next_out)
            self.next_out += 1


def run_pool(
    fn: Callable[[T], R],
    fail: Callable[[T, ExtractError], R],
    items: Iterable[T],
    *,
    workers: int,
    limit: float | None = None,
    ordered: bool = True,
    stats: PoolStats | None = None,
) -> Generator[R, None, None]:
    """``fn(item)`` for every item in ``workers`` processes; one result per item.

    ``fn`` and ``fail`` must pickle (module-level functions or partials of them). Results come
    in input order when ``ordered``, else as they finish.
    """
    pool: _Pool[T, R] = _Pool(fn, fail, workers, limit, stats or PoolStats())
    scheduler = _Scheduler(pool, items, ordered=ordered)
    graceful = False
    try:
        while True:
            busy = scheduler.fill()
            if not busy:
                if scheduler.drained():
                    break
                continue  # a replaced worker handed items back: send them
            timeout = None
            if limit:
                oldest = min(w.last_progress for w in busy)
                timeout = max(0.0, oldest + limit + KILL_GRACE_SECONDS - time.monotonic())
            finished = scheduler.collect(pool.ready(timeout))
            if limit:
                finished += scheduler.reap_stuck(limit)
            yield from scheduler.emit(finished)
        graceful = True
    finally:
        pool.close(graceful=graceful)


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
