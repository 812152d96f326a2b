"""Body container, blocks and chrome removal on the HTML path."""

from __future__ import annotations

import contextlib
import functools
import logging

import pytest
from lxml import html as lxml_html

from article_extract import NotAnArticle, extract
from article_extract._html.blocks import Blocks, _data_rows, walk_blocks
from article_extract._html.body import (
    _own_text_length,
    _read_line,
    filter_blocks,
    score_container,
    scored_container,
)
from article_extract._html.chrome import _candidates
from article_extract._html.listing import page_signals
from article_extract._html.metadata import read_metadata
from article_extract._html.parse import parse_page, strip_junk
from article_extract._html.rules import body_rules, chrome_rules
from article_extract._html.title import shown_headlines
from article_extract._inputs import PageInput
from article_extract._lexicon import match_key
from article_extract._model import BlockKind, Options
from article_extract._text import clean_text

S1 = "أعلنت وزارة الصحة، اليوم الخميس، عن تسجيل إصابات جديدة بفيروس كورونا في عدد من المحافظات."
S2 = "وقالت الوزارة في بيان، إن الفرق الطبية تتابع الحالات عن كثب، وتقدم الرعاية اللازمة للمصابين."
S3 = "وأضاف البيان أن المستشفيات مستعدة لاستقبال الحالات، وأن المخزون الطبي يكفي لعدة أشهر قادمة."
S4 = "وأشار البيان إلى أن الوزارة ستعلن حصيلة الإصابات الجديدة في مؤتمر صحفي مساء اليوم."


def page(body: str, container: str = "entry-content", outside: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'>"
        "<meta property='og:title' content='الصحة تعلن إصابات جديدة'></head><body>"
        "<header><nav><ul><li><a href='/'>الرئيسية</a></li>"
        "<li><a href='/s'>رياضة</a></li></ul></nav></header>"
        f"<article><h1>الصحة تعلن إصابات جديدة</h1><div class='{container}'>{body}</div></article>"
        f"{outside}<footer>جميع الحقوق محفوظة © 2020</footer></body></html>"
    )


def test_br_separated_body_splits_into_paragraphs_and_subheadings() -> None:
    body = f"{S1}<br><br>{S2}<br><br>انتكاسة جديدة<br><br>{S3}"
    article = extract(page(body, container="aksa-articleBody"))
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph", "heading", "paragraph"]
    assert article.blocks[2].text == "انتكاسة جديدة"


def test_headings_lists_and_quotes_are_blocks() -> None:
    body = (
        f"<p>{S1}</p><h2>تفاصيل الخطة</h2><ul><li>توفير المستلزمات</li><li>دعم الفرق</li></ul>"
        f"<blockquote>{S2}</blockquote><p>{S3}</p>"
    )
    kinds = [(b.kind, b.text) for b in extract(page(body)).blocks]
    assert kinds == [
        ("paragraph", S1),
        ("heading", "تفاصيل الخطة"),
        ("list_item", "توفير المستلزمات"),
        ("list_item", "دعم الفرق"),
        ("quote", S2),
        ("paragraph", S3),
    ]


@pytest.mark.parametrize(
    "chrome",
    [
        "<div class='jnews_inline_related_post'><h3>إقرأ أيضاً</h3>"
        "<a href='/x'>خبر آخر عن الفن والفنانين</a></div>",
        "<p>اقرأ أيضا: <a href='/y'>وزير الصحة يتفقد المستشفيات</a></p>",
        "<div class='post-tags'><span>الكلمات الدالة :</span><a href='/t'>كورونا</a></div>",
        "<div class='share-buttons'><a href='#'>فيسبوك</a><a href='#'>تويتر</a></div>",
        "<p>تابعونا على فيسبوك وتويتر</p>",
        "<figure><img src='a.jpg'><figcaption>صورة أرشيفية للمستشفى</figcaption></figure>",
        "<div class='wp-caption'><img src='a.jpg'>"
        "<p class='wp-caption-text'>الصورة: أرشيف</p></div>",
        "<div class='newsletter'><p>اشترك في النشرة البريدية</p></div>",
        "<div class='ads'><p>إعلان</p></div>",
        # Labels with no class to go by: an advertisement's, a video box's.
        "<p>[PR]</p>",
        "<h3>ÖNERİLEN VİDEO</h3>",
        # An embedded player's card: the clip's title, its age and its duration.
        "<div class='video-card'><h3 class='video-item-title'>مؤتمر صحفي لوزير الصحة</h3>"
        "<span>منذ يوم</span><span>12:38</span></div>",
        # A "watch also" box's label over its one link.
        "<div><h4>شاهد أيضا</h4><a href='/v/1'>فيديو: طوابير أمام صهاريج المياه في القرى</a></div>",
    ],
)
def test_chrome_inside_the_container_is_removed(chrome: str) -> None:
    article = extract(page(f"<p>{S1}</p>{chrome}<p>{S2}</p><p>{S3}</p>"))
    assert article.body == "\n\n".join([S1, S2, S3])


def test_tail_marker_ends_the_body() -> None:
    body = f"<p>{S1}</p><p>{S2}</p><h3>مقالات ذات صلة</h3><p>{S3}</p>"
    assert extract(page(body)).body == f"{S1}\n\n{S2}"


RELATED_LINKS = "".join(
    f"<li><a href='/news/{n}'>{title}</a></li>"
    for n, title in enumerate(["وزير الصحة يتفقد المستشفيات", "افتتاح مركز طبي جديد في المدينة"])
)


def test_an_end_marker_heading_a_box_inside_the_text_does_not_end_it() -> None:
    # No class names to go by: the marker, a few linked headlines, then the text goes on.
    body = (
        f"<p>{S1}</p><p>{S2}</p><p>مقالات ذات صلة</p><ul>{RELATED_LINKS}</ul><p>{S3}</p><p>{S4}</p>"
    )
    blocks = [b.text for b in extract(page(body, container="x9f2k")).blocks]
    assert blocks == [S1, S2, S3, S4]


def test_an_end_marker_over_a_teaser_list_ends_the_body() -> None:
    teasers = "".join(
        f"<div><a href='/news/{n}'>خبر رقم {n} عن الاقتصاد</a></div><p>{S3}</p>" for n in range(3)
    )
    body = f"<p>{S1}</p><p>{S2}</p><p>مقالات ذات صلة</p>{teasers}"
    assert extract(page(body, container="x9f2k")).body == f"{S1}\n\n{S2}"


def test_headings_that_introduce_no_text_are_not_the_articles() -> None:
    # The page's tags set as headings, with no class to go by; a heading at the body's end.
    tags = "".join(
        f"<div><h3><a href='/search/{n}'></a>{word}</h3></div>"
        for n, word in enumerate(["الصحة", "كورونا", "المستشفيات"])
    )
    body = f"<p>{S1}</p><h2>تفاصيل الخطة</h2><p>{S2}</p><p>{S3}</p>{tags}<h3>تابعوا التغطية</h3>"
    kinds = [(b.kind, b.text) for b in extract(page(body, container="x9f2k")).blocks]
    assert kinds == [
        ("paragraph", S1),
        ("heading", "تفاصيل الخطة"),
        ("paragraph", S2),
        ("paragraph", S3),
    ]


def test_no_share_negation_keeps_the_container() -> None:
    article = extract(page(f"<p>{S1}</p><p>{S2}</p>", container="entry-content no-share"))
    assert article.body == f"{S1}\n\n{S2}"


def test_scoring_fallback_without_known_classes() -> None:
    html = (
        "<html><body><div id='top'><a href='/'>الرئيسية</a> <a href='/a'>أخبار</a></div>"
        f"<div class='x1'><div class='x2'><p>{S1}</p><p>{S2}</p><p>{S3}</p></div></div>"
        "<div class='x3'><a href='/1'>خبر آخر</a><a href='/2'>خبر ثالث</a></div>"
        "<h1>الصحة تعلن إصابات جديدة</h1></body></html>"
    )
    assert extract(html).body == "\n\n".join([S1, S2, S3])


def test_safety_valve_restores_an_over_stripped_body(caplog: pytest.LogCaptureFixture) -> None:
    # Every paragraph starts like a "read also" line: stripping would leave nothing.
    body = f"<p>اقرأ أيضا: {S1}</p><p>اقرأ أيضا: {S2}</p>"
    with caplog.at_level(logging.DEBUG, logger="article_extract"):
        article = extract(page(body))
    assert S1 in article.body
    assert any("unfiltered" in r.message for r in caplog.records)


def test_repeats_dropped_by_filtering_do_not_open_the_safety_valve() -> None:
    # Filtering drops the 200 repeats of one heading: that is layout removed, not text lost,
    # so the filtered body stands (the valve would bring back all 200).
    body = f"<p>{S1}</p>" + "<h2>عنوان فرعي يتكرر</h2>" * 200 + f"<p>{S2}</p><p>{S3}</p>"
    article = extract(page(body))
    assert sum(b.text == "عنوان فرعي يتكرر" for b in article.blocks) <= 1
    assert S1 in article.body
    assert S3 in article.body


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>", "no_body"),
        (
            "<html><head><title>404 - الصفحة غير موجودة</title></head>"
            "<body><h1>الصفحة غير موجودة</h1></body></html>",
            "error_page",
        ),
    ],
)
def test_not_an_article(html: str, reason: str) -> None:
    with pytest.raises(NotAnArticle) as caught:
        extract(html)
    assert caught.value.reason == reason


def test_home_page_url() -> None:
    html = page(f"<p>{S1}</p>").replace("og:title", "og:description")
    with pytest.raises(NotAnArticle) as caught:
        extract(html, url="https://news.test/")
    assert caught.value.reason == "home"


def test_deep_nesting_does_not_recurse() -> None:
    deep = "<div>" * 3000 + f"<p>{S1} {S2}</p>" + "</div>" * 3000
    html = f"<html><head><title>عنوان طويل للخبر</title></head><body>{deep}</body></html>"
    with contextlib.suppress(NotAnArticle):
        extract(html)


TABLE_PROSE = (
    "<p>وقال المتحدث باسم الوزارة إن الخطة تمتد لسنوات، وأضاف أن العمل سيتواصل في المشروع "
    "خلال الأشهر المقبلة، وأن الأرقام الواردة في الجدول التالي تخص الأسبوع الماضي.</p>"
)


def test_a_data_table_is_kept_as_rows_with_its_numbers() -> None:
    table = (
        "<table><tr><th>المحافظة</th><th>الإصابات</th></tr><tr><td>القاهرة</td><td>1200</td></tr>"
        "<tr><td>2021</td><td>2022</td></tr></table>"
    )
    page = (
        "<html><head><meta property='og:type' content='article'></head><body><article>"
        "<h1>الوزارة تعلن أعداد الإصابات في المحافظات</h1>"
        f"<div class='entry-content'>{TABLE_PROSE}{table}</div></article></body></html>"
    )
    rows = [(b.kind, b.text) for b in extract(page).blocks if b.kind == "table_row"]
    assert rows == [
        ("table_row", "المحافظة | الإصابات"),
        ("table_row", "القاهرة | 1200"),
        ("table_row", "2021 | 2022"),  # a row of numbers is data too
    ]


def test_a_layout_table_is_read_like_any_container() -> None:
    page = (
        "<html><body><table><tr><td><h1>الوزارة تعلن أعداد الإصابات في المحافظات</h1>"
        f"{TABLE_PROSE}</td><td>قائمة</td></tr></table></body></html>"
    )
    blocks = extract(page).blocks
    assert all(b.kind != "table_row" for b in blocks)
    assert "الجدول التالي" in blocks[0].text


def test_an_unlabelled_byline_with_its_place_is_an_author_not_a_paragraph() -> None:
    article = extract(page(f"<p>الدمام - فهد القحطاني</p><p>{S1}</p><p>{S2}</p><p>{S3}</p>"))
    assert article.authors == ("فهد القحطاني",)
    assert article.body == "\n\n".join([S1, S2, S3])


def test_a_short_phrase_with_a_dash_is_not_read_as_a_byline() -> None:
    # A place and a name-like phrase need the name's shape: "مصر - تونس" names no one.
    article = extract(page(f"<p>مصر - تونس</p><p>{S1}</p><p>{S2}</p><p>{S3}</p>"))
    assert article.authors == ()
    assert article.blocks[0].text == "مصر - تونس"


def test_a_short_line_around_a_time_element_at_the_edge_is_a_stamp() -> None:
    status = "مباشر آخر تحديث: <time datetime='2024-02-12T16:40'>16:40</time>"
    article = extract(page(f"<div>{status}</div><p>{S1}</p><p>{S2}</p><p>{S3}</p>"))
    assert article.body == "\n\n".join([S1, S2, S3])


def test_a_time_element_inside_prose_keeps_the_paragraph() -> None:
    dated = f"{S1[:-1]} <time datetime='2020-03-05'>الخميس</time>."
    article = extract(page(f"<p>{dated}</p><p>{S2}</p><p>{S3}</p>"))
    assert article.blocks[0].text.startswith(S1[:-1])


@pytest.mark.parametrize(
    ("html", "rows"),
    [
        # (kind, text, link_chars, set_apart, timed) per block, one column each.
        (
            "<div>سطر أول<br>سطر <a href='/x'>ثان</a></div>",
            [
                ("paragraph", "سطر أول", 0, True, False),
                ("paragraph", "سطر ثان", 3, False, False),
            ],
        ),
        (
            "<div><p><b>عنوان فرعي</b></p><p>نص <b>عادي</b></p></div>",
            [
                ("paragraph", "عنوان فرعي", 0, True, False),
                ("paragraph", "نص عادي", 0, False, False),
            ],
        ),
        (
            "<div><h2>عنوان</h2><ul><li>بند</li></ul><p><time>16:40</time> آخر تحديث</p></div>",
            [
                ("heading", "عنوان", 0, False, False),
                ("list_item", "بند", 0, False, False),
                ("paragraph", "16:40 آخر تحديث", 0, False, True),
            ],
        ),
        # A run of <br>s inside a link: every line its own block, all of it link text; blank
        # lines make no block.
        (
            "<div><a href='/'>رابط<br>ثان<br> <br>ثالث</a> ذيل<br>بعد</div>",
            [
                ("paragraph", "رابط", 4, True, False),
                ("paragraph", "ثان", 3, True, False),
                ("paragraph", "ثالث ذيل", 4, True, False),
                ("paragraph", "بعد", 0, False, False),
            ],
        ),
        # A <time> with no text of its own: the first line after it holds it.
        (
            "<div><p><time></time><br><br>سطر<br>ثان</p></div>",
            [
                ("paragraph", "سطر", 0, True, True),
                ("paragraph", "ثان", 0, False, False),
            ],
        ),
        (
            "<div><table><tr><td>أ</td><td>1</td></tr><tr><td>ب</td><td>2</td></tr></table></div>",
            [
                ("table_row", "أ | 1", 0, False, False),
                ("table_row", "ب | 2", 0, False, False),
            ],
        ),
    ],
)
def test_walk_blocks_reads_one_column_per_feature(
    html: str, rows: list[tuple[str, str, int, bool, bool]]
) -> None:
    blocks = walk_blocks(lxml_html.fragment_fromstring(html), body_rules())
    columns = (blocks.kinds, blocks.texts, blocks.link_chars, blocks.set_apart, blocks.timed)
    assert list(zip(*columns, strict=True)) == rows
    assert len(blocks) == len(rows)


@pytest.mark.parametrize(
    ("text", "line", "stamp", "byline", "source_label"),
    [
        ("المصدر:", True, False, False, True),
        ("المصدر:", False, False, False, False),  # a table's row is never a label
        ("بقلم: أحمد محمد", True, False, True, False),
        ("بقلم: أحمد محمد", False, False, False, False),
        ("الخميس 06 يناير 2022", True, True, False, False),
        ("الخميس 06 يناير 2022", False, False, False, False),
        ("وقالت الوزارة في بيان إن الفرق الطبية تتابع الحالات", True, False, False, False),
    ],
)
def test_a_line_reading_holds_its_roles_and_a_table_row_has_none(
    text: str, line: bool, stamp: bool, byline: bool, source_label: bool
) -> None:
    reading = _read_line(text, line)
    assert (reading.stamp, reading.byline is not None, reading.source_label) == (
        stamp,
        byline,
        source_label,
    )
    assert reading.key == match_key(text)
    assert reading.words == len(text.split())


@pytest.mark.parametrize(
    ("chrome", "rescored"),
    [
        ("", False),  # nothing removed: the page as it came is the page scored
        ("<nav><a href='/'>الرئيسية</a> <a href='/s'>رياضة</a></nav>", True),
    ],
)
def test_the_scored_container_is_scored_again_only_when_chrome_was_removed(
    chrome: str, rescored: bool
) -> None:
    html = f"<html><body>{chrome}<div><p>{S1}</p><p>{S2}</p><p>{S3}</p></div></body></html>"
    root = parse_page(PageInput(html, "html", "utf-8"), Options())
    index = strip_junk(root)
    as_it_came = score_container(root)
    assert as_it_came is not None
    stand_in = root.find("body")  # what a page scored as it came, told apart from the real best
    found = scored_container(index, stand_in)
    assert found is not None
    assert (found.primary is not stand_in) is rescored
    if rescored:
        assert found.primary is as_it_came


def test_a_repeated_headline_is_held_once_by_the_headline_readers() -> None:
    html = "<html><body>" + "<h1>عنوان الخبر</h1>" * 3 + "<h1>عنوان آخر</h1></body></html>"
    root = parse_page(PageInput(html, "html", "utf-8"), Options())
    index = strip_junk(root)
    for texts in (
        [t.text for t in shown_headlines(index, None).titles],
        list(page_signals(read_metadata(root, None, Options()), root).headings),
    ):
        assert texts == ["عنوان الخبر"] * 3 + ["عنوان آخر"]
        assert texts[0] is texts[1] is texts[2]  # one string, not one per element
    titles = shown_headlines(index, None).titles
    assert titles[0] is titles[1] is titles[2]  # one record per distinct headline
    assert titles[3] is not titles[0]


@pytest.mark.parametrize(
    ("body", "candidates"),
    [
        # Structural tags and class/id tokens make a candidate; a bare element does not.
        ("<nav>أ</nav><p>ب</p><figure>ج</figure>", ["nav", "figure"]),
        ("<div class='share-box'>أ</div><div>ب</div><span id='x'>ج</span>", ["div", "span"]),
        ("<p>أ</p><div><span>ب</span></div>", []),
    ],
)
def test_chrome_candidates_are_the_tagged_and_the_tokened_elements(
    body: str, candidates: list[str]
) -> None:
    root = parse_page(PageInput(f"<html><body>{body}</body></html>", "html", "utf-8"), Options())
    index = strip_junk(root)
    found = _candidates(root, chrome_rules(), index)
    assert [e.tag for e in found] == candidates


def test_a_data_table_holds_each_distinct_row_once() -> None:
    table = lxml_html.fragment_fromstring(
        "<table><tr><td>أ</td><td>1</td></tr><tr><td>أ</td><td>1</td></tr>"
        "<tr><td>ب</td><td>2</td></tr></table>"
    )
    rows = _data_rows(table, clean_text)
    assert rows == ["أ | 1", "أ | 1", "ب | 2"]
    assert rows[0] is rows[1]


@pytest.mark.parametrize(
    ("second", "repeats"),
    [
        (("paragraph", "سطر", 0, True, False), True),
        (("heading", "سطر", 0, True, False), False),  # another kind
        (("paragraph", "سطر آخر", 0, True, False), False),  # another text
        (("paragraph", "سطر", 3, True, False), False),  # its text inside a link
        (("paragraph", "سطر", 0, False, False), False),  # not set apart
        (("paragraph", "سطر", 0, True, True), False),  # holds a <time>
    ],
)
def test_a_block_repeats_the_previous_one_only_in_every_column(
    second: tuple[BlockKind, str, int, bool, bool], repeats: bool
) -> None:
    blocks = Blocks()
    blocks.append("paragraph", "سطر", 0, True, False)
    blocks.append(*second)
    assert blocks.repeats() == [False, repeats]  # the first block repeats nothing


def _run_of(lines: list[str]) -> Blocks:
    blocks = Blocks()
    for line in lines:
        blocks.append("paragraph", line, 0, True, False)
    return blocks


@pytest.mark.parametrize(
    ("lines", "kept", "authors"),
    [
        # A run of one line: kept once, however long the run.
        ([S1, *["سطر"] * 50, S2], [S1, "سطر", S2], []),
        # A repeated byline at the body's end is still read as a credit there (the edge rules
        # read the position, so the run's last blocks are read in full: both are credits).
        (
            [S1, S2, "سطر", "سطر", "بقلم: أحمد محمد", "بقلم: أحمد محمد"],
            [S1, S2, "سطر"],
            ["أحمد محمد", "أحمد محمد"],
        ),
        # A run of a line that is not kept (chrome) is not a repeat of a kept one.
        ([S1, "شارك", "شارك", "شارك", S2], [S1, S2], []),
    ],
)
def test_filtering_a_run_of_one_line(lines: list[str], kept: list[str], authors: list[str]) -> None:
    body = filter_blocks(_run_of(lines), None)
    assert [b.text for b in body.blocks] == kept
    assert [a for c in body.credits for a in c.authors] == authors


@pytest.mark.parametrize(
    ("html", "length"),
    [
        ("<div>سطر<br>سطر<br><a href='/'>رابط</a> ذيل</div>", len("سطرسطر ذيلرابط")),
        ("<div>نص<p>فقرة ليست منه</p>ذيل<b>غامق</b></div>", len("نصذيلغامق")),
        ("<div><p>فقرة</p></div>", 0),
    ],
)
def test_the_own_text_of_an_element_is_its_text_tails_and_inline_children(
    html: str, length: int
) -> None:
    assert _own_text_length(lxml_html.fragment_fromstring(html)) == length


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (2, len("سطر سطر")),  # shorter: its length
        (100, 300),  # longer: the bound, however long
        (100_000, 300),
    ],
)
def test_the_own_text_of_an_element_counts_up_to_a_bound(lines: int, expected: int) -> None:
    div = lxml_html.fragment_fromstring("<div>" + "سطر <br>" * lines + "</div>")
    assert _own_text_length(div, at_most=300) == expected


def test_walks_of_one_page_share_their_cleaning() -> None:
    cleaned: list[str] = []

    def counting_clean(text: str) -> str:
        cleaned.append(text)
        return clean_text(text)

    clean = functools.cache(counting_clean)
    div = lxml_html.fragment_fromstring("<div><p>سطر</p><p>سطر</p><p> آخر </p></div>")
    first = walk_blocks(div, body_rules(), clean)
    second = walk_blocks(div, body_rules(), clean)  # the walk after chrome removal
    assert first.texts == second.texts == ["سطر", "سطر", "آخر"]
    assert cleaned == ["سطر", " آخر "]  # each distinct line once, over both walks


def test_a_stamps_field_label_is_not_text() -> None:
    # Drupal prints a field's label apart from its value: "آخر تحديث" | "5 تشرين الثاني 2023".
    paragraph = "<p>" + "قررت الحكومة تمديد خطة الطوارئ للمحروقات حتى نهاية العام الجاري. " * 3
    page = (
        '<html lang="ar"><body><article><h1>الحكومة تقر خطة طوارئ للمحروقات</h1>'
        '<div class="node__meta"><div class="field__label">آخر تحديث</div>'
        '<div class="field__item">5 تشرين الثاني 2023 - 13:40</div></div>'
        f"<div>{paragraph}</p>{paragraph}</p>{paragraph}</p></div></article></body></html>"
    )
    article = extract(page)
    assert article.blocks[0].text.startswith("قررت الحكومة")
    assert "آخر تحديث" not in article.body
    assert article.modified is not None


@pytest.mark.parametrize(
    ("address", "share"),
    [
        ("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fx.com%2Fa", True),
        ("https://twitter.com/intent/tweet?text=a&url=b", True),
        ("https://X.com/intent/post?url=b", True),
        ("https://wa.me/?text=a", True),
        ("mailto:?subject=a&body=b", True),
        ("mailto:Buraya%20adres?subject=a", True),
        ("mailto:editor@example.com", False),  # a contact address, not a share button
        ("https://twitter.com/haberturk", False),  # the site's own account
        ("https://www.facebook.com/groups/x", False),
        ("/2024/07/03/a", False),
    ],
)
def test_is_share_link(address: str, share: bool) -> None:
    from article_extract._html.chrome import is_share_link
    from article_extract._html.rules import chrome_rules

    assert is_share_link(address, chrome_rules()) is share


def test_share_buttons_without_telling_classes_are_not_text() -> None:
    item = '<li class="x1"><a href="{}" class="x2"><i></i></a><span class="x3">{}</span></li>'
    share_bar = "".join(
        item.format(href, label)
        for href, label in (
            ("https://twitter.com/intent/tweet?url=u", "twitter-x"),
            ("mailto:?subject=s&body=u", "mail"),
            ("https://wa.me/?text=u", "whatsapp"),
        )
    )
    paragraph = "<p>" + "Yangına havadan ve karadan müdahale ediliyor ve ekipler çalışıyor. " * 3
    page = (
        "<html lang='tr'><body><div class='x5'><h1>İzmir'de orman yangını</h1>"
        f"<ul class='x4'>{share_bar}</ul>{paragraph}</p>{paragraph}</p>{paragraph}</p>"
        "</div></body></html>"
    )
    body = extract(page).body
    for label in ("twitter-x", "mail", "whatsapp"):
        assert label not in body.split()


LEAD = "الوزارة تطمئن المواطنين وتؤكد أن الوضع الصحي تحت السيطرة رغم ارتفاع عدد الإصابات."


def _header_then_body(between: str) -> str:
    # The headline and what follows it in the page's header, outside the <article> body box
    # (no telling class name), then the text in an "entry-content" container.
    return (
        "<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'>"
        "<meta property='og:title' content='الصحة تعلن إصابات جديدة'></head><body>"
        "<nav><a href='/'>الرئيسية</a></nav>"
        f"<div class='x1'><h1>الصحة تعلن إصابات جديدة</h1>{between}</div>"
        f"<article><div class='entry-content'><p>{S1}</p><p>{S2}</p><p>{S3}</p></div></article>"
        "<footer>جميع الحقوق محفوظة © 2020</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("between", "lead"),
    [
        (f"<div class='k2'><p>{LEAD}</p></div>", True),  # the standfirst, unclassed
        (f"<span>أخبار محلية</span><p>{LEAD}</p>", True),  # after a kicker
        (f"<p>الخميس 06 يناير 2022 - 10:30</p><p>{LEAD}</p>", True),  # after the stamp
        (f"<figure><img src='a.jpg'><figcaption><p>{LEAD}</p></figcaption></figure>", False),
        (f"<p><a href='/news/2'>{LEAD}</a></p>", False),  # a link: a teaser, not the lead
        ("<p>بقلم: سامي يوسف</p>", False),  # a byline is not prose
        ("<p>الخميس 06 يناير 2022 - 10:30</p>", False),  # nor a stamp
        ("<ul><li><p>" + LEAD + "</p></li></ul>", False),  # a list's item
        (f"<div class='author-box'><div><p>{LEAD}</p></div></div>", False),  # a writer's bio
    ],
)
def test_the_standfirst_under_the_headline_opens_the_body(between: str, lead: bool) -> None:
    blocks = [b.text for b in extract(_header_then_body(between)).blocks]
    assert blocks[0] == (LEAD if lead else S1)
    assert blocks[-1] == S3


def test_a_paragraph_that_cites_its_agency_is_kept_and_names_the_source() -> None:
    cited = f"{S3} (رويترز)"
    article = extract(page(f"<p>{S1}</p><p>{S2}</p><p>{cited}</p>"))
    assert [b.text for b in article.blocks] == [S1, S2, S3]
    assert article.source == "رويترز"
    # The same credit closing a short caption-like line stays out of the text.
    captioned = extract(page(f"<p>{S1}</p><p>محطة الكهرباء الرئيسية (رويترز)</p><p>{S2}</p>"))
    assert [b.text for b in captioned.blocks] == [S1, S2]


@pytest.mark.parametrize(("first", "last"), [("دمشق - سانا", None), (None, "وكالات")])
def test_an_agency_credit_line_at_the_text_edge_names_the_source(
    first: str | None, last: str | None
) -> None:
    paragraphs = [p for p in (first, S1, S2, S3, last) if p]
    article = extract(page("".join(f"<p>{p}</p>" for p in paragraphs)))
    assert [b.text for b in article.blocks] == [S1, S2, S3]
    assert article.source == (first or last or "").split(" - ")[-1]
