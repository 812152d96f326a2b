"""The HTML stages called one by one on small pages: title, credits, listing, chrome, nearby.

Each page goes through the path's own ``parse_page``/``read_metadata``/``strip_junk``, so the
stages see a real tree and index; ``data-*`` attributes mark the elements a stage is handed
(they add no class/id tokens).
"""

from __future__ import annotations

import pytest
from lxml.etree import _Element

from article_extract._decide.evidence import Credit, PageSignals
from article_extract._html.chrome import is_chrome_element, remove_chrome
from article_extract._html.credits import metadata_credits, visible_byline
from article_extract._html.index import TreeIndex
from article_extract._html.listing import page_signals, with_body_teasers
from article_extract._html.metadata import PageMeta, read_metadata
from article_extract._html.nearby import nearby_elements
from article_extract._html.parse import collapsed_length, parse_page, strip_junk, text_content
from article_extract._html.rules import chrome_rules, meta_rules
from article_extract._html.title import (
    _headings,
    metadata_titles,
    shown_headlines,
    site_name_candidates,
)
from article_extract._inputs import PageInput
from article_extract._model import Options
from article_extract._text import clean_text

S1 = "أعلنت وزارة الصحة، اليوم الخميس، عن تسجيل إصابات جديدة بفيروس كورونا في عدد من المحافظات."
P = f"<p>{S1}</p>"
H1 = "<h1>الصحة تعلن إصابات جديدة</h1>"
PAGE_URL = "https://example.com/news/1"


def parsed(html: str) -> tuple[_Element, PageMeta, TreeIndex]:
    """The page as the HTML path holds it after ``strip_junk``: root, metadata, index."""
    options = Options()
    root = parse_page(PageInput(html, "html", "utf-8"), options)
    meta = read_metadata(root, PAGE_URL, options)
    return root, meta, strip_junk(root)


def marked(index: TreeIndex, attribute: str) -> _Element:
    found = index.root.find(f".//*[@{attribute}]")
    assert found is not None, attribute
    return found


# --- title ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            f"<article>{H1}<div data-body>{P}</div></article>",
            [("الصحة تعلن إصابات جديدة", "h1", True, False)],
            id="h1-in-article-header",
        ),
        pytest.param(
            f"<nav><h1>القائمة</h1></nav><article><h1>الصحة تعلن</h1><div data-body>{P}</div>"
            "</article>",
            [("القائمة", "h1", True, True), ("الصحة تعلن", "h1", True, False)],
            id="h1-in-nav-flagged-chrome",
        ),
        pytest.param(
            f"<h1><a href='/other'>خبر آخر عن الصحة</a></h1><div data-body>{P}</div>",
            [("خبر آخر عن الصحة", "h1", False, False)],
            id="teaser-h1-links-elsewhere",
        ),
        pytest.param(
            f"<h1><a href='{PAGE_URL}/'>Health ministry reports</a></h1><div data-body>{P}</div>",
            [("Health ministry reports", "h1", True, False)],
            id="permalink-h1-english",
        ),
        pytest.param(
            f"<h2>قسم الأخبار</h2><h2>الصحة تعلن إصابات</h2><div data-body>{P}</div>"
            "<h3>أخبار ذات صلة</h3>",
            [
                ("قسم الأخبار", "heading", False, False),
                ("الصحة تعلن إصابات", "heading", True, False),
                ("أخبار ذات صلة", "heading", False, False),
            ],
            id="nearest-heading-above-body",
        ),
    ],
)
def test_shown_headlines(body: str, expected: list[tuple[str, str, bool, bool]]) -> None:
    _, _, index = parsed(f"<html><body>{body}</body></html>")
    shown = shown_headlines(index, marked(index, "data-body"), frozenset({PAGE_URL}))
    assert [(t.text, t.kind, t.in_header, t.in_chrome) for t in shown.titles] == expected
    # Index for index, the element each headline was read from (the anchor of later stages).
    assert [clean_text(text_content(e)) for e in shown.elements] == [e[0] for e in expected]


LD_ARTICLE = (
    '<script type=\'application/ld+json\'>{"@type": "NewsArticle", '
    '"headline": "Health ministry reports", "publisher": {"@type": "Organization", '
    '"name": "Example News"}, "author": [{"@type": "Person", "name": "Jane Doe"}]}</script>'
)
MICRODATA = (
    "<div itemscope itemtype='https://schema.org/NewsArticle'>"
    "<span itemprop='headline'>عنوان من الميكرو</span><span itemprop='author'>سامي علي</span></div>"
)


@pytest.mark.parametrize(
    ("head", "body", "titles", "site_names"),
    [
        pytest.param(
            "<title>الصحة تعلن - الجزيرة</title><meta property='og:title' content='الصحة  تعلن'>"
            "<meta property='og:site_name' content='الجزيرة نت'>"
            "<meta name='twitter:site' content='@AJArabic'>",
            "",
            [("meta", "الصحة تعلن"), ("title", "الصحة تعلن - الجزيرة")],
            ("الجزيرة نت", "@AJArabic"),
            id="og-then-title-handle-last",
        ),
        pytest.param(
            LD_ARTICLE,
            MICRODATA,
            [("json-ld", "Health ministry reports"), ("microdata", "عنوان من الميكرو")],
            ("Example News",),
            id="json-ld-publisher-english",
        ),
        pytest.param(
            "<meta name='twitter:title' content='  '>",
            "<p>نص</p>",
            [],
            (),
            id="blank-title-dropped",
        ),
    ],
)
def test_metadata_titles_and_site_names(
    head: str, body: str, titles: list[tuple[str, str]], site_names: tuple[str, ...]
) -> None:
    _, meta, _ = parsed(f"<html><head>{head}</head><body>{body}<p>نص</p></body></html>")
    assert [(t.origin, t.text) for t in metadata_titles(meta)] == titles
    assert site_name_candidates(meta) == site_names


# --- credits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            f"<article>{H1}<div class='author'>بقلم: محمد أحمد</div>{P}</article>",
            Credit("byline", ("محمد أحمد",)),
            id="labelled-byline",
        ),
        pytest.param(
            f"<article>{H1}<div class='byline'>By Jane Doe</div>{P}</article>",
            Credit("byline", ("Jane Doe",)),
            id="english-byline",
        ),
        pytest.param(
            f"<article>{H1}<a rel='author' href='/a'>خالد منصور</a>{P}</article>",
            Credit("byline", ("خالد منصور",)),
            id="rel-author-unlabelled-name",
        ),
        pytest.param(
            f"<article>{H1}<div class='author'>المصدر: وكالة الأنباء الأردنية</div>{P}</article>",
            Credit("byline", (), "بترا"),
            id="source-agency",
        ),
        pytest.param(
            f"<article>{H1}<div class='byline'><a href='/d'>Dana Kowalski</a>"
            f"<span>Business reporter</span></div>{P}</article>",
            # the role is read apart from the name, and is no person's name
            Credit("byline", ("Dana Kowalski",)),
            id="name-and-role-read-apart",
        ),
        pytest.param(
            f"<article>{H1}{P}</article><div class='related'><h3>خبر</h3>"
            "<span class='author'>بقلم: سامي علي</span></div>",
            None,
            id="teaser-byline-ignored",
        ),
        pytest.param(
            f"<article>{H1}<div class='author'>{S1} {S1}</div></article>",
            None,
            id="long-text-in-author-box-ignored",
        ),
    ],
)
def test_visible_byline(body: str, expected: Credit | None) -> None:
    _, _, index = parsed(f"<html><body>{body}</body></html>")
    assert visible_byline(index, index.root.find(".//h1")) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("<h2>أ</h2><h3>ب</h3><h4>ج</h4>", ["أ", "ب"], id="h2-h3-not-h4"),
        pytest.param(
            "<div class='post-title'>أ</div><h2>ب</h2>",
            ["أ", "ب"],
            id="classed-div-then-h2-in-document-order",
        ),
        pytest.param("<span id='headline'>أ</span>", ["أ"], id="headline-id"),
        pytest.param("<a class='title'>أ</a><li class='title'>ب</li>", [], id="near-miss-tag"),
        pytest.param("<div class='subtitle'>أ</div>", [], id="near-miss-token"),
    ],
)
def test_headline_like_headings(body: str, expected: list[str]) -> None:
    _, _, index = parsed(
        f"<html><body>{body}<table><tr><td class='title'>د</td></tr></table></body></html>"
    )
    found = [clean_text(text_content(e)) for e in _headings(index)]
    assert found == [*expected, "د"]


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        pytest.param(
            f"{LD_ARTICLE}<meta name='author' content='John Roe'>",
            MICRODATA,
            [
                Credit("json-ld", ("Jane Doe",)),
                Credit("meta", ("John Roe",)),
                Credit("microdata", ("سامي علي",)),
            ],
            id="all-three-in-order",
        ),
        pytest.param(
            "<meta name='author' content='محمد أحمد'>",
            "",
            [Credit("meta", ("محمد أحمد",))],
            id="meta-only",
        ),
        pytest.param("<title>عنوان</title>", "", [], id="none"),
    ],
)
def test_metadata_credits(head: str, body: str, expected: list[Credit]) -> None:
    _, meta, _ = parsed(f"<html><head>{head}</head><body>{body}<p>نص</p></body></html>")
    assert metadata_credits(meta) == expected


# --- listing -------------------------------------------------------------------------------

TEASERS = "<h3><a href='/a'>خبر أول طويل</a></h3><h3><a href='/b'>خبر ثان طويل</a></h3>"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        pytest.param(
            "<meta property='og:type' content='article'><title>عنوان</title>",
            f"<h1>الصحة تعلن</h1>{P}",
            PageSignals(has_article_metadata=True, title_tag="عنوان", headings=("الصحة تعلن",)),
            id="og-article",
        ),
        pytest.param(
            "<meta property='article:published_time' content='2024-01-01'>",
            P,
            PageSignals(has_article_metadata=True),
            id="published-time-is-article-metadata",
        ),
        pytest.param(
            '<script type=\'application/ld+json\'>{"@type": "CollectionPage"}</script>'
            "<meta http-equiv='refresh' content='0;url=/x'>",
            f"{TEASERS}<nav><h2><a href='/c'>قائمة</a></h2></nav><h2>عنوان <a href='/d'>x</a></h2>",
            PageSignals(listing_metadata=True, meta_refresh=True, teasers=2),
            id="listing-refresh-teasers-not-nav",
        ),
    ],
)
def test_page_signals(head: str, body: str, expected: PageSignals) -> None:
    root, meta, _ = parsed(f"<html><head>{head}</head><body>{body}</body></html>")
    assert page_signals(meta, root) == expected


@pytest.mark.parametrize(
    ("body", "parts", "expected"),
    [
        pytest.param(f"<div data-a>{TEASERS}</div>{P}", ["data-a"], 2, id="teasers-in-body"),
        pytest.param(f"{TEASERS}<div data-a>{P}</div>", ["data-a"], 0, id="teasers-outside"),
        pytest.param(
            f"<div data-a>{TEASERS}</div><div data-b><h4><a href='/c'>ثالث</a></h4></div>",
            ["data-a", "data-b"],
            3,
            id="summed-over-parts",
        ),
    ],
)
def test_with_body_teasers(body: str, parts: list[str], expected: int) -> None:
    root, meta, index = parsed(f"<html><body>{body}</body></html>")
    signals = page_signals(meta, root)
    counted = with_body_teasers(signals, [marked(index, p) for p in parts])
    assert counted.body_teasers == expected
    assert counted.teasers == signals.teasers  # the rest is unchanged


# --- chrome --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        pytest.param("<nav data-t><a>الرئيسية</a></nav>", True, id="structural-tag"),
        pytest.param("<div data-t class='share-buttons'>شارك</div>", True, id="chrome-token"),
        pytest.param("<div data-t class='no-share'>نص</div>", False, id="negated-token"),
        pytest.param("<div data-t class='entry-content tags'>نص</div>", False, id="protected"),
        pytest.param(
            "<figure data-t><img src='a.jpg'><figcaption>صورة</figcaption></figure>",
            True,
            id="figure-caption",
        ),
        pytest.param(
            "<div data-t class='photo'><img src='a.jpg'><p>نص</p></div>",
            False,
            id="image-box-with-paragraph",
        ),
        pytest.param("<div data-t class='story'>نص</div>", False, id="plain-container"),
    ],
)
def test_is_chrome_element(fragment: str, expected: bool) -> None:
    _, _, index = parsed(f"<html><body>{fragment}</body></html>")
    element = marked(index, "data-t")
    assert is_chrome_element(element, index.tokens_of(element), chrome_rules()) is expected


@pytest.mark.parametrize(
    ("scope", "removed", "left"),
    [
        pytest.param(
            f"<nav><a>الرئيسية</a></nav>{P}<div class='share'>شارك</div><footer>حقوق</footer>",
            3,
            ["p"],
            id="nav-share-footer",
        ),
        pytest.param(f"<header>{P}{P}</header><p>قصير</p>", 0, ["header", "p"], id="wrapper-kept"),
        pytest.param(
            f"<div class='related' data-k>{P}</div>{P}{P}", 0, ["div", "p", "p"], id="keep-kept"
        ),
    ],
)
def test_remove_chrome(scope: str, removed: int, left: list[str]) -> None:
    _, _, index = parsed(f"<html><body><div data-s>{scope}</div></body></html>")
    root = marked(index, "data-s")
    keep = index.root.find(".//*[@data-k]")
    assert remove_chrome(root, chrome_rules(), index, keep=keep) == removed
    assert [e.tag for e in root] == left


def test_remove_chrome_reads_only_the_scope_and_what_is_still_in_the_tree() -> None:
    share = "<div class='share'>شارك</div>"
    figure = "<figure><img src='a.jpg'>صورة</figure>"  # chrome by its tag alone, no token
    _, _, index = parsed(
        f"<html><body>{share}<div data-s>{P}{share}{figure}<div class='story'>{P}</div></div>"
        "</body></html>"
    )
    scope = marked(index, "data-s")
    assert remove_chrome(scope, chrome_rules(), index) == 2
    assert [e.tag for e in scope] == ["p", "div"]
    # The box outside the scope is still there; a second pass over the page finds only it.
    assert remove_chrome(index.root, chrome_rules(), index) == 1
    assert index.root.find(".//*[@class='share']") is None
    assert remove_chrome(scope, chrome_rules(), index) == 0


# --- nearby --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "<div class='time'>10:00</div><article><div class='date'>14 مارس 2023</div>"
            "<h1>عنوان الخبر</h1><p>نص</p><span class='date'>15 مارس 2023</span></article>",
            [("14 مارس 2023", 2, True), ("15 مارس 2023", 2, True), ("نص", 1, False)],
            id="header-clock-out-above-penalised",
        ),
        pytest.param(
            "<article><h1>عنوان الخبر</h1><time>2023-03-14</time></article>"
            "<aside><span class='date'>1 يناير 2020</span></aside>",
            [("2023-03-14", 1, True)],
            id="time-tag-teaser-date-ignored",
        ),
        pytest.param(
            f"<article><h1>عنوان الخبر</h1><div class='date'>{S1} {S1}</div>"
            "<span class='posted'>Posted: Aug 8, 2024</span></article>",
            [("Posted: Aug 8, 2024", 2, True)],
            id="long-text-skipped-english",
        ),
    ],
)
def test_nearby_elements(body: str, expected: list[tuple[str, int, bool]]) -> None:
    _, _, index = parsed(f"<html><body>{body}</body></html>")
    rules = meta_rules()
    found = nearby_elements(
        index,
        index.root.find(".//h1"),
        rules.date_tokens,
        rules.teaser_tokens,
        extra_tags=("time",),
        around_headline=True,
    )
    assert [(n.text, n.distance, n.by_vocabulary) for n in found] == expected


def test_nearby_elements_without_anchor_keeps_document_order() -> None:
    _, _, index = parsed(
        "<html><body><div class='time'>10:00</div><article><h1>عنوان</h1>"
        "<span class='date'>15 مارس 2023</span></article></body></html>"
    )
    rules = meta_rules()
    found = nearby_elements(index, None, rules.date_tokens, rules.teaser_tokens)
    assert [n.text for n in found] == ["10:00", "15 مارس 2023"]


def test_a_related_box_right_after_the_headline_gives_no_date() -> None:
    from article_extract import extract

    body = "".join(
        f"<p>وقال المتحدث إن الوزارة ستواصل العمل على الخطة خلال الأشهر المقبلة رقم {n}.</p>"
        for n in range(4)
    )
    html = (
        "<html lang='ar'><body><article><h1>الصحة تعلن خطة جديدة للمستشفيات</h1>"
        "<div class='related'><a href='/x'>خبر آخر</a> 1 يناير 2020</div>"
        f"<div class='entry-content'>{body}</div></article></body></html>"
    )
    assert extract(html).published is None


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("كلمة  أولى\n\tثانية", 4),  # a word cut by a window's edge counts once
        ("ab cd", 2),  # the edge falls on the space: two words
        ("ab cd", 3),  # the edge falls right after it
        ("   a   ", 1),  # every window one character
        ("\u00a0a\u3000b\x1c", 2),  # Unicode whitespace, as str.split() sees it
        ("", 1),
        (" \n ", 1),
        ("word", 100),  # one window: the plain split
    ],
)
def test_collapsed_length_is_the_length_of_the_split_and_joined_text(
    text: str, window: int
) -> None:
    assert collapsed_length(text, window) == len(" ".join(text.split()))
