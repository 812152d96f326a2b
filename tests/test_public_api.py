"""The public surface is exactly what we mean to export, and importing it stays cheap."""

from __future__ import annotations

import subprocess
import sys

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


def test_import_does_not_load_dateparser() -> None:
    code = "import sys, article_extract; print('dateparser' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
