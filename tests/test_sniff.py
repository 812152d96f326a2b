"""What a text is (``_sniff``): non-pages named by their content, and HTML told from text dumps.

Both sides of every rule are tested: a real page that embeds CSS/JS/JSON is still a page, and
a text dump that quotes a bit of code or a tag is still a dump.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from article_extract._decode import decode_bytes
from article_extract._sniff import detect_kind, sniff_non_page

FIXTURES = Path(__file__).parent / "fixtures"
HTML_PAGES = sorted(p for p in FIXTURES.glob("*/input.html") if "nonpage" not in p.parent.name)
DUMPS = sorted(p for p in FIXTURES.glob("*/input.txt") if "nonpage" not in p.parent.name)
NON_PAGES = sorted(
    p
    for p in FIXTURES.glob("nonpage-*/input.*")
    if json.loads((p.parent / "expected.json").read_text("utf-8")).get("reason") == "not_a_page"
)
ARTICLE = FIXTURES / "ar-almadenahnews-jo-2020" / "input.html"


def _text(path: Path) -> str:
    return decode_bytes(path.read_bytes()).text


@pytest.mark.parametrize("path", HTML_PAGES, ids=[p.parent.name for p in HTML_PAGES])
def test_real_pages_are_html(path: Path) -> None:
    # Every page embeds CSS, JS and most JSON-LD; none of that makes it a non-page.
    text = _text(path)
    assert sniff_non_page(text) is None
    assert detect_kind(text) == "html"


@pytest.mark.parametrize("path", DUMPS, ids=[p.parent.name for p in DUMPS])
def test_real_dumps_are_text(path: Path) -> None:
    text = _text(path)
    assert sniff_non_page(text) is None
    assert detect_kind(text) == "text"


def test_there_are_non_page_fixtures() -> None:
    assert len(NON_PAGES) >= 9  # binary and archive fixtures are refused while decoding


@pytest.mark.parametrize("path", NON_PAGES, ids=[p.parent.name for p in NON_PAGES])
def test_non_page_fixtures_are_named(path: Path) -> None:
    expected = json.loads((path.parent / "expected.json").read_text("utf-8"))
    found = sniff_non_page(_text(path))
    assert found is not None
    assert expected["names"] in found.what


def _inline(kind: str) -> list[str]:
    """The contents of a real page's inline <style>s or <script>s, each a file of its own."""
    page = _text(ARTICLE)
    pattern = rf"<{kind}[^>]*>(.*?)</{kind}>"
    return [m for m in re.findall(pattern, page, flags=re.S | re.I) if len(m.strip()) > 300]


def test_a_pages_own_stylesheets_and_scripts_are_non_pages() -> None:
    styles, scripts = _inline("style"), _inline("script")
    assert styles
    assert scripts
    for style in styles:
        found = sniff_non_page(style)
        assert found is not None, style[:80]
        assert found.what == "a CSS stylesheet"
    named = [sniff_non_page(script) for script in scripts]
    assert sum(1 for n in named if n is not None and n.what == "a JavaScript file") >= 0.7 * len(
        scripts
    )
    assert all(n is None or n.what == "a JavaScript file" for n in named)


NON_PAGE_TEXTS = [
    ("css-minified", "a{color:red}b{font-weight:bold;margin:0}", "CSS"),
    (
        "css-with-data-uri",
        '.i{background:url("data:image/svg+xml;charset=utf-8,%3Csvg%3E;x")}\n.j{color:#fff;top:0}',
        "CSS",
    ),
    (
        "css-at-rules",
        '@charset "utf-8";\n@import url(a.css);\n@media (max-width:600px){a{b:c;d:e}}',
        "CSS",
    ),
    (
        "js-iife",
        "/*! lib v1 | MIT */\n!function(e,t){var n=e.x;t(n)}(window,function(a){return a});",
        "JavaScript",
    ),
    (
        "js-module",
        "import { a } from './a.js';\nexport const b = a(1);\nexport default b;",
        "JavaScript",
    ),
    (
        "js-writing-a-document",
        "var t = '<html><body>' + x;\nfunction f(a) { return a + 1; }\nwindow.x = f(2);\n",
        "JavaScript",
    ),
    (
        "js-assignment",
        "googletag.cmd.push(function() {\n  googletag.display('ad-1');\n});",
        "JavaScript",
    ),
    (
        "json-object",
        '{\n  "id": "5f1c",\n  "title": "خبر",\n  "tags": ["a", "b"],\n  "n": -1.5e3\n}',
        "JSON data",
    ),
    ("json-array", '[{"id": 1}, {"id": 2}]', "JSON data"),
    ("json-lines", '{"id": 1, "t": "a"}\n{"id": 2, "t": "b"}\n', "JSON data"),
    ("json-deep", "[" * 50_000 + "]" * 50_000, "JSON data"),
    (
        "json-ld",
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"}',
        "schema.org NewsArticle",
    ),
    (
        "json-ld-graph",
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}]}',
        "schema.org WebSite",
    ),
    (
        "rss",
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>t</title></channel></rss>',
        "RSS feed",
    ),
    (
        "rss-with-stylesheet-pi",
        '<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?>\n<!-- c -->\n<rss></rss>',
        "RSS feed",
    ),
    (
        "atom",
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry/></feed>',
        "Atom feed",
    ),
    ("rdf", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>', "RDF"),
    (
        "sitemap",
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="x"><url><loc>https://a/</loc></url></urlset>',
        "XML sitemap",
    ),
    (
        "sitemap-index",
        "<sitemapindex><sitemap><loc>https://a/s.xml</loc></sitemap></sitemapindex>",
        "sitemap index",
    ),
    ("svg", '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>', "SVG"),
    (
        "xml-generic",
        '<?xml version="1.0"?>\n<!DOCTYPE note [<!ENTITY a "b">]>\n<note><to>x</to></note>',
        "XML document (root element <note>)",
    ),
    (
        "xml-undeclared",
        "<catalog>\n<book id='1'><title>t</title></book>\n</catalog>\n",
        "XML document",
    ),
    (
        "robots",
        "# robots\nUser-agent: *\nDisallow: /admin/\nAllow: /\n\nSitemap: https://a.test/sitemap.xml\n",
        "robots.txt",
    ),
    ("url-list", "https://a.test/1\nhttps://a.test/2\n\nhttps://a.test/3\n", "list of URLs"),
    ("warc-text", "WARC/1.0\r\nWARC-Type: response\r\n", "WARC"),
]


@pytest.mark.parametrize(
    ("text", "named"),
    [case[1:] for case in NON_PAGE_TEXTS],
    ids=[case[0] for case in NON_PAGE_TEXTS],
)
def test_non_pages_are_named(text: str, named: str) -> None:
    found = sniff_non_page(text)
    assert found is not None
    assert named in found.what


PROSE = (
    "أعلنت وزارة الصحة، اليوم الخميس، عن تسجيل إصابات جديدة بفيروس كورونا في عدد من المحافظات، "
    "وقالت إن الفرق الطبية تتابع الحالات عن كثب.\n\n"
)
ENGLISH = (
    "The ministry said on Thursday that new cases had been recorded in several provinces, "
    "and that medical teams were following them closely.\n\n"
)

# Texts that are pages or dumps, and must never be refused as non-pages.
PAGES_AND_DUMPS = [
    (
        "dump-quoting-css",
        PROSE * 3 + ".center { display: flex; }\na { color: red; }\n\n" + PROSE * 3,
    ),
    ("dump-quoting-js", ENGLISH * 2 + "var x = document.getElementById('a');\n\n" + ENGLISH * 4),
    ("dump-starting-with-code-line", "window.dataLayer = window.dataLayer || [];\n" + ENGLISH * 6),
    ("dump-starting-let", "Let me tell you (briefly) what happened = nothing.\n\n" + ENGLISH * 5),
    (
        "dump-starting-import",
        "Import duties rose again this year, the ministry said.\n\n" + ENGLISH * 4,
    ),
    ("dump-starting-bracket", "[صور] " + PROSE * 4),
    ("dump-starting-brace", "{تنويه} " + PROSE * 4),
    ("dump-starting-json-ish", '["عاجل"] ' + PROSE * 4),
    ("dump-mentioning-robots", "User-agent: the crawler that reads pages\n\n" + ENGLISH * 4),
    ("dump-starting-with-url", "https://example.test/news/1\n\n" + PROSE * 4),
    ("dump-selector-like-title", "Breaking: markets fall\n\n" + ENGLISH * 4),
    ("menu-lines", "Home (3)\nNews (12)\nSport (4)\n\n" + PROSE * 3),
    (
        "html-with-junk-before",
        "Warning: Undefined variable $x in /var/www/a.php on line 3\n"
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
    ),
    (
        "xhtml",
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n'
        "<html><body><p>x</p></body></html>",
    ),
    (
        "xml-prolog-then-html",
        '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
    ),
]


@pytest.mark.parametrize(
    "text", [case[1] for case in PAGES_AND_DUMPS], ids=[case[0] for case in PAGES_AND_DUMPS]
)
def test_pages_and_dumps_are_not_non_pages(text: str) -> None:
    assert sniff_non_page(text) is None


def _article_without_document_tags() -> str:
    page = _text(ARTICLE)
    page = re.sub(r"<!DOCTYPE[^>]*>|</?html[^>]*>", "", page, flags=re.I)
    return page[page.lower().index("<head") :]


def _injected_player(size: int) -> str:
    """Ad/video-player markup a headless browser injects: scripts full of "<" and tags in
    strings, styles, and nested iframes/divs."""
    script = (
        'var p=window.player||{};for(var i=0;i<n;i++){if(a<b&&c>d){p.q.push(\'<div class="ad">'
        '<iframe src="//ads.test/x"></iframe></div>\')}}\n'
    )
    style = ".vjs-player{position:absolute;top:0}.ad-slot>div{min-height:250px}\n"
    block = (
        f"<script>{script * 40}</script><style>{style * 20}</style>"
        '<div class="ad-wrapper"><div id="player"><iframe src="about:blank"></iframe></div></div>'
    )
    return block * (size // len(block) + 1)


def test_a_headless_browser_dom_is_html() -> None:
    # No doctype, no <html>, starts with <head><script …> and a very long script.
    page = _article_without_document_tags()
    head_script = "<head><script async src='https://cdn.test/a.js'></script><script>"
    saved = head_script + "var x = a < b;" * 40_000 + "</script>" + _injected_player(500_000)
    saved += page[len("<head>") :]
    assert saved.startswith("<head><script")
    assert sniff_non_page(saved) is None
    assert detect_kind(saved) == "html"


def test_a_page_opening_with_a_huge_json_ld_blob_is_html() -> None:
    page = _article_without_document_tags()
    blob = '<script type="application/ld+json">' + "[" * 50_000 + "</script>"
    for text in (blob + page, "\n  " + blob + page):
        assert sniff_non_page(text) is None
        assert detect_kind(text) == "html"


def test_saved_http_headers_before_the_page_are_html() -> None:
    text = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + _text(ARTICLE)
    assert sniff_non_page(text) is None
    assert detect_kind(text) == "html"


def test_text_cut_by_br_tags_is_html() -> None:
    text = "".join(f"سطر رقم {n} من النص المنشور على الموقع<br>\n" for n in range(60))
    assert detect_kind(text) == "html"


@pytest.mark.parametrize(
    "text",
    [
        PROSE * 3 + "قال إن وسم <div> ووسم <p> ووسم <br> من أساسيات الصفحة.\n\n" + PROSE * 40,
        "<b>عاجل</b> " + PROSE * 3,
        ENGLISH + "<title>How to</title> is the tag for the title.\n\n" + ENGLISH * 60,
        "«عاجل» <<الرئيسية>> " + PROSE * 5,
        PROSE * 2 + "<script>" + PROSE * 10,  # an unclosed quoted script tag
    ],
    ids=[
        "quotes-three-tags",
        "one-bold-tag-first",
        "quotes-title-tag",
        "angle-quotes",
        "open-script",
    ],
)
def test_dumps_that_quote_tags_stay_text(text: str) -> None:
    assert detect_kind(text) == "text"
