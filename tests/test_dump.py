"""The text-dump path, on pages written here in the shapes scrapers save them.

The page below is constructed (not copied from the corpus) with the layout every news site
shares: menus, breadcrumb, headline, date, byline, body with a subheading and an inline
"اقرأ أيضا" box, then tags, related list, comment form and footer. Each test re-shapes it the
way a different dumping tool would and checks the same extraction.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from article_extract import (
    BinaryInput,
    EmptyInput,
    NotAnArticle,
    Options,
    extract,
)
from article_extract._dump.lines import display_width, split_physical_lines

TITLE = "وزارة الصحة تعلن خطة جديدة لتطوير المستشفيات الحكومية في المحافظات"
DATE_LINE = "الثلاثاء 14 مارس 2023"
PARAGRAPHS = [
    "أعلنت وزارة الصحة، اليوم الثلاثاء، عن خطة شاملة لتطوير المستشفيات الحكومية في مختلف "
    "المحافظات، تشمل تحديث الأجهزة الطبية وزيادة عدد الأسرة وتدريب الكوادر.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الخطة تمتد على ثلاث سنوات، وإن المرحلة الأولى "
    "ستبدأ في المحافظات الأكثر احتياجاً خلال الأشهر المقبلة.",
    "وأضاف أن الوزارة خصصت ميزانية كبيرة للمشروع، بالتعاون مع عدد من الجهات الدولية المانحة "
    "التي أبدت استعدادها لدعم القطاع الصحي.",
    "وتشمل المرحلة الثانية إنشاء مراكز متخصصة لعلاج الأمراض المزمنة، وربط المستشفيات بشبكة "
    "إلكترونية موحدة لتسهيل نقل الملفات الطبية للمرضى.",
    "وأكد المتحدث أن الوزارة ستنشر تقارير دورية عن سير العمل، وأنها ترحب بملاحظات المواطنين "
    "عبر القنوات الرسمية.",
]
SUBHEADING = "مراكز متخصصة"
MENU = ["الرئيسية", "أخبار محلية", "اقتصاد", "رياضة", "ثقافة", "منوعات", "اتصل بنا"]
FOOTER = [
    "الكلمات المفتاحية",
    "الصحة",
    "المستشفيات",
    "مقالات ذات صلة",
    "افتتاح مستشفى جديد في العاصمة بتكلفة كبيرة",
    "الأربعاء 8 مارس 2023",
    "حملة تطعيم واسعة في المدارس الحكومية",
    "اترك تعليقاً",
    "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    "جميع الحقوق محفوظة © 2023",
    "زر الذهاب إلى الأعلى",
]
CHROME = ["الرئيسية", "مقالات ذات صلة", "اترك تعليقاً", "بريدك الإلكتروني", "زر الذهاب إلى الأعلى"]


def _page_lines() -> list[str]:
    return [
        *MENU,
        "الرئيسية / أخبار محلية",
        TITLE,
        DATE_LINE,
        "كتب: سامي يوسف",
        "المصدر: وكالة الأنباء الأردنية",
        PARAGRAPHS[0],
        PARAGRAPHS[1],
        "اقرأ أيضا",
        "وزير الصحة يتفقد مستشفى الجامعة",
        PARAGRAPHS[2],
        SUBHEADING,
        PARAGRAPHS[3],
        PARAGRAPHS[4],
        *FOOTER,
    ]


def blank_separated() -> str:
    return "\n\n".join(_page_lines()) + "\n"


def indented() -> str:  # inscriptis-like layout text
    return "\n".join(("    " * (i % 3)) + line for i, line in enumerate(_page_lines()))


def bulleted_crlf() -> str:  # menus as bullets, Windows line ends, no blank lines
    lines = [f"  • {x}" if x in MENU else x for x in _page_lines()]
    return "\r\n".join(lines)


def with_title_line() -> str:  # html-text: the document <title> first
    return f"{TITLE} - صحيفة المثال\n\n" + "\n".join(_page_lines())


def hard_wrapped(width: int = 72) -> str:  # w3m -dump: paragraphs wrapped at a fixed width
    out: list[str] = []
    for line in _page_lines():
        out.extend(textwrap.wrap(line, width=width) or [""])
    return "\n".join(out)


def menus_on_one_line() -> str:
    lines = _page_lines()
    return " ".join(MENU) + "\n" + "\n".join(lines[len(MENU) :])


SHAPES = {
    "blank_separated": blank_separated,
    "indented": indented,
    "bulleted_crlf": bulleted_crlf,
    "with_title_line": with_title_line,
    "hard_wrapped": hard_wrapped,
    "menus_on_one_line": menus_on_one_line,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_gives_the_same_article(shape: str) -> None:
    article = extract(SHAPES[shape]())
    assert article.title == TITLE
    assert article.published is not None
    assert article.published.date().isoformat() == "2023-03-14"
    assert article.date_precision == "day"
    assert article.authors == ("سامي يوسف",)
    assert article.source == "بترا"
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", PARAGRAPHS[0]),
        ("paragraph", PARAGRAPHS[1]),
        ("paragraph", PARAGRAPHS[2]),
        ("heading", SUBHEADING),
        ("paragraph", PARAGRAPHS[3]),
        ("paragraph", PARAGRAPHS[4]),
    ]
    for phrase in CHROME:
        assert phrase not in article.body
        assert phrase not in article.title
    assert article.input_kind == "text"
    assert article.language == "ar"


def test_title_line_gives_the_site_name() -> None:
    assert extract(with_title_line()).site_name == "صحيفة المثال"


def test_title_line_site_beats_a_short_line_by_the_headline() -> None:
    # A views counter and a reading time under the headline read like a short unlabelled
    # phrase (the dump's guess at a site name); the "Headline - Site" first line says it.
    page = with_title_line().replace(f"{TITLE}\n", f"{TITLE}\n1٬245 دقيقة واحدة\n", 1)
    assert "1٬245 دقيقة واحدة" in page
    assert extract(page).site_name == "صحيفة المثال"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "UTF-8"), ("utf-16", "UTF-16LE"), ("windows-1256", "windows-1256")],
)
def test_bytes_in_any_encoding(encoding: str, expected: str) -> None:
    data = blank_separated().encode(encoding)  # Python's utf-16 codec writes a BOM
    article = extract(data)
    assert article.title == TITLE
    assert article.encoding == expected
    assert article.blocks[0].text == PARAGRAPHS[0]


def test_path_input(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(blank_separated().encode("windows-1256"))
    article = extract(path)
    assert article.title == TITLE
    assert article.encoding == "windows-1256"


def test_relative_date_needs_a_reference() -> None:
    text = blank_separated().replace(DATE_LINE, "منذ 3 ساعات")
    assert extract(text).published is None
    reference_now = Options(reference=__import__("datetime").datetime(2023, 3, 14, 15, 0))
    article = extract(text, options=reference_now)
    assert article.published is not None
    assert article.published.isoformat() == "2023-03-14T12:00:00"


def test_arabic_indic_digits_in_the_date() -> None:
    text = blank_separated().replace(DATE_LINE, "الثلاثاء ١٤ مارس ٢٠٢٣")
    article = extract(text)
    assert article.published is not None
    assert article.published.date().isoformat() == "2023-03-14"
    assert article.published_text == "الثلاثاء ١٤ مارس ٢٠٢٣"


def test_menu_only_page_is_not_an_article() -> None:
    text = "\n\n".join([*MENU, "أخبار محلية", "أحدث الأخبار", *FOOTER])
    with pytest.raises(NotAnArticle) as caught:
        extract(text)
    assert caught.value.reason == "no_body"
    assert "no article body" in caught.value.message


def test_listing_of_headlines_is_not_an_article() -> None:
    headlines = [f"عنوان خبر رقم {i} عن موضوع مهم في المدينة اليوم" for i in range(30)]
    with pytest.raises(NotAnArticle):
        extract("\n".join([*MENU, *headlines, *FOOTER]))


@pytest.mark.parametrize("source", ["", "   \n\t ", b"", b"\n\n"])
def test_empty_input(source: str | bytes) -> None:
    with pytest.raises(EmptyInput, match="empty"):
        extract(source)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"%PDF-1.7\n" + bytes(200),
        bytes(range(256)) * 8,
    ],
)
def test_binary_input(data: bytes) -> None:
    with pytest.raises(BinaryInput, match="binary"):
        extract(data)


def test_physical_lines_lose_bullets_indentation_and_placeholders() -> None:
    raw = "   • الرئيسية\n[logo]\n    * اقتصاد\r\n[          ]\n   نص عادي  "
    assert split_physical_lines(raw) == ["الرئيسية", "", "اقتصاد", "", "نص عادي"]


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("日本") == 4


UPDATE_STAMP = "آخر تحديث: الخميس 30 مارس 2023"


def test_an_update_stamp_is_never_the_publication_date() -> None:
    article = extract(blank_separated().replace(DATE_LINE, UPDATE_STAMP))
    assert article.published is None
    assert article.modified is not None
    assert article.modified.date().isoformat() == "2023-03-30"


def test_a_date_in_the_callers_url_gives_the_publication_day() -> None:
    text = blank_separated().replace(DATE_LINE, UPDATE_STAMP)
    article = extract(text, url="https://example.com/news/2023/03/14/health-plan")
    assert article.published is not None
    assert article.published.date().isoformat() == "2023-03-14"
    assert article.date_origin == "url"
    assert article.published_text is None
    assert article.modified is not None
    assert article.modified.date().isoformat() == "2023-03-30"


def test_a_visible_date_later_than_the_url_date_is_an_update() -> None:
    article = extract(blank_separated(), url="https://example.com/2023/03/01/story")
    assert article.published is not None
    assert article.published.date().isoformat() == "2023-03-01"
    assert article.modified is not None
    assert article.modified.date().isoformat() == "2023-03-14"


def test_a_url_date_that_agrees_leaves_the_visible_stamp() -> None:
    article = extract(blank_separated(), url="https://example.com/2023/03/14/story")
    assert article.date_origin == "visible"
    assert article.published_text == DATE_LINE


def test_a_trailing_list_of_other_stories_is_not_body() -> None:
    paragraph = (
        "وقال المتحدث باسم الوزارة إن الخطة تمتد لسنوات، وأضاف أن العمل سيتواصل في المشروع. "
    )
    teasers = "\n\n".join(
        f"عنوان خبر آخر رقم {n} عن الاقتصاد\n\n{n} يناير 2022" for n in range(1, 5)
    )
    dump = (
        "الوزارة تعلن خطة جديدة لدعم المشاريع الصغيرة\n\nالخميس 06 يناير 2022\n\n"
        + "\n\n".join(paragraph * 3 + str(i) for i in range(3))
        + "\n\n"
        + teasers
    )
    article = extract(dump)
    assert "عنوان خبر آخر" not in article.body
    assert len(article.blocks) == 3


def test_a_short_headline_under_the_date_stamp_beats_its_longer_standfirst() -> None:
    # Section, date, then a three-word headline and its standfirst (no headline above the date).
    standfirst = "كيف أنهت الحكومة أزمة المستشفيات في المحافظات الجنوبية"
    text = "\n\n".join(
        [
            *MENU,
            "محليات",
            DATE_LINE,
            "ثورة في المستشفيات",
            standfirst,
            *PARAGRAPHS,
            "جميع الحقوق محفوظة",
        ]
    )
    assert extract(text).title == "ثورة في المستشفيات"


def test_a_long_recaptcha_notice_under_a_sign_up_form_is_chrome() -> None:
    # Over the prefix rule's 40 words: the notice is told by the phrase it contains.
    notice = (
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content "
        "funded by outside parties. For more information see our Privacy Policy. We use Google "
        "reCaptcha to protect our website and the Google Privacy Policy and Terms of Service "
        "apply, and more words follow here so that the line runs well past forty words."
    )
    text = "\n\n".join([TITLE, DATE_LINE, *PARAGRAPHS[:3], notice, *PARAGRAPHS[3:]])
    article = extract(text)
    assert "Privacy Notice" not in article.body
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_a_sign_up_box_between_paragraphs_keeps_the_paragraphs_after_it() -> None:
    # Heading, blurb, e-mail field and button: a run of chrome lines, which the body span used
    # to end at, losing the closing paragraphs.
    box = [
        "النشرة البريدية",
        "اشترك في نشرتنا اليومية لتصلك أهم الأخبار",
        "البريد الإلكتروني",
        "اشترك",
    ]
    text = "\n\n".join([TITLE, DATE_LINE, *PARAGRAPHS[:3], *box, *PARAGRAPHS[3:], *FOOTER])
    article = extract(text)
    assert article.body == "\n\n".join(PARAGRAPHS)


# --- a live blog ----------------------------------------------------------------------------

LIVE_TITLE = "العاصفة تضرب السواحل الشرقية وتعليق الرحلات الجوية"
LIVE_KEY_POINTS = [
    "أبرز المستجدات",
    "تعليق الدراسة في جميع مدارس المحافظات الساحلية يومي الاثنين والثلاثاء.",
    "تعليق الرحلات في المطار الرئيسي حتى صباح الغد.",
]
# Newest first: (time, headline or None, text).
LIVE_ENTRIES = [
    ("16:40", "استئناف تدريجي للرحلات", PARAGRAPHS[0]),
    ("15:55", None, PARAGRAPHS[1]),
    ("15:10", "مراكز إيواء مؤقتة", PARAGRAPHS[2]),
    ("14:20", None, PARAGRAPHS[3]),
]


def _live_blog(share_row: list[str], *, stamps: bool = True) -> str:
    lines = [
        *MENU,
        "مباشر آخر تحديث: 16:40",
        LIVE_TITLE,
        "تغطية: مريم الشحي وسالم البلوشي بدأت التغطية: الاثنين 12 فبراير 2024 - 06:00 صباحاً",
        *LIVE_KEY_POINTS,
        "تحديث تلقائي",
        "الأحدث أولاًالأقدم أولاً",
    ]
    for time, headline, text in LIVE_ENTRIES:
        lines += [time] if stamps else []
        lines += [headline] if headline else []
        lines += [text, *share_row]
    return "\n\n".join([*lines, "تحميل المزيد", "جميع الحقوق محفوظة"])


@pytest.mark.parametrize(
    "share_row",
    [
        pytest.param(["نسخ الرابطمشاركة"], id="glued-buttons"),
        pytest.param(["نسخ الرابط", "مشاركة"], id="two-chrome-buttons"),
        pytest.param(["Share"], id="one-chrome-button"),
        pytest.param(["شارك الخبر"], id="an-end-of-article-marker"),
    ],
)
def test_a_live_blog_is_read_as_an_article(share_row: list[str]) -> None:
    article = extract(_live_blog(share_row))
    assert article.title == LIVE_TITLE
    assert article.authors == ("مريم الشحي", "سالم البلوشي")
    assert article.published is not None
    assert article.published.isoformat() == "2024-02-12T06:00:00"
    texts = [block.text for block in article.blocks]
    entries = [text for _, headline, text in LIVE_ENTRIES] + [
        headline for _, headline, _ in LIVE_ENTRIES if headline
    ]
    assert texts[: len(LIVE_KEY_POINTS)] == LIVE_KEY_POINTS
    assert set(entries) <= set(texts)
    assert not any(time in article.body for time, _, _ in LIVE_ENTRIES)
    assert not any(button in article.body for button in share_row)


def test_without_its_time_stamps_a_feed_is_no_live_blog() -> None:
    # The same page without the entries' times: nothing says the marker under each entry is
    # the entry's share row, so it ends the body as on any article, and no run of text before
    # one is long enough to be a body.
    with pytest.raises(NotAnArticle):
        extract(_live_blog(["شارك الخبر"], stamps=False))


# --- the header of dumps from layouts the corpus does not hold ------------------------------


def test_headline_under_the_stamp_when_a_breadcrumb_parts_the_line_above() -> None:
    # A ticker item, the breadcrumb, the stamp, then the headline and its bylines (two names
    # and a place in parentheses): the line above the stamp is the site's, not the headline.
    page = "\n".join(
        [
            *MENU,
            "آخر الأخبار",
            "الأرصاد: أمطار رعدية على 6 مناطق حتى الثلاثاء",
            "الرئيسية » اقتصاد",
            DATE_LINE,
            TITLE,
            "محمد العتيبي، سعد الزهراني (الرياض)",
            "A+ A- طباعة إرسال",
            *PARAGRAPHS,
            *FOOTER,
        ]
    )
    article = extract(page)
    assert article.title == TITLE
    assert article.authors == ("محمد العتيبي", "سعد الزهراني")
    assert article.site_name is None  # the font-size buttons are chrome, not a site's name


def test_a_share_bar_under_the_stamp_keeps_the_headline_in_the_header() -> None:
    # headline, stamp, share bar, then a caption right above the text: the caption is nearer
    # the body, but the share bar belongs to the headline's header.
    page = "\n".join(
        [
            *MENU,
            TITLE,
            DATE_LINE,
            "فيسبوك",
            "تويتر",
            "واتساب",
            "نسخ الرابط",
            "جانب من افتتاح المستشفى الجديد",
            *PARAGRAPHS,
            *FOOTER,
        ]
    )
    article = extract(page)
    assert article.title == TITLE
    assert article.site_name is None  # nor is the caption the site's name


@pytest.mark.parametrize(
    ("line", "site_name"),
    [
        ("المغرب تحت المجهر", "المغرب تحت المجهر"),  # a short phrase by the headline
        ("1٬245 دقيقة واحدة", None),  # a views counter and a reading time
        ("السكر - أرشيفية", None),  # a caption with its credit
        ("Artikel zum Hören • 3 Min", None),  # an audio player's label
    ],
)
def test_a_site_name_guess_is_a_short_phrase(line: str, site_name: str | None) -> None:
    page = "\n".join([*MENU, TITLE, DATE_LINE, line, *PARAGRAPHS, *FOOTER])
    assert extract(page).site_name == site_name


def test_a_date_label_on_a_line_of_its_own_is_not_text() -> None:
    page = "\n".join(
        [*MENU, TITLE, DATE_LINE, *PARAGRAPHS[:2], "آخر تحديث", DATE_LINE, *PARAGRAPHS[2:], *FOOTER]
    )
    assert "آخر تحديث" not in extract(page).body
