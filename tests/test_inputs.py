"""Every source kind ``extract()`` accepts, built offline: str, bytes, paths, lxml and bs4 trees,
Scrapy and requests responses (declared, undeclared and mis-declared charsets); ``url=`` and
relative links; the caller's mistakes (a path or URL passed as a str) and non-pages named."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
import requests
from bs4 import BeautifulSoup
from scrapy.http import HtmlResponse, TextResponse

from article_extract import Article, NotAnArticle, extract
from article_extract._inputs import content_type_charset, read_source
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


# A str that is only a file path or a URL: the caller's mistake, named with what to do instead.
PATHS = [
    "/path/page.html",
    "/var/crawl/2020/12/25/page",
    "C:\\x\\page.html",
    "C:/crawl/page.htm",
    "\\\\server\\share\\page.html",
    "page.html",
    "./pages/1.txt",
    "~/crawl/page.warc.gz",
    "/home/me/My Pages/page.html",
    "/path/page.html\n",  # a line read from a list of files
    "file:///var/crawl/page.html",
]
URLS = ["https://example.com/news/1", "http://x.test", "www.example.com/a", " HTTPS://X.TEST/a \n"]


@pytest.mark.parametrize("source", PATHS)
def test_a_str_that_is_a_path_says_pass_a_path(source: str) -> None:
    with pytest.raises(UnsupportedSource, match=r"a str is page content: pass pathlib\.Path\("):
        extract(source)


@pytest.mark.parametrize("source", URLS)
def test_a_str_that_is_a_url_says_fetch_it_first(source: str) -> None:
    with pytest.raises(UnsupportedSource, match="fetch the URL first and pass the response"):
        extract(source)


@pytest.mark.parametrize(
    "source",
    [
        "/ الرئيسية / أخبار / رياضة",  # a breadcrumb line, not a path
        "خبر عاجل: https://example.com/news/1",
        "Read more at www.example.com today",
        "3/4 of the page.html files",
        BODY,
    ],
)
def test_one_line_texts_are_content(source: str) -> None:
    with pytest.raises(NotAnArticle):  # one line is no article, but it is content
        extract(source)


# The served page: a real Arabic article re-encoded in windows-1256, without its <meta charset>.
ARTICLE_DIR = Path(__file__).parent / "fixtures" / "ar-almadenahnews-jo-2020"
ARTICLE_TITLE = json.loads((ARTICLE_DIR / "expected.json").read_text("utf-8"))["title"]
ARTICLE_URL = "https://www.almadenahnews.com/article/123-x"


def _served(charset_in_page: str | None = None) -> bytes:
    page = (ARTICLE_DIR / "input.html").read_text("utf-8")
    page = re.sub(r"<meta[^>]*charset[^>]*>", "", page, flags=re.IGNORECASE)
    if charset_in_page:
        page = page.replace("<head>", f'<head><meta charset="{charset_in_page}">', 1)
    return page.encode("cp1256", errors="xmlcharrefreplace")


UTF8_BODY = (ARTICLE_DIR / "input.html").read_bytes()
# (id, bytes, Content-Type header, the encoding we must report)
SERVED = [
    ("declared-in-header", _served(), "text/html; charset=windows-1256", "windows-1256"),
    ("declared-cp1256-label", _served(), "text/html;charset=CP1256", "windows-1256"),
    ("declared-in-page", _served("windows-1256"), "text/html", "windows-1256"),
    ("undeclared", _served(), "text/html", "windows-1256"),
    ("no-content-type", _served(), None, "windows-1256"),
    ("header-lies-utf8", _served(), "text/html; charset=utf-8", "windows-1256"),
    ("header-lies-latin1", UTF8_BODY, "text/html; charset=ISO-8859-1", "UTF-8"),
    ("header-lies-cp1256", UTF8_BODY, "text/html; charset=windows-1256", "UTF-8"),
]


def _check_served(article: Article, encoding: str) -> None:
    assert article.title == ARTICLE_TITLE
    assert article.encoding == encoding
    assert article.url == ARTICLE_URL


def _scrapy(body: bytes, content_type: str | None) -> HtmlResponse:
    headers = {"Content-Type": content_type} if content_type else {}
    return HtmlResponse(url=ARTICLE_URL, body=body, headers=headers)


def _requests(body: bytes, content_type: str | None) -> requests.Response:
    response = requests.Response()
    response.status_code = 200
    response.url = ARTICLE_URL
    response._content = body
    if content_type:
        response.headers["Content-Type"] = content_type
    # What requests itself does: ISO-8859-1 for any text/* without a charset.
    response.encoding = requests.utils.get_encoding_from_headers(response.headers)
    return response


@pytest.mark.parametrize(
    ("body", "content_type", "encoding"),
    [case[1:] for case in SERVED],
    ids=[case[0] for case in SERVED],
)
def test_scrapy_responses_are_decoded_by_us(
    body: bytes, content_type: str | None, encoding: str
) -> None:
    _check_served(extract(_scrapy(body, content_type)), encoding)
    text_response = TextResponse(
        url=ARTICLE_URL, body=body, headers={"Content-Type": content_type or "text/html"}
    )
    _check_served(extract(text_response), encoding)


@pytest.mark.parametrize(
    ("body", "content_type", "encoding"),
    [case[1:] for case in SERVED],
    ids=[case[0] for case in SERVED],
)
def test_requests_responses_are_decoded_by_us(
    body: bytes, content_type: str | None, encoding: str
) -> None:
    _check_served(extract(_requests(body, content_type)), encoding)


def test_the_frameworks_guesses_would_be_mojibake() -> None:
    # What this module guards against: without a declared charset, Scrapy guesses (mac-latin2
    # for this page) and requests says ISO-8859-1; reading their .text loses the headline.
    undeclared = _served()
    assert ARTICLE_TITLE not in _scrapy(undeclared, "text/html").text
    assert ARTICLE_TITLE not in _requests(undeclared, "text/html").text


def test_an_invalid_response_url_is_ignored(caplog: pytest.LogCaptureFixture) -> None:
    response = _scrapy(_served(), "text/html; charset=windows-1256")
    broken = requests.Response()
    broken._content = response.body
    broken.url = "http://[::1"
    # As if the response had no URL: the page's own canonical URL is the article's.
    assert extract(broken).model_dump() == extract(response.body).model_dump()
    assert "ignoring response.url 'http://[::1'" in caplog.text
    assert extract(response, url="\x00").url == ARTICLE_URL  # an ignored url= leaves the response's


@pytest.mark.parametrize(
    ("value", "charset"),
    [
        ("text/html; charset=windows-1256", "windows-1256"),
        ('text/html; Charset="UTF-8"', "UTF-8"),
        ("text/html; boundary=x; charset = cp1256 ", "windows-1256"),
        ("text/html; charset=", None),
        ("text/html; charset=x-unknown", None),
        ("text/html", None),
        ("charset=utf-8", None),  # no media type: the first part is not a parameter
        (None, None),
    ],
)
def test_content_type_charset(value: str | None, charset: str | None) -> None:
    assert content_type_charset(value) == charset


def test_a_response_with_text_only() -> None:
    class Fetched:
        url = URL
        text = _html()

    _check(URL, extract(Fetched()))


@pytest.mark.parametrize("kind", ["str", "bytes", "path"])
def test_non_pages_are_refused_whatever_the_form(kind: str, tmp_path: Path) -> None:
    css = "body{margin:0;padding:0}\n.entry-content p{font-size:18px;line-height:1.8}\n"
    source: object = {"str": css, "bytes": css.encode(), "path": tmp_path / "x.html"}[kind]
    (tmp_path / "x.html").write_text(css)  # the name says HTML; the content decides
    with pytest.raises(NotAnArticle, match="CSS stylesheet") as caught:
        extract(source)
    assert caught.value.reason == "not_a_page"
