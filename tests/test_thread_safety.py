"""extract() is thread-safe and keeps no global mutable state.

* Eight threads extracting every fixture page (several times over, in a shuffled order) give
  byte-identical ``model_dump_json()`` (or the same error) to serial calls.
* Module state, checked two ways: statically, every module-level ``dict``/``list``/``set``/
  ``bytearray`` of ``article_extract`` must have a CONSTANT_NAME (a read-only table by our
  naming rule; a lower-case one would be state); dynamically, extracting every fixture page and
  a set of hostile inputs leaves every such table, and every value memoised by a
  ``functools.cache`` loader, exactly as it was (deep comparison of copies).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import importlib
import pkgutil
import random
import types
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import article_extract
import hostile_inputs
from article_extract import ExtractError, Options, extract

THREADS = 8
# Each page is extracted this many times, interleaved, so threads really overlap on one page.
ROUNDS = 3
REFERENCE_OPTIONS = Options()


def _result(source: str | bytes) -> str:
    try:
        return extract(source, options=REFERENCE_OPTIONS).model_dump_json()
    except ExtractError as exc:
        return f"{type(exc).__name__}: {exc.code}: {exc.message}"


def test_concurrent_extract_matches_serial() -> None:
    pages = [page for _, page in hostile_inputs.fixture_pages(max_bytes=10**9)]
    rng = random.Random(11)
    pages += [hostile_inputs.random_input(rng, hostile_inputs.fixture_pages(100_000))
              for _ in range(20)]  # fmt: skip
    serial = [_result(page) for page in pages]
    jobs = [i for _ in range(ROUNDS) for i in range(len(pages))]
    random.Random(3).shuffle(jobs)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        concurrent = list(pool.map(lambda i: (i, _result(pages[i])), jobs))
    mismatched = {i for i, result in concurrent if result != serial[i]}
    assert not mismatched, f"{len(mismatched)} inputs differ under threads"
    assert sum(r.startswith("{") for r in serial) >= 20, "the fixture pages give articles"


def _modules() -> Iterator[types.ModuleType]:
    yield article_extract
    for info in pkgutil.walk_packages(article_extract.__path__, "article_extract."):
        yield importlib.import_module(info.name)


_MUTABLE = (dict, list, set, bytearray)


def _is_constant_name(name: str) -> bool:
    bare = name.lstrip("_")
    return bool(bare) and bare.upper() == bare


def _module_tables() -> dict[str, Any]:
    """Every module-level mutable container, by dotted name (``__all__`` and dunders aside)."""
    tables = {}
    for module in _modules():
        for name, value in vars(module).items():
            if name.startswith("__") or not isinstance(value, _MUTABLE):
                continue
            tables[f"{module.__name__}.{name}"] = value
    return tables


def _cached_loaders() -> dict[str, Any]:
    """Every ``functools.cache``'d function defined in the package."""
    loaders = {}
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, functools._lru_cache_wrapper) and getattr(
                value, "__module__", ""
            ).startswith("article_extract"):
                loaders[f"{module.__name__}.{name}"] = value
    return loaders


def test_module_level_containers_are_named_as_constants() -> None:
    stateful = sorted(
        name for name in _module_tables() if not _is_constant_name(name.split(".")[-1])
    )
    assert not stateful, (
        "module-level mutable containers that are not CONSTANT_NAMED tables: " + ", ".join(stateful)
    )


def _snapshot(value: Any) -> Any:
    """A deep, comparable copy (dataclasses and compiled patterns compared by their fields)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, {f.name: _snapshot(getattr(value, f.name))
                                       for f in dataclasses.fields(value)})  # fmt: skip
    if type(value).__module__.startswith("article_extract") and not isinstance(value, tuple):
        slots = [n for c in type(value).__mro__ for n in getattr(c, "__slots__", ())]
        fields = {n: getattr(value, n) for n in slots if hasattr(value, n)}
        fields.update(getattr(value, "__dict__", {}))
        return (type(value).__name__, {k: _snapshot(v) for k, v in fields.items()})
    if isinstance(value, dict):
        return {k: _snapshot(v) for k, v in value.items()}
    if isinstance(value, list | tuple):  # NamedTuples too
        return (type(value).__name__, [_snapshot(v) for v in value])
    if isinstance(value, set | frozenset):
        return type(value)(value)
    return copy.deepcopy(value)


def test_extract_leaves_tables_and_caches_unchanged() -> None:
    fixtures = hostile_inputs.fixture_pages(max_bytes=200_000)
    pages = [page for _, page in fixtures]
    for page in pages:  # fill the caches: their first fill is the one write they may do
        _result(page)
    loaders = _cached_loaders()
    assert loaders, "the package memoises its table loaders"
    cached = {}
    for name, loader in loaders.items():
        if loader.cache_info().currsize and _takes_no_arguments(loader):
            cached[name] = _snapshot(loader())
    tables = _module_tables()
    before = {name: _snapshot(value) for name, value in tables.items()}
    rng = random.Random(5)
    inputs = [*pages, *(hostile_inputs.random_input(rng, fixtures[:10]) for _ in range(20))]
    for source in inputs:
        _result(source)
    changed = [name for name, value in tables.items() if _snapshot(value) != before[name]]
    changed += [name for name in cached if _snapshot(loaders[name]()) != cached[name]]
    assert not changed, f"extract() changed module state: {changed}"


def _takes_no_arguments(loader: Any) -> bool:
    code = loader.__wrapped__.__code__
    return bool(code.co_argcount == 0 and code.co_kwonlyargcount == 0)


@pytest.mark.parametrize("name", ["cache", "lru_cache"])
def test_cached_loaders_are_found(name: str) -> None:
    """The cache scan above must see decorated functions, or it would check nothing."""
    decorator = getattr(functools, name)
    probe = decorator(lambda: 1) if name == "cache" else decorator(maxsize=None)(lambda: 1)
    assert isinstance(probe, functools._lru_cache_wrapper)
