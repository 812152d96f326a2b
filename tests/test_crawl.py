"""A real Scrapy crawl of a local HTTP server: ``extract(response)`` inside a spider reads the
bytes the server sent with our decoding cascade, taking only the declared charset and the URL
from the response — never Scrapy's guess (for the undeclared windows-1256 page below, Scrapy
guesses mac-latin2, and its ``response.text`` is mojibake).

The server (127.0.0.1 only) runs in a thread of this process; the crawl runs in a subprocess
(``scrapy runspider``), so the Twisted reactor never enters pytest.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ARTICLE_DIR = TESTS / "fixtures" / "ar-almadenahnews-jo-2020"
ARTICLE_TITLE = json.loads((ARTICLE_DIR / "expected.json").read_text("utf-8"))["title"]
UTF8_PAGE = (ARTICLE_DIR / "input.html").read_bytes()
# The same page in windows-1256, with its <meta charset> taken out: nothing declares it.
CP1256_PAGE = re.sub(
    r"<meta[^>]*charset[^>]*>", "", UTF8_PAGE.decode("utf-8"), flags=re.IGNORECASE
).encode("cp1256", errors="xmlcharrefreplace")
CSS = (TESTS / "fixtures" / "nonpage-css" / "input.css").read_bytes()

# path -> (Content-Type header, body)
ROUTES: dict[str, tuple[str, bytes]] = {
    "cp1256-undeclared": ("text/html", CP1256_PAGE),
    "cp1256-declared": ("text/html; charset=windows-1256", CP1256_PAGE),
    "cp1256-served-as-utf8": ("text/html; charset=utf-8", CP1256_PAGE),
    "utf8-served-as-latin1": ("text/html; charset=iso-8859-1", UTF8_PAGE),
    "style.css": ("text/css", CSS),
}
# The timeout only bounds a hung crawl; a crawl of five local pages takes a few seconds.
CRAWL_TIMEOUT_SECONDS = 120


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        content_type, body = ROUTES.get(self.path.lstrip("/"), ("text/plain", b"not found"))
        self.send_response(200 if self.path.lstrip("/") in ROUTES else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the test's output is the crawl's items, not an access log


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def crawled(server: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    out = tmp_path_factory.mktemp("crawl") / "items.jsonl"
    urls = ",".join(f"{server}/{path}" for path in ROUTES)
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "runspider", str(TESTS / "crawl_spider.py"),
         "-a", f"urls={urls}", "-O", str(out)],
        capture_output=True, text=True, timeout=CRAWL_TIMEOUT_SECONDS, cwd=TESTS,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    by_path = {item["path"]: item for item in items}
    assert set(by_path) == set(ROUTES), result.stderr[-3000:]
    return by_path


@pytest.mark.parametrize(
    ("path", "encoding"),
    [
        ("cp1256-undeclared", "windows-1256"),
        ("cp1256-declared", "windows-1256"),
        ("cp1256-served-as-utf8", "windows-1256"),
        ("utf8-served-as-latin1", "UTF-8"),
    ],
)
def test_crawled_pages_are_read_right(
    crawled: dict[str, dict[str, str]], server: str, path: str, encoding: str
) -> None:
    item = crawled[path]
    assert item.get("error") is None, item
    assert item["title"] == ARTICLE_TITLE
    assert item["encoding"] == encoding


def test_scrapys_own_guess_is_not_used(crawled: dict[str, dict[str, str]]) -> None:
    # The case this guards: Scrapy's inferred encoding for the undeclared page is not ours.
    item = crawled["cp1256-undeclared"]
    assert item["scrapy_encoding"] not in ("cp1256", "windows-1256")
    assert item["encoding"] == "windows-1256"


def test_a_crawled_stylesheet_is_not_a_page(crawled: dict[str, dict[str, str]]) -> None:
    item = crawled["style.css"]
    assert item["error"] == "not_an_article"
    assert item["reason"] == "not_a_page"
    assert "CSS stylesheet" in item["message"]
