"""Batch conversion: many inputs in, exactly one :class:`~.items.Result` out per input.

One concern per module::

    items        Input (one page to convert, with its id, URL and crawl time) and Result
    run          extract_many(): the job each worker runs, in-process or through the pool
    pool         a process pool with chunks, a bounded window, per-input time limits, and
                 replacement of workers that were killed or died
    readers      command-line inputs → Inputs: files, folders, stdin, file lists, WARC
                 archives, JSON Lines records, manifests
    writers      Results → JSON Lines / JSON / CSV / Parquet, crash-safe, resumable
    boilerplate  --learn-boilerplate: lines repeated across one site's pages
    report       the run's tally: outcomes, error codes, speed, memory

The command line (``article_extract.cli``) only wires these together.
"""
