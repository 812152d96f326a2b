"""JSON-LD reading (tolerant), titles, site names and credits on the HTML path."""

from __future__ import annotations

import pytest

from article_extract import extract
from article_extract._decide.titles import strip_site_affixes
from article_extract._html.jsonld import parse_jsonld
from article_extract._text import letters_key as title_key
from article_extract._urls import normalize_url

P = (
    "<p>أعلنت وزارة الصحة، اليوم الخميس، عن تسجيل إصابات جديدة بفيروس كورونا في عدد من "
    "المحافظات، وقالت إن الفرق الطبية تتابع الحالات عن كثب.</p>"
)
BODY = P + (
    "<p>وأضافت الوزارة في بيان أن عدد الحالات التي تماثلت للشفاء ارتفع خلال الأسبوع الماضي، "
    "وأن المستشفيات الميدانية استقبلت المرضى القادمين من القرى البعيدة دون تأخير.</p>"
    "<p>ودعت المواطنين إلى الالتزام بالإجراءات الوقائية، مؤكدة أن الخطة تمتد حتى نهاية العام.</p>"
)
HEADLINE = "<h1>وزارة الصحة تعلن إصابات جديدة</h1>"


def page(head: str = "", header: str = "", body: str = BODY, lang: str = 'lang="ar"') -> str:
    return (
        f"<!DOCTYPE html><html {lang}><head><meta charset='utf-8'>{head}</head><body>"
        f"<nav><a href='/'>الرئيسية</a></nav><article>{header}"
        f"<div class='entry-content'>{body}</div></article></body></html>"
    )


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ('{"@type": "NewsArticle", "headline": "x"}', True),
        ('{"@type": "NewsArticle", "headline": "x",}', True),  # trailing comma
        ('<!-- {"@type": "NewsArticle"} -->', True),  # HTML comment wrapper
        ('{"@type": "NewsArticle", "headline": "line\nbreak"}', True),  # raw control character
        ('{"@type": "A"} {"@type": "B"}', True),  # two objects back to back
        ("{not json", False),
    ],
)
def test_parse_jsonld_is_tolerant(text: str, ok: bool) -> None:
    assert (parse_jsonld(text) is not None) is ok


def test_jsonld_graph_and_lists() -> None:
    ld = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "صدى البلد"},'
        '[{"@type": ["NewsArticle", "Article"], "headline": "عنوان &quot;الخبر&quot;",'
        '"datePublished": "2020-12-25T01:59:50+02:00",'
        '"author": [{"@type": "Person", "name": "ضحى عرفة"}],'
        '"articleSection": "فن", "keywords": ["يسرا", "كورونا"]}]]}</script>'
    )
    article = extract(page(head=ld, header='<h1>عنوان "الخبر"</h1>'))
    assert article.title == 'عنوان "الخبر"'
    assert article.published is not None
    assert article.published.isoformat() == "2020-12-25T01:59:50+02:00"
    assert article.date_origin == "json-ld"
    assert article.authors == ("ضحى عرفة",)
    assert article.section == "فن"
    assert article.tags == ("يسرا", "كورونا")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("تركى آل الشيخ بعد إصابة يسرا - قناة صدى البلد", "تركى آل الشيخ بعد إصابة يسرا"),
        ("المدينة نيوز - أميركا :50 الفا حصيلة الوفيات", "أميركا :50 الفا حصيلة الوفيات"),
        ("خبر عاجل | الجزيرة نت", "خبر عاجل"),
        ("خبر - ثان - قناة صدى البلد", "خبر - ثان"),
        ("بلا لاحقة", "بلا لاحقة"),
    ],
)
def test_strip_site_affixes(title: str, expected: str) -> None:
    keys = {title_key("قناة صدى البلد"), title_key("المدينة نيوز"), title_key("الجزيرة نت")}
    assert strip_site_affixes(title, keys) == expected


def test_h1_confirmed_by_metadata_wins_over_logo_h1() -> None:
    head = (
        "<title>معارضون يسيطرون على مخازن للصواريخ - CNNArabic.com</title>"
        "<meta property='og:title' content='معارضون يسيطرون على مخازن للصواريخ'>"
    )
    html = page(head=head, header="<h1>CNN</h1><h1>معارضون يسيطرون على مخازن للصواريخ</h1>")
    assert extract(html).title == "معارضون يسيطرون على مخازن للصواريخ"


def test_title_is_never_the_site_name_alone() -> None:
    head = (
        "<title>الجزيرة نت</title><meta property='og:site_name' content='الجزيرة نت'>"
        "<meta property='og:title' content='انطلاق القمة العربية في الرياض | الجزيرة نت'>"
    )
    article = extract(page(head=head, header="<h1>الجزيرة نت</h1>"))
    assert article.title == "انطلاق القمة العربية في الرياض"
    assert article.site_name == "الجزيرة نت"


def test_byline_labels_and_site_authors() -> None:
    head = (
        "<meta name='author' content='موقع الخبر'>"
        "<meta property='og:site_name' content='موقع الخبر'>"
    )
    header = HEADLINE + "<div class='post-author'>كتب: ضحى عرفة</div>"
    assert extract(page(head=head, header=header)).authors == ("ضحى عرفة",)
    assert extract(page(head=head, header=HEADLINE)).authors == ()


def test_agency_credit_is_source_not_body() -> None:
    body = P * 2 + "<p>--(بترا)</p>"
    article = extract(page(header=HEADLINE, body=body))
    assert article.source == "بترا"
    assert "بترا" not in article.body


def test_language_and_direction() -> None:
    # No declared language: the text's own (one rule for HTML and dumps).
    article = extract(page(header=HEADLINE, lang=""))
    assert article.language == "ar"
    assert article.direction == "rtl"
    article = extract(page(header=HEADLINE, lang='lang="ar" dir="rtl"'))
    assert (article.language, article.direction) == ("ar", "rtl")
    head = "<meta property='og:locale' content='ar_AR'>"
    assert extract(page(head=head, header=HEADLINE, lang="")).language == "ar"


@pytest.mark.parametrize(
    ("value", "base"),
    [
        # found by the fuzzer: a malformed host made urlsplit raise ("Invalid IPv6 URL")
        ("http://[::1", None),
        ("/x.jpg", "http://[::1"),
        ("//[::1/x.jpg", "https://example.com/"),
        # a scheme-relative "//javascript:alert(1)" is a host with a port that is no number
        ("//javascript:alert(1)", "https://example.com/"),
    ],
)
def test_malformed_page_urls_are_no_urls(value: str, base: str | None) -> None:
    assert normalize_url(value, base) is None


def test_malformed_base_href_is_ignored() -> None:
    head = '<base href="http://[::1"><meta property="og:image" content="/i.jpg">'
    article = extract(page(head=head, header=HEADLINE))
    assert article.image is None
    assert article.body
