"""The article-extract command: inputs, records, formats, resume, exit status."""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import pytest

from article_extract import EmptyInput, Result, extract_many
from article_extract._batch.writers import Encoder, record_fields
from article_extract.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-maghreb" / "input.txt"
SEED_TEXT = SEED.read_text("utf-8")
# The seed with its printed date replaced by a relative one: only a crawl time resolves it.
RELATIVE = SEED_TEXT.replace("الخميس 06 يناير 2022", "منذ 3 ساعات")
HTML = FIXTURES / "ar-alyaum-sa-2020" / "input.html"
LISTING = FIXTURES / "nonarticle-tag-listing" / "input.html"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out = capsys.readouterr()
    return status, out.out, out.err


def records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder of pages: dumps and HTML, a sub-folder, a hidden file, an empty page."""
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    (root / "seed.txt").write_text(SEED_TEXT, "utf-8")
    (root / "sub" / "alyaum.html").write_bytes(HTML.read_bytes())
    (root / "sub" / "listing.html").write_bytes(LISTING.read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / ".hidden.txt").write_text(SEED_TEXT, "utf-8")
    return root


def test_example_prints_the_reference_article(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--example"], capsys)
    assert status == 0
    (record,) = records(out)
    assert record["input"].endswith("seed-maghreb.txt")
    assert record["status"] == "ok"
    assert record["title"].startswith("احتجاجات كازاخستان")
    assert record["published"].startswith("2022-01-06")
    assert record["source"] == "بي بي سي"
    assert "كازاخستان" in out  # Arabic is written unescaped


def test_errors_are_records_and_exit_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    missing = tmp_path / "missing.html"
    status, out, err = run(["--example", str(empty), str(missing)], capsys)
    assert status == 1
    got = records(out)
    assert [r["status"] for r in got] == ["ok", "error", "error"]
    assert got[1] == {
        "input": str(empty),
        "status": "error",
        "error": "empty_input",
        "reason": None,
        "message": "the input is empty",
    }
    assert got[2]["error"] == "unsupported_source"
    assert got[2]["input"] == str(missing)
    assert "3 inputs: 1 ok, 2 errors" in err
    assert "empty_input 1" in err
    assert "unsupported_source 1" in err


def test_not_an_article_carries_its_reason(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run([str(LISTING)], capsys)
    (record,) = records(out)
    assert status == 1
    assert record["error"] == "not_an_article"
    assert record["reason"]


def test_no_input_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run([], capsys)
    assert status == 2
    assert "give at least one INPUT" in err


def test_folders_are_walked_recursively_in_order(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run([str(tree), "--workers", "2"], capsys)
    got = records(out)
    assert [r["input"] for r in got] == [
        str(tree / "empty.txt"),
        str(tree / "seed.txt"),
        str(tree / "sub" / "alyaum.html"),
        str(tree / "sub" / "listing.html"),
    ]  # sorted, hidden file skipped
    assert [r["status"] for r in got] == ["error", "ok", "ok", "error"]
    assert status == 1


def test_glob_filters_folder_files(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _status, out, _ = run([str(tree), "--glob", "*.html", "--glob", "seed*"], capsys)
    names = [Path(r["input"]).name for r in records(out)]
    assert names == ["seed.txt", "alyaum.html", "listing.html"]


def test_the_output_file_is_not_read_back(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tree / "out.jsonl"
    run([str(tree), "-o", str(out_file), "-q"], capsys)
    first = records(out_file.read_text("utf-8"))
    run([str(tree), "-o", str(out_file), "-q"], capsys)  # out.jsonl now exists in the folder
    assert records(out_file.read_text("utf-8")) == first
    assert len(first) == 4


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_dash_reads_one_page_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, SEED.read_bytes())
    status, out, _ = run(["-", "--url", "https://example.com/2022/01/06/k"], capsys)
    (record,) = records(out)
    assert status == 0
    assert record["input"] == "-"
    assert record["url"] == "https://example.com/2022/01/06/k"


def test_files_from_a_list_and_from_stdin(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tree.parent / "list.txt"
    listing.write_text(f"{tree / 'seed.txt'}\n\n{tree / 'sub'}\n", "utf-8")
    _, out, _ = run(["--files-from", str(listing)], capsys)
    names = [Path(r["input"]).name for r in records(out)]
    assert names == ["seed.txt", "alyaum.html", "listing.html"]
    _stdin(monkeypatch, f"{tree / 'seed.txt'}\n".encode())
    _, out, _ = run(["--files-from", "-"], capsys)
    assert [r["input"] for r in records(out)] == [str(tree / "seed.txt")]


def test_url_with_several_inputs_is_a_usage_error(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        [str(SEED), str(HTML), "--url", "https://e.com/a"],
        [str(tree), "--url", "https://e.com/a"],
        ["--example", str(SEED), "--url", "https://e.com/a"],
    ):
        status, out, err = run(argv, capsys)
        assert status == 2, argv
        assert out == ""
        assert "single input" in err


@pytest.mark.parametrize(
    ("name", "refused"),
    [
        ("crawl.warc", True),
        ("crawl.warc.gz", True),
        ("pages.jsonl", True),
        ("pages.JSONL.GZ", True),
        ("pages.ndjson", True),
        ("page.html", False),
        ("page.txt", False),
    ],
)
def test_url_needs_a_file_of_one_page(
    tmp_path: Path, name: str, refused: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    # A WARC or JSON Lines file holds many pages (the reader's own suffixes): one URL cannot
    # be theirs. A page file of any other name takes it.
    single = tmp_path / name
    single.write_bytes(HTML.read_bytes())
    status, out, err = run([str(single), "--url", "https://e.com/a"], capsys)
    if refused:
        assert (status, out) == (2, "")
        assert "single input" in err
    else:
        (record,) = records(out)
        assert record["url"] == "https://e.com/a"


def test_jsonl_records_are_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "scraped.jsonl"
    lines = [
        json.dumps({"link": "https://e.com/a", "content": RELATIVE, "at": "2022-01-06T12:00:00"}),
        "",
        json.dumps({"link": "https://e.com/b", "body_html": HTML.read_text("utf-8")}),
        "{not json",
        json.dumps({"link": "https://e.com/c"}),
    ]
    data.write_text("\n".join(lines) + "\n", "utf-8")
    fields = "url=link,text=content,html=body_html,time=at"
    status, out, _ = run([str(data), "--jsonl-fields", fields], capsys)
    got = records(out)
    assert [r["input"] for r in got] == [f"{data}#{n}" for n in (1, 3, 4, 5)]
    assert [r["status"] for r in got] == ["ok", "ok", "error", "error"]
    assert got[0]["url"] == "https://e.com/a"
    assert got[0]["published"] == "2022-01-06T09:00:00"  # "منذ 3 ساعات" before the crawl time
    assert got[1]["url"] == "https://e.com/b"
    assert got[2]["error"] == got[3]["error"] == "unsupported_source"
    assert status == 1


def _warc(path: Path, pages: list[tuple[str, bytes, str]], *, date: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for url, body, content_type in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)
        metadata = writer.create_warc_record(
            "https://e.com/a",
            "metadata",
            payload=io.BytesIO(b"via: a crawler"),
            warc_content_type="text/plain",
        )
        writer.write_record(metadata)


WARC_PAGES = [
    ("https://e.com/a", RELATIVE.encode("utf-8"), "text/plain; charset=utf-8"),
    ("https://e.com/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
    ("https://e.com/b", HTML.read_bytes(), "text/html"),
    ("https://e.com/c", b"", "text/html"),
]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_response_records_are_inputs(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / name
    _warc(archive, WARC_PAGES, date="2022-01-06T12:00:00Z")
    status, out, _ = run([str(archive), "--workers", "2"], capsys)
    got = records(out)
    assert [r.get("url") for r in got[:2]] == ["https://e.com/a", "https://e.com/b"]
    assert len(got) == 3  # the image and the metadata record are not pages
    assert all(r["input"].startswith(f"{archive}#") for r in got)
    offsets = [int(r["input"].rsplit("#", 1)[1]) for r in got]
    assert offsets[0] == 0
    assert offsets == sorted(set(offsets))
    assert got[0]["published"] == "2022-01-06T09:00:00Z"  # WARC-Date is the crawl time
    assert got[2]["error"] == "empty_input"
    assert status == 1


def test_a_truncated_warc_is_recorded_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "cut.warc.gz"
    _warc(archive, WARC_PAGES[:3], date="2022-01-06T12:00:00Z")
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) - 2000])
    status, out, _ = run([str(archive), str(SEED)], capsys)
    got = records(out)
    assert got[0]["url"] == "https://e.com/a"
    assert got[-2]["error"] == "input_error"
    assert "truncated" in got[-2]["message"]
    assert got[-1]["input"] == str(SEED)
    assert got[-1]["status"] == "ok"
    assert status == 1


def test_warc_without_the_extra_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "crawl.warc.gz"
    _warc(archive, WARC_PAGES[:1], date="2022-01-06T12:00:00Z")
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)  # import fails
    status, out, err = run([str(archive)], capsys)
    assert status == 2
    assert out == ""
    assert "pip install 'article-extract[warc]'" in err


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_manifest_gives_url_and_crawl_time(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(RELATIVE, "utf-8")
    rows = [
        {"path": "pages/a.txt", "url": "https://e.com/a", "crawled_at": "2022-01-06T12:00:00"},
        {"path": "pages/missing.txt", "url": "", "crawled_at": ""},
        {"path": "pages/a.txt", "url": "", "crawled_at": "yesterday"},
    ]
    manifest = tmp_path / f"manifest.{kind}"
    if kind == "csv":
        with manifest.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, ["path", "url", "crawled_at"])
            writer.writeheader()
            writer.writerows(rows)
    else:
        manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    status, out, _ = run(["--manifest", str(manifest)], capsys)
    got = records(out)
    assert got[0]["input"] == str(tmp_path / "pages" / "a.txt")
    assert got[0]["url"] == "https://e.com/a"
    assert got[0]["published"] == "2022-01-06T09:00:00"
    assert got[1]["error"] == "unsupported_source"
    assert got[2]["error"] == "unsupported_source"
    assert "ISO 8601" in got[2]["message"]
    assert status == 1


def test_json_csv_parquet_and_fields(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tree.parent
    assert run([str(tree), "--format", "json", "-o", str(out_dir / "a.json"), "-q"], capsys)[0] == 1
    array = json.loads((out_dir / "a.json").read_text("utf-8"))
    assert [r["status"] for r in array] == ["error", "ok", "ok", "error"]
    assert not list(out_dir.glob(".*.partial"))  # the temporary file was renamed

    run([str(tree), "--format", "csv", "-o", str(out_dir / "a.csv"), "-q"], capsys)
    with (out_dir / "a.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["status"] for r in rows] == ["error", "ok", "ok", "error"]
    assert "blocks" not in rows[0]
    assert rows[1]["body"] == array[1]["body"]
    assert rows[0]["error"] == "empty_input"
    assert rows[1]["error"] == ""
    assert rows[2]["authors"] == "; ".join(array[2]["authors"])

    import pyarrow.parquet as pq

    run([str(tree), "--format", "parquet", "-o", str(out_dir / "a.parquet"), "-q"], capsys)
    table = pq.read_table(out_dir / "a.parquet").to_pylist()
    assert [r["input"] for r in table] == [r["input"] for r in array]
    assert table[1]["blocks"] == array[1]["blocks"]
    assert table[1]["title"] == array[1]["title"]

    _, out, _ = run([str(tree), "--fields", "title,blocks", "-q"], capsys)
    got = records(out)
    assert list(got[1]) == ["input", "status", "title", "blocks"]
    assert list(got[0]) == ["input", "status", "error", "reason", "message"]

    status, _, err = run([str(tree), "--fields", "title,nope"], capsys)
    assert status == 2
    assert "nope" in err
    status, _, err = run([str(tree), "--format", "parquet"], capsys)
    assert status == 2
    assert "-o" in err


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "markdown", "text", "parquet"])
def test_workers_encode_the_same_records_as_one_process(
    tree: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """With two workers each record is encoded in the worker that extracted the page; with
    one, in this process: the output is the same, byte for byte."""
    outputs = []
    for workers in ("1", "2"):
        out = tree.parent / f"out-{workers}.{fmt}"
        status, _, _ = run(
            [str(tree), "--format", fmt, "--workers", workers, "-o", str(out)], capsys
        )
        assert status == 1  # the empty page and the listing are errors
        if fmt == "parquet":
            import pyarrow.parquet as pq

            outputs.append(pq.read_table(out).to_pylist())
        else:
            outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 100 if fmt != "parquet" else len(outputs[0]) == 4


def test_an_encoded_record_is_what_the_output_holds() -> None:
    (result,) = extract_many([SEED], workers=1)
    encoded = Encoder("jsonl", record_fields("jsonl", None))(result)
    assert pickle.loads(pickle.dumps(encoded)) == encoded  # it crosses from a worker
    assert (encoded.input, encoded.error, encoded.message) == (str(SEED), None, None)
    assert isinstance(encoded.data, bytes)
    assert encoded.data.endswith(b"\n")
    assert json.loads(encoded.data) == result.to_record()
    empty = Result("x.txt", error=EmptyInput("the input is empty"))
    row = Encoder("parquet", record_fields("parquet", ("title",)))(empty)
    assert (row.error, row.message) == ("empty_input", "the input is empty")
    assert row.data == {"input": "x.txt", "status": "error", "title": None} | {
        "error": "empty_input",
        "reason": None,
        "message": "the input is empty",
    }


def test_on_error_skip_and_fail(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run([str(tree), "--on-error", "skip", "-q"], capsys)
    assert status == 1
    assert [r["status"] for r in records(out)] == ["ok", "ok"]
    status, out, _ = run([str(tree), "--on-error", "fail", "-q", "--workers", "1"], capsys)
    assert status == 1
    assert [r["status"] for r in records(out)] == ["error"]


def test_default_tz_makes_dates_aware(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["--example", "--default-tz", "Africa/Casablanca", "-q"], capsys)
    assert records(out)[0]["published"] == "2022-01-06T00:00:00+01:00"
    _, out, _ = run(["--example", "--default-tz", "+03:00", "-q"], capsys)
    assert records(out)[0]["published"] == "2022-01-06T00:00:00+03:00"
    status, _, err = run(["--example", "--default-tz", "Mars/Base"], capsys)
    assert status == 2
    assert "Mars/Base" in err


def test_resume_cuts_a_partial_record_and_does_the_rest(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tree.parent / "out.jsonl"
    run([str(tree), "-o", str(out_file), "-q"], capsys)
    full = out_file.read_text("utf-8").splitlines(keepends=True)
    # A crash after two records, in the middle of writing the third.
    out_file.write_text("".join(full[:2]) + full[2][:40], "utf-8")
    status, _, err = run([str(tree), "-o", str(out_file), "--resume"], capsys)
    assert out_file.read_text("utf-8").splitlines(keepends=True) == full
    assert "2 inputs were already in the output" in err
    assert status == 1
    status, _, err = run([str(tree), "-o", str(out_file), "--resume"], capsys)
    assert out_file.read_text("utf-8").splitlines(keepends=True) == full  # nothing left to do


def test_resume_csv(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tree.parent / "out.csv"
    run([str(tree), "--format", "csv", "-o", str(out_file), "-q"], capsys)
    full = out_file.read_bytes()
    rows = full.split(b"\r\n")
    out_file.write_bytes(b"\r\n".join(rows[:3]) + b"\r\n" + rows[3][:30])  # header, 2 rows, half
    run([str(tree), "--format", "csv", "-o", str(out_file), "--resume", "-q"], capsys)
    assert out_file.read_bytes() == full
    status, _, err = run(
        [str(tree), "--format", "csv", "--fields", "title", "-o", str(out_file), "--resume"],
        capsys,
    )
    assert status == 2
    assert "other columns" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--resume"],
        ["--resume", "-o", "x.json", "--format", "json"],
        ["--resume", "-o", "x.jsonl", "--indent", "2"],
        ["--workers", "0"],
        ["--timeout", "0"],
        ["-", "-"],
        ["-o", "/nonexistent-folder/out.jsonl"],
    ],
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run([str(SEED), *argv], capsys)
    assert status == 2
    assert out == ""
    assert "error:" in err


def test_stats_file(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stats = tree.parent / "stats.json"
    run([str(tree), "--stats", str(stats), "-q", "--workers", "2"], capsys)
    data = json.loads(stats.read_text("utf-8"))
    assert data["inputs"] == 4
    assert data["ok"] == 2
    assert data["error_codes"] == {"empty_input": 1, "not_an_article": 1}
    assert len(data["worker_peak_mib"]) == 2
    assert data["parent_peak_mib"] > 0


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--help"], capsys)
    assert status == 0
    for line in ("0    every input", "1    some inputs failed", "2    usage error"):
        assert line in out


def test_non_utf8_file_names_give_valid_utf8_ids(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    if sys.platform == "darwin":  # pragma: no cover - macOS file systems refuse such names
        pytest.skip("the file system only stores UTF-8 names")
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9-\xc7\xe1\xce\xc8\xd1.txt"), "wb") as handle:
        handle.write(SEED.read_bytes())
    main([str(tmp_path), "-q"])
    out = capsysbinary.readouterr().out
    record = json.loads(out.decode("utf-8"))  # strict UTF-8
    assert record["input"] == f"{tmp_path}/caf\\xe9-\\xc7\\xe1\\xce\\xc8\\xd1.txt"
    assert record["status"] == "ok"


def test_markdown_and_text_formats_write_the_articles(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format markdown/text only call Article.to_markdown()/to_text(): the documents read
    back to the same articles, and pages that are not articles are one error line."""
    from article_extract import extract

    _, out, _ = run([str(tree), "-q"], capsys)
    articles = [r for r in records(out) if r["status"] == "ok"]
    status, markdown, _ = run([str(tree), "--format", "markdown", "-q"], capsys)
    assert status == 1
    errors = [line for line in markdown.splitlines() if line.startswith("<!-- error: ")]
    assert len(errors) == 2
    assert any("empty_input" in line for line in errors)
    documents = ["---\ntitle: " + part for part in markdown.split("---\ntitle: ")[1:]]
    assert len(documents) == len(articles) == 2
    for document, record in zip(documents, articles, strict=True):
        document = "\n".join(x for x in document.splitlines() if not x.startswith("<!-- "))
        again = extract(document)
        assert (again.title, again.body) == (record["title"], record["body"])
    out_file = tree.parent / "articles.md"
    run([str(tree), "--format", "markdown", "-o", str(out_file), "-q"], capsys)
    assert out_file.read_text("utf-8") == markdown

    status, text, _ = run([str(tree), "--format", "text", "-q"], capsys)
    assert status == 1
    assert text.startswith("error: ")
    assert all(f"{r['title']}\n\n{r['body']}" in text for r in articles)
    assert "---" not in text
    status, _, err = run([str(tree), "--format", "text", "--fields", "title"], capsys)
    assert status == 2
    assert "--fields" in err
