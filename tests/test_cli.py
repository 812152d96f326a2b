"""The article-extract command: JSON Lines out, typed error records, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from article_extract.cli import main


def test_example_prints_the_reference_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--example"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"].startswith("احتجاجات كازاخستان")
    assert record["published"].startswith("2022-01-06")
    assert record["source"] == "بي بي سي"


def test_one_json_line_per_input_and_errors_as_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    missing = tmp_path / "missing.html"
    assert main(["--example", str(empty), str(missing)]) == 1
    out = capsys.readouterr()
    records = [json.loads(line) for line in out.out.splitlines()]
    assert len(records) == 3
    assert "title" in records[0]
    assert records[1] == {
        "input": str(empty),
        "error": "empty_input",
        "message": "the input is empty",
    }
    assert records[2]["error"] == "unsupported_source"
    assert "missing.html" in out.err


def test_no_input_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "give at least one FILE" in capsys.readouterr().err


def test_arabic_is_written_unescaped(capsys: pytest.CaptureFixture[str]) -> None:
    main(["--example"])
    assert "كازاخستان" in capsys.readouterr().out
