"""extract_many: one Result per input, in order, in parallel, whatever the inputs do."""

from __future__ import annotations

import multiprocessing
import pickle
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from article_extract import (
    Article,
    BinaryInput,
    EmptyInput,
    ExtractError,
    ExtractTimeout,
    Input,
    InputError,
    InputTooLarge,
    InternalError,
    InvalidArticle,
    NotAnArticle,
    Options,
    Result,
    UnsupportedSource,
    errors,
    extract,
    extract_many,
)
from article_extract._batch import pool
from article_extract._batch.items import HttpPayload, path_id
from batch_helpers import CrashingPage, SlowPage, StuckPage, frozen_objects, no_count

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted(FIXTURES.glob("*/input.*"))
# The pool tests run on the smaller pages: they test accounting, not extraction.
SMALL = sorted(PAGES, key=lambda p: p.stat().st_size)[:16]


def test_fixtures_are_there() -> None:
    assert len(PAGES) >= 20


@pytest.fixture(params=["fork", "forkserver"])
def start_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The pool's guarantees hold for workers forked from this process (when it runs one
    thread) and for workers started by the fork server (when it runs several)."""
    if request.param not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {request.param} on this platform")
    monkeypatch.setattr(pool, "_can_fork", lambda: request.param == "fork")
    assert pool._context().get_start_method() == request.param
    return str(request.param)


def _outcome(result: Result) -> object:
    return result.article if result.article is not None else result.error.code  # type: ignore[union-attr]


def test_one_result_per_input_in_order_in_process() -> None:
    results = list(extract_many(SMALL, workers=1))
    assert [r.input for r in results] == [str(p) for p in SMALL]
    for path, result in zip(SMALL, results, strict=True):
        try:
            expected: object = extract(path)
        except ExtractError as error:
            expected = error.code
        assert _outcome(result) == expected


def test_two_workers_give_the_same_results_in_the_same_order(start_method: str) -> None:
    alone = [_outcome(r) for r in extract_many(SMALL, workers=1)]
    sources = SMALL * 2  # several chunks per worker
    pooled = list(extract_many(sources, workers=2))
    assert [r.input for r in pooled] == [str(p) for p in sources]
    assert [_outcome(r) for r in pooled] == alone * 2


def test_unordered_yields_every_input_once() -> None:
    sources = SMALL * 2
    results = list(extract_many(sources, workers=2, ordered=False))
    assert sorted(r.input for r in results) == sorted(str(p) for p in sources)


def test_bad_inputs_are_typed_errors_and_the_run_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    sources: list[object] = [b"", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, missing, PAGES[0]]
    results = list(extract_many(sources, workers=2))
    assert [r.status for r in results] == ["error", "error", "error", "ok"]
    assert isinstance(results[0].error, EmptyInput)
    assert isinstance(results[1].error, BinaryInput)
    assert isinstance(results[2].error, UnsupportedSource)
    assert [r.input for r in results[:2]] == ["0", "1"]  # non-path sources: their position
    assert results[2].input == str(missing)


def test_inputs_carry_id_url_and_crawl_time() -> None:
    page = (FIXTURES / "seed-maghreb" / "input.txt").read_text("utf-8")
    # A relative date: only the input's crawl time (Options.reference) resolves it.
    relative = page.replace("الخميس 06 يناير 2022", "منذ 3 ساعات")
    crawled = Input("a", relative, url="https://example.com/a", reference=_dt("2022-01-06T12:00"))
    unknown = Input("b", relative, url="https://example.com/b")
    results = {r.input: r for r in extract_many([crawled, unknown], workers=1)}
    assert results["a"].article is not None
    assert results["a"].article.url == "https://example.com/a"
    assert results["a"].article.published == _dt("2022-01-06T09:00")
    assert results["b"].article is None or results["b"].article.published is None


def _dt(text: str) -> object:
    from datetime import datetime

    return datetime.fromisoformat(text)


def test_reader_errors_pass_through_as_results() -> None:
    error = UnsupportedSource("line is not JSON")
    (result,) = extract_many([Input("data.jsonl#3", error)], workers=1)
    assert result.input == "data.jsonl#3"
    assert result.error is error


def test_a_slow_page_times_out_in_process() -> None:
    results = list(extract_many([SlowPage(30), PAGES[0]], workers=1, timeout=1.0))
    assert isinstance(results[0].error, ExtractTimeout)
    assert results[1].ok


def test_a_slow_page_times_out_in_a_worker_and_the_rest_goes_on(start_method: str) -> None:
    sources = [SMALL[0], SlowPage(30), *SMALL[1:6]]
    results = list(extract_many(sources, workers=2, timeout=1.0))
    assert [r.input for r in results] == [str(SMALL[0]), "1", *map(str, SMALL[1:6])]
    assert isinstance(results[1].error, ExtractTimeout)
    assert "killed" not in results[1].error.message  # the worker stopped the page itself
    expected = [_outcome(r) for r in extract_many([SMALL[0], *SMALL[1:6]], workers=1)]
    assert [_outcome(r) for r in (results[0], *results[2:])] == expected


def test_a_stuck_worker_is_killed_and_replaced(
    monkeypatch: pytest.MonkeyPatch, start_method: str
) -> None:
    monkeypatch.setattr(pool, "KILL_GRACE_SECONDS", 0.3)
    sources = [StuckPage(60), *SMALL[:8], StuckPage(60), *SMALL[8:12]]
    results = list(extract_many(sources, workers=2, timeout=1.0))
    assert len(results) == len(sources)
    assert isinstance(results[0].error, ExtractTimeout)
    assert isinstance(results[9].error, ExtractTimeout)
    assert "killed" in results[0].error.message
    others = results[1:9] + results[10:]
    assert [r.input for r in others] == [str(p) for p in SMALL[:12]]


def test_a_worker_that_dies_costs_only_its_input(start_method: str) -> None:
    sources = [*SMALL[:5], CrashingPage(), *SMALL[5:10]]
    results = list(extract_many(sources, workers=2))
    assert len(results) == len(sources)
    assert isinstance(results[5].error, InternalError)
    assert "died" in results[5].error.message
    assert [r.input for r in results[:5] + results[6:]] == [str(p) for p in SMALL[:10]]


def test_results_stream_without_reading_all_sources(start_method: str) -> None:
    read = 0

    def sources() -> object:
        nonlocal read
        while True:  # endless: only a lazy, bounded pipeline can return
            read += 1
            yield SMALL[read % len(SMALL)]

    stream = extract_many(sources(), workers=2)  # type: ignore[arg-type]
    first = [next(stream) for _ in range(5)]
    stream.close()  # type: ignore[attr-defined]
    assert len(first) == 5
    assert read < 200  # a bounded window ahead of the consumer, not the whole input


def test_workers_are_forked_only_from_a_single_thread() -> None:
    # A process of one thread forks (its workers start with what it has imported)...
    if sys.platform == "linux":
        code = "from article_extract._batch import pool; print(pool._context().get_start_method())"
        started = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert started.stdout.strip() == "fork"
    # ... one that runs another thread never does: that thread's locks would stay locked.
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not pool._can_fork()
        assert pool._context().get_start_method() in ("forkserver", "spawn")
    finally:
        stop.set()
        thread.join()


def test_workers_leave_what_they_start_with_to_the_collector(start_method: str) -> None:
    counts = list(pool.run_pool(frozen_objects, no_count, range(4), workers=2))
    assert len(counts) == 4
    assert min(counts) > 1000  # the imported modules' objects, never scanned again


def test_workers_and_timeout_are_checked() -> None:
    with pytest.raises(ValueError, match="workers"):
        extract_many([], workers=0)
    with pytest.raises(ValueError, match="timeout"):
        extract_many([], timeout=0)


def test_path_ids_are_valid_utf8_for_any_file_name() -> None:
    name = b"/tmp/caf\xe9-\xc7\xe1\xce\xc8\xd1.html"  # Latin-1 / windows-1256 bytes
    ident = path_id(name)
    ident.encode("utf-8")  # never raises
    assert ident == "/tmp/caf\\xe9-\\xc7\\xe1\\xce\\xc8\\xd1.html"
    assert path_id("/tmp/خبر.html") == "/tmp/خبر.html"


def test_result_holds_exactly_one_outcome() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Result("x")


def _every_error() -> list[ExtractError]:
    made: list[ExtractError] = []
    for name in errors.__all__:
        cls = getattr(errors, name)
        if cls is NotAnArticle:
            made.append(NotAnArticle("a listing page", reason="listing"))
        elif cls is InvalidArticle:
            made.append(InvalidArticle("bad", errors=[{"loc": ["title"], "msg": "empty"}]))
        else:
            made.append(cls(f"{name} message"))
    return made


@pytest.mark.parametrize("error", _every_error(), ids=lambda e: type(e).__name__)
def test_every_error_pickles(error: ExtractError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert copy.message == error.message
    assert copy.args == error.args
    assert vars(copy) == vars(error)
    assert copy.to_dict() == error.to_dict()


def test_every_error_class_is_covered() -> None:
    covered = {type(e) for e in _every_error()}
    assert covered >= {
        ExtractError,
        InputError,
        EmptyInput,
        BinaryInput,
        InputTooLarge,
        UnsupportedSource,
        NotAnArticle,
        InvalidArticle,
        ExtractTimeout,
        InternalError,
    }


def test_extract_article_and_results_pickle() -> None:
    assert pickle.loads(pickle.dumps(extract)) is extract
    article = extract(FIXTURES / "seed-maghreb" / "input.txt")
    assert pickle.loads(pickle.dumps(article)) == article
    assert isinstance(pickle.loads(pickle.dumps(article)), Article)
    ok = Result("a", article=article)
    bad = Result("b", error=NotAnArticle("menu", reason="no_body"))
    assert pickle.loads(pickle.dumps(ok)) == ok
    copy = pickle.loads(pickle.dumps(bad))
    assert copy.input == "b"
    assert copy.to_record() == bad.to_record()
    payload = Input(
        "w#0", HttpPayload("https://e.com/", b"<p>x</p>", {"Content-Type": "text/html"})
    )
    assert pickle.loads(pickle.dumps(payload)) == payload
    assert pickle.loads(pickle.dumps(Options(boilerplate=frozenset({"x"})))).boilerplate == {"x"}


def test_records_name_the_input_and_status() -> None:
    ok, bad = extract_many([FIXTURES / "seed-maghreb" / "input.txt", b""], workers=1)
    record = ok.to_record()
    assert list(record)[:3] == ["input", "status", "title"]
    assert record["status"] == "ok"
    assert record["body"]
    assert bad.to_record() == {
        "input": "1",
        "status": "error",
        "error": "empty_input",
        "reason": None,
        "message": "the input is empty",
    }
    listing = Result("x", error=NotAnArticle("a listing", reason="listing")).to_record()
    assert listing["reason"] == "listing"
