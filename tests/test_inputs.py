"""Every source kind ``extract()`` accepts, built offline: str, bytes, paths, lxml and bs4 trees,
Scrapy and requests responses; ``url=`` and relative links."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
import requests
from bs4 import BeautifulSoup
from scrapy.http import HtmlResponse, TextResponse

from article_extract import extract
from article_extract._inputs import read_source
from article_extract.errors import EmptyInput, UnsupportedSource

BODY = (
    "أعلنت وزارة الصحة، اليوم الخميس، عن تسجيل إصابات جديدة بفيروس كورونا في عدد من المحافظات، "
    "وقالت إن الفرق الطبية تتابع الحالات عن كثب."
)
PAGE = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head>
<meta charset="{{charset}}"><title>الصحة تعلن إصابات جديدة - موقع الخبر</title>
<meta property="og:site_name" content="موقع الخبر">
<link rel="canonical" href="/news/2020/12/25/health">
<meta property="og:image" content="/img/photo.jpg">
</head><body><nav><a href="/">الرئيسية</a></nav><article>
<h1>الصحة تعلن إصابات جديدة</h1>
<div class="entry-content"><p>{BODY}</p><p>{BODY}</p></div></article></body></html>"""
URL = "https://example-news.test/news/2020/12/25/health?utm=x"


def _html(charset: str = "utf-8") -> str:
    return PAGE.replace("{charset}", charset)


def _check(article_url: str | None, article: object) -> None:
    assert article.title == "الصحة تعلن إصابات جديدة"
    assert BODY in article.body
    assert article.url == article_url


def test_str_and_bytes() -> None:
    _check(None, extract(_html()))
    _check(URL, extract(_html().encode("utf-8"), url=URL))
    article = extract(_html("windows-1256").encode("windows-1256"), url=URL)
    _check(URL, article)
    assert article.encoding == "windows-1256"


def test_path(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(_html("windows-1256").encode("windows-1256"))
    _check(URL, extract(path, url=URL))


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedSource):
        extract(tmp_path / "nope.html")


def test_relative_links_resolve_against_url() -> None:
    article = extract(_html(), url=URL)
    assert article.canonical_url == "https://example-news.test/news/2020/12/25/health"
    assert article.image == "https://example-news.test/img/photo.jpg"


def test_lxml_tree_is_not_modified() -> None:
    tree = lxml.html.document_fromstring(_html())
    before = lxml.html.tostring(tree)
    _check(URL, extract(tree, url=URL))
    assert lxml.html.tostring(tree) == before
    _check(URL, extract(tree.getroottree(), url=URL))


def test_beautifulsoup() -> None:
    soup = BeautifulSoup(_html(), "html.parser")
    _check(URL, extract(soup, url=URL))


def test_scrapy_html_response() -> None:
    response = HtmlResponse(
        url=URL,
        body=_html("windows-1256").encode("windows-1256"),
        headers={"Content-Type": "text/html; charset=windows-1256"},
    )
    _check(URL, extract(response))
    text_response = TextResponse(url=URL, body=_html().encode("utf-8"), encoding="utf-8")
    _check(URL, extract(text_response))


def test_requests_response() -> None:
    response = requests.Response()
    response.status_code = 200
    response.url = URL
    response._content = _html("windows-1256").encode("windows-1256")
    response.headers["Content-Type"] = "text/html; charset=windows-1256"
    response.encoding = "windows-1256"
    _check(URL, extract(response))


def test_explicit_url_overrides_the_response_url() -> None:
    response = HtmlResponse(url=URL, body=_html().encode("utf-8"))
    other = "https://mirror.test/a"
    assert extract(response, url=other).url == other


@pytest.mark.parametrize("source", [object(), 42.5, ["<p>x</p>"]])
def test_unknown_objects(source: object) -> None:
    with pytest.raises(UnsupportedSource):
        read_source(source, url=None, max_bytes=1000)


def test_empty_string() -> None:
    with pytest.raises(EmptyInput):
        extract("   ")
