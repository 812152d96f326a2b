"""``extract_many``: one :class:`Result` per input, in-process or in a process pool."""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from .._extract import extract
from .._model import Options
from ..errors import ExtractError
from .items import Input, Result, path_id, site_of

if TYPE_CHECKING:
    from .pool import PoolStats

R = TypeVar("R")

__all__ = [
    "Job",
    "as_inputs",
    "extract_input",
    "extract_many",
    "map_inputs",
    "run_job",
]


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs besides the inputs: the options and learned boilerplate."""

    options: Options = field(default_factory=Options)
    # site → match_key forms of lines repeated across that site's pages (--learn-boilerplate)
    boilerplate: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def options_for(self, item: Input) -> Options:
        """The options for one input: its own crawl time, its site's learned boilerplate."""
        options = self.options
        if item.reference is not None:
            options = replace(options, reference=item.reference)
        if self.boilerplate:
            learned = self.boilerplate.get(site_of(item))
            if learned:
                options = replace(options, boilerplate=options.boilerplate | learned)
        return options


def extract_input(job: Job, item: Input) -> Result:
    """Extract one input; the worker's whole job. Never raises for a bad page."""
    if isinstance(item.source, ExtractError):  # the reader could not produce the page
        return Result(item.id, error=item.source)
    try:
        article = extract(item.source, url=item.url, options=job.options_for(item))
    except ExtractError as error:
        return Result(item.id, error=error)
    return Result(item.id, article=article)


def _rendered(job: Job, render: Callable[[Result], R], item: Input) -> R:
    return render(extract_input(job, item))


def _failed(fn: Callable[[Input], R], item: Input, error: ExtractError) -> R:
    """The record of an input its worker gave up on (time limit) or died on: ``fn`` of the input
    with the error as its source, as a reader passes an input it could not read."""
    return fn(replace(item, source=error))


def _as_is(result: Result) -> Result:
    return result


def as_inputs(sources: Iterable[object]) -> Iterator[Input]:
    """Each source as an :class:`Input`: paths keep their name as id, other sources their
    position in ``sources``."""
    for position, source in enumerate(sources):
        if isinstance(source, Input):
            yield source
        elif isinstance(source, os.PathLike):
            yield Input(path_id(source), source)
        else:
            yield Input(str(position), source)


def map_inputs(
    fn: Callable[[Input], R],
    inputs: Iterable[Input],
    *,
    workers: int | None = None,
    ordered: bool = True,
    timeout: float | None = None,
    stats: PoolStats | None = None,
) -> Generator[R, None, None]:
    """``fn`` over the inputs, in this process (``workers=1``) or in the pool. ``fn`` records
    an input whose source is an :class:`ExtractError` as that error."""
    # Imported here: multiprocessing is not needed by callers of extract() alone.
    from .pool import default_workers, in_process, run_pool, time_limit_works

    count = default_workers() if workers is None else workers
    if count < 1:
        raise ValueError(f"workers must be at least 1, not {count}")
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be positive, not {timeout}")
    fail = partial(_failed, fn)
    if count == 1 and (timeout is None or time_limit_works()):
        return in_process(fn, fail, inputs, timeout)
    return run_pool(fn, fail, inputs, workers=count, limit=timeout, ordered=ordered, stats=stats)


def run_job(
    job: Job,
    inputs: Iterable[Input],
    render: Callable[[Result], R],
    *,
    workers: int | None = None,
    ordered: bool = True,
    timeout: float | None = None,
    stats: PoolStats | None = None,
) -> Generator[R, None, None]:
    """``render(result)`` for each input's :class:`Result` (for the CLI: learned boilerplate,
    pool statistics, and records encoded where the page was extracted, in the worker)."""
    return map_inputs(
        partial(_rendered, job, render),
        inputs,
        workers=workers,
        ordered=ordered,
        timeout=timeout,
        stats=stats,
    )


def extract_many(
    sources: Iterable[object],
    *,
    workers: int | None = None,
    options: Options | None = None,
    ordered: bool = True,
    timeout: float | None = None,
) -> Iterator[Result]:
    """Extract many pages in parallel; yield exactly one :class:`Result` per source.

    ``sources`` holds anything :func:`extract` accepts, or :class:`Input` items that carry an
    id, a URL and a crawl time. It is read lazily and results stream out: memory does not
    grow with the number of sources. Results come in input order when ``ordered`` (a slow
    page then holds back the ones after it, within a bounded window), else as they finish.

    ``workers``: processes (default: every core this process may use); ``1`` runs in this
    process. ``timeout``: seconds per input, enforced in the worker, which records
    :class:`~article_extract.ExtractTimeout` for the input (a worker stuck in C code is
    killed and replaced). In-process, the limit needs the main thread on Unix (``SIGALRM``);
    elsewhere a timeout runs one worker process instead.

    A worker that dies costs only the input it was working on (an ``InternalError`` record);
    the run goes on. Sources and options must pickle when ``workers > 1``.
    """
    return run_job(
        Job(options or Options()),
        as_inputs(sources),
        _as_is,
        workers=workers,
        ordered=ordered,
        timeout=timeout,
    )
