"""The date choice rules of ``_html/dates.py``, one test per rule, on small pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from article_extract import Options, extract
from article_extract._urls import url_date_text

P = (
    "<p>أعلنت وزارة الصحة، اليوم الخميس، عن تسجيل إصابات جديدة بفيروس كورونا في عدد من "
    "المحافظات، وقالت إن الفرق الطبية تتابع الحالات عن كثب.</p>"
)


def page(head: str = "", stamp: str = "", header_clock: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'>"
        f"<meta property='og:title' content='عنوان الخبر'>{head}</head><body>"
        f"<div class='top-bar'><span class='date'>{header_clock}</span></div>"
        f"<nav><a href='/'>الرئيسية</a></nav><article><h1>عنوان الخبر</h1>{stamp}"
        f"<div class='entry-content'>{P * 3}</div></article>"
        "<footer>جميع الحقوق محفوظة © 1944 - 2020</footer></body></html>"
    )


def ld(published: str, modified: str | None = None) -> str:
    extra = f', "dateModified": "{modified}"' if modified else ""
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "عنوان الخبر", '
        f'"datePublished": "{published}"{extra}}}</script>'
    )


def test_rule1_jsonld_first_then_meta() -> None:
    head = (
        ld("2020-12-01T02:00:00+03:00")
        + "<meta property='article:published_time' content='2020-11-30T10:00:00+03:00'>"
    )
    article = extract(page(head))
    assert article.published == datetime.fromisoformat("2020-12-01T02:00:00+03:00")
    assert article.date_origin == "json-ld"
    assert [c.origin for c in article.date_conflicts] == ["meta"]


def test_rule1_visible_stamp_when_no_metadata() -> None:
    stamp = "<div class='article_created'>تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً</div>"
    article = extract(page(stamp=stamp))
    assert article.published == datetime(2020, 4, 24, 21, 22)
    assert article.published_text == "الجمعة 24 نيسان / أبريل 2020 09:22 مساءً"  # no label
    assert article.date_origin == "visible"


def test_a_labelled_publication_date_beats_an_unlabelled_one_in_its_stamp() -> None:
    # A live page's dateline: the last update unlabelled, the first publication labelled.
    stamp = (
        "<details class='dateline'><summary>Sun 5 Nov 2023 14.40 GMT</summary>"
        "<span>First published on Sun 5 Nov 2023 10.02 GMT</span></details>"
    )
    article = extract(page(stamp=stamp))
    assert article.published == datetime(2023, 11, 5, 10, 2, tzinfo=UTC)


def test_a_time_element_after_an_updated_label_is_the_modification() -> None:
    stamp = (
        "<div class='live'><span>LIVE</span> Updated <time datetime='2023-11-05T14:40:02Z'>"
        "14m ago</time></div><div class='date'>نشر في: 5 نوفمبر 2023 10:02</div>"
    )
    article = extract(page(stamp=stamp))
    assert article.published == datetime(2023, 11, 5, 10, 2, tzinfo=UTC)
    assert article.modified == datetime(2023, 11, 5, 14, 40, 2, tzinfo=UTC)


def test_rule4_visible_stamp_beats_metadata_that_disagrees_by_more_than_a_day() -> None:
    stamp = "<div class='post-date'>الأحد 13 نوفمبر 2022 04:12 م</div>"
    article = extract(page(ld("2022-11-10T09:00:00+03:00"), stamp=stamp))
    assert article.published == datetime(2022, 11, 13, 16, 12)
    assert article.date_origin == "visible"
    assert [(c.origin, c.value.date().isoformat()) for c in article.date_conflicts] == [
        ("json-ld", "2022-11-10")
    ]


def test_rule4_metadata_within_a_day_of_the_stamp_stands() -> None:
    stamp = "<div class='post-date'>الأحد 13 نوفمبر 2022 04:12 م</div>"
    article = extract(page(ld("2022-11-13T13:12:00+00:00"), stamp=stamp))
    assert article.date_origin == "json-ld"
    assert article.published == datetime.fromisoformat("2022-11-13T13:12:00+00:00")


def test_rule1_copyright_years_and_header_clocks_are_not_dates() -> None:
    article = extract(page(header_clock="الأحد 5 يناير 2025"))
    assert article.published is None


def test_rule2_local_time_labelled_utc_yields_to_a_real_offset() -> None:
    head = "<meta property='article:published_time' content='2020-12-25T01:59:50+00:00'>"
    head += "<meta itemprop='datePublished' content='2020-12-25T01:59:50+02:00'>"
    article = extract(page(head))
    assert article.published == datetime.fromisoformat("2020-12-25T01:59:50+02:00")


def test_rule3_utc_metadata_on_the_previous_day_takes_the_printed_offset() -> None:
    head = "<meta property='article:published_time' content='2020-12-24T23:59:50+00:00'>"
    stamp = "<div class='jeg_meta_date'><a href='#'>2020/12/25 - 1:59 صباحًا</a></div>"
    article = extract(page(head, stamp))
    assert article.published is not None
    assert article.published.isoformat() == "2020-12-25T01:59:50+02:00"
    assert article.published_text == "2020/12/25 - 1:59 صباحًا"


def test_rule3_bare_numeric_stamp_on_the_same_day_leaves_metadata_alone() -> None:
    head = ld("2026-01-08T11:42:50+00:00")
    stamp = "<div class='article_details_date'><span>2026-01-08 | 12:42</span></div>"
    article = extract(page(head, stamp))
    assert article.published is not None
    assert article.published.isoformat() == "2026-01-08T11:42:50+00:00"


def test_rule3_localized_stamp_gives_the_publisher_offset() -> None:
    head = ld("2020-02-18T03:25:00Z")
    stamp = "<div class='item-date'><span>۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵</span></div>"
    article = extract(page(head, stamp))
    assert article.published is not None
    assert article.published.isoformat() == "2020-02-18T06:55:00+03:30"


def test_rule5_url_date_beats_a_later_update_stamp() -> None:
    stamp = (
        "<div class='cnn_strytmstmp'>الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</div>"
    )
    url = "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"
    article = extract(page(stamp=stamp), url=url)
    # The page states +04:00 for its update stamp: the URL's day takes that offset too, so the
    # two datetimes compare (rule 7).
    assert article.published == datetime(2013, 8, 3, tzinfo=timezone(timedelta(hours=4)))
    assert article.date_origin == "url"
    assert article.published_text is None
    assert article.modified is not None
    assert article.modified.date().isoformat() == "2013-08-28"
    assert article.modified > article.published
    assert "offset_from_page" in article.date_flags


def test_rule6_modified_before_published_is_a_conflict() -> None:
    head = (
        ld("2020-12-01T02:00:00+03:00")
        + "<meta property='article:modified_time' content='2020-11-30T20:36:03+03:00'>"
    )
    article = extract(page(head))
    assert article.modified is None
    assert any(c.role == "modified" for c in article.date_conflicts)


def test_dates_after_the_reference_yield_to_ones_on_time() -> None:
    head = ld("2030-01-01T00:00:00+00:00") + "<meta name='date' content='2020-05-01'>"
    article = extract(page(head), options=Options(reference=datetime(2021, 1, 1)))
    assert article.published == datetime(2020, 5, 1)
    assert "after_reference" not in article.date_flags


def test_a_reference_earlier_than_the_only_date_keeps_it_and_flags_it() -> None:
    article = extract(page(ld("2030-01-01T00:00:00+00:00")))
    assert article.published is not None
    early = extract(
        page(ld("2030-01-01T00:00:00+00:00")), options=Options(reference=datetime(2021, 1, 1))
    )
    assert early.published == article.published
    assert "after_reference" in early.date_flags


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html", "2013-08-03"),
        ("https://site.test/news/2020/12/25/slug", "2020-12-25"),
        ("https://site.test/2020-12-25/slug", "2020-12-25"),
        ("https://site.test/articles/6291787/slug", None),
        ("https://site.test/2020/slug", None),
        (None, None),
    ],
)
def test_url_date_text(url: str | None, text: str | None) -> None:
    assert url_date_text(url) == text


def test_a_stamp_split_over_side_by_side_elements() -> None:
    # No space between the spans in the markup: read glued, the year runs into the time.
    stamp = "<div class='date'><span>الأحد 5 نوفمبر 2023</span><span>02:20 م</span></div>"
    article = extract(page(stamp=stamp))
    assert article.published == datetime(2023, 11, 5, 14, 20)
    assert article.published_text == "الأحد 5 نوفمبر 2023 02:20 م"
