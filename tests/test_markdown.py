"""The Markdown path (issue 11): detection, the CommonMark reading, link neighbourhood, markup
as evidence, front matter, and Article.to_markdown()/to_text() with the round trip.

Pages here are constructed, in the shapes Markdown crawlers save (html2text, markdownify);
real pages are golden fixtures (``tests/fixtures/markdown-*``).
"""

from __future__ import annotations

import ctypes
import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

import cmarkgfm
import pytest

from article_extract import Article, Options, extract
from article_extract._markdown import _has_words, cmark, markdown_lines
from article_extract._markdown import links as links_module
from article_extract._markdown import parse as parse_module
from article_extract._markdown.front_matter import split_front_matter
from article_extract._markdown.links import read_links
from article_extract._markdown.parse import MAX_BLOCK_NESTING, parse_markdown
from article_extract._render import escape_markdown
from article_extract._sniff import detect_kind, is_markdown
from article_extract.errors import NotAnArticle

FIXTURES = Path(__file__).parent / "fixtures"

TITLE = "وزارة الصحة تعلن خطة جديدة لتطوير المستشفيات الحكومية في المحافظات"
PARAGRAPHS = [
    "أعلنت **وزارة الصحة**، اليوم الثلاثاء، عن خطة شاملة لتطوير المستشفيات الحكومية في مختلف "
    "المحافظات، تشمل تحديث الأجهزة الطبية وزيادة عدد الأسرة وتدريب الكوادر.",
    "وقال المتحدث باسم الوزارة في [مؤتمر صحفي](https://news.example.com/tag/press) إن الخطة "
    "تمتد على ثلاث سنوات، وإن المرحلة الأولى ستبدأ في المحافظات الأكثر احتياجاً خلال الأشهر "
    "المقبلة.",
    "وأضاف أن الوزارة خصصت ميزانية كبيرة للمشروع، بالتعاون مع عدد من الجهات الدولية المانحة "
    "التي أبدت استعدادها لدعم القطاع الصحي &amp; الاجتماعي.",
    "وتشمل المرحلة الثانية إنشاء مراكز متخصصة لعلاج الأمراض المزمنة، وربط المستشفيات بشبكة "
    "إلكترونية موحدة لتسهيل نقل الملفات الطبية للمرضى.",
]
TEASERS = [
    (
        "افتتاح مستشفى جديد في العاصمة بتكلفة كبيرة",
        "/news/2023/03/08/new-hospital-opens-in-the-capital",
    ),
    ("حملة تطعيم واسعة في المدارس الحكومية", "/news/2023/03/07/school-vaccination-campaign-starts"),
    ("وزير الصحة يتفقد مستشفى الجامعة", "/news/2023/03/06/minister-visits-university-hospital"),
]
OWN = "https://news.example.com/health/2023/03/14/ministry-hospital-plan-for-the-provinces"
MENU = ["الرئيسية", "أخبار محلية", "اقتصاد", "رياضة", "ثقافة", "منوعات", "اتصل بنا"]


def markdown_page() -> str:
    """A news page as html2text saves it: menu, teaser list above the body, headline, date,
    byline, share links, photo with caption, body with a subheading, a quote and a list,
    related teasers, footer."""
    menu = "\n".join(f"  * [{item}](/section/{n})" for n, item in enumerate(MENU))
    teasers = "\n".join(f"  * [{text}]({target})" for text, target in TEASERS)
    share = f"https://www.facebook.com/sharer/sharer.php?u={OWN}"
    return f"""[![الموقع](/logo.png)](/)

{menu}

#### آخر الأخبار

{teasers}

# {TITLE}

الثلاثاء 14 مارس 2023

كتب: سامي يوسف

  * [__](https://twitter.com/intent/tweet?url={OWN})
  * [__]({share})

![مستشفى حكومي في العاصمة](https://cdn.example.com/photo.jpg)

مستشفى حكومي في العاصمة

{PARAGRAPHS[0]}

{PARAGRAPHS[1]}

## مراكز متخصصة

{PARAGRAPHS[2]}

> {PARAGRAPHS[3]}

  * أسرة جديدة في كل مستشفى من مستشفيات المحافظات الأكثر احتياجاً خلال العام الحالي.
  * تدريب الكوادر الطبية على الأجهزة الحديثة في مراكز التدريب التابعة للوزارة.

### مقالات ذات صلة

{teasers}

جميع الحقوق محفوظة © 2023
"""


# --- detection ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        markdown_page(),
        '---\ntitle: "A headline"\n---\n\nSome text.\n',
        "# A headline\n\nA paragraph of text that follows it.\n",
        "Intro line.\n\n## A heading\n\nText with **strong words** and more **strong** text.\n",
        "See [one](https://a.example/1), then\n[two](/2) and\n![three](/3.png) here.\n",
        "[Home][1] | [World][2]\n\nA [story][3] and\n[another][4].\n\n   [1]: https://a.example/\n",
        "Text.\n\n[1]: https://a.example/one\n[2]: https://a.example/two\n[3]: /three\n",
    ],
    ids=[
        "page",
        "front-matter",
        "opening-heading",
        "headings-and-strong",
        "links",
        "reference-links",
        "link-definitions",
    ],
)
def test_markdown_is_detected(text: str) -> None:
    assert is_markdown(text)
    assert detect_kind(text) == "markdown"


@pytest.mark.parametrize(
    "text",
    [
        # bullets, as text browsers print them
        "Headline of the story\n\n* Home\n* World\n* Sport\n\nA paragraph of text.\n",
        # hashtags and a stray heading-like line inside a dump
        "#مصر #عاجل\n\nالخبر الأول\n\n# 1 في القائمة\n\nنص الخبر هنا.\n",
        # a footnote asterisk and a required-field star
        "الحقول الإلزامية مشار إليها بـ *\n\nنص * بنجمة واحدة و ** بنجمتين.\n",
        # one kind alone, however often: headings inside a dump
        "Title line\n\n# First\n\ntext\n\n# Second\n\ntext\n\n# Third\n",
        # a single link-like quote in prose
        "He wrote [sic](note) in the margin.\n\nAnother line of the dump.\n",
        # citation marks, as an encyclopaedia's text shows them
        "The city grew.[1][2]\nIts port opened.[3][4]\nTrade rose.[5][6]\nIt is old.[7][8]\n",
    ],
    ids=["bullets", "hashes", "asterisks", "headings-only", "one-link", "citation-marks"],
)
def test_plain_text_with_stray_marks_stays_a_dump(text: str) -> None:
    assert not is_markdown(text)
    assert detect_kind(text) == "text"


def test_every_plain_dump_shape_of_the_corpus_stays_a_dump() -> None:
    dumps = sorted(
        p for p in (FIXTURES / "corpus-dumps").glob("*/*.txt") if p.parent.name != "markdown"
    )
    assert len(dumps) >= 60
    misread = [p.name for p in dumps if detect_kind(p.read_text("utf-8")) != "text"]
    assert misread == []


def test_markdown_fixtures_are_detected() -> None:
    inputs = sorted(FIXTURES.glob("markdown-*/input.md"))
    inputs += sorted((FIXTURES / "corpus-dumps" / "markdown").glob("*.txt"))
    assert len(inputs) >= 20
    assert all(detect_kind(p.read_text("utf-8")) == "markdown" for p in inputs)


# --- the CommonMark reading ---------------------------------------------------------------------


CMARK_INPUTS = [
    "",
    '# Title\n\nA *paragraph* with a [link](/a "title") and ![an image](/i.png).',
    "| a | b |\n|---|---|\n| ~~struck~~ | c |\n",  # GitHub's table and strikethrough
    "<div onclick='x'>raw HTML</div>\n\n<b>inline</b> &amp; &#1575; &copy;",  # omitted raw HTML
    "    indented code\n\n```python\nfenced\n```\n",
    "> " * 40 + "quoted\n\n" + "- " * 40 + "listed\n",
    "عربي [رابط](https://example.com/%D8%A7) 日本語\x00NUL\r\nCRLF",
]


@pytest.mark.parametrize("markdown", CMARK_INPUTS)
def test_cmark_renders_as_cmarkgfm_does(markdown: str) -> None:
    """The library called directly gives cmarkgfm's own HTML, byte for byte."""
    expected = cmarkgfm.markdown_to_html_with_extensions(
        markdown, extensions=["table", "strikethrough"]
    )
    assert cmark.markdown_renderer(("table", "strikethrough"))(markdown) == expected


def test_cmark_releases_each_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """The document tree and the HTML string are freed once per call (cmarkgfm's wrapper frees
    neither)."""
    library = cmark._Cmark(ctypes.CDLL(cmark_module_file()), ("table",))
    released: list[str] = []
    for name in ("_node_free", "_free", "_parser_free"):
        function = getattr(library, name)
        monkeypatch.setattr(
            library, name, lambda pointer, f=function, n=name: released.append(n) or f(pointer)
        )
    assert library.render("# one\n\ntwo") == "<h1>one</h1>\n<p>two</p>\n"
    assert sorted(released) == ["_free", "_node_free", "_parser_free"]


def test_cmark_falls_back_to_cmarkgfm_when_the_library_cannot_be_called(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(path: str) -> None:
        raise OSError(f"cannot load {path}")

    monkeypatch.setattr(cmark.ctypes, "CDLL", refuse)
    render = cmark.markdown_renderer.__wrapped__(("table", "strikethrough"))
    assert not isinstance(getattr(render, "__self__", None), cmark._Cmark)
    assert render(CMARK_INPUTS[2]) == cmark.markdown_renderer(("table", "strikethrough"))(
        CMARK_INPUTS[2]
    )


def cmark_module_file() -> str:
    from cmarkgfm import _cmark

    return str(_cmark.__file__)


def test_parse_keeps_text_and_records_structure() -> None:
    lines = parse_markdown(
        "# Head *line*\n\n"
        'A [link text](https://example.com/a "title") and ![alt](i.png) more &amp; \\*stars\\*.\n\n'
        "  * item [one](/1)\n  * item two\n\n"
        "> quoted words\n\n"
        "| a | b |\n|---|---|\n| c | [d](/d) |\n"
    )
    texts = [(line.text, line.heading, line.list_item, line.quote) for line in lines]
    assert ("Head line", 1, False, False) in texts
    assert ("A link text and", 0, False, False) in texts
    assert ("more & *stars*.", 0, False, False) in texts  # the line under the image
    assert ("item one", 0, True, False) in texts
    assert ("quoted words", 0, False, True) in texts
    link_line = next(line for line in lines if line.text == "A link text and")
    assert [(link.text, link.target) for link in link_line.links] == [
        ("link text", "https://example.com/a")
    ]
    image = next(line for line in lines if line.image)
    assert image.images == ("alt",)
    assert image.text == ""
    rows = [line.text for line in lines if line.table_row]
    assert rows == ["a | b", "c | d"]


def test_parse_leaves_no_markup_or_addresses() -> None:
    lines = parse_markdown(
        "[Email link](mailto:?subject=A headline with spaces&body=https://example.com/x)\n\n"
        "__ [ __](https://twitter.com/share) icons\n\n"
        "Visit <https://example.com/page> today\n\nhttps://example.com/alone\n\n"
        "__##### [Jane Writer](/authors/jane)\n"
    )
    text = " ".join(line.text for line in lines)
    for mark in ("](", "[", "__", "http", "www.", "#"):
        assert mark not in text, mark
    assert "Email link" in text
    assert "Jane Writer" in text


def test_soft_breaks_join_and_hard_breaks_split() -> None:
    lines = parse_markdown("one line\nwrapped here\n\nfirst  \nsecond\n\n日本語の\n文章\n")
    assert [line.text for line in lines] == [
        "one line wrapped here",
        "first",
        "second",
        "日本語の文章",
    ]


def test_text_after_inline_raw_html_is_kept() -> None:
    # cmark omits raw HTML (safe mode) and writes a comment in its place: the words after it
    # are still the paragraph's.
    lines = parse_markdown(
        "قال <span>الوزير</span> إن الخطة ستبدأ العام المقبل.\n\n"
        "Text <sup>1</sup> after a tag, <!-- a comment --> and after a comment.\n"
    )
    assert [line.text for line in lines] == [
        "قال الوزير إن الخطة ستبدأ العام المقبل.",
        "Text 1 after a tag, and after a comment.",
    ]


def test_raw_html_tags_part_the_words_around_them() -> None:
    # A line break written as HTML (converters do, in table cells above all) parts two words.
    lines = parse_markdown(
        "السطر الأول<br>السطر الثاني\n\n| أ<br/>ب | ج |\n|---|---|\n| د<BR />هـ | و |\n"
    )
    assert [line.text for line in lines] == [
        "السطر الأول السطر الثاني",
        "أ ب | ج",
        "د هـ | و",
    ]


@pytest.mark.parametrize(
    ("markdown", "linked"),
    [
        ("[Sport](/sport)", 1.0),  # the line is one link
        ("  * [أخبار محلية](/local)", 1.0),
        ("**[Sport](/sport)**", 1.0),  # emphasis around the link is no text
        ("[ab](/a) cd", 0.5),  # letters, not characters: the space is neither side's
        ("[ab](/a), [cd](/c) and ef", 4 / 9),
        ("[a_b](/a) c_d", 0.5),  # "_" is not a letter
        ("[٢٠](/a) عام", 2 / 5),  # digits count as letters, in any script
        ("[\u1100\u1161](/a)", 1.0),  # Hangul jamo the cleaning composes: capped at the whole
        ("[\u1100\u1161](/a) \uac00", 1.0),
        ("plain words", 0.0),
        ("![photo](/p.jpg) words", 0.0),  # an image is not a link
    ],
)
def test_linked_share_counts_letters(markdown: str, linked: float) -> None:
    lines = [line for line in parse_markdown(markdown) if line.text]
    assert len(lines) == 1
    assert lines[0].linked == pytest.approx(linked)


def test_indented_lists_read_as_code_are_markdown_again() -> None:
    lines = parse_markdown(
        "Search\n\n    * [Support us](https://a.example)\n    * [Print](/print)\n"
    )
    assert [(line.text, line.list_item, line.linked) for line in lines[1:]] == [
        ("Support us", True, 1.0),
        ("Print", True, 1.0),
    ]


@pytest.mark.parametrize(
    "nesting",
    [
        "> " * 3000 + "quoted\n",
        "- " * 500 + "item\n",
        "".join("  " * depth + "- item\n" for depth in range(600)),
    ],
    ids=["quotes", "bullets", "indented-lists"],
)
def test_deep_nesting_loses_no_text(nesting: str) -> None:
    """libxml2 stops building a tree ~255 elements down; nothing after the nesting is lost."""
    lines = parse_markdown(nesting + "\nafter the nesting\n\n" + "word " * 50_000)
    assert lines[-2].text == "after the nesting"
    assert lines[-1].text.startswith("word word")


@pytest.mark.parametrize(
    ("html", "depth"),
    [
        ("<p>no lists</p>", 0),
        ("<ul>\n<li>a</li>\n<li>b</li>\n</ul>", 2),
        ('<blockquote>\n<ol start="3">\n<li>x</li>\n</ol>\n</blockquote>', 3),
        ("<ul><li>" * 60 + "deep" + "</li></ul>" * 60, 120),
        ("</li></ul><ul><li>x</li></ul>", MAX_BLOCK_NESTING + 1),  # a stray closing tag
        ("<link><lip><ulx>", 0),  # other tags
    ],
)
def test_nesting_depth_of_lists_and_quotes(html: str, depth: int) -> None:
    assert parse_module._nesting_depth(html) == depth


# --- links and markup ---------------------------------------------------------------------------


def test_link_neighbourhood() -> None:
    parsed = parse_markdown(markdown_page())
    links = read_links(parsed, None)
    assert links.site_host == "news.example.com"
    assert links.own_url == OWN
    assert links.is_other_article(TEASERS[0][1])
    assert not links.is_other_article("/section/3")  # a section page
    assert not links.is_other_article("https://twitter.com/intent/tweet?url=x")  # another site
    assert not links.is_other_article(OWN)  # this page
    assert links.is_other_article(TEASERS[0][1])  # read again: the same answer
    assert not links.is_other_article("/section/3")


def test_caller_url_is_the_page_and_its_host() -> None:
    parsed = parse_markdown(markdown_page())
    links = read_links(parsed, "https://www.other.example/a/2020/01/02/story-of-the-day")
    assert links.site_host == "other.example"
    assert links.own_url == "https://www.other.example/a/2020/01/02/story-of-the-day"


@pytest.mark.parametrize(
    ("links", "site_host"),
    [
        # each link counts, a repeated target as often as the page links it
        (
            "[x](https://a.example/1)" * 3 + "[y](https://b.example/1)[z](https://b.example/2)",
            "a.example",
        ),
        (
            "[x](https://b.example/1)[y](https://a.example/1)[z](https://a.example/2)"
            "[w](https://b.example/1)",
            "b.example",
        ),  # a tie: the host named first
        ("[x](https://a.example/1)" * 2 + "[r](/x)" * 2, None),  # no more than relative links
        ("[x](https://a.example/1)" * 3 + "[r](/x)" * 2, "a.example"),
        # shared addresses first, however often other hosts are linked
        (
            "[s](https://x.example/share?u=https://c.example/2023/03/14/story)"
            + "[y](https://b.example/1)" * 5,
            "c.example",
        ),
    ],
)
def test_site_host_counts_every_link(links: str, site_host: str | None) -> None:
    assert read_links(parse_markdown(links + "\n"), None).site_host == site_host


STORY = "https://news.example.com/2023/03/14/story-of-the-day"


@pytest.mark.parametrize(
    ("target", "own_url"),
    [
        # the shared address written out, percent-escaped, or inside a mail body
        (f"https://www.facebook.com/sharer/sharer.php?u={STORY}", STORY),
        (
            "https://x.com/intent/tweet?url=https%3A%2F%2Fnews.example.com%2F2023%2F03%2F14%2Fstory-of-the-day",
            STORY,
        ),
        (
            "https://x.com/share?u=%68%74%74%70%73%3A%2F%2Fnews.example.com%2F2023%2F03%2F14%2Fstory-of-the-day",
            STORY,
        ),
        (
            "mailto:?body=Read%20https%3A%2F%2Fnews.example.com%2F2023%2F03%2F14%2Fstory-of-the-day",
            STORY,
        ),
        # near misses: a tracking query, a query inside the fragment, a key that shares nothing
        ("https://www.example.com/?iref=pc_gnavi", None),
        (f"https://www.example.com/#/campaign?u={STORY}", None),
        (f"https://www.example.com/go?ref={STORY}", None),
    ],
)
def test_share_links_give_the_page_its_own_address(target: str, own_url: str | None) -> None:
    links = read_links(parse_markdown(f"* [share]({target})\n* [home](/)\n"), None)
    assert links.own_url == own_url


@pytest.mark.parametrize(
    ("target", "author"),
    [
        ("https://news.example.com/author/jane-doe", True),
        ("/autor/maria-rodriguez/#?rel=author_top", True),
        ("/%D8%A7%D9%84%D9%83%D8%A7%D8%AA%D8%A8/sami", True),  # "الكاتب", percent-encoded
        ("/Authors/jane", True),
        ("/authority/report-2023", False),
        ("/news/author-interview", False),
        ("mailto:author@example.com", False),
        ("", False),
        # Read without splitting the address where nothing can hide a segment from its text:
        ("/AUTHOR/jane", True),  # any case
        ("/\u212auttab/sami", True),  # the Kelvin sign casefolds to "k": "kuttab"
        ("/aut%68or/jane", True),  # an escaped letter: decoded first
        ("/aut\thor/jane", True),  # a tab, which urlsplit drops
        ("/news/story?by=author", False),  # in the query, not the path
        ("https://author.example.com/news", False),  # in the host, not the path
        ("/columnists-corner/x", False),  # inside a segment, not a whole one
        ("/news/story", False),
    ],
)
def test_author_pages(target: str, author: bool) -> None:
    links = read_links(parse_markdown(f"[Jane Doe]({target})\n"), None)
    assert links.is_author_page(target) is author
    assert links.is_author_page(target) is author  # read again: the same answer


@pytest.mark.parametrize(
    "escaped",
    [
        "/%D8%A7%D9%84%D9%83%D8%A7%D8%AA%D8%A8/sami",  # an Arabic word
        "/a%20b%2Fc",
        "/%e6%97%a5%E6%9C%AC",  # lower-case escapes
        "/%D8%A7-%D8",  # an escape run that ends inside a character: replaced
        "/%%41%2%zz%",  # not escapes: kept as written
        "/%FF%FE",  # not UTF-8
        "/news/plain-path",
        "/عربي/%D8%A7",  # not ASCII: urllib's own reading
        "",
    ],
)
def test_paths_are_unescaped_as_urllib_does(escaped: str) -> None:
    assert links_module._unquote(escaped) == unquote(escaped)


@pytest.mark.parametrize(
    ("address", "host", "path"),
    [
        ("https://www.Example.com:8080/a/b?q=1#f", "example.com", "/a/b"),
        ("//cdn.example.com/%D8%A7", "cdn.example.com", "/ا"),  # protocol-relative
        ("/news/story", None, "/news/story"),  # relative: on the page's own site
        ("mailto:someone@example.com", None, "someone@example.com"),
        ("http://[::1/broken", "", ""),  # urllib refuses it
        ("https://", "", ""),
    ],
)
def test_addresses_give_host_and_path(address: str, host: str | None, path: str) -> None:
    addresses = links_module._Addresses()
    assert (addresses.host(address), addresses.path(address)) == (host, path)
    assert (addresses.path(address), addresses.host(address)) == (path, host)  # either order


@pytest.mark.parametrize(
    ("target", "article"),
    [
        ("/news/2023/03/14/story", True),  # a date
        ("/news/story-825079", True),  # an id
        ("/news/%32%30%32%33/%30%33/%31%34/x", True),  # a date, escaped
        ("/news/%2532%2530%2532%2533/03/14/x", True),  # escaped twice: url_date_text decodes again
        ("/news/20%0923/03/14/x", True),  # a tab inside the year, which urlsplit drops
        ("/news/20%2523/x", False),  # escapes, but no date behind them
        ("/news/20-23/03/14/x", False),  # no four digits in a row: no year
        ("/sport", False),
    ],
)
def test_article_paths_find_dates_hidden_by_escapes(target: str, article: bool) -> None:
    links = read_links(parse_markdown("[home](https://news.example.com/)\n"), None)
    assert links.is_other_article(target) is article


@pytest.mark.parametrize(
    "text", ["", " ", "a", "a b", "a b ", " a  b\t", "a b c", "a\u00a0b c d e f", "a b c d e f g"]
)
@pytest.mark.parametrize("count", [2, 3, 5, 6])
def test_word_counts_stop_early_but_count_as_split_does(text: str, count: int) -> None:
    assert _has_words(text, count) == (len(text.split()) >= count)


def test_site_host_votes_count_every_link_and_ties_go_to_the_first_seen() -> None:
    """The site's host is voted per link (a target linked twice counts twice), and a tie goes to
    the host first seen."""
    twice = "[a](https://one.example/x) [b](https://two.example/y) [c](https://two.example/y)"
    assert read_links(parse_markdown(twice + "\n"), None).site_host == "two.example"
    tie = "[a](https://one.example/x) [b](https://two.example/y)"
    assert read_links(parse_markdown(tie + "\n"), None).site_host == "one.example"


def test_each_page_reads_its_own_addresses() -> None:
    """Addresses are remembered per page, never between calls."""
    parsed = parse_markdown(markdown_page())
    first, second = read_links(parsed, None), read_links(parsed, None)
    assert first.addresses is not second.addresses
    assert first == second


def test_markup_marks_menus_teasers_headings_and_captions() -> None:
    parsed = parse_markdown(markdown_page())
    lines = markdown_lines(parsed, read_links(parsed, None), Options())
    by_text = {line.text: line.markup for line in lines}
    assert all(by_text[item].menu for item in MENU)
    assert by_text[TEASERS[0][0]].teaser
    assert by_text[TITLE].heading == 1
    assert not by_text[TITLE].teaser
    assert by_text["مستشفى حكومي في العاصمة"].caption
    assert by_text["مراكز متخصصة"].heading == 2
    assert not any(m.teaser or m.menu or m.caption for t, m in by_text.items() if t in PARAGRAPHS)


def test_repeated_lines_keep_their_place_and_their_own_markup() -> None:
    """A page repeats its menu (header and footer) and a menu item's words as plain text: each
    occurrence is a line at its own position, with the markup of that occurrence."""
    menu = "\n".join(f"  * [{item}](/section/{n})" for n, item in enumerate(MENU))
    page = f"{menu}\n\n{PARAGRAPHS[0]}\n\n{MENU[2]}\n\n{menu}\n"
    parsed = parse_markdown(page)
    lines = markdown_lines(parsed, read_links(parsed, None), Options())
    assert [line.position for line in lines] == list(range(len(lines)))
    assert [line.text for line in lines] == [*MENU, lines[len(MENU)].text, MENU[2], *MENU]
    header, footer = lines[: len(MENU)], lines[-len(MENU) :]
    assert all(line.markup.menu for line in header + footer)
    assert [line._replace(position=0) for line in header] == [
        line._replace(position=0) for line in footer
    ]
    plain = lines[len(MENU) + 1]
    assert plain.text == MENU[2]
    assert not plain.markup.menu
    assert not plain.markup.linked


# --- a page ---------------------------------------------------------------------------------------


def test_markdown_page_gives_a_clean_article() -> None:
    article = extract(markdown_page())
    assert article.input_kind == "markdown"
    assert article.title == TITLE
    assert article.published == datetime(2023, 3, 14)
    assert article.authors == ("سامي يوسف",)
    kinds = [(b.kind, b.text[:12]) for b in article.blocks]
    assert kinds[0] == ("paragraph", "أعلنت وزارة ")
    assert ("heading", "مراكز متخصصة") in kinds
    assert ("quote", "وتشمل المرحل") in kinds
    assert sum(1 for kind, _ in kinds if kind == "list_item") == 2
    body = article.body
    assert "الصحي & الاجتماعي" in body
    assert "مؤتمر صحفي" in body
    for leftover in ("**", "](", "http", "#", "&amp;", "مستشفى حكومي في العاصمة\n"):
        assert leftover not in body, leftover
    for chrome in (*MENU[1:], TEASERS[0][0], "مقالات ذات صلة", "جميع الحقوق محفوظة"):
        assert chrome not in body, chrome


def _page_with_a_box_between_paragraphs(teaser_lines: str) -> str:
    return (
        f"# {TITLE}\n\nالثلاثاء 14 مارس 2023\n\n{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n"
        f"مقالات ذات صلة\n\n{teaser_lines}\n\n{PARAGRAPHS[2]}\n\n{PARAGRAPHS[3]}\n"
    )


def test_an_end_marker_over_linked_headlines_inside_the_text_does_not_end_it() -> None:
    linked = "\n".join(f"  * [{text}]({target})" for text, target in TEASERS)
    body = extract(_page_with_a_box_between_paragraphs(linked)).body
    assert "وتشمل المرحلة الثانية" in body  # the paragraphs after the box
    assert TEASERS[0][0] not in body
    assert "مقالات ذات صلة" not in body


def test_without_links_an_end_marker_over_headlines_ends_the_article() -> None:
    # No links to tell the box's headlines from the subheadings the text would go on with.
    plain = "\n\n".join(text for text, _ in TEASERS)
    body = extract(_page_with_a_box_between_paragraphs(plain)).body
    assert "وتشمل المرحلة الثانية" not in body
    assert body.startswith("أعلنت")


def test_the_page_url_from_share_links_dates_an_undated_page() -> None:
    page = markdown_page().replace("الثلاثاء 14 مارس 2023\n", "")
    article = extract(page)
    assert article.published == datetime(2023, 3, 14)
    assert article.date_origin == "url"
    assert article.url is None  # evidence only, never reported as the Article's URL


def test_a_menu_only_markdown_page_is_not_an_article() -> None:
    menu = "\n".join(f"  * [{text}]({target})" for text, target in TEASERS * 5)
    with pytest.raises(Exception, match="body") as caught:
        extract(f"# الموقع\n\n{menu}\n")
    assert caught.value.code == "not_an_article"  # type: ignore[attr-defined]


def _page_with_a_table(rows: list[str], paragraphs: tuple[str, ...]) -> str:
    table = "| المدينة | العدد |\n|---|---|\n" + "\n".join(rows)
    first, *rest = paragraphs
    return (
        f"# {TITLE}\n\nالثلاثاء 14 مارس 2023\n\n{first}\n\n## توزيع المراكز\n\n{table}\n\n"
        + "\n\n".join(rest)
        + "\n"
    )


@pytest.mark.parametrize("count", [3, 60])
def test_a_table_between_paragraphs_is_kept_as_rows(count: int) -> None:
    rows = [f"| مدينة {n} | {n} |" for n in range(count)]
    article = extract(_page_with_a_table(rows, (PARAGRAPHS[0], PARAGRAPHS[1])))
    kinds = [(b.kind, b.text) for b in article.blocks]
    at = kinds.index(("heading", "توزيع المراكز"))  # the heading over the table is kept
    assert kinds[at + 1] == ("table_row", "المدينة | العدد")  # and the header row
    assert kinds[at + 2 : at + 2 + count] == [
        ("table_row", f"مدينة {n} | {n}") for n in range(count)
    ]
    assert kinds[at + 2 + count][0] == "paragraph"  # the text goes on after the table
    assert article.body.startswith("أعلنت وزارة الصحة")


def test_a_page_of_table_rows_alone_is_not_an_article() -> None:
    rows = "\n".join(f"| مدينة {n} | {n} | الثلاثاء 14 مارس 2023 |" for n in range(40))
    with pytest.raises(NotAnArticle):
        extract(f"# {TITLE}\n\n| المدينة | العدد | التاريخ |\n|---|---|---|\n{rows}\n")


def test_a_page_with_reference_style_links_reads_as_markdown() -> None:
    targets: list[str] = []

    def reference(match: re.Match[str]) -> str:
        targets.append(match[2])
        return f"[{match[1]}][{len(targets)}]"

    inline = re.sub(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)", reference, markdown_page())
    definitions = "".join(f"   [{n}]: {t}\n" for n, t in enumerate(targets, 1))
    article = extract(f"{inline}\n{definitions}")
    expected = extract(markdown_page())
    assert targets
    assert article.input_kind == "markdown"
    assert (article.title, article.published, article.body) == (
        expected.title, expected.published, expected.body,
    )  # fmt: skip
    assert "][" not in article.body
    assert "http" not in article.body


# --- front matter and writing Markdown -------------------------------------------------------


def test_front_matter_fields_and_aliases() -> None:
    front, rest = split_front_matter(
        "---\n"
        'title: "Un titre: avec deux-points"\n'
        "date: 2021-05-06T10:00:00+02:00\n"
        "author: 'Jeanne d''Arc'\n"
        "tags:\n  - one\n  - two\n"
        'categories: ["Monde", "Europe"]\n'
        "nested:\n  key: value\n"
        "---\n\n# Un titre\n"
    )
    assert front is not None
    assert front.first("title") == "Un titre: avec deux-points"
    assert front.first("published") == "2021-05-06T10:00:00+02:00"
    assert front.all("authors") == ("Jeanne d'Arc",)
    assert front.all("tags") == ("one", "two")
    assert front.all("section") == ("Monde",)
    assert rest.strip() == "# Un titre"


@pytest.mark.parametrize(
    "text",
    [
        "*not emphasis* and _not_ either",
        "[not a link] [ref]: and ![no image] or https://example.com in a sentence",
        "# not a heading",
        "> not a quote",
        "- not a list item",
        "1. not a numbered item",
        "2020) a year, not a list",
        "&amp; stays an ampersand entity &#1575;",
        "<b>not html</b> and a \\ backslash",
        "`not code`",
    ],
)
def test_escaped_text_reads_back_as_itself(text: str) -> None:
    lines = parse_markdown(escape_markdown(text))
    assert [(line.text, line.heading, line.list_item, line.quote) for line in lines] == [
        (text, 0, False, False)
    ]


def _article() -> Article:
    return Article.model_validate(
        {
            "title": "عنوان *الخبر* [مهم]",
            "blocks": [
                {"kind": "paragraph", "text": "الفقرة الأولى من الخبر، وفيها نص كاف للقراءة."},
                {"kind": "heading", "text": "# عنوان فرعي"},
                {"kind": "quote", "text": "اقتباس من المتحدث."},
                {"kind": "list_item", "text": "- بند أول"},
                {"kind": "table_row", "text": "المدينة | العدد"},
                {"kind": "table_row", "text": "القاهرة | 12"},
                {"kind": "paragraph", "text": "1. فقرة تبدأ برقم."},
            ],
            "published": datetime(2022, 1, 6, 9, 30),
            "published_text": "الخميس 06 يناير 2022",
            "authors": ["سامي يوسف"],
            "source": "رويترز",
            "url": "https://example.com/news/1",
            "language": "ar",
            "input_kind": "html",
        }
    )


def test_to_markdown_writes_front_matter_then_the_body() -> None:
    markdown = _article().to_markdown()
    head, _, body = markdown.partition("\n---\n\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines()[1:])
    assert list(fields) == [
        "title", "published", "published_text", "authors", "source", "language", "url",
    ]  # fmt: skip
    assert json.loads(fields["authors"]) == ["سامي يوسف"]
    assert json.loads(fields["published"]) == "2022-01-06T09:30:00"
    assert body.splitlines()[0] == "# عنوان \\*الخبر\\* \\[مهم\\]"
    assert "## \\# عنوان فرعي" in body
    assert "> اقتباس من المتحدث." in body
    assert "- \\- بند أول" in body
    assert "| المدينة | العدد |\n| --- | --- |\n| القاهرة | 12 |" in body


def test_to_markdown_reads_back_to_the_same_article() -> None:
    article = _article()
    again = extract(article.to_markdown())
    assert again.input_kind == "markdown"
    assert again.title == article.title
    assert again.body == article.body
    assert [b.kind for b in again.blocks] == [b.kind for b in article.blocks]
    assert again.published == article.published
    assert again.published_text == article.published_text
    assert (again.authors, again.source, again.url, again.language) == (
        article.authors, article.source, article.url, article.language,
    )  # fmt: skip


def test_to_text_is_the_headline_then_the_blocks() -> None:
    text = _article().to_text()
    assert text.startswith("عنوان *الخبر* [مهم]\n\nالفقرة الأولى")
    assert "\n\n- - بند أول\n\n" in text
    assert "---" not in text


def _golden_articles() -> list[Path]:
    folders = sorted(p for p in FIXTURES.iterdir() if (p / "expected.json").exists())
    keep = []
    for folder in folders:
        expected = json.loads((folder / "expected.json").read_text("utf-8"))
        if "error" not in expected and not folder.name.startswith("corpus"):
            keep.append(folder)
    return keep


@pytest.mark.parametrize("folder", _golden_articles(), ids=lambda p: p.name)
def test_round_trip_of_every_golden_article(folder: Path) -> None:
    """extract(article.to_markdown()) gives back the same title, day and body, for every
    golden page (HTML, dumps, Markdown)."""
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    reference = expected.get("reference")
    options = Options(reference=datetime.fromisoformat(reference) if reference else None)
    (source,) = [p for p in folder.iterdir() if p.name.startswith("input.")]
    article = extract(source, url=expected.get("url"), options=options)
    again = extract(article.to_markdown(), options=options)
    assert again.title == article.title
    assert again.body == article.body
    day = article.published.date() if article.published else None
    assert (again.published.date() if again.published else None) == day


def test_import_does_not_load_the_markdown_parser() -> None:
    code = "import sys, article_extract; print('cmarkgfm' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_link_to_an_author_page_is_a_byline() -> None:
    page = markdown_page().replace(
        "كتب: سامي يوسف", "[سامي يوسف](/authors/sami-youssef) · الثلاثاء 14 مارس 2023"
    )
    page = page.replace("الثلاثاء 14 مارس 2023\n\n[", "[", 1)
    article = extract(page)
    assert article.authors == ("سامي يوسف",)
    assert article.published == datetime(2023, 3, 14)
    assert "سامي يوسف" not in article.body


def test_a_lone_surrogate_in_a_markdown_page_reads_as_a_replacement_character() -> None:
    # A str may hold one (a JSON "\ud800", a surrogateescape'd read); UTF-8, and so cmark,
    # cannot. The fuzzer found it escaping as an InternalError from the Markdown path.
    page = markdown_page().replace("اليوم الثلاثاء", "اليوم \udfc5 الثلاثاء", 1)
    article = extract(page)
    assert article.input_kind == "markdown"
    assert "اليوم \ufffd الثلاثاء" in article.body
    article.model_dump_json()  # and the Article can be written
