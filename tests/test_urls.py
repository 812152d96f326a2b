"""URLs (``_urls``): the one canonical form, the same whatever the input form, and a caller's
bad ``url=`` ignored with a warning — never an error, never a changed verdict."""

from __future__ import annotations

import logging
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from bs4 import BeautifulSoup

from article_extract import Article, ExtractError, extract
from article_extract._urls import caller_url, normalize_url, url_date_text

FIXTURES = Path(__file__).parent / "fixtures"
ALYAUM = FIXTURES / "ar-alyaum-sa-2020" / "input.html"  # raw Arabic in its canonical URL
ARABIC_PATH = (
    "/articles/6291787/%D8%A7%D9%84%D9%82%D8%A7%D8%B1%D8%A7%D8%AA-%D8%A7%D9%84%D8%B3%D8%A8%D8%B9"
)

NORMALISED = [
    ("https://example.com/a/b?c=d#e", "https://example.com/a/b?c=d#e"),
    ("HTTPS://Example.COM:443/a", "https://example.com/a"),
    ("http://example.com:80", "http://example.com/"),
    ("http://example.com:8080/", "http://example.com:8080/"),
    (
        "https://www.alyaum.com/articles/6291787/القارات-السبع",
        "https://www.alyaum.com" + ARABIC_PATH,
    ),
    ("https://www.alyaum.com" + ARABIC_PATH.lower(), "https://www.alyaum.com" + ARABIC_PATH),
    ("https://x.test/a b?q=أ b#c d", "https://x.test/a%20b?q=%D8%A3%20b#c%20d"),
    ("https://x.test/%7Euser/%41", "https://x.test/~user/A"),  # unreserved escapes decoded
    ("https://x.test/a%2Fb%3F", "https://x.test/a%2Fb%3F"),  # reserved escapes kept
    ("https://x.test/%C7%E1%DA%D1%C8", "https://x.test/%C7%E1%DA%D1%C8"),  # windows-1256 bytes
    ("https://x.test/100%", "https://x.test/100%25"),
    ('https://x.test/a|b[c]{d}"<>^`\\', "https://x.test/a%7Cb%5Bc%5D%7Bd%7D%22%3C%3E%5E%60%5C"),
    ("  https://x.test/a\n/b\t ", "https://x.test/a/b"),
    ("http://موقع.مصر/خبر", "http://xn--4gbrim.xn--wgbh1c/%D8%AE%D8%A8%D8%B1"),
    ("http://[::1]:8080/x", "http://[::1]:8080/x"),
    ("http://[0:0:0:0:0:0:0:1]/", "http://[::1]/"),
    ("https://user:pw@x.test/", "https://user:pw@x.test/"),
    ("//cdn.x.test/img.jpg", "https://cdn.x.test/img.jpg"),
]


@pytest.mark.parametrize(("value", "expected"), NORMALISED)
def test_normal_form(value: str, expected: str) -> None:
    assert normalize_url(value) == expected
    assert normalize_url(expected) == expected  # idempotent


NOT_URLS = [
    "http://[::1",
    "http://[::1]x/",
    "http://[nope]/",
    "\x00",
    "http://x.test/a\x00b",
    "http://x.test/\ud800",
    "javascript:alert(1)",
    "data:text/html,<p>x</p>",
    "ftp://x.test/a",
    "mailto:a@x.test",
    "/relative/path",
    "page.html",
    "x",
    "",
    "   ",
    "http://",
    "http:///path",
    "http://a b.test/",
    "http://x.test:99999/",
    "http://x.test:8o/",
    "https://%zz.test/",
    "http://" + "a" * 40_000 + ".test/",
    None,
    42,
    b"https://x.test/",
]


@pytest.mark.parametrize("value", NOT_URLS, ids=[repr(v)[:30] for v in NOT_URLS])
def test_not_urls(value: object) -> None:
    assert normalize_url(value) is None


def test_relative_urls_resolve_against_a_base() -> None:
    base = "https://x.test/news/2020/1.html"
    assert normalize_url("img/a.jpg", base) == "https://x.test/news/2020/img/a.jpg"
    assert normalize_url("/img/أ.jpg", base) == "https://x.test/img/%D8%A3.jpg"
    assert normalize_url("//cdn.test/a", "http://x.test/") == "http://cdn.test/a"
    assert normalize_url("javascript:void(0)", base) is None
    assert normalize_url("a", "http://[::1") is None  # a broken base is not an error


def test_url_date_text_tolerates_broken_urls() -> None:
    assert url_date_text("https://x.test/news/2020/12/25/a") == "2020-12-25"
    assert url_date_text("http://[::1/2020/12/25/") is None


def test_caller_url_warns_and_ignores(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="article_extract"):
        assert caller_url("http://[::1", "url=") is None
        assert caller_url(None, "url=") is None
        assert caller_url("", "url=") is None
        assert caller_url("https://x.test/a", "url=") == "https://x.test/a"
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1
    assert "ignoring url=" in warnings[0]
    assert "http://[::1" in warnings[0]


def _outcome(source: object, **kwargs: object) -> str:
    """The JSON of the Article, or the error's code, reason and message."""
    try:
        article: Article = extract(source, **kwargs)  # type: ignore[arg-type]
    except ExtractError as error:
        return repr(error.to_dict())
    return article.model_dump_json()


BAD_CALLER_URLS = ["http://[::1", "\x00", "javascript:alert(1)", "/news/1", "page.html", 42, b"x"]


@pytest.mark.parametrize(
    "folder", ["ar-alyaum-sa-2020", "ar-cnnarabic-sy-2013", "dump-dumps-ar-akhbarelyom-eg-2020"]
)
@pytest.mark.parametrize("bad", BAD_CALLER_URLS, ids=[repr(v) for v in BAD_CALLER_URLS])
def test_a_bad_url_changes_nothing(folder: str, bad: object) -> None:
    (path,) = (FIXTURES / folder).glob("input.*")
    assert _outcome(path, url=bad) == _outcome(path)


def test_the_url_fields_do_not_depend_on_the_input_form() -> None:
    data = ALYAUM.read_bytes()
    text = data.decode("utf-8")
    forms: list[object] = [
        data,
        text,
        ALYAUM,
        lxml.html.document_fromstring(data),
        lxml.etree.HTML(data),  # an lxml.etree tree: serialised by libxml2, which escapes hrefs
        BeautifulSoup(text, "html.parser"),
    ]
    fields = {(a.url, a.canonical_url, a.image) for a in (extract(form) for form in forms)}
    assert len(fields) == 1
    (url, canonical, image) = fields.pop()
    assert url == canonical == "https://www.alyaum.com" + url.split("alyaum.com", 1)[1]
    assert url.isascii()
    assert "%D8%" in url
    assert image is not None
    assert image.startswith("https://www.alyaum.com/")


def test_the_callers_url_is_normalised() -> None:
    article = extract(ALYAUM, url="HTTPS://WWW.ALYAUM.COM:443/articles/6291787/القارات-السبع")
    assert article.url == "https://www.alyaum.com" + ARABIC_PATH
