"""article_extract.dask on a real dask.distributed LocalCluster: a folder and a WARC."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from dask.distributed import Client, LocalCluster

from article_extract import Result
from article_extract.dask import extract_bag, read_paths, read_warc

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-maghreb" / "input.txt"
HTML = FIXTURES / "ar-alyaum-sa-2020" / "input.html"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def test_a_folder_of_pages(client: Client, tmp_path: Path) -> None:
    for n in range(6):
        shutil.copy(SEED if n % 2 else HTML, tmp_path / f"page-{n}.{'txt' if n % 2 else 'html'}")
    (tmp_path / "empty.txt").write_bytes(b"")
    bag = read_paths(tmp_path, partition_size=2)
    assert bag.npartitions == 4
    results: list[Result] = extract_bag(bag).compute()
    assert [Path(r.input).name for r in results] == sorted(p.name for p in tmp_path.iterdir())
    assert [r.status for r in results].count("ok") == 6
    (empty,) = (r for r in results if not r.ok)
    assert empty.error is not None
    assert empty.error.code == "empty_input"
    records = extract_bag(bag).map(Result.to_record).pluck("status").frequencies().compute()
    assert dict(records) == {"ok": 6, "error": 1}
    workers = client.run(lambda: 1)  # both workers exist
    assert len(workers) == 2


def test_a_warc_read_in_the_workers(client: Client, tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archives = []
    for n in range(2):
        archive = tmp_path / f"crawl-{n}.warc.gz"
        with archive.open("wb") as handle:
            writer = WARCWriter(handle, gzip=True)
            for k, (body, kind) in enumerate(
                [
                    (HTML.read_bytes(), "text/html"),
                    (SEED.read_bytes(), "text/plain"),
                    (b"", "text/html"),
                ]
            ):
                http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    f"https://e.com/{n}/{k}",
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": "2022-02-01T00:00:00Z"},
                )
                writer.write_record(record)
        archives.append(archive)
    bag = read_warc(archives)
    assert bag.npartitions == 2
    results: list[Result] = extract_bag(bag).compute()
    assert len(results) == 6
    assert [r.status for r in results] == ["ok", "ok", "error"] * 2
    urls = [r.article.url for r in results if r.article is not None]
    assert urls == [
        "https://e.com/0/0",
        "https://e.com/0/1",
        "https://e.com/1/0",
        "https://e.com/1/1",
    ]
    assert all(r.input.startswith(str(tmp_path)) and "#" in r.input for r in results)
