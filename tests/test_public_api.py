"""The public surface is exactly what we mean to export, and importing it stays cheap."""

from __future__ import annotations

import subprocess
import sys

import pytest

import article_extract
from article_extract import errors

EXPECTED_ALL = [
    "Article",
    "BinaryInput",
    "Block",
    "DateCandidate",
    "EmptyInput",
    "ExtractError",
    "ExtractTimeout",
    "Input",
    "InputError",
    "InputTooComplex",
    "InputTooLarge",
    "InternalError",
    "InvalidArticle",
    "NotAnArticle",
    "Options",
    "ParsedDate",
    "Result",
    "UnsupportedSource",
    "__version__",
    "article_json_schema",
    "extract",
    "extract_many",
    "find_dates",
    "parse_date",
]


def test_all_is_pinned_and_sorted() -> None:
    assert article_extract.__all__ == EXPECTED_ALL
    assert sorted(article_extract.__all__) == article_extract.__all__


def test_every_exported_name_exists() -> None:
    for name in article_extract.__all__:
        assert hasattr(article_extract, name), name


def test_every_error_is_exported_and_derives_from_extract_error() -> None:
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, errors.ExtractError)
        assert getattr(article_extract, name) is cls
        assert cls.__doc__, f"{name} needs a docstring"


def test_error_codes_are_unique() -> None:
    codes = [getattr(errors, name).code for name in errors.__all__]
    assert len(codes) == len(set(codes))


def _modules_after(code: str) -> set[str]:
    """Every module name in ``sys.modules`` after ``code`` runs in a fresh interpreter."""
    script = f"{code}\nimport sys; print('\\n'.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


# What `import article_extract` must not load: the dateparser fallback, the Markdown reader and
# its CommonMark parser, the batch machinery and its process pool, the TOML parser (tables load
# on first use).
NOT_AT_IMPORT = (
    "dateparser",
    "cmarkgfm",
    "article_extract._markdown",
    "article_extract._batch",
    "article_extract._batch.run",
    "concurrent.futures",
    "multiprocessing",
    "tomllib",
)


def test_import_loads_only_what_extract_needs() -> None:
    loaded = _modules_after("import article_extract")
    assert "article_extract._extract" in loaded  # the check itself sees our modules
    assert [name for name in NOT_AT_IMPORT if name in loaded] == []


def test_the_batch_api_loads_on_first_use() -> None:
    loaded = _modules_after("from article_extract import Input, Result, extract_many")
    assert {"article_extract._batch.items", "article_extract._batch.run"} <= loaded
    assert article_extract.extract_many.__module__ == "article_extract._batch.run"
    assert "extract_many" in dir(article_extract)
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = article_extract.no_such_name  # type: ignore[attr-defined]
