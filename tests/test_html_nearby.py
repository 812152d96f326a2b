"""Stamps near the headline: which boxes around them are teaser furniture (``_html.nearby``)."""

from __future__ import annotations

import pytest

from article_extract import extract

HEADLINE = "محافظ الزرقاء يفتتح مركزا صحيا شاملا في حي معصوم"
PARAGRAPH = (
    "<p>"
    + "وقال المحافظ إن المركز يخدم أكثر من مئة ألف نسمة من سكان الحي والمناطق المجاورة. " * 4
    + "</p>"
)
STAMP = "الخميس 27 أكتوبر 2023"


def _page(body: str) -> str:
    return f"<html><head><title>{HEADLINE}</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("body", "printed"),
    [
        # A wrapper classed for its layout ("withSidebar") holds the headline: it is the
        # article's own box, not a sidebar, and the stamp inside it is the article's.
        (
            f'<div class="detail withSidebar"><h1>{HEADLINE}</h1>'
            f'<time class="timeStamp">{STAMP}</time>{PARAGRAPH * 3}</div>',
            STAMP,
        ),
        # An <aside> inside the headline's <article>: its meta column.
        (
            f'<article><h1>{HEADLINE}</h1><aside><span class="date">{STAMP}</span></aside>'
            f"{PARAGRAPH * 3}</article>",
            STAMP,
        ),
        # The site's sidebar, outside the article: a teaser's date there is not the page's.
        (
            f"<article><h1>{HEADLINE}</h1>{PARAGRAPH * 3}</article>"
            f'<aside><span class="date">{STAMP}</span></aside>',
            None,
        ),
        # A related box below the headline, inside the article: its own class says teaser.
        (
            f'<article><h1>{HEADLINE}</h1><div class="related-posts"><span class="date">{STAMP}'
            f"</span></div>{PARAGRAPH * 3}</article>",
            None,
        ),
        # No telling class names: the stamp is in the box after the headline's own box.
        (
            f'<div class="x1"><div class="x2"><h1>{HEADLINE}</h1></div><div class="x3">'
            f'<div class="x4"><span class="x5"></span><span class="x6">{STAMP}</span></div>'
            f'<div class="x7"><span>مشاهدات عالية</span></div></div>{PARAGRAPH * 3}</div>',
            STAMP,
        ),
        # … but not one far below it: a teaser's date at the foot of the article.
        (
            f'<div class="x1"><h1>{HEADLINE}</h1>{"<div><p>سطر</p></div>" * 8}{PARAGRAPH * 3}'
            f'<div class="x9"><span>{STAMP}</span></div></div>',
            None,
        ),
        # Printed just above the headline, inside its <article>.
        (
            f'<article><div class="x1"><ul><li>{STAMP}</li></ul></div><div class="x2">'
            f"<h1>{HEADLINE}</h1></div>{PARAGRAPH * 3}</article>",
            STAMP,
        ),
        # A short sentence that mentions a date is not a stamp, wherever it sits.
        (
            f'<div class="x1"><h1>{HEADLINE}</h1><div class="x3">'
            f"<span>افتتح المركز في {STAMP} بحضور المحافظ وعدد من المسؤولين.</span></div>"
            f"{PARAGRAPH * 3}</div>",
            None,
        ),
        # A box under the text headed "Most Read": its stamps are other pages', whatever its
        # class says.
        (
            f"<div><h1>{HEADLINE}</h1>{PARAGRAPH * 3}<div class='below'><h2>الأكثر قراءة</h2>"
            f"<ul><li><a href='/a/1'>عنوان خبر آخر في القائمة</a><span class='date'>{STAMP}"
            "</span></li></ul></div></div>",
            None,
        ),
        # … its heading inside the box's first part.
        (
            f"<div><h1>{HEADLINE}</h1>{PARAGRAPH * 3}<section><div><h2>الأكثر قراءة</h2></div>"
            f"<ul><li><a href='/a/1'>عنوان خبر آخر في القائمة</a><span class='date'>{STAMP}"
            "</span></li></ul></section></div>",
            None,
        ),
    ],
    ids=[
        "layout-wrapper",
        "article-aside",
        "site-sidebar",
        "related-box",
        "next-box",
        "far-below",
        "above-in-article",
        "sentence-not-stamp",
        "most-read-box",
        "most-read-box-nested-heading",
    ],
)
def test_the_stamp_near_the_headline(body: str, printed: str | None) -> None:
    assert extract(_page(body)).published_text == printed


@pytest.mark.parametrize(
    ("box", "authors"),
    [
        # No telling class names: a name with its place, in the box under the headline.
        ("<span>حسام أبو العلا - القاهرة</span>", ("حسام أبو العلا",)),
        ("<span>كتب: سامي يوسف</span>", ("سامي يوسف",)),  # labelled
        # A short phrase there reads like a name, but nothing says it is one.
        ("<span>مشاهدات عالية</span>", ()),
        # A name glued to a date after the dash: the dash does not open a place.
        ("<span>سامي يوسفالقاهرة - 27 أكتوبر 2023</span>", ()),
        # A name linked to the site's page for that author.
        ('<a href="/Editors/EditorNews/689/1/x"><h5>نورهان نبيل</h5></a>', ("نورهان نبيل",)),
        # … but not a name linked elsewhere.
        ('<a href="/news/689/1/x"><h5>نورهان نبيل</h5></a>', ()),
        # The link's own text, not its box's: the place beside it is glued to the name there.
        (
            '<div><a href="/author/n-n">نورهان نبيل</a><span>القاهرة</span></div>',
            ("نورهان نبيل",),
        ),
    ],
    ids=[
        "name-place",
        "labelled",
        "phrase",
        "name-then-date",
        "author-page",
        "other-page",
        "glued",
    ],
)
def test_the_byline_under_a_headline_without_class_names(
    box: str, authors: tuple[str, ...]
) -> None:
    body = f'<div class="x1"><h1>{HEADLINE}</h1><div class="x3">{box}</div>{PARAGRAPH * 3}</div>'
    assert extract(_page(body)).authors == authors


def test_byline_and_stamp_under_a_standfirst_without_class_names() -> None:
    # The headline's box holds a standfirst of prose; the byline and the stamp follow it.
    standfirst = PARAGRAPH.replace("<p>", '<p class="x8">')
    body = (
        f'<div class="x1"><div class="x2"><h1>{HEADLINE}</h1>{standfirst}</div>'
        f'<p class="x3"><span>كتب: سامي يوسف</span></p><section><span class="x4">{STAMP}'
        f"</span></section>{PARAGRAPH * 3}</div>"
    )
    article = extract(_page(body))
    assert article.authors == ("سامي يوسف",)
    assert article.published_text == STAMP


@pytest.mark.parametrize(
    ("box", "authors"),
    [
        # The date on a line of its own inside the byline box: read apart, it does not end
        # the last name.
        (
            '<div class="byline"><div>By Jane Doe and Sam Lee</div><div>November 5, 2023</div>'
            "</div>",
            ("Jane Doe", "Sam Lee"),
        ),
        # An unlabelled name beside the date in one byline box.
        (
            f'<div class="byline"><span>أحمد الحربي</span><div>نشر في: {STAMP}</div></div>',
            ("أحمد الحربي",),
        ),
        # Names in links, the label and the joiner in spans, the date in the next part.
        (
            '<div class="byline"><div><span>By</span> <a href="/a/j">JANE DOE</a><span> and '
            '</span><a href="/a/o">OMAR KHALIL</a></div><div><span>Updated</span> '
            "<span>3:05 PM GMT+3, November 5, 2023</span></div></div>",
            ("JANE DOE", "OMAR KHALIL"),
        ),
    ],
    ids=["labelled-names-then-date", "name-beside-date", "linked-names-then-date"],
)
def test_a_byline_box_that_holds_its_date(box: str, authors: tuple[str, ...]) -> None:
    body = f"<div><h1>{HEADLINE}</h1>{box}{PARAGRAPH * 3}</div>"
    assert extract(_page(body)).authors == authors
