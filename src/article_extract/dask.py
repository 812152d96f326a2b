"""Run ``extract`` on a Dask cluster: ``pip install 'article-extract[dask]'``.

A small adapter over ``dask.bag``; the cluster does the scheduling, the retries and the
spreading over machines, each partition runs the same per-input job as
:func:`article_extract.extract_many` (one :class:`~article_extract.Result` per input, never an
exception for a bad page)::

    from dask.distributed import Client
    from article_extract.dask import read_paths, read_warc, extract_bag

    client = Client()                                    # or Client("scheduler:8786")
    results = extract_bag(read_warc(["crawl-00000.warc.gz", "crawl-00001.warc.gz"]))
    records = results.map(lambda r: r.to_record())
    records.to_textfiles("out/*.jsonl", ...)              # or .to_dataframe().to_parquet(...)

Paths must be readable by the workers (a shared or network file system). WARC files are read
in the workers, one partition per archive, so the client never holds their records.
Time limits are the cluster's business here (Dask runs tasks in threads, where ``SIGALRM``
cannot stop a page): ``extract()`` itself bounds its work on every input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

import dask.bag as db

from ._batch.items import Input, Result
from ._batch.readers import InputSpec as _InputSpec
from ._batch.readers import Reader, ReadSettings, iter_warc
from ._batch.run import Job, as_inputs, extract_input
from ._model import DEFAULT_MAX_INPUT_BYTES, Options

__all__ = ["extract_bag", "read_paths", "read_warc"]

# Inputs per partition for read_paths: enough work per task (~1 s) to hide Dask's overhead.
DEFAULT_PARTITION_SIZE = 100


def read_paths(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    globs: Sequence[str] = (),
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> db.Bag:
    """A bag of :class:`~article_extract.Input` for saved pages: files, and folders walked
    recursively (``globs`` filter file names). Each input is a path: workers read the file.

    ``.warc``/``.jsonl`` files found here are expanded on the client; use :func:`read_warc`
    to read archives in the workers instead."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    specs = [_InputSpec(os.fspath(p)) for p in paths]
    inputs = list(Reader(specs, ReadSettings(globs=tuple(globs))))
    bag: db.Bag = db.from_sequence(inputs, partition_size=partition_size)  # type: ignore[no-untyped-call]
    return bag


def _warc_partition(paths: Iterable[str | os.PathLike[str]], max_bytes: int) -> list[Input]:
    return [item for path in paths for item in iter_warc(os.fspath(path), max_bytes=max_bytes)]


def read_warc(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
) -> db.Bag:
    """A bag of the HTML/text ``response`` records of WARC files, one partition per file,
    read in the workers (needs the ``warc`` extra there)."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    names = [os.fspath(p) for p in paths]
    archives: db.Bag = db.from_sequence(names, npartitions=max(1, len(names)))  # type: ignore[no-untyped-call]
    records: db.Bag = archives.map_partitions(_warc_partition, max_input_bytes)  # type: ignore[no-untyped-call]
    return records


def _extract_partition(sources: Iterable[Any], job: Job) -> list[Result]:
    return [extract_input(job, item) for item in as_inputs(sources)]


def extract_bag(bag: db.Bag, *, options: Options | None = None) -> db.Bag:
    """A bag of :class:`~article_extract.Result`, one per element of ``bag``.

    Elements are :class:`~article_extract.Input` items (from :func:`read_paths` or
    :func:`read_warc`) or anything :func:`~article_extract.extract` accepts."""
    results: db.Bag = bag.map_partitions(_extract_partition, Job(options or Options()))  # type: ignore[no-untyped-call]
    return results
