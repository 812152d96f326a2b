"""Authors, sources and credit lines on realistic CMS pages: site header and menu, the article
with its byline or author box, Arabic paragraphs, the site's footer. Each case states who the
authors are, what the source is, and which credit lines must not reach the body; counter-cases
keep the readings that were right before."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import pytest

from article_extract import Article, extract
from article_extract._lexicon import chrome_lexicon

SITE = "الوطن اليوم"
HEADLINE = "الحكومة تعلن حزمة إجراءات جديدة لدعم القطاع الخاص"
PARAGRAPHS = (
    "أعلنت وزارة المالية أمس عن حزمة جديدة من الإجراءات الاقتصادية التي تهدف إلى دعم القطاع"
    " الخاص وتخفيف أعباء التضخم عن الأسر ذات الدخل المحدود، وذلك في ظل ارتفاع أسعار السلع"
    " الأساسية خلال الأشهر الماضية.",
    "وقال الوزير في مؤتمر صحفي إن الحكومة ستخصص نحو ثلاثة مليارات لتمويل المشروعات الصغيرة"
    " والمتوسطة، مشيرا إلى أن هذه الخطوة تأتي ضمن خطة شاملة لإصلاح الاقتصاد الوطني وتعزيز"
    " النمو خلال السنوات المقبلة.",
    "ويرى خبراء أن نجاح هذه الإجراءات يتوقف على سرعة التنفيذ ووضوح آليات الرقابة، لافتين إلى"
    " أن التجارب السابقة أظهرت أن التأخير في صرف المخصصات يقلل من أثرها في الأسواق ويضعف ثقة"
    " المستثمرين.",
    "وفي سياق متصل، أكد محافظ البنك المركزي أن السياسة النقدية ستبقى متوازنة، وأن البنك سيواصل"
    " مراقبة معدلات التضخم عن كثب لضمان استقرار الأسعار وحماية القوة الشرائية للمواطنين.",
)
BODY = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
EN_HEADLINE = "Government unveils new package to support small businesses"
EN_PARAGRAPHS = tuple(
    f"The government announced a new package of measures on Tuesday to support small "
    f"businesses, officials said, as inflation continued to squeeze households ({n})."
    for n in ("first", "second", "third", "fourth")
)
EN_BODY = "\n".join(f"<p>{p}</p>" for p in EN_PARAGRAPHS)
URL = "https://alwatan-alyoum.example/economy/2023/03/12/123456"
STAMP = '<time class="post-date" datetime="2023-03-12T10:00:00+03:00">12 مارس 2023</time>'


def _ld(**fields: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "datePublished": "2023-03-12T10:00:00+03:00",
        "publisher": {"@type": "Organization", "name": SITE},
        **fields,
    }


def page(
    header: str,
    body: str = BODY,
    after: str = "",
    *,
    ld: dict[str, Any] | None = None,
    site: str = SITE,
    headline: str = HEADLINE,
    lang: str = "ar",
) -> str:
    """A WordPress-like article page: header and menu, the headline, ``header`` (byline,
    stamp) under it, the text, ``after`` it inside the article, the footer."""
    data = json.dumps(ld if ld is not None else _ld(), ensure_ascii=False)
    direction = "rtl" if lang == "ar" else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">
<title>{headline} | {site}</title>
<meta property="og:site_name" content="{site}">
<script type="application/ld+json">{data}</script>
</head><body>
<header class="site-header"><a href="/" class="logo">{site}</a>
<nav class="main-menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/local">محليات</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sports">رياضة</a></li>
<li><a href="/opinion">مقالات</a></li></ul></nav></header>
<main><article class="post">
<h1 class="post-title">{headline}</h1>
{header}
<div class="post-content">
{body}
</div>
{after}
</article></main>
<footer class="site-footer"><p>جميع الحقوق محفوظة © 2023 {site}</p>
<ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li></ul></footer>
</body></html>"""


class Case(NamedTuple):
    html: str
    authors: tuple[str, ...]
    source: str | None = None
    not_in_body: tuple[str, ...] = ()


def _check(article: Article, case: Case) -> None:
    assert tuple(article.authors) == case.authors
    assert article.source == case.source
    for text in case.not_in_body:
        assert text not in article.body
    # The text itself is all there.
    assert article.blocks[0].text in (PARAGRAPHS[0], EN_PARAGRAPHS[0])
    assert article.blocks[-1].text in (PARAGRAPHS[-1], EN_PARAGRAPHS[-1])


AUTHOR_BOX = (
    '<div class="author-box"><img src="/uploads/sara.jpg" alt="">'
    '<div class="author-info"><h4 class="author-name"><a href="/author/sara">سارة المنصوري</a>'
    '</h4><p class="author-bio">كاتبة وباحثة في الشؤون الاقتصادية</p>'
    '<a class="author-more" href="/author/sara">جميع مقالات الكاتبة</a></div></div>'
)
# The same box with no telling class names.
PLAIN_AUTHOR_BOX = (
    '<div class="b-a"><img src="/uploads/sara.jpg" alt=""><h4><a href="/kuttab/sara">'
    "سارة المنصوري</a></h4><p>كاتبة وباحثة في الشؤون الاقتصادية</p>"
    '<p><a href="/kuttab/sara">جميع مقالات الكاتبة</a></p></div>'
)
BIO_AND_LINK = ("كاتبة وباحثة", "جميع مقالات", "مقالات الكاتب")
PHOTO_CREDIT = "تصوير وإعداد: محمد علي — نشر في 12 مارس 2023"
# A share bar of icon buttons with no telling class names (spans, not links: no link density
# gives it away): its text is the labels glued together.
SHARE_BAR = (
    '<div class="d-flex gap-2"><span>شارك</span>'
    '<span class="i" onclick="share(1)"><i class="i-fb"></i>فيسبوك</span>'
    '<span class="i" onclick="share(2)"><i class="i-tw"></i>تويتر</span>'
    '<span class="i" onclick="share(3)"><i class="i-wa"></i>واتساب</span>'
    '<span class="i" onclick="copy()"><i class="i-ln"></i>نسخ الرابط</span></div>'
)
GLUED_SHARE_BAR = "شاركفيسبوكتويترواتسابنسخ الرابط"
NO_DATE_LD = {k: v for k, v in _ld().items() if k != "datePublished"}
EN: dict[str, Any] = {"body": EN_BODY, "site": "Daily Star", "headline": EN_HEADLINE, "lang": "en"}
EN_LD = _ld(headline=EN_HEADLINE, publisher={"@type": "Organization", "name": "Daily Star"})

CASES = {
    # --- 4. An agency after a name in a byline is the source, not an author.
    "by-name-et-agency": Case(
        page('<p class="byline">By Jane Doe et AFP</p>', ld=EN_LD, **EN),
        ("Jane Doe",),
        "AFP",
        ("Jane Doe",),
    ),
    "by-name-and-agency": Case(
        page('<p class="byline">By Jane Doe and AFP</p>', ld=EN_LD, **EN),
        ("Jane Doe",),
        "AFP",
    ),
    "by-name-et-agency-emphasised": Case(
        page('<p class="byline">By Jane Doe et <em>AFP</em></p>', ld=EN_LD, **EN),
        ("Jane Doe",),
        "AFP",
    ),
    "by-two-names": Case(  # counter-case: two people stay two authors
        page('<p class="byline">By Jane Doe and Sam Lee</p>', ld=EN_LD, **EN),
        ("Jane Doe", "Sam Lee"),
    ),
    "arabic-name-and-agency": Case(
        page(f'<div class="author">خالد العمري و(أ ف ب)</div>{STAMP}'),
        ("خالد العمري",),
        "أ ف ب",
    ),
    # --- 1. An opinion column's author box: the name only; the bio and link are no text.
    "author-box-under-the-text": Case(
        page(STAMP, after=AUTHOR_BOX), ("سارة المنصوري",), not_in_body=BIO_AND_LINK
    ),
    "author-box-under-the-headline": Case(
        page(
            '<div class="author-card"><img src="/uploads/k.jpg"><span class="author-name">'
            '<a href="/writers/12">خالد الزهراني</a></span><span class="bio">كاتب وباحث في'
            ' الشؤون الاقتصادية</span><a href="/writers/12">المزيد من مقالات الكاتب</a></div>'
            + STAMP
        ),
        ("خالد الزهراني",),
        not_in_body=("خالد الزهراني", "كاتب وباحث", "المزيد من مقالات"),
    ),
    "author-box-inside-the-text": Case(
        page(STAMP, BODY + AUTHOR_BOX), ("سارة المنصوري",), not_in_body=BIO_AND_LINK
    ),
    "plain-author-box-under-the-headline": Case(
        page(PLAIN_AUTHOR_BOX + STAMP), ("سارة المنصوري",), not_in_body=BIO_AND_LINK
    ),
    "plain-author-box-opening-the-text": Case(
        page(STAMP, PLAIN_AUTHOR_BOX + BODY), ("سارة المنصوري",), not_in_body=BIO_AND_LINK
    ),
    "english-author-box": Case(
        page(
            '<div class="author"><img src="/u/j.jpg"><a href="/author/jane-doe">Jane Doe</a>'
            '<span>Economics correspondent</span><a href="/author/jane-doe">More from this'
            " author</a></div>",
            ld=EN_LD,
            **EN,
        ),
        ("Jane Doe",),
        not_in_body=("correspondent", "More from"),
    ),
    # --- 2. An outlet before the name: the name is the author, the line is no body text.
    "outlet-dash-name-byline": Case(
        page(f'<div class="byline">الوطن اليوم - خالد العمري</div>{STAMP}'),
        ("خالد العمري",),
        not_in_body=("خالد العمري",),
    ),
    "outlet-dash-name-first-paragraph": Case(
        page(STAMP, f"<p>الوطن اليوم - خالد العمري</p>\n{BODY}"),
        ("خالد العمري",),
        not_in_body=("خالد العمري", "الوطن اليوم -"),
    ),
    "outlet-dash-name-unclassed": Case(
        page(f"<div><span>الوطن اليوم - خالد العمري</span></div>{STAMP}"),
        ("خالد العمري",),
        not_in_body=("خالد العمري",),
    ),
    "name-dash-city-byline": Case(  # counter-case: the city after the name is its place
        page(f'<div class="byline">خالد العمري - القاهرة</div>{STAMP}'),
        ("خالد العمري",),
        not_in_body=("القاهرة",),
    ),
    "name-dash-city-first-paragraph": Case(
        page(STAMP, f"<p>خالد العمري - القاهرة</p>\n{BODY}"),
        ("خالد العمري",),
        not_in_body=("خالد العمري",),
    ),
    # --- 3. A photo story's credit with its stamp: the name is the author, the date is read,
    # and neither the line nor a glued share bar is text.
    "photo-story-credit-under-the-headline": Case(
        page(f'<div class="gallery-meta"><p>{PHOTO_CREDIT}</p></div>{SHARE_BAR}', ld=NO_DATE_LD),
        ("محمد علي",),
        not_in_body=("تصوير", "شارك", "فيسبوك"),
    ),
    "photo-story-credit-opening-the-text": Case(
        page("", f"<p>{PHOTO_CREDIT}</p>\n{SHARE_BAR}\n{BODY}", ld=NO_DATE_LD),
        ("محمد علي",),
        not_in_body=("تصوير", "شارك", "فيسبوك"),
    ),
    "photo-story-credit-without-a-dash": Case(
        page("", f"<p>إعداد وتصوير: محمد علي نشر في 12 مارس 2023</p>\n{BODY}", ld=NO_DATE_LD),
        ("محمد علي",),
        not_in_body=("تصوير",),
    ),
    "share-bar-inside-the-text": Case(
        page(
            STAMP,
            f"<p>{PARAGRAPHS[0]}</p>{SHARE_BAR}" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:]),
        ),
        (),
        not_in_body=("شارك", "فيسبوك"),
    ),
    "photo-credit-alone-is-a-caption": Case(  # counter-case: a photographer is no author
        page(STAMP, f"{BODY}\n<p>تصوير: محمد علي</p>"),
        (),
        not_in_body=("تصوير",),
    ),
    # --- 5. A JSON-LD author typed as an organisation is not a person.
    "json-ld-agency-organization": Case(
        page(
            STAMP,
            ld=_ld(author={"@type": "Organization", "name": "وكالة الأنباء السعودية"}),
        ),
        (),
        "واس",
    ),
    "json-ld-site-organization": Case(
        page(STAMP, ld=_ld(author={"@type": "NewsMediaOrganization", "name": "Gulf Media Group"})),
        (),
    ),
    "json-ld-person-and-organization": Case(
        page(
            STAMP,
            ld=_ld(
                author=[
                    {"@type": "Person", "name": "سارة المنصوري"},
                    {"@type": "Organization", "name": "Reuters"},
                ]
            ),
        ),
        ("سارة المنصوري",),
        "رويترز",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_credits_on_a_cms_page(name: str) -> None:
    case = CASES[name]
    _check(extract(case.html, url=URL), case)


def dump(
    header: tuple[str, ...],
    after: tuple[str, ...] = (),
    *,
    paragraphs: tuple[str, ...] = PARAGRAPHS,
    site: str = SITE,
    headline: str = HEADLINE,
) -> str:
    """The same page as a scraper's text dump: one block per line, blank lines between."""
    menu = ("الرئيسية", "محليات", "اقتصاد", "رياضة", "مقالات")
    footer = (f"جميع الحقوق محفوظة © 2023 {site}", "من نحن", "اتصل بنا")
    lines = (site, *menu, headline, *header, *paragraphs, *after, *footer)
    return "\n\n".join(lines) + "\n"


DUMPS = {
    "photo-story-credit": Case(
        dump((PHOTO_CREDIT, GLUED_SHARE_BAR)),
        ("محمد علي",),
        not_in_body=("تصوير", "شارك", "فيسبوك"),
    ),
    "share-bar-inside-the-text": Case(
        dump(("12 مارس 2023",), paragraphs=(PARAGRAPHS[0], GLUED_SHARE_BAR, *PARAGRAPHS[1:])),
        (),
        not_in_body=("شارك", "فيسبوك"),
    ),
    "columnist-with-bio-and-author-box": Case(
        dump(
            ("سارة المنصوري", "كاتبة وباحثة في الشؤون الاقتصادية", "12 مارس 2023"),
            ("سارة المنصوري", "كاتبة وباحثة في الشؤون الاقتصادية", "جميع مقالات الكاتبة"),
        ),
        ("سارة المنصوري",),
        not_in_body=BIO_AND_LINK,
    ),
    "outlet-dash-name": Case(
        dump(("الوطن اليوم - خالد العمري", "12 مارس 2023")),
        ("خالد العمري",),
        not_in_body=("خالد العمري",),
    ),
    "name-dash-city": Case(
        dump(("خالد العمري - القاهرة", "12 مارس 2023")),
        ("خالد العمري",),
        not_in_body=("خالد العمري",),
    ),
    "by-name-et-agency": Case(
        dump(
            ("By Jane Doe et AFP", "March 12, 2023"),
            paragraphs=EN_PARAGRAPHS,
            site="Daily Star",
            headline=EN_HEADLINE,
        ),
        ("Jane Doe",),
        "AFP",
        ("Jane Doe",),
    ),
}


@pytest.mark.parametrize("name", list(DUMPS))
def test_credits_in_a_dump(name: str) -> None:
    case = DUMPS[name]
    _check(extract(case.html, url=URL), case)


def test_an_organization_author_names_the_site_when_nothing_else_does() -> None:
    """The organisation behind the site, credited as the author, is the site's name when the
    page states none (no og:site_name, no publisher); an agency never is."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HEADLINE,
        "datePublished": "2023-03-12T10:00:00+03:00",
        "author": {"@type": "Organization", "name": "صحيفة الوطن اليوم"},
    }
    html = page(STAMP, ld=ld).replace('<meta property="og:site_name" content="الوطن اليوم">', "")
    article = extract(html, url=URL)
    assert article.site_name == "صحيفة الوطن اليوم"
    assert article.authors == ()
    ld["author"] = {"@type": "Organization", "name": "Reuters"}
    html = page(STAMP, ld=ld).replace('<meta property="og:site_name" content="الوطن اليوم">', "")
    article = extract(html, url=URL)
    assert article.site_name != "Reuters"
    assert (article.authors, article.source) == ((), "رويترز")


def test_a_short_line_opening_with_a_role_word_is_text_away_from_a_byline() -> None:
    """ "كاتب سعودي يفوز بجائزة" opens with a role word, but no name stands beside it: the
    text's own line, not a bio."""
    line = "كاتب سعودي يفوز بجائزة الرواية العربية"
    article = extract(page(STAMP, f"<p>{line}</p>\n{BODY}"), url=URL)
    assert article.blocks[0].text == line


@pytest.mark.parametrize(
    "html",
    [
        page("", f"<p>{PHOTO_CREDIT}</p>\n{SHARE_BAR}\n{BODY}", ld=NO_DATE_LD),
        dump((PHOTO_CREDIT, GLUED_SHARE_BAR)),
    ],
    ids=["html", "dump"],
)
def test_a_photo_story_credit_states_the_date(html: str) -> None:
    article = extract(html, url=URL)
    assert article.published is not None
    assert article.published.date().isoformat() == "2023-03-12"


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        (GLUED_SHARE_BAR, True),
        ("FacebookTwitterWhatsAppCopy link", True),
        ("شارك فيسبوك", True),  # apart: the menu rule's
        ("محمد علي", False),
        ("Sharepoint", False),  # one phrase and a rest that is none
        ("homework", False),
    ],
)
def test_share_labels_glued_together_are_chrome(line: str, chrome: bool) -> None:
    assert chrome_lexicon().is_chrome(line) is chrome
