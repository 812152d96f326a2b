"""The built-table cache: read back when valid, rebuilt when anything is off, never an error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from article_extract import _cache
from article_extract._cache import CACHE_ENV, cache_folder, cached, fingerprint
from article_extract.data import _parse


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _counting(value: dict[str, Any]) -> tuple[Callable[[], dict[str, Any]], list[int]]:
    calls: list[int] = []

    def build() -> dict[str, Any]:
        calls.append(1)
        return value

    return build, calls


def test_a_built_value_is_read_back(folder: Path) -> None:
    build, calls = _counting({"key": ["a", 1]})
    assert cached("table", build) == {"key": ["a", 1]}
    assert cached("table", build) == {"key": ["a", 1]}
    assert len(calls) == 1
    assert (folder / "table.json").is_file()


def test_a_changed_data_file_rebuilds(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "package"
    package.mkdir()
    table = package / "rules.toml"
    table.write_text("a = 1\n", encoding="utf-8")
    monkeypatch.setattr(_cache, "_PACKAGE", str(package))
    fingerprint.cache_clear()
    build, calls = _counting({"built": 1})
    cached("rules", build)
    cached("rules", build)
    assert len(calls) == 1
    table.write_text("a = 22\n", encoding="utf-8")  # an edited table: another size
    fingerprint.cache_clear()
    cached("rules", build)
    assert len(calls) == 2
    fingerprint.cache_clear()  # the real package's again, for the tests that follow
    monkeypatch.undo()
    fingerprint.cache_clear()


def test_a_file_from_other_code_is_rebuilt(folder: Path) -> None:
    folder.mkdir()
    stale = {"fingerprint": '[1, "0.0.1"]', "value": {"stale": True}}
    (folder / "table.json").write_text(json.dumps(stale), encoding="utf-8")
    build, calls = _counting({"fresh": True})
    assert cached("table", build) == {"fresh": True}
    assert len(calls) == 1
    assert cached("table", build) == {"fresh": True}  # and the file was replaced
    assert len(calls) == 1


def _stored(value: object) -> bytes:
    return json.dumps({"fingerprint": fingerprint(), "value": value}).encode()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe not text",
        b"[1, 2",
        b'["a", "b"]',
        b'{"value": {}}',
        _stored({"a": [1, 2]})[:-5],  # cut short
        _stored(["not", "a", "table"]),
    ],
)
def test_a_corrupt_file_is_rebuilt(folder: Path, content: bytes) -> None:
    folder.mkdir()
    (folder / "table.json").write_bytes(content)
    build, calls = _counting({"n": [1, 2, 3]})
    assert cached("table", build) == {"n": [1, 2, 3]}
    assert cached("table", build) == {"n": [1, 2, 3]}
    assert len(calls) == 1


def test_an_unwritable_folder_only_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    # A folder below a regular file can never be created, not even by root.
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    build, calls = _counting({"value": 1})
    assert cached("table", build) == {"value": 1}
    assert cached("table", build) == {"value": 1}
    assert len(calls) == 2


@pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() == 0, reason="root writes to read-only folders"
)
def test_a_read_only_folder_only_means_no_cache(folder: Path) -> None:
    folder.mkdir()
    folder.chmod(0o500)
    try:
        build, calls = _counting({"value": 1})
        assert cached("table", build) == {"value": 1}
        assert cached("table", build) == {"value": 1}
        assert len(calls) == 2
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("setting", ["off", "0", "false", ""])
def test_the_cache_can_be_turned_off(
    setting: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, setting)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() is None
    build, calls = _counting({"value": 1})
    cached("table", build)
    cached("table", build)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_the_default_folder_is_in_the_user_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    chosen = cache_folder()
    assert chosen is not None
    assert Path(chosen).parent == tmp_path / "article_extract"


def test_writers_at_the_same_moment_leave_a_whole_file(folder: Path) -> None:
    value: dict[str, Any] = {str(i): list(range(i)) for i in range(300)}
    results: list[object] = []
    start = threading.Barrier(8)

    def write() -> None:
        start.wait()
        results.append(cached("table", lambda: value))

    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [value] * 8
    assert [p.name for p in folder.iterdir()] == ["table.json"]  # no temporary file left
    build, calls = _counting({"other": 1})
    assert cached("table", build) == value
    assert calls == []


def test_every_table_comes_back_as_parsed(folder: Path) -> None:
    names = sorted(p.stem for p in Path(_parse.__code__.co_filename).parent.glob("*.toml"))
    assert len(names) > 10
    for name in names:
        cached(f"table-{name}", lambda name=name: _parse(name))  # written
    for name in names:
        assert cached(f"table-{name}", dict) == _parse(name)  # read back: never built


def test_a_later_process_skips_the_toml_parser(folder: Path) -> None:
    code = (
        "import sys\n"
        "from article_extract.data import load_table\n"
        "load_table('dates_months'); load_table('chrome')\n"
        "print('tomllib' in sys.modules)\n"
    )
    env = {**os.environ, CACHE_ENV: str(folder)}

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        return done.stdout.strip()

    assert run() == "True"  # the first process parses and writes
    assert run() == "False"  # the next one reads the cache
